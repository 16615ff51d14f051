#!/usr/bin/env bash
# Deployment test: serves the example site with the nginx configuration of docs/deploying.md (extracted from
# the page, so the documentation is what is tested) under /ai-results/ on a free 127.0.0.1 port, crawls every
# link and checks status codes, Cache-Control, Content-Type, security headers and manifest.json hashes.
#
# Needs (installs nothing itself):
#   apt-get install -y nginx python3-pytest python3-yaml    (or: pip install pytest pyyaml)
#   a built binary: swift build --product yardstick
# Runs as root or as any user: nginx gets its own prefix, pid file and error log in a temporary folder and
# never touches a system nginx.
#
# Usage: scripts/test-nginx.sh [pytest arguments]   (e.g. -k cache, -x)
#   YARDSTICK_BIN  the executable to use (default .build/debug/yardstick)
#   NGINX_BIN      the nginx executable (default: nginx on the PATH, or /usr/sbin/nginx)
set -euo pipefail
cd "$(dirname "$0")/.."

binary="${YARDSTICK_BIN:-$PWD/.build/debug/yardstick}"
if [ ! -x "$binary" ]; then
    echo "test-nginx: no yardstick binary at $binary; run: swift build --product yardstick" >&2
    exit 2
fi
nginx="${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}"
if [ ! -x "$nginx" ]; then
    echo "test-nginx: nginx is not installed; run: apt-get install -y nginx" >&2
    exit 2
fi
python3 -c 'import pytest' 2>/dev/null || { echo "test-nginx: pytest is not installed (see the header of $0)" >&2; exit 2; }

export YARDSTICK_BIN="$binary" NGINX_BIN="$nginx" PYTHONDONTWRITEBYTECODE=1
exec python3 -m pytest Tests/deploy -p no:cacheprovider -o console_output_style=classic -rfE "$@"

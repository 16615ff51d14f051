#!/usr/bin/env bash
# Builds two wide portfolios and checks that `yardstick build` succeeds on each, printing wall time and peak
# resident memory (from /usr/bin/time -v, release build):
#   - metrics: one sampled project whose contract declares METRICS (default 500) more metrics, all with data;
#   - projects: a sampled portfolio of PROJECTS (default 500) projects over 12 months.
set -euo pipefail
cd "$(dirname "$0")/../.."
METRICS=${METRICS:-500}
PROJECTS=${PROJECTS:-500}
WORK=${WORK:-/tmp/yardstick-scale-wide}
SCRATCH=${SCRATCH:-.build-scale-rel}

swift build -c release --scratch-path "$SCRATCH" --product yardstick >&2
BIN="$SCRATCH/release/yardstick"
rm -rf "$WORK"
mkdir -p "$WORK"

# Runs `yardstick build` on a content directory and prints "name  wall  peak RSS"; fails unless it exits 0.
build() {
    local name=$1 content=$2
    local log="$WORK/$name.time" status=0
    /usr/bin/time -v "$BIN" build --content "$content" --output "$WORK/site-$name" --templates templates --quiet \
        >"$WORK/$name.out" 2>"$log" || status=$?
    if [ "$status" -ne 0 ]; then
        echo "$name: yardstick build exited $status" >&2
        tail -20 "$WORK/$name.out" "$log" >&2
        exit 1
    fi
    printf '%-9s exit 0  wall %s  peak RSS %d MiB  (%s files)\n' "$name" \
        "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")" \
        $(($(awk -F': ' '/Maximum resident set size/ {print $2}' "$log") / 1024)) \
        "$(find -L "$WORK/site-$name" -type f | wc -l)"
}

"$BIN" sample --projects 1 --months 12 --seed 1 "$WORK/metrics" >&2
project=$(find "$WORK/metrics/projects" -mindepth 1 -maxdepth 1 -type d | head -1)
python3 scripts/scale/wide_metrics.py "$project" "$METRICS" 2027-01-06 >&2
build metrics "$WORK/metrics"

"$BIN" sample --projects "$PROJECTS" --months 12 --seed 1 "$WORK/projects" >&2
build projects "$WORK/projects"

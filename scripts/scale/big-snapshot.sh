#!/usr/bin/env bash
# Measures `yardstick check` and `yardstick build` on a portfolio with one snapshot of about SIZE_MB megabytes
# (default 1024): peak resident memory and wall time from /usr/bin/time -v, release build.
#
#   scripts/scale/big-snapshot.sh                 # 1 GB snapshot in $WORK (default /tmp/yardstick-scale-big)
#   SIZE_MB=100 scripts/scale/big-snapshot.sh     # a quicker run
#
# The snapshot is generated once per size and reused (delete $WORK to regenerate).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MB=${SIZE_MB:-1024}
WORK=${WORK:-/tmp/yardstick-scale-big}
SCRATCH=${SCRATCH:-.build-scale-rel}
EXPORT_DAY=2027-01-06

swift build -c release --scratch-path "$SCRATCH" --product yardstick >&2
BIN="$SCRATCH/release/yardstick"
CONTENT="$WORK/content-$SIZE_MB"
if [ ! -f "$CONTENT/.complete" ]; then
    rm -rf "$CONTENT"
    mkdir -p "$WORK"
    "$BIN" sample --projects 1 --months 12 --seed 1 "$CONTENT" >&2
    project=$(find "$CONTENT/projects" -mindepth 1 -maxdepth 1 -type d | head -1)
    python3 scripts/scale/big_snapshot.py "$project" "$SIZE_MB" "$EXPORT_DAY" >&2
    touch "$CONTENT/.complete"
fi
bytes=$(find "$CONTENT" -name "$EXPORT_DAY.csv" -exec stat -c %s {} +)

# Runs a command under /usr/bin/time -v and prints "name  exit  wall  peak RSS".
measure() {
    local name=$1; shift
    local log="$WORK/$name.time"
    local status=0
    /usr/bin/time -v "$@" >"$WORK/$name.out" 2>"$log" || status=$?
    local rss wall
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
    printf '%-6s exit %d  wall %s  peak RSS %d MiB (%.0f %% of the snapshot)\n' \
        "$name" "$status" "$wall" $((rss / 1024)) "$(echo "$rss * 1024 * 100 / $bytes" | bc -l)"
    if [ "$status" -ne 0 ]; then tail -5 "$WORK/$name.out" "$log" >&2; fi
    return "$status"
}

echo "snapshot: $((bytes / 1048576)) MiB"
measure check "$BIN" check --content "$CONTENT"
rm -rf "$WORK/site"
measure build "$BIN" build --content "$CONTENT" --output "$WORK/site" --templates templates --quiet

#!/bin/sh
# Re-records every <case>/expected.txt in this folder from the current `yardstick check`.
#
# THE OUTPUT MUST BE REVIEWED BY A PERSON before it is committed. This script records what the
# loader says, not what it should say: read `git diff -- Tests/LoadingTests/Fixtures/invalid` and
# check, for every changed case, that the path, line and column point at the one fault the case
# plants, that the message says clearly what is wrong, and that there is no extra error. An extra
# error means either the fixture has a second fault (fix the fixture, then record again) or the
# loader reports a follow-on error (list the case in `knownCascades` in InvalidContentTests.swift
# and report it). Never edit an expected.txt by hand.
#
# A case is a whole content directory holding one fault. expected.txt holds the error lines only
# (warnings are left out), with the `<case>/` prefix removed from each path, in the loader's order.
#
# Usage: Tests/LoadingTests/Fixtures/invalid/record.sh [case ...]     (default: every case)
# The binary is .build/debug/yardstick or $YARDSTICK: run `swift build` first so that it matches the sources.
# A new case is a copy of ../valid/tiny with one fault planted; record it with `record.sh <case>`.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
bin=${YARDSTICK:-$repo/.build/debug/yardstick}
if [ ! -x "$bin" ]; then
    echo "record.sh: no binary at $bin; run 'swift build' first or set YARDSTICK" >&2
    exit 1
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd "$here"
if [ $# -eq 0 ]; then
    set -- */
fi
count=0
for dir in "$@"; do
    name=${dir%/}
    [ -d "$name" ] || { echo "record.sh: no case folder '$name'" >&2; exit 1; }
    # `check` exits 1 when it finds errors, which is the point here; keep going.
    "$bin" check --content "$name" --format text > "$out" 2>&1 || true
    awk -v prefix="$name/" '
        index($0, ": error: ") == 0 { next }
        index($0, prefix) == 1 { print substr($0, length(prefix) + 1); next }
        { print }
    ' "$out" > "$name/expected.txt"
    if [ ! -s "$name/expected.txt" ]; then
        echo "record.sh: warning: case '$name' produced no error" >&2
    fi
    count=$((count + 1))
done
echo "Recorded $count case(s). Now review: git diff -- Tests/LoadingTests/Fixtures/invalid"

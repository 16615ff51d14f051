#!/usr/bin/env bash
# Fuzzes the content loaders with libFuzzer: the CSV reader, the front-matter splitter and YAML decoding.
#
# Usage: scripts/fuzz.sh [TARGET|all] [SECONDS]     run one target, or all five in turn, SECONDS each (default 600)
#        scripts/fuzz.sh replay [FILE...]           run crash reproducers (default: all of Fuzz/crashes/) once
#
# Targets: csv, front-matter, contract-yaml, note, snapshot-with-contract (see docs/FUZZING.md).
#
# Builds Fuzz/ (its own package; the main build is untouched) with `-sanitize=fuzzer,address`,
# seeds each target's corpus from the test fixtures and content/, and runs the targets one after
# another under `nice`: the machine is shared. New corpus entries go to Fuzz/corpus-work/
# (kept between runs, not committed); crashing inputs go to Fuzz/crashes/<target>-crash-<sha1>.
# A summary line per target (executions, exec/s, crashes, corpus size) is appended to
# Fuzz/corpus-work/results.tsv and printed at the end.
#
# Findings already reported are named in FUZZ_TOLERATE (comma-separated) so that a long run looks
# for new bugs instead of stopping at a known one; the default lists the open ones (docs/FUZZING.md).
# `FUZZ_TOLERATE= scripts/fuzz.sh` checks everything. `replay` always checks everything.
# Other settings: NICE (10), SCRATCH (Fuzz/.build), MAX_LEN (per target), FUZZ_FLAGS (extra libFuzzer flags).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
scratch="${SCRATCH:-$fuzz/.build}"
work="$fuzz/corpus-work"
crashes="$fuzz/crashes"
nice_level="${NICE:-10}"
all_targets=(csv front-matter contract-yaml note snapshot-with-contract)
export FUZZ_TOLERATE="${FUZZ_TOLERATE-crlf-mark}"
# The Swift runtime's backtracer would catch the crash signal before libFuzzer and AddressSanitizer.
export SWIFT_BACKTRACE="enable=no"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1:handle_abort=1:handle_sigill=1}"

target="${1:-all}"
seconds="${2:-600}"

# libFuzzer ships with the toolchain's clang as libclang_rt.fuzzer; without it `-sanitize=fuzzer` cannot link.
check_libfuzzer() {
    toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"
    if ! find "$toolchain/lib" -name 'libclang_rt.fuzzer-*.a' -print -quit 2>/dev/null | grep -q .; then
        echo "no libFuzzer runtime (libclang_rt.fuzzer-*.a) in the Swift toolchain at $toolchain; see docs/FUZZING.md" >&2
        exit 1
    fi
}

# `swift build --sanitize fuzzer --sanitize address` would pass `-sanitize=fuzzer -sanitize=address`
# to swiftc, which keeps only the last one, in an order that changes from build to build: the Swift
# code would lack either coverage or AddressSanitizer. So `--sanitize fuzzer` only (SwiftPM then
# links executables without its `main` alias, leaving `main` to libFuzzer), and a last
# `-sanitize=fuzzer,address` for swiftc and `-fsanitize=address` for the C code (libyaml).
build() {
    check_libfuzzer
    echo "[build] Fuzz/ with -sanitize=fuzzer,address (release)"
    local attempt
    for attempt in 1 2 3; do
        if nice -n "$nice_level" swift build -c release --package-path "$fuzz" --scratch-path "$scratch" \
            --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
            -Xcc -fsanitize=address > "$work/build.log" 2>&1; then
            echo "        $(tail -1 "$work/build.log")"
            break
        fi
        # Others edit Sources/ while this builds; SwiftPM then stops with "modified during the build".
        if [[ "$attempt" == 3 ]] || ! grep -q "modified during the build" "$work/build.log"; then
            grep -E "error" "$work/build.log" >&2 || tail -20 "$work/build.log" >&2
            exit 1
        fi
        echo "        sources changed during the build; building again"
    done
    bin="$scratch/release"
    [[ -x "$bin/fuzz-csv" ]] || { echo "build failed" >&2; exit 1; }
    # Refuse to fuzz blind: the loaders' Swift code must carry both coverage counters and ASan checks.
    local object="$bin/LoadingHarness.build/CSVReader.swift.o" sections
    sections="$("$toolchain/bin/llvm-objdump" -h "$object" 2>/dev/null || true)"
    if ! grep -q __sancov_cntrs <<< "$sections" || ! grep -q asan <<< "$sections"; then
        echo "$object lacks coverage counters or AddressSanitizer instrumentation; delete $scratch and build again" >&2
        exit 1
    fi
    local counters
    counters="$(SWIFT_BACKTRACE=enable=no "$bin/fuzz-csv" -runs=0 2>&1 | sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' | head -1)"
    echo "        instrumented: coverage and AddressSanitizer, ${counters:-?} coverage counters"
}

max_len() {
    case "$1" in
        # Long enough for a whole contract (the largest in content/ is 2.5 KB) or many 64-byte CSV blocks;
        # shorter inputs run faster, and the bugs worth finding need no more.
        contract-yaml | snapshot-with-contract) echo "${MAX_LEN:-4096}" ;;
        note) echo "${MAX_LEN:-2048}" ;;
        *) echo "${MAX_LEN:-1024}" ;;
    esac
}

# Copies the fixtures a target starts from into $work/seeds/<target>/ (recreated each run).
seed() {
    local name="$1" seeds="$work/seeds/$1"
    rm -rf "$seeds"
    mkdir -p "$seeds"
    local sources=("$root/Tests/LoadingTests/Fixtures/valid" "$root/Tests/LoadingTests/Fixtures/invalid" "$root/content")
    local i=0
    copy() { while IFS= read -r -d '' file; do i=$((i + 1)); cp "$file" "$seeds/$i-$(basename "$file")"; done; }
    case "$name" in
        csv)
            copy < <(find "$root/Tests/LoadingTests/Fixtures/csv" "${sources[@]}" -name '*.csv' -print0) ;;
        front-matter | note)
            copy < <(find "${sources[@]}" -name '*.md' -path '*/projects/*' -print0) ;;
        contract-yaml)
            copy < <(find "${sources[@]}" -name '*.yml' -print0) ;;
        snapshot-with-contract)
            # contract.yml, a line `#### <export day>.csv`, then the snapshot: one project's pair per seed.
            while IFS= read -r -d '' contract; do
                for snapshot in "$(dirname "$contract")"/snapshots/*.csv; do
                    [[ -f "$snapshot" ]] || continue
                    i=$((i + 1))
                    { cat "$contract"; printf '\n#### %s\n' "$(basename "$snapshot")"; cat "$snapshot"; } > "$seeds/$i.pair"
                done
            done < <(find "${sources[@]}" -name contract.yml -print0)
            copy < <(find "$root/Tests/LoadingTests/Fixtures/csv" -name '*.csv' -print0) ;;
    esac
    echo "$i"
}

run() {
    local name="$1"
    local corpus="$work/$name" log="$work/$name.log"
    mkdir -p "$corpus" "$crashes"
    local seeded
    seeded="$(seed "$name")"
    echo "[fuzz] $name for ${seconds}s: $seeded seed files, corpus $(find "$corpus" -type f | wc -l) files, max_len $(max_len "$name")"
    local status=0
    # shellcheck disable=SC2086
    nice -n "$nice_level" "$bin/fuzz-$name" "$corpus" "$work/seeds/$name" \
        -max_total_time="$seconds" -max_len="$(max_len "$name")" -dict="$fuzz/yardstick.dict" \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$crashes/$name-" -print_final_stats=1 \
        ${FUZZ_FLAGS:-} > "$log" 2>&1 || status=$?
    local runs rate found size
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    size="$(find "$corpus" -type f | wc -l)"
    found=0
    if [[ "$status" != 0 ]]; then
        found=1
        echo "       CRASH (exit $status): $(reason "$log")"
        grep -E "Test unit written to" "$log" | sed 's/^/       /' || true
    fi
    printf '       %s executions, %s exec/s, %s crashes, corpus %s files; log %s\n' \
        "${runs:-?}" "${rate:-?}" "$found" "$size" "${log#"$root"/}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%d)" "$name" "$seconds" "${runs:-0}" "${rate:-0}" "$found" "$size" \
        >> "$work/results.tsv"
    summary+=("$(printf '%-24s %12s %8s %3s %7s' "$name" "${runs:-?}" "${rate:-?}" "$found" "$size")")
}

# The first line that says why a run stopped: a harness check, a Swift runtime trap, or a sanitizer report.
reason() {
    local pattern
    for pattern in 'Fatal error: .*' 'Swift runtime failure: [^/]*' 'ERROR: (AddressSanitizer|libFuzzer): .*'; do
        grep -m1 -o -E "$pattern" "$1" && return
    done
    echo "see $1"
}

replay() {
    export FUZZ_TOLERATE=""
    local files=("$@") failed=0
    if [[ ${#files[@]} -eq 0 ]]; then
        mapfile -t files < <(find "$crashes" -type f ! -name 'README*' | sort)
    fi
    for file in "${files[@]}"; do
        local base name=""
        base="$(basename "$file")"
        for candidate in "${all_targets[@]}"; do
            [[ "$base" == "$candidate"-* ]] && name="$candidate"
        done
        [[ -n "$name" ]] || { echo "[replay] $base: no target prefix, skipped"; continue; }
        if nice -n "$nice_level" "$bin/fuzz-$name" "$file" > "$work/replay.log" 2>&1; then
            echo "[replay] $base: passes (fixed)"
        else
            failed=$((failed + 1))
            echo "[replay] $base: FAILS: $(reason "$work/replay.log")"
        fi
    done
    echo "[replay] $failed of ${#files[@]} reproducers still fail"
}

# The whole run is one function, so bash has read all of it before it starts (editing this file
# during a run then cannot change what the run does).
main() {
    mkdir -p "$work"
    build
    if [[ "$target" == replay ]]; then
        shift
        replay "$@"
        exit 0
    fi

    summary=()
    case "$target" in
        all) targets=("${all_targets[@]}") ;;
        csv | front-matter | contract-yaml | note | snapshot-with-contract) targets=("$target") ;;
        *) echo "unknown target '$target'; one of: ${all_targets[*]}, all, replay" >&2; exit 2 ;;
    esac
    for name in "${targets[@]}"; do run "$name"; done
    echo
    printf '%-24s %12s %8s %3s %7s\n' target executions exec/s crashes corpus
    printf '%s\n' "${summary[@]}"
}

main "$@"; exit $?

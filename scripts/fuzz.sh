#!/usr/bin/env bash
# Fuzzes the content loaders with libFuzzer: the CSV reader, the front-matter splitter and YAML decoding.
#
# Usage: scripts/fuzz.sh [TARGET|all] [SECONDS]     run one target, or all five in turn, SECONDS each (default 600)
#        RUNS=N scripts/fuzz.sh TARGET [SECONDS]    stop after N executions (or SECONDS, if given, whichever comes first)
#        scripts/fuzz.sh replay [FILE...]           run crash reproducers (default: all of Fuzz/crashes/) once
#
# Targets: csv, front-matter, contract-yaml, note, snapshot-with-contract (see docs/FUZZING.md).
#
# Builds Fuzz/ (its own package; the main build is untouched) with `-sanitize=fuzzer,address`,
# seeds each target's corpus from the test fixtures and content/, and runs the targets one after
# another under `nice`: the machine is shared. New corpus entries go to Fuzz/corpus-work/
# (kept between runs, not committed); crashing inputs go to Fuzz/crashes/<target>-crash-<sha1>.
# A summary line per target (executions, wall seconds, exec/s, coverage, crashes, corpus size, and the
# commit and state of Sources/ that was built) is appended to Fuzz/corpus-work/results.tsv and printed at the end.
#
# Findings already reported but not fixed can be named in FUZZ_TOLERATE (comma-separated) so that a
# long run looks for new bugs instead of stopping at a known one (docs/FUZZING.md). The default is
# empty: no finding is open, every check is strict. `replay` always checks everything.
# COMMIT=<rev> fuzzes Sources/Model and Sources/Loading as committed at <rev> instead of the working
# tree (exported with `git archive` under SCRATCH/at-<rev>/, the harness beside them; the working
# tree is not touched), so a run is pinned to a commit while others edit Sources/.
# INSTANCE=<n> runs a further process on a target that is already running (one per core, as libFuzzer's -jobs does):
# it shares the target's corpus folder, so each process picks up what the others find, but keeps its own seeds and
# log (Fuzz/corpus-work/<target>.<n>.log) and its own line in results.tsv; executions of processes on the same
# commit add up.
# Other settings: RUNS (executions per target), NICE (19), SCRATCH (Fuzz/.build), MAX_LEN (per target),
# TIMEOUT (60: wall seconds one input may take; at nice 19 beside normal-priority builds an input of a few
# milliseconds can wait seconds for a core), FUZZ_FLAGS (extra libFuzzer flags).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
scratch="${SCRATCH:-$fuzz/.build}"
work="$fuzz/corpus-work"
crashes="$fuzz/crashes"
nice_level="${NICE:-19}"
all_targets=(csv front-matter contract-yaml note snapshot-with-contract)
export FUZZ_TOLERATE="${FUZZ_TOLERATE-}"
# The Swift runtime's backtracer would catch the crash signal before libFuzzer and AddressSanitizer.
export SWIFT_BACKTRACE="enable=no"
# No allocation and free stacks in reports (malloc_context_size=0) and no fill of new memory: a third of the
# time went to ASan's allocator, unwinding every malloc and filling it; detection is unchanged, and `replay`
# runs a reproducer with full stacks.
fuzz_asan="detect_leaks=0:allocator_may_return_null=1:handle_abort=1:handle_sigill=1"
replay_asan="${ASAN_OPTIONS:-$fuzz_asan}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-$fuzz_asan:malloc_context_size=0:max_malloc_fill_size=0}"

target="${1:-all}"
runs_limit="${RUNS:-}"
# With RUNS, no time limit unless SECONDS is given (libFuzzer: -max_total_time=0 is none).
if [[ -n "$runs_limit" ]]; then seconds="${2:-0}"; else seconds="${2:-600}"; fi

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
    local package="$fuzz" build_dir="$scratch"
    if [[ -n "${COMMIT:-}" ]]; then
        pin "$COMMIT"
        package="$pinned/Fuzz" build_dir="$pinned.build"
    fi
    echo "[build] ${package#"$root"/} with -sanitize=fuzzer,address (release)"
    local attempt
    for attempt in 1 2 3; do
        if nice -n "$nice_level" swift build -c release --package-path "$package" --scratch-path "$build_dir" \
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
    bin="$build_dir/release"
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
    # What was built: the commit, and whether Sources/Model or Sources/Loading differed from it (then
    # the first 7 hex digits of the diff's SHA-1, so two runs of the same uncommitted state can be told apart).
    if [[ -n "${COMMIT:-}" ]]; then
        built_commit="$pinned_commit" built_state=clean
        echo "        sources: commit $built_commit (COMMIT), Sources/Model and Sources/Loading as committed"
        return
    fi
    built_commit="$(git -C "$root" log -1 --format=%h 2>/dev/null || echo unknown)"
    local diff
    diff="$(git -C "$root" diff HEAD -- Sources/Model Sources/Loading 2>/dev/null || true)"
    diff+="$(git -C "$root" ls-files --others --exclude-standard -- Sources/Model Sources/Loading 2>/dev/null || true)"
    if [[ -z "$diff" ]]; then
        built_state=clean
    else
        built_state="modified-$(printf '%s' "$diff" | sha1sum | cut -c1-7)"
    fi
    echo "        sources: commit $built_commit, Sources/Model and Sources/Loading $built_state"
}

# $pinned/Sources/{Model,Loading} as committed at $1, and $pinned/Fuzz a copy of the harness package
# whose symlinks (../../../Sources/…) resolve to them. The sources are exported once per commit and
# harness files are copied only when they differ, so an unchanged tree builds incrementally.
pin() {
    pinned_commit="$(git -C "$root" rev-parse --short=7 --verify "$1^{commit}")" || exit 1
    pinned="$scratch/at-$pinned_commit"
    if [[ ! -d "$pinned/Sources" ]]; then
        mkdir -p "$pinned"
        git -C "$root" archive "$pinned_commit" Sources/Model Sources/Loading | tar -x -C "$pinned"
    fi
    local file sources=("$fuzz/Package.swift" "$fuzz/Sources")
    # Package.resolved exists once the harness has been built from the working tree.
    [[ -f "$fuzz/Package.resolved" ]] && sources+=("$fuzz/Package.resolved")
    while IFS= read -r -d '' file; do
        local relative="${file#"$fuzz"/}"
        if [[ -L "$file" ]]; then
            [[ -L "$pinned/Fuzz/$relative" ]] || { mkdir -p "$(dirname "$pinned/Fuzz/$relative")"; cp -a "$file" "$pinned/Fuzz/$relative"; }
        elif ! cmp -s "$file" "$pinned/Fuzz/$relative"; then
            mkdir -p "$(dirname "$pinned/Fuzz/$relative")"
            cp -a "$file" "$pinned/Fuzz/$relative"
        fi
    done < <(find "${sources[@]}" \( -type f -o -type l \) -print0)
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
    local name="$1" seeds="$work/seeds/$1${INSTANCE:+.$INSTANCE}"
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
    local corpus="$work/$name" log="$work/$name${INSTANCE:+.$INSTANCE}.log" seeds="$work/seeds/$name${INSTANCE:+.$INSTANCE}"
    mkdir -p "$corpus" "$crashes"
    local seeded
    seeded="$(seed "$name")"
    local limits=()
    [[ "$seconds" != 0 ]] && limits+=("${seconds}s")
    [[ -n "$runs_limit" ]] && limits+=("$runs_limit executions")
    echo "[fuzz] $name for ${limits[*]:-ever}: $seeded seed files, corpus $(find "$corpus" -type f | wc -l) files, max_len $(max_len "$name")"
    local status=0 started ended
    started="$(date +%s)"
    # shellcheck disable=SC2086
    nice -n "$nice_level" "$bin/fuzz-$name" "$corpus" "$seeds" \
        -max_total_time="$seconds" ${runs_limit:+-runs="$runs_limit"} -max_len="$(max_len "$name")" \
        -dict="$fuzz/yardstick.dict" -timeout="${TIMEOUT:-60}" -report_slow_units="${TIMEOUT:-60}" -rss_limit_mb=2048 -artifact_prefix="$crashes/$name-" \
        -print_final_stats=1 ${FUZZ_FLAGS:-} > "$log" 2>&1 || status=$?
    ended="$(date +%s)"
    local runs rate found size wall cov ft entries
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    size="$(find "$corpus" -type f | wc -l)"
    wall=$((ended - started))
    # Coverage from libFuzzer's last status line (`#N DONE cov: C ft: F corp: …`).
    cov="$(grep -E ' cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | sed -E 's/.* cov: ([0-9]+) ft: ([0-9]+).*/\1/')"
    ft="$(grep -E ' cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | sed -E 's/.* cov: ([0-9]+) ft: ([0-9]+).*/\2/')"
    # libFuzzer's own corpus (`corp: N/…`): the directory also keeps inputs that later, smaller ones replaced.
    entries="$(grep -E ' corp: [0-9]+/' "$log" | tail -1 | sed -E 's/.* corp: ([0-9]+)\/.*/\1/')"
    found=0
    # Ctrl-C: libFuzzer stops with exit code 72 and says so; the run found nothing.
    if [[ "$status" == 72 ]] && grep -q "libFuzzer: run interrupted; exiting" "$log"; then
        echo "       interrupted (SIGINT); counted as a run without crashes"
        status=0
    fi
    if [[ "$status" != 0 ]]; then
        found=1
        echo "       CRASH (exit $status): $(reason "$log")"
        grep -E "Test unit written to" "$log" | sed 's/^/       /' || true
    fi
    printf '       %s executions in %ss, %s exec/s, cov %s ft %s, %s crashes, corpus %s entries (%s files); log %s\n' \
        "${runs:-?}" "$wall" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$found" "${entries:-?}" "$size" "${log#"$root"/}"
    # date, target, seconds limit, executions, exec/s, crashes, corpus files, wall seconds, cov, ft,
    # commit, state of Sources/Model and Sources/Loading, executions limit, FUZZ_TOLERATE, libFuzzer's corpus entries
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" \
        "$seconds" "${runs:-0}" "${rate:-0}" "$found" "$size" "$wall" "${cov:-}" "${ft:-}" "$built_commit" "$built_state" \
        "${runs_limit:-}" "${FUZZ_TOLERATE:-}" "${entries:-}" >> "$work/results.tsv"
    summary+=("$(printf '%-24s %12s %6s %8s %6s %7s %3s %7s %s' "$name" "${runs:-?}" "$wall" "${rate:-?}" "${cov:-?}" \
        "${ft:-?}" "$found" "$size" "$built_commit/$built_state")")
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
    export FUZZ_TOLERATE="" ASAN_OPTIONS="$replay_asan"
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
    printf '%-24s %12s %6s %8s %6s %7s %3s %7s %s\n' target executions wall exec/s cov ft crashes corpus sources
    printf '%s\n' "${summary[@]}"
}

main "$@"; exit $?

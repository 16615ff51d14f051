#!/usr/bin/env bash
# Benchmarks `yardstick build` against Hugo, side by side on one machine in one run (docs/PERFORMANCE.md).
#
# Usage: scripts/bench/run.sh
#   PORTFOLIOS="50 200"  portfolio sizes (projects), each over MONTHS=36 report months, SEED=1
#   RUNS=5               runs of every measurement; medians are reported
#   FIT_SECONDS=1        CPU seconds per fit-rate measurement; SKIP_FITS=1 skips step (e)
#   SCENARIOS="cold warm note"  which build states to time (a smaller set for a quick look at a large portfolio)
#   COLD=moved           a cold run's previous output is moved aside (deleted after the runs); COLD=deleted deletes
#                        it just before, as `rm -rf` would (slow on ext4 without a journal: see docs/PERFORMANCE.md)
#   WORK=/tmp/yardstick-bench   where portfolios, sites and results go (portfolios are generated once and reused)
#   SCRATCH=.build-release      the release build folder (reuse one to skip a clean release build)
#
# Steps: builds yardstick and Benchmarks/AnalysisBenchmark in release mode (--scratch-path .build-release, so the
# debug build is untouched); writes each portfolio with `yardstick sample`; then scripts/bench/bench.py times
#   (a) yardstick build: cold, warm, and after adding one feedback note,
#   (b) Hugo building the same pages with the same HTML bodies (scripts/bench/hugo_site.py), alternating with (a),
#   (c) the peak RSS of every build (/usr/bin/time -f %M),
#   (d) `cp -r` of the output (and `tar -cf` of it): the sequential-write cost of the same files and bytes,
#   (e) statsmodels OLS + HAC fits (scripts/bench/statsmodels_fits.py) against Yardstick's, on the same datasets,
#   (f) with two or more portfolios, cold builds of each size in turn: the cost of size alone,
# and prints medians and ratios, also written to $WORK/results-<sizes>.md and .json.
# Needs hugo, /usr/bin/time, stdbuf, python3 with numpy and statsmodels
# (apt-get install -y hugo time; pip install statsmodels).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
portfolios="${PORTFOLIOS:-50 200}"
months="${MONTHS:-36}"
seed="${SEED:-1}"
runs="${RUNS:-5}"
fit_seconds="${FIT_SECONDS:-1}"
scenarios="${SCENARIOS:-cold warm note}"
skip_fits=()
[[ -n "${SKIP_FITS:-}" ]] && skip_fits=(--skip-fits)
work="${WORK:-${TMPDIR:-/tmp}/yardstick-bench}"
mkdir -p "$work"

for tool in hugo /usr/bin/time stdbuf python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hugo time coreutils python3)" >&2; exit 1; }
done
python3 -c "import statsmodels, numpy" 2>/dev/null || { echo "missing statsmodels (pip install statsmodels)" >&2; exit 1; }

scratch="${SCRATCH:-$root/.build-release}"
echo "[1/4] Building yardstick (release, $scratch)"
swift build -c release --package-path "$root" --scratch-path "$scratch" --product yardstick 2>&1 | tail -1
yardstick="$scratch/release/yardstick"

echo "[2/4] Building Benchmarks/AnalysisBenchmark (release)"
package="$root/Benchmarks/AnalysisBenchmark"
swift build -c release --package-path "$package" 2>&1 | tail -1
analysis="$(swift build -c release --package-path "$package" --show-bin-path)/analysis-benchmark"

echo "[3/4] Writing the portfolios"
for n in $portfolios; do
    content="$work/portfolio-$n/content"
    stamp="$work/portfolio-$n/sample-args"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$n $months $seed" && -d "$content" ]]; then
        echo "      portfolio-$n: reusing $content"
    else
        rm -rf "$work/portfolio-$n"
        mkdir -p "$work/portfolio-$n"
        "$yardstick" sample --projects "$n" --months "$months" --seed "$seed" "$content" | sed 's/^/      /'
        echo "$n $months $seed" > "$stamp"
    fi
done

echo "[4/4] Measuring ($runs runs each, alternating Yardstick and Hugo)"
verbose=()
"$yardstick" build --help | grep -q -- "--verbose" && verbose=(--verbose)
python3 "$root/scripts/bench/bench.py" "${verbose[@]}" --yardstick "$yardstick" --analysis-benchmark "$analysis" --work "$work" \
    --portfolios "$(echo $portfolios | tr ' ' ',')" --runs "$runs" --months "$months" --fit-seconds "$fit_seconds" \
    --scenarios "$(echo $scenarios | tr ' ' ',')" --cold "${COLD:-moved}" "${skip_fits[@]}"

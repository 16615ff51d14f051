#!/usr/bin/env bash
# Benchmarks the CSV reader against Python's csv module on a snapshot-like file.
#
# Usage: scripts/bench-csv.sh
#   ROWS=2000000, SWIFT_RUNS=15 and PYTHON_RUNS=5 by default; set any of them to override.
#
# Generates `period,metric,segment,value,n` rows once (seeded, so every run reads the same file),
# builds Benchmarks/CSVBenchmark in release mode (its own package: the main build is untouched),
# then reports the best of several runs of each reader, reading the file from disk and parsing the
# value column as a number, and the ratio of the two rates; then the same with the file already
# in memory, which compares the two readers alone. Rates are rows per CPU second of the process
# (user + system), so other load on the machine skews the comparison less. Target: 10x or more.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${ROWS:-2000000}"
swift_runs="${SWIFT_RUNS:-15}"
python_runs="${PYTHON_RUNS:-5}"
work="${TMPDIR:-/tmp}/yardstick-bench-csv"
file="$work/snapshot-$rows.csv"
mkdir -p "$work"

if [[ ! -f "$file" ]]; then
    echo "[1/4] Generating $rows rows in $file"
    python3 - "$file" "$rows" <<'PY'
import random
import sys

path, rows = sys.argv[1], int(sys.argv[2])
random.seed(4180)
periods = [f"{year}-{month:02d}" for year in range(2019, 2027) for month in range(1, 13)]
periods += [f"2026-03-{day:02d}" for day in range(1, 29)]
metrics = ["weekly-active-users", "nps", "time-to-first-value", "ticket-volume", "conversion-rate",
           "churn", "revenue-per-account", "adoption", "csat", "lead-time"]
segments = ["", "", "emea", "amer", "apac", "enterprise", "smb", '"emea, north"', '"smb, ""self-serve"""', "zürich"]

def value() -> str:
    kind = random.random()
    if kind < 0.55:
        return f"{random.gauss(50, 30):.2f}"
    if kind < 0.80:
        return repr(random.random() * 10 ** random.randint(-3, 4))
    if kind < 0.95:
        return str(random.randint(0, 250_000))
    return f"{random.random():.3e}"

with open(path, "w", encoding="utf-8", newline="") as out:
    out.write("period,metric,segment,value,n\n")
    for _ in range(rows):
        n = "" if random.random() < 0.1 else str(random.randint(1, 5000))
        out.write(f"{random.choice(periods)},{random.choice(metrics)},{random.choice(segments)},{value()},{n}\n")
PY
else
    echo "[1/4] Reusing $file"
fi
ls -l "$file" | awk '{ printf "      %.1f MB\n", $5 / 1e6 }'

echo "[2/4] Building Benchmarks/CSVBenchmark (release)"
package="$root/Benchmarks/CSVBenchmark"
swift build -c release --package-path "$package" >/dev/null
binary="$(swift build -c release --package-path "$package" --show-bin-path)/csv-benchmark"

echo "[3/4] Swift CSVReader, best of $swift_runs"
swift_output="$("$binary" "$file" "$swift_runs")"
echo "$swift_output" | sed 's/^/      /'
rate() { echo "$1" | sed -n "s/^$2=\([0-9]*\).*/\1/p"; }
swift_read="$(rate "$swift_output" swift_read_and_parse_rows_per_second)"
swift_mapped="$(rate "$swift_output" swift_mapped_and_parse_rows_per_second)"
swift_memory="$(rate "$swift_output" swift_parse_only_rows_per_second)"

echo "[4/4] Python $(python3 -c 'import platform; print(platform.python_version())') csv module, best of $python_runs"
python_output="$(python3 - "$file" "$python_runs" <<'PY'
import csv
import io
import sys
import time

path, runs = sys.argv[1], int(sys.argv[2])


def values(lines) -> int:
    reader = csv.reader(lines)
    next(reader)
    rows, total = 0, 0.0
    for row in reader:
        total += float(row[3])
        rows += 1
    return rows


def best(body) -> int:
    rate = 0.0
    for _ in range(runs):
        start = time.process_time()
        rows = body()
        rate = max(rate, rows / (time.process_time() - start))
    return round(rate)


def from_file() -> int:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return values(f)


with open(path, newline="", encoding="utf-8-sig") as f:
    text = f.read()
print(f"python_read_and_parse_rows_per_second={best(from_file)}")
print(f"python_parse_only_rows_per_second={best(lambda: values(io.StringIO(text, newline='')))}")
PY
)"
echo "$python_output" | sed 's/^/      /'
python_read="$(rate "$python_output" python_read_and_parse_rows_per_second)"
python_memory="$(rate "$python_output" python_parse_only_rows_per_second)"

line() { printf '  %-44s %10d rows/s\n' "$1" "$2"; }
ratio() { awk -v s="$2" -v p="$3" -v label="$1" 'BEGIN { printf "  %-44s %10.1fx\n", label, s / p }'; }
echo
echo "Rows per CPU second; every row's value column parsed as a number:"
line "Python csv module, reading the file" "$python_read"
line "Swift CSVReader, file read into [UInt8]" "$swift_read"
line "Swift CSVReader, file mapped" "$swift_mapped"
ratio "Ratio, file read (target >= 10x)" "$swift_read" "$python_read"
ratio "Ratio, file mapped" "$swift_mapped" "$python_read"
echo "With the file already in memory (the readers alone):"
line "Python csv module, over an in-memory str" "$python_memory"
line "Swift CSVReader, over the bytes" "$swift_memory"
ratio "Ratio, in memory (target >= 10x)" "$swift_memory" "$python_memory"

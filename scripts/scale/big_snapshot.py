#!/usr/bin/env python3
"""Adds one large, valid snapshot to a sampled project: every declared metric for many extra segments, daily.

Usage: big_snapshot.py PROJECT_DIR SIZE_MB EXPORT_DAY

The segments (region-0001, ...) are appended to the contract's `segments:` list so that `yardstick check`
accepts every row; periods run daily from 2019-01-01 to the day before EXPORT_DAY's year starts. Rows of
`mean` metrics carry an `n`, the others leave it empty, as exports usually do. The output is the same for
the same arguments.
"""
import datetime
import os
import re
import sys


def main():
    project, size_mb, export_day = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    contract_path = os.path.join(project, "contract.yml")
    contract = open(contract_path, encoding="utf-8").read()
    metrics = re.findall(r"^  ([a-z0-9_]+): *\{.*aggregate: (\w+)", contract, re.M)
    first = datetime.date(2019, 1, 1)
    last = datetime.date(int(export_day[:4]) - 1, 12, 31)
    days = [(first + datetime.timedelta(d)).isoformat() for d in range((last - first).days + 1)]

    row_bytes = sum(len(f"{days[0]},{m},region-0000,1234.56,{'250' if a == 'mean' else ''}\n") for m, a in metrics) / len(metrics)
    segment_count = max(1, round(size_mb * 1024 * 1024 / (row_bytes * len(days) * len(metrics))))
    segments = [f"region-{i:04d}" for i in range(1, segment_count + 1)]

    contract = contract.rstrip("\n") + "\n\nsegments: [" + ", ".join(segments) + "]\n"
    with open(contract_path, "w", encoding="utf-8") as f:
        f.write(contract)

    path = os.path.join(project, "snapshots", export_day + ".csv")
    state = 12345
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("period,metric,segment,value,n\n")
        for day in days:
            lines = []
            for metric, aggregate in metrics:
                weighted = aggregate == "mean"
                for segment in segments:
                    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
                    value = f"{state % 100000 / 100:.2f}"
                    lines.append(f"{day},{metric},{segment},{value},{50 + state % 400 if weighted else ''}\n")
            f.write("".join(lines))
    print(f"{path}: {os.path.getsize(path) / 1e6:.0f} MB, {len(days) * len(metrics) * len(segments)} rows "
          f"({len(days)} days x {len(metrics)} metrics x {len(segments)} segments)")


if __name__ == "__main__":
    main()

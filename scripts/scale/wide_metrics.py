#!/usr/bin/env python3
"""Declares COUNT more metrics in a sampled project's contract and adds a snapshot with their monthly values.

Usage: wide_metrics.py PROJECT_DIR COUNT EXPORT_DAY

Metrics wide_001 ... are usage (mean), system (max, with an SLO they meet) and cost (sum) metrics in turn,
each with one monthly row per month from 2024-01 through the month before EXPORT_DAY, in the `all`
segment. The output is the same for the same arguments.
"""
import os
import sys


def main():
    project, count, export_day = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    contract_path = os.path.join(project, "contract.yml")
    lines = open(contract_path, encoding="utf-8").read().split("\n")
    kinds = [("usage", "mean", ""), ("system", "max", ", slo: {max: 1000000}"), ("cost", "sum", "")]
    metrics = [(f"wide_{i:03d}", *kinds[i % 3]) for i in range(1, count + 1)]
    declared = [f'  {m}: {{name: "Wide metric {m[5:]}", layer: {layer}, unit: "units", aggregate: {agg}{slo}}}'
                for m, layer, agg, slo in metrics]
    at = lines.index("metrics:") + 1
    lines[at:at] = declared
    with open(contract_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

    year, month = int(export_day[:4]), int(export_day[5:7])
    months = []
    y, m = 2024, 1
    while (y, m) < (year, month):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    state = 7
    rows = ["period,metric,segment,value,n"]
    for period in months:
        for metric, _, _, _ in metrics:
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            rows.append(f"{period},{metric},,{state % 10000 / 10:.1f},")
    path = os.path.join(project, "snapshots", export_day + ".csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print(f"{contract_path}: {count} more metrics; {path}: {len(rows) - 1} rows")


if __name__ == "__main__":
    main()

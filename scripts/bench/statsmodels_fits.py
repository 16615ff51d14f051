#!/usr/bin/env python3
"""Time statsmodels on the regressions Yardstick fits, for scripts/bench/run.sh step (e).

    python3 scripts/bench/statsmodels_fits.py --write DATASETS.csv [--datasets 200]
    python3 scripts/bench/statsmodels_fits.py --read DATASETS.csv [--seconds 2]

--write draws the datasets (seeded): difference-in-differences series d_t of n = 36 months (12 baseline,
24 post-launch) with AR(1) noise and a month-of-year pattern, one row per month:
`dataset,month_of_year,post,y`. Benchmarks/AnalysisBenchmark reads the same file.

--read fits every dataset as SPEC section 4.2 does, for k = 2 (constant, post) and k = 13 (plus 11 month-of-year
dummies): OLS(...).fit(cov_type="HAC", cov_kwds={"maxlags": L, "use_correction": True}, use_t=True) with
L = floor(4 (n/100)^(2/9)), then the 95 % interval of the post coefficient; again and again for at least
--seconds of CPU time. Prints fits per CPU second and the first dataset's estimate, standard error and interval
in the same format as the Swift benchmark. Design matrices are built before timing, as in the Swift benchmark.
"""

import argparse
import math
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import statsmodels.api as sm  # noqa: E402


def write(path, count):
    rng = np.random.default_rng(20261103)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("dataset,month_of_year,post,y\n")
        for dataset in range(count):
            season = rng.normal(0, 0.08, 12)
            noise, previous = [], 0.0
            for _ in range(36):
                previous = 0.4 * previous + rng.normal(0, 0.1)
                noise.append(previous)
            effect = rng.normal(-0.5, 0.3)
            for t in range(36):
                moy = (t + 3) % 12 + 1
                post = 1 if t >= 12 else 0
                y = 0.3 + season[moy - 1] + effect * post + noise[t]
                out.write("%d,%d,%d,%.17g\n" % (dataset, moy, post, y))


def read(path):
    data = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            dataset, moy, post, y = line.rstrip("\n").split(",")
            entry = data.setdefault(int(dataset), ([], [], []))
            entry[0].append(int(moy))
            entry[1].append(float(post))
            entry[2].append(float(y))
    return [data[k] for k in sorted(data)]


def bench(datasets, seasonal, seconds):
    designs = []
    for moy, post, y in datasets:
        columns = [np.ones(len(y)), np.array(post)]
        if seasonal:
            columns += [np.array([1.0 if m == month else 0.0 for m in moy]) for month in range(2, 13)]
        lags = int(math.floor(4 * (len(y) / 100) ** (2 / 9)))
        designs.append((np.array(y), np.column_stack(columns), lags))
    fits, first = 0, None
    start = time.process_time()
    while True:
        for y, x, lags in designs:
            result = sm.OLS(y, x).fit(cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": True}, use_t=True)
            low, high = result.conf_int(0.05)[1]
            if first is None:
                first = (result.params[1], result.bse[1], low, high)
            fits += 1
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            break
    y, x, lags = designs[0]
    print("k=%d n=%d lags=%d fits=%d cpu_seconds=%.3f fits_per_second=%d estimate=%r se=%r low=%r high=%r"
          % (x.shape[1], len(y), lags, fits, elapsed, fits / elapsed, *(float(v) for v in first)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", metavar="CSV")
    parser.add_argument("--read", metavar="CSV")
    parser.add_argument("--datasets", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args(argv)
    if args.write:
        write(args.write, args.datasets)
    if args.read:
        datasets = read(args.read)
        for seasonal in (False, True):
            bench(datasets, seasonal, args.seconds)
    if not args.write and not args.read:
        parser.error("give --write and/or --read")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Reference numbers for Yardstick's numerical core (Sources/Analysis/Numerics).

Regenerate the fixtures with one command, from the repository root:

    python3 scripts/oracle/numerics_reference.py

It writes four JSON files to Tests/AnalysisTests/Fixtures/numerics/:

- student_t.json   Student-t CDF, survival and quantile from scipy.stats.t
- normal.json      normal CDF and quantile from scipy.stats.norm
- regression.json  OLS fits from statsmodels (nonrobust, HAC, cluster)
- welch.json       Welch two-sample t-tests from scipy.stats.ttest_ind

Everything is deterministic (one seeded numpy Generator) and takes a few
seconds. Needs numpy, scipy and statsmodels; their versions are recorded in
every file. The Swift tests in Tests/AnalysisTests/Numerics compare against
these numbers; never edit the JSON by hand.

Conventions the Swift side relies on:

- Regression designs are stored column by column ("columns"), matching
  `Matrix(columns:)`.
- For a rank-deficient design the aliased columns are found the way R's lm
  does (a column is aliased when it adds nothing to the columns before it),
  and the expected numbers come from statsmodels fitted on the design with
  those columns removed; aliased entries are null. (statsmodels itself would
  use a pseudo-inverse on the full design, whose coefficients are not
  comparable, and its HAC/cluster small-sample factors would count the
  aliased columns in k.)
- HAC fits use `cov_kwds={"maxlags": L, "use_correction": True}` and
  `use_t=True`; cluster fits use `cov_kwds={"groups": g}` and `use_t=True`
  (statsmodels' defaults: factor G/(G-1)*(n-1)/(n-k), t with G-1 df).
"""

import json
import math
import pathlib
import sys
import warnings

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
import statsmodels.api as sm

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "AnalysisTests" / "Fixtures" / "numerics"
RNG = np.random.default_rng(20240601)

GENERATOR = {
    "script": "scripts/oracle/numerics_reference.py",
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "statsmodels": statsmodels.__version__,
}

# Smallest value compared relatively; below it the value is a subnormal or
# zero in double precision and carries no relative accuracy.
TINY = 1e-290


def write(name, payload):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    with path.open("w") as handle:
        json.dump({"generator": GENERATOR, **payload}, handle, separators=(",", ":"))
        handle.write("\n")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def floats(values):
    return [float(v) for v in values]


# MARK: - Distributions

T_DFS = [1.0, 1.5] + [float(d) for d in range(2, 31)] + [50.0, 100.0, 300.0, 1000.0]
# Non-integer degrees of freedom as they arise from Welch–Satterthwaite.
T_DFS += [1.25, 2.7, 4.41, 9.708, 17.5, 63.3]

T_XS = [0.0]
for magnitude in [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 1, 1.3, 1.7, 2, 2.2, 2.5, 3, 4, 5, 7,
                  10, 15, 20, 35, 50, 100, 300, 1000, 1e4]:
    T_XS += [-magnitude, magnitude]

PROBABILITIES = [1e-6, 3e-6, 1e-5, 1e-4, 1e-3, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3,
                 0.4, 0.45, 0.49, 0.499, 0.5]
PROBABILITIES += [1.0 - p for p in PROBABILITIES if p != 0.5]


def student_t():
    cdf_rows, quantile_rows = [], []
    for df in T_DFS:
        xs = T_XS + floats(RNG.standard_t(df, size=6) * 2)
        for x in xs:
            cdf, sf = float(st.t.cdf(x, df)), float(st.t.sf(x, df))
            if min(cdf, sf) < TINY:
                continue
            # scipy's df = 1 branch loses ~1e-9 absolute accuracy for |x| < 1e-4.
            if df == 1.0 and 0 < abs(x) < 1e-3:
                continue
            two_sided = float(2 * st.t.sf(abs(x), df))
            cdf_rows.append({"df": df, "x": x, "cdf": cdf, "sf": sf, "twoSided": two_sided})
        ps = PROBABILITIES + floats(np.exp(RNG.uniform(math.log(1e-6), math.log(0.5), size=6)))
        ps += floats(RNG.uniform(1e-6, 1 - 1e-6, size=4))
        for p in ps:
            quantile_rows.append({"df": df, "p": p, "t": float(st.t.ppf(p, df))})
    # Deeper tails, where scipy is still accurate (checked against mpmath).
    for df in [1.0, 2.0, 5.0, 30.0, 1000.0]:
        for p in [1e-9, 1e-12]:
            quantile_rows.append({"df": df, "p": p, "t": float(st.t.ppf(p, df))})
    write("student_t.json", {"cdf": cdf_rows, "quantile": quantile_rows})


def normal():
    xs = [0.0]
    for magnitude in [1e-8, 1e-3, 0.1, 0.5, 1, 1.5, 1.96, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 37]:
        xs += [-magnitude, magnitude]
    xs += floats(RNG.normal(size=20) * 3)
    cdf_rows = []
    for x in xs:
        cdf, sf = float(st.norm.cdf(x)), float(st.norm.sf(x))
        if min(cdf, sf) < TINY:
            continue
        cdf_rows.append({"x": x, "cdf": cdf, "sf": sf})
    ps = PROBABILITIES + [1e-300, 1e-100, 1e-30, 1e-15, 1e-9]
    ps += floats(np.exp(RNG.uniform(math.log(1e-300), math.log(0.5), size=20)))
    ps += floats(RNG.uniform(1e-6, 1 - 1e-6, size=20))
    quantile_rows = [{"p": p, "x": float(st.norm.ppf(p))} for p in ps]
    write("normal.json", {"cdf": cdf_rows, "quantile": quantile_rows})


# MARK: - Regression

def newey_west_lags(n):
    return int(math.floor(4 * (n / 100.0) ** (2.0 / 9.0)))


def aliased_columns(X):
    """Columns that add nothing to the columns before them (R's lm order)."""
    kept, aliased = [], []
    rank = 0
    for j in range(X.shape[1]):
        trial = kept + [j]
        r = np.linalg.matrix_rank(X[:, trial])
        if r > rank:
            kept, rank = trial, r
        else:
            aliased.append(j)
    return kept, aliased


def month_dummies(months):
    """Eleven 0/1 columns for months 2…12 of the year (January is the reference)."""
    return [np.array([1.0 if m % 12 == j else 0.0 for m in months]) for j in range(1, 12)]


def ar1(n, phi, scale):
    e = RNG.normal(scale=scale, size=n)
    out = np.empty(n)
    out[0] = e[0] / math.sqrt(1 - phi * phi)
    for t in range(1, n):
        out[t] = phi * out[t - 1] + e[t]
    return out


def rounded(values, decimals=4):
    return np.round(np.asarray(values, dtype=float), decimals)


def regression_case(name, columns, y, covariance, note=""):
    X = np.column_stack([rounded(c) for c in columns])
    y = rounded(y)
    kept, aliased = aliased_columns(X)
    model = sm.OLS(y, X[:, kept])
    if covariance["kind"] == "nonrobust":
        fit = model.fit(use_t=True)
    elif covariance["kind"] == "hac":
        fit = model.fit(cov_type="HAC", cov_kwds={"maxlags": covariance["maxLags"], "use_correction": True},
                        use_t=True)
    else:
        fit = model.fit(cov_type="cluster", cov_kwds={"groups": np.asarray(covariance["groups"])}, use_t=True)
    if aliased:
        # The pseudo-inverse fit on the full design must give the same fitted values.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            full = sm.OLS(y, X).fit()
        assert np.allclose(full.fittedvalues, fit.fittedvalues, rtol=1e-9, atol=1e-9), name
    df = float(fit.df_resid_inference) if hasattr(fit, "df_resid_inference") else float(fit.df_resid)
    low, high = np.asarray(fit.conf_int(alpha=0.05)).T

    def spread(values):
        out = [None] * X.shape[1]
        for position, column in enumerate(kept):
            out[column] = float(values[position])
        return out

    return {
        "name": name,
        "note": note,
        "n": int(X.shape[0]),
        "k": len(kept),
        "columns": [floats(X[:, j]) for j in range(X.shape[1])],
        "y": floats(y),
        "covariance": covariance,
        "aliased": aliased,
        "df": df,
        "params": spread(fit.params),
        "bse": spread(fit.bse),
        "tvalues": spread(fit.tvalues),
        "pvalues": spread(fit.pvalues),
        "confLow": spread(low),
        "confHigh": spread(high),
    }


def seasonal_design(n, start_month=0, trend=True, covariates=0, covariate_scale=1.0, launch=None):
    months = [start_month + t for t in range(n)]
    launch = n // 2 if launch is None else launch
    post = np.array([1.0 if t >= launch else 0.0 for t in range(n)])
    columns = [np.ones(n), post] + month_dummies(months)
    if trend:
        columns.append(np.arange(n, dtype=float))
    for _ in range(covariates):
        columns.append(RNG.normal(loc=3.0, size=n) * covariate_scale)
    season = np.array([10 * math.sin(2 * math.pi * (m % 12) / 12) for m in months])
    return columns, post, season


def stacked_waves(waves, months, launches, seasonal=False, intercept=False):
    """Stacked d_t rows for a staged rollout: wave dummies, post, grouped by month."""
    columns = [[] for _ in range(waves + 1)]
    groups, y = [], []
    for w in range(waves):
        noise = ar1(months, 0.3, 2.0)
        for t in range(months):
            post = 1.0 if t >= launches[w] else 0.0
            for j in range(waves):
                columns[j].append(1.0 if j == w else 0.0)
            columns[waves].append(post)
            groups.append(201901 + 100 * (t // 12) + t % 12)  # yyyymm labels, not 0…G-1
            y.append(5.0 * w + 3.0 * post + noise[t])
    columns = [np.array(c) for c in columns]
    if intercept:
        columns = [np.ones(len(y))] + columns
    if seasonal:
        all_months = [t for _ in range(waves) for t in range(months)]
        columns += month_dummies(all_months)
    return columns, np.array(y), groups


def regression():
    cases = []

    # Small, simple designs.
    n = 24
    x = [np.ones(n), np.array([1.0 if t >= 14 else 0.0 for t in range(n)])]
    y = 100 + 4 * x[1] + ar1(n, 0.4, 3.0)
    cases.append(regression_case("intercept-post-nonrobust", x, y, {"kind": "nonrobust"}))
    cases.append(regression_case("intercept-post-hac-nw", x, y, {"kind": "hac", "maxLags": newey_west_lags(n)}))
    cases.append(regression_case("intercept-post-hac-0", x, y, {"kind": "hac", "maxLags": 0},
                                 "L = 0 is White's HC0 times n/(n-k)"))

    # 13+ columns: intercept, post, 11 month dummies, trend, covariates; several lags.
    n = 48
    columns, post, season = seasonal_design(n, start_month=3, covariates=2)
    y = 1000 + 25 * post + season + 0.8 * columns[-1] + ar1(n, 0.5, 8.0)
    for lags in [0, 1, 2, 6, 12]:
        cases.append(regression_case(f"seasonal-16col-hac-{lags}", columns, y, {"kind": "hac", "maxLags": lags}))
    cases.append(regression_case("seasonal-16col-hac-nw", columns, y, {"kind": "hac", "maxLags": newey_west_lags(n)}))
    cases.append(regression_case("seasonal-16col-nonrobust", columns, y, {"kind": "nonrobust"}))

    # Covariates on very different scales (conditioning).
    n = 36
    columns, post, season = seasonal_design(n, start_month=0, covariates=1, covariate_scale=1e5)
    y = 5e5 + 2e3 * post + 100 * season + 0.01 * columns[-1] + ar1(n, 0.2, 500.0)
    cases.append(regression_case("seasonal-scaled-hac-nw", columns, y, {"kind": "hac", "maxLags": newey_west_lags(n)}))

    # Rank-deficient designs (R's lm drops the aliased columns).
    n = 30
    x1, x2 = RNG.normal(size=n), RNG.normal(size=n)
    collinear = [np.ones(n), rounded(x1), rounded(x2), rounded(x1) + rounded(x2), RNG.normal(size=n)]
    y = 2 + x1 - x2 + ar1(n, 0.3, 1.0)
    cases.append(regression_case("collinear-sum-nonrobust", collinear, y, {"kind": "nonrobust"},
                                 "column 3 = column 1 + column 2"))
    cases.append(regression_case("collinear-sum-hac-2", collinear, y, {"kind": "hac", "maxLags": 2}))
    duplicate = [np.ones(n), rounded(x1, 2), rounded(x1, 2) * 2.5, rounded(x2)]
    cases.append(regression_case("collinear-duplicate-hac-nw", duplicate, y,
                                 {"kind": "hac", "maxLags": newey_west_lags(n)}, "column 2 = 2.5 × column 1"))

    n = 40
    months = list(range(n))
    post = np.array([1.0 if t >= 25 else 0.0 for t in range(n)])
    all_twelve = [np.ones(n), post] + month_dummies(months) + [np.array([1.0 if m % 12 == 0 else 0.0 for m in months])]
    y = 50 + 6 * post + np.array([3 * math.cos(m) for m in months]) + ar1(n, 0.4, 2.0)
    cases.append(regression_case("twelve-month-dummies-hac-nw", all_twelve, y,
                                 {"kind": "hac", "maxLags": newey_west_lags(n)},
                                 "intercept plus all twelve month dummies: the last is aliased"))
    n = 26
    months = [t for t in range(n + 4) if t % 12 != 5][:n]  # June never occurs
    post = np.array([1.0 if i >= 15 else 0.0 for i in range(n)])
    absent = [np.ones(n), post] + month_dummies(months)
    y = 10 + 2 * post + RNG.normal(size=n)
    cases.append(regression_case("absent-month-zero-column-hac-2", absent, y, {"kind": "hac", "maxLags": 2},
                                 "the June dummy is all zeros"))

    # Cluster-by-month stacked designs (staged rollout).
    columns, y, groups = stacked_waves(3, 30, [10, 16, 22])
    cases.append(regression_case("stacked-3waves-cluster", columns, y, {"kind": "cluster", "groups": groups}))
    columns, y, groups = stacked_waves(4, 36, [8, 14, 20, 30], seasonal=True)
    cases.append(regression_case("stacked-4waves-seasonal-cluster", columns, y, {"kind": "cluster", "groups": groups}))
    columns, y, groups = stacked_waves(2, 20, [9, 13], intercept=True)
    cases.append(regression_case("stacked-intercept-aliased-cluster", columns, y, {"kind": "cluster", "groups": groups},
                                 "intercept plus every wave dummy: the last wave dummy is aliased"))
    # Unbalanced clusters: drop some rows.
    columns, y, groups = stacked_waves(3, 24, [6, 12, 18])
    keep = [i for i in range(len(y)) if RNG.uniform() > 0.25]
    cases.append(regression_case("stacked-unbalanced-cluster", [c[keep] for c in columns], y[keep],
                                 {"kind": "cluster", "groups": [groups[i] for i in keep]}))

    # Small n.
    x = [np.ones(3), np.array([0.0, 1.0, 1.0])]
    cases.append(regression_case("small-n3-nonrobust", x, np.array([1.0, 2.5, 3.25]), {"kind": "nonrobust"}))
    x = [np.ones(5), np.array([0.0, 0.0, 1.0, 1.0, 1.0])]
    cases.append(regression_case("small-n5-hac-1", x, np.array([3.1, 2.7, 5.2, 4.4, 6.0]),
                                 {"kind": "hac", "maxLags": 1}))
    cases.append(regression_case("small-n5-hac-lags-beyond-n", x, np.array([3.1, 2.7, 5.2, 4.4, 6.0]),
                                 {"kind": "hac", "maxLags": 7}, "lags at or beyond n add nothing"))
    x = [np.ones(6), np.array([0.0, 1.0, 0.0, 1.0, 1.0, 0.0]), np.array([1.0, 2.0, 4.0, 3.0, 5.0, 7.0])]
    cases.append(regression_case("small-n6-cluster-3", x, np.array([2.0, 3.5, 4.0, 6.5, 7.0, 8.5]),
                                 {"kind": "cluster", "groups": [1, 1, 2, 2, 3, 3]}))

    # The rule of thumb statsmodels applies when maxlags is None (sandwich_covariance.S_hac_simple).
    lags = [[n, newey_west_lags(n)] for n in list(range(1, 241)) + [300, 500, 1000, 3844, 10000, 51200]]
    write("regression.json", {"cases": cases, "neweyWestLags": lags})


# MARK: - Welch

def welch_case(name, a, b):
    a, b = rounded(a), rounded(b)
    result = st.ttest_ind(a, b, equal_var=False)
    interval = result.confidence_interval(confidence_level=0.95)
    return {
        "name": name,
        "a": floats(a),
        "b": floats(b),
        "estimate": float(np.mean(a) - np.mean(b)),
        "t": float(result.statistic),
        "p": float(result.pvalue),
        "df": float(result.df),
        "low": float(interval.low),
        "high": float(interval.high),
    }


def welch():
    cases = [
        welch_case("equal-sizes", RNG.normal(10, 2, 12), RNG.normal(9, 2, 12)),
        welch_case("unequal-variances", RNG.normal(0, 1, 8), RNG.normal(1, 5, 20)),
        welch_case("minimal-sizes", [1.0, 2.0], [4.0, 7.5]),
        welch_case("three-versus-fifty", RNG.normal(5, 1, 3), RNG.normal(4, 3, 50)),
        welch_case("large-offset", 1e6 + RNG.normal(0, 0.5, 10), 1e6 + 0.3 + RNG.normal(0, 0.7, 9)),
        welch_case("negative-values", RNG.normal(-50, 10, 15), RNG.normal(-40, 4, 6)),
        welch_case("one-constant-sample", [3.0, 3.0, 3.0, 3.0], RNG.normal(2, 1, 7)),
        welch_case("no-difference", [1.0, 2.0, 3.0, 4.0], [2.5, 2.5, 1.0, 4.0]),
        welch_case("hundred-each", RNG.normal(0.2, 1, 100), RNG.normal(0, 1.5, 100)),
        welch_case("huge-t", RNG.normal(100, 0.1, 30), RNG.normal(0, 0.1, 30)),
        welch_case("year-over-year-differences", RNG.normal(12, 6, 5), RNG.normal(3, 6, 14)),
        welch_case("skewed", RNG.exponential(3, 25), RNG.exponential(2, 11)),
    ]
    write("welch.json", {"cases": cases})


if __name__ == "__main__":
    student_t()
    normal()
    regression()
    welch()

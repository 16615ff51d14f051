#!/usr/bin/env python3
"""Reference implementation of SPEC §4.1, §4.2 and §4.4 and generator of the method fixtures.

Run from anywhere:

    python3 scripts/oracle/methods_reference.py

It writes one JSON file per case to ``Tests/AnalysisTests/Fixtures/methods/<name>.json``
(and deletes stale ``*.json`` files there). The output is byte-for-byte the same on
every run: the synthetic data come from Python's ``random.Random(seed)`` (whose
``random()`` stream Python guarantees across versions) through a Box-Muller
transform written here, every case has a fixed seed, and the expected numbers are
written with ``json`` (``float.__repr__``: the shortest decimal that reads back as
the same double). Expected numbers are never rounded. Input data are quantised to
the precision a real export has (e.g. 3 decimals for minutes), so the inputs are
exact decimal strings and do not depend on the platform's libm.

Every fitted model is cross-checked against an independent numpy implementation
of the formulas written below (agreement to 1e-9 relative), so the formulas here
are what the Swift side must implement.

Fixture format
==============

``{"name", "description", "input": {...}, "expected": {...}}`` where ``input`` has
``method``, ``seasonality``, ``direction``, ``baseline {from, to}``, ``launch``
(YYYY-MM-DD; the earliest wave for staged-rollout), ``report_month``,
``target {change, relative}``, ``outcome {segment: {YYYY-MM: value}}``,
``treatment``, ``control``, ``waves {segment: YYYY-MM-DD}``,
``covariates {metric-id: {YYYY-MM: value}}``; and ``expected`` is either
``{"error": "<code>: <detail>"}`` or ``status``, ``baseline``, ``effect``,
``pretrend``, ``placebo``, ``waves``, ``event_time``, ``signals`` (see below).
Integers (n, k, df of OLS models, lags, months, post_months, e) are JSON
integers; df of before-after (Welch) is a real number. Compare reals at 1e-6
relative; an absolute floor of 1e-12 is harmless (no expected real is 0).

Conventions
===========

Months and windows
------------------
* A month is ``YYYY-MM``; its index is ``12*year + month - 1``. Only data for
  months <= ``report_month`` exist for the analysis: later months in ``outcome``
  or ``covariates`` are ignored (some fixtures include such months on purpose).
* Baseline months B = ``baseline.from`` .. ``baseline.to`` inclusive. Always
  ``baseline.to`` < the launch month in the fixtures.
* Launch day 1 -> the launch month is the first post-launch month. Any later
  day -> the launch month is a transition month, left out; the first
  post-launch month is the next month.
* Post-launch months P = first post-launch month .. ``report_month`` (possibly
  empty). Months after ``baseline.to`` and before the first post-launch month
  (gap and transition) are in no model, no signal and no check.
* Model rows are B followed by P, in calendar order. Time-series formulas
  (HAC lags, moving ranges) treat consecutive rows as adjacent even across the
  gap between B and P: lag j means "j rows apart", not "j calendar months".
* post_months = |P| (staged-rollout: the number of post rows in the stacked
  model, i.e. the sum over waves of their post months; the wave windows never
  overlap). Fewer than 2 -> status ``too-early``, ``effect`` null, ``waves``
  and ``event_time`` empty; baseline, signals, ``pretrend`` and ``placebo``
  are still reported.

Series
------
* Outcome series: controlled-comparison -> mean over the ``treatment``
  segments; staged-rollout -> mean over all wave segments; regression and
  before-after -> mean over the ``treatment`` segments when ``treatment`` is
  non-empty, else segment ``all`` (other segments in ``outcome`` are ignored).
  Means over segments are plain arithmetic means (the fixtures' segments are
  equally weighted).
* controlled-comparison: d_t = mean(treatment segments at t) - mean(control
  segments at t).
* staged-rollout: waves are sorted by go-live date (ties by segment name; the
  fixtures have no ties). For wave w (not the last), the comparison is the mean
  of all waves sorted after w (including waves that go live after the report
  month); d_t = y_w,t - mean(later waves at t).

Regression design and estimation (all OLS models)
-------------------------------------------------
* Column order: intercept, post, month-of-year dummies, then covariates sorted
  by metric id (byte order; JSON object order is not meaningful).
  post_t = 1 for rows in P, 0 for rows in B.
* Month-of-year dummies are used when ``seasonality`` is ``month-of-year`` and
  the model has n >= 24 rows. Reference = the calendar month of the earliest
  model month; one dummy for every other calendar month present among the
  model rows, in calendar order (Jan..Dec). (The effect, its se and k do not
  depend on the choice of reference.) Never for the pre-trend, placebo and
  event-time models.
* Aliased columns: columns are taken left to right and a column that is a
  linear combination of the columns kept so far is dropped (numpy
  ``matrix_rank`` with its default tolerance). Only the ``collinear-covariate``
  fixture has one: a covariate identical to another; the later one in
  metric-id order is dropped. A pivoted QR that drops aliased columns gives the
  same effect, se and k because the duplicate columns are identical. All other
  fixtures have full-rank designs (the generator asserts it).
* n = number of rows, k = number of columns kept (intercept, post, dummies,
  covariates), df = n - k.
* OLS: b = (X'X)^-1 X'y, u = y - Xb.
* HAC (every OLS model except the staged-rollout overall and event-time
  models): L = floor(4 * (n/100)^(2/9)) (n is the model's own n), Bartlett
  weights w_j = 1 - j/(L+1); with g_t = x_t u_t (row t of X times its
  residual),
      S = sum_t g_t g_t' + sum_{j=1..L} w_j sum_{t=j..n-1} (g_t g_{t-j}' + g_{t-j} g_t')
      V = (X'X)^-1 S (X'X)^-1 * n/(n-k)
  se = sqrt(V_jj); interval = b -/+ t_{0.975, n-k} * se. This is statsmodels
  ``OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L,
  "use_correction": True}, use_t=True)``; effect.lags = L.
* Cluster (staged-rollout overall and event-time): groups = calendar month of
  the row (rows of several waves in the same month share a cluster); G =
  number of distinct months; with s_g = sum of g_t over rows in group g,
      V = (X'X)^-1 (sum_g s_g s_g') (X'X)^-1 * G/(G-1) * (n-1)/(n-k)
  interval = b -/+ t_{0.975, G-1} * se. This is statsmodels
  ``cov_type="cluster", cov_kwds={"groups": month_index}, use_t=True``
  (defaults use_correction=True, df_correction=True). Reported df = G - 1,
  lags = 0, n and k as for OLS.

Methods
-------
* controlled-comparison: d = a + b*post (+ dummies); effect = b.
* staged-rollout, per wave w (not the last): rows = B then w's post months:
  from w's go-live month (the next month when go-live is not on the 1st)
  through the month before the next wave's go-live month, capped at
  ``report_month``. Model and HAC as controlled-comparison (dummies decided by
  this wave's own n). Entry ``{"wave", "estimate", "se", "low", "high", "n",
  "k", "lags"}``. The last wave: ``{"wave": w, "no_comparison": true}``. A
  non-last wave whose post window is empty (it goes live after the report
  month, or its only month is a transition month): ``{"wave": w,
  "no_post_months": true}`` and it is left out of the stacked model. Entries
  are in go-live order.
* staged-rollout overall: stack the rows (B + post) of every wave that has post
  months, wave by wave in go-live order; columns: intercept, one dummy per
  stacked wave except the first, post, then month dummies when seasonal and the
  stacked n >= 24 (reference = calendar month of the earliest stacked month).
  Cluster by month as above. effect = post coefficient.
* staged-rollout event time: same stacked rows; columns: intercept, wave
  dummies as above, one dummy per event time e present among the post rows
  (ascending), e = post month index - go-live month index (so a wave that went
  live after the 1st has no e = 0 row); no month dummies; cluster by month.
  ``event_time`` = [{"e", "estimate", "low", "high"}] ascending in e.
* regression: y = a + b*post (+ dummies) + sum_j c_j x_j; effect = b.
* before-after: Welch (scipy ``ttest_ind(post, base, equal_var=False)``;
  interval from ``.confidence_interval(0.95)``; Welch-Satterthwaite df;
  se = sqrt(var_post/n_post + var_base/n_base) with ddof 1).
  Year-over-year variant when ``seasonality`` is ``month-of-year``, every post
  month t has y_{t-12} in the data (any month <= report_month, including gap,
  transition and pre-baseline months) AND at least 2 baseline months have
  y_{t-12}: post = [y_t - y_{t-12} for t in P], base = [y_t - y_{t-12} for the
  baseline months t that have y_{t-12}]. Otherwise levels: post = y over P,
  base = y over B. effect = mean(post) - mean(base); n = len(post) +
  len(base); k = 2; lags = 0; df = Welch df (a real number). pretrend and
  placebo are null.

Diagnostics
-----------
Series: controlled-comparison d; staged-rollout the first wave's d (against
the mean of all later waves); regression y; before-after none (both null).
* pretrend: over B only, series ~ a + slope*t, t = 0, 1, ..., |B|-1, HAC with
  L from n = |B|, k = 2; report slope, its se and the two-sided p-value
  2 * (1 - F_t(|slope/se|; n-2)). No dummies, no covariates.
* placebo: over B only, post = 1 for rows with index >= floor(|B|/2);
  series ~ a + b*post, HAC with L from |B|; report b, se, interval. No dummies,
  no covariates.

Baseline and signals (§4.1)
---------------------------
* On the outcome series over B: mean, sd (ddof = 1), months = |B|,
  mr_mean = mean of |y_t - y_{t-1}| over the |B|-1 consecutive pairs,
  lcl = mean - 2.66 * mr_mean, ucl = mean + 2.66 * mr_mean.
* signals: the months of P (the outcome series; not the transition month) with
  value < lcl or > ucl, plus every month of a run of >= 8 consecutive months
  of P strictly on the same side of the mean (a value equal to the mean breaks
  a run). Sorted, each month once. Computed also when too early.

Status (§4.4)
-------------
* orient = +1 (increase) or -1 (decrease). tau_measured = change/100 *
  baseline mean when ``relative`` else change; tau = orient * tau_measured.
  Oriented estimate = orient * estimate; oriented interval = (low, high) when
  orient = +1, (-high, -low) when orient = -1.
* post_months < 2 -> ``too-early``; else lo > 0 and est >= tau -> ``on-track``;
  lo > 0 -> ``improving``; hi < 0 -> ``wrong-way``; else ``flat``.
* effect.percent = estimate / baseline mean * 100 (signed as measured);
  effect.target = tau_measured (in outcome units, signed as measured).
  The generator asserts every status decision has a margin of more than 1e-3 se
  (and every signal decision a margin of more than 1e-9 relative), so a
  1e-6 relative difference cannot flip one.

Errors (``expected = {"error": "<code>: <detail>"}``; compare the code)
--------------------------------------------------------------------
Checked in this order; each invalid fixture triggers exactly one:
1. ``no-baseline-data``: no series the method needs (outcome/treatment/control/
   wave segments) has a value for any baseline month.
2. ``missing-month``: a needed segment (or, for regression, a covariate) has no
   value for a month of B or P. Transition and gap months are not needed.
3. ``constant-outcome``: the outcome series over B and P, or the modelled
   series (d over B and P for controlled-comparison; for staged-rollout each
   non-last wave's d over B and that wave's post months), takes a single value
   (zero variance; exact equality, no tolerance).
4. ``too-many-parameters``: a model to be fitted has at least as many design
   columns (before dropping aliased ones) as rows (df <= 0).
Fixtures never have fewer than 6 baseline months or duplicate go-live dates;
those inputs are outside this reference.
"""

import json
import math
import os
import random
import sys
import time

import numpy as np
import scipy.stats
import statsmodels.api as sm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(ROOT, "Tests", "AnalysisTests", "Fixtures", "methods")


# MARK: - Months

def month_index(s):
    """'YYYY-MM' or 'YYYY-MM-DD' -> 12*year + month - 1."""
    return int(s[0:4]) * 12 + int(s[5:7]) - 1


def month_str(i):
    return "%04d-%02d" % (i // 12, i % 12 + 1)


def day_of(date):
    return int(date[8:10])


def first_full_month(date):
    """The first month wholly after a go-live date: its month on the 1st, else the next."""
    m = month_index(date)
    return m if day_of(date) == 1 else m + 1


class AnalysisError(Exception):
    def __init__(self, code, detail):
        super().__init__("%s: %s" % (code, detail))
        self.code = code


# MARK: - Numerics

def lags_for(n):
    return int(math.floor(4 * (n / 100) ** (2 / 9)))


def drop_aliased(X, names):
    """Keep columns left to right; drop a column in the span of the kept ones."""
    keep = []
    for j in range(X.shape[1]):
        cand = keep + [j]
        if np.linalg.matrix_rank(X[:, cand]) == len(cand):
            keep.append(j)
    return X[:, keep], [names[j] for j in keep]


DESIGN_LOG = []  # per fitted model: aliased columns dropped and conditioning (checked by main)


def rcond(X):
    """Reciprocal condition number of X with unit-norm columns."""
    Z = X / np.linalg.norm(X, axis=0)
    sv = np.linalg.svd(Z, compute_uv=False)
    return float(sv[-1] / sv[0])


def check_columns(n, p, what):
    if p >= n:
        raise AnalysisError("too-many-parameters", "%s has %d parameters for %d monthly observations" % (what, p, n))


def rel_close(a, b, tol=1e-9):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return bool(np.all(np.abs(a - b) <= tol * np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-300)))


def manual_bread(X, y):
    xtx_inv = np.linalg.inv(X.T @ X)
    b = xtx_inv @ (X.T @ y)
    u = y - X @ b
    return b, u, xtx_inv


def manual_hac(X, y, L):
    n, k = X.shape
    b, u, xtx_inv = manual_bread(X, y)
    g = X * u[:, None]
    S = g.T @ g
    for j in range(1, L + 1):
        w = 1 - j / (L + 1)
        s = g[j:].T @ g[:-j]
        S = S + w * (s + s.T)
    V = xtx_inv @ S @ xtx_inv * (n / (n - k))
    return b, np.sqrt(np.diag(V))


def manual_cluster(X, y, groups):
    n, k = X.shape
    b, u, xtx_inv = manual_bread(X, y)
    g = X * u[:, None]
    S = np.zeros((k, k))
    labels = sorted(set(groups.tolist()))
    for lab in labels:
        s = g[groups == lab].sum(axis=0)
        S = S + np.outer(s, s)
    G = len(labels)
    V = xtx_inv @ S @ xtx_inv * (G / (G - 1)) * ((n - 1) / (n - k))
    return b, np.sqrt(np.diag(V))


def fit(y, X, names, what, groups=None):
    """OLS with HAC (groups None) or month-clustered errors; returns per-column results."""
    y = np.asarray(y, dtype=float)
    X = np.asarray(X, dtype=float)
    check_columns(X.shape[0], X.shape[1], what)
    all_names = list(names)
    X, names = drop_aliased(X, names)
    n, k = X.shape
    assert np.linalg.matrix_rank(X) == k
    DESIGN_LOG.append({"dropped": [c for c in all_names if c not in names], "rcond": rcond(X)})
    if groups is None:
        L = lags_for(n)
        res = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L, "use_correction": True}, use_t=True)
        mb, mse = manual_hac(X, y, L)
        df = n - k
        assert int(res.df_resid) == df
    else:
        L = 0
        groups = np.asarray(groups)
        res = sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
        mb, mse = manual_cluster(X, y, groups)
        df = len(set(groups.tolist())) - 1
        assert int(res.df_resid_inference) == df
    params = np.asarray(res.params)
    bse = np.asarray(res.bse)
    ci = np.asarray(res.conf_int(alpha=0.05))
    pvals = np.asarray(res.pvalues)
    assert rel_close(params, mb, 1e-8) and rel_close(bse, mse, 1e-8), (what, params, mb, bse, mse)
    q = scipy.stats.t.ppf(0.975, df)
    assert rel_close(ci[:, 0], params - q * bse, 1e-9) and rel_close(ci[:, 1], params + q * bse, 1e-9)
    out = {}
    for j, name in enumerate(names):
        out[name] = {
            "estimate": float(params[j]), "se": float(bse[j]),
            "low": float(ci[j, 0]), "high": float(ci[j, 1]), "p": float(pvals[j]),
        }
    return {"coef": out, "n": int(n), "k": int(k), "df": int(df), "lags": int(L), "names": names}


def month_dummies(months, seasonal, n):
    """Month-of-year dummy columns for the given row months (see the module docstring)."""
    if not seasonal or n < 24:
        return [], []
    ref = min(months) % 12
    present = sorted(set(m % 12 for m in months))
    cols, names = [], []
    for cm in present:
        if cm == ref:
            continue
        col = [1.0 if m % 12 == cm else 0.0 for m in months]
        assert any(col)
        cols.append(col)
        names.append("month-%02d" % (cm + 1))
    return cols, names


def hac_design(series_pre, series_post, pre_months, post_months, seasonal, extra_cols=(), extra_names=()):
    """Rows B then P: intercept, post, month dummies, extra columns."""
    months = list(pre_months) + list(post_months)
    y = list(series_pre) + list(series_post)
    n = len(y)
    cols = [[1.0] * n, [0.0] * len(pre_months) + [1.0] * len(post_months)]
    names = ["intercept", "post"]
    dcols, dnames = month_dummies(months, seasonal, n)
    cols += dcols
    names += dnames
    cols += [list(c) for c in extra_cols]
    names += list(extra_names)
    X = np.array(cols, dtype=float).T
    return np.array(y, dtype=float), X, names


def effect_entry(f):
    c = f["coef"]["post"]
    return {"estimate": c["estimate"], "se": c["se"], "low": c["low"], "high": c["high"],
            "df": f["df"], "n": f["n"], "k": f["k"], "lags": f["lags"]}


def pretrend_and_placebo(series):
    nb = len(series)
    t = np.arange(nb, dtype=float)
    X = np.column_stack([np.ones(nb), t])
    pt = fit(series, X, ["intercept", "slope"], "pre-trend model")
    s = pt["coef"]["slope"]
    post = np.array([1.0 if i >= nb // 2 else 0.0 for i in range(nb)])
    X2 = np.column_stack([np.ones(nb), post])
    pl = fit(series, X2, ["intercept", "post"], "placebo model")
    c = pl["coef"]["post"]
    return ({"slope": s["estimate"], "se": s["se"], "p": s["p"]},
            {"estimate": c["estimate"], "se": c["se"], "low": c["low"], "high": c["high"]})


# MARK: - Analysis

def analyse(inp):
    method = inp["method"]
    seasonal = inp["seasonality"] == "month-of-year"
    report = month_index(inp["report_month"])
    base = list(range(month_index(inp["baseline"]["from"]), month_index(inp["baseline"]["to"]) + 1))
    assert len(base) >= 6 and base[-1] < month_index(inp["launch"])

    def clip(series):
        return {month_index(k): float(v) for k, v in series.items() if month_index(k) <= report}

    outcome = {seg: clip(s) for seg, s in inp["outcome"].items()}
    covariates = {cid: clip(s) for cid, s in sorted(inp["covariates"].items())}

    if method == "staged-rollout":
        waves = sorted(inp["waves"].items(), key=lambda kv: (kv[1], kv[0]))
        wave_names = [w for w, _ in waves]
        needed = wave_names
        outcome_segs = wave_names
        first_post = first_full_month(waves[0][1])
    else:
        first_post = first_full_month(inp["launch"])
        if method == "controlled-comparison":
            outcome_segs = list(inp["treatment"])
            needed = list(inp["treatment"]) + list(inp["control"])
        else:
            outcome_segs = list(inp["treatment"]) if inp["treatment"] else ["all"]
            needed = outcome_segs
    post = list(range(first_post, report + 1))

    # 1. no baseline data
    if not any(m in outcome.get(seg, {}) for seg in needed for m in base):
        raise AnalysisError("no-baseline-data", "no value for %s..%s" % (month_str(base[0]), month_str(base[-1])))
    # 2. missing months
    for seg in needed:
        for m in base + post:
            if m not in outcome.get(seg, {}):
                raise AnalysisError("missing-month", "segment %s has no value for %s" % (seg, month_str(m)))
    if method == "regression":
        for cid, s in covariates.items():
            for m in base + post:
                if m not in s:
                    raise AnalysisError("missing-month", "covariate %s has no value for %s" % (cid, month_str(m)))

    def mean_of(segs, m):
        return sum(outcome[s][m] for s in segs) / len(segs)

    def y_at(m):
        """Outcome series at m, or None when a segment lacks it (for before-after YoY)."""
        if all(m in outcome.get(s, {}) for s in outcome_segs):
            return mean_of(outcome_segs, m)
        return None

    ybase = [mean_of(outcome_segs, m) for m in base]
    ypost = [mean_of(outcome_segs, m) for m in post]

    # 3. constant series
    def check_constant(values, what):
        if len(set(values)) <= 1:
            raise AnalysisError("constant-outcome", "%s has the single value %r over the model months" % (what, values[0]))

    check_constant(ybase + ypost, "the outcome series")

    # Baseline and signals (§4.1)
    bmean = float(np.mean(ybase))
    bsd = float(np.std(ybase, ddof=1))
    mr = float(np.mean([abs(ybase[i] - ybase[i - 1]) for i in range(1, len(ybase))]))
    lcl = bmean - 2.66 * mr
    ucl = bmean + 2.66 * mr
    baseline = {"mean": bmean, "sd": bsd, "months": len(base), "mr_mean": mr, "lcl": lcl, "ucl": ucl}
    flagged = set()
    for m, v in zip(post, ypost):
        if v < lcl or v > ucl:
            flagged.add(m)
    run_start = 0
    for i in range(1, len(post) + 1):
        side_prev = np.sign(ypost[i - 1] - bmean)
        if i < len(post) and side_prev != 0 and np.sign(ypost[i] - bmean) == side_prev:
            continue
        if side_prev != 0 and i - run_start >= 8:
            flagged.update(post[run_start:i])
        run_start = i
    signals = [month_str(m) for m in sorted(flagged)]
    margins = {"signal": min([min(abs(v - lcl), abs(v - ucl), abs(v - bmean)) / abs(bmean) for v in ypost] or [1.0])}

    expected = {"status": None, "baseline": baseline, "effect": None, "pretrend": None, "placebo": None,
                "waves": [], "event_time": [], "signals": signals}

    too_early = False
    effect = None
    if method == "controlled-comparison":
        dpre = [mean_of(inp["treatment"], m) - mean_of(inp["control"], m) for m in base]
        dpost = [mean_of(inp["treatment"], m) - mean_of(inp["control"], m) for m in post]
        check_constant(dpre + dpost, "treatment - control")
        expected["pretrend"], expected["placebo"] = pretrend_and_placebo(dpre)
        post_months = len(post)
        if post_months >= 2:
            y, X, names = hac_design(dpre, dpost, base, post, seasonal)
            effect = effect_entry(fit(y, X, names, "the model"))
    elif method == "regression":
        cids = list(covariates)
        extra = [[covariates[c][m] for m in base + post] for c in cids]
        expected["pretrend"], expected["placebo"] = pretrend_and_placebo(ybase)
        post_months = len(post)
        if post_months >= 2:
            y, X, names = hac_design(ybase, ypost, base, post, seasonal, extra, ["cov:" + c for c in cids])
            effect = effect_entry(fit(y, X, names, "the model"))
    elif method == "before-after":
        post_months = len(post)
        if post_months >= 2:
            yoy_post = [None if y_at(m - 12) is None else y_at(m) - y_at(m - 12) for m in post]
            yoy_base = [y_at(m) - y_at(m - 12) for m in base if y_at(m - 12) is not None]
            if seasonal and all(v is not None for v in yoy_post) and len(yoy_base) >= 2:
                a, b = yoy_post, yoy_base
            else:
                a, b = ypost, ybase
            a = np.array(a, dtype=float)
            b = np.array(b, dtype=float)
            r = scipy.stats.ttest_ind(a, b, equal_var=False)
            ci = r.confidence_interval(0.95)
            est = float(np.mean(a) - np.mean(b))
            se = float(math.sqrt(np.var(a, ddof=1) / len(a) + np.var(b, ddof=1) / len(b)))
            assert rel_close(r._standard_error, se, 1e-12) and rel_close(r._estimate, est, 1e-12)
            effect = {"estimate": est, "se": se, "low": float(ci.low), "high": float(ci.high),
                      "df": float(r.df), "n": int(len(a) + len(b)), "k": 2, "lags": 0}
    elif method == "staged-rollout":
        def d_series(i, months):
            later = wave_names[i + 1:]
            return [outcome[wave_names[i]][m] - mean_of(later, m) for m in months]

        windows = []
        for i, (w, date) in enumerate(waves):
            if i == len(waves) - 1:
                windows.append((w, None))
                continue
            start = first_full_month(date)
            end = min(month_index(waves[i + 1][1]) - 1, report)
            windows.append((w, list(range(start, end + 1))))
        for i, (w, pm) in enumerate(windows):
            if pm is not None:
                check_constant(d_series(i, base + pm), "the difference series of %s" % w)
        expected["pretrend"], expected["placebo"] = pretrend_and_placebo(d_series(0, base))
        post_months = sum(len(pm) for _, pm in windows if pm)
        if post_months >= 2:
            wave_entries = []
            stack = []  # (wave position in stack, month, d, post, e)
            stacked_waves = []
            for i, (w, pm) in enumerate(windows):
                if pm is None:
                    wave_entries.append({"wave": w, "no_comparison": True})
                    continue
                if not pm:
                    wave_entries.append({"wave": w, "no_post_months": True})
                    continue
                dpre, dpost = d_series(i, base), d_series(i, pm)
                y, X, names = hac_design(dpre, dpost, base, pm, seasonal)
                f = fit(y, X, names, "the model of %s" % w)
                c = f["coef"]["post"]
                wave_entries.append({"wave": w, "estimate": c["estimate"], "se": c["se"], "low": c["low"],
                                     "high": c["high"], "n": f["n"], "k": f["k"], "lags": f["lags"]})
                pos = len(stacked_waves)
                stacked_waves.append(w)
                go = month_index(waves[i][1])
                for m, v in zip(base, dpre):
                    stack.append((pos, m, v, 0.0, None))
                for m, v in zip(pm, dpost):
                    stack.append((pos, m, v, 1.0, m - go))
            expected["waves"] = wave_entries
            n = len(stack)
            months = [r[1] for r in stack]
            groups = np.array(months)
            y = np.array([r[2] for r in stack])
            wcols = [[1.0 if r[0] == p else 0.0 for r in stack] for p in range(1, len(stacked_waves))]
            wnames = ["wave:" + w for w in stacked_waves[1:]]
            cols = [[1.0] * n] + wcols + [[r[3] for r in stack]]
            names = ["intercept"] + wnames + ["post"]
            dcols, dnames = month_dummies(months, seasonal, n)
            X = np.array(cols + dcols, dtype=float).T
            f = fit(y, X, names + dnames, "the stacked model", groups=groups)
            effect = effect_entry(f)
            es = sorted(set(r[4] for r in stack if r[4] is not None))
            ecols = [[1.0 if r[4] == e else 0.0 for r in stack] for e in es]
            X = np.array([[1.0] * n] + wcols + ecols, dtype=float).T
            fe = fit(y, X, ["intercept"] + wnames + ["e:%d" % e for e in es], "the event-time model", groups=groups)
            expected["event_time"] = [{"e": e, "estimate": fe["coef"]["e:%d" % e]["estimate"],
                                       "low": fe["coef"]["e:%d" % e]["low"], "high": fe["coef"]["e:%d" % e]["high"]}
                                      for e in es]
    else:
        raise ValueError(method)

    # Status (§4.4)
    orient = 1.0 if inp["direction"] == "increase" else -1.0
    change = float(inp["target"]["change"])
    tau_measured = change / 100.0 * bmean if inp["target"]["relative"] else change
    tau = orient * tau_measured
    if effect is None:
        status = "too-early"
        margins["status"] = None
    else:
        est = orient * effect["estimate"]
        lo, hi = (effect["low"], effect["high"]) if orient > 0 else (-effect["high"], -effect["low"])
        if lo > 0 and est >= tau:
            status = "on-track"
        elif lo > 0:
            status = "improving"
        elif hi < 0:
            status = "wrong-way"
        else:
            status = "flat"
        margins["status"] = min(abs(lo), abs(hi), abs(est - tau)) / effect["se"]
        effect["post_months"] = post_months
        effect["percent"] = effect["estimate"] / bmean * 100.0
        effect["target"] = tau_measured
    expected["status"] = status
    expected["effect"] = effect
    return expected, margins


# MARK: - Synthetic data

SEASON = [0.95, 0.55, 0.10, -0.30, -0.55, -0.80, -0.70, -0.35, 0.05, 0.30, 0.55, 1.20]


class Noise:
    """Seeded standard normals from random.Random.random() through Box-Muller (stable across Pythons)."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def normal(self):
        u1 = self.r.random()
        u2 = self.r.random()
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def ar1(noise, months, sd, rho):
    out, prev = {}, 0.0
    for m in months:
        prev = rho * prev + sd * noise.normal()
        out[m] = prev
    return out


def q(v, decimals):
    """Quantise to an export's precision; the string round-trip keeps the value an exact short decimal."""
    return float("%.*f" % (decimals, v)) if decimals > 0 else float(int(round(v)))


def ramp_factor(m, start, ramp):
    return min(1.0, (m - start + 1) / ramp)


def build(name, description, method, seed, *, seasonality="none", direction="decrease",
          baseline=("2025-03", "2026-02"), launch="2026-03-01", report="2026-10", target=(-15.0, True),
          data_from=None, data_to=None, level=8.4, amp=0.0, sd=0.10, common_sd=0.12, rho=0.4, effect=-1.0,
          ramp=1, trend=0.0, decimals=3, treatment=(), control=(), gap=0.5, waves=None, covariates=None,
          extra_segments=(), drop=None, constant=False, expect=None):
    """Builds one case's input from a seeded data-generating process."""
    noise = Noise(seed)
    b0, b1 = month_index(baseline[0]), month_index(baseline[1])
    rep = month_index(report)
    start = month_index(data_from) if data_from else b0
    stop = month_index(data_to) if data_to else rep
    months = list(range(start, stop + 1))
    common = ar1(noise, months, common_sd, rho)
    seas = {m: amp * SEASON[m % 12] for m in months}
    tr = {m: trend * (m - b0) for m in months}

    cov_values = {}
    cov_shift = {m: 0.0 for m in months}
    for cid, spec in (covariates or {}).items():
        if "duplicate_of" in spec:
            continue
        vals = {}
        for m in months:
            v = spec["level"] * (1 + spec.get("amp", 0.0) * SEASON[m % 12]) + spec.get("trend", 0.0) * (m - b0)
            v += spec["sd"] * noise.normal()
            vals[m] = q(v, spec.get("decimals", 0))
        mean_x = sum(vals[m] for m in range(b0, b1 + 1)) / (b1 - b0 + 1)
        for m in months:
            cov_shift[m] += spec["beta"] * (vals[m] - mean_x)
        cov_values[cid] = vals
    for cid, spec in (covariates or {}).items():
        if "duplicate_of" in spec:
            cov_values[cid] = dict(cov_values[spec["duplicate_of"]])

    def segment(lvl, eff_start=None, eff_date=None, eff=0.0):
        vals = {}
        for m in months:
            v = lvl + seas[m] + common[m] + tr[m] + cov_shift[m] + sd * noise.normal()
            if eff_start is not None:
                if m >= eff_start:
                    v += eff * ramp_factor(m, eff_start, ramp)
                elif eff_date is not None and day_of(eff_date) != 1 and m == month_index(eff_date):
                    v += eff * 0.5
            vals[m] = level if constant else q(v, decimals)
        return vals

    outcome = {}
    launch_first = first_full_month(launch)
    if method == "controlled-comparison":
        for j, seg in enumerate(treatment):
            outcome[seg] = segment(level + 0.15 * j, launch_first, launch, effect)
        for j, seg in enumerate(control):
            outcome[seg] = segment(level + gap - 0.1 * j)
    elif method == "staged-rollout":
        for j, (seg, date) in enumerate(waves.items()):
            eff = effect[j] if isinstance(effect, (list, tuple)) else effect
            outcome[seg] = segment(level + 0.2 * ((j * 7) % 5 - 2), first_full_month(date), date, eff)
    else:
        segs = list(treatment) if treatment else ["all"]
        for j, seg in enumerate(segs):
            outcome[seg] = segment(level + 0.1 * j, launch_first, launch, effect)
    for seg, lvl in extra_segments:
        outcome[seg] = segment(lvl)
    if drop:
        for seg, m in drop:
            del outcome[seg][month_index(m)]

    inp = {
        "method": method,
        "seasonality": seasonality,
        "direction": direction,
        "baseline": {"from": baseline[0], "to": baseline[1]},
        "launch": launch if method != "staged-rollout" else min(waves.values()),
        "report_month": report,
        "target": {"change": float(target[0]), "relative": bool(target[1])},
        "outcome": {seg: {month_str(m): v for m, v in sorted(s.items())} for seg, s in outcome.items()},
        "treatment": list(treatment) if method != "staged-rollout" else [],
        "control": list(control) if method == "controlled-comparison" else [],
        "waves": dict(waves) if method == "staged-rollout" else {},
        "covariates": {cid: {month_str(m): v for m, v in sorted(s.items())} for cid, s in cov_values.items()},
    }
    return {"name": name, "description": description, "input": inp, "expect": expect}


# MARK: - Cases

HT = dict(level=8.4, decimals=3)                                    # average handle time, minutes (decrease)
FCR = dict(level=71.0, sd=1.0, common_sd=0.8, decimals=2, direction="increase", gap=-2.0)  # first-contact resolution, %
CONV = dict(level=3.20, sd=0.05, common_sd=0.04, decimals=3, direction="increase", gap=0.1)  # web conversion, %
COST = dict(level=42.0, sd=0.6, common_sd=0.5, decimals=2, gap=2.0)  # cost per claim, USD (decrease)
DAYS = dict(level=5.6, sd=0.12, common_sd=0.1, decimals=2, gap=0.4)  # invoice cycle time, days (decrease)

CALLS = {"level": 52000, "amp": 0.06, "sd": 1400, "beta": 0.00004, "decimals": 0, "trend": 120}
BACKLOG = {"level": 1800, "amp": 0.10, "sd": 140, "beta": 0.0009, "decimals": 0}
PRICE = {"level": 101.0, "sd": 0.8, "beta": -0.03, "decimals": 1, "trend": 0.25}

CC = dict(treatment=["pilot-floor"], control=["other-floors"])
WAVES3 = {"wave-1": "2026-03-01", "wave-2": "2026-05-01", "wave-3": "2026-08-01"}
WAVES4T = {"north": "2025-10-01", "east": "2026-01-15", "south": "2026-04-01", "west": "2026-07-01"}


def cases():
    c = []
    add = c.append
    # --- controlled-comparison
    add(build("cc-improving", "Handle time, pilot floor vs other floors, 12-month baseline, no seasonality: improving short of the -15 % target.",
              "controlled-comparison", 101, effect=-0.9, **CC, **HT, expect="improving"))
    add(build("cc-seasonal-dummies-on-track", "Seasonal handle time with a 24-month baseline and 10 post months (n = 34 >= 24, month dummies on): on track.",
              "controlled-comparison", 102, seasonality="month-of-year", amp=0.35, baseline=("2024-03", "2026-02"),
              report="2026-12", effect=-1.6, **CC, **HT, expect="on-track"))
    add(build("cc-seasonal-under-24", "Seasonal handle time, 12-month baseline and 8 post months (n = 20 < 24): no month dummies.",
              "controlled-comparison", 103, seasonality="month-of-year", amp=0.35, effect=-1.0, **CC, **HT, expect="improving"))
    add(build("cc-flat", "Handle time with no true effect: the interval contains zero, status flat.",
              "controlled-comparison", 104, effect=0.0, **CC, **HT, expect="flat"))
    add(build("cc-wrong-way", "Handle time rises on the pilot floor after launch: moving the wrong way.",
              "controlled-comparison", 105, effect=0.7, **CC, **HT, expect="wrong-way"))
    add(build("cc-too-early", "Report month is the launch month: one post-launch month, too early.",
              "controlled-comparison", 106, report="2026-03", effect=-1.0, **CC, **HT, expect="too-early"))
    add(build("cc-transition-launch", "Launch on 17 March: March is a transition month left out; post months start in April.",
              "controlled-comparison", 107, launch="2026-03-17", effect=-1.2, **CC, **HT, expect="improving"))
    add(build("cc-multi-segments", "Three pilot teams against two control teams (means over the listed segments).",
              "controlled-comparison", 108, effect=-1.5, treatment=["team-a", "team-b", "team-c"],
              control=["team-d", "team-e"], extra_segments=[("all", 8.7)], **HT, expect="on-track"))
    add(build("cc-gap-and-later-data", "Baseline ends in December, launch 1 March: January and February are unused, and data after the report month are ignored.",
              "controlled-comparison", 109, baseline=("2025-01", "2025-12"), data_to="2026-12", report="2026-09",
              effect=-1.0, **CC, **HT, expect="improving"))
    add(build("cc-short-baseline", "Six-month baseline (L = 2 lags in the pre-trend and placebo), 7 post months.",
              "controlled-comparison", 110, baseline=("2025-09", "2026-02"), report="2026-09", effect=-1.6,
              **CC, **HT, expect="on-track"))
    add(build("cc-increase-absolute", "First-contact resolution (%, increase) with an absolute target of +3 points: on track.",
              "controlled-comparison", 111, target=(3.0, False), effect=4.5, **CC, **FCR, expect="on-track"))
    add(build("cc-constantish", "A nearly constant process (noise of a thousandth of a minute) with no effect: flat with a very narrow interval.",
              "controlled-comparison", 112, level=8.0, sd=0.001, common_sd=0.0005, decimals=4, effect=0.0, **CC,
              expect="flat"))
    add(build("cc-seasonal-long-post-signals", "Seasonal handle time, 12-month baseline and 14 post months (n = 26, dummies on) with a sustained drop that the control chart flags.",
              "controlled-comparison", 113, seasonality="month-of-year", amp=0.3, report="2027-04", effect=-1.1,
              ramp=3, **CC, **HT, expect="improving"))
    add(build("cc-run-signal", "A modest drop inside the control limits: 8 consecutive post months below the centre line after one above it are run signals.",
              "controlled-comparison", 118, report="2026-12", effect=-0.3, **CC, **HT, expect="improving"))
    add(build("cc-short-runs-no-signal", "A modest drop whose post months form runs of 4 and 5 below the centre line: no run signal, no month outside the limits.",
              "controlled-comparison", 133, report="2026-12", effect=-0.3, **CC, **HT, expect="improving"))
    # --- staged-rollout
    add(build("sr-3-waves", "Three waves (Mar, May, Aug) of a handle-time rollout, report October: per-wave effects, stacked effect and event time.",
              "staged-rollout", 201, waves=WAVES3, effect=-1.1, **HT, expect="improving"))
    add(build("sr-3-waves-seasonal", "Seasonal three-wave rollout: per-wave models have n < 24 (no dummies), the stacked model n >= 24 (dummies on).",
              "staged-rollout", 202, seasonality="month-of-year", amp=0.3, waves=WAVES3, effect=-1.5,
              **HT, expect="on-track"))
    add(build("sr-4-waves-transition-seasonal", "Four regions going live Oct, mid-Jan (transition), Apr and Jul after a 24-month baseline; names are not in go-live order.",
              "staged-rollout", 203, seasonality="month-of-year", amp=0.3, baseline=("2023-10", "2025-09"),
              report="2026-09", waves=WAVES4T, effect=-1.0, **DAYS, target=(-0.5, False), expect="on-track"))
    add(build("sr-4-waves-nonseasonal", "Four waves of a cost-per-claim rollout with a transition wave, no seasonality: flat.",
              "staged-rollout", 204, baseline=("2024-10", "2025-09"), report="2026-09", waves=WAVES4T, effect=0.0,
              **COST, expect="flat"))
    add(build("sr-too-early", "First wave live on 1 March, report March: too early, nothing estimated but the diagnostics.",
              "staged-rollout", 205, report="2026-03", waves=WAVES3, effect=-1.0, **HT, expect="too-early"))
    add(build("sr-mid-rollout", "Report in June, before waves 3 and 4 go live: wave 3 has no post months, wave 4 has no comparison.",
              "staged-rollout", 206, report="2026-06",
              waves={"wave-1": "2026-03-01", "wave-2": "2026-05-01", "wave-3": "2026-08-01", "wave-4": "2026-10-01"},
              effect=-0.8, **HT, expect="improving"))
    add(build("sr-increase-wrong-way", "Web conversion (%, increase) across three store groups falls after each go-live: wrong way.",
              "staged-rollout", 207, waves={"group-a": "2026-02-01", "group-b": "2026-05-01", "group-c": "2026-08-01"},
              baseline=("2025-02", "2026-01"), effect=-0.25, target=(10.0, True), **CONV, expect="wrong-way"))
    # --- regression
    add(build("rg-one-covariate", "Handle time controlled for call volume, no seasonality: improving.",
              "regression", 301, covariates={"calls": CALLS}, effect=-0.9, **HT, expect="improving"))
    add(build("rg-seasonal-dummies-two-covariates", "Seasonal handle time with calls and backlog, 24-month baseline (n = 34, month dummies on): on track.",
              "regression", 302, seasonality="month-of-year", amp=0.35, baseline=("2024-03", "2026-02"), report="2026-12",
              covariates={"calls": CALLS, "backlog": BACKLOG}, effect=-1.6, **HT, expect="on-track"))
    add(build("rg-seasonal-under-24", "Seasonal handle time with calls, n = 20 < 24: no month dummies.",
              "regression", 303, seasonality="month-of-year", amp=0.2, covariates={"calls": CALLS}, effect=-1.0,
              **HT, expect="improving"))
    add(build("rg-no-covariates", "Regression with no covariates: y = a + b post.",
              "regression", 304, effect=-1.4, **HT, expect="on-track"))
    add(build("rg-collinear-covariate", "Two covariates with identical values (calls and calls-handled): the later one is aliased and dropped, k counts it out.",
              "regression", 305, covariates={"calls": CALLS, "calls-handled": {"duplicate_of": "calls"}}, effect=-1.0,
              **HT, expect="improving"))
    add(build("rg-treatment-segments", "Regression on the mean of two treatment segments; the segment 'all' and the months before the baseline are present and ignored.",
              "regression", 306, data_from="2024-09", treatment=["billing", "tech"], extra_segments=[("all", 9.1)],
              covariates={"calls": CALLS}, effect=-0.9, **HT, expect="improving"))
    add(build("rg-transition-wrong-way", "Claim cost rises after a 10 June launch (June is a transition month), controlling for a price index.",
              "regression", 307, launch="2026-06-10", baseline=("2025-06", "2026-05"), report="2026-12",
              covariates={"price-index": PRICE}, effect=2.5, **COST, expect="wrong-way"))
    add(build("rg-too-early", "Launch on 20 September, report October: one post month, too early.",
              "regression", 308, launch="2026-09-20", baseline=("2025-09", "2026-08"), covariates={"calls": CALLS},
              effect=-1.0, **HT, expect="too-early"))
    add(build("rg-increase-relative", "First-contact resolution (%, increase) with a +5 % relative target and a backlog covariate: on track.",
              "regression", 309, covariates={"backlog": {**BACKLOG, "beta": -0.004}}, target=(5.0, True), effect=6.0,
              **FCR, expect="on-track"))
    add(build("rg-short-baseline-flat", "Six-month baseline, invoice cycle time with no true effect: flat.",
              "regression", 310, baseline=("2025-09", "2026-02"), covariates={"backlog": {**BACKLOG, "beta": 0.0002}},
              effect=0.0, **DAYS, expect="flat"))
    add(build("rg-seasonal-absolute-trend", "Seasonal cost per claim with a drifting price index, 24-month baseline and an absolute target of -3 USD.",
              "regression", 311, seasonality="month-of-year", amp=1.5, baseline=("2024-06", "2026-05"), launch="2026-06-01",
              report="2027-01", covariates={"price-index": PRICE}, target=(-3.0, False), effect=-2.0, **COST,
              expect="improving"))
    # --- before-after
    add(build("ba-levels", "Before-after on levels (no seasonality): Welch between post and baseline handle time.",
              "before-after", 401, effect=-1.0, **HT, expect="improving"))
    add(build("ba-yoy", "Seasonal before-after with a prior year of history: Welch on year-over-year differences (12 post, 12 baseline).",
              "before-after", 402, seasonality="month-of-year", amp=0.4, data_from="2024-03", report="2027-02",
              effect=-1.5, rho=0.6, **HT, expect="on-track"))
    add(build("ba-yoy-partial-history", "Seasonal before-after where only 5 baseline months have a month a year earlier; post months use baseline months as t-12.",
              "before-after", 403, seasonality="month-of-year", amp=0.4, data_from="2024-10", effect=-1.0,
              **HT, expect="improving"))
    add(build("ba-seasonal-no-history", "Seasonal before-after with data starting at the baseline: no baseline month has y(t-12), so Welch falls back to levels.",
              "before-after", 404, seasonality="month-of-year", amp=0.25, effect=-0.8, **HT, expect="improving"))
    add(build("ba-seasonal-post-beyond-history", "Seasonal, 6-month baseline and 10 post months: some post months have no y(t-12), so levels are compared.",
              "before-after", 405, seasonality="month-of-year", amp=0.2, baseline=("2025-09", "2026-02"),
              report="2026-12", effect=-1.4, **HT, expect="on-track"))
    add(build("ba-too-early", "Before-after with one post month: too early.",
              "before-after", 406, report="2026-03", effect=-1.0, **HT, expect="too-early"))
    add(build("ba-increase-absolute-flat", "Web conversion (%, increase) with an absolute +0.3 point target and no change: flat.",
              "before-after", 408, target=(0.3, False), effect=0.0, **CONV, expect="flat"))
    add(build("ba-wrong-way-transition", "Invoice cycle time rises after a 12 March launch (transition month), levels Welch: wrong way.",
              "before-after", 408, launch="2026-03-12", effect=0.6, **DAYS, expect="wrong-way"))
    add(build("ba-yoy-transition-treatment", "Seasonal YoY before-after on the mean of two treatment segments, with a transition launch month serving as t-12.",
              "before-after", 409, seasonality="month-of-year", amp=0.4, data_from="2024-01", baseline=("2025-01", "2025-12"),
              launch="2026-01-20", report="2027-01", treatment=["billing", "tech"], extra_segments=[("all", 8.9)],
              effect=-1.6, **HT, expect="on-track"))
    # --- invalid
    add(build("invalid-constant-outcome", "Handle time reported as exactly 8.0 every month: zero variance, no estimate.",
              "regression", 501, constant=True, level=8.0, effect=0.0, expect="constant-outcome"))
    add(build("invalid-missing-month", "The pilot floor has no value for 2025-09, inside the baseline window.",
              "controlled-comparison", 502, drop=[("pilot-floor", "2025-09")], effect=-1.0, **CC, **HT,
              expect="missing-month"))
    add(build("invalid-too-many-parameters", "Six baseline and two post months (n = 8) with seven covariates (k = 9).",
              "regression", 503, baseline=("2025-09", "2026-02"), report="2026-04",
              covariates={"x-%d" % j: {"level": 100.0 + 10 * j, "sd": 5.0, "beta": 0.0, "decimals": 1} for j in range(1, 8)},
              effect=-1.0, **HT, expect="too-many-parameters"))
    add(build("invalid-no-baseline-data", "The baseline window 2024-03..2025-02 lies before the first month of data (2025-03).",
              "before-after", 504, baseline=("2024-03", "2025-02"), data_from="2025-03", effect=-1.0, **HT,
              expect="no-baseline-data"))
    return c


# MARK: - Main

def main():
    t0 = time.time()
    os.makedirs(OUT_DIR, exist_ok=True)
    written = set()
    failures = []
    for case in cases():
        expect = case.pop("expect")
        del DESIGN_LOG[:]
        try:
            expected, margins = analyse(case["input"])
        except AnalysisError as err:
            expected, margins = {"error": str(err)}, None
            if err.code != expect:
                failures.append("%s: expected %s, got error %s" % (case["name"], expect, err))
        else:
            if expected["status"] != expect:
                failures.append("%s: expected status %s, got %s" % (case["name"], expect, expected["status"]))
            if margins["status"] is not None and margins["status"] < 1e-3:
                failures.append("%s: status decided by a margin of %g se" % (case["name"], margins["status"]))
            dropped = sorted(set(c for d in DESIGN_LOG for c in d["dropped"]))
            if dropped != (["cov:calls-handled"] if case["name"] == "rg-collinear-covariate" else []):
                failures.append("%s: aliased columns dropped: %s" % (case["name"], dropped))
            worst = min(d["rcond"] for d in DESIGN_LOG) if DESIGN_LOG else 1.0
            if worst < 1e-6:
                failures.append("%s: a design is ill-conditioned (rcond %g)" % (case["name"], worst))
            if margins["signal"] < 1e-9:
                failures.append("%s: a signal is decided by a margin of %g" % (case["name"], margins["signal"]))
        case["expected"] = expected
        text = json.dumps(case, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        path = os.path.join(OUT_DIR, case["name"] + ".json")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        written.add(case["name"] + ".json")
    for fname in sorted(os.listdir(OUT_DIR)):
        if fname.endswith(".json") and fname not in written:
            os.remove(os.path.join(OUT_DIR, fname))
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    print("wrote %d fixtures to %s in %.1f s" % (len(written), os.path.relpath(OUT_DIR, ROOT), time.time() - t0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate the example Northwind Retail portfolio in content/.

Run from the repository root:

    python3 scripts/generate-example-content.py [--out DIR]

The output is a pure function of this script: the numbers come from a seeded
random.Random, the YAML is written from string templates, and every file is
UTF-8 with LF line endings, so running it twice gives byte-identical files.
Python 3 standard library only.

The portfolio has four projects, one per attribution method, each telling a
different story (SPEC sections 2 and 4):

  support-copilot        controlled-comparison  clearly on track
  invoice-matching       staged-rollout         flat; target loosened (target-moved)
  demand-forecast        regression             moving the wrong way; SLO breaches;
                                                a month without cost data
  sales-email-assistant  before-after           modest improvement; tracking designed
                                                after launch, self-graded, baseline
                                                agreed off the measured figure

Only content/yardstick.yml, content/events.yml and the four project
directories are (re)written; content/editions.yml (written by
`yardstick publish`) and anything else in the directory is left alone.
"""

import argparse
import calendar
import datetime as dt
import os
import random
import re
import shutil
import sys

SEED = 20261103
AS_OF = "2026-10"


# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------

def ym_parse(ym):
    y, m = ym.split("-")
    return int(y), int(m)


def ym_add(ym, k):
    y, m = ym_parse(ym)
    i = y * 12 + (m - 1) + k
    return "%04d-%02d" % (i // 12, i % 12 + 1)


def ym_diff(a, b):
    """Months from b to a."""
    ya, ma = ym_parse(a)
    yb, mb = ym_parse(b)
    return (ya * 12 + ma) - (yb * 12 + mb)


def month_range(start, end):
    out = []
    ym = start
    while ym <= end:
        out.append(ym)
        ym = ym_add(ym, 1)
    return out


def days_of(ym):
    y, m = ym_parse(ym)
    return [dt.date(y, m, d) for d in range(1, calendar.monthrange(y, m)[1] + 1)]


def moy(ym):
    return ym_parse(ym)[1]


def business_day(ym, day):
    """The given day of the month, moved to the next Monday if on a weekend."""
    y, m = ym_parse(ym)
    d = dt.date(y, m, day)
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d.isoformat()


# ---------------------------------------------------------------------------
# Formatting helpers
# ---------------------------------------------------------------------------

def num(v, decimals):
    """A plain decimal with a fixed number of decimals; never -0, NaN or exponent."""
    if v != v or v in (float("inf"), float("-inf")):
        raise ValueError("non-finite value")
    s = "%.*f" % (decimals, v)
    if float(s) == 0:
        s = "%.*f" % (decimals, 0.0)
    return s


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


_PLAIN_FLOW = re.compile(r"[A-Za-z][A-Za-z0-9 .()/&'+\-]*")
_PLAIN_BLOCK = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f .,()/&'+\-\u2013\u2014]*")
_RESERVED = {"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"}


def _dq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yflow(s):
    """A string for a flow collection ({...} or [...]): quoted unless trivially plain."""
    if _PLAIN_FLOW.fullmatch(s) and s.lower() not in _RESERVED and not s.endswith(" "):
        return s
    return _dq(s)


def yblock(s):
    """A string in block context (key: value): quoted unless clearly plain."""
    if _PLAIN_BLOCK.fullmatch(s) and s.lower() not in _RESERVED and not s.endswith(" "):
        return s
    return _dq(s)


# ---------------------------------------------------------------------------
# A project's data: rows keyed by (period, metric, segment)
# ---------------------------------------------------------------------------

class Series:
    """Rows as published, plus restatements (a later export correcting a key)."""

    def __init__(self):
        self.rows = {}          # (period, metric, segment) -> (value, n) strings
        self.restated = []      # (export_date, key, corrected value, n)

    def put(self, period, metric, segment, value, n=None):
        key = (period, metric, segment)
        if key in self.rows:
            raise KeyError("duplicate key %r" % (key,))
        self.rows[key] = (value, n)

    def restate(self, export_date, period, metric, segment, value):
        key = (period, metric, segment)
        published, n = self.rows[key]
        if published == value:
            raise ValueError("restatement without change for %r" % (key,))
        self.restated.append((export_date, key, value, n))

    def in_force(self):
        """The values after every restatement."""
        out = dict(self.rows)
        for _, key, value, n in sorted(self.restated):
            out[key] = (value, n)
        return out


# ---------------------------------------------------------------------------
# 1. support-copilot — controlled comparison, clearly on track
# ---------------------------------------------------------------------------

def gen_support_copilot(rng):
    """Daily handle time per floor (weighted by calls) plus monthly metrics."""
    s = Series()
    launch = "2025-09"
    season = {1: .35, 2: .15, 3: .0, 4: -.05, 5: -.1, 6: -.2, 7: -.25, 8: -.15,
              9: .0, 10: .05, 11: .2, 12: .4}
    vol_season = {1: 1.18, 2: 1.04, 3: 1.0, 4: .97, 5: .95, 6: .93, 7: .92, 8: .95,
                  9: 1.0, 10: 1.02, 11: 1.1, 12: 1.24}
    floors = (("pilot-floor", 8.35, 2050), ("other-floors", 8.85, 8200))
    pilot_calls = {}
    for i, ym in enumerate(month_range("2024-07", AS_OF)):
        k = ym_diff(ym, launch)
        common = rng.gauss(0, .10) - .008 * i + season[moy(ym)]
        if ym in ("2026-01", "2026-02"):      # returns-policy change: longer calls on every floor
            common += .22
        for seg, base, calls_per_day in floors:
            level = base + common + rng.gauss(0, .07)
            if seg == "pilot-floor":
                if k >= 0:
                    level -= 1.7 * min(1.0, (k + 1) / 3.0)
                elif ym == "2025-08":         # training month on the pilot floor
                    level += .25
            total = 0
            for day in days_of(ym):
                wd = day.weekday()
                share = 1.0 if wd < 5 else (.55 if wd == 5 else .35)
                n = int(round(calls_per_day * vol_season[moy(ym)] * share * (1 + rng.gauss(0, .06))))
                v = level + (.35 if wd >= 5 else 0) + rng.gauss(0, .22)
                s.put(day.isoformat(), "handle_time", seg, num(v, 2), str(n))
                total += n
            if seg == "pilot-floor":
                pilot_calls[ym] = total
                s.put(ym, "pilot_calls", "", str(total))

    for ym in month_range(launch, AS_OF):
        k = ym_diff(ym, launch)
        s.put(ym, "latency_p95", "", num(clamp(1850 + (250 if k == 0 else 0) + rng.gauss(0, 110), 1400, 2350), 0))
        s.put(ym, "error_rate", "", num(clamp(.75 - .02 * k + rng.gauss(0, .15), .2, 1.4), 2))
        s.put(ym, "eval_pass", "", num(clamp(92.8 + .12 * k + rng.gauss(0, .6), 91.2, 97.5), 1))
        ramp = 31 + 11 * k if k < 3 else 52
        s.put(ym, "active_agents", "", str(int(clamp(round(ramp + rng.gauss(0, 1.3)), 20, 59))))
        assist = clamp(34 + 38 * (1 - 0.72 ** (k + 1)) + rng.gauss(0, 1.5), 20, 90)
        s.put(ym, "assist_rate", "", num(assist, 1))
        s.put(ym, "model_cost", "", num(pilot_calls[ym] * assist / 100 * .085 * (1 + rng.gauss(0, .03)), 2))
        s.put(ym, "infra_cost", "", num(2450 + rng.gauss(0, 60), 2))
        s.put(ym, "ops_cost", "", num(4800 - 60 * min(k, 10) + rng.gauss(0, 350), 0))

    # The telephony export double-counted transfer legs for one week in
    # September 2026; the November export re-sends those days corrected.
    for d in range(14, 19):
        key = ("2026-09-%02d" % d, "handle_time", "pilot-floor")
        value, n = s.rows[key]
        s.rows[key] = (num(float(value) + .6, 2), n)
        s.restate("2026-11-03", key[0], key[1], key[2], value)
    return s


# ---------------------------------------------------------------------------
# 2. invoice-matching — staged rollout in three waves, flat
# ---------------------------------------------------------------------------

INVOICE_WAVES = (("wave-1", "2025-07", 6.4, 28), ("wave-2", "2025-10", 6.9, 31),
                 ("wave-3", "2026-01", 7.3, 27))


def gen_invoice_matching(rng):
    s = Series()
    seg_all = "all"                            # this project's exports spell out "all"
    season = {1: .45, 2: .1, 3: .25, 4: .0, 5: -.05, 6: .25, 7: -.1, 8: -.15, 9: .2,
              10: .0, 11: .05, 12: .5}
    vol_season = {1: .95, 2: .93, 3: 1.08, 4: .97, 5: .98, 6: 1.08, 7: .96, 8: .95,
                  9: 1.08, 10: .99, 11: 1.0, 12: 1.12}
    invoices = {}
    for i, ym in enumerate(month_range("2024-05", AS_OF)):
        common = season[moy(ym)] - .005 * i + rng.gauss(0, .12)
        if ym >= "2025-11":                    # mandatory e-invoicing: cleaner data everywhere
            common -= .35
        for seg, _live, base, _clerks in INVOICE_WAVES:
            s.put(ym, "touch_time", seg, num(base + common + rng.gauss(0, .12), 2))
        invoices[ym] = int(round(41000 * vol_season[moy(ym)] * (1 + .002 * i) * (1 + rng.gauss(0, .03))))
        s.put(ym, "invoices", seg_all, str(invoices[ym]))

    first = INVOICE_WAVES[0][1]
    for ym in month_range(first, AS_OF):
        live = [w for w in INVOICE_WAVES if w[1] <= ym]
        active = 0
        for _seg, live_from, _base, clerks in live:
            k = ym_diff(ym, live_from)
            active += clerks * clamp(.7 + .06 * k + rng.gauss(0, .03), .5, .9)
        live_share = sum(w[3] for w in live) / 86.0
        s.put(ym, "match_latency_p95", seg_all, num(clamp(2.9 + .25 * len(live) + rng.gauss(0, .25), 2.0, 4.4), 1))
        s.put(ym, "suggestion_precision", seg_all, num(clamp(97.2 + rng.gauss(0, .5), 95.8, 99.2), 1))
        s.put(ym, "ocr_error_rate", seg_all, num(clamp(1.6 - (.3 if ym >= "2025-11" else 0) + rng.gauss(0, .2), .6, 2.4), 2))
        s.put(ym, "active_clerks", seg_all, str(int(round(active))))
        s.put(ym, "suggestions_accepted", seg_all, num(clamp(74 + rng.gauss(0, 2), 65, 82), 1))
        s.put(ym, "model_cost", seg_all, num(invoices[ym] * live_share * .06 * (1 + rng.gauss(0, .04)), 2))
        s.put(ym, "platform_fee", seg_all, "6500")

    # Late-posted invoices for July 2026 arrive with the September export.
    published = int(s.rows[("2026-07", "invoices", seg_all)][0])
    corrected = str(published + 1345)
    s.restate("2026-09-04", "2026-07", "invoices", seg_all, corrected)
    return s


# ---------------------------------------------------------------------------
# 3. demand-forecast — regression on store traffic, moving the wrong way
# ---------------------------------------------------------------------------

def gen_demand_forecast(rng):
    s = Series()
    traffic_season = {1: .88, 2: .86, 3: .95, 4: .98, 5: 1.0, 6: 1.02, 7: 1.05, 8: 1.04,
                      9: .96, 10: .99, 11: 1.12, 12: 1.25}
    extra_season = {1: .05, 2: -.1, 3: -.05, 4: 0, 5: 0, 6: .05, 7: .2, 8: .15, 9: -.05,
                    10: 0, 11: .05, 12: .1}

    def wrong_way(ym):
        if ym < "2025-06":
            return 0.0
        return {"2025-06": .2, "2025-07": .45, "2025-08": .65}.get(ym) or (
            .85 if ym <= "2026-01" else (.6 if ym <= "2026-06" else .5))

    for i, ym in enumerate(month_range("2024-04", AS_OF)):
        traffic = 3.15e6 * traffic_season[moy(ym)] * (1 + .002 * i) * (1 + rng.gauss(0, .035))
        y = 1.6 + .75 * traffic / 1e6 + extra_season[moy(ym)] + wrong_way(ym) + rng.gauss(0, .1)
        if ym in ("2025-11", "2025-12", "2026-01"):   # late forecasts during the peak
            y += .2
        s.put(ym, "stockout_rate", "", num(y, 2))
        s.put(ym, "store_traffic", "", str(int(round(traffic))))
        s.put(ym, "net_sales", "", num(6.6 * traffic * (1 + rng.gauss(0, .02)), 0))

    planners = [24, 30, 33, 35, 34, 32, 31, 29, 28, 27, 26, 24, 23, 22, 21, 20, 19]
    breaches = {"2025-11": 96.9, "2025-12": 95.6, "2026-01": 97.4}
    for k, ym in enumerate(month_range("2025-06", AS_OF)):
        on_time = breaches.get(ym)
        on_time = on_time + rng.gauss(0, .2) if on_time else clamp(99.4 + rng.gauss(0, .25), 98.4, 99.95)
        s.put(ym, "forecast_on_time", "", num(on_time, 1))
        s.put(ym, "forecast_mape", "", num(clamp(24.5 - (1.5 if ym >= "2026-02" else 0) + rng.gauss(0, 1.2), 18, 28.5), 1))
        runtime = 170 + (45 if ym in breaches else 0) + rng.gauss(0, 10)
        s.put(ym, "pipeline_runtime", "", num(clamp(runtime, 120, 236), 0))
        s.put(ym, "active_planners", "", str(planners[k]))
        s.put(ym, "override_rate", "", num(clamp(12 + 1.7 * k + rng.gauss(0, 1.2), 8, 45), 1))
        if ym == "2026-03":                    # cloud billing export migration: no cost data
            continue
        s.put(ym, "compute_cost", "", num(7200 + (1400 if ym in breaches else 0) + rng.gauss(0, 450), 2))
        s.put(ym, "vendor_license", "", "12000")
        s.put(ym, "data_engineering", "", num(6400 + rng.gauss(0, 300), 0))

    # Two stores double-counted out-of-stock scans in August 2026.
    key = ("2026-08", "stockout_rate", "")
    correct = s.rows[key][0]
    s.rows[key] = (num(float(correct) + .31, 2), None)
    s.restate("2026-10-05", key[0], key[1], key[2], correct)
    return s


# ---------------------------------------------------------------------------
# 4. sales-email-assistant — before-after with seasonality, modest effect
# ---------------------------------------------------------------------------

def gen_sales_email(rng):
    s = Series()
    launch = "2025-11"
    season = {1: .25, 2: .15, 3: .1, 4: .0, 5: -.05, 6: -.2, 7: -.35, 8: -.5, 9: .2,
              10: .15, 11: -.05, 12: -.6}
    vol_season = {1: 1.02, 2: 1.04, 3: 1.08, 4: 1.02, 5: 1.0, 6: .95, 7: .82, 8: .8,
                  9: 1.06, 10: 1.08, 11: 1.0, 12: .78}
    emails = {}
    for i, ym in enumerate(month_range("2023-11", AS_OF)):
        k = ym_diff(ym, launch)
        level = 6.25 + season[moy(ym)] + .004 * i + rng.gauss(0, .12)
        if k >= 0:
            level += {0: .25, 1: .4}.get(k, .45)
        if ym >= "2026-03":                    # new outbound sequence templates for every rep
            level += .2
        total = 0
        for day in days_of(ym):
            wd = day.weekday()
            if wd < 5:
                n = 5400 * vol_season[moy(ym)] * (1 + rng.gauss(0, .08))
                v = level + rng.gauss(0, .35)
            else:
                n = (450 if wd == 5 else 250) * (1 + rng.gauss(0, .15))
                v = level - 1.4 + rng.gauss(0, .6)
            n = int(round(n))
            total += n
            s.put(day.isoformat(), "reply_rate", "", num(v, 2), str(n))
        emails[ym] = total
        s.put(ym, "emails_sent", "", str(total))

    reps = [64, 82, 95, 101, 106, 108, 110, 111, 109, 112, 113, 114]
    for k, ym in enumerate(month_range(launch, AS_OF)):
        share = clamp(18 + 30 * (1 - .8 ** (k + 1)) + rng.gauss(0, 1.2), 10, 60)
        s.put(ym, "draft_latency_p95", "", num(clamp(2650 + rng.gauss(0, 230), 2000, 3600), 0))
        s.put(ym, "guardrail_block_rate", "", num(clamp(.9 + rng.gauss(0, .2), .3, 1.6), 2))
        s.put(ym, "crm_sync_success", "", num(clamp(99.5 + (.15 if ym >= "2026-09" else 0) + rng.gauss(0, .1), 99.2, 99.95), 2))
        s.put(ym, "active_reps", "", str(reps[k]))
        s.put(ym, "drafts_share", "", num(share, 1))
        s.put(ym, "model_cost", "", num(emails[ym] * share / 100 * .06 * (1 + rng.gauss(0, .04)), 2))
        s.put(ym, "seat_licenses", "", "4900")
    return s


# ---------------------------------------------------------------------------
# Measured figures used to write the contracts (baseline value agreed)
# ---------------------------------------------------------------------------

def monthly_outcome(rows, metric, segments):
    """Monthly mean over the segments of a `mean` metric, weighted by n within a month."""
    acc = {}
    for (period, m, seg), (value, n) in rows.items():
        if m != metric or (seg or "all") not in segments:
            continue
        w = float(n) if n else 1.0
        a = acc.setdefault((period[:7], seg or "all"), [0.0, 0.0])
        a[0] += float(value) * w
        a[1] += w
    by_month = {}
    for (ym, _seg), (sv, sw) in acc.items():
        by_month.setdefault(ym, []).append(sv / sw)
    return {ym: sum(v) / len(v) for ym, v in sorted(by_month.items())}


def window_mean(series, start, end):
    vals = [v for ym, v in series.items() if start <= ym <= end]
    return sum(vals) / len(vals)


# ---------------------------------------------------------------------------
# Contracts
# ---------------------------------------------------------------------------

def metric_line(mid, width, name, layer, unit, aggregate, direction=None, slo=None):
    parts = ["name: " + yflow(name), "layer: " + layer, "unit: " + yflow(unit)]
    if direction:
        parts.append("direction: " + direction)
    parts.append("aggregate: " + aggregate)
    if slo:
        parts.append("slo: {" + ", ".join("%s: %s" % kv for kv in slo) + "}")
    return "  %s {%s}" % ((mid + ":").ljust(width + 1), ", ".join(parts))


def contract_yaml(c):
    out = []
    for key in ("title", "summary", "sponsor", "owner"):
        out.append("%s: %s" % (key, yblock(c[key])))
    out.append("build_team: [%s]" % ", ".join(yflow(x) for x in c["build_team"]))
    out.append("agreed: " + c["agreed"])
    out.append("launch: " + c["launch"])
    out.append("cadence: monthly")
    out.append("")
    out.append("metrics:")
    width = max(len(m[0]) for m in c["metrics"])
    for m in c["metrics"]:
        mid, name, layer, unit, aggregate = m[:5]
        extra = m[5] if len(m) > 5 else {}
        out.append(metric_line(mid, width, name, layer, unit, aggregate, **extra))
    out.append("")
    o = c["outcome"]
    out.append("outcome:")
    out.append("  metric: " + o["metric"])
    out.append("  baseline: {from: %s, to: %s, value: %s}" % o["baseline"])
    out.append("  target: {change: %s, by: %s}" % o["target"])
    out.append("")
    a = c["attribution"]
    out.append("attribution:")
    out.append("  method: " + a["method"])
    if "treatment" in a:
        out.append("  treatment: " + a["treatment"])
        out.append("  control: " + a["control"])
    if "waves" in a:
        out.append("  waves: {%s}" % ", ".join("%s: %s" % w for w in a["waves"]))
    if "covariates" in a:
        out.append("  covariates: [%s]" % ", ".join(a["covariates"]))
    out.append("  seasonality: " + a["seasonality"])
    out.append("  caveats:")
    for cv in a["caveats"]:
        out.append("    - " + _dq(cv))
    out.append("")
    out.append("adoption: {metric: %s, eligible: %s}" % c["adoption"])
    out.append("value: {volume: %s, per_unit: %s}" % c["value"])
    out.append("investment:")
    for date, amount, label in c["investment"]:
        out.append("  - {date: %s, amount: %s, label: %s}" % (date, amount, yflow(label)))
    out.append("events:")
    for date, label in c["events"]:
        out.append("  - {date: %s, label: %s}" % (date, yflow(label)))
    if c.get("amendments"):
        out.append("amendments:")
        for date, reason, target in c["amendments"]:
            out.append("  - date: " + date)
            out.append("    reason: " + yblock(reason))
            out.append("    target: {change: %s, by: %s}" % target)
    return "\n".join(out) + "\n"


def contracts(measured):
    pct, usd = "%", "USD"
    return {
        "support-copilot": {
            "title": "Support copilot for tier-1 agents",
            "summary": "Drafts replies and surfaces knowledge articles during live calls on the pilot floor.",
            "sponsor": "Dana Ruiz, VP Customer Support",
            "owner": "Priya Shah, Business Analytics",
            "build_team": ["Marco Li", "Support Engineering"],
            "agreed": "2025-08-12",
            "launch": "2025-09-01",
            "metrics": [
                ("handle_time", "Average handle time", "outcome", "min", "mean", {"direction": "decrease"}),
                ("pilot_calls", "Calls handled on the pilot floor", "volume", "calls", "sum"),
                ("latency_p95", "Draft latency p95", "system", "ms", "max", {"slo": [("max", 2500)]}),
                ("error_rate", "Failed requests", "system", pct, "mean", {"slo": [("max", 2)]}),
                ("eval_pass", "Answer quality checks passed", "system", pct, "mean", {"slo": [("min", 90)]}),
                ("active_agents", "Active agents", "usage", "users", "last"),
                ("assist_rate", "Calls with a drafted reply used", "usage", pct, "mean"),
                ("model_cost", "Model usage", "cost", usd, "sum"),
                ("infra_cost", "Infrastructure", "cost", usd, "sum"),
                ("ops_cost", "Operations time", "cost", usd, "sum"),
            ],
            "outcome": {"metric": "handle_time",
                        "baseline": ("2024-08", "2025-07", num(measured["support-copilot"], 1)),
                        "target": ("-12%", "2026-12")},
            "attribution": {
                "method": "controlled-comparison",
                "treatment": "pilot-floor", "control": "other-floors",
                "seasonality": "month-of-year",
                "caveats": [
                    "Pilot-floor agents volunteered for the pilot; the floor was already about half a minute faster than the others.",
                    "All floors share the knowledge base, so article fixes made for the pilot also reach the comparison floors.",
                    "August 2025 was the pilot floor's training month and is left out of the baseline.",
                ],
            },
            "adoption": ("active_agents", "60"),
            "value": ("pilot_calls", "0.63"),
            "investment": [("2025-08-15", "210000", "Build and telephony integration"),
                           ("2025-09-01", "25000", "Agent training")],
            "events": [("2026-01-12", "Returns policy change lengthened calls on every floor")],
        },
        "invoice-matching": {
            "title": "Invoice matching assistant for accounts payable",
            "summary": "Suggests purchase-order and goods-receipt matches for supplier invoices in the three shared-service centres.",
            "sponsor": "Hannah Okafor, VP Finance Operations",
            "owner": "Lena Fischer, Finance Analytics",
            "build_team": ["Arjun Mehta", "Finance Systems"],
            "agreed": "2025-06-11",
            "launch": "2025-07-01",
            "metrics": [
                ("touch_time", "Manual touch time per invoice", "outcome", "min", "mean", {"direction": "decrease"}),
                ("invoices", "Invoices processed", "volume", "invoices", "sum"),
                ("match_latency_p95", "Suggestion latency p95", "system", "s", "max", {"slo": [("max", 5)]}),
                ("suggestion_precision", "Suggested matches confirmed correct", "system", pct, "mean", {"slo": [("min", 95)]}),
                ("ocr_error_rate", "Invoice fields misread", "system", pct, "mean", {"slo": [("max", 3)]}),
                ("active_clerks", "Active clerks", "usage", "users", "last"),
                ("suggestions_accepted", "Suggestions accepted", "usage", pct, "mean"),
                ("model_cost", "Model usage", "cost", usd, "sum"),
                ("platform_fee", "Matching platform subscription", "cost", usd, "sum"),
            ],
            "outcome": {"metric": "touch_time",
                        "baseline": ("2024-07", "2025-06", num(measured["invoice-matching"], 2)),
                        "target": ("-20%", "2026-06")},
            "attribution": {
                "method": "staged-rollout",
                "waves": [(w[0], w[1] + "-01") for w in INVOICE_WAVES],
                "seasonality": "none",
                "caveats": [
                    "Waves are the shared-service centres (wave-1 Chicago, wave-2 Dallas, wave-3 Phoenix), not randomly assigned; Chicago volunteered to go first.",
                    "Mandatory supplier e-invoicing from November 2025 lowered touch time in every centre.",
                    "Every matched invoice still passes the line-by-line approval checklist required by internal audit.",
                ],
            },
            "adoption": ("active_clerks", "86"),
            "value": ("invoices", "0.7"),
            "investment": [("2025-06-20", "145000", "Build, ERP integration and OCR tuning"),
                           ("2025-09-22", "30000", "Onboarding for waves 2 and 3")],
            "events": [("2025-11-03", "Supplier e-invoicing became mandatory")],
            "amendments": [("2026-04-08",
                            "Target lowered at the 2026-Q1 review: the e-invoicing mandate already took the easiest savings.",
                            ("-8%", "2026-12"))],
        },
        "demand-forecast": {
            "title": "Machine-learning demand forecast for store replenishment",
            "summary": "Replaces the spreadsheet forecast behind nightly store orders for fresh, chilled and ambient grocery.",
            "sponsor": "Kwame Asante, Chief Supply Chain Officer",
            "owner": "Sofia Marchetti, Supply Chain Analytics",
            "build_team": ["Ivan Petrov", "Data Science Platform"],
            "agreed": "2025-05-14",
            "launch": "2025-06-15",
            "metrics": [
                ("stockout_rate", "Shelf stockout rate", "outcome", pct, "mean", {"direction": "decrease"}),
                ("store_traffic", "Store visits", "volume", "visits", "sum"),
                ("net_sales", "Net sales in covered categories", "volume", usd, "sum"),
                ("forecast_on_time", "Forecasts delivered before order cut-off", "system", pct, "mean", {"slo": [("min", 98)]}),
                ("forecast_mape", "Forecast error (MAPE)", "system", pct, "mean", {"slo": [("max", 30)]}),
                ("pipeline_runtime", "Nightly pipeline runtime", "system", "min", "max", {"slo": [("max", 240)]}),
                ("active_planners", "Planners using the forecast", "usage", "users", "last"),
                ("override_rate", "Forecast lines overridden by planners", "usage", pct, "mean"),
                ("compute_cost", "Cloud compute", "cost", usd, "sum"),
                ("vendor_license", "Forecasting platform licence", "cost", usd, "sum"),
                ("data_engineering", "Data engineering time", "cost", usd, "sum"),
            ],
            "outcome": {"metric": "stockout_rate",
                        "baseline": ("2024-06", "2025-05", num(measured["demand-forecast"], 1)),
                        "target": ("-20%", "2026-06")},
            "attribution": {
                "method": "regression",
                "covariates": ["store_traffic"],
                "seasonality": "month-of-year",
                "caveats": [
                    "Stockout rate covers fresh, chilled and ambient grocery only.",
                    "Store traffic is controlled for; promotions are not, and the promotion calendar changed in November 2025.",
                    "June 2025 is a transition month: the forecast went live on 15 June.",
                ],
            },
            "adoption": ("active_planners", "42"),
            "value": ("net_sales", "0.0032"),
            "investment": [("2025-05-30", "320000", "Model build and data platform"),
                           ("2026-02-16", "40000", "Retraining with the promotions calendar")],
            "events": [("2025-11-24", "Black Friday promotions started a week earlier")],
        },
        "sales-email-assistant": {
            "title": "Sales email assistant",
            "summary": "Drafts prospecting and follow-up emails from CRM account history for field and inside sales reps.",
            "sponsor": "Rachel Kim, SVP Sales",
            "owner": "Tomás Herrera, Sales Operations",
            "build_team": ["Tomás Herrera", "Revenue Systems"],
            "agreed": "2025-12-10",
            "launch": "2025-11-01",
            "metrics": [
                ("reply_rate", "Prospect reply rate", "outcome", pct, "mean", {"direction": "increase"}),
                ("emails_sent", "Sales emails sent", "volume", "emails", "sum"),
                ("draft_latency_p95", "Draft latency p95", "system", "ms", "max", {"slo": [("max", 4000)]}),
                ("guardrail_block_rate", "Drafts blocked by content guardrails", "system", pct, "mean", {"slo": [("max", 2)]}),
                ("crm_sync_success", "CRM sync success", "system", pct, "mean", {"slo": [("min", 99)]}),
                ("active_reps", "Active reps", "usage", "users", "last"),
                ("drafts_share", "Emails started from a draft", "usage", pct, "mean"),
                ("model_cost", "Model usage", "cost", usd, "sum"),
                ("seat_licenses", "Assistant seat licences", "cost", usd, "sum"),
            ],
            # Agreed from the CRM dashboard figure, which differs from the export.
            "outcome": {"metric": "reply_rate",
                        "baseline": ("2024-11", "2025-10", num(measured["sales-email-assistant"] * .92, 1)),
                        "target": ("+20%", "2026-10")},
            "attribution": {
                "method": "before-after",
                "seasonality": "month-of-year",
                "caveats": [
                    "Every rep got the assistant on the same day; there is no comparison group.",
                    "New outbound sequence templates reached every rep in March 2026.",
                    "Reply rate counts human replies only; the CRM filters out auto-replies.",
                ],
            },
            "adoption": ("active_reps", "140"),
            "value": ("emails_sent", "0.35"),
            "investment": [("2025-10-15", "95000", "CRM integration and prompt design")],
            "events": [("2026-03-02", "New outbound sequence templates for all reps")],
        },
    }


# ---------------------------------------------------------------------------
# Snapshot schedule: a historical backfill, then one export a month
# ---------------------------------------------------------------------------

SCHEDULE = {
    # project: (backfill day, last month in the backfill, day of month of the monthly export)
    "support-copilot": ("2025-08-05", "2025-07", 3),
    "invoice-matching": ("2025-06-04", "2025-05", 4),
    "demand-forecast": ("2025-05-06", "2025-04", 5),
    "sales-email-assistant": ("2025-12-08", "2025-11", 4),
}


def snapshots(project, series, with_n):
    backfill_day, backfill_last, export_day = SCHEDULE[project]
    files = {backfill_day: []}
    for ym in month_range(ym_add(backfill_last, 1), AS_OF):
        files[business_day(ym_add(ym, 1), export_day)] = []
    exports = sorted(files)
    for key, (value, n) in series.rows.items():
        ym = key[0][:7]
        day = backfill_day if ym <= backfill_last else business_day(ym_add(ym, 1), export_day)
        files[day].append((key, value, n))
    for day, key, value, n in series.restated:
        ym = key[0][:7]
        first = backfill_day if ym <= backfill_last else business_day(ym_add(ym, 1), export_day)
        if day not in files or day <= first:
            raise ValueError("restatement must come in a later export: " + day)
        files[day].append((key, value, n))
    out = {}
    for day in exports:
        lines = ["period,metric,segment,value" + (",n" if with_n else "")]
        for (period, metric, seg), value, n in sorted(files[day], key=lambda r: (r[0][0], r[0][1], r[0][2])):
            row = [period, metric, seg, value]
            if with_n:
                row.append(n or "")
            lines.append(",".join(row))
        out[day] = "\n".join(lines) + "\n"
    return out


# ---------------------------------------------------------------------------
# Feedback notes: (date, slug, source, author, sentiment, tags, body)
# Every body carries one pull quote as a Markdown block quote.
# ---------------------------------------------------------------------------

NOTES = {
    "support-copilot": [
        ("2025-08-21", "pilot-training-walkthrough", "interview", "Jonas Berg", "mixed", ["training", "drafts"],
         "Six pilot-floor agents tried the copilot on recorded calls during training week. They liked the "
         "knowledge-article panel straight away; the drafted replies got a cooler reception, because reading "
         "them competes with listening to the customer.\n\n"
         "> If I have to read a whole paragraph while someone is talking, I'll just skip it.\n\n"
         "Support Engineering agreed to cap drafts at two sentences for the launch."),
        ("2025-09-12", "first-fortnight-ratings", "in-product", "Priya Shah", "mixed", ["latency", "drafts"],
         "In-product ratings from the first two weeks: 412 thumbs-up and 167 thumbs-down. Most negative "
         "comments are about drafts that arrive after the agent has already answered. The p95 latency is "
         "inside the SLO, but the slow tail lands on the longest calls.\n\n"
         "> By the time the draft shows up I've already said it, so I use the articles instead."),
        ("2025-09-26", "team-lead-check-in", "conversation", "Aisha Bello", "positive", ["knowledge-articles", "adoption"],
         "Team leads on the pilot floor say the article panel is now the first thing agents open on a billing "
         "call. Two agents who missed training are not using the copilot yet; leads will pair them with a buddy.\n\n"
         "> The article panel is the bit people fight over when the copilot is down."),
        ("2025-10-15", "october-pulse-survey", "survey", "Priya Shah", "positive", ["survey", "drafts", "billing"],
         "Pulse survey on the pilot floor; 52 of 60 agents responded.\n\n"
         "- 71 % would not want to go back to working without the copilot\n"
         "- 64 % say drafts help most on billing and delivery questions\n"
         "- 18 % find drafts distracting on short calls\n\n"
         "> It saves me a couple of minutes on the hard billing calls, and those are the ones that ruin my average."),
        ("2025-11-13", "new-hire-ramp", "interview", "Jonas Berg", "positive", ["new-agents", "onboarding"],
         "Interviews with four agents hired in September. All four took billing calls in their second week "
         "rather than their fifth, because the drafted reply shows them the policy wording.\n\n"
         "> I don't have to put people on hold to ask my lead what the refund rule is any more."),
        ("2025-12-10", "holiday-peak-returns", "conversation", "Aisha Bello", "mixed", ["holiday-peak", "returns", "accuracy"],
         "Peak-season check-in with the pilot-floor leads. Drafts are holding up under the volume, but a handful "
         "of return-policy drafts quoted the standard 30-day window instead of the extended holiday window. "
         "Agents caught them and the knowledge team patched the article.\n\n"
         "> It's right nine times out of ten, and the tenth time you really need to notice."),
        ("2026-01-21", "returns-policy-change", "in-product", "Priya Shah", "negative", ["returns-policy", "accuracy", "knowledge-articles"],
         "The returns policy changed on 12 January. For eight days the copilot kept citing the old rule, because "
         "the article index refreshed weekly; thumbs-down ratings tripled that week. Support Engineering has "
         "moved the index to a nightly refresh.\n\n"
         "> It kept offering the 60-day window. We changed that on Monday."),
        ("2026-02-11", "trust-after-refresh", "interview", "Jonas Berg", "positive", ["trust", "knowledge-articles"],
         "Follow-up interviews after the nightly index refresh. Trust came back quickly once the drafts matched "
         "the new policy, and several agents now flag stale articles from inside the copilot.\n\n"
         "> Now when it's wrong I press the flag and it's fixed the next day. That's new for us."),
        ("2026-03-18", "q1-agent-survey", "survey", "Priya Shah", "positive", ["survey", "workload"],
         "Quarterly survey; 55 of 60 agents responded. 78 % say drafts save them time on most calls, and the "
         "share who find drafts distracting fell from 18 % to 9 %. Free-text answers mention less after-call "
         "note-taking.\n\n"
         "> My wrap-up notes are half written before I hang up."),
        ("2026-04-09", "other-floors-asking", "conversation", "Dana Ruiz", "positive", ["expansion", "other-floors"],
         "Team leads from the other floors asked when they get the copilot. Not before January: the other floors "
         "are this contract's comparison group, and an early rollout would leave us without one.\n\n"
         "> My people hear about it at lunch and ask why they're the ones without it."),
        ("2026-05-20", "escalated-complaints", "interview", "Jonas Berg", "mixed", ["escalations", "quality"],
         "Interviews with the complaints specialists on the pilot floor. Drafts help on routine billing and "
         "delivery calls but are weak on escalated complaints, where the customer has already heard the "
         "standard answer. Agents ignore the draft there and work from the case history.\n\n"
         "> For an angry customer on their third call, the draft is the last thing I want to read out."),
        ("2026-06-17", "june-ratings", "in-product", "Priya Shah", "positive", ["drafts", "ratings"],
         "In-product ratings for June: 85 % thumbs-up, the best month so far. Comments are now mostly requests: "
         "drafts in Spanish, and a shortcut that pastes the draft into the case notes.\n\n"
         "> Give me the same thing for the notes field and I'll never type a summary again."),
        ("2026-07-15", "qa-consistency", "interview", "Aisha Bello", "positive", ["quality", "coaching"],
         "The quality-assurance team reviewed 200 pilot-floor calls. Policy wording is more consistent than on "
         "the other floors, and coaching time has moved from policy errors to tone.\n\n"
         "> We used to spend coaching sessions correcting refund amounts. Now we talk about how people sound."),
        ("2026-08-12", "afternoon-slowdown", "conversation", "Marco Li", "mixed", ["latency"],
         "Agents reported slow drafts on weekday afternoons. Latency stays inside the SLO, but the afternoon p95 "
         "runs about 400 ms above the morning. Support Engineering is adding capacity for the 14:00–17:00 peak.\n\n"
         "> After lunch it feels like it's thinking harder than I am."),
        ("2026-09-16", "september-pulse-survey", "survey", "Priya Shah", "positive", ["survey", "adoption"],
         "Pulse survey; 53 of 60 agents responded. 82 % use a draft on most calls; the five agents who rarely "
         "use one all work on the complaints team.\n\n"
         "> It's just part of the screen now. I'd notice if it was gone, not that it's there."),
        ("2026-10-14", "second-new-hire-cohort", "interview", "Jonas Berg", "positive", ["new-agents", "onboarding"],
         "Second cohort of new hires on the pilot floor. Time to the first solo billing call was eight working "
         "days, against twenty-one for the September 2025 cohort on the other floors.\n\n"
         "> The draft tells me what to say and the article tells me why. That's most of the training, honestly."),
    ],
    # No notes in December 2025 or August 2026: the centre leads stopped writing in.
    "invoice-matching": [
        ("2025-06-18", "chicago-expectations", "interview", "Lena Fischer", "positive", ["expectations", "wave-1"],
         "Pre-launch interviews with five clerks at the Chicago shared-service centre (wave 1). They expect the "
         "suggestions to remove the tedious part of three-way matching: finding the right purchase-order and "
         "goods-receipt lines.\n\n"
         "> Half my day is hunting for the PO line. If it finds that for me, I'm happy."),
        ("2025-07-16", "accept-then-check", "in-product", "Lena Fischer", "mixed", ["suggestions", "trust", "controls"],
         "Comments from the first weeks in wave 1. Clerks accept most suggestions, but the approval screen still "
         "makes them open the purchase order and tick every line, so the time per invoice barely changes.\n\n"
         "> I accept the suggestion and then I check it anyway. The checklist doesn't care who found the line."),
        ("2025-08-20", "approval-checklist", "interview", "Mateo Silva", "mixed", ["controls", "workflow"],
         "Team-lead interview in Chicago. The line-by-line checklist is a finance control, not a habit; it "
         "cannot be skipped without sign-off from internal audit. The suggestions are good, but the work after "
         "the suggestion is the same.\n\n"
         "> The tool does the easy ten seconds. The checklist is the three minutes."),
        ("2025-09-17", "audit-position", "conversation", "Grace Njoroge", "negative", ["controls", "audit"],
         "Internal audit was asked about a lighter checklist for high-confidence matches. Audit will not accept "
         "the model's confidence score as evidence of a three-way match until it has a full quarter of "
         "production precision data.\n\n"
         "> A confidence score is not a control. Show me a quarter of errors caught and we'll talk."),
        ("2025-10-15", "wave-2-onboarding-survey", "survey", "Lena Fischer", "mixed", ["survey", "wave-2", "onboarding"],
         "Onboarding survey after wave 2 went live in Dallas; 24 of 31 clerks responded. 67 % find the "
         "suggestions accurate; 21 % say they save time.\n\n"
         "> Nice to have. It doesn't change how long an invoice takes me."),
        ("2025-11-19", "e-invoicing-effect", "conversation", "Mateo Silva", "positive", ["e-invoicing", "data-quality"],
         "Since suppliers must submit e-invoices through the portal, header data arrives clean in every centre. "
         "Clerks in all three waves noticed the drop in keying errors; it came from the portal, not from the "
         "matching tool.\n\n"
         "> The portal did more for us this month than the AI did all summer."),
        ("2026-01-14", "year-end-exceptions", "interview", "Lena Fischer", "negative", ["year-end", "exceptions"],
         "Year-end close interviews. Partial deliveries and price variances pile up in December, and the "
         "suggestions are weakest exactly there: the model proposes a match, the variance check fails, and the "
         "clerk starts again from scratch.\n\n"
         "> In December it was wrong on the invoices that mattered and right on the ones I could do in my sleep."),
        ("2026-02-18", "acceptance-without-saving", "in-product", "Lena Fischer", "mixed", ["suggestions", "workflow"],
         "76 % of suggestions were accepted across waves 1 and 2 in January, yet touch time per invoice is "
         "unchanged. Screen recordings show the search time saved goes into the checklist, which gained a field "
         "recording whether the suggestion was used.\n\n"
         "> We added a box to record whether we used the suggestion. So now there's one more box to tick."),
        ("2026-03-18", "wave-3-training", "interview", "Mateo Silva", "mixed", ["wave-3", "training"],
         "Wave 3 (Phoenix) went live in January. Training went smoothly; clerks there had heard from Chicago that "
         "the tool would not save time, and treated it as a search aid from the start.\n\n"
         "> We were told it's a better search box. That's exactly what it is."),
        ("2026-04-15", "after-target-change", "conversation", "Lena Fischer", "negative", ["target", "review"],
         "Conversation with the Chicago and Dallas leads after the 2026-Q1 review lowered the target from −20 % to "
         "−8 %. They were surprised that the target moved before the checklist question was settled.\n\n"
         "> We moved the goalposts instead of asking why the time didn't move."),
        ("2026-05-13", "may-clerk-survey", "survey", "Lena Fischer", "mixed", ["survey"],
         "Survey across all three centres; 69 of 86 clerks responded. Satisfaction with the suggestions is steady "
         "at 3.6 out of 5, and 19 % say they spend less time per invoice.\n\n"
         "> It's accurate. It's just not faster."),
        ("2026-06-17", "checklist-change-pending", "interview", "Grace Njoroge", "mixed", ["controls", "audit"],
         "Internal audit has reviewed three quarters of production precision data (never below 96 %) and agreed in "
         "principle to a lighter checklist for matched invoices under $5,000. The change needs a controls-framework update "
         "first, and has no date yet.\n\n"
         "> The numbers look fine. The paperwork to change a control takes longer than the model did."),
        ("2026-07-15", "po-first-habit", "in-product", "Lena Fischer", "mixed", ["suggestions", "adoption"],
         "Acceptance stays around three-quarters, but some Dallas clerks now open the purchase order before "
         "looking at the suggestion, which makes the tool an afterthought.\n\n"
         "> I open the PO first out of habit. Then the suggestion just confirms what I already found."),
        ("2026-09-16", "leads-want-a-decision", "conversation", "Mateo Silva", "negative", ["engagement", "review"],
         "The centre leads stopped sending feedback in August: nothing about the tool has changed for them in "
         "months. They ask for a decision either way.\n\n"
         "> Either let us skip the checklist for the easy ones or switch it off. The in-between is the worst of both."),
        ("2026-10-14", "lessons-learned", "interview", "Lena Fischer", "mixed", ["lessons", "controls"],
         "Lessons-learned interviews ahead of the 2026-Q3 decision. Everyone agrees the suggestions are accurate; "
         "everyone agrees the time per invoice is set by the approval control, which the project never had the "
         "mandate to change.\n\n"
         "> We automated the part of the job that wasn't the bottleneck."),
    ],
    "demand-forecast": [
        ("2025-06-25", "cutover-week", "conversation", "Sofia Marchetti", "mixed", ["launch", "cutover"],
         "The new forecast went live on 15 June for fresh, chilled and ambient grocery. Planners kept the old "
         "spreadsheets open in parallel for the first week, as agreed.\n\n"
         "> I'll believe it when it gets a bank-holiday weekend right."),
        ("2025-07-16", "heatwave-miss", "interview", "Ben Carter", "negative", ["weather", "promotions", "stockouts"],
         "The July heatwave and a barbecue promotion landed in the same week. The forecast has no promotions "
         "input and under-forecast chilled and barbecue lines by about a third; several stores ran out on the "
         "Saturday.\n\n"
         "> It didn't know we were running the promotion. We did, and we weren't allowed to change the order."),
        ("2025-08-13", "late-overrides", "interview", "Sofia Marchetti", "negative", ["trust", "overrides"],
         "Planners override the forecast for anything on promotion, but the override form needs a reason code "
         "and a manager's approval, so many overrides arrive after the order cut-off.\n\n"
         "> I don't trust the number for anything on promotion, and by the time my override is approved the truck has left."),
        ("2025-09-17", "planner-survey", "survey", "Sofia Marchetti", "mixed", ["survey", "trust"],
         "Survey of 38 planners. 58 % say the forecast beats the old method for steady lines; 81 % say it is "
         "worse for promoted and seasonal lines.\n\n"
         "> For tinned tomatoes it's great. For anything with a poster in the window, it's guessing."),
        ("2025-10-15", "store-managers", "conversation", "Yuki Tanaka", "negative", ["stores", "stockouts"],
         "Store operations passed on complaints from regional managers about empty fresh shelves at weekends. "
         "Stores now order top-ups by phone, which the forecast then reads as demand.\n\n"
         "> Customers don't care whose model it is. They see an empty shelf."),
        ("2025-11-19", "late-forecasts", "in-product", "Ben Carter", "negative", ["pipeline", "freshness"],
         "Forecasts arrived after the 05:00 order cut-off on four days in November, so stores ordered on last "
         "week's numbers. The nightly pipeline struggles with the extra promoted items before Black Friday.\n\n"
         "> If the forecast comes at seven, it's not a forecast, it's a history lesson."),
        ("2025-12-10", "holiday-peak", "interview", "Sofia Marchetti", "negative", ["holiday-peak", "pipeline", "stockouts"],
         "Holiday-peak interviews with six planners. Late forecasts and the earlier Black Friday left chilled "
         "desserts and party food short in most regions. Planners went back to manual orders for the two peak "
         "weeks.\n\n"
         "> We switched it off in our heads for December. Officially it was still running."),
        ("2026-01-21", "retraining-plan", "conversation", "Ivan Petrov", "mixed", ["retraining", "promotions"],
         "Data Science Platform walked planners through the plan agreed at the 2025-Q4 review: add the promotions "
         "calendar, start the pipeline earlier, and let overrides go straight into orders without approval.\n\n"
         "> Adding the promotions calendar is the thing we asked for in July."),
        ("2026-02-18", "after-retraining", "interview", "Ben Carter", "mixed", ["promotions", "trust"],
         "First weeks with the retrained model. Promoted lines are closer, and the forecast now arrives by 04:00. "
         "It still misses short promotions that marketing announces late.\n\n"
         "> Better. Not good yet. It still finds out about flash promotions after we do."),
        ("2026-03-18", "q1-planner-survey", "survey", "Sofia Marchetti", "negative", ["survey", "trust", "overrides"],
         "Survey of 36 planners after the retraining. Trust barely moved: 31 % trust the forecast for their "
         "categories, up from 27 %. Overrides now cover about a quarter of all lines.\n\n"
         "> Once you've been burned at Christmas you check everything, even when it's right."),
        ("2026-04-15", "override-analysis", "interview", "Sofia Marchetti", "mixed", ["overrides", "analysis"],
         "Analysis of overrides since launch: planners beat the model on promoted lines and lose to it on steady "
         "lines. Planners say they no longer know which lines the model handles well.\n\n"
         "> Tell me which twenty lines to leave alone and I'll leave them alone."),
        ("2026-05-13", "fresh-waste", "conversation", "Yuki Tanaka", "negative", ["fresh", "waste", "stores"],
         "Stores report more empty shelves and more waste on fresh lines at the same time, which suggests the "
         "forecast shifts volume between days rather than missing the weekly total.\n\n"
         "> Monday we throw salad away, Saturday we run out of it."),
        ("2026-06-17", "ambient-versus-fresh", "in-product", "Ben Carter", "mixed", ["scope", "ambient"],
         "In-product comments from ambient-grocery planners are mostly positive; fresh and chilled planners are "
         "mostly negative. Several suggest keeping the model for ambient categories only.\n\n"
         "> Keep it for the dry goods, where it's good. Fresh is a different job."),
        ("2026-07-15", "planners-drifting-away", "interview", "Sofia Marchetti", "negative", ["trust", "adoption"],
         "Fewer planners open the forecast at all: 22 of 42 this month. Those who stopped say that overriding takes "
         "as long as planning by hand.\n\n"
         "> If I have to redo half of it, I might as well do all of it."),
        ("2026-08-19", "ambient-only", "interview", "Ben Carter", "mixed", ["scope", "ambient"],
         "Since the 2026-Q2 review, fresh and chilled planners may ignore the model. Ambient planners report their "
         "steady lines in good shape; the overall stockout rate is still above the old baseline.\n\n"
         "> Ambient is fine. The headline number is still the headline number."),
        ("2026-09-16", "scanner-double-count", "conversation", "Sofia Marchetti", "mixed", ["data-quality"],
         "The August stockout figure in the September export is too high: two stores double-counted "
         "out-of-stock scans after a scanner update. The October export will carry the corrected figure. "
         "Planners asked whether the model had been retrained on the bad scans; it had not.\n\n"
         "> At least this time the empty shelves weren't the model's fault."),
        ("2026-10-14", "q3-planner-survey", "survey", "Sofia Marchetti", "negative", ["survey", "trust"],
         "Survey of 35 planners before the 2026-Q3 review. 26 % trust the forecast; 60 % would return to the old "
         "method for fresh and chilled lines.\n\n"
         "> It was sold as fewer empty shelves. We have more."),
    ],
    "sales-email-assistant": [
        ("2025-11-12", "launch-week-reactions", "in-product", "Tomás Herrera", "positive", ["drafts", "launch"],
         "Launch-week reactions in the sales channel were enthusiastic. Reps like that the draft pulls in the "
         "account's last order and any open support tickets.\n\n"
         "> It wrote a better first line than I would have, and it knew about their late delivery."),
        ("2025-12-09", "follow-ups", "conversation", "Tomás Herrera", "positive", ["adoption", "follow-ups"],
         "Adoption grew through November. December is quiet for outreach, so reps mostly used the assistant for "
         "follow-ups on open quotes.\n\n"
         "> Follow-ups are where it shines. Nobody likes writing the third chaser."),
        ("2026-01-13", "first-rep-survey", "survey", "Tomás Herrera", "positive", ["survey"],
         "First rep survey; 97 of 140 reps responded. 74 % say the assistant saves them at least 30 minutes a "
         "day; 41 % say prospects reply more often.\n\n"
         "> I send more emails because each one takes less effort."),
        ("2026-02-10", "generic-tone", "interview", "Rachel Kim", "mixed", ["tone", "quality"],
         "Interviews with senior account executives. They find the drafts competent but generic and rewrite most "
         "of them for their top accounts.\n\n"
         "> For my ten biggest customers I'd never send it as is. They'd know."),
        ("2026-03-17", "templates-and-drafts", "conversation", "Tomás Herrera", "positive", ["templates", "sequences"],
         "The new outbound sequence templates reached every rep on 2 March. Reps like the combination: the "
         "template sets the structure and the assistant fills in the account details.\n\n"
         "> Template for the skeleton, assistant for the facts. That's the workflow now."),
        ("2026-04-14", "draft-usage", "in-product", "Tomás Herrera", "positive", ["usage", "drafts"],
         "Usage data: nearly 40 % of sent emails now start from a draft. The most-used draft type is the "
         "post-meeting follow-up.\n\n"
         "> I used to put off follow-ups until Friday. Now they go out the same afternoon."),
        ("2026-05-12", "sounded-like-a-bot", "interview", "Tomás Herrera", "mixed", ["tone", "prospects"],
         "Two reps had prospects reply that the email \"sounded like a bot\". Both emails went out unedited. "
         "Reps are now asked to personalise at least the first sentence.\n\n"
         "> The one time I didn't touch it, the customer asked if I was a real person."),
        ("2026-06-16", "mid-year-survey", "survey", "Tomás Herrera", "positive", ["survey", "languages"],
         "Mid-year survey, 88 responses. Satisfaction is 4.1 out of 5. The top request is drafts in French for "
         "the Quebec accounts.\n\n"
         "> Please, French. Half my territory answers faster in French."),
        ("2026-07-14", "summer-cover", "conversation", "Tomás Herrera", "mixed", ["seasonality", "adoption"],
         "Outreach volume is down for the summer holidays, as every year. Reps covering for colleagues on leave "
         "use the assistant to catch up on account history.\n\n"
         "> Covering for someone used to mean reading three months of emails. Now I read the summary."),
        ("2026-08-11", "leadership-questions", "interview", "Rachel Kim", "mixed", ["management", "measurement"],
         "Sales leadership asked how much of the rise in reply rate comes from the assistant and how much from "
         "the new templates. The tracking has no comparison group, so it cannot separate the two.\n\n"
         "> I like the number. I'd like it more if someone who didn't build the thing had checked it."),
        ("2026-09-15", "crm-sync-fix", "in-product", "Tomás Herrera", "positive", ["crm", "system"],
         "Comments after the CRM sync improvements: replies now log against the right opportunity "
         "automatically.\n\n"
         "> It finally puts the reply on the deal, not on the contact."),
        ("2026-10-13", "q3-rep-interviews", "interview", "Tomás Herrera", "positive", ["adoption", "drafts"],
         "Interviews with eight reps. All eight use the assistant daily; most now edit drafts lightly rather than "
         "rewriting them.\n\n"
         "> It's like having a junior who has already read the whole account."),
    ],
}


# ---------------------------------------------------------------------------
# Decisions: (date, review, decision, rationale)
# ---------------------------------------------------------------------------

DECISIONS = {
    "support-copilot": [
        ("2025-10-08", "2025-Q3", "continue",
         "One month of live data is too early to estimate an effect. Every system metric is inside its SLO and "
         "about half of the pilot floor used the copilot in September. Continue as planned, with drafts capped "
         "at two sentences after agents said long drafts arrive too late to use."),
        ("2026-01-14", "2025-Q4", "continue",
         "Handle time on the pilot floor has fallen well below the other floors since October, beyond the −12 % "
         "target, and the gap held through the holiday peak. Adoption is above 80 %. Continue without changes, "
         "and keep the other floors as the comparison group until the contract ends in December 2026."),
        ("2026-04-08", "2026-Q1", "continue",
         "The effect held through the January returns-policy change, which lengthened calls on every floor. The "
         "knowledge index now refreshes nightly after stale drafts that week. Continue, and prepare the business "
         "case for the other floors."),
        ("2026-07-08", "2026-Q2", "expand",
         "A third quarter on track, with the run cost a fraction of the monthly benefit. Expand to the other "
         "floors from January 2027, after the contract period, so that the comparison stays clean for the rest "
         "of 2026. Support Engineering to plan capacity for five times the call volume."),
        ("2026-10-07", "2026-Q3", "expand",
         "Still on track. The expansion is confirmed for January 2027: a training plan for the 240 agents on the "
         "other floors, and a new contract with a staged rollout across those floors so that the effect can "
         "still be measured."),
    ],
    "invoice-matching": [
        ("2025-10-09", "2025-Q3", "continue",
         "Wave 1 has been live for three months, and touch time in Chicago is level with the centres not yet "
         "live. Suggestions are accurate (precision above 97 %), but clerks still complete the full approval "
         "checklist. Continue with wave 2 as planned, and ask internal audit what evidence would allow a lighter "
         "checklist."),
        ("2026-01-15", "2025-Q4", "continue",
         "No measurable change in touch time in wave 1 or wave 2. The e-invoicing mandate lowered touch time in "
         "every centre, which the staged comparison nets out. Go live with wave 3 in January as planned."),
        ("2026-04-08", "2026-Q1", "adjust",
         "All three waves are live and touch time has not moved. The steering group lowered the target from "
         "−20 % by June 2026 to −8 % by December 2026, arguing that e-invoicing had already taken the easy "
         "savings. Finance Analytics recorded its objection: the new target is easier, and the effect is still "
         "indistinguishable from zero. The lighter checklist for high-confidence matches goes to internal audit."),
        ("2026-07-09", "2026-Q2", "continue",
         "Still flat. Internal audit agreed in principle to a lighter checklist for matched invoices under "
         "$5,000 but needs a controls-framework update first. Continue for one more quarter to see whether the "
         "change lands."),
        ("2026-10-08", "2026-Q3", "wind-down",
         "Five quarters and three waves with no measurable effect on touch time, and the checklist change is "
         "still not scheduled. Wind down: switch the suggestions off at the end of December 2026 and end the "
         "platform subscription. Revisit only if the approval control changes."),
    ],
    "demand-forecast": [
        ("2025-07-09", "2025-Q2", "continue",
         "Live since 15 June; June is a transition month and July the first full month, so it is too early to "
         "judge. Planners raised the missing promotions input in the first week; Data Science Platform will "
         "scope it."),
        ("2025-10-08", "2025-Q3", "continue",
         "The stockout rate has been above the baseline mean in every month since launch, close to the upper "
         "control limit in August, and store traffic explains only part of the rise. The sponsor chose to continue through the holiday "
         "peak rather than switch methods mid-season."),
        ("2026-01-14", "2025-Q4", "adjust",
         "Stockouts moved the wrong way through the peak, and the pipeline missed its on-time SLO in November and "
         "December and again in early January. Adjust: add the promotions calendar and retrain, start the pipeline at 01:00, "
         "and let planner overrides go straight into orders without approval."),
        ("2026-04-09", "2026-Q1", "continue",
         "After the retraining the stockout rate is still above the baseline, though less than at the peak, and "
         "the pipeline is back inside its SLO. Continue for one quarter to let the retrained model settle. March "
         "cost data is missing from the cloud billing export, so March's net impact is unknown."),
        ("2026-07-08", "2026-Q2", "adjust",
         "Still moving the wrong way, and only just over half of the planners still use the forecast. Fresh and chilled "
         "planners may now ignore the model; it stays the default for ambient grocery, where planners rate it "
         "well."),
        ("2026-10-07", "2026-Q3", "continue",
         "Stockouts remain above the baseline. Supply Chain Analytics argued for winding down now; the sponsor "
         "gave the model one more quarter on ambient categories only. If the 2026-Q4 review shows stockouts no "
         "lower than the baseline, the project winds down."),
    ],
    # No decision for 2026-Q2: the review was skipped for the sales kickoff.
    "sales-email-assistant": [
        ("2026-01-14", "2025-Q4", "continue",
         "Two months live. Reply rate is above last year's for November and December, and 82 of 140 reps used "
         "the assistant in December. Continue."),
        ("2026-04-09", "2026-Q1", "expand",
         "Reply rate stays above last year's level and reps rate the assistant highly. Expand to the renewals "
         "team in the second half. The new sequence templates launched in March, so part of the rise may be "
         "theirs."),
        ("2026-10-08", "2026-Q3", "continue",
         "Reply rate remains modestly above last year, short of the +20 % target. The 2026-Q2 review did not take "
         "place because of the sales kickoff. Continue, and ask Business Analytics to review the tracking "
         "independently, since the tracking owner also leads the build."),
    ],
}


# ---------------------------------------------------------------------------
# Site settings and portfolio-wide events
# ---------------------------------------------------------------------------

YARDSTICK_YML = """\
title: AI results — Northwind Retail
organisation: Northwind Retail
base_url: /ai-results/
currency: USD
fiscal_year_start: 1
as_of: 2026-10
"""

PORTFOLIO_EVENTS = [
    ("2025-03-03", "Price increase across all stores and online"),
    ("2026-02-02", "Reorganisation into four regional business units"),
]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def note_md(date, source, author, sentiment, tags, body):
    assert "\n> " in "\n" + body, "every note needs a pull quote"
    return ("---\ndate: %s\nsource: %s\nauthor: %s\nsentiment: %s\ntags: [%s]\n---\n%s\n"
            % (date, source, yblock(author), sentiment, ", ".join(tags), body))


def decision_md(date, review, decision, rationale):
    return "---\ndate: %s\nreview: %s\ndecision: %s\n---\n%s\n" % (date, review, decision, rationale)


GENERATORS = (
    ("support-copilot", gen_support_copilot, True, ["pilot-floor"]),
    ("invoice-matching", gen_invoice_matching, False, [w[0] for w in INVOICE_WAVES]),
    ("demand-forecast", gen_demand_forecast, False, ["all"]),
    ("sales-email-assistant", gen_sales_email, True, ["all"]),
)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="content", help="content directory to write (default: content)")
    args = ap.parse_args(argv)
    out = args.out

    series, measured, baselines = {}, {}, {
        "support-copilot": ("2024-08", "2025-07"), "invoice-matching": ("2024-07", "2025-06"),
        "demand-forecast": ("2024-06", "2025-05"), "sales-email-assistant": ("2024-11", "2025-10"),
    }
    for i, (pid, gen, _with_n, treated) in enumerate(GENERATORS):
        s = gen(random.Random(SEED * 10 + i))
        series[pid] = s
        metric = {"support-copilot": "handle_time", "invoice-matching": "touch_time",
                  "demand-forecast": "stockout_rate", "sales-email-assistant": "reply_rate"}[pid]
        measured[pid] = window_mean(monthly_outcome(s.in_force(), metric, treated), *baselines[pid])

    write(os.path.join(out, "yardstick.yml"), YARDSTICK_YML)
    write(os.path.join(out, "events.yml"),
          "# Portfolio-wide context events: a top-level list of {date, label}, marked on every chart.\n"
          + "".join("- {date: %s, label: %s}\n" % (d, yflow(l)) for d, l in PORTFOLIO_EVENTS))

    all_contracts = contracts(measured)
    for pid, _gen, with_n, _treated in GENERATORS:
        pdir = os.path.join(out, "projects", pid)
        if os.path.isdir(pdir):
            shutil.rmtree(pdir)
        write(os.path.join(pdir, "contract.yml"), contract_yaml(all_contracts[pid]))
        for day, text in snapshots(pid, series[pid], with_n).items():
            write(os.path.join(pdir, "snapshots", day + ".csv"), text)
        for date, slug, source, author, sentiment, tags, body in NOTES[pid]:
            assert SLUG.fullmatch(slug) and all(SLUG.fullmatch(t) for t in tags), slug
            write(os.path.join(pdir, "feedback", "%s-%s.md" % (date, slug)),
                  note_md(date, source, author, sentiment, tags, body))
        for date, review, decision, rationale in DECISIONS[pid]:
            slug = review.lower() + "-review"
            write(os.path.join(pdir, "decisions", "%s-%s.md" % (date, slug)),
                  decision_md(date, review, decision, rationale))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The measuring half of scripts/bench/run.sh: times builds, writes and fits, and prints medians and ratios.

    python3 scripts/bench/bench.py --yardstick BIN --analysis-benchmark BIN --work DIR \
        [--portfolios 50,200] [--runs 5] [--months 36] [--fit-seconds 1] [--scenarios cold,warm,note] [--skip-fits]

Expects DIR/portfolio-<N>/content (written by `yardstick sample`). For each portfolio:

  (a) `yardstick build` cold (output, its two folders and the build cache moved aside before each run, or deleted
      with --cold deleted), warm (nothing changed) and after adding one feedback note to one project's last month,
      alternating with (b) Hugo building the same pages (see hugo_site.py) in the same three states: cold (public/
      moved aside or deleted), warm, and after changing that one page;
  (c) the peak RSS of every build, from /usr/bin/time -f %M;
  (d) `cp -rL` of Yardstick's output to a fresh directory: the cost of writing the same files and bytes, and
      `tar -cf` of it: the same bytes written as one file;
  and Yardstick's own step timings (from `build --verbose` when --verbose is given, else from the times its
  [1/4] … [4/4] log lines appear).
Then (e) fits per CPU second of statsmodels OLS + HAC against Yardstick's LinearModel on the same datasets, and
(f) with two or more portfolios, cold Yardstick builds of each size in turn (50, 200, 50, 200 …): the ratio of
their medians, free of the drift between the portfolios' own measurements.

Wall times are medians over --runs runs; CPU is user + system time of the process and its threads.
Writes DIR/results-<sizes>.json and .md and prints the Markdown.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
STEP_TIME = re.compile(r"^(Loading content|Analysing|Rendering pages|Writing the site)\s+([0-9.]+) s$")
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(command, cwd=None, steps=False):
    """Runs a command under /usr/bin/time; returns wall, cpu, rss_mb and, for Yardstick, its step durations."""
    # Standard error goes to a file: a pipe nobody reads while the build runs fills up with diagnostics and blocks it.
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, tempfile.TemporaryFile("w+") as errors:
        full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + (["stdbuf", "-oL"] if steps else []) + command
        start = time.perf_counter()
        process = subprocess.Popen(full, cwd=cwd, stdout=subprocess.PIPE, stderr=errors, text=True)
        marks = []
        for line in process.stdout:
            marks.append((time.perf_counter() - start, line.strip()))
        status = process.wait()
        errors.seek(0)
        err = errors.read()
        wall = time.perf_counter() - start
        if status != 0:
            raise SystemExit("failed (%d): %s\n%s" % (status, " ".join(command), err[-2000:]))
        _, user, system, rss = report.read().split()[-4:]
    result = {"wall": wall, "cpu": float(user) + float(system), "rss_mb": int(rss) / 1024}
    if steps:
        # `build --verbose` prints each step's own time ("  Analysing   1.234 s"); without it, time the step lines.
        timings = [STEP_TIME.match(l) for _, l in marks]
        if any(timings):
            result["steps"] = {}
            for m in filter(None, timings):  # a step printed twice (older builds: loading) counts in total
                result["steps"][m.group(1)] = result["steps"].get(m.group(1), 0) + float(m.group(2))
        else:
            labels = [(t, l) for t, l in marks if l.startswith("[")] + [(wall, "end")]
            result["steps"] = {labels[i][1].split("] ")[1].split(" (")[0]: labels[i + 1][0] - labels[i][0]
                               for i in range(len(labels) - 1)}
    return result


def median(values):
    return statistics.median(values) if values else float("nan")


def summary(runs):
    out = {"wall": median([r["wall"] for r in runs]), "cpu": median([r["cpu"] for r in runs]),
           "rss_mb": max(r["rss_mb"] for r in runs), "runs": len(runs),
           "walls": [round(r["wall"], 3) for r in runs]}
    if runs and "steps" in runs[0]:
        out["steps"] = {k: median([r["steps"].get(k, 0) for r in runs]) for k in runs[0]["steps"]}
    return out


def tree_size(path):
    files = size = 0
    for root, _dirs, names in os.walk(path):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(root, name))
    return files, size


def move_aside(path, args):
    """Takes a previous output out of the way: moved into WORK/retired (deleted when every measurement is done), or
    deleted now with --cold deleted. On ext4 without a journal, as here, a file system refuses to reuse an inode for
    a minute or more after it was freed (`recently_deleted` in fs/ext4/ialloc.c) and scans past every such inode on
    each file it creates, so a tree created just after a tree as large was deleted costs several times as much
    kernel time, by an amount that depends on what was deleted when (see docs/PERFORMANCE.md)."""
    if not os.path.lexists(path):
        return
    if args.cold == "deleted":
        if os.path.islink(path):
            os.unlink(path)
        else:
            shutil.rmtree(path, ignore_errors=True)
    else:
        retired = os.path.join(args.work, "retired")
        os.rename(path, os.path.join(retired, "%d-%s" % (len(os.listdir(retired)), os.path.basename(path))))


def yardstick_command(n, args):
    """`yardstick build` of portfolio-N: its content, output and the command."""
    base = os.path.join(args.work, "portfolio-%d" % n)
    content, site = os.path.join(base, "content"), os.path.join(base, "site")
    templates = os.path.join(ROOT, "templates")
    command = [args.yardstick, "build", "--content", content, "--output", site, "--templates", templates] + (["--verbose"] if args.verbose else [])
    return base, content, site, command


def scaling(sizes, args):
    """Cold Yardstick builds of every portfolio in turn (50, 200, 50, 200 …), so that a slower or faster spell of the
    shared machine falls on every size alike: the ratio of their medians is the cost of size alone."""
    runs = {n: [] for n in sizes}
    for i in range(args.runs):
        for n in sizes:
            print("  scaling run %d/%d, portfolio-%d" % (i + 1, args.runs, n), flush=True)
            base, _, site, command = yardstick_command(n, args)
            for leftover in (site, os.path.join(base, ".site.a"), os.path.join(base, ".site.b"), os.path.join(base, ".site.cache")):
                move_aside(leftover, args)
            runs[n].append(timed(command))
    return {str(n): summary(r) for n, r in runs.items()}


def bench_portfolio(n, args):
    base, content, site, yardstick = yardstick_command(n, args)
    hugo_src, hugo_out = os.path.join(base, "hugo"), os.path.join(base, "hugo-public")
    hugo = ["hugo", "--quiet", "--source", hugo_src, "--destination", hugo_out]

    # The first cold run of each tool also makes the site Hugo's project is made from.
    print("portfolio-%d: cold run 1/%d, and the Hugo project" % (n, args.runs), flush=True)
    def retire(path):
        move_aside(path, args)

    def make_hugo_project():
        """The Hugo project from Yardstick's output (hugo_site.py), the previous one moved aside first."""
        retire(hugo_src)
        subprocess.run([sys.executable, os.path.join(HERE, "hugo_site.py"), site, hugo_src], check=True, stdout=subprocess.DEVNULL)

    def remove_site():
        """A cold start: the output (a link), the two folders it alternates between and the build cache."""
        for leftover in (site, os.path.join(base, ".site.a"), os.path.join(base, ".site.b"), os.path.join(base, ".site.cache")):
            retire(leftover)
    remove_site()
    first_cold = [timed(yardstick, steps=True)]
    make_hugo_project()
    retire(hugo_out)
    first_cold.append(timed(hugo))
    site_files, site_bytes = tree_size(site)
    hugo_files, hugo_bytes = tree_size(hugo_out)
    pages = sum(1 for root, _d, names in os.walk(site) for name in names if name.endswith(".html"))
    hugo_pages = sum(1 for root, _d, names in os.walk(hugo_out) for name in names if name.endswith(".html"))
    rows = 0
    for root, _d, names in os.walk(content):
        for name in names:
            if name.endswith(".csv"):
                with open(os.path.join(root, name), "rb") as f:
                    rows += sum(1 for _ in f) - 1

    project = sorted(os.listdir(os.path.join(content, "projects")))[0]
    last_month = sorted(d for d in os.listdir(site) if len(d) == 7 and d[4] == "-")[-1]
    hugo_page = os.path.join(hugo_src, "content", last_month, project, "index.html")
    added = []

    results = {}
    for scenario in args.scenarios:
        ys, hg = ([first_cold[0]], [first_cold[1]]) if scenario == "cold" else ([], [])
        for i in range(len(ys), args.runs):
            print("  %s run %d/%d" % (scenario, i + 1, args.runs), flush=True)
            if scenario == "cold":
                remove_site()
            if scenario == "note":
                day = "%s-%02d" % (last_month, 1 + i % 28)
                path = os.path.join(content, "projects", project, "feedback", "%s-bench-note-%d.md" % (day, i + 1))
                with open(path, "w", encoding="utf-8") as f:
                    f.write("---\ndate: %s\nsource: conversation\nauthor: Bench Mark\nsentiment: mixed\ntags: [bench]\n---\n"
                            "A note added between two builds.\n\n> Only this project's pages should change.\n" % day)
                added.append(path)
            ys.append(timed(yardstick, steps=True))
            if scenario == "cold":
                retire(hugo_out)
                shutil.rmtree(os.path.join(hugo_src, "resources"), ignore_errors=True)
            if scenario == "note":
                with open(hugo_page, "a", encoding="utf-8") as f:
                    f.write("\n<blockquote><p>Only this project's pages should change (%d).</p></blockquote>\n" % (i + 1))
            hg.append(timed(hugo))
        results[scenario] = {"yardstick": summary(ys), "hugo": summary(hg)}
    for path in added:
        os.remove(path)
    make_hugo_project()

    copies = []
    for i in range(args.runs):
        target = os.path.join(base, "site-copy")
        retire(target)
        copies.append(timed(["cp", "-rL", site, target]))  # -L: the output is a link to its folder
        retire(target)
    results["copy"] = summary(copies)
    archives = []
    for i in range(args.runs):
        archive = os.path.join(base, "site.tar")
        archives.append(timed(["tar", "-cf", archive, "-C", site, "."]))
        os.remove(archive)
    results["tar"] = summary(archives)
    results["size"] = {"projects": n, "months": args.months, "snapshot_rows": rows, "pages": pages, "hugo_pages": hugo_pages,
                       "files": site_files, "bytes": site_bytes, "hugo_files": hugo_files, "hugo_bytes": hugo_bytes}
    return results


def fits(args):
    datasets = os.path.join(args.work, "fit-datasets.csv")
    script = os.path.join(HERE, "statsmodels_fits.py")
    subprocess.run([sys.executable, script, "--write", datasets], check=True)

    def parse(text):
        out = {}
        for line in text.strip().splitlines():
            fields = dict(item.split("=", 1) for item in line.split())
            out[fields["k"]] = fields
        return out

    swift, python = [], []
    for i in range(args.runs):
        print("  fits run %d/%d" % (i + 1, args.runs), flush=True)
        swift.append(parse(subprocess.run([args.analysis_benchmark, datasets, str(args.fit_seconds)], check=True,
                                          capture_output=True, text=True).stdout))
        python.append(parse(subprocess.run([sys.executable, script, "--read", datasets, "--seconds", str(args.fit_seconds)],
                                           check=True, capture_output=True, text=True).stdout))
    out = {}
    for k in ("2", "13"):
        s = median([float(r[k]["fits_per_second"]) for r in swift])
        p = median([float(r[k]["fits_per_second"]) for r in python])
        agree = max(abs(float(swift[0][k][f]) - float(python[0][k][f])) for f in ("estimate", "se", "low", "high"))
        out[k] = {"yardstick_fits_per_s": s, "statsmodels_fits_per_s": p, "ratio": s / p, "max_abs_difference": agree,
                  "n": swift[0][k]["n"], "lags": swift[0][k]["lags"]}
    return out


def machine():
    info = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "nproc": os.cpu_count(),
            "python": platform.python_version(), "kernel": platform.release()}
    with open("/proc/meminfo") as f:
        info["memory_gb"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    with open("/proc/cpuinfo") as f:
        info["cpu"] = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "unknown")
    def version(command):
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "unknown"
    info["swift"] = version(["swift", "--version"])
    info["hugo"] = version(["hugo", "version"])
    info["statsmodels"] = version([sys.executable, "-c", "import statsmodels; print(statsmodels.__version__)"])
    info["commit"] = os.environ.get("YARDSTICK_COMMIT") or version(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    info["load_before"] = os.getloadavg()
    return info


def markdown(result):
    m = result["machine"]
    lines = ["Measured %s on %d cores (%s), %.0f GB memory; %s; %s; statsmodels %s; commit %s."
             % (m["date"], m["nproc"], m["cpu"], m["memory_gb"], m["swift"], m["hugo"], m["statsmodels"], m["commit"]),
             "Load average (1, 5, 15 min) before: %.1f %.1f %.1f, after: %.1f %.1f %.1f."
             % (*m["load_before"], *m["load_after"]), ""]
    for n, r in result["portfolios"].items():
        s = r["size"]
        lines += ["### portfolio-%s × %d months: %s snapshot rows → %d pages, %d files, %.1f MB"
                  % (n, s["months"], format(s["snapshot_rows"], ","), s["pages"], s["files"], s["bytes"] / 1e6), "",
                  "| build | Yardstick wall (range) | Hugo wall (range) | Yardstick / Hugo | Yardstick CPU | Hugo CPU | ratio, CPU | Yardstick peak RSS | Hugo peak RSS |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        cold = "cold (no output; the last one %s)" % ("deleted just before" if m.get("cold") == "deleted" else "moved aside")
        for scenario, label in (("cold", cold), ("warm", "warm (nothing changed)"), ("note", "one feedback note added")):
            if scenario not in r:
                continue
            y, h = r[scenario]["yardstick"], r[scenario]["hugo"]
            def span(r):
                return "%.2f s (%.1f–%.1f)" % (r["wall"], min(r["walls"]), max(r["walls"])) if r["runs"] > 1 else "%.2f s" % r["wall"]
            lines.append("| %s | %s | %s | %.1f× | %.2f s | %.2f s | %.1f× | %.0f MB | %.0f MB |"
                         % (label, span(y), span(h), y["wall"] / h["wall"], y["cpu"], h["cpu"], y["cpu"] / h["cpu"], y["rss_mb"], h["rss_mb"]))
        if "cold" in r:
            cold = r["cold"]["yardstick"]["wall"]
            shares = ["%s %.1f %% of cold" % (label, 100 * r[k]["yardstick"]["wall"] / cold)
                      for k, label in (("warm", "warm"), ("note", "after one note")) if k in r]
            if shares:
                lines += ["", "Yardstick incremental builds (median wall): " + "; ".join(shares) + "."]
        c, t = r["copy"], r["tar"]
        lines += ["", "Sequential write of the same %d files (`cp -rL` of the output to a fresh folder): %.2f s wall, %.2f s CPU; "
                  "the same bytes as one file (`tar -cf`): %.2f s wall (medians of %d)." % (s["files"], c["wall"], c["cpu"], t["wall"], c["runs"]),
                  "Hugo output: %d pages, %d files, %.1f MB." % (s["hugo_pages"], s["hugo_files"], s["hugo_bytes"] / 1e6), ""]
        steps = r["cold"]["yardstick"].get("steps", {}) if "cold" in r else {}
        if steps:
            total = sum(steps.values())
            lines.append("Yardstick cold build by step (median wall): " + "; ".join(
                "%s %.2f s (%.0f %%)" % (k, v, 100 * v / total) for k, v in steps.items()) + ".")
            lines.append("")
    scale = result.get("scaling")
    if scale:
        small, large = min(scale, key=int), max(scale, key=int)
        lines += ["### Size: cold builds of each portfolio in turn", "",
                  "| portfolio | Yardstick wall (range) | Yardstick CPU |", "|---|---:|---:|"]
        for n in sorted(scale, key=int):
            r = scale[n]
            lines.append("| portfolio-%s | %.2f s (%.1f–%.1f) | %.2f s |" % (n, r["wall"], min(r["walls"]), max(r["walls"]), r["cpu"]))
        lines += ["", "portfolio-%s against portfolio-%s (%d× the projects): %.2f× wall, %.2f× CPU (medians of %d, sizes alternating)."
                  % (large, small, int(large) // int(small), scale[large]["wall"] / scale[small]["wall"],
                     scale[large]["cpu"] / scale[small]["cpu"], scale[large]["runs"]), ""]
    f = result.get("fits")
    if not f:
        return "\n".join(lines) + "\n"
    lines += ["### Analysis alone: OLS with HAC errors and the 95 % interval, fits per CPU second", "",
              "| model | Yardstick (Swift) | statsmodels | ratio | largest difference |", "|---|---:|---:|---:|---:|"]
    for k, label in (("2", "k = 2 (constant, post)"), ("13", "k = 13 (+ 11 month dummies)")):
        v = f[k]
        lines.append("| %s, n = %s, L = %s | %s | %s | %.0f× | %.1e |" % (
            label, v["n"], v["lags"], format(round(v["yardstick_fits_per_s"]), ","), format(round(v["statsmodels_fits_per_s"]), ","),
            v["ratio"], v["max_abs_difference"]))
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--yardstick", required=True)
    parser.add_argument("--analysis-benchmark", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--portfolios", default="50,200")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--fit-seconds", type=float, default=1.0)
    parser.add_argument("--cold", choices=("moved", "deleted"), default="moved",
                        help="how a cold run's previous output is taken away: moved aside (default) or deleted just before")
    parser.add_argument("--scenarios", default="cold,warm,note", help="any of cold, warm, note")
    parser.add_argument("--skip-fits", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="pass --verbose to yardstick build for its own step times")
    args = parser.parse_args(argv)

    args.scenarios = [x for x in args.scenarios.replace(" ", ",").split(",") if x]
    result = {"machine": dict(machine(), cold=args.cold), "portfolios": {}}
    # Outputs moved aside by cold runs wait here until every measurement is done: deleting them any earlier would
    # slow the file creation of the runs that follow (see move_aside()).
    retired = os.path.join(args.work, "retired")
    shutil.rmtree(retired, ignore_errors=True)
    os.makedirs(retired)
    if not args.skip_fits:
        print("(e) fits: Yardstick vs statsmodels", flush=True)
        result["fits"] = fits(args)
    sizes = [int(x) for x in args.portfolios.replace(" ", ",").split(",") if x]
    for n in sizes:
        result["portfolios"][str(n)] = bench_portfolio(n, args)
    if len(sizes) > 1 and "cold" in args.scenarios:
        print("cold builds of each size in turn", flush=True)
        result["scaling"] = scaling(sizes, args)
    result["machine"]["load_after"] = os.getloadavg()
    shutil.rmtree(retired, ignore_errors=True)
    text = markdown(result)
    name = "results-" + "-".join(result["portfolios"])
    with open(os.path.join(args.work, name + ".json"), "w") as f:
        json.dump(result, f, indent=1)
    with open(os.path.join(args.work, name + ".md"), "w") as f:
        f.write(text)
    print()
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

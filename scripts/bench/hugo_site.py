#!/usr/bin/env python3
"""Turn a site Yardstick built into a Hugo project that builds the same pages, for scripts/bench/run.sh.

    python3 scripts/bench/hugo_site.py SITE_DIR HUGO_DIR

Every HTML page of SITE_DIR becomes a raw HTML content file at the same path, holding front matter (its title)
and the page's <body> as Yardstick wrote it, so Hugo writes the same pages with the same bodies: `index.html`
becomes the home page `content/_index.html`; `D/index.html` becomes `content/D/_index.html` (a section) when other
pages live below D, else `content/D/index.html` (a page bundle). Hugo renders them through one minimal layout
that puts back the head, so the output pages are the same HTML. Every other file (report.json, chart CSVs,
feed.xml, sitemap.xml, manifest.json, assets/) goes to `static/`, which Hugo copies, so both tools write the same
set of files. Hugo's own extras (taxonomies, RSS, sitemap, robots.txt, 404, list pages for folders Yardstick has
no page for) are switched off, and paths keep their case.

HUGO_DIR is replaced. Prints the number of pages and static files.
"""

import html
import os
import re
import shutil
import sys

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)

LAYOUT = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
<title>{{ .Title }}</title>
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
{{ .Content }}
</body>
</html>
"""

CONFIG = """baseURL = "http://localhost/ai-results/"
title = "Yardstick pages, built by Hugo"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
disablePathToLower = true
enableRobotsTXT = false

[markup.goldmark.renderer]
unsafe = true
"""


def front_matter(title):
    return '---\ntitle: "%s"\n---\n' % title.replace("\\", "\\\\").replace('"', '\\"')


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    site, out = argv[1], argv[2]
    if os.path.exists(out):
        shutil.rmtree(out)
    pages, statics = [], []
    for root, _dirs, files in os.walk(site):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), site)
            (pages if name.endswith(".html") else statics).append(rel)
    page_dirs = {os.path.dirname(p) for p in pages}

    def has_pages_below(directory):
        prefix = directory + "/" if directory else ""
        return any(d != directory and d.startswith(prefix) for d in page_dirs)

    for rel in sorted(pages):
        directory, name = os.path.split(rel)
        if name != "index.html":
            target = os.path.join("content", rel)
        elif directory == "":
            target = os.path.join("content", "_index.html")
        elif has_pages_below(directory):
            target = os.path.join("content", directory, "_index.html")
        else:
            target = os.path.join("content", directory, "index.html")
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            text = f.read()
        title = html.unescape(TITLE.search(text).group(1)) if TITLE.search(text) else rel
        body = BODY.search(text)
        path = os.path.join(out, target)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(front_matter(title) + (body.group(1) if body else text))
    # A top-level folder without a page of its own would become a section list page Yardstick does not have.
    for directory in sorted({p.split("/")[0] for p in pages if "/" in p}):
        index = os.path.join(out, "content", directory, "_index.html")
        if not os.path.exists(index):
            with open(index, "w", encoding="utf-8") as f:
                f.write("---\n_build:\n  render: never\n  list: never\n---\n")
    for rel in statics:
        path = os.path.join(out, "static", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copyfile(os.path.join(site, rel), path)
    for name in ("index.html", os.path.join("_default", "single.html"), os.path.join("_default", "list.html")):
        path = os.path.join(out, "layouts", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(LAYOUT)
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG)
    print("pages=%d static=%d" % (len(pages), len(statics)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

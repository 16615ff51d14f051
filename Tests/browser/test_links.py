"""(4) No broken internal link, over HTTP (the site in a subfolder) and over file://.

Both crawls start at index.html and follow every href/src of HTML pages and every url() of CSS
(pages, CSV, JSON, CSS); every internal target must answer 200 (HTTP) or exist as a file (file://),
and every #fragment must name an id on its page. Every file of the site except the machine-readable
manifest, sitemap and feed must be reachable that way.
"""
from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from helpers import is_external, links_of, parse_page, split_fragment

UNLINKED = {"manifest.json", "sitemap.xml", "feed.xml"}


class Crawl:
    def __init__(self):
        self.ok: dict[str, bytes] = {}
        self.broken: list[str] = []
        self.fragments: list[tuple[str, str, str]] = []  # (page, target, fragment)
        self.external = 0

    def check_fragments(self) -> list[str]:
        ids: dict[str, set[str]] = {}
        missing = []
        for source, target, fragment in self.fragments:
            if target not in self.ok:
                continue
            if target not in ids:
                body = self.ok[target]
                ids[target] = parse_page(body).ids if target.endswith(".html") else set()
            if fragment not in ids[target]:
                missing.append(f"{source} → {target}#{fragment}: no such id")
        return missing


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def crawl_http(base: str) -> Crawl:
    crawl = Crawl()
    start = base + "index.html"
    referrer = {start: "(start)"}
    queue = [start]
    while queue:
        url = queue.pop()
        status, body = fetch(url)
        if status != 200:
            crawl.broken.append(f"{referrer[url]} → {url}: HTTP {status}")
            continue
        crawl.ok[url] = body
        for link in links_of(Path(urlsplit(url).path), body):
            if is_external(link):
                crawl.external += 1
                continue
            target, fragment = split_fragment(urljoin(url, link))
            if not target.startswith(base):
                crawl.broken.append(f"{url} → {link}: leaves the site folder {base}")
                continue
            if fragment:
                crawl.fragments.append((url, target, fragment))
            if target not in referrer:
                referrer[target] = url
                queue.append(target)
    return crawl


def crawl_files(root: Path) -> Crawl:
    crawl = Crawl()
    start = str(root / "index.html")
    referrer = {start: "(start)"}
    queue = [start]
    while queue:
        path = queue.pop()
        if not os.path.isfile(path):
            crawl.broken.append(f"{referrer[path]} → {path}: " + ("a folder, not a file (file:// shows no index.html)"
                                                                 if os.path.isdir(path) else "no such file"))
            continue
        body = Path(path).read_bytes()
        crawl.ok[path] = body
        for link in links_of(Path(path), body):
            if is_external(link):
                crawl.external += 1
                continue
            relative, fragment = split_fragment(link)
            if relative.startswith("/"):
                crawl.broken.append(f"{path} → {link}: root-relative, breaks under file:// and in a subfolder")
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(path), unquote(relative.split("?")[0]))) if relative else path
            if not (target + os.sep).startswith(str(root) + os.sep):
                crawl.broken.append(f"{path} → {link}: leaves the site folder")
                continue
            if fragment:
                crawl.fragments.append((path, target, fragment))
            if target not in referrer:
                referrer[target] = path
                queue.append(target)
    return crawl


def site_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_http_crawl_from_a_subfolder(served, site):
    base, _ = served
    crawl = crawl_http(base)
    print(f"\nHTTP crawl: {len(crawl.ok)} URLs answered 200, {len(crawl.broken)} broken, "
          f"{len(crawl.fragments)} fragments, {crawl.external} external links skipped")
    problems = crawl.broken + crawl.check_fragments()
    assert not problems, "\n".join(problems[:50])


def test_file_crawl(site):
    crawl = crawl_files(site)
    print(f"\nfile:// crawl: {len(crawl.ok)} files exist, {len(crawl.broken)} broken, {len(crawl.fragments)} fragments")
    problems = crawl.broken + crawl.check_fragments()
    assert not problems, "\n".join(problems[:50])


def test_every_file_is_reachable_from_the_index(site):
    """A reader can get to every page, CSV and report.json by following links from index.html."""
    crawl = crawl_files(site)
    reached = {Path(p).relative_to(site).as_posix() for p in crawl.ok}
    unreached = sorted(site_files(site) - reached - UNLINKED)
    pages = [p for p in unreached if p.endswith(".html")]
    assert not unreached, (f"{len(unreached)} files ({len(pages)} pages) no link reaches from index.html, e.g.:\n  "
                           + "\n  ".join(unreached[:15]))


def test_browser_loads_every_subresource_over_http(page, served, inventory):
    """Chromium itself: each page type loads with its stylesheet applied and no failed request logged."""
    base, _ = served
    page.get_log("browser")
    for relative in inventory.one_of_each().values():
        page.get(base + relative)
        applied = page.execute_script(
            "return [...document.styleSheets].some(s => { try { return s.cssRules.length > 0 } catch (e) { return false } })")
        assert applied, f"{relative}: the stylesheet did not load over HTTP"
    errors = [entry["message"] for entry in page.get_log("browser")
              if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]]
    assert not errors, "\n".join(errors)


def test_sitemap_and_feed_resolve(served, site, inventory):
    """Sitemap and feed URLs are written under base_url: mapped onto the served folder, each answers 200."""
    base, _ = served
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    hrefs = [h.replace("&amp;", "&") for h in re.findall(r"<link[^>]*\bhref=\"([^\"]+)\"", feed)]
    assert hrefs, "the feed has no link to the site"
    base_path = urlsplit(hrefs[0]).path  # the feed's own link is base_url
    assert base_path.endswith("/"), f"the feed links to {hrefs[0]!r}, not to the site folder"

    def served_url(location: str) -> str:
        path = urlsplit(location).path
        assert path.startswith(base_path), f"{location} is outside base_url {base_path}"
        return base + path[len(base_path):]

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap)
    assert locations, "the sitemap lists no page"
    broken = []
    for location in locations + hrefs:
        status, _ = fetch(served_url(location))
        if status != 200:
            broken.append(f"{location}: HTTP {status}")
    assert not broken, "\n".join(broken)
    listed = {served_url(loc)[len(base):] for loc in locations}
    unlisted = sorted(set(inventory.all_pages()) - listed)
    assert not unlisted, f"pages missing from sitemap.xml: {unlisted[:20]}"

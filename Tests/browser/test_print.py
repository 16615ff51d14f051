"""(3) Each monthly project summary prints on exactly one page, on A4 and on Letter.

Every summary of the latest month, the two longest summaries of the site (the worst case) and a fixed
pseudo-random 10 others, archived editions included (PRINT_ALL=1: all of them), are printed with Chromium's print path (CDP Page.printToPDF) and counted with pdfinfo. The one page must
still carry what DESIGN.md says may never be dropped: the status, the next move, every warning and the
restatement notice.
A second check lays each page out in print media at the A4 text width and looks for anything wider.
"""
from __future__ import annotations

import re
from html import unescape

import pytest

from conftest import open_file
from helpers import PAPER, PRINT_MARGIN_MM, SUMMARY_TYPES, normalise, pdf_pages, pdf_text, print_pdf

CSS_PX_PER_INCH = 96


def print_width_px(paper: str) -> int:
    width_in, _ = PAPER[paper]
    return int(width_in * CSS_PX_PER_INCH - 2 * PRINT_MARGIN_MM / 25.4 * CSS_PX_PER_INCH)


def must_show(html: str) -> list[str]:
    """Text that must appear on the printed page: status, next move, every warning code, a restatement."""
    html = re.sub(r'<span[^>]*aria-hidden="true"[^>]*>.*?</span>', " ", html, flags=re.S)
    wanted = []
    status = re.search(r'<p class="status">(.*?)</p>', html, re.S)
    if status:
        wanted.append(status.group(1))
    box = re.search(r'<ul class="warnings">.*?</ul>', html, re.S)
    if box:
        wanted += re.findall(r"<code>([^<]+)</code>", box.group(0))
    restated = re.search(r'<h2 id="restated-h">(.*?)</h2>', html, re.S)
    if restated:
        wanted.append(restated.group(1))
    if "<strong>Next move</strong>" in html:
        wanted.append("Next move")
    texts = (unescape(re.sub(r"<[^>]+>", " ", w)) for w in wanted)
    return [normalise(t) for t in texts if t.strip()]


def compact(text: str) -> str:
    """Text without whitespace: a line may wrap anywhere on paper, even after a hyphen."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample(inventory):
    return inventory.print_sample(10)


def test_sample_covers_the_latest_month(inventory, sample):
    latest = inventory.summaries_of(inventory.latest_month())
    assert latest and set(latest) <= set(sample)
    total = sum(len(inventory.pages[kind]) for kind in SUMMARY_TYPES)
    assert len(sample) >= min(total, len(latest) + 12)


def test_every_sampled_summary_prints_on_one_page(page, site, inventory, sample, tmp_path):
    counts, failures = {}, []
    for relative in sample:
        open_file(page, site / relative)
        html = (site / relative).read_text(encoding="utf-8")
        for paper in PAPER:
            pdf = print_pdf(page, paper, tmp_path / f"{relative.replace('/', '_')}.{paper}.pdf")
            pages = pdf_pages(pdf)
            counts[(relative, paper)] = pages
            if pages != 1:
                failures.append(f"{relative} on {paper}: {pages} pages")
                continue
            printed = compact(pdf_text(pdf))
            missing = [w for w in must_show(html) if compact(w) not in printed]
            if missing:
                failures.append(f"{relative} on {paper}: the printed page lacks {missing}")
    print(f"\nprinted {len(sample)} summaries × {len(PAPER)} papers: "
          + ", ".join(f"{paper} {sorted(set(c for (r, p), c in counts.items() if p == paper))} page(s)" for paper in PAPER))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("paper", list(PAPER))
def test_nothing_is_wider_than_the_printed_column(page, site, inventory, sample, paper):
    """In print media at the paper's text width, no element sticks out (it would be cut off on paper)."""
    width = print_width_px(paper)
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    pages = sample + inventory.pages["portfolio"] + inventory.pages["methodology"] + inventory.pages["project"]
    problems = []
    for relative in pages:
        open_file(page, site / relative)
        problems += [f"{relative}: {p}" for p in page.execute_script(OVERFLOW_SCRIPT, width)]
    assert not problems, f"wider than the {paper} text column ({width} px):\n" + "\n".join(problems[:40])


# Reports the document scrolling sideways and each element cut off by its own box or by the page edge.
OVERFLOW_SCRIPT = """
const width = arguments[0], out = [];
const root = document.documentElement;
if (root.scrollWidth > width + 1) out.push(`the page is ${root.scrollWidth}px wide`);
for (const el of document.body.querySelectorAll('*')) {
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  const box = el.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) continue;  // empty, or visually hidden on purpose (.visually-hidden)
  const name = el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined && el.className ? '.' + String(el.className).split(' ').join('.') : '');
  if (box.right > width + 1) out.push(`${name} ends at ${Math.round(box.right)}px`);
  else if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
    out.push(`${name} hides ${el.scrollWidth - el.clientWidth}px of its content`);
}
return out.slice(0, 20);
"""

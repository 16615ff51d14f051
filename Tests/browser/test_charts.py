"""Chart labels stay inside their chart on every page that draws one.

An inline <svg> clips whatever is drawn outside its viewBox, on screen and on paper, so a direct label
or event label that runs past the edge is silently cut off. Text scales with the viewBox, so one
layout width is enough to find it. Checked on every page (cheap: no printing).
"""
from __future__ import annotations

import pytest

from conftest import open_file, reset

CLIPPED_LABELS = """
const out = [];
for (const svg of document.querySelectorAll('svg')) {
  const frame = svg.getBoundingClientRect();
  if (frame.width === 0) continue;
  for (const text of svg.querySelectorAll('text')) {
    const box = text.getBoundingClientRect();
    if (box.width === 0) continue;
    const cut = Math.max(frame.left - box.left, box.right - frame.right, frame.top - box.top, box.bottom - frame.bottom);
    if (cut > 1) out.push(`${svg.getAttribute('aria-labelledby') || svg.getAttribute('class')}: "${text.textContent.trim()}" cut by ${Math.round(cut)} px`);
  }
}
return out;
"""


OVERLAPPING_LABELS = """
const out = [];
for (const svg of document.querySelectorAll('svg')) {
  const texts = [...svg.querySelectorAll('text')].map(t => [t.textContent.trim(), t.getBoundingClientRect()])
                 .filter(([, box]) => box.width > 0);
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const [a, p] = texts[i], [b, q] = texts[j];
    const wide = Math.min(p.right, q.right) - Math.max(p.left, q.left);
    const tall = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (wide > 1 && tall > 2) out.push(`"${a}" overlaps "${b}"`);
  }
}
return out;
"""



@pytest.fixture(scope="module")
def chart_text(driver, site, inventory):
    """Visits every page with a chart once: (pages checked, labels cut off, labels overlapping)."""
    reset(driver)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1200, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    checked, clipped, overlapping = 0, [], []
    for relative in inventory.all_pages():
        html = (site / relative).read_text(encoding="utf-8")
        if "<svg" not in html or "<text" not in html:
            continue
        checked += 1
        open_file(driver, site / relative)
        clipped += [(relative, p) for p in driver.execute_script(CLIPPED_LABELS)]
        overlapping += [(relative, p) for p in driver.execute_script(OVERLAPPING_LABELS)]
    reset(driver)
    return checked, clipped, overlapping


def summarise(found: list[tuple[str, str]]) -> str:
    first: dict[str, str] = {}
    for page, problem in found:
        first.setdefault(problem, page)
    pages = {page for page, _ in found}
    return (f"{len(found)} on {len(pages)} pages ({len(first)} distinct):\n  "
            + "\n  ".join(f"{problem}  (first on {page})" for problem, page in sorted(first.items())[:30]))


def test_no_chart_label_is_cut_off(chart_text):
    checked, clipped, _ = chart_text
    print(f"\nchart labels on {checked} pages: cut off {len(clipped)}")
    if clipped:
        pytest.fail("chart text drawn outside its <svg>, so clipped: " + summarise(clipped), pytrace=False)


def test_no_two_chart_labels_overlap(chart_text):
    """Direct labels replace legends (DESIGN.md), so each must be legible: no label on top of another."""
    checked, _, overlapping = chart_text
    print(f"\nchart labels on {checked} pages: overlapping pairs {len(overlapping)}")
    if overlapping:
        pytest.fail("chart labels drawn on top of each other: " + summarise(overlapping), pytrace=False)

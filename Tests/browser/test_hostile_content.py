"""(6) No script from content executes.

A copy of content/ gets a feedback note in the latest month full of script (raw <script>, an <img>
with onerror, a javascript: link, a heading, author and pull quote that try to close <title>) and a
project title that does the same. The pages that show them are opened in Chromium: no alert may be
open, the console must be silent, the DOM must hold no script, handler or javascript: link, and the
hostile text must show as text. A positive control proves the harness does see an alert.
"""
from __future__ import annotations

import re

import pytest
from selenium.common.exceptions import NoAlertPresentException

from conftest import build_site, copy_content, open_file
from helpers import describe, is_error, validate

TITLE_ATTACK = "</title><script>alert(4)</script>"

NOTE = """---
date: {date}
source: interview
author: "{title} Mallory"
sentiment: mixed
---
# {title} note heading

<script>alert(1)</script>

<img src=x onerror=alert(2)>

[x](javascript:alert(3))

<a href="javascript:alert(8)">raw link</a> <svg onload=alert(9)></svg> <iframe src="javascript:alert(10)"></iframe>

> Quoted: <script>alert(6)</script> and <img src=x onerror=alert(7)> {title}
"""


def assert_no_alert(driver, where):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
    except NoAlertPresentException:
        return
    pytest.fail(f"{where}: an alert opened ({text!r}): script from content ran")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, inventory):
    """(site root, project id, month) of a build whose latest month carries the hostile note."""
    base = tmp_path_factory.mktemp("hostile")
    content = copy_content(base / "content")
    # Published editions pin every input's hash; this copy is about rendering, so it is an unpublished one.
    (content / "editions.yml").unlink(missing_ok=True)
    month = inventory.latest_month()
    project = sorted(p.split("/")[1] for p in inventory.summaries_of(month))[0]
    folder = content / "projects" / project
    feedback = folder / "feedback"
    feedback.mkdir(exist_ok=True)
    this_month = sorted(feedback.glob(f"{month}-*.md"))
    day = this_month[0].name[:10] if this_month else f"{month}-10"
    (feedback / f"{day}-hostile-note.md").write_text(NOTE.format(date=day, title=TITLE_ATTACK), encoding="utf-8")
    contract = folder / "contract.yml"
    text = contract.read_text(encoding="utf-8")
    text, replaced = re.subn(r"(?m)^title: (.*)$", lambda m: f'title: "{TITLE_ATTACK} {m.group(1)}"', text, count=1)
    assert replaced == 1, "the contract has no title line to replace"
    contract.write_text(text, encoding="utf-8")
    site = base / "site"
    build_site(content, site)
    return site, project, month


def pages_showing_it(hostile) -> dict[str, bool]:
    """The pages that show the hostile note or title → whether the project title is in their <title>."""
    site, project, month = hostile
    return {f"{month}/{project}/index.html": True, f"projects/{project}/index.html": True,
            f"projects/{project}/methodology/index.html": True, f"{month}/index.html": False, "index.html": False}


def test_the_hostile_note_reaches_the_summary(hostile):
    site, project, month = hostile
    html = (site / month / project / "index.html").read_text(encoding="utf-8")
    assert "note heading" in html, "the hostile note is not on the summary page; the check would prove nothing"
    assert "&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;" in html, "the hostile title is not shown escaped"


def test_the_built_pages_hold_no_script(hostile):
    site, _, _ = hostile
    for relative in pages_showing_it(hostile):
        html = (site / relative).read_text(encoding="utf-8")
        assert not re.search(r"<script|<iframe|<svg[^>]*onload|\son\w+\s*=|javascript:alert", html, re.I), \
            f"{relative} carries markup from content: " + ", ".join(
                re.findall(r".{0,40}(?:<script|<iframe|\son\w+\s*=|javascript:alert).{0,40}", html, re.I)[:5])


def test_no_script_from_content_runs_in_chromium(page, hostile):
    site, _, _ = hostile
    page.get_log("browser")
    for relative, in_title in pages_showing_it(hostile).items():
        open_file(page, site / relative)
        assert_no_alert(page, relative)
        state = page.execute_script("""return {
            scripts: document.scripts.length,
            handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)
                        .filter(n => n.startsWith('on')).map(n => e.tagName + '[' + n + ']')),
            jsLinks: [...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src'))
                        .filter(u => /^\\s*javascript:/i.test(u)),
            frames: document.querySelectorAll('iframe, object, embed').length,
            title: document.title, text: document.body.innerText }""")
        text = state.pop("text")
        assert state["scripts"] == 0 and not state["handlers"] and not state["jsLinks"] and state["frames"] == 0, \
            f"{relative}: {state}"
        assert TITLE_ATTACK in text, f"{relative}: the hostile project title is not shown as text on the page"
        if in_title:
            assert TITLE_ATTACK in state["title"], f"{relative}: the hostile title is not in <title> as text: {state['title']!r}"
        log = page.get_log("browser")
        assert not log, f"{relative}: the console is not silent: {[entry['message'] for entry in log]}"


def test_hostile_pages_still_validate(hostile):
    site, _, _ = hostile
    messages = validate([site / p for p in pages_showing_it(hostile)], css=False)
    errors = [m for m in messages if is_error(m)]
    assert not errors, "\n".join(describe(m) for m in errors[:20])


def test_the_harness_sees_an_alert(page, tmp_path):
    """Positive control: a page that does run a script is caught by the same detector."""
    control = tmp_path / "control.html"
    control.write_text("<!DOCTYPE html><title>control</title><body><script>alert('control')</script>", encoding="utf-8")
    page.get(control.as_uri())
    with pytest.raises(pytest.fail.Exception, match="control"):
        assert_no_alert(page, "control")

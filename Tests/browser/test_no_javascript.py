"""(5) No JavaScript: no <script>, no event-handler attribute, no javascript: URL on any page, and a
Content-Security-Policy meta that forbids scripts, which Chromium enforces."""
from __future__ import annotations

import re

import pytest

from conftest import open_file
from helpers import parse_page


def csp_of(metas: list[dict]) -> str | None:
    for meta in metas:
        if meta.get("http-equiv", "").lower() == "content-security-policy":
            return meta.get("content", "")
    return None


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = [w.lower() for w in words[1:]]
    return out


def test_no_page_has_a_script_and_every_page_forbids_them(site, inventory):
    problems = []
    for relative in inventory.all_pages():
        html = (site / relative).read_text(encoding="utf-8")
        parsed = parse_page(html.encode())
        if parsed.scripts:
            problems.append(f"{relative}: {parsed.scripts} <script> element(s)")
        if parsed.handlers:
            problems.append(f"{relative}: event-handler attributes {parsed.handlers[:5]}")
        for tag, attribute, value in parsed.links:
            if re.match(r"\s*(javascript|vbscript|data\s*:\s*text/html)", value, re.I):
                problems.append(f"{relative}: <{tag} {attribute}={value!r}>")
        policy = csp_of(parsed.metas)
        if policy is None:
            problems.append(f"{relative}: no Content-Security-Policy meta")
            continue
        head = html[: html.lower().find("</head>")]
        if "content-security-policy" not in head.lower():
            problems.append(f"{relative}: the CSP meta is not in <head>")
        rules = directives(policy)
        script_sources = rules.get("script-src", rules.get("default-src"))
        if script_sources != ["'none'"]:
            problems.append(f"{relative}: scripts are not forbidden (script sources {script_sources})")
        if "'unsafe-inline'" in " ".join(sum(rules.values(), [])):
            problems.append(f"{relative}: the policy allows 'unsafe-inline'")
    print(f"\nno-JavaScript check: {len(inventory.all_pages())} pages")
    assert not problems, "\n".join(problems[:50])


def test_stylesheet_has_no_script(site):
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8").lower()
        assert "javascript:" not in text and "expression(" not in text and "behavior:" not in text, css


@pytest.mark.parametrize("kind", ["portfolio", "summary", "methodology"])
def test_chromium_enforces_the_policy(page, site, inventory, kind):
    """The browser sees no script, and refuses one injected after load (the meta CSP is in force)."""
    open_file(page, site / inventory.one_of_each()[kind])
    assert page.execute_script("return document.scripts.length") == 0
    page.get_log("browser")
    ran = page.execute_script("""
        window.__ran = false;
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
        return window.__ran;""")
    assert ran is False, "an inline script ran: the Content-Security-Policy is not in force"
    log = " ".join(entry["message"] for entry in page.get_log("browser"))
    assert "Content Security Policy" in log, f"Chromium reported no CSP refusal: {log!r}"

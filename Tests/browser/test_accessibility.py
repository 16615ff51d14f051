"""(2) axe-core (axe-selenium-python) in headless Chromium: no violation on a page of each type.

Checked in the light scheme on every type, again in the dark scheme (prefers-color-scheme: dark) and
in print media with a dark system scheme (what a reader in dark mode gets on paper) for the pages
people print or read most.
"""
from __future__ import annotations

import pytest
from axe_selenium_python import Axe

from conftest import open_file
from helpers import PAGE_TYPES

DARK = [{"name": "prefers-color-scheme", "value": "dark"}]
RICH_TYPES = ("portfolio", "summary", "methodology")


def run_axe(driver) -> dict:
    axe = Axe(driver)
    axe.inject()
    return axe.run()


def report(results: dict) -> str:
    lines = []
    for violation in results["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:8]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').strip()}")
            lines.append(f"        {node.get('html', '')[:200]}")
    return "\n".join(lines)


def check(driver, path, label):
    results = run_axe(driver)
    passes = len(results["passes"])
    assert passes > 0, "axe ran no rule: was it injected?"
    assert not results["violations"], f"axe violations on {label}:\n{report(results)}"
    return results


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_axe_violation_light(page, site, inventory, kind):
    chosen = inventory.one_of_each()
    assert kind in chosen, f"no page of type {kind}"
    open_file(page, site / chosen[kind])
    check(page, chosen[kind], f"{chosen[kind]} (light)")


@pytest.mark.parametrize("kind", RICH_TYPES)
def test_no_axe_violation_dark(page, site, inventory, kind):
    path = inventory.one_of_each()[kind]
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": DARK})
    open_file(page, site / path)
    assert page.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    check(page, path, f"{path} (dark scheme)")


@pytest.mark.parametrize("kind", RICH_TYPES)
def test_no_axe_violation_print_from_dark_scheme(page, site, inventory, kind):
    path = inventory.one_of_each()[kind]
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": DARK})
    open_file(page, site / path)
    assert page.execute_script("return matchMedia('print').matches")
    check(page, path, f"{path} (print media, dark system scheme)")


def test_every_summary_of_the_latest_month(page, site, inventory):
    for path in inventory.summaries_of(inventory.latest_month()):
        open_file(page, site / path)
        check(page, path, path)

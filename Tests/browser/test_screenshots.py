"""Screenshots at 1200 px wide of the portfolio, one monthly summary and one methodology page.

Always taken (into a temporary folder) and checked: PNG, 1200 px wide, under 400 KB. Written to
docs/screenshots/ only when SCREENSHOTS=1, so CI never writes into the repository.
"""
from __future__ import annotations

import base64
import os
import struct
from pathlib import Path

import pytest

from conftest import open_file
from helpers import REPO

WIDTH = 1200
MAX_HEIGHT = 2400
MAX_BYTES = 400 * 1024
PREFERRED_PROJECT = "support-copilot"


def targets(inventory) -> dict[str, str]:
    month = inventory.latest_month()
    summaries = inventory.summaries_of(month)
    preferred = f"{month}/{PREFERRED_PROJECT}/index.html"
    summary = preferred if preferred in summaries else inventory.one_of_each()["summary"]
    project = summary.split("/")[1]
    return {"portfolio": "index.html", "summary": summary, "methodology": f"projects/{project}/methodology/index.html"}


def screenshot(driver, height: int) -> bytes:
    result = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {"x": 0, "y": 0, "width": WIDTH, "height": height, "scale": 1}})
    return base64.b64decode(result["data"])


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", ["portfolio", "summary", "methodology"])
def test_screenshot(page, site, inventory, name, tmp_path):
    relative = targets(inventory)[name]
    page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                         {"width": WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    open_file(page, site / relative)
    full = page.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    height = min(full, MAX_HEIGHT)
    data = screenshot(page, height)
    while len(data) > MAX_BYTES and height > 900:  # a long page: keep its top, which is what a reader sees first
        height = int(height * 0.8)
        data = screenshot(page, height)
    width, shot_height = png_size(data)
    assert width == WIDTH and shot_height == height, (width, shot_height)
    assert len(data) <= MAX_BYTES, f"{name}: {len(data)} bytes"
    out = (REPO / "docs" / "screenshots") if os.environ.get("SCREENSHOTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.png").write_bytes(data)
    print(f"\n{name}: {relative} → {out / f'{name}.png'} ({width}×{shot_height}, {len(data) // 1024} KB)")

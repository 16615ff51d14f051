"""Fixtures for the browser suite: the built site, one headless Chromium, a local HTTP server.

Environment:
  YARDSTICK_SITE   the built example site to check (scripts/test-browser.sh sets it); when unset the
                   suite builds content/ itself with YARDSTICK_BIN into a temporary folder
  YARDSTICK_BIN    the yardstick executable (default .build/debug/yardstick)
  YARDSTICK_TEMPLATES  templates for the builds the suite makes itself (default templates/)
  CHROMIUM         the browser binary (default /usr/bin/chromium)
  CHROMEDRIVER     the driver (default /usr/bin/chromedriver)
  SCREENSHOTS=1    also write docs/screenshots/*.png
  PRINT_ALL=1      print every monthly summary, not the latest month plus a sample of 10
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import REPO, Inventory  # noqa: E402

SUBFOLDER = "ai-results"


def yardstick_binary() -> Path:
    binary = Path(os.environ.get("YARDSTICK_BIN", REPO / ".build" / "debug" / "yardstick"))
    if not binary.is_file():
        pytest.exit(f"no yardstick binary at {binary}: run `swift build --product yardstick` first", returncode=2)
    return binary


def build_site(content: Path, output: Path) -> subprocess.CompletedProcess:
    """Builds `content` with the repository's templates into `output`; fails the test on a build error."""
    result = subprocess.run(
        [str(yardstick_binary()), "build", "--content", str(content), "--output", str(output),
         "--templates", os.environ.get("YARDSTICK_TEMPLATES", str(REPO / "templates")), "--quiet"],
        capture_output=True, text=True, timeout=300, cwd=REPO)
    assert result.returncode == 0, f"yardstick build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    given = os.environ.get("YARDSTICK_SITE")
    if given:
        root = Path(given).resolve()
        assert (root / "index.html").is_file(), f"YARDSTICK_SITE={given} holds no index.html"
        return root
    root = tmp_path_factory.mktemp("site") / "site"
    build_site(REPO / "content", root)
    return root


@pytest.fixture(scope="session")
def inventory(site) -> Inventory:
    return Inventory.of(site)


# ---------------------------------------------------------------------------------------------- Chromium

def chrome_options():
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                 "--hide-scrollbars", "--force-device-scale-factor=1", "--disable-dev-shm-usage",
                 "--allow-file-access-from-files", "--lang=en-GB"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Leave an alert open so a test can find it (the default dismisses it and raises on the next command).
    options.unhandled_prompt_behavior = "ignore"
    return options


@pytest.fixture(scope="session")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(service=service, options=chrome_options())
    browser.set_page_load_timeout(60)
    browser.set_script_timeout(60)
    yield browser
    browser.quit()


@pytest.fixture()
def page(driver):
    """The shared browser with emulation reset before and after the test."""
    reset(driver)
    yield driver
    reset(driver)


def reset(driver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": [
        {"name": "prefers-color-scheme", "value": "light"}]})


def open_file(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    driver.find_element("css selector", "body")


# ---------------------------------------------------------------------------------------------- HTTP server

@pytest.fixture(scope="session")
def served(site, tmp_path_factory):
    """The site served by `python3 -m http.server` on 127.0.0.1 under /ai-results/ (the example base_url).

    Yields (base URL of the site, document root). The server picks a free port itself (port 0).
    """
    docroot = tmp_path_factory.mktemp("docroot")
    (docroot / SUBFOLDER).symlink_to(site, target_is_directory=True)
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(docroot)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"port (\d+)", line)
        assert match, f"http.server did not report its port: {line!r}"
        base = f"http://127.0.0.1:{match.group(1)}/{SUBFOLDER}/"
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(base + "index.html", timeout=5) as response:
                    assert response.status == 200
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base, docroot
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()


# ---------------------------------------------------------------------------------------------- content copies

def copy_content(destination: Path) -> Path:
    shutil.copytree(REPO / "content", destination)
    return destination

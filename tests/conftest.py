"""Shared pytest fixtures: Sphinx's testing fixtures, the folder of tiny test projects, and one real browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """The folder that holds the tiny Sphinx projects ``tests/roots/test-<case>/``."""
    return Path(__file__).parent / "roots"


# --- A real browser, shared by every browser test of the session ------------------------------------------------
# Playwright's sync API allows one instance per thread: two fixtures each starting their own fail as soon as their
# lifetimes overlap (e.g. ``pytest tests/site tests/search``), so there is exactly one, here.

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _chromium() -> str:
    """Return Chromium's path, or skip with how to install it."""
    path = os.environ.get("STROM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Chromium is missing: apt-get install chromium (or set STROM_CHROMIUM)")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (Debian's) driven by Playwright."""
    executable = _chromium()
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is missing: pip install playwright axe-playwright-python"
    )
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

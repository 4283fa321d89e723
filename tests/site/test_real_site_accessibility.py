"""The real guidelines in all eleven languages, checked with axe-core in Chromium (home, a chapter, a checklist)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_site_browser import AXE_OPTIONS, axe_violations

from strom import paths, registry

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = ("index.html", "chapters/07-referral.html", "annexes/a-indicators.html")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every language's website, built from the real sources into a temporary folder."""
    build = tmp_path_factory.mktemp("real-site")
    environment = {**os.environ, "STROM_BUILD": str(build), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "strom", "html"],
        cwd=paths.ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return build / "html"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_language_has_no_axe_violations(
    browser: Any,
    axe_source: str,
    real_site: Path,
    width: int,
    scheme: str,
) -> None:
    assert AXE_OPTIONS["resultTypes"] == ["violations"]
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    found: list[str] = []
    try:
        page = context.new_page()
        targets = ["index.html"] + [f"{code}/{name}" for code in registry.load().codes for name in PAGES]
        for target in targets:
            page.goto((real_site / target).as_uri())
            found += [f"{target}: {violation}" for violation in axe_violations(page, axe_source)]
    finally:
        context.close()
    assert found == []

"""Fixtures for the website tests: a small site built in several languages, laid out as it is published."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import BuiltSite, build_language, copy_root

from strom import registry, site

#: The languages the site tests build: the source, a partly translated one, one without any catalogue.
SITE_LANGUAGES = ("en", "lv", "de")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The ``site-guide`` root built in English, Latvian (partly translated) and German (no catalogues)."""
    base = tmp_path_factory.mktemp("site")
    srcdir = copy_root("site-guide", base / "src")
    languages = registry.load()
    built = BuiltSite(root=base / "html")
    for code in SITE_LANGUAGES:
        built.warnings[code] = build_language(srcdir, built.root, languages.get(code))
    site.write_root_index(languages, built.root, locale_dir=srcdir / "locale")
    return built


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script shipped by axe-playwright-python."""
    package = pytest.importorskip(
        "axe_playwright_python", reason="axe-core is missing: pip install axe-playwright-python"
    )
    return (Path(package.__file__).parent / "axe.min.js").read_text(encoding="utf-8")

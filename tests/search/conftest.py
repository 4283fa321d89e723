"""Fixtures for the search tests: tiny builds per language, made once per session."""

from __future__ import annotations

import shutil

import pytest
from search_helpers import LANGUAGES, BuiltSite, build_site, without_docutils_language_warnings


@pytest.fixture(scope="session")
def node() -> str:
    """The Node.js binary, or a skip with an install hint."""
    found = shutil.which("node")
    if found is None:
        pytest.skip("Node.js is needed to run the search JavaScript: apt-get install nodejs")
    return found


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory: pytest.TempPathFactory, node: str) -> dict[str, BuiltSite]:
    """Every registry language's tiny build, made once per test session (2 s each)."""
    sites: dict[str, BuiltSite] = {}
    for language in LANGUAGES:
        outdir, warnings = build_site(language.sphinx, tmp_path_factory.mktemp(f"search-{language.code}"))
        assert without_docutils_language_warnings(warnings) == "", warnings
        sites[language.code] = BuiltSite(language.code, outdir, node)
    return sites

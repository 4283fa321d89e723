"""Fixtures for the catalogue tests: a copy of a tiny project, a language registry, real GNU gettext tools."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from strom import registry
from strom.catalog import gnu
from strom.catalog.project import Project

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """The tiny Sphinx projects of these tests (sphinx.testing copies one per test)."""
    return DATA / "roots"


@pytest.fixture
def gettext_tools() -> None:
    """Skip unless GNU gettext is installed: these tests need the real msgcat/msgmerge/msgfmt."""
    if not gnu.available():
        pytest.skip(f"GNU gettext tools missing: {gnu.INSTALL_HINT}")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A writable copy of the tiny project (docs/, locale/languages.toml)."""
    shutil.copytree(DATA / "project", tmp_path / "project")
    return Project(tmp_path / "project")


@pytest.fixture(scope="session")
def languages() -> registry.Registry:
    """The test registry: English and de, lv, pl, ru, fi."""
    return registry.load(DATA / "project" / "locale" / "languages.toml")

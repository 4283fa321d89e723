"""Shared pytest fixtures: Sphinx's testing fixtures and the folder of tiny test projects."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """The folder that holds the tiny Sphinx projects ``tests/roots/test-<case>/``."""
    return Path(__file__).parent / "roots"

"""Fixtures of the fault-injection suite: a small project built once, and a fresh copy of it for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reliability_testing import build, make_project


@pytest.fixture(scope="session")
def built_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small project with a complete build of English and Latvian (site and PDF): the "previous output"."""
    project = make_project(tmp_path_factory.mktemp("template") / "project")
    run = build(project)
    assert run.returncode == 0, run.output
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the small project, never built."""
    return make_project(tmp_path / "project")


@pytest.fixture
def built(built_template: Path, tmp_path: Path) -> Path:
    """A copy of the built small project: sources, catalogues and the previous complete output."""
    target = tmp_path / "built"
    shutil.copytree(built_template, target, symlinks=True)
    return target

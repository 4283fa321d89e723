"""Furo's navigation tree rendered once per build: every page exactly as Furo renders it, at a fraction of the cost."""

from __future__ import annotations

import os
import shutil
import time
from typing import TYPE_CHECKING, Any

import pytest
from sphinx.builders import html as html_builder
from sphinx.environment.adapters import toctree

from strom.ext import navigation

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

WITHOUT_EXTENSION = {"extensions": ["myst_parser"]}


@pytest.fixture
def srcdir(rootdir: Path, tmp_path: Path) -> Path:
    """A copy of the project with nested toctrees, which tests may edit."""
    return shutil.copytree(rootdir / "test-navigation", tmp_path / "src")


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages for which the global toctree is resolved, by Sphinx's builder or by the extension."""
    docnames: list[str] = []
    global_toctree_for_doc = toctree.global_toctree_for_doc

    def counting(env: Any, docname: str, *args: Any, **kwargs: Any) -> Any:
        docnames.append(docname)
        return global_toctree_for_doc(env, docname, *args, **kwargs)

    monkeypatch.setattr(html_builder, "global_toctree_for_doc", counting)
    monkeypatch.setattr(navigation, "global_toctree_for_doc", counting)
    return docnames


def build(
    make_app: Callable[..., SphinxTestApp], buildername: str, srcdir: Path, builddir: Path, **confoverrides: Any
) -> SphinxTestApp:
    """Build the project in *builddir*, without a warning."""
    app = make_app(buildername, srcdir=srcdir, builddir=builddir, confoverrides=confoverrides)
    app.build()
    assert app.warning.getvalue() == ""
    return app


def pages(app: SphinxTestApp) -> dict[str, bytes]:
    """Every HTML page of the build, by path; the application is done (a new one may start)."""
    app.cleanup()  # as a new process would start: no directives, roles and nodes registered
    return {path.relative_to(app.outdir).as_posix(): path.read_bytes() for path in app.outdir.rglob("*.html")}


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_every_page_is_the_one_furo_renders(
    make_app: Callable[..., SphinxTestApp], srcdir: Path, tmp_path: Path, buildername: str
) -> None:
    cached = pages(build(make_app, buildername, srcdir, tmp_path / "cached"))
    furo = pages(build(make_app, buildername, srcdir, tmp_path / "furo", **WITHOUT_EXTENSION))
    assert sorted(cached) == sorted(furo)
    assert len(cached) >= 8
    assert {path for path in cached if cached[path] != furo[path]} == set()
    # The pages differ in what the comparison covers: the current page's marks and the relative links.
    leaf = next(html.decode() for path, html in cached.items() if path.startswith("part-one/deeper/leaf"))
    assert 'class="toctree-l3 current current-page"' in leaf
    assert 'checked=""' in leaf
    assert 'href="../' in leaf


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_the_tree_is_resolved_once_per_build(
    make_app: Callable[..., SphinxTestApp], srcdir: Path, tmp_path: Path, resolved: list[str], buildername: str
) -> None:
    cached = pages(build(make_app, buildername, srcdir, tmp_path / "cached"))
    # Once without a current page, once more for the first page, checked against Furo's own rendering.
    assert len(resolved) == 2
    resolved.clear()
    furo = pages(build(make_app, buildername, srcdir, tmp_path / "furo", **WITHOUT_EXTENSION))
    assert len(resolved) == len(furo) == len(cached)


def rebuilt_pages(
    make_app: Callable[..., SphinxTestApp], srcdir: Path, builddir: Path, **confoverrides: Any
) -> dict[str, bytes]:
    """Build a copy of the project, retitle a page listed in the toctrees, build again in the same application."""
    srcdir = shutil.copytree(srcdir, builddir / "src")
    app = build(make_app, "html", srcdir, builddir, **confoverrides)
    page = srcdir / "part-two" / "page.md"
    page.write_text(page.read_text(encoding="utf-8").replace("# Page", "# Renamed page"), encoding="utf-8")
    os.utime(page, (time.time() + 10, time.time() + 10))  # newer than the first build, even within a second
    app.build()
    assert app.warning.getvalue() == ""
    return pages(app)


def test_a_rebuild_shows_the_changed_toctree(
    make_app: Callable[..., SphinxTestApp], srcdir: Path, tmp_path: Path
) -> None:
    cached = rebuilt_pages(make_app, srcdir, tmp_path / "cached")
    furo = rebuilt_pages(make_app, srcdir, tmp_path / "furo", **WITHOUT_EXTENSION)
    # Sphinx writes again the pages whose toctree changed, and its own pages (genindex, search).
    assert "Renamed page" in cached["genindex.html"].decode()
    assert cached == furo

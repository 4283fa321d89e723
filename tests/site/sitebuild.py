"""Helpers for the website tests: build a test root in one language and publish it as ``<site>/<code>/``."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from strom import registry

ROOTS = Path(__file__).parent.parent / "roots"


@dataclass
class BuiltSite:
    """A site tree ``<root>/<code>/…`` plus ``index.html``, and each language's warnings."""

    root: Path
    warnings: dict[str, str] = field(default_factory=dict)

    def page(self, code: str, pagename: str) -> BeautifulSoup:
        """Return the parsed HTML of ``<code>/<pagename>.html``."""
        return parse(self.root / code / f"{pagename}.html")


def parse(path: Path) -> BeautifulSoup:
    """Parse an HTML file."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def build_language(srcdir: Path, out: Path, language: registry.Language, **overrides: object) -> str:
    """Build ``srcdir`` in ``language`` and publish it as ``out/<code>/`` (as strom.build does); return the warnings.

    SphinxTestApp resets Sphinx's process-wide state (translators, docutils registries) between languages.
    """
    warnings = io.StringIO()
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        builddir=out.parent / ".work" / language.code,
        confoverrides={"language": language.sphinx, **overrides},
        status=io.StringIO(),
        warning=warnings,
        freshenv=True,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    shutil.copytree(app.outdir, out / language.code, ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"))
    return warnings.getvalue()


def copy_root(name: str, target: Path) -> Path:
    """Copy ``tests/roots/test-<name>`` to ``target`` (Sphinx compiles ``.mo`` files next to the ``.po``)."""
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target

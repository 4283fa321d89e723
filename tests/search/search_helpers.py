"""Helpers for the search tests: tiny builds per language, and Sphinx's search JavaScript run under Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

from strom import registry

HERE = Path(__file__).parent
ROOT = HERE.parent / "roots" / "test-search-inflection"
LANGUAGES = registry.load().languages


# Words that are stop words both in English and in the language (and mean something else there).
SHARED_WITH_ENGLISH = {
    "da": {"at", "for", "have", "her", "i", "over", "under"},  # Sphinx's Danish list
    "de": {"am", "an", "in", "so", "was"},  # Sphinx's German list
    "et": {"me", "on"},  # me: we; on: is
    "fi": {"he", "me", "on"},  # Sphinx's Finnish list: they, we, is
    "lt": {"as", "be", "i", "is", "to"},  # aš (I), be (without), į, iš (folded), to (of that)
    "lv": {"but", "no", "so", "to"},  # būt (to be), no (from), šo (this), to (that)
    "nb": {"at", "for", "her", "i", "me", "no", "over", "so"},  # Sphinx's Norwegian list
    "pl": {"a", "do", "i", "my", "on", "to", "we"},  # and, to, and, we, he, it, in
    "ru": set(),
    "sv": {"i", "under"},  # Sphinx's Swedish list
}


@dataclass(frozen=True)
class BuiltSite:
    """One tiny HTML build and a way to ask its shipped search code questions."""

    language: str
    outdir: Path
    node: str

    def run(self, *, words: list[str] | None = None, queries: list[str] | None = None) -> dict[str, Any]:
        """Stem words and run queries with the site's own searchtools.js, language_data.js and index."""
        request = json.dumps({"words": words or [], "queries": queries or []})
        completed = subprocess.run(
            [self.node, str(HERE / "sphinx_search.cjs"), str(self.outdir)],
            input=request,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        result: dict[str, Any] = json.loads(completed.stdout)
        return result

    def search(self, query: str) -> list[str]:
        """The docnames that a query finds."""
        results: list[str] = self.run(queries=[query])["results"][0]
        return results

    def index(self) -> dict[str, Any]:
        """The parsed searchindex.js."""
        text = (self.outdir / "searchindex.js").read_text(encoding="utf-8")
        data: dict[str, Any] = json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))
        return data


def without_docutils_language_warnings(warnings: str) -> str:
    """Drop docutils' warnings that it has no translations for et and nb (not the search's concern)."""
    ignored = ("rST localisation for language", "Docutils-generated text will be in English")
    return "".join(line for line in warnings.splitlines(keepends=True) if not any(text in line for text in ignored))


def build_site(language: str, destination: Path) -> tuple[Path, str]:
    """Build the tiny root in ``language``; return the HTML folder and the warnings."""
    srcdir = destination / "src"
    shutil.copytree(ROOT, srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": language})
    try:
        app.build()
        return Path(app.outdir), app.warning.getvalue()
    finally:
        app.cleanup()

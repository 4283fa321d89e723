"""The translation-status chart in incremental builds: read again when the counts change, not on every edit.

A rebuild after a catalogue edit must show the counts a clean build would, yet count only the catalogues that
changed, and leave the page alone when the edit changes no count (a corrected translation).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from strom.catalog import status

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

CONFIG = {"language": "lv"}


def chart(app: SphinxTestApp) -> str:
    """The chart's description: every language's numbers in words."""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<desc[^>]*>(.*?)</desc>", html, re.DOTALL)
    assert found is not None
    return found.group(1)


def rebuild(
    make_app: Callable[..., SphinxTestApp], first: SphinxTestApp, config: dict[str, str] = CONFIG
) -> tuple[SphinxTestApp, list[str]]:
    """Build the project again in a new application, from the pickled environment; return it and what it read."""
    first.cleanup()  # as a new process would start: no directives, roles and nodes registered
    app = make_app("html", srcdir=first.srcdir, confoverrides=config)
    read: list[str] = []
    app.connect("source-read", lambda _app, docname, _source: read.append(docname))
    app.build()
    assert app.warning.getvalue() == ""
    return app, read


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalogues the chart counts (reads with polib), by file name and language."""
    names: list[str] = []
    count_catalog = status.count_catalog

    def counting(path: Path, **options: Any) -> status.Counts:
        names.append(f"{path.parent.parent.name}/{path.name}")
        return count_catalog(path, **options)

    monkeypatch.setattr(status, "count_catalog", counting)
    return names


def translate_german_title(srcdir: Path, msgstr: str) -> None:
    """Give the German catalogue's title a translation (a catalogue this Latvian page does not use)."""
    catalogue = srcdir / "locale" / "de" / "LC_MESSAGES" / "index.po"
    text = catalogue.read_text(encoding="utf-8")
    text = re.sub(r'(msgid "Translation status"\nmsgstr )"[^"\n]*"', rf'\1"{msgstr}"', text)
    catalogue.write_text(text, encoding="utf-8")


@pytest.mark.sphinx("html", testroot="translation-status", srcdir="translation-status-rebuild", confoverrides=CONFIG)
def test_a_rebuild_counts_only_the_changed_catalogue_and_shows_the_new_counts(
    app: SphinxTestApp, make_app: Callable[..., SphinxTestApp], counted: list[str]
) -> None:
    app.build()
    assert "Deutsch: 0\u00a0% " in chart(app)
    counted.clear()

    translate_german_title(app.srcdir, "Übersetzungsstand")
    second, read = rebuild(make_app, app)

    assert counted == ["de/index.po"]
    assert read == ["index"]
    assert "Deutsch: 0\u00a0% " not in chart(second)  # 2 of 11 words now


@pytest.mark.sphinx("html", testroot="translation-status", srcdir="translation-status-same", confoverrides=CONFIG)
def test_an_edit_that_changes_no_count_leaves_the_page_alone(
    app: SphinxTestApp, make_app: Callable[..., SphinxTestApp]
) -> None:
    translate_german_title(app.srcdir, "Stand")
    app.build()
    before = chart(app)

    translate_german_title(app.srcdir, "Übersetzungsstand")  # another translation: the same words are translated
    second, read = rebuild(make_app, app)

    assert read == []
    assert chart(second) == before


@pytest.mark.sphinx("html", testroot="translation-status", srcdir="translation-status-removed", confoverrides=CONFIG)
def test_a_removed_catalogue_changes_the_chart(app: SphinxTestApp, make_app: Callable[..., SphinxTestApp]) -> None:
    translate_german_title(app.srcdir, "Übersetzungsstand")
    app.build()
    assert "Deutsch: 0\u00a0% " not in chart(app)

    (app.srcdir / "locale" / "de" / "LC_MESSAGES" / "index.po").unlink()
    second, read = rebuild(make_app, app)

    assert read == ["index"]
    assert "Deutsch: 0\u00a0% " in chart(second)


@pytest.mark.sphinx("html", testroot="translation-status", srcdir="translation-status-unchanged", confoverrides=CONFIG)
def test_nothing_changed_nothing_read(app: SphinxTestApp, make_app: Callable[..., SphinxTestApp]) -> None:
    app.build()

    _second, read = rebuild(make_app, app)

    assert read == []


@pytest.mark.sphinx("html", testroot="translation-status", srcdir="translation-status-unchanged-en")
def test_nothing_changed_nothing_read_in_the_source_language(
    app: SphinxTestApp, make_app: Callable[..., SphinxTestApp]
) -> None:
    """English has no interface catalogue for the labels (a missing dependency would make Sphinx read it always)."""
    app.build()

    _second, read = rebuild(make_app, app, {})

    assert read == []

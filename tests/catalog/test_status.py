"""The translation-status directive: an accessible inline SVG chart computed from the catalogues at build time."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def svg_of(app: SphinxTestApp) -> str:
    """The one chart of the built page."""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    charts = re.findall(r"<svg[^>]*class=\"translation-status\".*?</svg>", html, re.DOTALL)
    assert len(charts) == 1
    return charts[0]


@pytest.mark.sphinx("html", testroot="translation-status", confoverrides={"language": "lv"})
def test_chart_in_the_page_language(app: SphinxTestApp) -> None:
    """Labels come from the interface catalogue (Latvian here); numbers are per language, by words."""
    app.build()
    assert app.warning.getvalue() == ""
    svg = svg_of(app)
    assert 'role="img"' in svg
    assert 'aria-labelledby="translation-status-title-0 translation-status-desc-0"' in svg
    assert '<title id="translation-status-title-0">Tulkošanas statuss pa valodām</title>' in svg
    # lv: 9 of 18 words translated (title + 4 interface words), 9 fuzzy (the paragraph).
    assert "Latviešu (lv, reviewed)</text>" in svg
    # Percentages as the registry says Latvian writes them: a no-break space before the sign (CLDR has none).
    assert ">50\u00a0% iztulkots, 50\u00a0% jāpārskata</text>" in svg
    # de: catalogues with nothing translated; pl, ru, fi: no catalogues at all.
    assert svg.count(">0\u00a0% iztulkots</text>") == 4
    description = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.DOTALL)
    assert description is not None
    for name in ("Deutsch", "Latviešu", "Polski", "Русский", "Suomi"):
        assert name in description.group(1)
    assert "<script" not in svg


@pytest.mark.sphinx("html", testroot="translation-status", srcdir="translation-status-en")
def test_chart_in_english(app: SphinxTestApp) -> None:
    """In the source language the labels are the English msgids; the bar widths follow the numbers."""
    app.build()
    svg = svg_of(app)
    assert ">50% translated, 50% fuzzy</text>" in svg
    assert '<rect x="240" y="80" width="130" height="16" fill="#2e7d32"/>' in svg  # lv, 2nd row: half of 260 px


@pytest.mark.sphinx("gettext", testroot="translation-status", srcdir="translation-status-gettext")
def test_chart_is_not_a_message_to_translate(app: SphinxTestApp) -> None:
    """The chart is raw output: its numbers never reach a .pot file (they would change on every commit)."""
    app.build()
    pot = (app.outdir / "index.pot").read_text(encoding="utf-8")
    assert "translated" not in pot
    assert 'msgid "This page shows how far each language has come."' in pot

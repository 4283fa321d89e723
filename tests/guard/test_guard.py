"""The build-time guard: raw HTML or script in a translation never reaches the site."""

from __future__ import annotations

import re

import pytest


@pytest.mark.sphinx("html", testroot="guard", confoverrides={"language": "lv"}, freshenv=True)
def test_script_in_a_translation_is_escaped_and_reported_at_the_catalogue_line(app) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "Zvaniet policijai pa 112.&lt;script&gt;alert(" in page
    warnings = app.warning.getvalue()
    catalogue = re.escape(str(app.srcdir / "locale" / "lv" / "LC_MESSAGES" / "index.po"))
    assert re.search(catalogue + r":10: WARNING: the translation adds raw HTML '<script>", warnings), warnings
    assert "[strom.translation-markup]" in warnings


@pytest.mark.sphinx("html", testroot="guard", confoverrides={"language": "lv"}, freshenv=True)
def test_javascript_link_in_a_translation_is_not_a_link(app) -> None:
    """markdown-it already refuses ``javascript:`` link targets; the guard drops any that get through."""
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="javascript:' not in page
    assert "Izlasiet [konvenciju](javascript:alert(1))." in page


@pytest.mark.sphinx("html", testroot="guard", confoverrides={"language": "en"}, freshenv=True)
def test_the_source_language_is_untouched(app) -> None:
    app.build()
    assert not app.warning.getvalue()
    assert "Call the police on 112." in (app.outdir / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="guard", confoverrides={"language": "lv"}, freshenv=True)
def test_a_translation_sphinx_drops_is_reported_at_its_catalogue_line(app) -> None:
    """'10. teikums' parses as a numbered list, so Sphinx keeps the English; the build must say so."""
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(r"index\.po:15: WARNING: the translation of this message is not used: .* a paragraph", warnings)
    assert "[strom.translation-dropped]" in warnings
    assert "A plain sentence that stays in English." in (app.outdir / "index.html").read_text(encoding="utf-8")

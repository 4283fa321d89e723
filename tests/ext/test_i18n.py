"""The language set-up extension: registry check, localized titles, html lang, switcher and hreflang."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sphinx.errors import ConfigError

from strom import registry


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "lv"})
def test_latvian_page_has_lang_title_and_translation(app) -> None:
    app.build()
    assert app.statuscode == 0
    assert not app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html [^>]*lang="lv"', page)
    assert "Laipni lūdzam vadlīnijās." in page
    assert "<title>" in page and "Atpazīt, nosūtīt, atbalstīt" in page
    assert "documentation" not in page.split("</title>")[0]


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "lv"})
def test_translation_marks_an_english_title_with_its_language(app) -> None:
    # {lang-en}`…` in the Latvian translation: screen readers speak it as English, WeasyPrint hyphenates it so.
    app.build()
    assert not app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'STROM ir saīsinājums no „<span lang="en-GB">Strengthening the role of municipalities</span>”.' in page


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "lv"})
def test_switcher_links_every_language_to_the_same_page(app) -> None:
    app.build()
    page = (app.outdir / "sub" / "page.html").read_text(encoding="utf-8")
    languages = registry.load().languages
    for language in languages:
        assert f'<link rel="alternate" hreflang="{language.sphinx}" href="../../{language.code}/sub/page.html">' in page
        assert re.search(rf'<a href="../../{language.code}/sub/page.html"[^>]*>{language.name}</a>', page)
    assert '<link rel="alternate" hreflang="x-default" href="../../en/sub/page.html">' in page
    assert page.count('aria-current="page"') >= 1
    assert re.search(r'<a href="../../lv/sub/page.html"[^>]*aria-current="page"', page)


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "zz"})
def test_unknown_language_is_a_config_error(make_app, app_params) -> None:
    args, kwargs = app_params
    with pytest.raises(ConfigError, match=r"'zz' is not in the registry.*known languages: en da de"):
        make_app(*args, **kwargs)


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "lv"})
def test_draft_translation_says_so_on_every_page(app) -> None:
    app.build()
    assert registry.load().get("lv").review == "draft"
    for page in ("index.html", "sub/page.html"):
        html = (app.outdir / page).read_text(encoding="utf-8")
        assert '<p class="strom-review-notice" role="note">' in html
        assert "awaiting review by a national expert" in html


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "en"})
def test_source_language_has_no_review_notice(app) -> None:
    app.build()
    assert "strom-review-notice" not in (app.outdir / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "en"})
def test_footer_shows_the_version(app) -> None:
    import strom

    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert f'<div class="strom-version">Version {strom.__version__}</div>' in page


def test_myst_default_settings_are_made_once_then_copied() -> None:
    from docutils.parsers.rst import Parser as RSTParser
    from myst_parser.mdit_to_docutils import base

    from strom.ext import i18n

    i18n.reuse_myst_default_settings()
    module: Any = base
    assert module.get_default_settings.strom_reused
    first, second = module.get_default_settings(RSTParser), module.get_default_settings(RSTParser)
    assert first is not second and first.record_dependencies is not second.record_dependencies
    assert first.tab_width == second.tab_width == 8 and first.report_level == second.report_level

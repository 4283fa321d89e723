"""Docutils finds our Estonian and Norwegian modules, so et and nb build without its 'not supported' warning."""

from __future__ import annotations

import docutils.languages
import pytest

from strom import docutils_languages


@pytest.mark.parametrize("code", docutils_languages.LANGUAGES)
def test_docutils_finds_our_module(code: str) -> None:
    docutils_languages.register()
    module = docutils.languages.get_language(code)
    assert module.__name__ == f"strom.docutils_languages.{code}"
    assert set(module.labels) == set(docutils.languages.get_language("en").labels)


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "et"}, freshenv=True)
def test_estonian_build_has_no_docutils_warning(app) -> None:
    app.build()
    assert "not supported" not in app.warning.getvalue()

"""Searching a built site with its own JavaScript: inflected forms find the page in every language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sphinx.search
from search_helpers import ROOT, SHARED_WITH_ENGLISH, BuiltSite, build_site, without_docutils_language_warnings
from sphinx.errors import ConfigError
from sphinx.search.en import SearchEnglish
from sphinx.testing.util import SphinxTestApp

import strom.search
from strom import registry
from strom.search import SearchLanguageError, search_language_for, stemmer_fingerprint
from strom.search.languages import OWN_SEARCH_LANGUAGES

# (language, query, page). Each page of the test root has the other form of the query's words.
INFLECTED_QUERIES = [
    ("lv", "cilvēktirdzniecības", "lv"),  # page: cilvēktirdzniecība
    ("lv", "pašvaldībām", "lv"),  # page: pašvaldība
    ("lv", "upuriem", "lv"),  # page: upurim
    ("lv", "darbinieku", "lv"),  # page: darbinieks
    ("lt", "prekybos žmonėmis", "lt"),  # page: prekyba žmonėmis
    ("lt", "aukoms", "lt"),  # page: auka
    ("pl", "handlu ludźmi", "pl"),  # page: handel ludźmi
    ("pl", "ofiarom", "pl"),  # page: ofiara
    ("et", "inimkaubanduse", "et"),  # page: inimkaubandus
    ("et", "ohvrile", "et"),  # page: ohver
    ("et", "lapsele", "et"),  # page: lapse
    ("nb", "ofrene", "nb"),  # page: offer
    ("nb", "menneskehandelen", "nb"),  # page: menneskehandel
    ("da", "ofrene", "da"),  # page: ofre
    ("da", "menneskehandelen", "da"),  # page: menneskehandel
    ("de", "Menschenhandels", "de"),  # page: Menschenhandel
    ("de", "Opfern", "de"),  # page: Opfer
    ("fi", "ihmiskaupan", "fi"),  # page: ihmiskauppa
    ("fi", "uhreille", "fi"),  # page: uhri
    ("ru", "торговли людьми", "ru"),  # page: торговля людьми
    ("ru", "жертвам", "ru"),  # page: жертва
    ("sv", "barnen", "sv"),  # page: barn
    ("sv", "kommunerna", "sv"),  # page: kommun
    ("en", "trafficked victims", "en"),  # page: trafficking, victim
]


@pytest.mark.parametrize(("language", "query", "page"), INFLECTED_QUERIES)
def test_inflected_form_finds_the_page(language: str, query: str, page: str, built_sites: dict[str, BuiltSite]) -> None:
    assert page in built_sites[language].search(query)


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("lv", "cilvektirdzniecibas"),
        ("lv", "pasvaldibam"),
        ("lt", "prekybos zmonemis"),
        ("lt", "zmonemis"),
        ("pl", "handlu ludzmi"),
        ("pl", "przestepstwo"),
    ],
)
def test_query_without_diacritics_finds_the_page(language: str, query: str, built_sites: dict[str, BuiltSite]) -> None:
    assert language in built_sites[language].search(query)


@pytest.mark.parametrize("language", ["lv", "lt", "pl", "et", "nb"])
def test_unrelated_word_finds_nothing(language: str, built_sites: dict[str, BuiltSite]) -> None:
    assert built_sites[language].search("zyxwvut") == []


# A word of the language that is an English stop word: an English search would never index it.
CONTENT_WORDS_THAT_ARE_ENGLISH_STOP_WORDS = [
    ("fi", "into"),  # enthusiasm
    ("da", "be"),  # ask, pray
    ("nb", "be"),
    ("sv", "be"),
    ("de", "Most"),  # cider
    ("pl", "most"),  # bridge
]


@pytest.mark.parametrize(("language", "word"), CONTENT_WORDS_THAT_ARE_ENGLISH_STOP_WORDS)
def test_english_stop_words_are_not_applied(language: str, word: str, built_sites: dict[str, BuiltSite]) -> None:
    assert word.lower() in sphinx.search._stopwords.en.ENGLISH_STOPWORDS
    assert language in built_sites[language].search(word)


@pytest.mark.parametrize("language", sorted(SHARED_WITH_ENGLISH))
def test_no_english_stop_words_reach_the_browser(language: str, built_sites: dict[str, BuiltSite]) -> None:
    shipped = set(built_sites[language].run()["stopwords"])
    assert shipped & sphinx.search._stopwords.en.ENGLISH_STOPWORDS == SHARED_WITH_ENGLISH[language]


def test_index_has_no_english_stemming(built_sites: dict[str, BuiltSite]) -> None:
    terms = built_sites["lv"].index()["terms"]
    assert "cilvektirdzniecib" in terms
    assert "cilvēktirdzniecība" not in terms  # what Sphinx's English fallback indexes


@pytest.mark.parametrize(
    ("language", "query"),
    [("lv", "upuriem"), ("lt", "aukoms"), ("pl", "handlu"), ("et", "ohvrile"), ("nb", "ofrene")],
)
def test_without_strom_search_sphinx_falls_back_to_english(
    language: str, query: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, node: str
) -> None:
    """The control: plain Sphinx misses these pages, so the tests above would catch the fallback."""
    for search_language in OWN_SEARCH_LANGUAGES:  # undo the registration of earlier builds in this process
        monkeypatch.delitem(sphinx.search.languages, search_language.lang, raising=False)
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    for source in ROOT.iterdir():
        text = source.read_text(encoding="utf-8")
        if source.name == "conf.py":
            text = text.replace('extensions = ["strom.search"]', "extensions = []")
        (srcdir / source.name).write_text(text, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": language})
    try:
        app.build()
        assert isinstance(app.builder.indexer.lang, SearchEnglish)  # type: ignore[attr-defined]
    finally:
        app.cleanup()
    assert language not in BuiltSite(language, Path(app.outdir), node).search(query)


def test_language_missing_from_the_registry_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no language has sphinx = 'fr'.*fall back to English"):
        build_site("fr", tmp_path)


def test_search_code_without_a_search_language_stops_the_build() -> None:
    languages = registry.load()
    latvian = languages.get("lv")
    broken = registry.Registry(
        languages=(registry.Language(**{**latvian.__dict__, "search": "ltg"}),), path=languages.path
    )
    with pytest.raises(ConfigError, match=r"search = 'ltg'.*fall back to English"):
        search_language_for("lv", broken)


def test_search_code_comes_from_the_registry() -> None:
    languages = registry.load()
    assert {language.code: search_language_for(language.sphinx, languages) for language in languages.languages} == {
        language.code: language.search for language in languages.languages
    }


def test_conflicting_html_search_language_stops_the_build(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["strom.search"]\nhtml_search_language = "en"\n')
    (srcdir / "index.rst").write_text("Lapa\n====\n")
    with pytest.raises(ConfigError, match="html_search_language = 'en'"):
        SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": "lv"})


def test_a_replaced_search_language_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["strom.search"]\n')
    (srcdir / "index.rst").write_text("Lapa\n====\n")
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": "lv"})
    try:
        # As if another extension registered its own "lv" after ours.
        monkeypatch.setitem(sphinx.search.languages, "lv", SearchEnglish)
        with pytest.raises(SearchLanguageError, match="SearchEnglish"):
            app.build()
    finally:
        app.cleanup()


def test_tiny_build_is_clean(tmp_path: Path) -> None:
    _, warnings = build_site("lv", tmp_path)
    assert without_docutils_language_warnings(warnings) == ""


def test_changed_stemmer_rewrites_the_whole_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stemmer's fingerprint is an 'html' setting: Sphinx rewrites every page when it changes."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": "lv"})
    try:
        app.build()
        assert app.config.strom_search_fingerprint == stemmer_fingerprint()
    finally:
        app.cleanup()
    unchanged = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": "lv"})
    try:
        assert list(unchanged.builder.get_outdated_docs()) == []
    finally:
        unchanged.cleanup()
    monkeypatch.setattr(strom.search, "stemmer_fingerprint", lambda: "a changed stemmer")
    changed = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": "lv"})
    try:
        assert set(changed.builder.get_outdated_docs()) == set(changed.env.found_docs)
    finally:
        changed.cleanup()

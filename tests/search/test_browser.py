"""Searching in a real browser: Debian's Chromium, driven by Playwright, opening search.html from disk."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from search_helpers import BuiltSite

pytestmark = pytest.mark.browser

# One inflected query per language (the page has the other form), and queries typed without diacritics.
QUERIES = [
    ("lv", "cilvēktirdzniecības"),
    ("lv", "cilvektirdzniecibas"),
    ("lt", "prekybos žmonėmis"),
    ("lt", "prekybos zmonemis"),
    ("pl", "handlu ludźmi"),
    ("pl", "handlu ludzmi"),
    ("et", "inimkaubanduse"),
    ("nb", "ofrene"),
    ("da", "ofrene"),
    ("de", "Menschenhandels"),
    ("fi", "ihmiskaupan"),
    ("ru", "торговли"),
    ("sv", "kommunerna"),
    ("en", "trafficked"),
]


def search_in_browser(browser: Any, site: BuiltSite, query: str) -> tuple[list[str], list[str]]:
    """Open search.html?q=... from disk; return the result links and the page's uncaught script errors."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        url = (site.outdir / "search.html").as_uri() + "?q=" + quote(query)
        page.goto(url)
        # performSearch() makes the list and starts the pulse; _finishSearch() stops it once all are listed.
        page.wait_for_function(
            "() => document.querySelector('#search-results ul.search') && Search._pulse_status === -1",
            timeout=15_000,
        )
        links = page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(a => a.href)")
    finally:
        page.close()
    return links, errors


@pytest.mark.parametrize(("language", "query"), QUERIES)
def test_search_page_from_disk_finds_inflected_form(
    language: str, query: str, browser: Any, built_sites: dict[str, BuiltSite]
) -> None:
    links, _ = search_in_browser(browser, built_sites[language], query)
    assert [link for link in links if link.split("#")[0].endswith(f"/{language}.html")], links


# Sphinx 9.0.4's bundled catalogues translate "Search finished, found one page ..." with empty strings, and
# for languages whose plural_expr is "(n != 1)" doctools.js indexes the plural list with a boolean:
# ngettext() returns undefined and _finishSearch() throws (lv, lt, pl, ru show an empty status line).
# Related upstream: https://github.com/sphinx-doc/sphinx/issues/14167. These tiny roots use Sphinx's bundled
# catalogues on purpose (they test the search alone); the site itself loads strom.ext.interface, which rewrites
# translations.js from our sphinx.po (message translated, numeric plural expression): tests/site covers that.
CATALOGUE_DEFECT = pytest.mark.xfail(reason="Sphinx catalogue: empty plural message, boolean plural index")


@pytest.mark.parametrize(
    "language",
    [
        pytest.param(code, marks=CATALOGUE_DEFECT if code in {"da", "de", "et", "fi", "nb", "sv"} else ())
        for code in ("da", "de", "en", "et", "fi", "lt", "lv", "nb", "pl", "ru", "sv")
    ],
)
def test_search_page_runs_without_script_errors(language: str, browser: Any, built_sites: dict[str, BuiltSite]) -> None:
    query = next(query for code, query in QUERIES if code == language)
    _, errors = search_in_browser(browser, built_sites[language], query)
    assert errors == []

"""The language switcher, hreflang alternates and the PDF link, on a site built in three languages."""

from __future__ import annotations

import posixpath

import pytest

from strom import registry
from strom.ext import switcher

PAGES = ("index", "chapters/signs", "chapters/about", "glossary", "search", "genindex")


def test_builds_are_warning_free(built_site) -> None:
    assert built_site.warnings == {code: "" for code in built_site.warnings}


@pytest.mark.parametrize("pagename", PAGES)
def test_every_language_links_to_the_same_page(built_site, pagename) -> None:
    languages = registry.load().languages
    for current in ("lv", "de", "en"):
        page = built_site.page(current, pagename)
        for place in ("sidebar", "footer"):
            nav = page.select_one(f"nav.strom-languages-{place}")
            assert nav is not None, f"{current}/{pagename}: no {place} switcher"
            links = nav.select("a.strom-language-link")
            assert [link.get_text() for link in links] == [language.name for language in languages]
            for link, language in zip(links, languages, strict=True):
                assert link["hreflang"] == link["lang"] == language.sphinx
                # A plain link that works without JavaScript: one click to the same page in that language.
                target = posixpath.normpath(posixpath.join(current, posixpath.dirname(pagename), link["href"]))
                assert target == f"{language.code}/{pagename}.html"
                if language.code in built_site.warnings:
                    assert (built_site.root / target).is_file()
                assert ("aria-current" in link.attrs) == (language.code == current)


@pytest.mark.parametrize("pagename", PAGES)
def test_hreflang_alternates_name_all_eleven_and_x_default(built_site, pagename) -> None:
    page = built_site.page("lv", pagename)
    alternates = {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"]')}
    languages = registry.load().languages
    assert len(languages) == 11
    assert set(alternates) == {language.sphinx for language in languages} | {"x-default"}
    up = "../" * (pagename.count("/") + 1)
    for language in languages:
        assert alternates[language.sphinx] == f"{up}{language.code}/{pagename}.html"
    assert alternates["x-default"] == f"{up}en/{pagename}.html"


def test_section_anchors_are_the_same_in_every_language(built_site) -> None:
    ids = {
        code: {s["id"] for s in built_site.page(code, "chapters/signs").select("article section[id]")}
        for code in ("en", "lv", "de")
    }
    assert ids["en"] == ids["lv"] == ids["de"]
    assert {"ch-signs-general", "work", "what-to-do-next"} <= ids["lv"]


def test_switcher_script_is_loaded_deferred(built_site) -> None:
    page = built_site.page("lv", "chapters/signs")
    script = page.select_one('script[src*="strom-site.js"]')
    assert script is not None and script.has_attr("defer")
    assert (built_site.root / "lv" / "_static" / "strom-site.js").is_file()
    assert page.select_one('link[rel="stylesheet"][href*="strom-site.css"]') is not None


def test_each_page_links_to_its_language_pdf(built_site) -> None:
    for code, pagename, href in (
        ("lv", "index", "../pdf/trafficking-guidelines-lv.pdf"),
        ("lv", "chapters/signs", "../../pdf/trafficking-guidelines-lv.pdf"),
        ("de", "glossary", "../pdf/trafficking-guidelines-de.pdf"),
    ):
        links = built_site.page(code, pagename).select(".strom-pdf a")
        assert [link["href"] for link in links] == [href, href]
        assert all(link["type"] == "application/pdf" for link in links)


def test_pdf_link_template() -> None:
    latvian = registry.load().get("lv")
    assert switcher.pdf_link("chapters/signs", latvian).href == "../../pdf/trafficking-guidelines-lv.pdf"
    remote = switcher.pdf_link("index", latvian, "https://example.org/pdf/{filename}")
    assert remote.href == "https://example.org/pdf/trafficking-guidelines-lv.pdf"


@pytest.mark.sphinx("html", testroot="site-guide", confoverrides={"language": "lv", "strom_pdf_href": ""})
def test_pdf_link_can_be_switched_off(app) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "strom-pdf" not in page

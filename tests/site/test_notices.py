"""Incomplete translations are honest: the notice with how much is translated, and lang="en" on English passages."""

from __future__ import annotations

import pytest

from strom import registry
from strom.ext.notices import translation_notice

NBSP = "\u00a0"


def english_passages(page) -> list[str]:
    """Return the text of every element marked lang="en" in the article, in order (without the headings' soft
    hyphens, strom.ext.hyphenation)."""
    return [element.get_text().replace("\u00ad", "") for element in page.select('article [lang="en"]')]


def notice(page):
    """Return the translation notice of a page, or None."""
    return page.select_one("article .strom-translation-notice")


def test_partly_translated_page_says_how_much_in_the_readers_language(built_site) -> None:
    page = built_site.page("lv", "chapters/signs")
    box = notice(page)
    assert box is not None
    # 30 messages, 23 translated; the fuzzy "Work" counts as untranslated (24 of 30 would be 80 %).
    assert box.select_one(".admonition-title").get_text() == "Tulkojums top"
    text = " ".join(box.get_text().split())
    assert "Šī lapa ir pārtulkota par 76 %. Netulkotās daļas ir angļu valodā." in text
    assert f"76{NBSP}%" in box.get_text(), "a no-break space: 76 and % never on two lines"
    link = box.select_one("a")
    assert link["href"] == "../../en/chapters/signs.html" and link["hreflang"] == "en"
    assert link.get_text() == "Lasīt šo lapu angliski"
    assert (built_site.root / "lv" / "chapters" / "../../en/chapters/signs.html").resolve().is_file()
    # The notice comes first, before the page's heading.
    assert page.select_one("article").find(True) is box


def test_untranslated_passages_carry_lang_en(built_site) -> None:
    page = built_site.page("lv", "chapters/signs")
    assert english_passages(page) == [
        "seems afraid or anxious.",
        "Work",
        "Long hours",
        "Ask about rest days",
        "No contract",
        "Contact the labour inspectorate",
        "What to do next",
    ]
    # Translated passages are not marked, and the page itself is Latvian.
    assert page.select_one("html")["lang"] == "lv"
    translated = page.find("p", string="Šīs pazīmes var parādīties jebkurā ekspluatācijas veidā. Persona:")
    assert translated is not None and not translated.find_parents(attrs={"lang": "en"})


def test_permalink_of_an_english_heading_keeps_the_page_language(built_site) -> None:
    heading = built_site.page("lv", "chapters/signs").select_one("section#work > h3")
    english = heading.select_one('[lang="en"]')
    assert english is not None and english.get_text() == "Work"
    permalink = heading.select_one("a.headerlink")
    assert permalink is not None and not permalink.find_parents(attrs={"lang": "en"})


def test_english_headings_are_marked_in_tables_of_contents_and_links(built_site) -> None:
    page = built_site.page("lv", "chapters/signs")
    local_toc = page.select_one(".toc-tree")
    assert [e.get_text() for e in local_toc.select('[lang="en"]')] == ["Work", "What to do next"]
    glossary = built_site.page("lv", "glossary")
    # The glossary has no catalogue: its title is English in the navigation of every page and in "previous".
    navigation = page.select_one(".sidebar-tree")
    assert [e.get_text() for e in navigation.select('[lang="en"]')] == ["Annexes", "Glossary"]
    assert glossary.select_one('.sidebar-tree a.current [lang="en"]').get_text() == "Glossary"
    assert page.select_one('.related-pages a.next-page .title [lang="en"]').get_text() == "Glossary"


def test_untranslated_toctree_caption_carries_lang_en(built_site) -> None:
    page = built_site.page("lv", "index")
    captions = {c.get_text(): c.get("lang") for c in page.select("article .caption-text")}
    assert captions == {"Nodaļas": None, "Annexes": "en"}
    assert notice(page) is not None  # the caption is one of the page's four messages
    assert f"75{NBSP}%" in notice(page).get_text()


def test_page_without_a_catalogue_is_zero_percent_translated(built_site) -> None:
    page = built_site.page("lv", "glossary")
    assert f"par 0{NBSP}%." in notice(page).get_text()
    assert english_passages(page) == [
        "Glossary",
        "victim",
        "A person who has been trafficked.",
        "indicator",
        "A sign that a person may be a victim.",
    ]


def test_language_without_any_catalogue(built_site) -> None:
    page = built_site.page("de", "chapters/signs")
    assert page.select_one("html")["lang"] == "de"
    assert f"0{NBSP}%" in notice(page).get_text()  # German writes a space before the per cent sign
    assert len(english_passages(page)) == 30


def test_fully_translated_page_has_no_notice_and_no_english(built_site) -> None:
    page = built_site.page("lv", "chapters/about")
    assert notice(page) is None
    assert english_passages(page) == []


@pytest.mark.parametrize("pagename", ["index", "chapters/signs", "glossary"])
def test_english_build_has_no_notice_and_no_marks(built_site, pagename) -> None:
    page = built_site.page("en", pagename)
    assert notice(page) is None
    assert page.select('[lang="en"]:not(html):not(.strom-language-link)') == []


def test_notice_rounds_down_and_stays_away_when_complete() -> None:
    languages = registry.load()
    latvian, source = languages.get("lv"), languages.source
    notice_ = translation_notice({"total": 200, "translated": 199}, latvian, source, "chapters/signs", ".html")
    assert notice_ is not None and notice_["percent"] == f"99{NBSP}%"
    assert notice_["source_href"] == "../../en/chapters/signs.html"
    assert translation_notice({"total": 5, "translated": 5}, latvian, source, "index", ".html") is None
    assert translation_notice({"total": 0, "translated": 0}, latvian, source, "index", ".html") is None
    assert translation_notice(None, latvian, source, "index", ".html") is None
    assert translation_notice({"total": 5, "translated": 1}, source, source, "index", ".html") is None


@pytest.mark.parametrize(
    ("language", "expected"),
    [("lv", f"58{NBSP}%"), ("de", f"58{NBSP}%"), ("fi", f"58{NBSP}%"), ("pl", "58%"), ("nb", f"58{NBSP}%")],
)
def test_percent_is_written_as_the_language_writes_it(language, expected) -> None:
    # Latvian: the registry's pattern (a no-break space, as the Latvian norm says), not CLDR's "58%".
    assert registry.format_percent(58, registry.load().get(language)) == expected

"""No English interface text in a Latvian page: every string a reader sees comes from a catalogue.

The ``site-guide`` root is built in Latvian with test catalogues in which every message is "translated" as
``⟦message⟧``: the interface catalogue (``sphinx.po``) holds every msgid that ``make gettext`` collects for
translators (strom.catalog.extract), the document catalogues every message of the pages. Then every letter a
reader can meet in a page (text, ``aria-label``, ``title``, ``placeholder``, ``alt``), outside passages marked
as another language, must lie between ``⟦`` and ``⟧``. A string the theme or our code writes in English, or one
that ``make gettext`` does not collect, stays bare and fails the test with its page and text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag
from sitebuild import build_language, copy_root, parse
from sphinx.testing.util import SphinxTestApp

from strom import registry
from strom.ext import i18n

OPEN, CLOSE = "⟦", "⟧"
BRACKETED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
WORD = re.compile(r"[^\W\d_]+")
#: Names that are the same in every language.
PROPER_NAMES = {"Sphinx", "Furo"}
#: Attributes whose text a reader meets (screen readers read them; browsers show titles and placeholders).
READ_ATTRIBUTES = ("aria-label", "aria-description", "title", "placeholder", "alt")
#: A document message left untranslated, so that a notice and a lang="en" passage appear too.
LEFT_IN_ENGLISH = "These guidelines are for municipal staff."
#: Glossary terms stay English: a translated term would need every {term} reference retargeted.
GLOSSARY_TERMS = ("victim", "indicator")
#: The root's conf.py copyright, English text that pages show in the footer.
COPYRIGHT = "the guidelines project contributors, CC BY 4.0"
LATVIAN_PLURALS = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);"


def mark(text: str) -> str:
    """Return the test translation of a message."""
    return f"{OPEN}{text}{CLOSE}"


def new_catalogue() -> polib.POFile:
    """Return an empty Latvian catalogue."""
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "lv",
        "Plural-Forms": LATVIAN_PLURALS,
    }
    return catalogue


def interface_catalogue() -> polib.POFile:
    """Every interface msgid translators get (``make gettext``), plus the titles and the copyright holder."""
    from strom.catalog.extract import interface_messages

    catalogue = new_catalogue()
    for message in interface_messages():
        if message.msgid_plural:
            forms = {0: mark(message.msgid), 1: mark(message.msgid_plural), 2: mark(message.msgid_plural)}
            entry = polib.POEntry(msgid=message.msgid, msgid_plural=message.msgid_plural, msgstr_plural=forms)
        else:
            entry = polib.POEntry(msgid=message.msgid, msgstr=mark(message.msgid))
        entry.msgctxt = message.context
        catalogue.append(entry)
    # Not (yet) collected by ``make gettext`` (see test_config_strings_reach_the_interface_template).
    known = {entry.msgid for entry in catalogue}
    for msgid in (i18n.TITLE, i18n.SUBTITLE, COPYRIGHT):
        if msgid not in known:
            catalogue.append(polib.POEntry(msgid=msgid, msgstr=mark(msgid)))
    return catalogue


def document_catalogue(template: Path) -> polib.POFile:
    """Translate a document template: every message marked, but for one passage and the glossary terms."""
    catalogue = new_catalogue()
    for entry in polib.pofile(str(template)):
        if entry.msgid not in (LEFT_IN_ENGLISH, *GLOSSARY_TERMS):
            catalogue.append(polib.POEntry(msgid=entry.msgid, msgstr=mark(entry.msgid)))
    return catalogue


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built in Latvian with marked catalogues; returns the Latvian site folder."""
    base = tmp_path_factory.mktemp("interface")
    srcdir = copy_root("site-guide", base / "src")
    locale = srcdir / "locale" / "lv" / "LC_MESSAGES"
    for old in locale.rglob("*.po"):
        old.unlink()
    app = SphinxTestApp("gettext", srcdir=srcdir, builddir=base / "gettext", status=None, warning=None)
    try:
        app.build()
    finally:
        app.cleanup()
    for template in sorted(app.outdir.rglob("*.pot")):
        name = template.relative_to(app.outdir).with_suffix(".po")
        if name == Path("sphinx.po"):
            continue  # Sphinx's own extract of our templates; ``make gettext`` writes the real interface template
        (locale / name).parent.mkdir(parents=True, exist_ok=True)
        document_catalogue(template).save(str(locale / name))
    interface_catalogue().save(str(locale / "sphinx.po"))
    warnings = build_language(srcdir, base / "html", registry.load().get("lv"))
    assert warnings == ""
    return base / "html" / "lv"


def reader_text(element: Tag, texts: list[str], attributes: list[str]) -> None:
    """Collect the text and read attributes of ``element`` and its descendants in the page's language."""
    if element.name in ("script", "style"):
        return
    if element.name != "html" and element.get("lang") not in (None, "lv"):
        return  # a passage in another language (lang="en" fallback, or the switcher's language names)
    if "strom-language-link" in (element.get("class") or []):
        return  # "Latviešu": the language's own name, in its own language
    attributes.extend(str(element[name]) for name in READ_ATTRIBUTES if element.has_attr(name))
    if element.name == "input" and element.get("type") in ("submit", "button", "reset") and element.has_attr("value"):
        attributes.append(str(element["value"]))
    for child in element.children:
        if isinstance(child, Tag):
            reader_text(child, texts, attributes)
        elif isinstance(child, NavigableString) and not isinstance(child, (Comment, Doctype)):
            texts.append(str(child))


def english_left(text: str) -> list[str]:
    """Return the words of ``text`` outside ⟦…⟧ (innermost first, as translations nest)."""
    while True:
        stripped = BRACKETED.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    return [word for word in WORD.findall(text) if word not in PROPER_NAMES]


def page_problems(page: BeautifulSoup, allowed: Iterable[str] = ()) -> list[str]:
    """Return the English words a reader meets in ``page``, with where they were found."""
    texts: list[str] = []
    attributes: list[str] = []
    reader_text(page.find("html"), texts, attributes)
    problems = []
    words = [word for word in english_left("".join(texts)) if word not in allowed]
    if words:
        problems.append(f"text: {' '.join(words)}")
    for value in attributes:
        if english_left(value):
            problems.append(f"attribute: {value!r}")
    return problems


def test_no_english_interface_text_in_latvian_pages(marked_site) -> None:
    pages = sorted(marked_site.rglob("*.html"))
    assert {page.relative_to(marked_site).as_posix() for page in pages} >= {
        "index.html",
        "chapters/signs.html",
        "chapters/about.html",
        "glossary.html",
        "search.html",
        "genindex.html",
    }
    problems = {}
    for path in pages:
        # The index lists the English glossary terms, under their initials, as plain strings (index entries
        # carry no language).
        allowed = (
            (*GLOSSARY_TERMS, *(term[0].upper() for term in GLOSSARY_TERMS)) if path.name == "genindex.html" else ()
        )
        found = page_problems(parse(path), allowed)
        if found:
            problems[path.relative_to(marked_site).as_posix()] = found
    assert problems == {}


def test_the_scan_finds_english(marked_site) -> None:
    # The test's own check: an English label, title or text is found; language names and lang="en" are not.
    page = BeautifulSoup(
        '<html lang="lv"><body><p>⟦Meklēt⟧ <a title="Next">⟦x⟧</a></p><p lang="en">Work</p>'
        '<a class="strom-language-link" lang="lv">Latviešu</a><p>⟦Made with <a>Sphinx</a> and <a>Furo</a>⟧</p>'
        "<button aria-label='Toggle theme'></button><p>Back to top</p></body></html>",
        "html.parser",
    )
    assert page_problems(page) == ["text: Back to top", "attribute: 'Next'", "attribute: 'Toggle theme'"]


def test_notice_and_english_passage_in_marked_page(marked_site) -> None:
    page = parse(marked_site / "chapters" / "about.html")
    notice = page.select_one(".strom-translation-notice")
    assert notice is not None and OPEN in notice.get_text()
    assert [e.get_text() for e in page.select('article [lang="en"]')] == [LEFT_IN_ENGLISH]
    glossary = parse(marked_site / "glossary.html")
    assert [e.get_text() for e in glossary.select('article dt [lang="en"]')] == list(GLOSSARY_TERMS)


def test_search_script_strings_are_translated(marked_site) -> None:
    """Every ``_("…")`` of the site's scripts has a translation in ``translations.js``."""
    static = marked_site / "_static"
    text = (static / "translations.js").read_text(encoding="utf-8")
    catalogue = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    messages = catalogue["messages"]
    used = set()
    for script in static.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        used |= set(re.findall(r'(?<![\w.])_\(\s*"((?:[^"\\]|\\.)*)"\s*\)', source))
        used |= set(re.findall(r'ngettext\(\s*"((?:[^"\\]|\\.)*)"', source))
    assert {"Search Results", "Searching", "Preparing search...", "Hide Search Matches"} <= used
    missing = sorted(msgid for msgid in used if not str(messages.get(msgid, "")).startswith(("⟦", "['⟦")))
    untranslated = [msgid for msgid in used if isinstance(messages.get(msgid), list) and OPEN not in messages[msgid][0]]
    assert missing == [] and untranslated == []
    assert catalogue["plural_expr"] == "(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2)"


def test_config_strings_reach_the_interface_template() -> None:
    from strom.catalog.extract import interface_messages

    msgids = {message.msgid for message in interface_messages()}
    assert {i18n.TITLE, i18n.SUBTITLE, COPYRIGHT} <= msgids

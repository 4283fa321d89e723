"""The print builder: one HTML file with cover, contents, unique ids, working links and localized strings."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from docutils import nodes

from strom.pdf.builder import (
    _move_spaces_into_inlines,
    _pull_closing_quotes_into_page_refs,
    css_content,
    css_string,
    document_anchor,
    node_anchor,
)

SOURCE_DATE_EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC


class _Anchors(HTMLParser):
    """Collects every id, every internal href and the tags of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)
            if name == "href" and value and value.startswith("#"):
                self.hrefs.append(value[1:])


def _parse(page: str) -> _Anchors:
    parser = _Anchors()
    parser.feed(page)
    return parser


@pytest.fixture
def built_page(app, monkeypatch) -> str:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    app.build()
    assert app.statuscode == 0
    assert not app.warning.getvalue(), app.warning.getvalue()
    return (app.outdir / "index.html").read_text(encoding="utf-8")


# --- Pure functions ---------------------------------------------------------------------------------------------


def test_css_content_keeps_the_translators_order() -> None:
    values = {"page": "counter(page)", "pages": "counter(pages)"}
    assert css_content("Page %(page)s of %(pages)s", values) == '"Page " counter(page) " of " counter(pages)'
    assert css_content("%(pages)s: %(page)s", values) == 'counter(pages) ": " counter(page)'
    assert css_content("%(page)s. lappuse no %(pages)s", values) == 'counter(page) ". lappuse no " counter(pages)'


def test_css_content_escapes_text_and_keeps_unknown_placeholders() -> None:
    assert css_content('100%% "sure" %(x)s', {}) == '"100% \\"sure\\" %(x)s"'
    assert css_content("", {}) == '""'
    assert css_string("a\\b\nc") == '"a\\\\b\\a c"'


def test_anchors_are_prefixed_with_the_document() -> None:
    assert node_anchor("chapters/02-definition", "id1") == "chapters-02-definition--id1"
    assert document_anchor("chapters/02-definition") == "doc-chapters-02-definition"
    assert node_anchor("a/b", "x") != node_anchor("c/b", "x")


def test_the_space_before_an_inline_element_moves_into_it() -> None:
    paragraph = nodes.paragraph("", "", nodes.Text("the "), nodes.reference("", "", nodes.inline("", "term")))
    paragraph += nodes.Text(", and ")
    paragraph += nodes.emphasis("", "stress")
    paragraph += nodes.footnote_reference("", "1", refid="x")
    document = nodes.document(None, None)
    document += paragraph
    _move_spaces_into_inlines(document)
    assert paragraph.astext() == "the term, and stress1"
    assert isinstance(paragraph[0], nodes.Text) and paragraph[0].astext() == "the"
    assert paragraph[1].astext() == " term"
    assert paragraph[-2].astext() == " stress"
    assert paragraph[-1].astext() == "1"


def test_a_closing_quote_after_a_page_reference_comes_before_the_page_number() -> None:
    quoted = nodes.reference("", "Pirmais kontakts", refid="x", classes=["print-page-ref"])
    plain = nodes.reference("", "Annex", refid="y", classes=["print-page-ref"])
    paragraph = nodes.paragraph("", "", nodes.Text("nodaļā „"), quoted, nodes.Text("” ir"), plain, nodes.Text(" and"))
    document = nodes.document(None, None)
    document += paragraph
    _pull_closing_quotes_into_page_refs(document)
    assert quoted.astext() == "Pirmais kontakts”"
    assert paragraph.astext() == "nodaļā „Pirmais kontakts” irAnnex and"
    assert plain.astext() == "Annex"


# --- The built page ---------------------------------------------------------------------------------------------


@pytest.mark.sphinx("print", testroot="pdf-book", confoverrides={"language": "lv"})
def test_every_id_is_unique_and_every_link_has_a_target(built_page: str) -> None:
    anchors = _parse(built_page)
    duplicates = [node_id for node_id, count in Counter(anchors.ids).items() if count > 1]
    assert not duplicates
    missing = sorted(set(anchors.hrefs) - set(anchors.ids))
    assert not missing
    # Both chapters have an "Overview" section and a footnote: Sphinx gives them the same ids.
    assert {"chapters-first--overview", "chapters-second--overview"} <= set(anchors.ids)
    assert {"chapters-first--id1", "chapters-second--id1"} <= set(anchors.ids)
    assert "#document-" not in built_page


@pytest.mark.sphinx("print", testroot="pdf-book", confoverrides={"language": "lv"})
def test_cover_contents_and_back_cover(built_page: str) -> None:
    assert re.search(r'<html lang="lv">', built_page)
    assert '<body lang="lv-LV">' in built_page  # Pyphen's Latvian dictionary
    cover = built_page.split('<section class="print-cover"', 1)[1].split("</section>", 1)[0]
    assert "Tiny guide" in cover
    assert "Latviešu" in cover  # the native name, from the registry
    assert "Versija 1.2" in cover
    assert "2023. gada 14. novembris" in cover  # SOURCE_DATE_EPOCH, formatted by Babel in Latvian
    assert '<p class="print-cover-review">' in cover  # the registry says review = "draft"
    assert '<meta name="dcterms.modified" content="2023-11-14T22:13:20Z">' in built_page
    toc = built_page.split('<nav class="print-toc"', 1)[1].split("</nav>", 1)[0]
    assert "Saturs" in toc
    assert [caption for caption in re.findall(r'class="print-toc-caption">([^<]*)<', toc)] == ["Chapters", "Annexes"]
    entries = re.findall(
        r'<a href="#[^"]+">(?:<span class="print-toc-number">([^<]*)</span>)?'
        r'<span class="print-toc-title">([^<]*)</span>',
        toc,
    )
    # The chapters' toctree is numbered (to depth 1), as the headings are; the annexes' is not.
    assert entries == [
        ("1. ", "First chapter"),
        ("", "Overview"),
        ("", "Checklist"),
        ("2. ", "Second chapter"),
        ("", "Overview"),
        ("", "Glossary"),
    ]
    assert re.search(r'<h1><span class="section-number">2\. </span>Second chapter', built_page)
    back = built_page.split('<section class="print-back-cover"', 1)[1]
    assert "A short guide to test the print edition." in back  # the root document's own text
    assert "Dansk" in back and "Русский" in back


@pytest.mark.sphinx("print", testroot="pdf-book", confoverrides={"language": "lv"})
def test_print_template_not_the_web_theme(built_page: str) -> None:
    anchors = _parse(built_page)
    assert "furo" not in built_page
    assert anchors.tags["script"] == 0
    assert anchors.tags["link"] == 0
    assert 'class="headerlink"' not in built_page
    # Chapters open new pages; the root document's title section became the cover.
    assert built_page.count('class="print-document print-chapter"') == 3
    assert len(re.findall(r"<h1[ >]", built_page)) == 5  # cover, contents, three chapters


@pytest.mark.sphinx("print", testroot="pdf-book", confoverrides={"language": "lv"})
def test_checklist_glossary_and_cross_references(built_page: str) -> None:
    assert "<input" not in built_page
    assert built_page.count('class="print-checkbox"') == 2
    assert built_page.count('class="print-checkbox print-checkbox-checked"') == 1
    assert '<dl class="simple glossary">' in built_page
    assert '<dt id="glossary--term-referral">' in built_page
    # {ref}, {numref} and {doc} get a page number; {term} and footnotes do not.
    page_refs = re.findall(r'<a class="print-page-ref[^"]*" href="#([^"]+)"', built_page)
    assert sorted(page_refs) == sorted(
        [
            "chapters-second--ch-second",
            "chapters-first--fig-pathway",
            "chapters-first--sec-checklist",
            "chapters-second--tbl-services",
            "doc-glossary",
        ]
    )
    assert 'class="print-show-url reference external" href="https://example.org/guide/"' in built_page
    # The space before a link moved inside it (WeasyPrint line-breaking workaround).
    assert re.search(
        r'introduces the<a class="reference internal" href="#glossary--term-referral">(<span[^>]*>)? referral',
        built_page,
    )


@pytest.mark.sphinx("print", testroot="pdf-book", confoverrides={"language": "lv"})
def test_interface_strings_come_from_our_catalogue(built_page: str) -> None:
    style = built_page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert '@page main, front { @bottom-center { content: counter(page) ". lappuse no " counter(pages); } }' in style
    # With a no-break space: "(27. lpp.)" never breaks after "27.".
    assert 'a.print-page-ref::after { content: " (" target-counter(attr(href), page) ".\u00a0lpp." ")"; }' in style
    assert "Šī publikācija ir pieejama šādās valodās:" in built_page


@pytest.mark.sphinx("print", testroot="pdf-book", confoverrides={"language": "en"})
def test_english_defaults(built_page: str) -> None:
    assert '<body lang="en-GB">' in built_page
    assert "print-cover-review" not in built_page  # the source needs no review notice
    assert "November 14, 2023" in built_page
    assert '"Page " counter(page) " of " counter(pages)' in built_page
    assert ">Contents<" in built_page


@pytest.mark.sphinx("print", testroot="pdf-book", confoverrides={"language": "zz"})
def test_unknown_language_fails_before_reading(make_app, app_params) -> None:
    from sphinx.errors import ConfigError

    args, kwargs = app_params
    with pytest.raises(ConfigError, match="known languages"):
        make_app(*args, **kwargs)


def test_a_checkbox_before_the_paragraph_moves_into_it() -> None:
    from strom.pdf.builder import _replace_checkboxes

    checkbox = nodes.raw(
        "",
        '<input aria-hidden="true" class="task-list-item-checkbox" checked="checked" type="checkbox">',
        format="html",
    )
    item = nodes.list_item("", checkbox, nodes.paragraph("", "Tell your supervisor."), classes=["task-list-item"])
    document = nodes.document(None, None)
    document += nodes.bullet_list("", item)
    _replace_checkboxes(document)
    assert len(item.children) == 1
    paragraph = item[0]
    assert isinstance(paragraph[0], nodes.inline)
    assert paragraph[0]["classes"] == ["print-checkbox", "print-checkbox-checked"]
    assert paragraph.astext() == "Tell your supervisor."

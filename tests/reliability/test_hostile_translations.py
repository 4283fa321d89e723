"""A translation that carries raw HTML or script never reaches the site, whether or not ``make check-po`` ran.

Through the orchestrator, as ``make html`` runs it: the build fails at the catalogue line (the guard's warning,
with warnings as errors), the previous site stays, and even the unpublished pages show the markup as text.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from reliability_testing import assert_fails_with, build, published, user_files

SCRIPT = "<script>alert('strom')</script>"
IMAGE = '<img src="x" onerror="alert(1)">'


def translate(catalogue: Path, msgid: str, msgstr: str) -> int:
    """Set one translation (as a translator's editor would save it) and return the line of its ``msgid``."""
    po = polib.pofile(str(catalogue), wrapwidth=0)
    entry = po.find(msgid)
    assert entry is not None, msgid
    entry.msgstr = msgstr
    po.save()
    return int(polib.pofile(str(catalogue)).find(msgid).linenum)


def site_text(project: Path) -> str:
    """Every published HTML, JavaScript and PDF file of the build, as one text."""
    site = project / "_build"
    files = [path for top in ("html", "pdf") for path in (site / top).rglob("*") if path.is_file()]
    return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in files)


@pytest.mark.parametrize("markup", [SCRIPT, IMAGE], ids=["script", "img-onerror"])
def test_raw_html_in_a_document_translation_fails_at_the_catalogue_line(built: Path, markup: str) -> None:
    catalogue = "locale/lv/LC_MESSAGES/chapters/01-signs.po"
    line = translate(built / catalogue, "Someone else keeps them.", f"Tos glabā kāds cits. {markup}")
    before, sources = published(built), user_files(built)

    run = build(built, "lv", formats="html")

    tag = re.match(r"<\w+", markup)[0]
    assert_fails_with(run, f"{catalogue}:", f"the translation adds raw HTML '{tag}", "Remove it from the translation")
    reported = int(re.search(rf"{re.escape(catalogue)}:(\d+):", run.output)[1])
    assert line <= reported <= line + 1  # the msgid or the msgstr line of the entry
    assert published(built) == before
    assert markup not in site_text(built)
    assert user_files(built) == sources
    # Not published, and neutralised anyway: the unpublished page shows the markup as text.
    page = (built / "_build/.work/lv/html/chapters/01-signs.html").read_text(encoding="utf-8")
    assert markup not in page
    assert "Tos glabā kāds cits. &lt;" in page


def test_raw_html_in_an_interface_translation_fails_and_the_english_text_is_used(built: Path) -> None:
    """The title, the theme's labels: sphinx.po strings go into templates without escaping, so they are guarded too."""
    catalogue = "locale/lv/LC_MESSAGES/sphinx.po"
    line = translate(built / catalogue, "Recognise, refer, support", f"Atpazīt, nosūtīt, atbalstīt{SCRIPT}")
    before, sources = published(built), user_files(built)

    run = build(built, "lv")

    assert_fails_with(run, f"{catalogue}:{line}: WARNING: the translation adds raw HTML '<script>'", "English text")
    assert published(built) == before
    assert SCRIPT not in site_text(built)
    assert user_files(built) == sources
    page = (built / "_build/.work/lv/html/index.html").read_text(encoding="utf-8")
    assert SCRIPT not in page
    assert "<title>Recognise, refer, support" in page  # the source text stands in for the refused translation


def test_a_quote_in_an_interface_translation_cannot_break_out_of_an_attribute(built: Path) -> None:
    catalogue = "locale/lv/LC_MESSAGES/sphinx.po"
    po = polib.pofile(str(built / catalogue))
    entry = next(entry for entry in po if entry.msgstr and '"' not in entry.msgid and entry.msgid == "Search")
    line = translate(built / catalogue, entry.msgid, 'Meklēt" onfocus="alert(1)')

    run = build(built, "lv", formats="html")

    assert_fails_with(run, f"{catalogue}:{line}: WARNING: the translation adds a double quote")
    assert 'onfocus="alert(1)' not in site_text(built)


def test_a_javascript_link_in_a_translation_never_becomes_a_link(built: Path) -> None:
    """Markdown refuses the scheme (markdown-it's validateLink); the text stays harmless text."""
    catalogue = "locale/lv/LC_MESSAGES/chapters/01-signs.po"
    translate(built / catalogue, "Someone else keeps them.", "Tos glabā [kāds cits](javascript:alert(1)).")

    build(built, "lv", formats="html")

    for page in (built / "_build").rglob("*.html"):
        assert not re.search(r"href=[\"']?\s*javascript:", page.read_text(encoding="utf-8"), re.I), page

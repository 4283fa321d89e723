"""Extraction and update: real Sphinx gettext builds of a tiny project, merged with the real msgmerge."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import polib
import pytest

from strom.catalog import cli, extract, gnu, qa
from strom.catalog.project import Project

if TYPE_CHECKING:
    from pathlib import Path

    from strom.registry import Registry

pytestmark = pytest.mark.usefixtures("gettext_tools")

PACKAGE = Path(__file__).parent / "data" / "package"
LEGAL = "chapters/legal"
OLD_PERIOD = "A recovery and reflection period of at least 30 days."
NEW_PERIOD = "A recovery and reflection period of at least 45 days."
PERIOD_LV = "Atveseļošanās un pārdomu periods, kas ilgst vismaz 30 dienas."


def extract_templates(project: Project) -> None:
    """make gettext on the tiny project, with the stand-in package for interface strings."""
    assert extract.extract_all(project, quiet=True, package=PACKAGE) == 0


def update(project: Project, *codes: str) -> int:
    """make update-po on already extracted templates."""
    return cli.main_update_po(["--root", str(project.root), "--no-extract", "--lang", *codes])


def translate(path: Path, translations: dict[str, str]) -> None:
    """Fill some translations the way an editor would, then store the file canonically."""
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    catalog.save(str(path))
    path.write_bytes(gnu.canonical(path))


def test_gettext_writes_a_template_per_document_and_the_interface_template(project: Project) -> None:
    """One .pot per document (gettext_compact=False) and sphinx.pot: ours, furo's and the curated Sphinx messages."""
    extract_templates(project)
    assert [project.domain_of_template(path) for path in project.templates_list()] == [
        "annexes/glossary",
        "chapters/legal",
        "index",
        "sphinx",
    ]
    interface = {entry.msgid: entry for entry in polib.pofile(str(project.templates / "sphinx.pot"))}
    assert "the heading of the key points box at the top of each chapter." in interface["Key points"].comment
    assert "This page is %(percent)s translated." in interface
    assert "Copy the link to this section" in interface  # JavaScript
    assert "Back to top" in interface  # furo's page.html
    assert "Please activate JavaScript to enable the search functionality." in interface
    assert "Edit this page" in interface  # basic-ng's component that furo extends
    assert "python-format" in interface["Fig. %s"].flags
    search = interface["Search finished, found one page matching the search query."]
    assert search.msgid_plural == "Search finished, found ${resultCount} pages matching the search query."
    text = (project.templates / "sphinx.pot").read_bytes()
    assert text == gnu.canonical(project.templates / "sphinx.pot")
    assert b"\n#: " not in text  # no source locations: they would churn on every edit


def test_a_new_date_alone_does_not_rewrite_the_templates(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction at another time gives byte-identical templates (no diff noise downstream)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    extract_templates(project)
    before = {path: path.read_bytes() for path in project.templates_list()}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    extract_templates(project)
    assert {path: path.read_bytes() for path in project.templates_list()} == before


def test_templates_of_removed_documents_are_deleted(project: Project) -> None:
    """A document taken out of docs/ loses its .pot, so update-po stops creating its catalogue."""
    extract_templates(project)
    (project.docs / "chapters" / "legal.md").unlink()
    index = project.docs / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("chapters/legal\n", ""), encoding="utf-8")
    extract_templates(project)
    assert not (project.templates / "chapters" / "legal.pot").exists()


def test_warnings_in_the_sources_fail_extraction(project: Project) -> None:
    """-W semantics: a broken cross-reference makes make gettext exit 1 (after writing what it could)."""
    legal = project.docs / "chapters" / "legal.md"
    legal.write_text(legal.read_text(encoding="utf-8") + "\nSee {ref}`no-such-label`.\n", encoding="utf-8")
    assert extract.extract_all(project, quiet=True, package=PACKAGE) == 1
    assert (project.templates / "chapters" / "legal.pot").is_file()


def test_new_catalogues_get_a_complete_header(project: Project, languages: Registry) -> None:
    """Language, UTF-8 and the CLDR plural forms; canonical; msgfmt -c and check-po find nothing to fix."""
    extract_templates(project)
    assert update(project, "lv", "pl") == 0
    for code, plurals in (("lv", 3), ("pl", 3)):
        path = project.catalog(code, LEGAL)
        catalog = polib.pofile(str(path))
        assert catalog.metadata["Language"] == code
        assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"
        assert catalog.metadata["Plural-Forms"].startswith(f"nplurals={plurals};")
        assert path.read_bytes() == gnu.canonical(path)
        assert gnu.check(path) == []
        problems, _fuzzy = qa.check_language(project, languages.get(code))
        assert problems == []
    assert project.catalog("lv", "annexes/glossary").is_file()


def test_interface_catalogue_starts_from_sphinx_translations(project: Project) -> None:
    """sphinx.po is pre-filled with Sphinx's own German translations; the plural message is left to translators."""
    extract_templates(project)
    update(project, "de")
    catalog = {entry.msgid: entry for entry in polib.pofile(str(project.catalog("de", "sphinx")))}
    assert catalog["Note"].msgstr == "Bemerkung"
    assert not catalog["Note"].fuzzy
    assert not catalog["Search finished, found one page matching the search query."].translated()
    assert not catalog["Back to top"].translated()


def test_changed_message_becomes_fuzzy_with_previous_msgid(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """msgmerge --previous: the translation is kept, marked fuzzy, with the old msgid in #| lines."""
    extract_templates(project)
    update(project, "lv")
    translate(project.catalog("lv", LEGAL), {OLD_PERIOD: PERIOD_LV})
    legal = project.docs / "chapters" / "legal.md"
    legal.write_text(legal.read_text(encoding="utf-8").replace(OLD_PERIOD, NEW_PERIOD), encoding="utf-8")
    extract_templates(project)
    capsys.readouterr()
    assert update(project, "lv") == 0
    entry = polib.pofile(str(project.catalog("lv", LEGAL))).find(NEW_PERIOD)
    assert entry is not None
    assert entry.fuzzy
    assert entry.previous_msgid == OLD_PERIOD
    assert entry.msgstr == PERIOD_LV
    text = project.catalog("lv", LEGAL).read_text(encoding="utf-8")
    assert f'#| msgid "{OLD_PERIOD}"' in text
    assert "1 changed (fuzzy)" in capsys.readouterr().out


def test_removed_messages_are_dropped_and_counted(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """A paragraph taken out of the source leaves no #~ entry behind, and the output says how many went."""
    extract_templates(project)
    update(project, "lv")
    translate(project.catalog("lv", LEGAL), {OLD_PERIOD: PERIOD_LV})
    legal = project.docs / "chapters" / "legal.md"
    legal.write_text(legal.read_text(encoding="utf-8").replace(OLD_PERIOD, ""), encoding="utf-8")
    extract_templates(project)
    capsys.readouterr()
    assert update(project, "lv") == 0
    text = project.catalog("lv", LEGAL).read_text(encoding="utf-8")
    assert "#~" not in text
    assert OLD_PERIOD not in text
    output = capsys.readouterr().out
    assert re.search(r"chapters/legal\.po: updated: 0 new, 0 changed \(fuzzy\), 1 removed", output)
    assert "lv: 4 catalogues, 0 created, 1 changed; messages: 0 new, 0 fuzzy, 1 removed" in output


def test_unchanged_sources_leave_catalogues_untouched(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second update-po with nothing new changes no byte, even after a fresh extraction on another day."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    extract_templates(project)
    update(project, "fi")
    before = {path: path.read_bytes() for path in project.catalogs("fi")}
    for path in project.templates_list():  # a clean checkout: no templates, so new dates everywhere
        path.unlink()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    extract_templates(project)
    update(project, "fi")
    assert {path: path.read_bytes() for path in project.catalogs("fi")} == before


def test_update_fixes_what_format_po_would(project: Project) -> None:
    """A catalogue saved by a tool that wraps differently comes back canonical from update-po."""
    extract_templates(project)
    update(project, "ru")
    path = project.catalog("ru", LEGAL)
    catalog = polib.pofile(str(path), wrapwidth=0)
    catalog.save(str(path))
    update(project, "ru")
    assert path.read_bytes() == gnu.canonical(path)


def test_termbase_is_created_from_the_glossary(project: Project) -> None:
    """Every glossary term gets a row with an empty translation; existing translations are kept."""
    extract_templates(project)
    update(project, "lv")
    termbase = project.termbase("lv")
    assert termbase.read_text(encoding="utf-8") == (
        "term,translation,note\ntrafficking in human beings,,\nvictim,,\nguardian,,\n"
    )
    termbase.write_text(
        "term,translation,note\ntrafficking in human beings,cilvēku tirdzniecība,\nvictim,upuris,\n", encoding="utf-8"
    )
    update(project, "lv")
    assert termbase.read_text(encoding="utf-8") == (
        "term,translation,note\ntrafficking in human beings,cilvēku tirdzniecība,\nvictim,upuris,\nguardian,,\n"
    )


def test_translator_suppression_comment_survives_update(project: Project) -> None:
    """'# qa: ignore ...' (a translator comment) is kept by msgmerge; that is why TRANSLATING.md recommends it."""
    extract_templates(project)
    update(project, "lv")
    path = project.catalog("lv", LEGAL)
    catalog = polib.pofile(str(path))
    entry = catalog.find(OLD_PERIOD)
    assert entry is not None
    entry.msgstr = "Atveseļošanās un pārdomu periods — vismaz mēnesis."
    entry.tcomment = "qa: ignore NUMBER the Latvian law text says a month"
    catalog.save(str(path))
    legal = project.docs / "chapters" / "legal.md"
    legal.write_text(legal.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    extract_templates(project)
    update(project, "lv")
    kept = polib.pofile(str(path)).find(OLD_PERIOD)
    assert kept is not None
    assert kept.tcomment == "qa: ignore NUMBER the Latvian law text says a month"

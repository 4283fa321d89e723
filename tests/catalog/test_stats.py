"""Progress counts: messages and source words per state; fuzzy is not translated; the JSON is reproducible."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import polib
import pytest
from catalog_testing import write_catalog

from strom.catalog import stats

if TYPE_CHECKING:
    from strom.catalog.project import Project
    from strom.registry import Registry

pytestmark = pytest.mark.usefixtures("gettext_tools")


def fill(project: Project) -> None:
    """Latvian: 2 translated (3 + 5 words), 1 fuzzy (4 words), 2 untranslated (2 + 6 words), 1 obsolete."""
    write_catalog(
        project.catalog("lv", "chapters/legal"),
        "lv",
        [
            polib.POEntry(msgid="The legal framework", msgstr="Tiesiskais regulējums"),
            polib.POEntry(
                msgid="See {ref}`the annex <annex-legal>` for details.", msgstr="Sīkāk {ref}`pielikumā <annex-legal>`."
            ),
            polib.POEntry(msgid="At least 45 days.", msgstr="Vismaz 30 dienas.", flags=["fuzzy"]),
            polib.POEntry(msgid="EU law", msgstr=""),
            polib.POEntry(msgid="Read [EUR-Lex](https://eur-lex.europa.eu) for the full text.", msgstr=""),
            polib.POEntry(msgid="Removed long ago", msgstr="Sen izņemts", obsolete=True),
        ],
    )


def test_counts_per_state_in_messages_and_words(project: Project, languages: Registry) -> None:
    """Words are the source's, without role targets or URLs; obsolete messages do not count."""
    fill(project)
    status = stats.language_status(project, languages.get("lv"))
    counts = status.documents["chapters/legal"]
    assert (counts.translated, counts.fuzzy, counts.untranslated) == (2, 1, 2)
    assert (counts.translated_words, counts.fuzzy_words, counts.untranslated_words) == (3 + 5, 4, 2 + 6)
    assert counts.percent == 40.0  # 8 of 20 words: the fuzzy 4 count as not translated


def test_documents_without_a_catalogue_count_as_untranslated(project: Project, languages: Registry) -> None:
    """A .pot without a catalogue yet (before update-po) adds its messages as untranslated."""
    template = project.templates / "index.pot"
    template.parent.mkdir(parents=True)
    pot = polib.POFile()
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    pot.append(polib.POEntry(msgid="Practical guidelines for municipal staff", msgstr=""))
    pot.save(str(template))
    counts = stats.language_status(project, languages.get("fi")).documents["index"]
    assert (counts.translated, counts.untranslated, counts.untranslated_words) == (0, 1, 5)


def test_json_is_reproducible_and_complete(project: Project, languages: Registry) -> None:
    """Same catalogues, same bytes (no timestamps); per document and total, with the review state."""
    fill(project)
    statuses = [stats.language_status(project, languages.get("lv"))]
    stats.write_json(project.status_file, statuses)
    first = project.status_file.read_bytes()
    stats.write_json(project.status_file, [stats.language_status(project, languages.get("lv"))])
    assert project.status_file.read_bytes() == first
    data = json.loads(first)
    lv = data["languages"]["lv"]
    assert lv["review"] == "reviewed"
    assert lv["total"]["words"] == 20
    assert lv["documents"]["chapters/legal"]["fuzzy"] == 1


def test_table_shows_each_document_and_the_total(project: Project, languages: Registry) -> None:
    """The printed table has a row per document and a total row with the percentage."""
    fill(project)
    table = stats.table([stats.language_status(project, languages.get("lv"))])
    rows = [line.split() for line in table.splitlines()]
    assert rows[1][:3] == ["lv", "Latvian", "(reviewed)"]
    assert rows[2] == ["chapters/legal", "2", "1", "2", "8", "4", "8", "40.0%"]
    assert rows[3] == ["total", "2", "1", "2", "8", "4", "8", "40.0%"]


def test_corrupt_catalogue_is_an_error_line_not_a_crash(project: Project, languages: Registry) -> None:
    """msgfmt finds what polib would swallow; the message has file and line; other documents still count."""
    fill(project)
    broken = project.catalog("lv", "index")
    broken.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "x\nmsgstr "y"\n')
    status = stats.language_status(project, languages.get("lv"))
    assert status.errors == [f"{broken}:5: error: SYNTAX end-of-line within string"]
    assert "chapters/legal" in status.documents


def test_json_for_one_language_keeps_the_others(project: Project, languages: Registry) -> None:
    """make stats LANG=lv updates Latvian and keeps what an earlier run wrote for the other languages."""
    fill(project)
    codes = languages.codes
    everyone = [stats.language_status(project, language) for language in languages.targets]
    stats.write_json(project.status_file, everyone, known=codes)
    stats.write_json(project.status_file, [stats.language_status(project, languages.get("lv"))], known=codes)
    data = json.loads(project.status_file.read_bytes())
    assert list(data["languages"]) == [language.code for language in languages.targets]
    stats.write_json(project.status_file, [stats.language_status(project, languages.get("lv"))], known=["lv"])
    assert list(json.loads(project.status_file.read_bytes())["languages"]) == ["lv"]

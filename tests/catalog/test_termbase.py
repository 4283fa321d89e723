"""Termbases: glossary terms from the MyST sources, the CSV file, inflected matches."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strom.catalog import termbase
from strom.catalog.termbase import Term

if TYPE_CHECKING:
    from pathlib import Path

    from strom.catalog.project import Project


def test_glossary_terms_in_document_order(project: Project) -> None:
    """The terms of the {glossary} directive, not its definitions."""
    assert termbase.glossary_terms(project.docs) == ["trafficking in human beings", "victim", "guardian"]


def test_glossary_with_colon_fence_classifier_and_options(tmp_path: Path) -> None:
    """::: fences, :sorted: options and 'term : classifier' lines are understood."""
    (tmp_path / "g.md").write_text(
        ":::{glossary}\n:sorted:\n\nsafety plan : document\n  A written plan.\n\nrisk assessment\n  A review.\n:::\n",
        encoding="utf-8",
    )
    assert termbase.glossary_terms(tmp_path) == ["safety plan", "risk assessment"]


@pytest.mark.parametrize(
    ("term", "translation", "text"),
    [
        ("victim", "upuris", "Upurim ir tiesības uz palīdzību."),  # lv dative
        ("victim", "Opfer", "Die Rechte der Opfer"),  # de plural
        ("victim", "uhri", "uhrin oikeudet"),  # fi genitive
        ("victim", "ofiara", "prawa ofiar handlu ludźmi"),  # pl genitive plural
        ("victim", "жертва", "права жертвы"),  # ru genitive
        ("trafficking in human beings", "cilvēku tirdzniecība", "cilvēku tirdzniecības upuri"),
        ("guardian", "Vormund|Vormundin", "Die Vormundin nimmt teil."),
        ("local focal point", "vietējais kontaktpunkts", "Sazinieties ar vietējo kontaktpunktu."),  # lv definite
        ("national coordinator", "nacionālais koordinators", "nacionālā koordinatora birojs"),  # lv genitive
        ("guardian", "aizbildnis", "Bērna aizbildņa pienākumi"),  # lv consonant change
    ],
)
def test_approved_translation_found_in_inflected_forms(term: str, translation: str, text: str) -> None:
    """Stems (all but the last two or three letters of longer words) accept case endings in five languages."""
    assert Term(term, translation).kept_in(text)


def test_approved_translation_missing() -> None:
    """A different word is not the approved term."""
    assert not Term("guardian", "aizbildnis").kept_in("Pārstāvis piedalās visos lēmumos.")


def test_term_use_is_whole_words_and_plural_tolerant() -> None:
    """'victims' uses 'victim'; 'victimisation' does not."""
    term = Term("victim", "upuris")
    assert term.used_in("Victims have rights.")
    assert not term.used_in("secondary victimisation")


def test_termbase_read_and_render_round_trip(tmp_path: Path) -> None:
    """Cells with commas are quoted; the file reads back the same."""
    path = tmp_path / "termbase.csv"
    terms = [Term("victim", "upuris", "cietušais is also used, in law"), Term("guardian", "")]
    path.write_bytes(termbase.render(terms))
    assert termbase.read(path) == [
        Term("victim", "upuris", "cietušais is also used, in law", 2),
        Term("guardian", "", "", 3),
    ]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"term;translation;note\n", 1, "the first row must be the column names term,translation,note"),
        (b"term,translation,note\nvictim,upuris,a,b\n", 2, "4 columns, expected 3"),
        (b"term,translation,note\n,upuris,\n", 2, "the term column is empty"),
        (b"term,translation,note\nvictim,upuris\nguardian,\xe4\n", 3, "not UTF-8"),
    ],
)
def test_malformed_termbase_names_file_and_line(tmp_path: Path, content: bytes, line: int, message: str) -> None:
    """A bad termbase is reported, never a traceback."""
    path = tmp_path / "termbase.csv"
    path.write_bytes(content)
    with pytest.raises(termbase.TermbaseError) as error:
        termbase.read(path)
    assert error.value.line == line
    assert message in error.value.message


def test_sync_keeps_translations_and_leftovers(tmp_path: Path) -> None:
    """New glossary terms are added in glossary order; rows for removed terms stay (translator work is kept)."""
    path = tmp_path / "termbase.csv"
    path.write_text("term,translation,note\nvictim,upuris,\nold term,vecs termins,\n", encoding="utf-8")
    assert termbase.sync(path, ["guardian", "victim"]) == (1, 1)
    assert path.read_text(encoding="utf-8") == (
        "term,translation,note\nguardian,,\nvictim,upuris,\nold term,vecs termins,\n"
    )
    before = path.stat().st_mtime_ns
    assert termbase.sync(path, ["guardian", "victim"]) == (0, 1)
    assert path.stat().st_mtime_ns == before  # nothing changed, nothing written

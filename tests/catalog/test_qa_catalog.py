"""QA on whole catalogue files: encoding, syntax, canonical format, header, suppression comments, fuzzy entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polib
import pytest
from catalog_testing import write_catalog

from strom.catalog import qa
from strom.catalog.termbase import Term

if TYPE_CHECKING:
    from pathlib import Path

    from strom.catalog.project import Project
    from strom.registry import Registry

pytestmark = pytest.mark.usefixtures("gettext_tools")

PERIOD = "A recovery and reflection period of at least 30 days."
PERIOD_LV = "Atveseļošanās un pārdomu periods, kas ilgst vismaz 30 dienas."
LONG = (
    "The Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197) entered into "
    "force on 1 February 2008."
)
LONG_LV = (
    "Eiropas Padomes Konvencija par cīņu pret cilvēku tirdzniecību (CETS Nr. 197) stājās spēkā 2008. gada 1. februārī."
)


def codes(report: qa.CatalogReport) -> list[tuple[str, str]]:
    """(severity, code) of every problem, in file order."""
    return [(problem.severity, problem.code) for problem in report.problems]


def lv_catalog(tmp_path: Path, *entries: polib.POEntry, canonical: bool = True) -> Path:
    """A Latvian catalogue with the given entries."""
    return write_catalog(
        tmp_path / "lv" / "LC_MESSAGES" / "chapters" / "legal.po", "lv", list(entries), canonical=canonical
    )


def test_pristine_catalogue_passes(tmp_path: Path, languages: Registry) -> None:
    """A correct, canonical catalogue with real translations, untranslated and fuzzy messages: no problem at all."""
    path = lv_catalog(
        tmp_path,
        polib.POEntry(msgid=PERIOD, msgstr=PERIOD_LV),
        polib.POEntry(msgid=LONG, msgstr=LONG_LV),
        polib.POEntry(msgid="Why the law matters to you", msgstr=""),
        polib.POEntry(
            msgid="within 45 days", msgstr="30 dienu laikā", flags=["fuzzy"], previous_msgid="within 30 days"
        ),
    )
    report = qa.check_catalog(path, languages.get("lv"))
    assert report.problems == []
    assert (report.checked, report.fuzzy) == (2, 1)


def test_error_is_reported_at_the_msgstr_line(tmp_path: Path, languages: Registry) -> None:
    """Problems point at the translation's line, in the path:line: severity: CODE message format."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid=PERIOD, msgstr="Periods, kas ilgst vismaz 45 dienas."))
    [problem] = qa.check_catalog(path, languages.get("lv")).problems
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line.startswith('msgstr "Periods')
    assert str(problem).endswith(
        f":{problem.line}: error: NUMBER numbers differ: '30' of the source missing; '45' not in the source"
    )


def test_percentage_without_the_languages_space_is_reported(tmp_path: Path, languages: Registry) -> None:
    """The registry says Latvian writes "30 %" with a no-break space: "30%" is a warning at its msgstr line."""
    source = "At least 30% of victims are children."
    path = lv_catalog(
        tmp_path,
        polib.POEntry(msgid=source, msgstr="Vismaz 30% upuru ir bērni."),
        polib.POEntry(msgid=source.replace("At", "Almost"), msgstr="Gandrīz 30\u00a0% upuru ir bērni."),
    )
    [problem] = qa.check_catalog(path, languages.get("lv")).problems
    assert (problem.severity, problem.code) == ("warning", "PERCENT")
    assert path.read_text(encoding="utf-8").splitlines()[problem.line - 1].startswith('msgstr "Vismaz 30%')


def test_fuzzy_entries_are_not_checked(tmp_path: Path, languages: Registry) -> None:
    """A fuzzy translation is outdated by definition: it is counted, not linted."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid=PERIOD, msgstr="vismaz 14 dienas", flags=["fuzzy"]))
    report = qa.check_catalog(path, languages.get("lv"))
    assert (report.problems, report.fuzzy, report.checked) == ([], 1, 0)


@pytest.mark.parametrize("comment", ["tcomment", "comment"])
def test_suppression_comment_silences_one_check(tmp_path: Path, languages: Registry, comment: str) -> None:
    """'# qa: ignore NUMBER reason' (translator comment) and '#. qa: ignore ...' (extracted) both work."""
    entry = polib.POEntry(msgid="on 1 February 2008", msgstr="2008-02-01", **{comment: "qa: ignore number ISO date"})
    path = lv_catalog(tmp_path, entry)
    assert qa.check_catalog(path, languages.get("lv")).problems == []


def test_suppression_only_silences_the_named_check(tmp_path: Path, languages: Registry) -> None:
    """Other checks still run on a suppressed entry."""
    entry = polib.POEntry(
        msgid="on 1 February 2008 ([EUR-Lex](https://eur-lex.europa.eu))",
        msgstr="2008-02-01 ([EUR-Lex](https://eur-lex.europa.eu/lv))",
        tcomment="qa: ignore NUMBER ISO date",
    )
    assert codes(qa.check_catalog(lv_catalog(tmp_path, entry), languages.get("lv"))) == [
        ("error", "LINK"),
        ("error", "LINK"),
    ]


def test_suppression_without_reason_or_with_unknown_code_warns(tmp_path: Path, languages: Registry) -> None:
    """A suppression must say why; a misspelt code silences nothing."""
    path = lv_catalog(
        tmp_path,
        polib.POEntry(msgid="on 1 February 2008", msgstr="2008-02-01", tcomment="qa: ignore NUMBER"),
        polib.POEntry(msgid="within 30 days", msgstr="45 dienu laikā", tcomment="qa: ignore NUMBERS typo"),
    )
    assert codes(qa.check_catalog(path, languages.get("lv"))) == [
        ("warning", "SUPPRESSION"),
        ("warning", "SUPPRESSION"),
        ("error", "NUMBER"),
    ]


def test_termbase_warning_in_a_catalogue(tmp_path: Path, languages: Registry) -> None:
    """Terms from the termbase are checked on every translated message."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid="Contact the guardian.", msgstr="Sazinieties ar pārstāvi."))
    report = qa.check_catalog(path, languages.get("lv"), [Term("guardian", "aizbildnis")])
    assert codes(report) == [("warning", "TERM")]


def test_byte_order_mark_is_reported(tmp_path: Path, languages: Registry) -> None:
    """A BOM (some Windows editors add one) breaks msgfmt: reported at line 1."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid=PERIOD, msgstr=PERIOD_LV))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    [problem] = qa.check_catalog(path, languages.get("lv")).problems
    assert (problem.line, problem.code) == (1, "ENCODING")
    assert "byte-order mark" in problem.message


def test_crlf_line_ends_are_reported(tmp_path: Path, languages: Registry) -> None:
    """Windows line ends are an error (not canonical), reported once with the fix."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid=PERIOD, msgstr=PERIOD_LV))
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert codes(qa.check_catalog(path, languages.get("lv"))) == [("error", "ENCODING")]


def test_bytes_that_are_not_utf8_are_reported_at_their_line(tmp_path: Path, languages: Registry) -> None:
    """Latin-1 bytes in a UTF-8 file: the line of the first bad byte."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid=PERIOD, msgstr=PERIOD_LV))
    text = path.read_text(encoding="utf-8")
    path.write_bytes(
        text.replace(PERIOD_LV, "Periods 30 dienas").encode("utf-8") + 'msgid "Ü"\nmsgstr "Ä"\n'.encode("latin-1")
    )
    [problem] = qa.check_catalog(path, languages.get("lv")).problems
    assert problem.code == "ENCODING"
    assert problem.line == len(text.splitlines()) + 1


def test_syntax_error_is_reported_at_its_line_without_traceback(tmp_path: Path, languages: Registry) -> None:
    """An unterminated string: msgfmt's message at msgfmt's line; the file is not checked further."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid=PERIOD, msgstr=PERIOD_LV))
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = next(number for number, line in enumerate(lines) if line.startswith("msgstr") and "Atveseļ" in line)
    lines[broken] = lines[broken].rstrip('"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = qa.check_catalog(path, languages.get("lv")).problems
    assert problems[0].code == "SYNTAX"
    assert problems[0].line == broken + 1
    assert "end-of-line within string" in problems[0].message


def test_placeholder_mismatch_is_reported(tmp_path: Path, languages: Registry) -> None:
    """msgfmt --check-format: a python-format placeholder dropped."""
    entry = polib.POEntry(msgid="Last updated on %(last_updated)s", msgstr="Atjaunināts", flags=["python-format"])
    assert ("error", "PLACEHOLDER") in codes(qa.check_catalog(lv_catalog(tmp_path, entry), languages.get("lv")))


def test_non_canonical_file_is_reported_at_the_first_differing_line(tmp_path: Path, languages: Registry) -> None:
    """polib wraps differently from msgcat: check-po says where and what msgcat would write."""
    long_entry = polib.POEntry(msgid=LONG, msgstr=LONG_LV)
    path = write_catalog(tmp_path / "de" / "LC_MESSAGES" / "index.po", "de", [long_entry], canonical=False)
    [problem] = qa.check_catalog(path, languages.get("de")).problems
    assert problem.code == "FORMAT"
    assert path.read_text(encoding="utf-8").splitlines()[problem.line - 1] == f'msgid "{LONG}"'
    assert problem.message == ('not in the canonical format (msgcat writes this line as: msgid ""); run make format-po')


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("Content-Type", "text/plain; charset=ISO-8859-13", "charset is ISO-8859-13"),
        ("Plural-Forms", "nplurals=2; plural=(n != 1);", "Latvian has 3 plural forms"),
        ("Language", "lt", "Language is 'lt'"),
    ],
)
def test_header_problems(tmp_path: Path, languages: Registry, field: str, value: str, message: str) -> None:
    """Charset, plural count (CLDR via Babel) and Language are checked at the header field's line."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid="Index", msgstr="Indekss"))
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith(f'"{field}:'))
    path.write_text(text.replace(old, f'"{field}: {value}\\n"'), encoding="utf-8")
    problems = [p for p in qa.check_catalog(path, languages.get("lv")).problems if p.code == "HEADER"]
    assert len(problems) == 1
    assert message in problems[0].message
    assert path.read_text(encoding="utf-8").splitlines()[problems[0].line - 1].startswith(f'"{field}:')


def test_missing_plural_forms_is_an_error(tmp_path: Path, languages: Registry) -> None:
    """No Plural-Forms at all: the expected value is given."""
    path = lv_catalog(tmp_path, polib.POEntry(msgid="Index", msgstr="Indekss"))
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "\n".join(line for line in text.splitlines() if "Plural-Forms" not in line and "n % 10" not in line) + "\n",
        encoding="utf-8",
    )
    messages = [p.message for p in qa.check_catalog(path, languages.get("lv")).problems if p.code == "HEADER"]
    assert any("Plural-Forms is missing; Latvian has 3 plural forms" in message for message in messages)


def test_correct_plural_catalogue_passes(tmp_path: Path, languages: Registry) -> None:
    """Polish with three plural forms, all translated."""
    entry = polib.POEntry(
        msgid="Search finished, found one page matching the search query.",
        msgid_plural="Search finished, found ${resultCount} pages matching the search query.",
        msgstr_plural={
            0: "Wyszukiwanie zakończone, znaleziono jedną stronę pasującą do zapytania.",
            1: "Wyszukiwanie zakończone, znaleziono ${resultCount} strony pasujące do zapytania.",
            2: "Wyszukiwanie zakończone, znaleziono ${resultCount} stron pasujących do zapytania.",
        },
        flags=["python-brace-format"],
    )
    path = write_catalog(tmp_path / "pl" / "LC_MESSAGES" / "sphinx.po", "pl", [entry])
    assert qa.check_catalog(path, languages.get("pl")).problems == []


def test_catalogue_of_an_unknown_language(project: Project, languages: Registry) -> None:
    """locale/xx/ with catalogues, for a language the registry lacks: an error for each file."""
    write_catalog(project.catalog("sv", "index"), "lv", [])
    problems = qa.unknown_languages(project, languages.codes)
    assert [(p.path.parts[-3], p.code) for p in problems] == [("sv", "LANGUAGE")]

"""The commands as make calls them: exit codes, output format, corrupt catalogues contained, no tracebacks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import polib
import pytest
from catalog_testing import DATA, write_catalog

from strom.catalog import cli, extract

if TYPE_CHECKING:
    from pathlib import Path

    from strom.catalog.project import Project

pytestmark = pytest.mark.usefixtures("gettext_tools")

PERIOD = "A recovery and reflection period of at least 30 days."
CORRUPT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Index\nmsgstr "Indekss"\n'


def run(command: str, project: Project, *arguments: str) -> int:
    """Call a command the way python -m strom <command> does."""
    main = getattr(cli, f"main_{command.replace('-', '_')}")
    status: int = main(["--root", str(project.root), *arguments])
    return status


def test_check_po_clean_pass(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """Correct catalogues: exit 0, a summary line and nothing else."""
    write_catalog(
        project.catalog("lv", "index"), "lv", [polib.POEntry(msgid=PERIOD, msgstr="Vismaz 30 dienas ilgs periods.")]
    )
    assert run("check-po", project, "--lang", "lv") == 0
    assert capsys.readouterr().out.splitlines() == [
        "check-po: 1 catalogues (lv): 0 error(s), 0 warning(s); 0 fuzzy message(s) not checked (see make fuzzy)"
    ]


def test_check_po_error_exit_1_with_path_line(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """One error: exit 1, reported as path:line: error: CODE message."""
    path = write_catalog(
        project.catalog("lv", "index"), "lv", [polib.POEntry(msgid=PERIOD, msgstr="Vismaz 45 dienas.")]
    )
    assert run("check-po", project, "--lang", "lv") == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{path}:")
    assert ": error: NUMBER numbers differ" in first


def test_check_po_warnings_only_exit_0(project: Project) -> None:
    """Warnings alone do not fail the check."""
    write_catalog(project.catalog("de", "index"), "de", [polib.POEntry(msgid=PERIOD, msgstr=PERIOD)])
    assert run("check-po", project, "--lang", "de") == 0


def test_check_po_reports_a_corrupt_catalogue_and_checks_the_rest(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """A syntax error in lv is reported at its line; de is still checked (its error shows too); exit 1."""
    broken = project.catalog("lv", "index")
    broken.parent.mkdir(parents=True)
    broken.write_text(CORRUPT, encoding="utf-8")
    german = write_catalog(
        project.catalog("de", "index"), "de", [polib.POEntry(msgid=PERIOD, msgstr="Mindestens 40 Tage.")]
    )
    assert run("check-po", project) == 1
    output = capsys.readouterr().out
    assert f"{broken}:5: error: SYNTAX end-of-line within string" in output
    assert f"{german}:" in output and "NUMBER" in output
    assert "Traceback" not in output


def test_check_po_flags_catalogues_of_unregistered_languages(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """locale/sv/ exists but the registry has no sv: an error when all languages are checked."""
    write_catalog(project.catalog("sv", "index"), "de", [])
    assert run("check-po", project) == 1
    assert "error: LANGUAGE 'sv' is not a language of locale/languages.toml" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["check-po", "update-po", "format-po", "stats", "fuzzy"])
def test_unknown_language_exit_2(project: Project, capsys: pytest.CaptureFixture[str], command: str) -> None:
    """An unknown LANG: exit 2, and the message lists the known codes."""
    assert run(command, project, "--lang", "xx") == 2
    error = capsys.readouterr().err
    assert "unknown language 'xx'; known languages: en de lv pl ru fi" in error
    assert "Traceback" not in error


def test_source_language_has_no_catalogues(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """LANG=en is a mistake for catalogue commands: exit 2 with the target languages."""
    assert run("check-po", project, "--lang", "en") == 2
    assert "en is the source language" in capsys.readouterr().err


def test_several_languages_by_comma_or_space(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """--lang lv,de and --lang lv de select the same languages."""
    run("check-po", project, "--lang", "lv,de")
    comma = capsys.readouterr().out
    run("check-po", project, "--lang", "lv", "de")
    assert capsys.readouterr().out == comma
    assert "(lv de)" in comma


def test_missing_gettext_is_exit_2_with_install_hint(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without GNU gettext on PATH the QA cannot run: say how to install it."""
    write_catalog(project.catalog("lv", "index"), "lv", [])
    monkeypatch.setenv("PATH", str(tmp_path))
    assert run("check-po", project, "--lang", "lv") == 2
    assert "apt-get install gettext" in capsys.readouterr().err


def test_update_po_goes_on_past_a_corrupt_catalogue(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """lv/index.po is corrupt: reported at file:line, left as it is; lv's other files and de are updated; exit 1."""
    assert extract.extract_all(project, quiet=True, package=DATA / "package") == 0
    broken = project.catalog("lv", "index")
    broken.parent.mkdir(parents=True)
    broken.write_text(CORRUPT, encoding="utf-8")
    assert run("update-po", project, "--no-extract", "--lang", "lv", "de") == 1
    output = capsys.readouterr().out
    assert f"{broken}:5: error: SYNTAX end-of-line within string" in output
    assert broken.read_text(encoding="utf-8") == CORRUPT
    assert project.catalog("lv", "chapters/legal").is_file()
    assert project.catalog("de", "index").is_file()
    assert "Traceback" not in output


def test_stats_writes_json(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """make stats: a table on stdout and _build/translation-status.json."""
    write_catalog(project.catalog("lv", "index"), "lv", [polib.POEntry(msgid=PERIOD, msgstr="Vismaz 30 dienas.")])
    assert run("stats", project, "--lang", "lv") == 0
    data = json.loads(project.status_file.read_text(encoding="utf-8"))
    assert data["languages"]["lv"]["total"]["percent"] == 100.0
    assert "lv Latvian (reviewed)" in capsys.readouterr().out


def test_fuzzy_lists_word_diff_and_translation(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """make fuzzy: file:line of the fuzzy flag, the source change as a word diff, the translation to review."""
    path = write_catalog(
        project.catalog("lv", "chapters/legal"),
        "lv",
        [
            polib.POEntry(
                msgid="A recovery and reflection period of at least 45 days.",
                msgstr="Atveseļošanās un pārdomu periods, kas ilgst vismaz 30 dienas.",
                flags=["fuzzy"],
                previous_msgid=PERIOD,
            )
        ],
    )
    assert run("fuzzy", project, "--lang", "lv") == 0
    lines = capsys.readouterr().out.splitlines()
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(number for number, content in enumerate(text, 1) if content == "#, fuzzy")
    assert lines[:3] == [
        f"{path}:{line}: fuzzy",
        "  source:      A recovery and reflection period of at least [-30-]{+45+} days.",
        "  translation: Atveseļošanās un pārdomu periods, kas ilgst vismaz 30 dienas.",
    ]
    assert lines[-1].startswith("fuzzy: 1 fuzzy message(s)")


def test_check_po_takes_files_as_pre_commit_passes_them(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """Named catalogues are checked, and only they: a broken one elsewhere is not reported."""
    good = write_catalog(
        project.catalog("lv", "index"), "lv", [polib.POEntry(msgid=PERIOD, msgstr="Vismaz 30 dienas ilgs periods.")]
    )
    write_catalog(project.catalog("de", "index"), "de", [polib.POEntry(msgid=PERIOD, msgstr="Mindestens 45 Tage.")])
    assert run("check-po", project, str(good)) == 0
    assert "check-po: 1 catalogues (lv): 0 error(s)" in capsys.readouterr().out
    assert run("check-po", project, str(project.catalog("de", "index"))) == 1


def test_format_po_check_reports_without_writing(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """--check names a non-canonical file, exits 1 and leaves the file as it was."""
    path = write_catalog(project.catalog("lv", "index"), "lv", [polib.POEntry(msgid=PERIOD, msgstr="Vismaz 30.")])
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before = path.read_bytes()
    assert run("format-po", project, "--check", str(path)) == 1
    assert f"{path}:1: error: FORMAT not in the canonical format" in capsys.readouterr().out
    assert path.read_bytes() == before
    assert run("format-po", project, str(path)) == 0
    assert run("format-po", project, "--check", str(path)) == 0


def test_a_file_outside_the_catalogue_folders_is_a_usage_error(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stray = tmp_path / "stray.po"
    stray.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    assert run("check-po", project, str(stray)) == 2
    assert "not a catalogue under" in capsys.readouterr().err

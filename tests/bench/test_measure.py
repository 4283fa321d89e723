"""Measuring a command (real processes), and the edit of one message in a copied catalogue."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import polib
import pytest

from strom.bench import cases
from strom.bench.measure import run

TINY = Path(__file__).parents[1] / "roots" / "test-bench-corpus"
ALLOCATE = "import sys; block = bytearray(int(sys.argv[1]) * 2**20); block[::4096] = b'x' * len(block[::4096])"


def test_run_measures_a_command(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "ok.log"
    measurement = run([sys.executable, "-c", "print('hello')"], env=os.environ, cwd=tmp_path, log=log)
    assert measurement.ok
    assert measurement.wall_seconds > 0
    assert measurement.cpu_seconds > 0
    assert log.read_text(encoding="utf-8") == "hello\n"


def test_run_reports_the_peak_memory_of_a_child_process(tmp_path: Path) -> None:
    # The busiest process is a grandchild, as a build's workers are: its peak counts.
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {ALLOCATE!r}, '200'], check=True)"
    measurement = run([sys.executable, "-c", parent], env=os.environ, cwd=tmp_path, log=tmp_path / "memory.log")
    assert measurement.ok
    assert measurement.peak_memory_mib >= 200


def test_run_reports_a_failure_with_the_end_of_the_log(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "import sys; print('first'); print('last words', file=sys.stderr); sys.exit(3)"]
    measurement = run(command, env=os.environ, cwd=tmp_path, log=tmp_path / "fail.log")
    assert not measurement.ok
    assert measurement.returncode == 3
    assert measurement.tail(1) == "last words"


def write_catalog(path: Path, entries: list[tuple[str, str]]) -> None:
    """Write a catalogue and its compiled .mo."""
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "lv"}
    for msgid, msgstr in entries:
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(path))
    catalog.save_as_mofile(str(path.with_suffix(".mo")))


def test_edit_one_message_changes_the_longest_translation(tmp_path: Path) -> None:
    messages = tmp_path / "LC_MESSAGES"
    write_catalog(messages / "chapters" / "01-empty.po", [("Title", "")])
    write_catalog(
        messages / "chapters" / "02-text.po",
        [("Title", "Virsraksts"), ("A long paragraph of text.", "Gara rindkopa ar tekstu."), ("Untranslated", "")],
    )
    write_catalog(messages / "chapters" / "03-later.po", [("Other", "Cits")])
    compiled = messages / "chapters" / "02-text.mo"
    os.utime(compiled, (compiled.stat().st_mtime + 60,) * 2)  # compiled after the last save
    edit = cases.edit_one_message(messages)
    assert edit.docname == "chapters/02-text"
    assert edit.msgid == "A long paragraph of text."
    catalog = polib.pofile(str(edit.catalog))
    assert catalog.find("A long paragraph of text.").msgstr == f"Gara rindkopa ar tekstu. {cases.EDIT_MARKER}"
    assert catalog.find("Title").msgstr == "Virsraksts"
    # Newer than its .mo, so that Sphinx compiles it again.
    assert edit.catalog.stat().st_mtime > compiled.stat().st_mtime
    assert polib.pofile(str(messages / "chapters" / "03-later.po")).find("Other").msgstr == "Cits"


def test_edit_one_message_needs_a_translation(tmp_path: Path) -> None:
    messages = tmp_path / "LC_MESSAGES"
    write_catalog(messages / "chapters" / "01-empty.po", [("Title", "")])
    with pytest.raises(cases.CaseError, match="no chapter catalogue has a translated message"):
        cases.edit_one_message(messages)


def test_snapshot_copies_the_project_and_compiles_its_catalogues(tmp_path: Path) -> None:
    source = tmp_path / "project"
    (source / "docs").mkdir(parents=True)
    (source / "docs" / "index.md").write_text("# Title\n", encoding="utf-8")
    (source / "locale").mkdir()
    registry_text = (TINY / "locale" / "languages.toml").read_text(encoding="utf-8")
    registry_text += (
        '\n[[language]]\ncode = "lv"\nname = "Latviešu"\nenglish_name = "Latvian"\nsphinx = "lv"\nsearch = "lv"\n'
        'hyphenation = "lv_LV"\npdf = "bench-corpus"\norder = 2\nreview = "draft"\n'
    )
    (source / "locale" / "languages.toml").write_text(registry_text, encoding="utf-8")
    catalog = source / "locale" / "lv" / "LC_MESSAGES" / "index.po"
    write_catalog(catalog, [("Title", "Virsraksts")])
    catalog.with_suffix(".mo").unlink()
    stale = tmp_path / "bench"
    (stale / "old-case").mkdir(parents=True)

    root = cases.snapshot(source, stale)
    assert root == stale
    assert not (root / "old-case").exists()
    assert (root / "docs" / "index.md").read_text(encoding="utf-8") == "# Title\n"
    compiled = root / "locale" / "lv" / "LC_MESSAGES" / "index.mo"
    assert polib.mofile(str(compiled)).find("Title").msgstr == "Virsraksts"
    # The real tree is only read.
    assert not catalog.with_suffix(".mo").exists()

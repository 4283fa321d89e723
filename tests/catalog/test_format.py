"""The canonical format: exactly GNU msgcat's default output; format-po reaches it and then changes nothing."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import polib
import pytest
from catalog_testing import write_catalog

from strom.catalog import cli, gnu
from strom.catalog.update import format_catalog

if TYPE_CHECKING:
    from pathlib import Path

    from strom.catalog.project import Project

pytestmark = pytest.mark.usefixtures("gettext_tools")

LONG = (
    "Directive 2012/29/EU sets out rights for all victims of crime, including victims of trafficking. Article 22 "
    "requires an {term}`individual assessment` of victims.[^eu-2012]"
)
LONG_DE = (
    "Die Richtlinie 2012/29/EU legt Rechte für alle Opfer von Straftaten fest, auch für Opfer von Menschenhandel. "
    "Artikel 22 verlangt eine {term}`individuelle Begutachtung <individual assessment>` der Opfer.[^eu-2012]"
)


def messy_catalog(path: Path) -> Path:
    """A catalogue as another tool might save it: no wrapping, CRLF line ends, a byte-order mark."""
    write_catalog(
        path,
        "de",
        [
            polib.POEntry(msgid=LONG, msgstr=LONG_DE),
            polib.POEntry(msgid="Why the law matters to you", msgstr="Warum das Recht für Sie wichtig ist"),
            polib.POEntry(msgid="Line one\nline two", msgstr="Zeile eins\nZeile zwei"),
        ],
        canonical=False,
    )
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    return path


def test_format_gives_exactly_what_msgcat_writes(tmp_path: Path) -> None:
    """After format-po, the file is byte-equal to running GNU msgcat on it by hand."""
    path = messy_catalog(tmp_path / "legal.po")
    assert format_catalog(path) is True
    msgcat = shutil.which("msgcat")
    assert msgcat is not None
    by_hand = subprocess.run([msgcat, str(path)], capture_output=True, check=True).stdout
    assert path.read_bytes() == by_hand
    assert b"\r" not in by_hand
    assert not by_hand.startswith(b"\xef\xbb\xbf")


def test_format_is_idempotent(tmp_path: Path) -> None:
    """A second run changes nothing and says so."""
    path = messy_catalog(tmp_path / "legal.po")
    format_catalog(path)
    first = path.read_bytes()
    assert format_catalog(path) is False
    assert path.read_bytes() == first


def test_format_keeps_every_translation(tmp_path: Path) -> None:
    """Reformatting changes layout only."""
    path = messy_catalog(tmp_path / "legal.po")
    format_catalog(path)
    catalog = polib.pofile(str(path))
    assert catalog.find(LONG).msgstr == LONG_DE
    assert catalog.find("Line one\nline two").msgstr == "Zeile eins\nZeile zwei"


def test_format_po_command_reports_corrupt_files_and_goes_on(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """One corrupt catalogue: reported at file:line; the others are still formatted; exit 1."""
    good = messy_catalog(project.catalog("de", "index"))
    broken = project.catalog("de", "chapters/legal")
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "x\nmsgstr "y"\n')
    other = messy_catalog(project.catalog("fi", "index").with_name("index.po"))
    status = cli.main_format_po(["--root", str(project.root), "--lang", "de", "fi"])
    output = capsys.readouterr().out
    assert status == 1
    assert f"{broken}:5: error: SYNTAX end-of-line within string" in output
    assert "Traceback" not in output
    assert good.read_bytes() == gnu.canonical(good)
    assert other.read_bytes() == gnu.canonical(other)
    assert "format-po: 3 catalogues, 2 reformatted" in output

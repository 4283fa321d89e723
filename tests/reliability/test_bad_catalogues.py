"""Corrupt or unknown catalogues: the language is reported at file and line, the others build, nothing is lost.

Policy: a syntax error, a charset other than UTF-8 and bytes that are not UTF-8 fail the language before Sphinx
runs (Sphinx would lose translations silently or fail without a line). A byte-order mark and Windows line ends
are read correctly by Sphinx: the build succeeds with the same output, and ``make check-po`` asks for a cleanup.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from reliability_testing import assert_fails_with, assert_no_traceback, build, published, strom, user_files

from strom.catalog import gnu

CATALOGUE = "locale/lv/LC_MESSAGES/chapters/01-signs.po"

needs_msgfmt = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason=f"GNU msgfmt checks catalogue syntax: {gnu.INSTALL_HINT}"
)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of ``path`` that contains ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def language_lines(stdout: str) -> dict[str, str]:
    """Each language's progress line: ``{"lv": "FAILED", "en": "ok"}``."""
    return {
        match["code"]: match["status"]
        for match in re.finditer(r"^\[\d+/\d+\] (?P<code>\w+)\s+(?P<status>\w+)", stdout, re.M)
    }


@needs_msgfmt
def test_syntax_error_fails_latvian_at_its_line_and_english_builds(built: Path) -> None:
    catalogue = built / CATALOGUE
    line = line_of(catalogue, 'msgstr "Pazīme"')
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace('msgstr "Pazīme"', 'msgstr "Pazīme'), "utf-8")
    before, sources = published(built), user_files(built)

    run = build(built)

    assert_fails_with(run, f"{CATALOGUE}:{line}: error: end-of-line within string", "make check-po LANG=lv")
    assert language_lines(run.stdout) == {"en": "ok", "lv": "FAILED"}
    assert published(built) == before  # Latvian keeps its previous site and PDF; English is rebuilt, same bytes
    assert user_files(built) == sources


def test_charset_other_than_utf8_is_reported_at_the_header_line(built: Path) -> None:
    catalogue = built / CATALOGUE
    line = line_of(catalogue, "charset=UTF-8")
    catalogue.write_bytes(catalogue.read_bytes().replace(b"charset=UTF-8", b"charset=ISO-8859-1"))
    before, sources = published(built), user_files(built)

    run = build(built)

    assert_fails_with(run, f"{CATALOGUE}:{line}: error: the header says charset=ISO-8859-1", "charset=UTF-8")
    assert language_lines(run.stdout) == {"en": "ok", "lv": "FAILED"}
    assert published(built) == before
    assert user_files(built) == sources


def test_a_file_saved_in_a_legacy_encoding_is_reported_at_the_first_bad_line(built: Path) -> None:
    catalogue = built / CATALOGUE
    line = line_of(catalogue, "Cilvēku tirdzniecības pazīmes")
    catalogue.write_bytes(catalogue.read_text(encoding="utf-8").encode("cp1257"))  # Baltic Windows code page
    before, sources = published(built), user_files(built)

    run = build(built)

    assert_fails_with(run, f"{CATALOGUE}:{line}: error: byte 0x", "is not UTF-8: save the file as UTF-8")
    assert language_lines(run.stdout) == {"en": "ok", "lv": "FAILED"}
    assert published(built) == before
    assert user_files(built) == sources


FORMAT_FAULTS = {
    "byte-order mark": lambda data: b"\xef\xbb\xbf" + data,
    "CRLF line ends": lambda data: data.replace(b"\n", b"\r\n"),
}


@pytest.mark.parametrize("fault", FORMAT_FAULTS)
def test_bom_and_crlf_are_read_transparently_and_check_po_asks_for_a_cleanup(built: Path, fault: str) -> None:
    catalogue = built / CATALOGUE
    catalogue.write_bytes(FORMAT_FAULTS[fault](catalogue.read_bytes()))
    before, sources = published(built), user_files(built)

    run = build(built)

    assert run.returncode == 0, run.output
    assert_no_traceback(run)
    assert published(built) == before, f"the {fault} changed the output"  # same translations, same bytes
    assert user_files(built) == sources  # the build does not rewrite the translator's file
    if not gnu.available():
        pytest.skip(f"the check-po part needs GNU gettext: {gnu.INSTALL_HINT}")
    check = strom(built, "check-po", "--lang", "lv")
    assert check.returncode != 0
    assert re.search(rf"^{re.escape(CATALOGUE)}:\d+: error: ENCODING ", check.stdout, re.M), check.output


def test_catalogues_of_a_language_the_registry_does_not_know_fail_the_build_by_name(built: Path) -> None:
    shutil.copytree(built / "locale" / "lv", built / "locale" / "xx")
    before, sources = published(built), user_files(built)

    run = build(built, formats="html")

    assert_fails_with(
        run,
        "error: locale/xx/: catalogues for 'xx', which is not a language of locale/languages.toml",
        "known: en da de et lv lt nb pl fi sv ru",
        "add a [[language]] table",
    )
    assert language_lines(run.stdout) == {"en": "ok", "lv": "ok"}  # the known languages still build
    assert published(built) == before
    assert user_files(built) == sources

"""End to end through the Makefile: real builds of the real content into a temporary build folder."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from make_testing import run_make
from pypdf import PdfReader

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is missing: apt-get install make"),
]


def make(build: Path, *args: str, shell_lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """Run make as a user would, with the shell's own LANG set, building into ``build``."""
    env = {"LANG": shell_lang, "STROM_BUILD": str(build), "SOURCE_DATE_EPOCH": "1700000000"}
    return run_make(*args, env=env, timeout=900)


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The websites of English and Latvian, built once for this module."""
    build = tmp_path_factory.mktemp("build")
    result = make(build, "html", "LANG=en,lv")
    assert result.returncode == 0, result.stdout + result.stderr
    return build


def test_each_language_has_its_html_lang_and_a_translated_string(two_languages: Path) -> None:
    english = (two_languages / "html" / "en" / "index.html").read_text(encoding="utf-8")
    latvian = (two_languages / "html" / "lv" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html [^>]*lang="en"', english)
    assert re.search(r'<html [^>]*lang="lv"', latvian)
    assert "Recognise, refer, support" in english
    assert "Atpazīt, nosūtīt, atbalstīt" in latvian  # the title, from locale/lv/LC_MESSAGES/sphinx.po
    assert "<title>" in latvian and "documentation" not in latvian.split("</title>")[0]


def test_root_page_lists_the_languages_by_native_name(two_languages: Path) -> None:
    root = (two_languages / "html" / "index.html").read_text(encoding="utf-8")
    for name in ("English", "Latviešu", "Lietuvių", "Русский", "Norsk bokmål"):
        assert name in root


def test_progress_lines_and_summary(tmp_path: Path) -> None:
    result = make(tmp_path, "html", "LANG=en")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^\[1/1\] en\s+ok\s+[\d.]+ s$", result.stdout, re.M)
    assert "total:" in result.stdout


def test_make_pdf_lv_works_when_the_shells_lang_is_something_else(tmp_path: Path) -> None:
    """``make pdf LANG=lv`` must not hand LANG=lv to the tools (locale.Error), whatever the shell's LANG is."""
    result = make(tmp_path, "pdf", "LANG=lv", shell_lang="de_DE.UTF-8")
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = tmp_path / "pdf" / "trafficking-guidelines-lv.pdf"
    reader = PdfReader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == "lv"
    assert len(reader.pages) > 50
    assert "Atpazīt, nosūtīt, atbalstīt" in reader.metadata.title

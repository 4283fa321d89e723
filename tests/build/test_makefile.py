"""The Makefile front door: the language comes only from the command line, and bad input gives one clear line."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from make_testing import run_make

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is missing: apt-get install make")


def make(*args: str, env: dict[str, str] | None = None, build: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run make in the repository with a clean, explicit environment."""
    return run_make(*args, env={**(env or {}), **({"STROM_BUILD": str(build)} if build is not None else {})})


def test_help_is_the_default_target() -> None:
    result = make()
    assert result.returncode == 0
    for target in ("html", "pdf", "gettext", "update-po", "check-po", "live", "check", "test", "clean"):
        assert f"\n  {target} " in result.stdout


def test_unknown_language_fails_with_one_line_naming_the_known_ones(tmp_path: Path) -> None:
    result = make("html", "LANG=zz", build=tmp_path)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not re.match(r"make(\[\d+\])?: ", line)]
    assert len(lines) == 1, result.stderr
    assert "unknown language 'zz'" in lines[0]
    assert "known languages: en da de et lv lt nb pl fi sv ru" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "html").exists()


def test_language_from_the_environment_is_ignored() -> None:
    """A shell with ``LANG=lv`` (the locale variable) must not select a language, only ``make ... LANG=lv`` does."""
    from_environment = make("-n", "html", env={"LANG": "lv"})
    from_command_line = make("-n", "html", "LANG=lv")
    assert "--lang" not in from_environment.stdout
    assert "--lang lv" in from_command_line.stdout


def test_tools_run_under_a_real_locale_when_lang_is_given() -> None:
    """``make languages LANG=lv`` would die in setlocale if LANG=lv reached Python; it must run under C.UTF-8."""
    result = make("languages", "LANG=lv", env={"LANG": "de_DE.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert "lv\tLatviešu" in result.stdout

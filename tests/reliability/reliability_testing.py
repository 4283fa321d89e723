"""Helpers for the fault-injection suite: copies of a small project, builds through ``python -m strom``, digests.

Every test works on a copy (``STROM_ROOT``), never on the real ``docs/`` and ``locale/``, and runs the build as a
user does: the orchestrator in a subprocess, its workers in their own processes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from strom import paths

#: The small project: index, two chapters, a glossary, an image, a country file, Latvian catalogues.
PROJECT = Path(__file__).parent / "project"
#: The fixed publication date of every build here, so that outputs can be compared byte for byte.
EPOCH = "1700000000"
#: The languages the suite builds: the source and one translation.
LANGUAGES = ("en", "lv")
#: The final paths a reader or a web server sees (relative to the build folder); nothing else is published.
PUBLISHED = ("html", "pdf")


@dataclass(frozen=True)
class Run:
    """A finished ``python -m strom`` command."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Everything the user saw."""
        return self.stdout + self.stderr


def make_project(target: Path) -> Path:
    """Copy the small project to ``target`` with the real ``conf.py``, registry and Latvian interface catalogue."""
    shutil.copytree(PROJECT / "docs", target / "docs")
    shutil.copytree(PROJECT / "locale", target / "locale")
    shutil.copy2(paths.DOCS / "conf.py", target / "docs" / "conf.py")
    shutil.copy2(paths.REGISTRY, target / "locale" / "languages.toml")
    shutil.copy2(paths.LOCALE / "lv" / "LC_MESSAGES" / "sphinx.po", target / "locale" / "lv" / "LC_MESSAGES")
    return target


def copy_real_content(target: Path) -> Path:
    """Copy the real ``docs/`` and ``locale/`` (without compiled catalogues) to ``target``."""
    shutil.copytree(paths.DOCS, target / "docs", ignore=shutil.ignore_patterns("_build", "__pycache__"))
    shutil.copytree(paths.LOCALE, target / "locale", ignore=shutil.ignore_patterns("*.mo"))
    return target


def environment(project: Path, **extra: str) -> dict[str, str]:
    """The environment of a build of ``project``: its own root and build folder, a fixed date, a clean locale."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "LANG", "STROM_", "MAKE", "MFLAGS"))
    }
    env.update(STROM_ROOT=str(project), SOURCE_DATE_EPOCH=EPOCH, LC_ALL="C.UTF-8")
    env.update(extra)
    return env


def command(*args: str) -> list[str]:
    """The command line of ``python -m strom <args>``."""
    return [sys.executable, "-m", "strom", *args]


def strom(project: Path, *args: str, timeout: float = 600, **extra: str) -> Run:
    """Run ``python -m strom <args>`` in ``project`` as a user would, and wait for it."""
    result = subprocess.run(
        command(*args),
        cwd=project,
        env=environment(project, **extra),
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def build(project: Path, *languages: str, formats: str = "all", **extra: str) -> Run:
    """Build ``formats`` (html, pdf or all) of ``languages`` (default: en and lv) and return the run."""
    return strom(project, formats, "--lang", ",".join(languages or LANGUAGES), **extra)


def digest(path: Path) -> str | None:
    """Return a digest of a file, or of a whole tree (names and bytes, hidden files included); None if absent."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    if not path.is_dir():
        return None
    total = hashlib.sha256()
    for item in sorted(path.rglob("*")):
        if item.is_file():
            total.update(item.relative_to(path).as_posix().encode() + b"\0" + item.read_bytes() + b"\0")
    return total.hexdigest()


def tree(folder: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Return ``{relative path: sha256}`` for every file under ``folder`` (none if it does not exist)."""
    if not folder.is_dir():
        return {}
    files = {}
    for item in sorted(folder.rglob("*")):
        relative = item.relative_to(folder).as_posix()
        if item.is_file() and not any(part in skip for part in item.relative_to(folder).parts):
            files[relative] = hashlib.sha256(item.read_bytes()).hexdigest()
    return files


def published(project: Path) -> dict[str, str]:
    """Everything at the final paths of the build (the site and the PDFs), byte for byte."""
    build_folder = project / "_build"
    return {f"{top}/{name}": value for top in PUBLISHED for name, value in tree(build_folder / top).items()}


def user_files(project: Path) -> dict[str, str]:
    """Everything a user wrote (sources, catalogues, registry); compiled ``.mo`` files are the build's."""
    return {
        f"{top}/{name}": value
        for top in ("docs", "locale")
        for name, value in tree(project / top).items()
        if not name.endswith(".mo")
    }


def assert_no_traceback(run: Run) -> None:
    """A user's mistake is reported in words, never as a Python traceback."""
    assert "Traceback" not in run.output, run.output
    assert "Exception" not in run.output, run.output


def assert_fails_with(run: Run, *expected: str) -> None:
    """The command failed, without a traceback, and its output contains every ``expected`` text."""
    assert run.returncode != 0, run.output
    assert_no_traceback(run)
    for text in expected:
        assert text in run.output, f"{text!r} not in:\n{run.output}"

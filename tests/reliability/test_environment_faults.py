"""Faults around the sources: an unknown language, a missing font, a read-only or full output folder.

Each one gives a clear line (what, where, what to do), no traceback, and leaves the previous output as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_testing import (
    assert_fails_with,
    build,
    command,
    environment,
    make_project,
    published,
    strom,
    user_files,
)

from strom import paths

KNOWN = "known languages: en da de et lv lt nb pl fi sv ru"


# --- Unknown language ----------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is missing: apt-get install make")
def test_make_html_with_an_unknown_lang_prints_one_line_and_touches_nothing(built: Path) -> None:
    before = published(built)
    env = environment(built, STROM_BUILD=str(built / "_build"))
    result = subprocess.run(
        ["make", "--no-print-directory", "html", "LANG=zz"],
        cwd=paths.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    lines = [line for line in result.stderr.splitlines() if not line.startswith("make:")]
    assert result.returncode != 0
    assert lines == [f"error: unknown language 'zz'; {KNOWN} (see {built}/locale/languages.toml)"], result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert published(built) == before


def test_one_unknown_code_in_a_list_stops_before_any_work(project: Path) -> None:
    run = strom(project, "pdf", "--lang", "en,zz")
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and KNOWN in run.stderr
    assert not (project / "_build").exists()


# --- Missing font --------------------------------------------------------------------------------------------


def test_a_missing_bundled_font_fails_the_pdf_with_its_name(built: Path, tmp_path: Path) -> None:
    package = tmp_path / "package"
    shutil.copytree(paths.PACKAGE, package / "strom", ignore=shutil.ignore_patterns("__pycache__"))
    font = package / "strom" / "pdf" / "fonts" / "NotoSerif-Italic.ttf"
    font.unlink()
    before, sources = published(built), user_files(built)

    # The workers import the package from PYTHONPATH: the copy without the font.
    run = build(built, "lv", formats="pdf", PYTHONPATH=str(package))

    assert_fails_with(run, f"error: {font}: bundled font missing; restore it from version control")
    assert published(built) == before
    assert user_files(built) == sources


# --- Read-only output ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only for the build: a read-only bind mount as root (who ignores modes), else chmod."""
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True, check=False)
        if mounted.returncode != 0:
            pytest.skip(f"running as root without the right to mount: {mounted.stderr.decode().strip()}")
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True, capture_output=True)
            yield
        finally:
            subprocess.run(["umount", str(folder)], check=True)
        return
    modes = {path: path.stat().st_mode for path in [folder, *folder.rglob("*")] if path.is_dir()}
    for path, mode in modes.items():
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


@pytest.mark.parametrize("folder", ["_build/html", "_build"], ids=["site-folder", "whole-build-folder"])
def test_a_read_only_output_folder_is_a_clear_error_and_the_site_stays(built: Path, folder: str) -> None:
    (built / "docs/chapters/01-signs.md").write_text(
        (built / "docs/chapters/01-signs.md").read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8"
    )
    before, sources = published(built), user_files(built)

    with read_only(built / folder):
        run = build(built, "lv")

    assert_fails_with(run, "make the build folder writable, or build elsewhere with STROM_BUILD=<folder>")
    assert "Read-only file system" in run.output or "Permission denied" in run.output
    assert published(built) == before
    assert user_files(built) == sources


# --- Full disk -----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def tiny_disk(folder: Path, size: str) -> Iterator[None]:
    """Mount a tmpfs of ``size`` on ``folder`` (root only), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs ({mounted.stderr.decode().strip()}); the file-size-limit case covers this")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def add_paragraph(project: Path) -> None:
    """Change a source so the next build has something new to write."""
    chapter = project / "docs/chapters/01-signs.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nA paragraph written while the disk was full.\n")


def assert_disk_full_handled(project: Path, run_output: str, returncode: int, before: dict[str, str]) -> None:
    """One clear error, the previous output intact, and no half copy left behind to fill the disk further."""
    assert returncode != 0, run_output
    assert "Traceback" not in run_output, run_output
    assert published(project) == before
    leftovers = [path.name for path in (project / "_build/html").iterdir() if path.name.startswith(".")]
    assert leftovers == []


def test_a_full_disk_is_a_clear_error_and_the_next_build_recovers(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; test_a_file_size_limit_... covers a full disk without it")
    project = make_project(tmp_path / "project")
    with tiny_disk(project / "_build", "4m"):
        assert build(project, "lv").returncode == 0
        before, sources = published(project), user_files(project)
        free = shutil.disk_usage(project / "_build").free
        ballast = project / "_build" / "ballast"
        # Leave 32 KiB: less than a rebuild writes (the changed page, its doctree, the environment), even though
        # publishing links the unchanged files of the last site instead of copying them.
        ballast.write_bytes(b"\0" * (free - 32 * 1024))
        add_paragraph(project)
        sources = user_files(project)

        run = build(project, "lv")

        assert_disk_full_handled(project, run.output, run.returncode, before)
        assert "No space left on device" in run.output
        assert "free some disk space, or build on another disk with STROM_BUILD=<folder>" in run.output
        assert user_files(project) == sources
        ballast.unlink()
        again = build(project, "lv")
        assert again.returncode == 0, again.output
        page = (project / "_build/html/lv/chapters/01-signs.html").read_text(encoding="utf-8")
        assert "A paragraph written while the disk was full." in page


def test_a_file_size_limit_is_a_clear_error_and_the_next_build_recovers(built: Path) -> None:
    """Without root: RLIMIT_FSIZE makes every write past the limit fail (EFBIG), as a full disk would."""
    add_paragraph(built)
    before, sources = published(built), user_files(built)
    # ulimit -f counts 1024-byte blocks: 32 KiB, smaller than Furo's stylesheet and the PDF. Set in a shell
    # around the build (not with preexec_fn, which is unsafe in a process with threads).
    result = subprocess.run(
        ["sh", "-c", 'ulimit -f 32 && exec "$@"', "sh", *command("all", "--lang", "lv")],
        cwd=built,
        env=environment(built),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )

    assert_disk_full_handled(built, result.stdout + result.stderr, result.returncode, before)
    assert "File too large" in result.stdout + result.stderr
    assert user_files(built) == sources
    again = build(built, "lv")
    assert again.returncode == 0, again.output
    assert "A paragraph written while the disk was full." in (
        built / "_build/html/lv/chapters/01-signs.html"
    ).read_text(encoding="utf-8")

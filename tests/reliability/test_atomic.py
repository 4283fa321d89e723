"""A build killed at any moment leaves, at each final path, the previous complete output, the new one, or none.

The whole process group of ``python -m strom all`` (the orchestrator and its workers) gets SIGKILL, as a closed
terminal or an out-of-memory killer would send it: while Sphinx reads, while it writes pages, while the PDF is
written, while the site is copied into place, and at seeded random moments. After each kill every final path is
compared byte for byte with the previous build and with a clean build of the new sources; after the last, one more
build must heal everything.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reliability_testing import build, command, digest, environment, make_project

from strom import registry

LANGUAGES = ("en", "lv")
_registry = registry.load()
PDFS = tuple(_registry.get(code).pdf_filename for code in LANGUAGES)
#: The final paths: what a reader, a web server or a deploy step sees.
FINAL_PATHS = (
    *(f"html/{code}" for code in LANGUAGES),
    "html/index.html",
    *(f"html/pdf/{name}" for name in PDFS),
    *(f"pdf/{name}" for name in PDFS),
)

Condition = Callable[[Path], bool]


def log_says(code: str, text: str) -> Condition:
    """True once the language's build log contains ``text`` (Sphinx flushes each status line)."""

    def condition(build_folder: Path) -> bool:
        log = build_folder / "logs" / f"{code}.log"
        try:
            return text in log.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return False

    return condition


def exists(pattern: str) -> Condition:
    """True once a file or folder matching ``pattern`` (relative to the build folder) exists."""
    return lambda build_folder: any(build_folder.glob(pattern))


def after(seconds: float) -> Condition:
    """True ``seconds`` after the first check (the build's start)."""
    start: list[float] = []

    def condition(build_folder: Path) -> bool:
        start.append(start[0] if start else time.monotonic())
        return time.monotonic() - start[0] >= seconds

    return condition


def change_sources(project: Path) -> None:
    """Change a chapter so the new output differs from the previous one in both languages, site and PDF."""
    chapter = project / "docs/chapters/01-signs.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text + "\n## After the kill\n\nA section that only the new build has.\n", encoding="utf-8")


def touch_sources(project: Path) -> None:
    """Make every source newer than its output, so each build does real work (a read and a write of everything)."""
    now = time.time()
    for path in (project / "docs").rglob("*"):
        if path.is_file():
            os.utime(path, (now, now))


def kill_when(project: Path, condition: Condition, timeout: float = 300) -> bool:
    """Run ``python -m strom all`` and SIGKILL its whole process group once ``condition`` holds.

    Return True if the kill happened while the build was running, False if the build ended first.
    """
    shutil.rmtree(project / "_build" / "logs", ignore_errors=True)  # old logs would satisfy log conditions
    process = subprocess.Popen(
        command("all", "--lang", ",".join(LANGUAGES)),
        cwd=project,
        env=environment(project),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the workers die with it
    )
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if condition(project / "_build"):
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return True
            time.sleep(0.002)
        return False
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def final_state(project: Path) -> dict[str, str | None]:
    """The digest of each final path (None where there is nothing)."""
    return {final: digest(project / "_build" / final) for final in FINAL_PATHS}


def leftovers(project: Path) -> list[str]:
    """Hidden temporary files and folders in the published folders (a killed build may leave some)."""
    folders = [project / "_build" / name for name in ("html", "html/pdf", "pdf")]
    return sorted(str(path) for folder in folders if folder.is_dir() for path in folder.glob(".*"))


def test_killed_builds_leave_the_previous_or_the_new_complete_output(built: Path, tmp_path: Path) -> None:
    previous = final_state(built)
    assert None not in previous.values()
    change_sources(built)
    reference = make_project(tmp_path / "reference")
    change_sources(reference)
    assert build(reference).returncode == 0
    new = final_state(reference)
    assert all(new[final] != previous[final] for final in FINAL_PATHS if final != "html/index.html")

    rng = random.Random(20260611)
    points: list[tuple[str, Condition, bool]] = [
        # (moment, condition, must the kill land while the build runs?)
        ("Sphinx reads the Latvian sources", log_says("lv", "reading sources..."), True),
        ("Sphinx writes the English pages", log_says("en", "writing output..."), True),
        ("the print builder writes", log_says("lv", "building [print]"), True),
        ("a PDF is written", exists("pdf/.*.pdf.*.tmp"), True),
        ("the site is copied into place", exists("html/.*.new-*"), False),
        *(
            (f"{delay:.2f} s after the start", after(delay), False)
            for delay in sorted(rng.uniform(0.3, 8) for _ in range(4))
        ),
    ]
    for moment, condition, required in points:
        touch_sources(built)
        killed = kill_when(built, condition)
        assert killed or not required, f"the build ended before {moment}"
        state = final_state(built)
        for final in FINAL_PATHS:
            assert state[final] in (None, previous[final], new[final]), (
                f"killed when {moment}: {final} is neither the previous nor the new complete output"
            )

    healed = build(built)
    assert healed.returncode == 0, healed.output
    assert final_state(built) == new  # byte for byte what a clean build of the new sources gives
    assert leftovers(built) == []


def test_a_page_cut_short_by_a_kill_is_rebuilt_not_published(built: Path, tmp_path: Path) -> None:
    """Sphinx rewrites only pages older than their source; a page cut short by a kill is newer, so it would stay.

    The on-disk state of a worker killed while Sphinx wrote a page: the page truncated, the build marker left.
    """
    page = built / "_build/.work/lv/html/chapters/01-signs.html"
    complete = page.read_bytes()
    page.write_bytes(complete[: len(complete) // 2])
    (built / "_build/.work/lv/building").touch()
    stale_catalogue = built / "locale/lv/LC_MESSAGES/chapters/01-signs.mo"
    stale_catalogue.write_bytes(stale_catalogue.read_bytes()[:20])  # a .mo cut short while Sphinx compiled it

    run = build(built, "lv", formats="html")

    assert run.returncode == 0, run.output
    published_page = (built / "_build/html/lv/chapters/01-signs.html").read_bytes()
    assert published_page == complete
    assert "Cilvēku tirdzniecības pazīmes" in published_page.decode()  # translated: the .mo was compiled again
    log = (built / "_build/logs/lv.log").read_text(encoding="utf-8")
    assert "lv: the last build did not finish; building it from scratch" in log


PUBLISH = """
import sys
from pathlib import Path
from strom.build import publish_tree
publish_tree(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def copied_files(folder: Path) -> int:
    """How many files the staging copy in ``folder`` has so far (0 if there is none, or it just moved)."""
    try:
        return sum(1 for staging in folder.glob(".lv.new-*") for _ in staging.rglob("*.html"))
    except FileNotFoundError:
        return 0


def test_publishing_killed_midway_leaves_the_old_tree(tmp_path: Path) -> None:
    """The copy into place, killed at several points of a large copy: the target is the old tree, never a mix."""
    target = tmp_path / "html" / "lv"
    for number in range(20):
        (target / f"page-{number}.html").parent.mkdir(parents=True, exist_ok=True)
        (target / f"page-{number}.html").write_text(f"old {number}\n")
    source = tmp_path / "work"
    for number in range(3000):
        path = source / f"section-{number % 30}" / f"page-{number}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"new {number}\n" * 200)
    old, new = digest(target), digest(source)

    kills = 0
    for copied in (1, 300, 1500, 2900):
        process = subprocess.Popen([sys.executable, "-c", PUBLISH, str(source), str(target)], start_new_session=True)
        try:
            while process.poll() is None:
                if copied_files(target.parent) >= copied:
                    os.killpg(process.pid, signal.SIGKILL)
                    kills += 1
                    break
                time.sleep(0.001)
        finally:
            process.wait()
        assert digest(target) in (old, new, None), f"killed after {copied} files: a mixed tree"
    assert kills >= 3, "the copy was too fast to be killed midway"

    subprocess.run([sys.executable, "-c", PUBLISH, str(source), str(target)], check=True)
    assert digest(target) == new
    assert sorted(path.name for path in target.parent.iterdir()) == ["lv"]  # the killed copies are gone

"""A build of one language runs in the command's own process, and comes out exactly as a worker's build would.

Starting a worker costs a tenth of a second of a one-message rebuild, so ``make html LANG=lv`` builds in its own
process when that process hashes strings as a worker would (a set ``PYTHONHASHSEED``; ``make`` sets it). Which
route ran is seen from outside: every Python process started records itself through ``sitecustomize``.
"""

from __future__ import annotations

import re
from pathlib import Path

from reliability_testing import Run, assert_fails_with, build, make_project, published

CATALOGUE = "locale/lv/LC_MESSAGES/chapters/01-signs.po"
#: Appends the process id of every Python process that starts with this folder on its path.
RECORDER = """\
import os
with open(os.environ["STROM_TEST_PROCESSES"], "a", encoding="utf-8") as stream:
    stream.write(f"{os.getpid()}\\n")
"""


def build_recording_processes(project: Path, tmp_path: Path, *, seed: str) -> tuple[Run, int]:
    """Build the Latvian site of ``project`` with ``PYTHONHASHSEED=seed``; return the run and its Python processes."""
    recorder = tmp_path / f"recorder-{project.name}"
    recorder.mkdir()
    (recorder / "sitecustomize.py").write_text(RECORDER, encoding="utf-8")
    processes = tmp_path / f"processes-{project.name}.txt"
    run = build(
        project,
        "lv",
        formats="html",
        PYTHONHASHSEED=seed,
        PYTHONPATH=str(recorder),
        STROM_TEST_PROCESSES=str(processes),
    )
    return run, len(processes.read_text(encoding="utf-8").split()) if processes.exists() else 0


def break_catalogue(catalogue: Path) -> None:
    """Leave a string open: a syntax error msgfmt reports at its line."""
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace('msgstr "Pazīme"', 'msgstr "Pazīme'), "utf-8")


def without_seconds(output: str) -> str:
    """The output with its timings blanked, so that two builds can be compared."""
    return re.sub(r"\d+\.\d s", "#.# s", re.sub(r"(?m)^(lv\s+\w+\s+)\d+\.\d$", r"\1#.#", output))


def test_one_language_builds_in_this_process_with_the_output_a_worker_makes(tmp_path: Path) -> None:
    here, elsewhere = make_project(tmp_path / "here"), make_project(tmp_path / "worker")

    run_here, processes_here = build_recording_processes(here, tmp_path, seed="0")
    run_worker, processes_worker = build_recording_processes(elsewhere, tmp_path, seed="random")

    assert (run_here.returncode, run_worker.returncode) == (0, 0), run_here.output + run_worker.output
    assert (processes_here, processes_worker) == (1, 2)
    assert without_seconds(run_here.output) == without_seconds(run_worker.output)
    assert published(here) == published(elsewhere)
    log = here / "_build" / "logs" / "lv.log"
    assert "build succeeded" in log.read_text(encoding="utf-8")
    assert (here / "_build" / "logs" / "lv.json").read_text(encoding="utf-8").count("html_seconds") == 1


def test_a_language_failing_in_this_process_reports_as_in_a_worker(tmp_path: Path) -> None:
    here, elsewhere = make_project(tmp_path / "here"), make_project(tmp_path / "worker")
    for project in (here, elsewhere):
        break_catalogue(project / CATALOGUE)

    run_here, processes_here = build_recording_processes(here, tmp_path, seed="0")
    run_worker, processes_worker = build_recording_processes(elsewhere, tmp_path, seed="random")

    assert (processes_here, processes_worker) == (1, 2)
    assert_fails_with(run_here, f"{CATALOGUE}:", "error: end-of-line within string", "FAILED: lv")
    assert without_seconds(run_here.output) == without_seconds(run_worker.output)
    for project in (here, elsewhere):  # the log has what the user saw, as a worker's stderr at its end
        log = (project / "_build" / "logs" / "lv.log").read_text(encoding="utf-8")
        assert log.rstrip().endswith("make check-po LANG=lv lists every problem)"), log


def test_a_catalogue_broken_after_a_good_build_is_still_caught(tmp_path: Path) -> None:
    """The build skips msgfmt for catalogues that passed unchanged; an edit after a good build is checked again."""
    project = make_project(tmp_path / "project")
    assert build(project, "lv", formats="html", PYTHONHASHSEED="0").returncode == 0
    break_catalogue(project / CATALOGUE)

    run = build(project, "lv", formats="html", PYTHONHASHSEED="0")

    assert_fails_with(run, f"{CATALOGUE}:", "error: end-of-line within string", "make check-po LANG=lv")

"""The build's orchestration, function by function: where a language builds, how its errors read, what is rechecked."""

from __future__ import annotations

import errno
import io
import json
from typing import TYPE_CHECKING, NoReturn

import pytest
from sphinx.errors import ConfigError

from strom import build, paths, registry

if TYPE_CHECKING:
    from pathlib import Path

LATVIAN = registry.load().get("lv")
GOOD = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Signs"\nmsgstr "Pazīmes"\n\nmsgid "Referral"\nmsgstr "Nosūtīšana"\n'
)


def fail_with(error: BaseException) -> object:
    """A stand-in for ``run_language`` that raises ``error``."""

    def run_language(*args: object, **options: object) -> NoReturn:
        raise error

    return run_language


def work_with(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> tuple[int, str, str]:
    """Run :func:`build.work` with a language build that raises ``error``; return its status and both streams."""
    monkeypatch.setattr(build, "run_language", fail_with(error))
    status, warning = io.StringIO(), io.StringIO()
    returncode = build.work("lv", ["html"], status=status, warning=warning)
    return returncode, status.getvalue(), warning.getvalue()


def test_a_sphinx_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    assert work_with(monkeypatch, ConfigError("conf.py: no such option")) == (
        1,
        "",
        "error: conf.py: no such option\n",
    )


def test_a_full_disk_is_one_line_and_the_details_go_to_the_log(monkeypatch: pytest.MonkeyPatch) -> None:
    returncode, status, warning = work_with(monkeypatch, OSError(errno.ENOSPC, "No space left on device", "/b/x"))

    assert returncode == 1
    assert warning == (
        "error: cannot write /b/x: No space left on device; free some disk space, or build on another disk with "
        "STROM_BUILD=<folder>\n"
    )
    assert "Traceback" in status


def test_a_defect_is_reported_as_python_would_report_it_in_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    returncode, status, warning = work_with(monkeypatch, RuntimeError("a defect"))

    assert (returncode, status) == (1, "")
    assert warning.startswith("Traceback (most recent call last):")
    assert warning.endswith("RuntimeError: a defect\n")


def test_an_interrupt_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(KeyboardInterrupt):
        work_with(monkeypatch, KeyboardInterrupt())


@pytest.mark.parametrize(
    ("seed", "encoding", "here"),
    [
        (None, "UTF-8", False),  # a worker would get seed 0; this process hashes at random
        ("random", "UTF-8", False),
        ("0", "UTF-8", True),
        ("4242", "utf8", True),  # a worker inherits the same seed
        ("0", "ISO-8859-1", False),  # a worker reads and writes text as UTF-8
    ],
)
def test_a_language_builds_in_this_process_only_if_it_would_build_the_same_in_a_worker(
    monkeypatch: pytest.MonkeyPatch, seed: str | None, encoding: str, here: bool
) -> None:
    if seed is None:
        monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    else:
        monkeypatch.setenv("PYTHONHASHSEED", seed)
    monkeypatch.setattr(build.locale, "getpreferredencoding", lambda do_setlocale=True: encoding)

    assert build.builds_like_a_worker() is here


@pytest.fixture
def catalogue(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A good Latvian catalogue in a locale folder of its own."""
    monkeypatch.setattr(paths, "LOCALE", tmp_path / "locale")
    path = tmp_path / "locale" / "lv" / "LC_MESSAGES" / "chapters" / "01-signs.po"
    path.parent.mkdir(parents=True)
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture
def checked_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalogues the build checks (with msgfmt, or polib), by file name."""
    names: list[str] = []
    check = build.check_catalogue_file

    def checking(path: Path, language: registry.Language) -> list[str]:
        names.append(path.name)
        return check(path, language)

    monkeypatch.setattr(build, "check_catalogue_file", checking)
    return names


def test_a_catalogue_that_passed_is_checked_again_only_when_its_bytes_change(
    catalogue: Path, checked_files: list[str], tmp_path: Path
) -> None:
    record = tmp_path / "work" / build.CHECKED_RECORD
    first = build.CheckedCatalogues(record)
    assert build.catalogue_problems(LATVIAN, first) == []
    first.save()

    assert build.catalogue_problems(LATVIAN, build.CheckedCatalogues(record)) == []
    assert checked_files == ["01-signs.po"]

    catalogue.write_text(GOOD.replace('msgstr "Pazīmes"', 'msgstr "Pazīmes'), encoding="utf-8")
    problems = build.catalogue_problems(LATVIAN, build.CheckedCatalogues(record))

    assert checked_files == ["01-signs.po", "01-signs.po"]
    assert len(problems) == 1
    assert f"{catalogue.name}:6: error:" in problems[0]


def test_only_catalogues_that_pass_are_recorded(catalogue: Path, tmp_path: Path) -> None:
    broken = catalogue.with_name("02-referral.po")
    broken.write_text(GOOD.replace('msgstr "Nosūtīšana"', 'msgstr "Nosūtīšana'), encoding="utf-8")
    checked = build.CheckedCatalogues(tmp_path / build.CHECKED_RECORD)

    problems = build.catalogue_problems(LATVIAN, checked)

    assert [problem.split(":")[0].rsplit("/", 1)[-1] for problem in problems] == ["02-referral.po"]
    assert len(checked.now) == 1


RECORDS = {
    "not JSON": lambda checker, digest: "{",
    "not an object": lambda checker, digest: json.dumps([digest]),
    "other checks": lambda checker, digest: json.dumps({"checker": "0 older checks", "passed": [digest]}),
    "not a list": lambda checker, digest: json.dumps({"checker": checker, "passed": digest}),
}


@pytest.mark.parametrize("fault", RECORDS)
def test_a_record_that_is_unreadable_or_made_by_other_checks_counts_as_empty(
    catalogue: Path, tmp_path: Path, fault: str
) -> None:
    record = tmp_path / build.CHECKED_RECORD
    first = build.CheckedCatalogues(record)
    build.catalogue_problems(LATVIAN, first)
    first.save()
    (digest,) = json.loads(record.read_text(encoding="utf-8"))["passed"]
    assert build.CheckedCatalogues(record).before == {digest}

    record.write_text(RECORDS[fault](first.checker, digest), encoding="utf-8")

    assert build.CheckedCatalogues(record).before == set()

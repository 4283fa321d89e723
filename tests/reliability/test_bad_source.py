"""Mistakes in the source fail the build at the file and line, say what to do, and keep the previous output."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from reliability_testing import assert_fails_with, build, published, user_files


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a text file (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` that contains ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


@dataclass(frozen=True)
class SourceFault:
    """A mistake a writer can make: where it shows, how to make it, and what the build must say."""

    file: str
    marker: str
    inject: Callable[[Path], None]
    expected: tuple[str, ...]


FAULTS = {
    "broken cross-reference": SourceFault(
        "docs/chapters/02-referral.md",
        "{ref}`ch-signs`",
        lambda docs: replace_in(docs / "chapters/02-referral.md", "{ref}`ch-signs`", "{ref}`ch-sings`"),
        ("undefined label: 'ch-sings'", "hint: a {ref} names a label that does not exist"),
    ),
    "missing image": SourceFault(
        "docs/chapters/01-signs.md",
        "{figure}",
        lambda docs: (docs / "images/pathway.svg").unlink(),
        ("images/pathway.svg", "hint: an image file is missing: add the file at that path"),
    ),
    "invalid country data": SourceFault(
        "docs/_data/lv.yaml",
        'phone: "112"',
        lambda docs: replace_in(docs / "_data/lv.yaml", 'phone: "112"', 'phone: "one-one-two"'),
        ("entries[0].phone: 'one-one-two'", "expected the number as dialled"),
    ),
    "glossary term not defined": SourceFault(
        "docs/chapters/02-referral.md",
        "{term}`national referral mechanism`",
        lambda docs: replace_in(
            docs / "chapters/02-referral.md", "{term}`national referral mechanism`", "{term}`national referral system`"
        ),
        (
            "term not in glossary: 'national referral system'",
            "hint: a {term} names a term the glossary does not define",
        ),
    ),
}


@pytest.mark.parametrize("name", FAULTS)
def test_source_fault_fails_at_file_and_line_and_keeps_the_previous_output(built: Path, name: str) -> None:
    fault = FAULTS[name]
    line = line_of(built / fault.file, fault.marker)
    fault.inject(built / "docs")
    before, sources = published(built), user_files(built)

    run = build(built)

    # Sphinx names the file with its full path; the line is where the writer has to look.
    assert_fails_with(run, f"{fault.file.removeprefix('docs/')}:{line}: WARNING: ", *fault.expected)
    assert "FAILED: en lv" in run.stdout or "FAILED: lv en" in run.stdout
    assert published(built) == before  # neither the site nor the PDF of either language was touched
    assert user_files(built) == sources


def test_the_same_fault_is_reported_again_by_the_next_build(built: Path) -> None:
    """A failed build must not pass next time just because Sphinx read the broken document already."""
    FAULTS["broken cross-reference"].inject(built / "docs")
    first = build(built, "lv", formats="html")
    second = build(built, "lv", formats="html")
    for run in (first, second):
        assert_fails_with(run, "chapters/02-referral.md:4: WARNING: undefined label: 'ch-sings'")

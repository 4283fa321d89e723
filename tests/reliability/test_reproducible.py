"""Reproducible builds: the same sources and ``SOURCE_DATE_EPOCH`` give the same bytes, however they are built.

Two clean builds of the real content in two folders, with different hash seeds, time zones and job counts, give
byte-identical sites and PDFs. An incremental build gives what a clean build of the same sources gives, also after
a chapter is removed (Sphinx alone keeps the removed page and a poorer search index).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_testing import build, copy_real_content, make_project, published, tree


@pytest.mark.slow
def test_two_clean_builds_of_the_real_content_are_byte_identical(tmp_path: Path) -> None:
    first = copy_real_content(tmp_path / "first")
    second = copy_real_content(tmp_path / "elsewhere" / "second")

    one = build(first, PYTHONHASHSEED="1", TZ="UTC")
    two = build(second, PYTHONHASHSEED="4242", TZ="Pacific/Kiritimati")

    assert one.returncode == 0, one.output
    assert two.returncode == 0, two.output
    site_one, site_two = published(first), published(second)
    assert {name for name in site_one if name.endswith(".pdf")} == {
        "pdf/trafficking-guidelines-en.pdf",
        "pdf/trafficking-guidelines-lv.pdf",
        "html/pdf/trafficking-guidelines-en.pdf",
        "html/pdf/trafficking-guidelines-lv.pdf",
    }
    differing = sorted(name for name in site_one.keys() | site_two.keys() if site_one.get(name) != site_two.get(name))
    assert differing == []


def change_chapter(project: Path) -> None:
    """Add a paragraph to the first chapter."""
    chapter = project / "docs/chapters/01-signs.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nA paragraph added later.\n", encoding="utf-8")


def remove_chapter(project: Path) -> None:
    """Remove the second chapter and the one reference to it."""
    (project / "docs/chapters/02-referral.md").unlink()
    chapter = project / "docs/chapters/01-signs.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace(" What to do next is in {ref}`ch-referral`.", ""), encoding="utf-8")


@pytest.mark.parametrize("change", [change_chapter, remove_chapter], ids=["changed-chapter", "removed-chapter"])
def test_an_incremental_build_publishes_what_a_clean_build_would(built: Path, tmp_path: Path, change) -> None:
    clean = make_project(tmp_path / "clean")
    for project in (built, clean):
        change(project)

    incremental, fresh = build(built), build(clean)

    assert incremental.returncode == 0, incremental.output
    assert fresh.returncode == 0, fresh.output
    assert published(built) == published(clean)
    assert tree(built / "locale") == tree(clean / "locale")  # the compiled catalogues too

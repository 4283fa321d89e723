"""Publishing a site again: the result is exactly the new tree, and what did not change is linked, not copied.

``publish_tree`` links a file from the previous publication when Sphinx has not rewritten it since (same size and
modification time as its source, which the copy keeps). Killed midway it leaves the old tree: test_atomic.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from reliability_testing import tree

from strom.build import publish_tree


def write(path: Path, text: str) -> Path:
    """Write a small file, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_publication_is_the_new_tree_and_shares_the_unchanged_files(tmp_path: Path) -> None:
    work, site = tmp_path / "work", tmp_path / "html" / "lv"
    write(work / "index.html", "index\n")
    write(work / "chapters" / "01-signs.html", "signs\n")
    write(work / "chapters" / "02-referral.html", "referral\n")
    write(work / "_static" / "site.css", "body {}\n")
    write(work / ".buildinfo", "not published\n")
    publish_tree(work, site)
    unchanged = (site / "_static" / "site.css").stat().st_ino

    write(work / "chapters" / "01-signs.html", "Signs\n")  # rewritten, same size
    os.utime(work / "chapters" / "01-signs.html", ns=(1, 1_700_000_000_000_000_000))
    (work / "chapters" / "02-referral.html").unlink()  # a removed page
    write(work / "chapters" / "03-services.html", "services\n")  # a new one
    publish_tree(work, site)

    assert tree(site) == tree(work, skip=(".buildinfo",))
    assert (site / "_static" / "site.css").stat().st_ino == unchanged
    assert (site / "chapters" / "01-signs.html").read_text(encoding="utf-8") == "Signs\n"
    assert sorted(path.name for path in site.parent.iterdir()) == ["lv"]


def test_the_first_publication_copies_everything(tmp_path: Path) -> None:
    work, site = tmp_path / "work", tmp_path / "html" / "lv"
    page = write(work / "index.html", "index\n")

    publish_tree(work, site)

    assert tree(site) == tree(work)
    assert (site / "index.html").stat().st_ino != page.stat().st_ino  # Sphinx rewrites its files in place
    assert (site / "index.html").stat().st_mtime_ns == page.stat().st_mtime_ns

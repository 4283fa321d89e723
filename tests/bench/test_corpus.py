"""The synthetic corpus of the scaling benchmark: unique names per part, and a warning-free build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from strom import paths
from strom.bench import corpus

TINY = Path(__file__).parents[1] / "roots" / "test-bench-corpus"
LABEL = re.compile(r"^\(([^)]+)\)=$", re.MULTILINE)


def labels(docs: Path) -> list[str]:
    """Every MyST label defined in the Markdown files under ``docs``."""
    return [label for path in sorted(docs.rglob("*.md")) for label in LABEL.findall(path.read_text(encoding="utf-8"))]


def test_rewrite_makes_every_project_wide_name_unique_to_the_part() -> None:
    text = (
        "(ch-x)=\n# Title\n\n"
        "See {ref}`ch-y`, {ref}`text <ch-z>`, {numref}`fig-a` and {numref}`Figure %s <fig-b>`.\n"
        "A {term}`victim` and {term}`the helpers <helper>`.[^n]\n\n"
        "```{figure} image.png\n:name: fig-a\n```\n\n"
        "```{glossary}\n:sorted:\n\nvictim\n  A person.\n\nhelper\n  Another.\n```\n\n"
        "victim\n\n[^n]: Note.\n"
    )
    rewritten = corpus.rewrite_document(text, "p07")
    assert "(ch-x-p07)=" in rewritten
    assert "{ref}`ch-y-p07`" in rewritten
    assert "{ref}`text <ch-z-p07>`" in rewritten
    assert "{numref}`fig-a-p07`" in rewritten
    assert "{numref}`Figure %s <fig-b-p07>`" in rewritten
    assert ":name: fig-a-p07" in rewritten
    # A term reference keeps its visible text and points at the part's own term.
    assert "{term}`victim <victim (p07)>`" in rewritten
    assert "{term}`the helpers <helper (p07)>`" in rewritten
    glossary = rewritten.split("```{glossary}")[1].split("```")[0]
    assert "\nvictim (p07)\n" in glossary
    assert "\nhelper (p07)\n" in glossary
    assert ":sorted:" in glossary
    assert "  A person.\n" in glossary
    # Outside the glossary nothing else changes: headings, plain words, footnotes.
    assert "# Title\n" in rewritten
    assert "\nvictim\n\n[^n]: Note.\n" in rewritten
    assert "[^n]" in rewritten


def test_generate_copies_the_content_once_per_part(tmp_path: Path) -> None:
    made = corpus.generate(TINY, tmp_path / "corpus", 3)
    assert made.factor == 3
    for part in ("p01", "p02", "p03"):
        assert (made.docs / part / "index.md").is_file()
        assert (made.docs / part / "chapters" / "01-first.md").is_file()
        assert (made.docs / part / "annexes" / "a-glossary.md").is_file()
    assert (made.docs / "conf.py").read_text() == (TINY / "docs" / "conf.py").read_text()
    assert (made.docs / "_data" / "README.txt").is_file()
    assert (made.root / "locale" / "languages.toml").is_file()
    root_index = (made.docs / "index.md").read_text(encoding="utf-8")
    assert "p01/index\np02/index\np03/index" in root_index
    # Three parts of three documents, a part index each, and the root page.
    assert made.documents == 3 * 4 + 1


def test_generated_labels_are_unique(tmp_path: Path) -> None:
    original = labels(TINY / "docs")
    made = corpus.generate(TINY, tmp_path / "corpus", 4)
    generated = labels(made.docs)
    assert len(generated) == 4 * len(original)
    assert len(set(generated)) == len(generated)


def test_generate_empties_the_target_first(tmp_path: Path) -> None:
    target = tmp_path / "corpus"
    corpus.generate(TINY, target, 3)
    made = corpus.generate(TINY, target, 1)
    assert not (made.docs / "p02").exists()


def test_generate_needs_one_part(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one part"):
        corpus.generate(TINY, tmp_path / "corpus", 0)


def test_tiny_corpus_builds_without_warnings(tmp_path: Path, make_app) -> None:
    made = corpus.generate(TINY, tmp_path / "corpus", 3)
    app = make_app("html", srcdir=made.docs)
    app.build()
    assert app.statuscode == 0
    assert app._warning.getvalue() == ""
    # Each part's references land in the same part, not in the first copy.
    page = (app.outdir / "p02" / "chapters" / "02-second.html").read_text(encoding="utf-8")
    assert 'href="01-first.html#ch-first-steps-p02"' in page
    assert 'href="../annexes/a-glossary.html#term-victim-p02"' in page


@pytest.mark.slow
def test_real_content_doubled_builds_without_warnings(tmp_path: Path) -> None:
    """The project's English content twice over, through the project's own pipeline (as ``make bench`` does)."""
    made = corpus.generate(paths.ROOT, tmp_path / "corpus", 2)
    env = {**os.environ, "STROM_ROOT": str(made.root), "STROM_BUILD": str(made.root / "_build")}
    result = subprocess.run(
        [sys.executable, "-m", "strom", "html", "--lang", "en"],
        cwd=made.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (made.root / "_build" / "html" / "en" / "p02" / "annexes" / "c-glossary.html").is_file()

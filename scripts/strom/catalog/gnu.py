"""The GNU gettext tools (msgcat, msgmerge, msgattrib, msgfmt): they define the canonical format and check syntax."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pathlib import Path

INSTALL_HINT = "install GNU gettext: apt-get install gettext (Debian, Ubuntu), brew install gettext (macOS)"

Severity = Literal["error", "warning"]


class GettextMissingError(Exception):
    """A GNU gettext program is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Diagnostic:
    """One message of a gettext tool about a catalogue, at a line (1 for the whole file)."""

    line: int
    severity: Severity
    message: str

    @property
    def kind(self) -> str:
        """What the diagnostic is about: SYNTAX (the file cannot be read), PLACEHOLDER, PLURAL or HEADER."""
        if self.severity == "warning":
            return "HEADER"
        if "format specification" in self.message or "format string" in self.message:
            return "PLACEHOLDER"
        if "plural" in self.message:
            return "PLURAL"
        return "SYNTAX"


class CatalogSyntaxError(Exception):
    """A gettext tool could not read a catalogue; ``diagnostics`` say where and why."""

    def __init__(self, path: Path, diagnostics: list[Diagnostic]) -> None:
        """Keep the file and the tool's diagnostics."""
        self.path = path
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else Diagnostic(1, "error", "unreadable catalogue")
        super().__init__(f"{path}:{first.line}: {first.message}")


def available() -> bool:
    """Whether all four gettext programs we use are installed."""
    return all(shutil.which(name) for name in ("msgcat", "msgmerge", "msgattrib", "msgfmt"))


def _run(program: str, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    """Run a gettext program with English messages (we parse them) and return its result without raising."""
    executable = shutil.which(program)
    if executable is None:
        raise GettextMissingError(f"{program} not found; {INSTALL_HINT}")
    # LANGUAGE/LC_ALL: the diagnostics must be English to be parsed, whatever locale (or make's LANG=lv) is set.
    environment = {**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": ""}
    return subprocess.run([executable, *arguments], capture_output=True, env=environment, check=False)


_LOCATED = re.compile(r"^(?P<line>\d+):(?:(?P<column>\d+):)? (?P<warning>warning: )?(?P<message>.*)$")
_FATAL_COUNT = re.compile(r"^\S+: found \d+ fatal errors?$")  # "/usr/bin/msgfmt: found 1 fatal error"


def parse_diagnostics(output: str, path: Path) -> list[Diagnostic]:
    """Turn a gettext tool's stderr about ``path`` into diagnostics; lines without a location count as line 1."""
    diagnostics: list[Diagnostic] = []
    prefix = f"{path}:"
    for raw in output.splitlines():
        if not raw.strip() or _FATAL_COUNT.match(raw):
            continue
        if raw[:1].isspace() and diagnostics:  # a continuation of the previous message
            last = diagnostics.pop()
            diagnostics.append(Diagnostic(last.line, last.severity, f"{last.message} {raw.strip()}"))
            continue
        text = raw.removeprefix(prefix) if raw.startswith(prefix) else raw
        located = _LOCATED.match(text)
        if located:
            severity: Severity = "warning" if located["warning"] else "error"
            line = int(located["line"])
            message = located["message"].strip()
            if message == "end-of-line within string":
                # gettext's lexer has already read the newline when it notices: the open string is a line earlier.
                line = max(line - 1, 1)
            diagnostics.append(Diagnostic(line, severity, message))
            continue
        # "msgfmt: <path>: warning: ..." or "msgcat: ...": about the whole file.
        text = re.sub(r"^\w+: ", "", raw)
        text = text.removeprefix(prefix).strip()
        severity = "warning" if text.startswith("warning: ") else "error"
        diagnostics.append(Diagnostic(1, severity, text.removeprefix("warning: ")))
    return diagnostics


def check(path: Path) -> list[Diagnostic]:
    """Run ``msgfmt --check-format --check-header`` on a catalogue and return its errors and warnings."""
    result = _run("msgfmt", "--check-format", "--check-header", "-o", os.devnull, str(path))
    diagnostics = parse_diagnostics(result.stderr.decode("utf-8", "replace"), path)
    if result.returncode != 0 and not any(item.severity == "error" for item in diagnostics):
        diagnostics.append(Diagnostic(1, "error", f"msgfmt failed with exit status {result.returncode}"))
    return diagnostics


def canonical(path: Path) -> bytes:
    """Return the catalogue as GNU ``msgcat`` writes it by default (UTF-8): the one canonical format."""
    result = _run("msgcat", "--force-po", "--to-code=UTF-8", "-o", "-", str(path))
    if result.returncode != 0:
        raise CatalogSyntaxError(path, parse_diagnostics(result.stderr.decode("utf-8", "replace"), path))
    return result.stdout


def merge(catalog: Path, template: Path, output: Path, compendium: Path | None = None) -> None:
    """Merge ``template`` into ``catalog`` with ``msgmerge --previous``: changed messages turn fuzzy with ``#|``."""
    arguments = ["--previous", "--quiet", "--force-po", "-o", str(output)]
    if compendium is not None:
        arguments += ["--compendium", str(compendium)]
    result = _run("msgmerge", *arguments, str(catalog), str(template))
    if result.returncode != 0:
        raise CatalogSyntaxError(catalog, parse_diagnostics(result.stderr.decode("utf-8", "replace"), catalog))


def drop_obsolete(source: Path, output: Path) -> None:
    """Write ``source`` without its obsolete (``#~``) messages, with ``msgattrib --no-obsolete``."""
    result = _run("msgattrib", "--force-po", "--no-obsolete", "-o", str(output), str(source))
    if result.returncode != 0:
        raise CatalogSyntaxError(source, parse_diagnostics(result.stderr.decode("utf-8", "replace"), source))

"""A synthetic corpus for the scaling benchmark: the English sources replicated N times, every label made unique.

Part ``k`` is a full copy of ``chapters/`` and ``annexes/`` under ``docs/part-<k>/``. Everything that Sphinx
resolves project-wide gets the part's suffix, so the copies neither collide nor point into another part:
MyST labels ``(name)=``, ``:name:`` options, ``{ref}``/``{numref}`` targets, and glossary terms with their
``{term}`` references. Footnotes and headings are per document and stay as they are. The corpus is generated at
run time into a temporary folder and never committed.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

#: Folders of the source tree that hold the publication's content, copied into every part.
CONTENT_FOLDERS = ("chapters", "annexes")
#: Files and folders of ``docs/`` that the corpus needs besides the content (configuration, country data).
SUPPORT = ("conf.py", "_data")

_LABEL = re.compile(r"^\((?P<label>[^)\s]+)\)=[ \t]*$", re.MULTILINE)
_NAME_OPTION = re.compile(r"^(?P<lead>[ \t]*:name:[ \t]+)(?P<label>\S+)[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r"\{(?P<role>ref|numref|term)\}`(?P<body>[^`]+)`")
_EXPLICIT_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
_FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}")


@dataclass(frozen=True)
class Corpus:
    """A generated project: its root (``docs/`` and ``locale/languages.toml``) and how many parts it holds."""

    root: Path
    factor: int

    @property
    def docs(self) -> Path:
        """The Sphinx source folder."""
        return self.root / "docs"

    @property
    def documents(self) -> int:
        """How many Markdown documents the corpus has (parts, their indexes and the root index)."""
        return sum(1 for _ in self.docs.rglob("*.md"))


def part_name(part: int) -> str:
    """Return the folder (and suffix) of part ``part``: ``p01``, ``p02``..."""
    return f"p{part:02d}"


def _unique(label: str, suffix: str) -> str:
    """Return the label as it is named in one part."""
    return f"{label}-{suffix}"


def _unique_term(term: str, suffix: str) -> str:
    """Return the glossary term as it is named in one part (Sphinx matches terms case-insensitively)."""
    return f"{term} ({suffix})"


def _rewrite_role(match: re.Match[str], suffix: str) -> str:
    """Point one ``{ref}``, ``{numref}`` or ``{term}`` reference at the part's own target."""
    role, body = match["role"], match["body"]
    rename = _unique_term if role == "term" else _unique
    explicit = _EXPLICIT_TARGET.match(body)
    if explicit:
        text, target = explicit["text"], explicit["target"]
    elif role == "term":
        # A bare term shows its own text: keep that text, aim at the renamed term.
        text, target = body, body
    else:
        return f"{{{role}}}`{rename(body, suffix)}`"
    return f"{{{role}}}`{text} <{rename(target, suffix)}>`"


def _rename_glossary_terms(text: str, suffix: str) -> str:
    """Rename the terms (unindented lines) inside every ``glossary`` directive."""
    lines = text.split("\n")
    closing: str | None = None
    for number, line in enumerate(lines):
        if closing is None:
            opened = _FENCE_OPEN.match(line)
            if opened and opened["name"] == "glossary":
                closing = opened["fence"]
            continue
        if line.strip() == closing:
            closing = None
        elif line.strip() and not line[0].isspace() and not line.startswith(":"):
            lines[number] = _unique_term(line.rstrip(), suffix)
    return "\n".join(lines)


def rewrite_document(text: str, suffix: str) -> str:
    """Return a document's Markdown with every project-wide name made unique to the part ``suffix``."""
    text = _LABEL.sub(lambda m: f"({_unique(m['label'], suffix)})=", text)
    text = _NAME_OPTION.sub(lambda m: f"{m['lead']}{_unique(m['label'], suffix)}", text)
    text = _ROLE.sub(lambda m: _rewrite_role(m, suffix), text)
    return _rename_glossary_terms(text, suffix)


def _part_index(part: int, folders: list[str]) -> str:
    """The index page of one part: a title and the same toctrees as the real root page."""
    captions = {"chapters": "Chapters", "annexes": "Annexes"}
    blocks = [f"# Part {part}\n"]
    for folder in folders:
        caption = captions.get(folder, folder.title())
        blocks.append(f"```{{toctree}}\n:maxdepth: 2\n:caption: {caption}\n:glob:\n\n{folder}/*\n```\n")
    return "\n".join(blocks)


def _root_index(factor: int) -> str:
    """The root page: one toctree entry per part."""
    parts = "\n".join(f"{part_name(part)}/index" for part in range(1, factor + 1))
    return (
        f"# Recognise, refer, support (synthetic corpus, {factor}x)\n\n"
        f"The English guidelines replicated {factor} times, to measure how build time grows with size.\n\n"
        f"```{{toctree}}\n:maxdepth: 1\n:caption: Parts\n\n{parts}\n```\n"
    )


def generate(source_root: Path, target_root: Path, factor: int) -> Corpus:
    """Write a corpus of ``factor`` copies of ``source_root``'s English content into ``target_root`` (emptied first).

    ``source_root`` is a project root (``docs/`` and ``locale/languages.toml``); the corpus gets the same
    configuration, country data and language registry, so it builds with the project's own pipeline.
    """
    if factor < 1:
        raise ValueError(f"the corpus needs at least one part, not {factor}")
    source_docs = source_root / "docs"
    if target_root.exists():
        shutil.rmtree(target_root)
    docs = target_root / "docs"
    docs.mkdir(parents=True)
    for name in SUPPORT:
        source = source_docs / name
        if source.is_dir():
            shutil.copytree(source, docs / name)
        elif source.is_file():
            shutil.copy2(source, docs / name)
    registry_file = source_root / "locale" / "languages.toml"
    (target_root / "locale").mkdir()
    shutil.copy2(registry_file, target_root / "locale" / "languages.toml")
    folders = [name for name in CONTENT_FOLDERS if (source_docs / name).is_dir()]
    sources = [path for folder in folders for path in sorted((source_docs / folder).rglob("*.md"))]
    for part in range(1, factor + 1):
        suffix = part_name(part)
        part_folder = docs / suffix
        part_folder.mkdir()
        (part_folder / "index.md").write_text(_part_index(part, folders), encoding="utf-8")
        for path in sources:
            target = part_folder / path.relative_to(source_docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rewrite_document(path.read_text(encoding="utf-8"), suffix), encoding="utf-8")
    (docs / "index.md").write_text(_root_index(factor), encoding="utf-8")
    return Corpus(target_root, factor)

"""``make stats``: translated, fuzzy and untranslated messages and words per language and document.

Fuzzy messages are not used in the build (Sphinx compiles catalogues without them), so the percentage counts them
as not translated, unlike ``sphinx-intl stat``. The percentage is by words of the English source, which says more
about the work left than a count of messages of any length.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import polib

from strom.catalog import gnu, markup
from strom.files import write_atomically
from strom.paths import shown

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from strom.catalog.project import Project
    from strom.registry import Language


class CatalogReadError(Exception):
    """A catalogue polib cannot read; the message says file and line."""


@dataclass
class Counts:
    """Messages and source words in each state."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    translated_words: int = 0
    fuzzy_words: int = 0
    untranslated_words: int = 0

    def add(self, other: Counts) -> None:
        """Add another document's counts."""
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    @property
    def messages(self) -> int:
        """All messages."""
        return self.translated + self.fuzzy + self.untranslated

    @property
    def words(self) -> int:
        """All source words."""
        return self.translated_words + self.fuzzy_words + self.untranslated_words

    @property
    def percent(self) -> float:
        """Translated share of the source words, rounded down to 0.1 (100 only when nothing is left; 0 if empty)."""
        return math.floor(1000 * self.translated_words / self.words) / 10 if self.words else 0.0

    def as_json(self) -> dict[str, Any]:
        """The counts plus totals and percentage, for translation-status.json."""
        return {**asdict(self), "messages": self.messages, "words": self.words, "percent": self.percent}


@dataclass
class LanguageStatus:
    """One language's counts, per document and in total."""

    language: Language
    documents: dict[str, Counts] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        """The sum over all documents."""
        total = Counts()
        for counts in self.documents.values():
            total.add(counts)
        return total


@lru_cache(maxsize=65536)
def source_words(msgid: str) -> int:
    """How many words a source message has (markup, targets and URLs not counted)."""
    return len(markup.parse(msgid).words)


def count_entries(entries: Iterable[polib.POEntry]) -> Counts:
    """Count the non-obsolete messages of a catalogue (or of a template: all untranslated)."""
    counts = Counts()
    for entry in entries:
        if entry.obsolete:
            continue
        words = source_words(entry.msgid)
        if entry.fuzzy:
            counts.fuzzy += 1
            counts.fuzzy_words += words
        elif entry.translated():
            counts.translated += 1
            counts.translated_words += words
        else:
            counts.untranslated += 1
            counts.untranslated_words += words
    return counts


def read_catalog(path: Path, *, strict: bool = True) -> polib.POFile:
    """Read a catalogue with polib; errors become :class:`CatalogReadError` with file and line.

    polib reads some broken files without complaint, so ``strict`` first asks msgfmt (when installed).
    """
    if strict and gnu.available():
        syntax = [item for item in gnu.check(path) if item.kind == "SYNTAX"]
        if syntax:
            raise CatalogReadError(f"{shown(path)}:{syntax[0].line}: error: SYNTAX {syntax[0].message}")
    try:
        data = path.read_bytes()
        return polib.pofile(data.decode("utf-8-sig"), wrapwidth=0)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogReadError(f"{shown(path)}:{line}: error: ENCODING not UTF-8; save the file as UTF-8") from None
    except (OSError, ValueError) as error:
        raise CatalogReadError(f"{shown(path)}:1: error: SYNTAX {error}") from None


def count_catalog(path: Path, *, strict: bool = True) -> Counts:
    """Count one catalogue's messages and words; a catalogue that cannot be read raises :class:`CatalogReadError`."""
    return count_entries(read_catalog(path, strict=strict))


def language_status(
    project: Project,
    language: Language,
    *,
    templates: bool = True,
    strict: bool = True,
    count: Callable[[Path], Counts] | None = None,
) -> LanguageStatus:
    """Count one language's catalogues; with ``templates``, documents without a catalogue count as untranslated.

    ``count`` counts one catalogue (default: :func:`count_catalog`); the build passes one that remembers counts.
    """
    status = LanguageStatus(language)
    for catalog in project.catalogs(language.code):
        domain = project.domain_of(language.code, catalog)
        try:
            status.documents[domain] = count(catalog) if count else count_catalog(catalog, strict=strict)
        except CatalogReadError as error:
            status.errors.append(str(error))
    if templates:
        for template in project.templates_list():
            domain = project.domain_of_template(template)
            if domain not in status.documents and not project.catalog(language.code, domain).exists():
                status.documents[domain] = count_entries(polib.pofile(str(template), wrapwidth=0))
    status.documents = dict(sorted(status.documents.items()))
    return status


def as_json(statuses: Iterable[LanguageStatus]) -> dict[str, Any]:
    """The content of ``_build/translation-status.json`` (no timestamps: the same catalogues give the same file)."""
    return {
        "languages": {
            status.language.code: {
                "name": status.language.name,
                "english_name": status.language.english_name,
                "review": status.language.review,
                "total": status.total.as_json(),
                "documents": {domain: counts.as_json() for domain, counts in status.documents.items()},
            }
            for status in statuses
        }
    }


def write_json(path: Path, statuses: Iterable[LanguageStatus], *, known: Iterable[str] | None = None) -> None:
    """Write the status file atomically, keeping the entries of other languages already in it.

    ``make stats LANG=lv`` updates Latvian and leaves the rest; ``known`` (the registry's codes) drops
    languages that no longer exist.
    """
    content = as_json(statuses)
    try:
        previous = json.loads(path.read_text(encoding="utf-8")).get("languages", {})
    except (OSError, ValueError, AttributeError):
        previous = {}
    keep = set(known) if known is not None else set(previous)
    merged = {code: entry for code, entry in previous.items() if code in keep}
    merged.update(content["languages"])
    order = list(known) if known is not None else sorted(merged)
    content["languages"] = {code: merged[code] for code in order if code in merged}
    text = json.dumps(content, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    write_atomically(path, text.encode("utf-8"))


def table(statuses: Iterable[LanguageStatus]) -> str:
    """A plain-text table: per language, a row per document and a total row."""
    header = (
        "document",
        "translated",
        "fuzzy",
        "untranslated",
        "words translated",
        "fuzzy",
        "untranslated",
        "done",
    )
    rows: list[tuple[str, ...]] = []
    for status in statuses:
        language = status.language
        rows.append((f"{language.code} {language.english_name} ({language.review})", *[""] * 7))
        for domain, counts in [*status.documents.items(), ("total", status.total)]:
            rows.append(
                (
                    f"  {domain}",
                    str(counts.translated),
                    str(counts.fuzzy),
                    str(counts.untranslated),
                    str(counts.translated_words),
                    str(counts.fuzzy_words),
                    str(counts.untranslated_words),
                    f"{counts.percent:.1f}%",
                )
            )
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)

"""Termbases: one CSV per language (``locale/<code>/termbase.csv``: term,translation,note), in step with the glossary.

A translation counts as using the approved term when every word of the approved translation appears as the
start of a word in it: the first *n - 2* letters of each word of *n* letters, or the whole word when it has four
letters or fewer. So "upuris" also accepts "upurim" and "upuri"; "Opfer" accepts "Opfern". Alternatives are
separated by ``|`` ("cilvēku tirdzniecība|tirdzniecība ar cilvēkiem").
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from strom.files import write_atomically

if TYPE_CHECKING:
    from pathlib import Path

COLUMNS = ("term", "translation", "note")
_FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\s*\{glossary\}")
_OPTION = re.compile(r"^:[\w-]+:")


class TermbaseError(Exception):
    """A termbase file cannot be read; the message names the file and line."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        """Keep where the problem is."""
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}")


@dataclass(frozen=True)
class Term:
    """One row of a termbase: a glossary term, its approved translation (may be empty) and a note."""

    term: str
    translation: str
    note: str = ""
    line: int = 0

    @property
    def pattern(self) -> re.Pattern[str]:
        """Finds the term in English text: whole words, any case, with an optional plural ``s``/``es``."""
        words = r"\s+".join(re.escape(word) for word in self.term.split())
        return re.compile(rf"(?<!\w){words}(?:e?s)?(?!\w)", re.IGNORECASE)

    @property
    def alternatives(self) -> list[list[str]]:
        """The stems of each approved alternative translation (see the module docstring)."""
        return [
            [stem(word) for word in alternative.casefold().split()]
            for alternative in self.translation.split("|")
            if alternative.strip()
        ]

    def used_in(self, source: str) -> bool:
        """Whether an English text uses this term."""
        return bool(self.pattern.search(source))

    def kept_in(self, translation: str) -> bool:
        """Whether a translation uses one of the approved translations, in any inflected form."""
        folded = translation.casefold()
        return any(
            all(re.search(rf"(?<!\w){re.escape(word)}", folded) for word in alternative)
            for alternative in self.alternatives
        )


def stem(word: str) -> str:
    """The part of a word an inflected form must start with.

    A word of four letters or fewer whole; five or six letters all but the last two; seven or more all but the
    last three, so that Latvian definite adjectives (``vietējais`` → ``vietējo``, ``vietējā``; ``nacionālais`` →
    ``nacionālo``) and consonant changes at the end (``aizbildnis`` → ``aizbildņa``) are accepted.
    """
    if len(word) <= 4:
        return word
    return word[: len(word) - (2 if len(word) <= 6 else 3)]


def read(path: Path) -> list[Term]:
    """Read a termbase; a missing file is an empty termbase; a malformed one raises :class:`TermbaseError`."""
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise TermbaseError(path, line, "not UTF-8 text; save the file as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return []
        if [column.strip().lower() for column in header[:3]] != list(COLUMNS):
            raise TermbaseError(path, 1, f"the first row must be the column names {','.join(COLUMNS)}")
        terms: list[Term] = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(COLUMNS):
                raise TermbaseError(
                    path, reader.line_num, f"{len(row)} columns, expected {len(COLUMNS)}: quote cells that hold commas"
                )
            term, translation, note = (*[cell.strip() for cell in row], "", "")[:3]
            if not term:
                raise TermbaseError(path, reader.line_num, "the term column is empty")
            terms.append(Term(term, translation, note, reader.line_num))
    except csv.Error as error:
        raise TermbaseError(path, reader.line_num, f"malformed CSV: {error}") from None
    return terms


def render(terms: list[Term]) -> bytes:
    """Write terms as the termbase file: UTF-8, a header row, ``\\n`` line ends, quotes only where needed."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for term in terms:
        writer.writerow((term.term, term.translation, term.note))
    return stream.getvalue().encode("utf-8")


def glossary_terms(docs: Path) -> list[str]:
    """Every term of every ``{glossary}`` directive in the MyST sources, in document order, without duplicates."""
    terms: list[str] = []
    for source in sorted(docs.rglob("*.md")):
        if any(part.startswith(("_", ".")) for part in source.relative_to(docs).parts):
            continue
        fence: str | None = None
        for line in source.read_text(encoding="utf-8").splitlines():
            if fence is None:
                opening = _FENCE_OPEN.match(line)
                fence = opening["fence"] if opening else None
                continue
            if line.startswith(fence[0] * len(fence)) and not line.strip(fence[0]).strip():
                fence = None
            elif line.strip() and not line[0].isspace() and not _OPTION.match(line):
                term = line.split(" : ")[0].strip()  # drop a classifier, "term : classifier"
                if term.casefold() not in {known.casefold() for known in terms}:
                    terms.append(term)
    return terms


def sync(path: Path, glossary: list[str]) -> tuple[int, int]:
    """Give every glossary term a row (in glossary order), keeping existing translations; write only on change.

    Rows for terms no longer in the glossary are kept at the end (a translator's work is never dropped).
    Return (terms added, rows kept that the glossary no longer has).
    """
    existing = read(path)
    by_term = {term.term.casefold(): term for term in existing}
    rows = [by_term.get(term.casefold(), Term(term, "")) for term in glossary]
    in_glossary = {term.casefold() for term in glossary}
    leftovers = [term for term in existing if term.term.casefold() not in in_glossary]
    content = render(rows + leftovers)
    if not path.is_file() or path.read_bytes() != content:
        write_atomically(path, content)
    return sum(term.casefold() not in by_term for term in glossary), len(leftovers)

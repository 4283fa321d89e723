"""``make fuzzy``: each fuzzy message with a word-level diff of its old and new source and the current translation."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from strom.paths import shown

if TYPE_CHECKING:
    from pathlib import Path

    import polib

_TOKENS = re.compile(r"\w+|\s+|[^\w\s]+")


def word_diff(old: str, new: str) -> str:
    """A word diff like ``git diff --word-diff=plain``: ``[-removed-]{+added+}``."""
    before = _TOKENS.findall(old)
    after = _TOKENS.findall(new)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, start1, end1, start2, end2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append("".join(before[start1:end1]))
            continue
        if end1 > start1:
            parts.append(f"[-{''.join(before[start1:end1])}-]")
        if end2 > start2:
            parts.append(f"{{+{''.join(after[start2:end2])}+}}")
    return "".join(parts)


def flag_line(text: list[str], entry: polib.POEntry) -> int:
    """The line of an entry's ``#, fuzzy`` flag: where the reviewer removes it once the translation is right."""
    start = max(int(entry.linenum or 1), 1)
    for number in range(start, len(text) + 1):
        if text[number - 1].startswith("#,"):
            return number
        if text[number - 1].startswith(("msgid", "msgctxt")):
            break
    return start


def describe(path: Path, entry: polib.POEntry, text: list[str]) -> str:
    """One fuzzy message as the review aid prints it: place (its fuzzy flag), source diff, translation."""
    lines = [f"{shown(path)}:{flag_line(text, entry)}: fuzzy"]
    if entry.previous_msgid is not None:
        lines.append(f"  source:      {word_diff(entry.previous_msgid, entry.msgid)}")
    else:
        lines.append(f"  source:      {entry.msgid}")
        lines.append("               (no previous source recorded: compare with the English text)")
    if entry.msgid_plural:
        for index, form in sorted(entry.msgstr_plural.items()):
            lines.append(f"  translation[{index}]: {form}")
    else:
        lines.append(f"  translation: {entry.msgstr}")
    return "\n".join(lines)

"""Helpers for the catalogue tests: catalogues with correct headers for the test languages."""

from __future__ import annotations

from pathlib import Path

import polib

from strom.catalog import gnu

#: Fixtures of the catalogue tests: a tiny project, a stand-in package, test roots.
DATA = Path(__file__).parent / "data"

HEADERS = {
    "lv": "nplurals=3; plural=(n % 10 == 0 || n % 100 >= 11 && n % 100 <= 19 ? 0 : "
    "n % 10 == 1 && n % 100 != 11 ? 1 : 2);",
    "de": "nplurals=2; plural=(n != 1);",
    "fi": "nplurals=2; plural=(n != 1);",
    "pl": "nplurals=3; plural=n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;",
    "ru": "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
    "(n % 100 < 12 || n % 100 > 14) ? 1 : 2;",
}


def write_catalog(path: Path, code: str, entries: list[polib.POEntry], *, canonical: bool = True) -> Path:
    """Write a catalogue with a correct header for ``code``; in the canonical format unless told otherwise."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {
        "Project-Id-Version": "Recognise, refer, support 0.1.0",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2025-01-01 00:00+0000",
        "PO-Revision-Date": "2025-01-02 00:00+0000",
        "Last-Translator": "",
        "Language-Team": code,
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": HEADERS[code],
    }
    for entry in entries:
        catalog.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(path))
    if canonical:
        path.write_bytes(gnu.canonical(path))
    return path

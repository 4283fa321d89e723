"""The language registry: one TOML file (``locale/languages.toml``) that lists every language of the publication."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

from strom import paths

ReviewStatus = Literal["source", "draft", "reviewed"]
_REVIEW_STATES: tuple[str, ...] = ("source", "draft", "reviewed")


class RegistryError(Exception):
    """The registry file is missing or invalid; the message names the file and what to fix."""


class UnknownLanguageError(RegistryError):
    """A language code that the registry does not list."""


@dataclass(frozen=True)
class Language:
    """One language of the publication, as the registry describes it."""

    code: str
    name: str
    english_name: str
    sphinx: str
    search: str
    hyphenation: str
    pdf: str
    order: int
    review: ReviewStatus
    source: bool = False
    #: The letters in dictionary order (for sorting the glossary); empty: sort by code point.
    alphabet: str = ""
    #: How the language writes a percentage, as a CLDR number pattern (``#,##0\u00a0%``), where its norm differs
    #: from CLDR's data; empty: CLDR's pattern for ``sphinx`` (see :func:`format_percent`).
    percent: str = ""

    @property
    def pdf_filename(self) -> str:
        """The PDF's file name, e.g. ``trafficking-guidelines-lv.pdf``."""
        return f"{self.pdf}-{self.code}.pdf"


_REQUIRED = tuple(f.name for f in fields(Language) if f.name not in ("source", "alphabet", "percent"))


@dataclass(frozen=True)
class Registry:
    """All languages, in display order; the source language first."""

    languages: tuple[Language, ...]
    path: Path

    @property
    def codes(self) -> tuple[str, ...]:
        """Every language code, in display order."""
        return tuple(language.code for language in self.languages)

    @property
    def source(self) -> Language:
        """The source language (English)."""
        return next(language for language in self.languages if language.source)

    @property
    def targets(self) -> tuple[Language, ...]:
        """The languages translated from the source."""
        return tuple(language for language in self.languages if not language.source)

    def get(self, code: str) -> Language:
        """Return the language with ``code``, or raise :class:`UnknownLanguageError` listing the known codes."""
        for language in self.languages:
            if language.code == code:
                return language
        raise UnknownLanguageError(
            f"unknown language {code!r}; known languages: {' '.join(self.codes)} (see {self.path})"
        )

    def select(self, codes: str | None) -> tuple[Language, ...]:
        """Return the languages named in a comma- or space-separated list, or all of them for ``None``/empty."""
        if not codes or not codes.strip():
            return self.languages
        wanted = codes.replace(",", " ").split()
        return tuple(self.get(code) for code in wanted)


def format_percent(percent: float, language: Language | str) -> str:
    """Return ``percent`` (0 to 100) as ``language`` writes it: "76 %" (no-break space) in Latvian, "76%" in English.

    A registry language's own ``percent`` pattern comes first; else CLDR's (Babel's) for its code, or for a code
    given as a string, or English's for a code CLDR does not know.
    """
    from babel.core import Locale, UnknownLocaleError
    from babel.numbers import format_percent as cldr_format_percent

    pattern = language.percent if isinstance(language, Language) else ""
    code = language.sphinx if isinstance(language, Language) else language
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return str(cldr_format_percent(percent / 100, format=pattern or None, locale=locale))


def _parse_language(raw: object, path: Path, index: int) -> Language:
    """Check one ``[[language]]`` table and build a :class:`Language` from it."""
    where = f"{path}: [[language]] #{index + 1}"
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: expected a table")
    missing = [name for name in _REQUIRED if name not in raw]
    if missing:
        raise RegistryError(f"{where}: missing field(s) {', '.join(missing)}")
    unknown = sorted(set(raw) - {f.name for f in fields(Language)})
    if unknown:
        raise RegistryError(f"{where} ({raw.get('code')}): unknown field(s) {', '.join(unknown)}")
    for name in _REQUIRED:
        expected = int if name == "order" else str
        if not isinstance(raw[name], expected) or isinstance(raw[name], bool):
            raise RegistryError(f"{where} ({raw.get('code')}): field {name!r} must be a {expected.__name__}")
    if not isinstance(raw.get("alphabet", ""), str):
        raise RegistryError(f"{where} ({raw['code']}): field 'alphabet' must be a string of letters")
    percent = raw.get("percent", "")
    if not isinstance(percent, str) or (percent and not ("0" in percent and "%" in percent)):
        raise RegistryError(
            f"{where} ({raw['code']}): field 'percent' must be a CLDR number pattern with 0 and %, "
            f'e.g. "#,##0\\u00a0%" (a no-break space before the sign)'
        )
    if not isinstance(raw.get("source", False), bool):
        raise RegistryError(f"{where} ({raw['code']}): field 'source' must be true or false")
    if raw["review"] not in _REVIEW_STATES:
        raise RegistryError(
            f"{where} ({raw['code']}): review must be one of {', '.join(_REVIEW_STATES)}, not {raw['review']!r}"
        )
    return Language(**raw)


def load(path: Path | None = None) -> Registry:
    """Read and validate the registry; raise :class:`RegistryError` with file and field on any problem.

    Extensions ask for it on every page: the parsed registry is kept until the file changes.
    """
    path = path or paths.REGISTRY
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    return _load(path, stamp)


@functools.lru_cache(maxsize=8)
def _load(path: Path, stamp: int | None) -> Registry:
    """Parse the registry at ``path`` (``stamp``, its modification time, keys the cache)."""
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except FileNotFoundError:
        raise RegistryError(f"{path}: language registry not found") from None
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(f"{path}: {error}") from None
    raw_languages = data.get("language")
    if not isinstance(raw_languages, list) or not raw_languages:
        raise RegistryError(f"{path}: expected one or more [[language]] tables")
    languages = [_parse_language(raw, path, index) for index, raw in enumerate(raw_languages)]
    codes = [language.code for language in languages]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise RegistryError(f"{path}: language code(s) listed twice: {', '.join(duplicates)}")
    sources = [language.code for language in languages if language.source]
    if len(sources) != 1:
        raise RegistryError(f"{path}: exactly one language must have source = true, found {len(sources)}")
    languages.sort(key=lambda language: (language.order, language.code))
    return Registry(languages=tuple(languages), path=path)

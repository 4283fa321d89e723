"""The catalogue QA linter behind ``make check-po``: one problem per line, ``path:line: error|warning: CODE message``.

Checks run in layers: bytes (encoding, BOM, line ends), GNU ``msgfmt --check-format --check-header`` (syntax,
placeholders), the canonical ``msgcat`` format, the header (charset, Language, Plural-Forms), then every translated
message against its msgid (MyST-aware, see :mod:`strom.catalog.markup`). Fuzzy messages are counted, not checked: they
are not used in the build. A translator silences one check on one message with a comment and a reason::

    # qa: ignore NUMBER the Latvian date format writes the month as a number

(translator comments, ``#``, survive ``make update-po``; extracted comments, ``#.``, are rewritten by it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import polib
from babel.core import UnknownLocaleError
from babel.messages.plurals import get_plural

from strom.catalog import gnu, markup
from strom.catalog.termbase import Term, TermbaseError, read
from strom.paths import shown
from strom.registry import format_percent

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from strom.catalog.project import Project
    from strom.registry import Language

Severity = Literal["error", "warning"]

#: Every check, by code: what it protects. Codes are what ``qa: ignore`` names (in any case).
CODES: dict[str, str] = {
    "ENCODING": "the file is UTF-8 without a byte-order mark, with LF line ends",
    "SYNTAX": "msgfmt can read the file",
    "PLACEHOLDER": "format placeholders (%s, %(name)s, {name}) match the source (msgfmt --check-format)",
    "FORMAT": "the file is in the canonical format (what msgcat writes)",
    "HEADER": "the header declares charset UTF-8, the Language and the right Plural-Forms",
    "PLURAL": "plural messages have as many forms as Plural-Forms says (msgfmt)",
    "ROLE": "roles ({ref}, {term}, {doc}, {numref}, ...) and their targets are kept ({lang-en} may be added)",
    "CODE": "inline code is unchanged",
    "LINK": "link URLs and targets are unchanged",
    "FOOTNOTE": "footnote references [^x] are kept",
    "SUBSTITUTION": "substitutions {{ name }} are kept",
    "MARKUP": "emphasis markers and backticks are balanced; roles are written {role}`...`",
    "HTML": "no raw HTML that the source does not have",
    "BLOCK": "a translation does not start like a Markdown list, heading or quote when its source does not",
    "NUMBER": "numbers, article numbers, phone numbers and dates are the source's",
    "PERCENT": "a percentage is written as the language writes it: Latvian '15 %' (no-break space), English '15%'",
    "WHITESPACE": "leading and trailing spaces and newlines are the source's",
    "IDENTICAL": "a long message was translated (not copied)",
    "TERM": "the approved translation of a glossary term is used (termbase.csv)",
    "SUPPRESSION": "a 'qa: ignore' comment names a known check and gives a reason",
    "TERMBASE": "the termbase file can be read",
    "LANGUAGE": "catalogues exist only for languages in the registry",
}

IDENTICAL_MIN_WORDS = 4
_SUPPRESSION = re.compile(r"^\s*qa:\s*ignore\s+(?P<code>[A-Za-z-]+)\s*(?P<reason>.*)$", re.IGNORECASE)
_PLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


@dataclass(frozen=True)
class Finding:
    """A problem with one message, before it is placed in a file."""

    severity: Severity
    code: str
    message: str


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at a place in a file."""

    path: Path
    line: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        """``path:line: severity: CODE message``: the format editors and CI annotators read."""
        return f"{shown(self.path)}:{self.line}: {self.severity}: {self.code} {self.message}"


@dataclass
class CatalogReport:
    """The outcome of checking one catalogue."""

    problems: list[Problem] = field(default_factory=list)
    fuzzy: int = 0
    checked: int = 0

    @property
    def errors(self) -> int:
        """How many problems are errors."""
        return sum(problem.severity == "error" for problem in self.problems)


def _listing(items: Iterable[str]) -> str:
    """Items for a message: quoted, comma-separated, in a stable order."""
    return ", ".join(f"'{item}'" for item in sorted(items))


def _whitespace(text: str) -> str:
    """Describe whitespace for a message: 'nothing', 'a newline', '2 spaces'..."""
    if not text:
        return "nothing"
    names = {" ": "space", "\n": "newline", "\t": "tab", "\u00a0": "no-break space"}
    counted = Counter(text)
    return " and ".join(
        f"{count} {names.get(char, repr(char))}{'s' if count > 1 else ''}" for char, count in counted.items()
    )


def _check_whitespace(msgid: str, msgstr: str) -> list[Finding]:
    """Leading and trailing whitespace (including newlines) must match the source's."""
    findings = []
    edges = (
        ("starts", msgid[: len(msgid) - len(msgid.lstrip())], msgstr[: len(msgstr) - len(msgstr.lstrip())]),
        ("ends", msgid[len(msgid.rstrip()) :], msgstr[len(msgstr.rstrip()) :]),
    )
    for where, source_space, target_space in edges:
        if source_space != target_space:
            findings.append(
                Finding(
                    "error",
                    "WHITESPACE",
                    f"the translation {where} with {_whitespace(target_space)}, the source with "
                    f"{_whitespace(source_space)}",
                )
            )
    return findings


def _check_roles(source: markup.Markup, target: markup.Markup) -> list[Finding]:
    """Roles and their targets must be kept (in any order; display text may change)."""
    findings = []
    source_keys = Counter(role.key for role in source.roles)
    target_keys = Counter(role.key for role in target.roles)
    missing = list((source_keys - target_keys).elements())
    extra = list((target_keys - source_keys).elements())
    by_key = {role.key: role for role in [*source.roles, *target.roles]}
    for key in list(missing):
        name = key[0]
        changed = next((other for other in extra if other[0] == name), None)
        if changed is not None and by_key[key].kind == "reference":
            missing.remove(key)
            extra.remove(changed)
            findings.append(
                Finding(
                    "error",
                    "ROLE",
                    f"{{{name}}} target changed from '{by_key[key].target}' to '{by_key[changed].target}'; keep "
                    f"the target, translate only the display text: {{{name}}}`translated text <{by_key[key].target}>`",
                )
            )
    for key in missing:
        role = by_key[key]
        hint = (
            f" (the display text may be translated: {{{role.name}}}`… <{role.target}>`)"
            if role.kind == "reference"
            else ""
        )
        findings.append(Finding("error", "ROLE", f"{role} of the source is missing from the translation{hint}"))
    findings.extend(
        Finding("error", "ROLE", f"{by_key[key]} is not in the source; roles and targets must match the source")
        for key in extra
        # A translation may mark words it keeps in another language: {lang-en}`Strengthening the role…`.
        if not key[0].startswith(markup.LANGUAGE_ROLE_PREFIX)
    )
    return findings


def _check_same(code: str, what: str, source: list[str], target: list[str], show: str = "'{}'") -> list[Finding]:
    """Things that must occur in the translation exactly as in the source (any order)."""
    source_count, target_count = Counter(source), Counter(target)
    missing = sorted((source_count - target_count).elements())
    extra = sorted((target_count - source_count).elements())
    findings = []
    if missing:
        items = ", ".join(show.format(item) for item in missing)
        findings.append(Finding("error", code, f"{what} {items} of the source missing or changed in the translation"))
    if extra:
        items = ", ".join(show.format(item) for item in extra)
        findings.append(Finding("error", code, f"{what} {items} not in the source"))
    return findings


def _check_markup(source: markup.Markup, target: markup.Markup) -> list[Finding]:
    """Emphasis and backticks must be balanced wherever the source's are; roles must be written correctly."""
    findings = [
        Finding("error", "MARKUP", f"unbalanced emphasis: '{delimiter}' occurs an odd number of times")
        for delimiter in sorted(target.unbalanced_emphasis - source.unbalanced_emphasis)
    ]
    if target.unmatched_backticks > source.unmatched_backticks:
        findings.append(Finding("error", "MARKUP", "unbalanced backtick: a ` has no partner of the same length"))
    findings.extend(
        Finding("error", "MARKUP", f"role {name} must be followed directly by backticks: {name}`…` (no space)")
        for name in sorted(set(target.broken_roles) - set(source.broken_roles))
    )
    return findings


def _check_numbers(source: markup.Markup, target: markup.Markup) -> list[Finding]:
    """Numbers must be the source's (as a set: grammar may repeat or merge them)."""
    missing = source.numbers - target.numbers
    extra = target.numbers - source.numbers
    if not missing and not extra:
        return []
    parts = []
    if missing:
        parts.append(f"{_listing(missing)} of the source missing")
    if extra:
        parts.append(f"{_listing(extra)} not in the source")
    return [Finding("error", "NUMBER", "numbers differ: " + "; ".join(parts))]


def _check_terms(source: markup.Markup, target: markup.Markup, terms: Iterable[Term]) -> list[Finding]:
    """Glossary terms in the source should appear with their approved translation."""
    return [
        Finding(
            "warning",
            "TERM",
            f"the source uses the glossary term '{term.term}'; the approved translation "
            f"'{term.translation}' is not in the translation",
        )
        for term in terms
        if term.translation and term.used_in(source.text) and not term.kept_in(target.text)
    ]


#: What makes Markdown read the start of a message as a block of another kind (list, heading, quote).
_BLOCK_START = re.compile(r"^[ ]{0,3}(?:(?P<ordinal>\d{1,9})(?P<dot>[.)])|[-+*]|#{1,6}|>)(?:[ \t]|$)")


def _check_block_start(msgid: str, msgstr: str) -> list[Finding]:
    """A message that starts like a list item, heading or quote when its source does not is silently dropped.

    Sphinx parses each translation and keeps it only if it is still a paragraph or title; "10. pants" (a
    Latvian article number) parses as a numbered list, and the English text is shown instead.
    """
    match = _BLOCK_START.match(msgstr)
    if match is None or _BLOCK_START.match(msgid):
        return []
    if match["ordinal"]:
        hint = f"write {match['ordinal']}\\{match['dot']} to keep it text"
        what = f"'{match['ordinal']}{match['dot']}' as a numbered list"
    else:
        hint = "put a backslash before it, or reword"
        what = f"'{match.group(0).strip()}' as a list, heading or quote"
    return [Finding("error", "BLOCK", f"Markdown reads the start {what}, so the translation is not used; {hint}")]


#: A number and the per cent sign after it, and what stands between them; not a placeholder (``%(name)s``, ``%s``)
#: nor a URL escape (``%20``).
_PERCENTAGE = re.compile(r"(?P<number>\d+)(?P<space>[^\S\n]?)%(?![\w(%])")
_CODE_SPAN = re.compile(r"(`+).*?\1", re.DOTALL)
_SPACE_NAMES = {
    "": "no space",
    " ": "a space",
    "\u00a0": "a no-break space (U+00A0)",
    "\u202f": "a narrow no-break space",
}


def check_percent(msgstr: str, language: Language) -> list[Finding]:
    """Percentages must be written as the language writes them: "15 %" in Latvian (no-break space), "15%" in English.

    A breakable space lets "15" end one line and "%" begin the next; the registry's ``percent`` (else CLDR's data)
    says what goes between number and sign.
    """
    sample = format_percent(5, language)
    if not (sample.startswith("5") and sample.endswith("%")):
        return []  # a language that writes the sign first: not checked
    expected = sample[1:-1]
    return [
        Finding(
            "warning",
            "PERCENT",
            f"'{match.group(0)}': {language.english_name} writes {_SPACE_NAMES.get(expected, repr(expected))} "
            f"between a number and %, here is {_SPACE_NAMES.get(match['space'], repr(match['space']))}",
        )
        for match in _PERCENTAGE.finditer(_CODE_SPAN.sub("", msgstr))
        if match["space"] != expected
    ]


def check_message(msgid: str, msgstr: str, terms: Iterable[Term] = (), *, plural: bool = False) -> list[Finding]:
    """Compare one translation with its source; return the problems found (never raises on any text)."""
    source = markup.parse(msgid)
    target = markup.parse(msgstr)
    findings = _check_whitespace(msgid, msgstr)
    findings += _check_block_start(msgid, msgstr)
    findings += _check_roles(source, target)
    findings += _check_same("CODE", "inline code", source.code, target.code, "`{}`")
    findings += _check_same("LINK", "link target", source.links, target.links)
    findings += _check_same("FOOTNOTE", "footnote reference", source.footnotes, target.footnotes, "[^{}]")
    findings += _check_same("SUBSTITUTION", "substitution", source.substitutions, target.substitutions, "{{{{ {} }}}}")
    findings += [
        Finding("error", "HTML", f"raw HTML {tag} is not in the source; translations may not add HTML")
        for tag in sorted((Counter(target.html) - Counter(source.html)).elements())
    ]
    findings += _check_markup(source, target)
    findings += _check_numbers(source, target)
    if not plural and msgstr == msgid and len([w for w in source.words if not w.isdigit()]) >= IDENTICAL_MIN_WORDS:
        findings.append(Finding("warning", "IDENTICAL", "the translation is the same as the source; translate it"))
    findings += _check_terms(source, target, terms)
    return findings


def suppressions(entry: polib.POEntry) -> tuple[dict[str, str], list[Finding]]:
    """The checks an entry's ``qa: ignore CODE reason`` comments silence, and problems with those comments."""
    silenced: dict[str, str] = {}
    findings: list[Finding] = []
    for line in f"{entry.comment}\n{entry.tcomment}".splitlines():
        match = _SUPPRESSION.match(line)
        if not match:
            continue
        code, reason = match["code"].upper(), match["reason"].strip()
        if code not in CODES:
            findings.append(
                Finding(
                    "warning", "SUPPRESSION", f"'qa: ignore {match['code']}': no such check; known: {' '.join(CODES)}"
                )
            )
            continue
        if not reason:
            findings.append(Finding("warning", "SUPPRESSION", f"'qa: ignore {code}' needs a reason after the code"))
        silenced[code] = reason
    return silenced, findings


def expected_plurals(language: Language) -> tuple[int, str] | None:
    """The number of plural forms gettext uses for a language (CLDR, through Babel), with Babel's Plural-Forms."""
    try:
        plural = get_plural(language.sphinx)
    except (UnknownLocaleError, ValueError):
        return None
    return (plural.num_plurals, plural.plural_forms)


def _header_line(lines: list[str], name: str) -> int:
    """The line of a header field (or of the header's msgid) in the file."""
    for number, line in enumerate(lines, 1):
        if line.startswith(f'"{name}:'):
            return number
    for number, line in enumerate(lines, 1):
        if line.startswith('msgid ""'):
            return number
    return 1


def check_header(catalog: polib.POFile, language: Language, lines: list[str], path: Path) -> list[Problem]:
    """Charset UTF-8, a Language that matches the folder, and Plural-Forms with the language's plural count."""
    problems = []
    metadata = catalog.metadata
    content_type = metadata.get("Content-Type", "")
    charset = re.search(r"charset=([^\s;]+)", content_type)
    if not charset or charset.group(1).lower().replace("-", "") != "utf8":
        problems.append(
            Problem(
                path,
                _header_line(lines, "Content-Type"),
                "error",
                "HEADER",
                f"charset is {charset.group(1) if charset else 'missing'}; write "
                '"Content-Type: text/plain; charset=UTF-8\\n" and save the file as UTF-8',
            )
        )
    declared = metadata.get("Language", "").strip()
    if not declared:
        problems.append(
            Problem(
                path,
                _header_line(lines, "Language"),
                "error",
                "HEADER",
                f'no Language; add "Language: {language.sphinx}\\n"',
            )
        )
    elif re.split(r"[-_@]", declared)[0].lower() != re.split(r"[-_@]", language.sphinx)[0].lower():
        problems.append(
            Problem(
                path,
                _header_line(lines, "Language"),
                "error",
                "HEADER",
                f"Language is '{declared}' but the file is in the folder of "
                f"'{language.code}' ({language.english_name})",
            )
        )
    expected = expected_plurals(language)
    plural_forms = metadata.get("Plural-Forms", "")
    found = _PLURALS.search(plural_forms)
    if expected is not None and (not found or int(found.group(1)) != expected[0]):
        state = f"has nplurals={found.group(1)}" if found else "is missing"
        problems.append(
            Problem(
                path,
                _header_line(lines, "Plural-Forms"),
                "error",
                "HEADER",
                f"Plural-Forms {state}; {language.english_name} has {expected[0]} plural forms: "
                f'"Plural-Forms: {expected[1]}\\n"',
            )
        )
    return problems


def _msgstr_line(lines: list[str], entry: polib.POEntry) -> int:
    """The line of an entry's (first) msgstr, where an editor should put the cursor."""
    start = max(int(getattr(entry, "linenum", 1) or 1), 1)
    for number in range(start, len(lines) + 1):
        if lines[number - 1].startswith("msgstr"):
            return number
    return start


def _first_difference(actual: bytes, expected: bytes) -> tuple[int, str]:
    """The first line where a file differs from its canonical form, and what that line should be."""
    actual_lines = actual.split(b"\n")
    expected_lines = expected.split(b"\n")
    for number, theirs in enumerate(expected_lines, 1):
        if number > len(actual_lines) or actual_lines[number - 1] != theirs:
            return number, theirs.decode("utf-8", "replace")
    return len(expected_lines) + 1, "(end of file)"


def _check_bytes(path: Path, data: bytes, report: CatalogReport) -> bool:
    """BOM, UTF-8 and line ends; return False when the file cannot be checked further."""
    if data.startswith(b"\xef\xbb\xbf"):
        report.problems.append(
            Problem(
                path,
                1,
                "error",
                "ENCODING",
                "the file starts with a byte-order mark (BOM); save as UTF-8 without BOM or run make format-po",
            )
        )
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        report.problems.append(
            Problem(path, line, "error", "ENCODING", "bytes that are not UTF-8; save the file as UTF-8 (charset=UTF-8)")
        )
        return False
    if b"\r" in data:
        line = data[: data.index(b"\r")].count(b"\n") + 1
        report.problems.append(
            Problem(
                path,
                line,
                "error",
                "ENCODING",
                "Windows (CRLF) line ends; save with Unix (LF) line ends or run make format-po",
            )
        )
    return True


def _check_tools(path: Path, data: bytes, report: CatalogReport) -> bool:
    """msgfmt's syntax, header and placeholder checks, then the canonical format; False when unreadable."""
    readable = True
    for diagnostic in gnu.check(path):
        report.problems.append(Problem(path, diagnostic.line, diagnostic.severity, diagnostic.kind, diagnostic.message))
        readable = readable and diagnostic.kind != "SYNTAX"
    if not readable:
        return False
    canonical = gnu.canonical(path)
    if canonical != data and b"\r" not in data:
        line, expected = _first_difference(data, canonical)
        report.problems.append(
            Problem(
                path,
                line,
                "error",
                "FORMAT",
                f"not in the canonical format (msgcat writes this line as: {expected}); run make format-po",
            )
        )
    return True


def check_catalog(path: Path, language: Language, terms: Iterable[Term] = ()) -> CatalogReport:
    """Check one catalogue file: bytes, syntax, format, header, then every translated message."""
    report = CatalogReport()
    data = path.read_bytes()
    if not _check_bytes(path, data, report):
        return report
    try:
        if not _check_tools(path, data, report):
            return report
    except gnu.CatalogSyntaxError as error:
        report.problems += [Problem(path, item.line, "error", "SYNTAX", item.message) for item in error.diagnostics]
        return report
    text = data.decode("utf-8")
    lines = text.splitlines()
    try:
        catalog = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as error:  # polib reports syntax errors as OSError with the line in the message
        found = re.search(r"line (\d+)", str(error))
        report.problems.append(Problem(path, int(found.group(1)) if found else 1, "error", "SYNTAX", str(error)))
        return report
    report.problems += check_header(catalog, language, lines, path)
    terms = list(terms)
    for entry in catalog:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            report.fuzzy += 1
            continue
        if not entry.translated():
            continue
        report.checked += 1
        silenced, findings = suppressions(entry)
        if entry.msgid_plural:
            findings += [
                finding
                for form in entry.msgstr_plural.values()
                if form
                for finding in check_message(entry.msgid_plural, form, terms, plural=True)
            ]
        else:
            findings += check_message(entry.msgid, entry.msgstr, terms)
        for form in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            findings += check_percent(form, language)
        line = _msgstr_line(lines, entry)
        report.problems += [
            Problem(path, line, finding.severity, finding.code, finding.message)
            for finding in dict.fromkeys(findings)
            if finding.code not in silenced
        ]
    return report


def check_language(
    project: Project, language: Language, only: Iterable[Path] | None = None
) -> tuple[list[Problem], int]:
    """Check every catalogue of a language (or those in ``only``); return the problems and the fuzzy count."""
    problems: list[Problem] = []
    try:
        terms = read(project.termbase(language.code))
    except TermbaseError as error:
        problems.append(Problem(error.path, error.line, "error", "TERMBASE", error.message))
        terms = []
    fuzzy = 0
    chosen = None if only is None else {path.resolve() for path in only}
    for catalog in project.catalogs(language.code):
        if chosen is not None and catalog.resolve() not in chosen:
            continue
        report = check_catalog(catalog, language, terms)
        problems += report.problems
        fuzzy += report.fuzzy
    return problems, fuzzy


def unknown_languages(project: Project, known: Iterable[str]) -> list[Problem]:
    """Catalogues under ``locale/<code>/`` for a code the registry does not list."""
    known = set(known)
    problems = []
    for folder in sorted(project.locale.iterdir()) if project.locale.is_dir() else []:
        if folder.is_dir() and folder.name not in known and (folder / "LC_MESSAGES").is_dir():
            problems += [
                Problem(
                    catalog,
                    1,
                    "error",
                    "LANGUAGE",
                    f"'{folder.name}' is not a language of locale/languages.toml; add it there or remove the folder",
                )
                for catalog in sorted((folder / "LC_MESSAGES").rglob("*.po"))
            ]
    return problems

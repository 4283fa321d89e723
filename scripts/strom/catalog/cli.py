"""The catalogue commands behind ``make gettext``, ``update-po``, ``format-po``, ``check-po``, ``stats`` and ``fuzzy``.

Each ``main_<command>(argv)`` parses its own options and returns the exit status: 0 done, 1 problems found (a
corrupt catalogue, QA errors, warnings in the sources), 2 the command could not run (unknown language, a missing
tool). A corrupt catalogue never stops a command: it is reported at file:line and the others are still processed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from strom import registry
from strom.catalog import extract, fuzzy, gnu, qa, stats, termbase
from strom.catalog.project import Project
from strom.catalog.stats import CatalogReadError, read_catalog
from strom.catalog.update import format_catalog, merge, stale_catalogs
from strom.paths import shown

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from strom.registry import Language

USAGE_ERROR = 2


def _parser(command: str, description: str, *, languages: bool = True) -> argparse.ArgumentParser:
    """An argument parser with the options every catalogue command shares."""
    parser = argparse.ArgumentParser(prog=f"python -m strom {command}", description=description)
    if languages:
        parser.add_argument(
            "--lang",
            nargs="+",
            action="extend",
            default=[],
            metavar="CODE",
            help="language code(s), e.g. --lang lv de (default: every target language of locale/languages.toml)",
        )
    parser.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)
    return parser


def _project(arguments: argparse.Namespace) -> Project:
    """The project the command works on (``--root`` exists for tests and tools)."""
    return Project(arguments.root.resolve()) if arguments.root else Project.default()


def _languages(project: Project, codes: Sequence[str]) -> tuple[Language, ...]:
    """The target languages named (comma- or space-separated; empty or ``all`` means all of them)."""
    languages = registry.load(project.registry)
    wanted = " ".join(codes).replace(",", " ").split()
    if not wanted or wanted == ["all"]:
        return languages.targets
    selected = tuple(languages.get(code) for code in wanted)
    for language in selected:
        if language.source:
            raise registry.RegistryError(
                f"{language.code} is the source language; it has no catalogues (target languages: "
                f"{' '.join(target.code for target in languages.targets)})"
            )
    return selected


def _add_files(parser: argparse.ArgumentParser) -> None:
    """Let a command take catalogue paths (as pre-commit passes them) instead of ``--lang``."""
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="catalogue(s) locale/<lang>/LC_MESSAGES/*.po to work on (default: all of the languages chosen)",
    )


def _files_by_language(project: Project, files: Sequence[Path]) -> dict[str, list[Path]]:
    """Group catalogue paths by their language folder; raise RegistryError for a path outside ``locale/<lang>/``."""
    grouped: dict[str, list[Path]] = {}
    for file in files:
        try:
            code = file.resolve().relative_to(project.locale.resolve()).parts[0]
        except (ValueError, IndexError):
            raise registry.RegistryError(f"{file}: not a catalogue under {shown(project.locale)}/<lang>/") from None
        registry.load(project.registry).get(code)
        grouped.setdefault(code, []).append(file)
    return grouped


def _run(
    argv: Sequence[str] | None,
    parser: argparse.ArgumentParser,
    body: Callable[[argparse.Namespace, Project, tuple[Language, ...]], int],
) -> int:
    """Parse, resolve languages and run ``body``; turn user and environment errors into a message and status 2."""
    arguments = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    project = _project(arguments)
    try:
        languages = _languages(project, getattr(arguments, "lang", []))
        return body(arguments, project, languages)
    except registry.RegistryError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except gnu.GettextMissingError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR


def _syntax_problems(error: gnu.CatalogSyntaxError) -> list[str]:
    """A corrupt catalogue's diagnostics in the QA format."""
    return [
        f"{shown(error.path)}:{item.line}: {item.severity}: SYNTAX {item.message}" for item in error.diagnostics
    ] or [f"{shown(error.path)}:1: error: SYNTAX cannot read the catalogue"]


# --- make gettext -------------------------------------------------------------------------------------------------


def main_gettext(argv: Sequence[str] | None = None) -> int:
    """Extract the document templates and the interface template into ``_build/gettext``."""
    parser = _parser("gettext", "Extract messages from docs/ and the interface into _build/gettext.", languages=False)
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")

    def body(arguments: argparse.Namespace, project: Project, _languages: tuple[Language, ...]) -> int:
        return extract.extract_all(project, quiet=arguments.quiet)

    return _run(argv, parser, body)


# --- make update-po -----------------------------------------------------------------------------------------------


def _update_language(project: Project, language: Language, glossary: list[str]) -> tuple[bool, str]:
    """Merge every template into one language; return (all went well, summary line)."""
    ok = True
    try:
        added_terms, _leftover = termbase.sync(project.termbase(language.code), glossary)
        if added_terms:
            print(f"{shown(project.termbase(language.code))}: {added_terms} new glossary term(s) to translate")
    except termbase.TermbaseError as error:
        print(f"{shown(error.path)}:{error.line}: error: TERMBASE {error.message}")
        ok = False
    totals = {"created": 0, "added": 0, "changed": 0, "removed": 0, "written": 0}
    templates = project.templates_list()
    for template in templates:
        catalog = project.catalog(language.code, project.domain_of_template(template))
        try:
            result = merge(template, catalog, language)
        except gnu.CatalogSyntaxError as error:
            print("\n".join(_syntax_problems(error)))
            print(f"{shown(catalog)}: not updated; fix the error above, then run make update-po again")
            ok = False
            continue
        totals["created"] += result.created
        totals["added"] += result.added
        totals["changed"] += result.changed
        totals["removed"] += result.removed
        totals["written"] += result.written
        if result.written:
            what = "created" if result.created else "updated"
            print(
                f"{shown(catalog)}: {what}: {result.added} new, {result.changed} changed (fuzzy), "
                f"{result.removed} removed"
            )
    for stale in stale_catalogs(project, language):
        print(f"{shown(stale)}: note: no source document has this name any more (renamed or removed?)")
    summary = (
        f"{language.code}: {len(templates)} catalogues, {totals['created']} created, {totals['written']} changed; "
        f"messages: {totals['added']} new, {totals['changed']} fuzzy, {totals['removed']} removed"
    )
    return ok, summary


def main_update_po(argv: Sequence[str] | None = None) -> int:
    """Extract, then merge the templates into each language's catalogues (in the canonical format)."""
    parser = _parser("update-po", "Extract messages and merge them into locale/<lang>/LC_MESSAGES/*.po.")
    parser.add_argument("--no-extract", action="store_true", help="merge the .pot files already in _build/gettext")
    parser.add_argument("-q", "--quiet", action="store_true", help="less output from the extraction")

    def body(arguments: argparse.Namespace, project: Project, languages: tuple[Language, ...]) -> int:
        status = 0
        if not arguments.no_extract:
            status = extract.extract_all(project, quiet=arguments.quiet)
            if status:
                print("error: extraction reported problems (above); merging what was extracted", file=sys.stderr)
        if not project.templates_list():
            print(f"error: no .pot files in {shown(project.templates)}; run make gettext first", file=sys.stderr)
            return 1
        glossary = termbase.glossary_terms(project.docs)
        summaries = []
        for language in languages:
            ok, summary = _update_language(project, language, glossary)
            summaries.append(summary)
            status = status or (0 if ok else 1)
        print("\n".join(summaries))
        return status

    return _run(argv, parser, body)


# --- make format-po -----------------------------------------------------------------------------------------------


def main_format_po(argv: Sequence[str] | None = None) -> int:
    """Rewrite catalogues in the canonical format (what GNU msgcat writes)."""
    parser = _parser("format-po", "Rewrite catalogues in the canonical format (GNU msgcat's).")
    parser.add_argument("--check", action="store_true", help="only report catalogues that are not canonical")
    _add_files(parser)

    def body(arguments: argparse.Namespace, project: Project, languages: tuple[Language, ...]) -> int:
        status = 0
        seen = changed = 0
        if arguments.files:
            catalogs = [path for paths in _files_by_language(project, arguments.files).values() for path in paths]
        else:
            catalogs = [path for language in languages for path in project.catalogs(language.code)]
        for catalog in catalogs:
            seen += 1
            try:
                if format_catalog(catalog, write=not arguments.check):
                    changed += 1
                    if arguments.check:
                        print(f"{shown(catalog)}:1: error: FORMAT not in the canonical format; run make format-po")
                        status = 1
                    else:
                        print(f"{shown(catalog)}: reformatted")
            except gnu.CatalogSyntaxError as error:
                print("\n".join(_syntax_problems(error)))
                status = 1
        verb = "not canonical" if arguments.check else "reformatted"
        print(f"format-po: {seen} catalogues, {changed} {verb}")
        return status

    return _run(argv, parser, body)


# --- make check-po ------------------------------------------------------------------------------------------------


def main_check_po(argv: Sequence[str] | None = None) -> int:
    """The QA linter: print ``path:line: error|warning: CODE message``; exit 1 on any error."""
    parser = _parser("check-po", "Check catalogues: syntax, format, header, MyST markup, numbers, terminology.")
    _add_files(parser)

    def body(arguments: argparse.Namespace, project: Project, languages: tuple[Language, ...]) -> int:
        problems: list[qa.Problem] = []
        only: dict[str, list[Path]] | None = None
        if arguments.files:
            only = _files_by_language(project, arguments.files)
            everything = registry.load(project.registry)
            languages = tuple(everything.get(code) for code in only)
        elif not arguments.lang:
            problems += qa.unknown_languages(project, registry.load(project.registry).codes)
        fuzzy_total = catalogues = 0
        for language in languages:
            chosen = None if only is None else only[language.code]
            found, fuzzy_count = qa.check_language(project, language, chosen)
            problems += found
            fuzzy_total += fuzzy_count
            catalogues += len(chosen) if chosen is not None else len(project.catalogs(language.code))
        for problem in sorted(problems, key=lambda item: (str(item.path), item.line, item.code)):
            print(problem)
        errors = sum(problem.severity == "error" for problem in problems)
        warnings = len(problems) - errors
        codes = " ".join(language.code for language in languages)
        print(
            f"check-po: {catalogues} catalogues ({codes}): {errors} error(s), {warnings} warning(s); "
            f"{fuzzy_total} fuzzy message(s) not checked (see make fuzzy)"
        )
        return 1 if errors else 0

    return _run(argv, parser, body)


# --- make stats ---------------------------------------------------------------------------------------------------


def main_stats(argv: Sequence[str] | None = None) -> int:
    """Print translation progress per language and document; write ``_build/translation-status.json``."""
    parser = _parser("stats", "Translation progress per language and document (fuzzy counts as not translated).")
    parser.add_argument("--json", type=Path, default=None, help="where to write the JSON (default: %(default)s)")

    def body(arguments: argparse.Namespace, project: Project, languages: tuple[Language, ...]) -> int:
        statuses = [stats.language_status(project, language) for language in languages]
        print(stats.table(statuses))
        errors = [error for status in statuses for error in status.errors]
        for error in errors:
            print(error)
        target = arguments.json or project.status_file
        stats.write_json(target, statuses, known=registry.load(project.registry).codes)
        print(f"stats: written {shown(target)}")
        return 1 if errors else 0

    return _run(argv, parser, body)


# --- make fuzzy ---------------------------------------------------------------------------------------------------


def main_fuzzy(argv: Sequence[str] | None = None) -> int:
    """List fuzzy messages with a word diff of the old and new source and the current translation."""
    parser = _parser("fuzzy", "List fuzzy messages: what changed in the source, and the translation to review.")

    def body(arguments: argparse.Namespace, project: Project, languages: tuple[Language, ...]) -> int:
        status = 0
        count = 0
        for language in languages:
            for path in project.catalogs(language.code):
                try:
                    catalog = read_catalog(path)
                except CatalogReadError as error:
                    print(error)
                    status = 1
                    continue
                text = path.read_text(encoding="utf-8-sig").splitlines()
                for entry in catalog:
                    if entry.fuzzy and not entry.obsolete:
                        print(fuzzy.describe(path, entry, text))
                        count += 1
        print(f"fuzzy: {count} fuzzy message(s); review each, edit the translation, and remove the fuzzy flag")
        return status

    return _run(argv, parser, body)

"""``make update-po`` and ``make format-po``: merge the templates into every language, in the canonical format.

Merging is GNU ``msgmerge --previous`` (a changed message becomes fuzzy and keeps its old msgid in ``#|`` lines),
then ``msgattrib --no-obsolete`` (removed messages are dropped, and counted), then ``msgcat`` (the canonical format).
A catalogue whose only change would be its POT-Creation-Date is left alone, so a diff shows real changes only.
"""

from __future__ import annotations

import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from strom.catalog import gnu
from strom.catalog.extract import read_template, same_but_date
from strom.catalog.project import INTERFACE_DOMAIN
from strom.catalog.qa import check_message, expected_plurals
from strom.files import write_atomically

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strom.catalog.project import Project
    from strom.registry import Language

BOM = b"\xef\xbb\xbf"


def normalise(data: bytes) -> bytes:
    """Drop a byte-order mark and turn CRLF (and CR) line ends into LF, which the gettext tools do not do.

    msgmerge and msgcat stop at a byte-order mark, and keep the carriage return of comment lines.
    """
    return data.removeprefix(BOM).replace(b"\r\n", b"\n").replace(b"\r", b"\n")


@dataclass
class MergeResult:
    """What merging one template into one catalogue did."""

    path: Path
    created: bool = False
    added: int = 0
    changed: int = 0
    removed: int = 0
    written: bool = False


@contextmanager
def _scratch() -> Iterator[Path]:
    """A private temporary folder for the gettext tools' intermediate files (never inside ``locale/``)."""
    with tempfile.TemporaryDirectory(prefix="strom-catalog-") as name:
        yield Path(name)


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    """What identifies a message: its context and msgid."""
    return (entry.msgctxt, entry.msgid)


def new_header(template: polib.POFile, language: Language) -> polib.POFile:
    """An empty catalogue for ``language`` with a complete header: Language, UTF-8, the language's Plural-Forms."""
    catalog = polib.POFile(wrapwidth=0)
    project = template.metadata.get("Project-Id-Version", "PACKAGE VERSION")
    named = re.search(r"same license as the (.+) package", template.header)
    title = f"{language.english_name} translation of {named.group(1) if named else project}."
    lines = [line for line in template.header.splitlines() if not line.startswith(("SOME DESCRIPTIVE", "FIRST AUTHOR"))]
    catalog.header = "\n".join([title, *lines])
    created = template.metadata.get("POT-Creation-Date", "")
    plurals = expected_plurals(language)
    catalog.metadata = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": template.metadata.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "",
        "Language-Team": language.english_name,
        "Language": language.sphinx,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plurals[1] if plurals else "nplurals=2; plural=(n != 1);",
    }
    return catalog


def sphinx_compendium(template: polib.POFile, language: Language, folder: Path) -> Path | None:
    """Sphinx's own translations of our interface messages, as a compendium for msgmerge (exact msgids only).

    Plural messages are left out: Sphinx's catalogues and CLDR disagree on the number and order of plural forms.
    Translations our QA rejects are left out too (Sphinx 9's Danish and Russian ", in " lose the trailing space).
    """
    import sphinx

    bundled = Path(sphinx.__file__).parent / "locale" / language.sphinx / "LC_MESSAGES" / "sphinx.po"
    if not bundled.is_file():
        return None
    wanted = {_key(entry) for entry in template if not entry.msgid_plural}
    compendium = polib.POFile(wrapwidth=0)
    compendium.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in polib.pofile(str(bundled)):
        if (
            _key(entry) in wanted
            and entry.translated()
            and not entry.obsolete
            and not any(finding.severity == "error" for finding in check_message(entry.msgid, entry.msgstr))
        ):
            compendium.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=entry.msgstr))
    if not len(compendium):
        return None
    path = folder / "compendium.po"
    compendium.save(str(path))
    return path


def merge(template_path: Path, catalog_path: Path, language: Language) -> MergeResult:
    """Merge one template into one catalogue (creating it if needed); raise CatalogSyntaxError if it is corrupt."""
    result = MergeResult(catalog_path, created=not catalog_path.is_file())
    template = read_template(template_path)
    with _scratch() as scratch:
        if result.created:
            source = scratch / "new.po"
            new_header(template, language).save(str(source))
            old_active: set[tuple[str | None, str]] = set()
            old_obsolete: set[tuple[str | None, str]] = set()
            previous = None
        else:
            previous = catalog_path.read_bytes()
            source = scratch / "old.po"
            source.write_bytes(normalise(previous))
            old_active, old_obsolete = _keys(source)
        compendium = None
        if catalog_path.stem == INTERFACE_DOMAIN and catalog_path.parent.name == "LC_MESSAGES":
            compendium = sphinx_compendium(template, language, scratch)
        merged = scratch / "merged.po"
        try:
            gnu.merge(source, template_path, merged, compendium)
        except gnu.CatalogSyntaxError as error:  # name the user's file, not our scratch copy
            raise gnu.CatalogSyntaxError(catalog_path, error.diagnostics) from None
        catalog = polib.pofile(str(merged), wrapwidth=0)
        for entry in catalog:
            if entry.obsolete:
                result.removed += _key(entry) not in old_obsolete
            elif _key(entry) not in old_active:
                if entry.fuzzy and entry.previous_msgid is not None:
                    result.changed += 1
                else:
                    result.added += 1
        current = scratch / "current.po"
        gnu.drop_obsolete(merged, current)
        content = gnu.canonical(current)
    if previous is None or not same_but_date(previous, content):
        write_atomically(catalog_path, content)
        result.written = True
    return result


def _keys(path: Path) -> tuple[set[tuple[str | None, str]], set[tuple[str | None, str]]]:
    """The active and obsolete message keys of a catalogue (empty sets if polib cannot read it; msgmerge will say)."""
    try:
        catalog = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError):
        return set(), set()
    return (
        {_key(entry) for entry in catalog if not entry.obsolete},
        {_key(entry) for entry in catalog if entry.obsolete},
    )


def stale_catalogs(project: Project, language: Language) -> list[Path]:
    """Catalogues without a template: their document was removed or renamed."""
    domains = {project.domain_of_template(template) for template in project.templates_list()}
    return [
        catalog
        for catalog in project.catalogs(language.code)
        if project.domain_of(language.code, catalog) not in domains
    ]


def format_catalog(path: Path, *, write: bool = True) -> bool:
    """Rewrite one catalogue in the canonical format (fixing a BOM and CRLF line ends); return whether it changed.

    With ``write=False`` nothing is written: the result says whether the file is not canonical.
    """
    data = path.read_bytes()
    with _scratch() as scratch:
        source = path
        if normalise(data) != data:
            source = scratch / path.name
            source.write_bytes(normalise(data))
        try:
            content = gnu.canonical(source)
        except gnu.CatalogSyntaxError as error:
            raise gnu.CatalogSyntaxError(path, error.diagnostics) from None
    if content == data:
        return False
    if write:
        write_atomically(path, content)
    return True

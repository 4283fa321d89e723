"""``make gettext``: the document templates (Sphinx's gettext builder) and the interface template ``sphinx.pot``.

The interface template collects what readers see around the text: our package's ``_("...")`` strings (Python and
Jinja templates, extracted with Babel), every message of the furo theme's templates (and the basic-ng templates
furo extends), and a curated list of Sphinx's own messages (``sphinx-messages.toml``).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polib
from babel.messages.catalog import PYTHON_FORMAT
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from jinja2.ext import babel_extract

from strom import paths
from strom.catalog import gnu
from strom.catalog.project import INTERFACE_DOMAIN, Project
from strom.files import write_atomically
from strom.paths import shown

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

CURATED = Path(__file__).with_name("sphinx-messages.toml")
COMMENT_TAGS = ("Translators:",)
# Options that make Jinja's extractor see templates as Sphinx renders them (Sphinx enables only jinja2.ext.i18n).
_JINJA_OPTIONS = {"extensions": "", "silent": "false", "trimmed": "false"}
_EXTENDS = re.compile(r"""\{%-?\s*(?:extends|include)\s+["']([^"']+)["']""")


class ExtractionError(Exception):
    """Messages could not be extracted; the message names the file and what to do."""


@dataclass
class Message:
    """One message of the interface template."""

    msgid: str
    msgid_plural: str = ""
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    context: str | None = None

    def add(self, flags: Iterable[str] = (), comments: Iterable[str] = ()) -> None:
        """Merge flags and comments of another occurrence."""
        self.flags += [flag for flag in flags if flag not in self.flags]
        self.comments += [comment for comment in comments if comment not in self.comments]


class MessageList:
    """Messages in first-seen order, one per (context, msgid)."""

    def __init__(self) -> None:
        """Start empty."""
        self._messages: dict[tuple[str | None, str], Message] = {}

    def add(
        self,
        msgid: str,
        *,
        plural: str = "",
        flags: Iterable[str] = (),
        comments: Iterable[str] = (),
        context: str | None = None,
    ) -> None:
        """Add a message, or merge it into the one already there."""
        if not msgid:
            return
        flags = list(flags)
        if PYTHON_FORMAT.search(msgid) and "python-format" not in flags:
            flags.append("python-format")
        key = (context, msgid)
        if key not in self._messages:
            self._messages[key] = Message(msgid, plural, context=context)
        self._messages[key].add(flags, comments)

    def __iter__(self) -> Iterator[Message]:
        """The messages in order."""
        return iter(self._messages.values())

    def __len__(self) -> int:
        """How many messages."""
        return len(self._messages)


def _add_extracted(messages: MessageList, results: Iterable[Any], comments: list[str]) -> None:
    """Add Babel extraction results ``(line, message, comments, context)``; skip non-literal arguments."""
    for _line, message, extracted_comments, context in results:
        if isinstance(message, str):
            messages.add(message, comments=[*extracted_comments, *comments], context=context)
        elif isinstance(message, tuple) and message and isinstance(message[0], str):
            plural = message[1] if len(message) > 1 and isinstance(message[1], str) else ""
            messages.add(message[0], plural=plural, comments=[*extracted_comments, *comments], context=context)


def _extract_file(path: Path, method: str | Callable[..., Any], options: dict[str, str] | None = None) -> list[Any]:
    """Run one Babel extractor on one file; a syntax error becomes an :class:`ExtractionError` naming the file."""
    try:
        with path.open("rb") as stream:
            return list(extract(method, stream, DEFAULT_KEYWORDS, COMMENT_TAGS, options or {}, True))
    except SyntaxError as error:
        raise ExtractionError(f"{shown(path)}:{error.lineno or 1}: cannot extract messages: {error.msg}") from None
    except Exception as error:  # Jinja's TemplateSyntaxError and friends carry a lineno too
        line = getattr(error, "lineno", None) or 1
        raise ExtractionError(f"{shown(path)}:{line}: cannot extract messages: {error}") from None


def package_messages(messages: MessageList, package: Path) -> None:
    """Our interface strings: ``_("...")`` in Python and JavaScript, ``{{ _('...') }}``/``{% trans %}`` in templates."""
    for module in sorted(package.rglob("*.py")):
        _add_extracted(messages, _extract_file(module, "python"), [])
    for template in sorted(package.rglob("templates/**/*.html")):
        _add_extracted(messages, _extract_file(template, babel_extract, _JINJA_OPTIONS), [])
    for script in sorted(package.rglob("*.js")):
        # Scripts read their strings from translations.js: _("...") and Documentation.gettext("...").
        _add_extracted(messages, _extract_file(script, "javascript"), [])


def theme_templates(theme: Path, search_path: list[Path]) -> list[Path]:
    """Every template of a theme, plus the templates of other themes it extends or includes by name."""
    found = sorted(theme.rglob("*.html"))
    queue = list(found)
    while queue:
        template = queue.pop()
        for name in _EXTENDS.findall(template.read_text(encoding="utf-8")):
            for base in search_path:
                candidate = base / name
                if candidate.is_file() and candidate not in found:
                    found.append(candidate)
                    queue.append(candidate)
                    break
    return found


def furo_messages(messages: MessageList) -> None:
    """Every message of the furo theme's templates (and of the sphinx-basic-ng templates it extends)."""
    theme = Path(str(resources.files("furo"))) / "theme" / "furo"
    basic_ng = Path(str(resources.files("sphinx_basic_ng"))) / "theme"
    for template in theme_templates(theme, [theme, basic_ng]):
        _add_extracted(messages, _extract_file(template, babel_extract, _JINJA_OPTIONS), ["Theme (furo)."])


def sphinx_messages(messages: MessageList, curated: Path = CURATED) -> None:
    """The curated Sphinx messages, with flags and plurals from Sphinx's own ``sphinx.pot``."""
    import sphinx

    bundled = polib.pofile(str(Path(sphinx.__file__).parent / "locale" / "sphinx.pot"))
    by_msgid = {entry.msgid: entry for entry in bundled}
    with curated.open("rb") as stream:
        wanted = tomllib.load(stream).get("message", [])
    missing = [item["msgid"] for item in wanted if item["msgid"] not in by_msgid]
    if missing:
        raise ExtractionError(
            f"{curated}: Sphinx {sphinx.__version__} has no message {missing[0]!r}"
            f"{f' (and {len(missing) - 1} more)' if len(missing) > 1 else ''}; update the list for this Sphinx version"
        )
    for item in wanted:
        entry = by_msgid[item["msgid"]]
        note = item.get("note", "")
        messages.add(
            entry.msgid,
            plural=entry.msgid_plural,
            flags=entry.flags,
            comments=[f"Sphinx. {note}".strip()],
            context=entry.msgctxt,
        )


def interface_messages(package: Path = paths.PACKAGE) -> MessageList:
    """All interface messages, in order: ours, then the theme's, then Sphinx's."""
    messages = MessageList()
    package_messages(messages, package)
    furo_messages(messages)
    sphinx_messages(messages)
    return messages


def creation_date() -> str:
    """The POT-Creation-Date Sphinx would write: ``$SOURCE_DATE_EPOCH`` if set, else now (local time)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = time.gmtime(float(epoch)) if epoch else time.localtime()
    return time.strftime("%Y-%m-%d %H:%M%z", moment)


def render_template(
    messages: Iterable[Message], project: str, version: str, created: str, copyright_holder: str = ""
) -> polib.POFile:
    """A ``.pot`` catalogue with Sphinx's header for the given messages."""
    template = polib.POFile(wrapwidth=0)
    template.header = (
        f"SOME DESCRIPTIVE TITLE.\nCopyright (C) {copyright_holder}\n"
        f"This file is distributed under the same license as the {project} package.\n"
        "FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.\n"
    )
    template.metadata_is_fuzzy = True
    template.metadata = {
        "Project-Id-Version": f"{project} {version}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for message in messages:
        entry = polib.POEntry(
            msgid=message.msgid,
            msgctxt=message.context,
            comment="\n".join(message.comments),
            flags=list(message.flags),
        )
        if message.msgid_plural:
            entry.msgid_plural = message.msgid_plural
            entry.msgstr_plural = {0: "", 1: ""}
        template.append(entry)
    return template


_CREATION_LINE = re.compile(rb'^"POT-Creation-Date: [^"]*\\n"$', re.MULTILINE)


def same_but_date(old: bytes, new: bytes) -> bool:
    """Whether two catalogues differ at most in their POT-Creation-Date (so rewriting would only add noise)."""
    return _CREATION_LINE.sub(b"", old) == _CREATION_LINE.sub(b"", new)


def canonical_bytes(catalog: polib.POFile) -> bytes:
    """A polib catalogue as ``msgcat`` writes it (polib and Babel wrap differently: msgcat has the last word)."""
    with tempfile.TemporaryDirectory(prefix="strom-catalog-") as scratch:
        draft = Path(scratch) / "draft.po"
        catalog.save(str(draft))
        return gnu.canonical(draft)


def build_documents(project: Project, *, quiet: bool = False) -> tuple[int, dict[str, str]]:
    """Run Sphinx's gettext builder on ``docs/`` (warnings are errors, keep going); remove stale ``.pot`` files.

    Return the exit status and the config values the interface template needs (project, version).
    """
    from sphinx.application import Sphinx
    from sphinx.errors import SphinxError
    from sphinx.util.docutils import docutils_namespace, patch_docutils
    from sphinx.util.i18n import docname_to_domain

    doctrees = project.build / ".work" / "gettext" / "doctrees"
    try:
        with patch_docutils(project.docs), docutils_namespace():
            app = Sphinx(
                project.docs,
                project.docs,
                project.templates,
                doctrees,
                "gettext",
                status=None if quiet else sys.stdout,
                warning=sys.stderr,
                freshenv=True,
                warningiserror=True,
            )
            app.build(force_all=True)
    except SphinxError as error:
        print(f"{shown(project.docs / 'conf.py')}: error: {error}", file=sys.stderr)
        return 1, {}
    domains = {docname_to_domain(name, app.config.gettext_compact) for name in app.env.found_docs}
    for template in project.templates_list():
        domain = project.domain_of_template(template)
        if domain not in domains and domain != INTERFACE_DOMAIN:
            template.unlink()
    config = {"project": str(app.config.project), "version": str(app.config.version)}
    return app.statuscode, {**config, "copyright": str(app.config.copyright)}


def extract_all(project: Project, *, quiet: bool = False, package: Path = paths.PACKAGE) -> int:
    """``make gettext``: the document templates and the interface template; 0 when both went without warnings."""
    target = project.templates / f"{INTERFACE_DOMAIN}.pot"
    previous = target.read_bytes() if target.is_file() else None
    # Sphinx writes sphinx.pot itself when the project has templates_path templates; start without ours to tell.
    target.unlink(missing_ok=True)
    status, config = build_documents(project, quiet=quiet)
    try:
        messages = interface_messages(package)
    except ExtractionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if target.is_file():
        for entry in read_template(target):
            messages.add(entry.msgid, plural=entry.msgid_plural, flags=entry.flags, context=entry.msgctxt)
    template = render_template(
        messages,
        config.get("project", "PACKAGE"),
        config.get("version", "VERSION"),
        creation_date(),
        config.get("copyright", ""),
    )
    content = canonical_bytes(template)
    # Like Sphinx's own .pot files: a new date alone is no reason to change the file (and every catalogue after it).
    write_atomically(target, previous if previous is not None and same_but_date(previous, content) else content)
    if not quiet:
        print(f"{shown(target)}: {len(messages)} interface messages")
    return status


def read_template(path: Path) -> polib.POFile:
    """Read a ``.pot`` file (ours, so a failure is a bug or a half-written build: the message names the file)."""
    try:
        return polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError) as error:
        raise ExtractionError(f"{shown(path)}: cannot read: {error}; run make gettext") from None

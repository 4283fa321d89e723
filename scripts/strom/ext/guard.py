"""The build-time guards on translations: no raw HTML or script in the site, no translation silently dropped.

Independent of ``make check-po``: MyST parses every translated message as Markdown, so ``<script>`` in a
``msgstr`` would become a raw HTML node and reach readers verbatim. After Sphinx's ``Locale`` transform has
applied the catalogues, this transform turns raw nodes inside translated elements into plain text (escaped in
the output) and warns with the catalogue's file and line. (``javascript:`` link targets need no guard here:
markdown-it's ``validateLink`` refuses them, and a test keeps that true.)

Interface strings (``sphinx.po``: the title, the theme's labels) are not Markdown: templates insert them as they
are, inside elements and attributes. :func:`_on_config_inited` takes back, before any page is made, each
interface translation that adds a tag or a double quote its source does not have, and warns at its line.

Sphinx also drops, without a word, a translation that does not parse as the same kind of node as its source
(a Latvian "10. pants" is a numbered list, not a paragraph), and shows the English. :class:`DroppedTranslations`
turns that into a warning at the catalogue line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import polib
from docutils import nodes
from sphinx import addnodes
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

import strom

if TYPE_CHECKING:
    from gettext import NullTranslations

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: The interface catalogue (``locale/<lang>/LC_MESSAGES/sphinx.po``), loaded by Sphinx before its own.
INTERFACE_DOMAIN = "sphinx"
#: An HTML tag, comment or declaration.
_TAG = re.compile(r"<[A-Za-z!/?][^<>]*>?")


class TranslationGuard(SphinxTransform):
    """Neutralise raw HTML and unsafe links that a translation brought into the document."""

    default_priority = 21  # right after sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs: object) -> None:
        """Check every element the catalogues translated."""
        if not self.config.language or self.config.language == "en":
            return
        for element in list(self.document.findall(nodes.Element)):
            if not element.get("translated"):
                continue
            for raw in list(element.findall(nodes.raw)):
                self._neutralise_raw(raw)

    def _neutralise_raw(self, raw: nodes.raw) -> None:
        """Replace a raw node by its text, which the HTML writer escapes."""
        text = raw.astext()
        self._warn(text, f"raw HTML {_shorten(text)!r}", "it is shown as text")
        raw.replace_self(nodes.Text(text))

    def _warn(self, snippet: str, what: str, consequence: str) -> None:
        """Warn at the catalogue line that holds ``snippet`` (or the source line if it cannot be found)."""
        catalog, line = self._catalog_location(snippet)
        logger.warning(
            "the translation adds %s, which the source does not have; %s. Remove it from the translation.",
            what,
            consequence,
            location=f"{catalog}:{line or ''}" if catalog else self.document.get("source"),
            type="strom",
            subtype="translation-markup",
        )

    def _catalog_location(self, snippet: str) -> tuple[Path | None, int | None]:
        """Find the ``.po`` file of this document and the line of the ``msgstr`` containing ``snippet``."""
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        for folder in self.config.locale_dirs:
            catalog = Path(self.env.srcdir, folder, self.config.language, "LC_MESSAGES", f"{domain}.po").resolve()
            if not catalog.is_file():
                continue
            probe = snippet.strip().splitlines()[0] if snippet.strip() else snippet
            escaped = probe.replace("\\", "\\\\").replace('"', '\\"')
            for number, line in enumerate(catalog.read_text(encoding="utf-8-sig").splitlines(), start=1):
                if escaped and escaped in line:
                    return catalog, number
            return catalog, None
        return None, None


class DroppedTranslations(SphinxTransform):
    """Warn where the catalogue has a translation that Sphinx did not use."""

    default_priority = 22  # after Locale (20) and the raw-HTML guard (21)

    def apply(self, **kwargs: object) -> None:
        """Compare each message left in English with the document's catalogue."""
        if not self.config.language or self.config.language == "en":
            return
        if issubclass(self.env._builder_cls, MessageCatalogBuilder):
            return
        catalog = self._catalog()
        if catalog is None:
            return
        entries = {entry.msgid: entry for entry in catalog if entry.translated() and not entry.obsolete}
        for node, message in extract_messages(self.document):
            if isinstance(node, addnodes.toctree):
                continue  # captions are translated apart from the Locale pass, without the 'translated' mark
            entry = entries.get(message)
            if node.get("translated") or entry is None or entry.msgstr == message:
                continue
            logger.warning(
                "the translation of this message is not used: it does not read as a %s in Markdown "
                "(a line that starts like a list item '10. ', '- ' or a heading '#' is not a paragraph). "
                "Put a backslash before the marker (10\\. pants) or reword.",
                node.__class__.__name__,
                location=f"{catalog.fpath}:{entry.linenum}",
                type="strom",
                subtype="translation-dropped",
            )

    def _catalog(self) -> polib.POFile | None:
        """Read this document's catalogue, or return None if it has none (or it cannot be read)."""
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        for folder in self.config.locale_dirs:
            path = Path(self.env.srcdir, folder, self.config.language, "LC_MESSAGES", f"{domain}.po").resolve()
            if path.is_file():
                try:
                    return polib.pofile(str(path))
                except (OSError, ValueError):
                    return None  # reported where catalogues are compiled
        return None


def unsafe_interface_markup(msgid: str, msgstr: str) -> str | None:
    """Say what an interface translation adds that could change the page (a tag, a ``"``), or return None."""
    added = [tag for tag in _TAG.findall(msgstr) if tag not in msgid]
    if added:
        return f"raw HTML {_shorten(added[0])!r}"
    if msgstr.count('"') > msgid.count('"'):
        return "a double quote '\"' (it would end an HTML attribute; use the language's own quotation marks)"
    return None


def _on_config_inited(app: Sphinx, config: Config) -> None:
    """Take back interface translations that add HTML: warn at the catalogue line and show the source text."""
    if not config.language or config.language == "en":
        return
    from sphinx.locale import translators

    translator = translators.get(("general", INTERFACE_DOMAIN))
    for folder in config.locale_dirs:
        path = Path(app.srcdir, folder, config.language, "LC_MESSAGES", f"{INTERFACE_DOMAIN}.po").resolve()
        if not path.is_file():
            continue
        try:
            catalog = polib.pofile(str(path))
        except (OSError, ValueError):
            continue  # an unreadable catalogue is reported before the build starts (strom.build)
        for entry in catalog.translated_entries():
            forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            found = next((what for form in forms if (what := unsafe_interface_markup(entry.msgid, form))), None)
            if found is None:
                continue
            logger.warning(
                "the translation adds %s, which the source does not have; the English text is shown. "
                "Remove it from the translation.",
                found,
                location=f"{path}:{entry.linenum}",
                type="strom",
                subtype="translation-markup",
            )
            if translator is not None:
                _forget(translator, entry)


def _forget(translator: NullTranslations, entry: polib.POEntry) -> None:
    """Remove ``entry``'s translation wherever the translator chain holds it (Sphinx's own ones stay)."""
    msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    ours: dict[object, str] = {msgid: entry.msgstr} if not entry.msgid_plural else {}
    ours.update({(msgid, int(index)): form for index, form in entry.msgstr_plural.items()})
    current: NullTranslations | None = translator
    while current is not None:
        # gettext.GNUTranslations keeps its messages in _catalog; there is no public way to take one back.
        messages = getattr(current, "_catalog", None)
        if isinstance(messages, dict):
            for key, text in ours.items():
                if messages.get(key) == text:
                    del messages[key]
        current = getattr(current, "_fallback", None)


def _shorten(text: str, limit: int = 60) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the guard transform."""
    app.add_transform(TranslationGuard)
    app.add_transform(DroppedTranslations)
    # Before strom.ext.i18n (400) reads the translated title into html_title.
    app.connect("config-inited", _on_config_inited, priority=300)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

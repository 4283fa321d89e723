"""The build-time guard: a translation cannot put raw HTML or script into the site.

Independent of ``make check-po``: MyST parses every translated message as Markdown, so ``<script>`` in a
``msgstr`` would become a raw HTML node and reach readers verbatim. After Sphinx's ``Locale`` transform has
applied the catalogues, this transform turns raw nodes inside translated elements into plain text (escaped in
the output) and warns with the catalogue's file and line. (``javascript:`` link targets need no guard here:
markdown-it's ``validateLink`` refuses them, and a test keeps that true.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

import strom

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)


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


def _shorten(text: str, limit: int = 60) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the guard transform."""
    app.add_transform(TranslationGuard)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

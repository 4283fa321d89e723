"""Sphinx extension: the ``translation-status`` directive, a bar chart of each language's progress as inline SVG.

The chart is computed at build time from the catalogues under the first of ``locale_dirs`` and the language
registry there. It is plain SVG in the page (readable without JavaScript), with ``role="img"``, a title, a
description that states every number, and text labels with percentages next to the bars.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from babel.core import UnknownLocaleError
from babel.numbers import format_percent
from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import strom
from strom import registry
from strom.catalog.project import Project
from strom.catalog.stats import Counts, LanguageStatus, language_status

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata, OptionSpec

_ = get_translation("sphinx")
logger = logging.getLogger(__name__)

WIDTH = 760
BAR_X = 240
BAR_WIDTH = 260
CHAR_WIDTH = 8  # a generous average advance at 14px, to lay out the legend without measuring text
ROW = 32
BAR_HEIGHT = 16
TOP = 40
COLOURS = {"translated": "#2e7d32", "fuzzy": "#b45309"}


def _percent(value: float, locale: str) -> str:
    """A percentage in the page's language (``85 %`` in German, ``85%`` in English)."""
    try:
        return format_percent(value / 100, locale=locale)
    except (UnknownLocaleError, ValueError):
        return format_percent(value / 100, locale="en")


def _shares(counts: Counts) -> tuple[int, int, int]:
    """Whole percentages of translated, fuzzy and untranslated words; translated rounds down, the rest adds up."""
    if not counts.words:  # no catalogue yet
        return (0, 0, 100)
    translated = math.floor(100 * counts.translated_words / counts.words)
    fuzzy = min(round(100 * counts.fuzzy_words / counts.words), 100 - translated)
    return (translated, fuzzy, 100 - translated - fuzzy)


def _review_label(review: str) -> str:
    """The review state in the page's language."""
    labels = {
        # Translators: review state of a translation (translation status page): awaiting review by an expert.
        "draft": _("draft"),
        # Translators: review state of a translation: signed off by a national expert.
        "reviewed": _("reviewed"),
        # Translators: review state of the English original (translation status page).
        "source": _("source"),
    }
    return labels.get(review, review)


def render_svg(statuses: list[LanguageStatus], locale: str, serial: int) -> str:
    """The chart: one labelled bar per language (translated, fuzzy, untranslated words), as an SVG string."""
    title_id = f"translation-status-title-{serial}"
    desc_id = f"translation-status-desc-{serial}"
    height = TOP + ROW * len(statuses) + 8
    # Translators: title of the bar chart on the translation status page.
    title = _("Translation status by language")
    descriptions = []
    rows = []
    for index, status in enumerate(statuses):
        language = status.language
        translated, fuzzy, untranslated = _shares(status.total)
        summary = _("%(language)s: %(translated)s translated, %(fuzzy)s fuzzy, %(untranslated)s untranslated") % {
            "language": language.name,
            "translated": _percent(translated, locale),
            "fuzzy": _percent(fuzzy, locale),
            "untranslated": _percent(untranslated, locale),
        }
        descriptions.append(f"{summary} ({_review_label(language.review)}).")
        y = TOP + ROW * index
        bar_y = y + (ROW - BAR_HEIGHT) // 2
        translated_width = BAR_WIDTH * translated / 100
        fuzzy_width = BAR_WIDTH * fuzzy / 100
        rows.append(
            f"<g><title>{escape(summary)}</title>"
            f'<text x="0" y="{y + ROW // 2 + 5}" fill="currentColor">'
            f"{escape(language.name)} ({escape(language.code)}, {escape(_review_label(language.review))})</text>"
            f'<rect x="{BAR_X}" y="{bar_y}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" fill="none" '
            f'stroke="currentColor" stroke-opacity="0.5"/>'
            f'<rect x="{BAR_X}" y="{bar_y}" width="{translated_width:g}" height="{BAR_HEIGHT}" '
            f'fill="{COLOURS["translated"]}"/>'
            f'<rect x="{BAR_X + translated_width:g}" y="{bar_y}" width="{fuzzy_width:g}" height="{BAR_HEIGHT}" '
            f'fill="{COLOURS["fuzzy"]}"/>'
            f'<text x="{BAR_X + BAR_WIDTH + 10}" y="{y + ROW // 2 + 5}" fill="currentColor">'
            f"{escape(_percent(translated, locale))} {escape(_('translated'))}"
            + (f", {escape(_percent(fuzzy, locale))} {escape(_('fuzzy'))}" if fuzzy else "")
            + "</text></g>"
        )
    legend = []
    x = BAR_X
    for label, fill in (
        (_("translated"), COLOURS["translated"]),
        (_("fuzzy"), COLOURS["fuzzy"]),
        (_("untranslated"), ""),
    ):
        paint = f'fill="{fill}"' if fill else 'fill="none" stroke="currentColor" stroke-opacity="0.5"'
        legend.append(
            f'<rect x="{x}" y="8" width="12" height="12" {paint}/>'
            f'<text x="{x + 18}" y="19" fill="currentColor">{escape(label)}</text>'
        )
        x += 18 + CHAR_WIDTH * len(label) + 16
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="translation-status" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'style="max-width: {WIDTH}px; height: auto; font-size: 14px">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(" ".join(descriptions))}</desc>'
        f"{''.join(legend)}{''.join(rows)}</svg>"
    )


class TranslationStatus(SphinxDirective):
    """``{translation-status}``: the per-language progress chart, computed from the catalogues at build time."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        """Count every language's catalogues and return the chart as raw HTML (other builders get nothing)."""
        if not self.config.locale_dirs:
            logger.warning(
                "translation-status: locale_dirs is empty; set it in conf.py",
                type="strom",
                subtype="translation_status",
                location=self.get_location(),
            )
            return []
        # Sphinx resolves locale_dirs against the source folder (sphinx.util.i18n.CatalogRepository).
        locale = (Path(self.env.srcdir) / self.config.locale_dirs[0]).resolve()
        project = Project(locale.parent)
        try:
            languages = registry.load(locale / "languages.toml")
        except registry.RegistryError as error:
            logger.warning(
                "translation-status: %s",
                error,
                type="strom",
                subtype="translation_status",
                location=self.get_location(),
            )
            return []
        self.env.note_dependency(str(languages.path))
        statuses = []
        for language in languages.targets:
            for catalog in project.catalogs(language.code):
                self.env.note_dependency(str(catalog))
            status = language_status(project, language, templates=False, strict=False)
            for problem in status.errors:
                # Not a warning: a corrupt catalogue of one language must not fail the builds of the others
                # (check-po and that language's own build report it).
                logger.info("translation-status: skipped %s", problem, location=self.get_location())
            statuses.append(status)
        svg = render_svg(statuses, self.config.language or "en", self.env.new_serialno("translation-status"))
        return [nodes.raw("", svg, format="html")]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``translation-status`` directive."""
    app.add_directive("translation-status", TranslationStatus)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

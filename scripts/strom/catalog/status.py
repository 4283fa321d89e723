"""Sphinx extension: the ``translation-status`` directive, a bar chart of each language's progress as inline SVG.

The chart is computed at build time from the catalogues under the first of ``locale_dirs`` and the language
registry there. It is plain SVG in the page (readable without JavaScript), with ``role="img"``, a title, a
description that states every number, and text labels with percentages next to the bars.

A page with the chart is read again when the counts change (and when the registry or the page language's interface
catalogue does), not on every catalogue change: a corrected translation leaves the chart as it was. The environment
keeps each catalogue's counts by its content, so that finding out counts one changed catalogue instead of all of
them (half a second for eleven languages).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import strom
from strom import registry
from strom.catalog.project import INTERFACE_DOMAIN, Project
from strom.catalog.stats import Counts, LanguageStatus, count_catalog, language_status

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
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
#: Raise it when counting changes: Sphinx then discards environments, and the counts in them, made the old way.
ENV_VERSION = 2
#: The environment's attribute with each catalogue's counts: ``{path: (content digest, counts)}``.
COUNTS_ATTRIBUTE = "strom_catalogue_counts"
#: The environment's attribute with the counts each page's chart shows: ``{docname: fingerprint}``.
CHARTS_ATTRIBUTE = "strom_translation_status_charts"


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


def render_svg(statuses: list[LanguageStatus], locale: registry.Language | str, serial: int) -> str:
    """The chart: one labelled bar per language (translated, fuzzy, untranslated words), as an SVG string.

    ``locale`` is the page's language: its registry entry, or a code the registry lacks (percentages as CLDR has).
    """

    def percent(value: float) -> str:
        return registry.format_percent(value, locale)

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
            "translated": percent(translated),
            "fuzzy": percent(fuzzy),
            "untranslated": percent(untranslated),
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
            f"{escape(percent(translated))} {escape(_('translated'))}"
            + (f", {escape(percent(fuzzy))} {escape(_('fuzzy'))}" if fuzzy else "")
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
        project = _project(self.env.srcdir, self.config)
        try:
            languages = registry.load(project.registry)
        except registry.RegistryError as error:
            logger.warning(
                "translation-status: %s",
                error,
                type="strom",
                subtype="translation_status",
                location=self.get_location(),
            )
            return []
        code = self.config.language or languages.source.sphinx
        page_language = next((language for language in languages.languages if language.sphinx == code), code)
        # The chart's labels and names; the counts are compared before each build (_on_env_get_outdated).
        self.env.note_dependency(str(languages.path))
        interface = (
            project.catalog(page_language.code, INTERFACE_DOMAIN)
            if isinstance(page_language, registry.Language)
            else None
        )
        if interface and interface.is_file():  # Sphinx reads a page with a missing dependency on every build
            self.env.note_dependency(str(interface))
        statuses = _count(self.env, project, languages)
        for status in statuses:
            for problem in status.errors:
                # Not a warning: a corrupt catalogue of one language must not fail the builds of the others
                # (check-po and that language's own build report it).
                logger.info("translation-status: skipped %s", problem, location=self.get_location())
        getattr(self.env, CHARTS_ATTRIBUTE)[self.env.docname] = _fingerprint(statuses)
        svg = render_svg(statuses, page_language, self.env.new_serialno("translation-status"))
        return [nodes.raw("", svg, format="html")]


def _project(srcdir: str | Path, config: Config) -> Project:
    """The project whose catalogues the chart counts: the parent of the first of ``locale_dirs``."""
    # Sphinx resolves locale_dirs against the source folder (sphinx.util.i18n.CatalogRepository).
    return Project((Path(srcdir) / config.locale_dirs[0]).resolve().parent)


def _count(env: BuildEnvironment, project: Project, languages: registry.Registry) -> list[LanguageStatus]:
    """Count the catalogues of every translation of the registry."""
    count = _remembering_counter(env)
    return [language_status(project, language, templates=False, count=count) for language in languages.targets]


def _fingerprint(statuses: list[LanguageStatus]) -> str:
    """A digest of what the chart shows of the catalogues: each language's counts and unreadable catalogues."""
    shown = [
        {
            "language": status.language.code,
            "documents": {domain: dataclasses.asdict(counts) for domain, counts in status.documents.items()},
            "errors": status.errors,
        }
        for status in statuses
    ]
    return hashlib.blake2b(json.dumps(shown, sort_keys=True).encode("utf-8"), digest_size=16).hexdigest()


def _remembering_counter(env: BuildEnvironment) -> Callable[[Path], Counts]:
    """Return a catalogue counter that reuses the counts of the last build for a catalogue with the same content.

    The environment then keeps the counts of the catalogues counted now, and only those (a removed catalogue's go).
    A catalogue that cannot be read is not remembered: it is read, and reported, every time.
    """
    remembered: dict[str, tuple[str, Counts]] = getattr(env, COUNTS_ATTRIBUTE, {})
    kept: dict[str, tuple[str, Counts]] = {}
    setattr(env, COUNTS_ATTRIBUTE, kept)

    def count(path: Path) -> Counts:
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return count_catalog(path, strict=False)  # raises the error with file and line
        previous = remembered.get(str(path))
        counts = previous[1] if previous and previous[0] == digest else count_catalog(path, strict=False)
        kept[str(path)] = (digest, counts)
        return dataclasses.replace(counts)  # a copy: the caller may add to it

    return count


def _on_builder_inited(app: Sphinx) -> None:
    """Give a new environment the (empty) record of the pages with a chart."""
    if not hasattr(app.env, CHARTS_ATTRIBUTE):
        setattr(app.env, CHARTS_ATTRIBUTE, {})


def _on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Return the pages whose chart shows other counts than the catalogues have now (Sphinx reads them again)."""
    charts: dict[str, str] = getattr(env, CHARTS_ATTRIBUTE, {})
    if not charts or not app.config.locale_dirs:
        return list(charts)
    project = _project(env.srcdir, app.config)
    try:
        languages = registry.load(project.registry)
    except registry.RegistryError:
        return list(charts)  # the directive reports it when it reads the page
    fingerprint = _fingerprint(_count(env, project, languages))
    return [docname for docname, shown in charts.items() if shown != fingerprint]


def _on_env_purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """Forget the chart of a page that is read again or removed."""
    getattr(env, CHARTS_ATTRIBUTE, {}).pop(docname, None)


def _on_env_merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """Keep the counts and charts a parallel reader made (it worked in its own copy of the environment)."""
    merged = {**getattr(env, COUNTS_ATTRIBUTE, {}), **getattr(other, COUNTS_ATTRIBUTE, {})}
    setattr(env, COUNTS_ATTRIBUTE, merged)
    charts = getattr(other, CHARTS_ATTRIBUTE, {})
    getattr(env, CHARTS_ATTRIBUTE).update({docname: charts[docname] for docname in docnames if docname in charts})


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``translation-status`` directive."""
    app.add_directive("translation-status", TranslationStatus)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("env-get-outdated", _on_env_get_outdated)
    app.connect("env-purge-doc", _on_env_purge_doc)
    app.connect("env-merge-info", _on_env_merge_info)
    return {
        "version": strom.__version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

"""Honest partial translations: passages that fall back to English carry ``lang="en"``, and a page that is not
fully translated says how much is, in the reader's language, with a link to the English page.

Sphinx's ``Locale`` transform replaces each translatable node by its translation and flags it
``node['translated']``; a message without a translation (or only a fuzzy one, which the compiled catalogue
leaves out) stays in English. :class:`MarkEnglishPassages` runs right after it and

- flags every translatable node of a document that has no catalogue at all (``Locale`` returns early then,
  and Sphinx would count the page as having nothing to translate);
- counts a translated toctree caption as translated (``Locale`` translates it but leaves the flag false);
- wraps the content of each untranslated node in ``<span lang="en">`` (docutils renders a ``language-en``
  class as the ``lang`` attribute). The wrapper sits inside headings and captions, so the permalink Sphinx
  appends to them keeps the page's language; it is copied into the tables of contents, the navigation and
  the previous/next links with the heading. Toctree captions are strings, not nodes: they get their
  ``lang`` in the rendered HTML (:func:`_on_html_page_context`).

Sphinx's ``TranslationProgressTotaliser`` (priority 25) then counts the flags into
``document['translation_progress']``; the notice is made from that count when the page is written. The source
language's build is left alone: it has nothing to translate.

WCAG 2.1 success criterion 3.1.2 (language of parts): https://www.w3.org/TR/WCAG21/#language-of-parts
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.writers.html5_polyglot import HTMLTranslator
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import LITERAL_TYPE_NODES, extract_messages

import strom
from strom import registry
from strom.ext.i18n import language_of
from strom.ext.switcher import site_root

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

_ = get_translation("sphinx")

#: The class that docutils' HTML writer turns into ``lang="en"``.
ENGLISH_CLASS = "language-en"
#: Children without language that may open a passage and stay outside its wrapper.
LEADING_MARKUP = (nodes.raw, nodes.target, addnodes.index)


class MarkEnglishPassages(SphinxTransform):
    """Flag and mark the translatable nodes that the ``Locale`` transform left in English."""

    # After sphinx.transforms.i18n.Locale (20), before TranslationProgressTotaliser (25), which counts the flags.
    default_priority = 24

    def apply(self, **kwargs: Any) -> None:
        """Flag every translatable node, wrap the untranslated ones, and note untranslated toctree captions."""
        from sphinx.builders.gettext import MessageCatalogBuilder

        if issubclass(self.env._builder_cls, MessageCatalogBuilder) or language_of(self.config).source:
            return
        english_captions: list[str] = []
        for node, _message in extract_messages(self.document):
            if node.get("strom_english") is not None:
                continue  # an image yields its alt text and its URI: mark it once
            if isinstance(node, addnodes.toctree):
                # Locale swaps the caption but leaves 'translated' false (it counts it as untranslated).
                node["translated"] = node.get("caption") != node.get("rawcaption")
                if not node["translated"]:
                    english_captions.append(node["caption"])
                node["strom_english"] = not node["translated"]
                continue
            translated = bool(node.setdefault("translated", False))
            node["strom_english"] = not translated
            if not translated:
                mark_english(node)
        if english_captions:
            self.document["strom_english_captions"] = english_captions


def mark_english(node: nodes.Element) -> None:
    """Give the rendered element of ``node`` (or its content) ``lang="en"``."""
    if isinstance(node, nodes.TextElement) and not isinstance(node, LITERAL_TYPE_NODES):
        # Inside the element, not on it: a heading's permalink ("Link to this heading") stays in the
        # page's language; the wrapper also travels into the tables of contents with the heading text.
        # Leading markup without text (MyST's task-list checkbox, targets) stays where other code expects it.
        lead = 0
        while lead < len(node.children) and isinstance(node.children[lead], LEADING_MARKUP):
            lead += 1
        if lead == len(node.children):
            return
        wrapper = nodes.inline("", "", *node.children[lead:], classes=[ENGLISH_CLASS])
        node[lead:] = [wrapper]
    elif isinstance(node, nodes.Element) and not isinstance(node, nodes.meta):
        node["classes"].append(ENGLISH_CLASS)


def translation_notice(
    progress: dict[str, int] | None, language: registry.Language, source: registry.Language, pagename: str, suffix: str
) -> dict[str, str] | None:
    """Return the notice for a page translated ``progress['translated']`` of ``progress['total']``, or None."""
    if language.source or not progress:
        return None
    total, translated = progress.get("total", 0), progress.get("translated", 0)
    if total <= 0 or translated >= total:
        return None
    # Rounded down: a page with one English passage left never claims 100 %.
    percent = registry.format_percent(math.floor(translated * 100 / total), language)
    # Translators: shown above a page that is not fully translated; %(percent)s is already formatted for your
    # language (e.g. "76 %" or "76%"), do not add a per cent sign.
    message = _("This page is %(percent)s translated. Untranslated passages are shown in English.") % {
        "percent": percent
    }
    return {
        "message": html.escape(message, quote=False),
        "percent": percent,
        "source_href": f"{site_root(pagename)}{source.code}/{pagename}{suffix}",
        "source_hreflang": source.sphinx,
    }


def _english_captions(env: BuildEnvironment) -> dict[str, list[str]]:
    """Return the environment's record of untranslated toctree captions, per document."""
    if not hasattr(env, "strom_english_captions"):
        env.strom_english_captions = {}  # type: ignore[attr-defined]
    captions: dict[str, list[str]] = env.strom_english_captions  # type: ignore[attr-defined]
    return captions


def _on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the document's untranslated toctree captions in the environment (the navigation shows them all)."""
    captions = doctree.get("strom_english_captions")
    record = _english_captions(app.env)
    if captions:
        record[app.env.docname] = list(captions)
    else:
        record.pop(app.env.docname, None)


def _on_env_purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """Forget a document's captions before it is read again."""
    _english_captions(env).pop(docname, None)


def _on_env_merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """Take the captions recorded by a parallel reader."""
    theirs = _english_captions(other)
    _english_captions(env).update({docname: theirs[docname] for docname in docnames if docname in theirs})


def _caption_html(caption: str) -> str:
    """Return a toctree caption as Sphinx's HTML writer writes it."""
    return f'<span class="caption-text">{caption.translate(HTMLTranslator.special_characters)}</span>'


def _on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Add the translation notice, and ``lang="en"`` to untranslated toctree captions in body and navigation."""
    language = language_of(app.config)
    if language.source:
        context["strom_translation_notice"] = None
        return
    suffix = getattr(app.builder, "link_suffix", ".html")
    progress = doctree.get("translation_progress") if doctree is not None else None
    context["strom_translation_notice"] = translation_notice(
        progress, language, registry.load().source, pagename, suffix
    )
    captions = {caption for captions in _english_captions(app.env).values() for caption in captions}
    for caption in sorted(captions):
        plain = _caption_html(caption)
        marked = plain.replace('class="caption-text"', 'class="caption-text" lang="en"', 1)
        for key in ("body", "furo_navigation_tree"):
            if isinstance(context.get(key), str):
                context[key] = context[key].replace(plain, marked)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the transform and the handlers."""
    app.setup_extension("strom.ext.i18n")
    app.add_transform(MarkEnglishPassages)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("env-purge-doc", _on_env_purge_doc)
    app.connect("env-merge-info", _on_env_merge_info)
    # After Furo's handler (priority 500), which renders the navigation tree.
    app.connect("html-page-context", _on_html_page_context, priority=800)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

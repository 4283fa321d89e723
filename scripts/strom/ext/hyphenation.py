"""Soft hyphens in the website's headings, so that a long word breaks with a hyphen, where the language allows.

Browsers hyphenate (``hyphens: auto``) only in languages they have a dictionary for; Chromium has none for Latvian,
so at 360 px a heading word too long for the line breaks anywhere, without a hyphen (``overflow-wrap:
break-word`` in strom-site.css): "kontaktinformāci|ja". This post-transform puts U+00AD SOFT HYPHEN into the words
of section titles at the break points of the language's Pyphen dictionary, the same that hyphenates the PDF
(:mod:`strom.pdf.typography`: Pyphen's, Finnish and the corrected Latvian bundled). A soft hyphen is invisible
unless the line breaks there, and a browser breaks a word that has soft hyphens only at them (CSS Text 3,
``hyphens``): in every language, the web then breaks headings where the PDF would.

Only the rendered heading changes. The title is replaced by a :class:`HyphenatedText` node whose text stays plain,
and only the HTML writer writes its hyphenated form: the search index (made from the same doctree), the ``<title>``,
the tables of contents, the navigation and the ids (all made when the sources are read) keep the plain words. The
PDF's ``print`` builder is not among :attr:`SoftHyphensInHeadings.builders`: WeasyPrint hyphenates by itself.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyphen
from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import LITERAL_TYPE_NODES

import strom
from strom.ext.i18n import language_of
from strom.pdf import typography

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator

SOFT_HYPHEN = "\u00ad"
#: Letters only: numbers, codes ("2011/36/ES") and words that already have soft hyphens are left alone.
_WORD = re.compile(r"[^\W\d_]+")
#: The PDF's minimum fragments (print.css ``hyphenate-limit-chars: 6 3 3``): no "a-" or "-ed" at a line end.
MIN_BEFORE = 3
MIN_AFTER = 3


class HyphenatedText(nodes.Inline, nodes.TextElement):
    """Heading text that HTML shows with soft hyphens (``node['hyphenated']``); its own text is the plain words."""


@functools.lru_cache(maxsize=16)
def _dictionary(tag: str) -> pyphen.Pyphen:
    """Return the Pyphen dictionary for a BCP 47 tag the registry's dictionaries answer to (``lv-LV``)."""
    typography.register_hyphenation()
    return pyphen.Pyphen(lang=tag, left=MIN_BEFORE, right=MIN_AFTER)


def soft_hyphenate(text: str, tag: str) -> str:
    """Return ``text`` with a soft hyphen at every break point the dictionary for ``tag`` allows in its words."""
    if SOFT_HYPHEN in text or pyphen.language_fallback(tag) is None:
        return text
    dictionary = _dictionary(tag)
    return _WORD.sub(lambda word: str(dictionary.inserted(word.group(0), hyphen=SOFT_HYPHEN)), text)


def _passage_tag(node: nodes.Node, page_tag: str) -> str:
    """Return the language of the passage ``node`` is in: a ``language-<tag>`` class around it, else the page's."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        classes: list[str] = parent.get("classes", [])
        for name in classes:
            if name.startswith("language-"):
                return name.removeprefix("language-")
        parent = parent.parent
    return page_tag


class SoftHyphensInHeadings(SphinxPostTransform):
    """Put soft hyphens into the words of section titles, for the HTML builders only."""

    builders = ("html", "dirhtml")
    default_priority = 800

    def run(self, **kwargs: Any) -> None:
        """Replace each title's text by a :class:`HyphenatedText` with the same words."""
        page_tag = typography.hyphenation_language(language_of(self.config))
        # Parsed dictionaries are kept beside the doctrees, where the PDF renderer keeps them too.
        cache = typography.dictionary_cache(Path(self.env.doctreedir).parent)
        loaded: set[str] = set()
        for title in list(self.document.findall(nodes.title)):
            if not isinstance(title.parent, nodes.section):
                continue
            for text in list(title.findall(nodes.Text)):
                if isinstance(text.parent, (*LITERAL_TYPE_NODES, HyphenatedText)):
                    continue
                plain = text.astext()
                tag = _passage_tag(text, page_tag)
                if tag not in loaded:
                    typography.load_dictionary(tag, cache)
                    loaded.add(tag)
                hyphenated = soft_hyphenate(plain, tag)
                if hyphenated != plain:
                    text.parent.replace(text, HyphenatedText(plain, plain, hyphenated=hyphenated))


def visit_hyphenated_text_html(translator: HTML5Translator, node: HyphenatedText) -> None:
    """Write the hyphenated form (the node's plain text is for everything else)."""
    translator.body.append(translator.encode(node["hyphenated"]))
    raise nodes.SkipNode


def _on_builder_inited(app: Sphinx) -> None:
    """Fail before reading, not while writing, if the language's hyphenation dictionary is missing."""
    if app.builder.name in SoftHyphensInHeadings.builders:
        try:
            typography.hyphenation_language(language_of(app.config))
        except typography.TypographyError as error:
            raise ConfigError(str(error)) from None


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the post-transform and the node's HTML writer."""
    app.setup_extension("strom.ext.i18n")
    app.add_node(HyphenatedText, html=(visit_hyphenated_text_html, None))
    app.add_post_transform(SoftHyphensInHeadings)
    app.connect("builder-inited", _on_builder_inited)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

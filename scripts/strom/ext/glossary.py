"""The glossary in the reader's alphabetical order: sorted again after translation.

Sphinx's ``glossary`` keeps the order of the source (or sorts the English terms with ``:sorted:``); once the
terms are translated, a Latvian glossary would still be in English order. After the catalogues are applied, each
glossary's entries are sorted by their (translated) term with the registry's alphabet for the language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

import strom
from strom.collation import collation_key
from strom.ext.i18n import language_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


class SortTranslatedGlossaries(SphinxTransform):
    """Sort the entries of every glossary by their translated term."""

    default_priority = 30  # after sphinx.transforms.i18n.Locale (20) and our guards

    def apply(self, **kwargs: Any) -> None:
        """Reorder each glossary's definition list in the build's language."""
        language = language_of(self.config)
        if language.source:
            return  # the English source is in the order its authors chose
        for glossary in self.document.findall(addnodes.glossary):
            for definitions in glossary.findall(nodes.definition_list):
                items = [child for child in definitions.children if isinstance(child, nodes.definition_list_item)]
                items.sort(key=lambda item: collation_key(_term_text(item), language.alphabet))
                definitions.children = []
                definitions.extend(items)


def _term_text(item: nodes.definition_list_item) -> str:
    """The text of an entry's first term."""
    term = next(iter(item.findall(nodes.term)), None)
    return term.astext() if term is not None else ""


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the glossary sorting transform."""
    app.setup_extension("strom.ext.i18n")
    app.add_transform(SortTranslatedGlossaries)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

"""Markup fixes for WCAG 2.1 AA that Sphinx and Furo leave to us (checked with axe-core in tests/site)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strom

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Sphinx writes toctree captions as ``role="heading"`` without the ``aria-level`` that ARIA 1.2 requires
#: (https://github.com/sphinx-doc/sphinx/issues/14030); ARIA 1.1's implied level was 2, which we make explicit.
CAPTION = '<p class="caption" role="heading">'
CAPTION_WITH_LEVEL = '<p class="caption" role="heading" aria-level="2">'


def _on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give toctree captions a heading level, in the page body and in Furo's navigation tree."""
    for key in ("body", "furo_navigation_tree"):
        value = context.get(key)
        if isinstance(value, str) and CAPTION in value:
            context[key] = value.replace(CAPTION, CAPTION_WITH_LEVEL)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the handler."""
    # After Furo's handler (priority 500), which renders the navigation tree.
    app.connect("html-page-context", _on_html_page_context, priority=800)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

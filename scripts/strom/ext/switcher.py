"""The language switcher: links from every page to the same page in each language, and hreflang alternates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import strom
from strom import registry
from strom.ext.i18n import language_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

#: Furo's sidebar with our language switcher after the search box.
SIDEBARS = [
    "sidebar/brand.html",
    "sidebar/search.html",
    "strom-languages.html",
    "sidebar/scroll-start.html",
    "sidebar/navigation.html",
    "sidebar/scroll-end.html",
]


@dataclass(frozen=True)
class Alternate:
    """One language version of the current page."""

    code: str
    name: str
    hreflang: str
    href: str
    current: bool


def alternates(pagename: str, current: str, languages: tuple[registry.Language, ...]) -> list[Alternate]:
    """Return the links to ``pagename`` in every language, relative to that page in the site ``<lang>/`` tree."""
    up = "../" * (pagename.count("/") + 1)
    return [
        Alternate(
            code=language.code,
            name=language.name,
            hreflang=language.sphinx,
            href=f"{up}{language.code}/{pagename}.html",
            current=language.code == current,
        )
        for language in languages
    ]


def _on_config_inited(app: Sphinx, config: Config) -> None:
    """Put the switcher in Furo's left sidebar unless the project chose its own sidebars."""
    if not config.html_sidebars:
        config.html_sidebars = {"**": SIDEBARS}


def _on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give every page its language alternates (the switcher and ``<link rel="alternate">`` use them)."""
    languages = registry.load()
    current = language_of(app.config)
    context["strom_alternates"] = alternates(pagename, current.code, languages.languages)
    context["strom_default_alternate"] = alternates(pagename, current.code, (languages.source,))[0]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the switcher's handlers."""
    app.setup_extension("strom.ext.i18n")
    app.connect("config-inited", _on_config_inited)
    app.connect("html-page-context", _on_html_page_context)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

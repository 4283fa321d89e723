"""The reader's way between languages and formats: a switcher on every page, hreflang alternates, the PDF link.

Every page links to the same page in each language of the registry (``<site>/<code>/<page>.html``), in the
left sidebar and, for phones, in the footer; ``<link rel="alternate" hreflang>`` names all of them plus
``x-default`` (the source language). The links are plain ``<a href>`` and work without JavaScript;
``strom-site.js`` adds the section the reader is at when one is clicked, and remembers the choice for the
site's root page.

The site is published as ``_build/html/<code>/`` beside ``_build/html/pdf/``: each page links to its language's
PDF at ``<site>/pdf/<pdf>-<code>.pdf`` (see :func:`strom.site.publish_pdf`). ``strom_pdf_href`` overrides the
target, e.g. to serve the PDFs from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import strom
from strom import paths, registry
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

#: Where a page's PDF link points: ``{root}`` is the relative path to the site root (``../`` from
#: ``<code>/index.html``), ``{filename}`` the PDF's name (``trafficking-guidelines-lv.pdf``).
DEFAULT_PDF_HREF = "{root}pdf/{filename}"

#: Our stylesheet and script, in ``strom/static`` (shared with other helpers' files, copied to ``_static``).
STATIC = paths.PACKAGE / "static"
STYLESHEET = "strom-site.css"
#: Builders that make the website (the print builder for the PDF has its own styles).
WEBSITE_BUILDERS = frozenset({"html", "dirhtml"})
SCRIPT = "strom-site.js"


@dataclass(frozen=True)
class Alternate:
    """One language version of the current page."""

    code: str
    name: str
    hreflang: str
    href: str
    current: bool


@dataclass(frozen=True)
class PdfLink:
    """The link from a page to its language's PDF."""

    href: str
    filename: str


def site_root(pagename: str) -> str:
    """Return the relative path from ``<code>/<pagename>.html`` up to the site root, e.g. ``../../``."""
    return "../" * (pagename.count("/") + 1)


def alternates(
    pagename: str, current: str, languages: tuple[registry.Language, ...], suffix: str = ".html"
) -> list[Alternate]:
    """Return the links to ``pagename`` in every language, relative to that page in the site ``<lang>/`` tree."""
    up = site_root(pagename)
    return [
        Alternate(
            code=language.code,
            name=language.name,
            hreflang=language.sphinx,
            href=f"{up}{language.code}/{pagename}{suffix}",
            current=language.code == current,
        )
        for language in languages
    ]


def pdf_link(pagename: str, language: registry.Language, template: str = DEFAULT_PDF_HREF) -> PdfLink:
    """Return the link from ``pagename`` to the language's PDF, made from ``template`` (``strom_pdf_href``)."""
    filename = language.pdf_filename
    return PdfLink(href=template.format(root=site_root(pagename), filename=filename), filename=filename)


def _on_config_inited(app: Sphinx, config: Config) -> None:
    """Put the switcher in Furo's left sidebar unless the project chose its own; add our static files."""
    if not config.html_sidebars:
        config.html_sidebars = {"**": SIDEBARS}
    if str(STATIC) not in map(str, config.html_static_path):
        config.html_static_path = [*config.html_static_path, str(STATIC)]


def _on_builder_inited(app: Sphinx) -> None:
    """Load our stylesheet and script on every HTML page (after Furo's, so ours win)."""
    if app.builder.name not in WEBSITE_BUILDERS:
        return
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT, loading_method="defer")


def _on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give every page its language alternates and PDF link (the templates render them)."""
    languages = registry.load()
    current = language_of(app.config)
    suffix = getattr(app.builder, "link_suffix", ".html")
    context["strom_alternates"] = alternates(pagename, current.code, languages.languages, suffix)
    context["strom_default_alternate"] = alternates(pagename, current.code, (languages.source,), suffix)[0]
    template = app.config.strom_pdf_href
    context["strom_pdf"] = pdf_link(pagename, current, template) if template else None


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the switcher's settings and handlers, and the website extensions that come with it."""
    app.setup_extension("strom.ext.i18n")
    app.setup_extension("strom.ext.notices")
    app.setup_extension("strom.ext.interface")
    app.setup_extension("strom.ext.accessibility")
    app.add_config_value("strom_pdf_href", DEFAULT_PDF_HREF, "html", types=frozenset({str}))
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _on_html_page_context)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

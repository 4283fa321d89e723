"""Language set-up for a build: check the language against the registry, localize titles, share the registry, and
give translations the ``{lang-<code>}`` roles that mark a passage in another language (an English title kept in
English in a Latvian sentence: ``„{lang-en}`Strengthening the role of municipalities…`”``).

The role's ``lang`` (docutils renders a ``language-<tag>`` class as the attribute) tells screen readers how to
speak the passage (WCAG 2.1, 3.1.2 language of parts) and WeasyPrint which hyphenation dictionary to use; the tag
names the registry's dictionary (``en-GB``), as the PDF's root element does (strom.pdf.typography).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxRole

import strom
from strom import docutils_languages, paths, registry
from strom.catalog.markup import LANGUAGE_ROLE_PREFIX

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

_ = get_translation("sphinx")


def N_(message: str) -> str:
    """Mark ``message`` for extraction into sphinx.pot; it is translated later, where it is used, with ``_()``."""
    return message


#: The publication's title and subtitle: interface strings, translated in ``locale/<lang>/LC_MESSAGES/sphinx.po``.
TITLE = N_("Recognise, refer, support")
SUBTITLE = N_("Practical guidelines for municipalities on trafficking in human beings")
COPYRIGHT = N_("the guidelines project contributors, CC BY 4.0")
AUTHOR = N_("The guidelines project contributors")
#: Shown on every page and on the PDF cover while the registry says the translation is a draft.
REVIEW_DRAFT = N_("This translation is a draft. It is awaiting review by a national expert.")


def review_notice(language: registry.Language) -> str | None:
    """Return the translated draft notice for a language whose translation is not yet signed off, else None."""
    return str(_(REVIEW_DRAFT)) if language.review == "draft" else None


def language_of(config: Config) -> registry.Language:
    """Return the registry entry for the build's ``language``; raise :class:`ConfigError` if the registry lacks it."""
    languages = registry.load()
    code = config.language or languages.source.sphinx
    for language in languages.languages:
        if code in (language.sphinx, language.code):
            return language
    raise ConfigError(
        f"language {code!r} is not in the registry {languages.path}; known languages: {' '.join(languages.codes)}"
    )


def language_tag(language: registry.Language) -> str:
    """Return the BCP 47 tag of a passage in ``language``: its hyphenation dictionary's (``en-GB``, ``de-DE``)."""
    # Not the bare code: WeasyPrint would hyphenate "de" with Pyphen's first German file, the Austrian one.
    return language.hyphenation.replace("_", "-")


class ForeignPassage(SphinxRole):
    """``{lang-en}`text```: ``text`` is in the role's language, not the page's; rendered with its ``lang``."""

    def __init__(self, language: registry.Language) -> None:
        super().__init__()
        self.language = language

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """Return the text in an inline element with the language's ``lang``."""
        return [nodes.inline(self.rawtext, self.text, classes=[f"language-{language_tag(self.language)}"])], []


def _on_config_inited(app: Sphinx, config: Config) -> None:
    """Fail early on an unknown language, then set localized titles, the template search path and the roles."""
    language = language_of(config)
    for other in registry.load().languages:
        app.add_role(f"{LANGUAGE_ROLE_PREFIX}{other.code}", ForeignPassage(other), override=True)
    title = str(_(TITLE))
    config.project = title
    config.html_title = title
    config.html_short_title = title
    config.templates_path = [str(paths.PACKAGE / "templates"), *config.templates_path]
    config.html_context = {
        **config.html_context,
        "strom_language": language,
        "strom_languages": registry.load().languages,
        "strom_subtitle": str(_(SUBTITLE)),
        "strom_review_notice": review_notice(language),
        "strom_version": strom.__version__,
    }


def reuse_myst_default_settings() -> None:
    """Make MyST compute Docutils' default settings once per parser class, not once per translated message.

    Sphinx parses every translated message on its own (``sphinx.transforms.i18n``), and MyST's renderer starts each
    parse with ``options.get("document", make_document())``: the default is evaluated even though Sphinx passes a
    document, and ``make_document`` builds Docutils' option parser to get the default settings, about 0.8 ms a
    message, 0.08 s of rebuilding one translated chapter (myst-parser 5.2.0, ``mdit_to_docutils/base.py``). Here the
    settings are made once and each caller gets its own deep copy (0.03 ms), which is what a fresh computation gives.
    """
    from myst_parser.mdit_to_docutils import base

    module: Any = base  # its name imported from docutils.frontend, replaced in its namespace only
    original = module.get_default_settings
    if getattr(original, "strom_reused", False):
        return
    made: dict[tuple[Any, ...], Any] = {}

    def get_default_settings(*components: Any) -> Any:
        if components not in made:
            made[components] = original(*components)
        return copy.deepcopy(made[components])

    get_default_settings.strom_reused = True  # type: ignore[attr-defined]
    module.get_default_settings = get_default_settings


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the language set-up handlers."""
    docutils_languages.register()
    reuse_myst_default_settings()
    app.connect("config-inited", _on_config_inited, priority=400)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

"""Sphinx extension: a real full-text search in every language of the registry, never a silent English one.

Add ``"strom.search"`` to ``extensions``. The build's ``language`` is looked up in the registry
(``locale/languages.toml``, by its ``sphinx`` field); that language's ``search`` field names the search
language (:data:`strom.search.languages.SEARCH_LANGUAGES`), which becomes ``html_search_language``.
The build stops with a :class:`~sphinx.errors.ConfigError` when the language is not in the registry,
when its ``search`` code has no search language here, or when ``html_search_language`` says otherwise;
and with a :class:`SearchLanguageError` if the HTML builder's index ends up in any other language.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from sphinx.errors import ConfigError, SphinxError
from sphinx.util import logging

import strom
from strom import registry
from strom.search.languages import OWN_SEARCH_LANGUAGES, SEARCH_LANGUAGES

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)


class SearchLanguageError(SphinxError):
    """The HTML search index was built in another language than the registry names."""

    category = "Search language error"


def search_language_for(sphinx_language: str, languages: registry.Registry) -> str:
    """Return the registry's ``search`` code for a Sphinx ``language``; raise ConfigError if there is none."""
    matches = [language for language in languages.languages if language.sphinx == sphinx_language]
    if not matches:
        known = ", ".join(language.sphinx for language in languages.languages)
        raise ConfigError(
            f"{languages.path}: no language has sphinx = {sphinx_language!r}, so its search would fall back "
            f"to English. Build one of: {known}; or add a [[language]] table for it."
        )
    language = matches[0]
    if language.search not in SEARCH_LANGUAGES:
        raise ConfigError(
            f"{languages.path}: language {language.code!r} has search = {language.search!r}, for which "
            f"strom.search has no search language, so its search would fall back to English. "
            f"Use one of: {', '.join(sorted(SEARCH_LANGUAGES))}; or add a SearchLanguage in strom/search/languages.py."
        )
    return language.search


def stemmer_fingerprint() -> str:
    """A hash of everything that decides the stems: our sources, tables and stop words, and the versions."""
    digest = hashlib.sha256(f"{sphinx.__version__} {version('snowballstemmer')}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".js", ".txt"}:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _on_config_inited(app: Sphinx, config: Config) -> None:
    """Set ``html_search_language`` from the registry, or stop the build."""
    try:
        languages = registry.load()
    except registry.RegistryError as error:
        raise ConfigError(str(error)) from None
    search = search_language_for(config.language, languages)
    if config.html_search_language not in (None, search):
        raise ConfigError(
            f"html_search_language = {config.html_search_language!r}, but the registry ({languages.path}) "
            f"gives search = {search!r} for language {config.language!r}. Remove html_search_language: "
            "strom.search sets it from the registry."
        )
    config.html_search_language = search
    # A changed stemmer must not meet an index of old stems: an 'html' config value makes Sphinx rewrite
    # every page, and so the whole index, when the fingerprint changes.
    config.strom_search_fingerprint = stemmer_fingerprint()
    logger.verbose("strom.search: %s search for language %s", search, config.language)


def _on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Check, as the first pages are written, that the index really is in the registry's search language."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return
    expected = SEARCH_LANGUAGES[app.config.html_search_language]
    if type(indexer.lang) is not expected:
        raise SearchLanguageError(
            f"the search index for language {app.config.language!r} uses {type(indexer.lang).__name__} "
            f"({indexer.lang.lang!r}) instead of {expected.__name__}; another extension or conf.py replaced "
            "the search language, which would give readers English stemming and stop words."
        )


# Opened from disk (file://), the browser refuses the fetch() that searchtools.js makes for each result's
# summary (CORS), and reports an uncaught "Failed to fetch"; the results themselves work. Skip summaries there.
FILE_PROTOCOL_JS = (
    'if (location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") '
    "DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;"
)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register our search languages and the registry check."""
    for search_language in OWN_SEARCH_LANGUAGES:
        app.add_search_language(search_language)
    app.add_js_file(None, body=FILE_PROTOCOL_JS)
    app.add_config_value("strom_search_fingerprint", "", "html", types=frozenset({str}))
    app.connect("config-inited", _on_config_inited)
    app.connect("html-page-context", _on_html_page_context)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

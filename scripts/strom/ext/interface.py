"""Interface text in the reader's language: the messages of the theme, of Sphinx and of our code.

Interface strings live in ``locale/<lang>/LC_MESSAGES/sphinx.po``, which Sphinx loads before its own bundled
catalogue. This module closes the gaps that remain:

- ``copyright`` (conf.py) is English text: it is looked up in the catalogue when a page is written.
- Furo writes ``aria-label="Toggle navigation of …"`` from Python (``furo/navigation.py``); we translate it in
  the rendered navigation tree (https://github.com/pradyunsg/furo/issues/434).
- The search page's script reads its strings from ``_static/translations.js``, which Sphinx copies from its own
  bundled catalogue only (it looks for ``sphinx.js`` under ``locale_dirs`` relative to the working directory,
  and nothing makes one from a ``.po``). After the build we rewrite it: Sphinx's bundled messages, overlaid by
  every message of our catalogue, and untranslated entries left out (Sphinx's file has them as ``""``, which
  ``Documentation.gettext`` would show as empty text).

The msgids of the interface catalogue are collected by :mod:`strom.catalog.extract` (``make gettext``).
"""

from __future__ import annotations

import gettext
import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.locale import get_translation

import strom
from strom.ext.i18n import language_of
from strom.ext.switcher import WEBSITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

_ = get_translation("sphinx")

#: Furo's navigation tree labels each expandable entry with this English text.
_FURO_TOGGLE = re.compile(r'aria-label="Toggle navigation of ([^"]*)"')


# --- translations.js ---------------------------------------------------------------------------------------


def _catalogues(translator: gettext.NullTranslations) -> list[tuple[dict[Any, str], dict[str, str]]]:
    """Return the (messages, header) of each compiled catalogue in a translator chain, first = highest priority."""
    found = []
    current: gettext.NullTranslations | None = translator
    while current is not None:
        messages = getattr(current, "_catalog", None)
        if isinstance(messages, dict):
            found.append((messages, dict(current.info())))
        current = getattr(current, "_fallback", None)
    return found


def _plural_expression(header: dict[str, str]) -> str | None:
    """Return the ``plural=`` expression of a catalogue's ``Plural-Forms`` header."""
    match = re.search(r"plural\s*=\s*([^;]+)", header.get("plural-forms", ""))
    return match.group(1).strip() if match else None


def translations_js(bundled: dict[str, Any], translator: gettext.NullTranslations, locale: str) -> str:
    """Return ``translations.js``: Sphinx's ``bundled`` catalogue overlaid by our catalogue chain."""
    catalogues = _catalogues(translator)
    messages: dict[str, str | list[str]] = {
        msgid: value
        for msgid, value in bundled.get("messages", {}).items()
        if value and (isinstance(value, str) or all(value))
    }
    plural_expr = bundled.get("plural_expr", "(n != 1)")
    # Lowest priority first, so that the first catalogue of the chain (ours) wins.
    for catalogue, header in reversed(catalogues):
        forms: dict[str, dict[int, str]] = {}
        for key, value in catalogue.items():
            if isinstance(key, tuple):
                forms.setdefault(key[0], {})[key[1]] = value
            elif key and value:
                messages[key] = value
        for msgid, by_index in forms.items():
            if msgid and all(by_index.values()):
                messages[msgid] = [by_index[index] for index in sorted(by_index)]
        if forms and _plural_expression(header):
            plural_expr = _plural_expression(header)
    body = json.dumps(
        {"locale": locale, "messages": dict(sorted(messages.items())), "plural_expr": plural_expr},
        ensure_ascii=True,
        indent=4,
    )
    return f"Documentation.addTranslations({body});\n"


def _bundled_translations(language: str) -> dict[str, Any]:
    """Return Sphinx's bundled JavaScript catalogue for ``language`` (empty if Sphinx has none)."""
    import sphinx

    path = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    start, end = text.index("(") + 1, text.rindex(")")
    bundled: dict[str, Any] = json.loads(text[start:end])
    return bundled


def _on_builder_inited(app: Sphinx) -> None:
    """Load ``translations.js`` where Sphinx would not (it does only when it bundles a catalogue)."""
    if app.builder.name not in WEBSITE_BUILDERS or language_of(app.config).source:
        return
    if not _bundled_translations(app.config.language or ""):
        app.add_js_file("translations.js")


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Rewrite ``_static/translations.js`` from Sphinx's bundled catalogue and ours."""
    if exception is not None or app.builder.name not in WEBSITE_BUILDERS or language_of(app.config).source:
        return
    language = app.config.language or ""
    target = Path(app.outdir) / "_static" / "translations.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(translations_js(_bundled_translations(language), app.translator, language), encoding="utf-8")


def _on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Translate the copyright holder and Furo's hard-coded ``Toggle navigation of …`` labels."""
    if context.get("copyright"):
        # conf.py's copyright is English text; a template may not call _() on a variable (Sphinx's gettext
        # builder extracts template messages and fails on a message that is not a literal).
        context["copyright"] = _(context["copyright"])
    tree = context.get("furo_navigation_tree")
    if not isinstance(tree, str) or "Toggle navigation of" not in tree:
        return

    def translate(match: re.Match[str]) -> str:
        label = _("Toggle navigation of %(title)s") % {"title": html.unescape(match.group(1))}
        return f'aria-label="{html.escape(label, quote=True)}"'

    context["furo_navigation_tree"] = _FURO_TOGGLE.sub(translate, tree)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the handlers."""
    app.setup_extension("strom.ext.i18n")
    app.connect("builder-inited", _on_builder_inited)
    # After Furo's handler (priority 500), which renders the navigation tree.
    app.connect("html-page-context", _on_html_page_context, priority=800)
    app.connect("build-finished", _on_build_finished)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

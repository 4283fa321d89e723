"""Docutils language modules for our languages that Docutils lacks (Estonian, Norwegian Bokmål).

Docutils 0.22 warns ``Language "et" not supported: Docutils-generated text will be in English`` for a
language without a module in ``docutils.languages``, and a build with warnings as errors fails. Its importer
looks in a cache first, so :func:`register` puts these modules there. Docutils' own list of languages:
https://docutils.sourceforge.io/docs/howto/i18n.html (new languages are contributed upstream as modules).
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: Our languages (Sphinx codes) that need a module of ours.
LANGUAGES = ("et", "nb")


def module(code: str) -> ModuleType:
    """Return our Docutils language module for ``code``."""
    return importlib.import_module(f"strom.docutils_languages.{code}")


def register() -> None:
    """Make Docutils find our modules for :data:`LANGUAGES` (idempotent)."""
    from docutils.languages import get_language

    for code in LANGUAGES:
        get_language.cache.setdefault(code, module(code))

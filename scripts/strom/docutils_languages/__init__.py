"""Docutils language modules for our languages that Docutils lacks (Estonian, Norwegian Bokmål).

Docutils 0.22 warns ``Language "et" not supported: Docutils-generated text will be in English`` for a
language without a module in ``docutils.languages``, and a build with warnings as errors fails. Its importer
imports ``docutils.languages.<code>``, so :func:`register` makes our modules importable under that name
through ``sys.modules`` (Sphinx sometimes wraps ``get_language`` in a function, so its cache is out of reach).
Docutils' languages: https://docutils.sourceforge.io/docs/howto/i18n.html (new ones are contributed upstream).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

#: Our languages (Sphinx codes) that need a module of ours.
LANGUAGES = ("et", "nb")


def module(code: str) -> ModuleType:
    """Return our Docutils language module for ``code``."""
    return importlib.import_module(f"strom.docutils_languages.{code}")


def register() -> None:
    """Make Docutils find our modules for :data:`LANGUAGES` (idempotent)."""
    for code in LANGUAGES:
        sys.modules.setdefault(f"docutils.languages.{code}", module(code))

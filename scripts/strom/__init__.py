"""strom: the build pipeline for the multilingual trafficking guidelines (Sphinx, gettext, WeasyPrint)."""

from __future__ import annotations

__version__ = "0.1.0"

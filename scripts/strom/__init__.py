"""strom: the build pipeline for the multilingual trafficking guidelines (Sphinx, gettext, WeasyPrint)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    #: The publication's version: pyproject.toml's, as installed (shown in the site footer and on the PDF cover).
    __version__ = version("strom")
except PackageNotFoundError:  # running from a source tree without installing (make clean)
    __version__ = "0+unknown"

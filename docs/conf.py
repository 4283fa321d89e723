"""Sphinx configuration for the guidelines; the language comes from the build (``-D language=lv``)."""

from __future__ import annotations

import strom
from strom.ext.i18n import AUTHOR, COPYRIGHT

project = "Recognise, refer, support"
author = AUTHOR  # translated where it is shown
copyright = COPYRIGHT
version = release = strom.__version__

language = "en"
root_doc = "index"
exclude_patterns = ["_build", "_data", "**/README.md"]

extensions = [
    "myst_parser",
    "strom.ext.i18n",
    "strom.ext.guard",
    "strom.ext.content",
    "strom.ext.glossary",
    "strom.ext.switcher",
    "strom.ext.hyphenation",
    "strom.ext.navigation",
    "strom.catalog.status",
    "strom.search",
    "strom.pdf.builder",
]

# MyST: task lists for checklists; headings get no automatic anchors (we label what we reference).
myst_enable_extensions = ["tasklist"]
myst_heading_anchors = 0

# Translation: one catalogue per document, no source locations (line numbers churn on every edit).
locale_dirs = ["../locale"]
gettext_compact = False
gettext_location = False
gettext_uuid = False
gettext_additional_targets: list[str] = []

# Numbered figures, tables and diagrams ("Fig. 1"), so {numref} works in every language.
numfig = True

html_theme = "furo"
html_static_path: list[str] = []
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt: str | None = None
html_permalinks_icon = "#"

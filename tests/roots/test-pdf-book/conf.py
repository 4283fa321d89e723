"""A tiny publication for the print builder: repeated ids, cross-references, glossary, figure, table, task list."""

project = "Tiny guide"
author = "Test authors"
copyright = "Test authors, CC BY 4.0"
release = "1.2"
extensions = ["myst_parser", "strom.pdf.builder"]
myst_enable_extensions = ["tasklist"]
numfig = True
# The print builder must ignore the web theme.
html_theme = "furo"
html_title = "Tiny guide"
locale_dirs = ["locale"]
gettext_compact = False

"""A tiny project for strom.ext.content's tests."""

extensions = ["myst_parser", "strom.ext.content"]
myst_enable_extensions = ["tasklist"]
exclude_patterns = ["_build", "_data"]
locale_dirs = ["locale"]
gettext_compact = False
numfig = True

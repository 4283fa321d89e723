"""A project whose page shows the translation-status chart, with catalogues for two languages."""

extensions = ["myst_parser", "strom.catalog.status"]
locale_dirs = ["locale"]
gettext_compact = False
exclude_patterns = ["locale"]

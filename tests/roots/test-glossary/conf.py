extensions = ["myst_parser", "strom.ext.glossary"]
locale_dirs = ["locale"]
gettext_compact = False

extensions = ["myst_parser", "strom.ext.guard"]
locale_dirs = ["locale"]
gettext_compact = False

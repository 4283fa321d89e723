extensions = ["myst_parser", "strom.ext.i18n", "strom.ext.switcher"]
html_theme = "furo"
locale_dirs = ["locale"]
gettext_compact = False

"""A tiny MyST project for the catalogue tests: the real project's i18n settings, no custom extensions."""

project = "Recognise, refer, support"
copyright = "the guidelines project contributors, CC BY 4.0"
version = release = "0.1.0"
extensions = ["myst_parser"]
language = "en"
locale_dirs = ["../locale"]
gettext_compact = False
gettext_location = False
gettext_uuid = False
numfig = True

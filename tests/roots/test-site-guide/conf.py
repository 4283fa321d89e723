# A tiny guide with what real pages have: nested sections, lists, a table, admonitions, a glossary,
# cross-references, external links and toctree captions; Latvian partly translated, German not at all.
extensions = ["myst_parser", "strom.ext.i18n", "strom.ext.switcher", "strom.ext.hyphenation"]
html_theme = "furo"
locale_dirs = ["locale"]
gettext_compact = False
gettext_location = False
gettext_uuid = False
copyright = "the guidelines project contributors, CC BY 4.0"
myst_enable_extensions = ["tasklist"]
numfig = True
html_copy_source = False
html_show_sourcelink = False
html_permalinks_icon = "#"

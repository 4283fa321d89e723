# A checklist page with the project's content extension: MyST task lists in an untranslated language.
extensions = ["myst_parser", "strom.ext.i18n", "strom.ext.content", "strom.ext.switcher"]
html_theme = "furo"
myst_enable_extensions = ["tasklist"]
html_copy_source = False
html_show_sourcelink = False

# Nested toctrees two folders deep, a hidden toctree, a caption, a page with sections and two top-level
# headings, a link to the index and an external link: what changes in Furo's navigation tree from page to page.
extensions = ["myst_parser", "strom.ext.navigation"]
html_theme = "furo"
html_copy_source = False
html_show_sourcelink = False

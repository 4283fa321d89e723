"""A tiny project: one page per language with a sentence about trafficking, for the search tests."""

project = "search"
extensions = ["strom.search"]
html_theme = "furo"

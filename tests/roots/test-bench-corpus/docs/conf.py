"""A tiny project for the synthetic corpus generator of strom.bench (MyST only, no strom extensions)."""

project = "Bench corpus"
extensions = ["myst_parser"]
exclude_patterns = ["_data"]
numfig = True

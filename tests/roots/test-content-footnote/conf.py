extensions = ["myst_parser", "strom.ext.content"]

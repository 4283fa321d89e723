"""Sphinx extensions of the guidelines pipeline, one module each."""

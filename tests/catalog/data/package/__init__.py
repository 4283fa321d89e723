"""A stand-in package for interface extraction tests."""

from sphinx.locale import get_translation

_ = get_translation("sphinx")


def label() -> str:
    """A string readers see."""
    # Translators: the heading of the key points box at the top of each chapter.
    return _("Key points")

"""A footnote marker stays on the line of the word it follows."""

from __future__ import annotations

import re

import pytest


@pytest.mark.sphinx("html", testroot="content-footnote", freshenv=True)
def test_footnote_marker_is_kept_with_the_word_before_it(app) -> None:
    app.build()
    assert not app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    spans = re.findall(r'<span class="strom-nowrap">(.*?)</span>', page, re.S)
    assert len(spans) == 2
    assert spans[0].startswith('2022.<a class="footnote-reference')
    assert spans[1].startswith('sentence.<a class="footnote-reference')
    assert "The handbook was published in <span" in page

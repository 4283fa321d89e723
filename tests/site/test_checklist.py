"""Checklists (MyST task lists) with the content extension, in a language that has no translation yet."""

from __future__ import annotations

import pytest


@pytest.mark.sphinx("html", testroot="site-checklist", confoverrides={"language": "lv"})
def test_each_item_keeps_one_checkbox_outside_the_english_passage(app) -> None:
    app.build()
    assert not app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    items = [line for line in page.splitlines() if 'class="task-list-item"' in line]
    assert len(items) == 2
    for item in items:
        assert item.count('class="task-list-item-checkbox"') == 1
        # The box is markup, the text is the English passage: <p><input …><span lang="en">…</span></p>
        assert '<p><input aria-hidden="true" class="task-list-item-checkbox"' in item and '<span lang="en">' in item

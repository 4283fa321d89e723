"""strom-components.css laid out by WeasyPrint: the pathway as boxes and arrows, checklists with aligned boxes."""

from __future__ import annotations

import io
import itertools
import logging
import re
from dataclasses import dataclass

import pypdf
import pytest
import weasyprint

from strom.ext.content import COMPONENTS_CSS, COMPONENTS_NARROW_CSS

BASE_CSS = (
    "body { font-family: sans-serif; font-size: 16px; line-height: 1.5; margin: 0 } .headerlink { display: none }"
)


@dataclass(frozen=True)
class Box:
    """One laid-out box: its element's tag (``li``, ``li::before``), classes and border-box geometry in px."""

    tag: str
    classes: tuple[str, ...]
    kind: str
    x: float
    y: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


def _content(app) -> str:
    """Build the project and return its index page's body text (the theme's own CSS left out)."""
    app.build()
    assert not app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    body = re.search(r'<div class="body" role="main">(.*?)\n\s*</div>\s*</div>\s*</div>', page, re.S)
    assert body, page
    head = '<meta charset="utf-8"><title>Components</title>'
    return f'<!DOCTYPE html><html lang="en"><head>{head}</head><body>{body.group(1)}</body></html>'


def _layout(html: str, *stylesheets: str, page: str = "A4", media: str = "print") -> list[Box]:
    """Lay the page out with WeasyPrint and return every box of the first page, in document order."""
    sheets = [weasyprint.CSS(string=f"@page {{ size: {page}; margin: 1cm }} {BASE_CSS}")]
    sheets += [weasyprint.CSS(filename=str(path), media_type=media) for path in stylesheets]
    document = weasyprint.HTML(string=html, media_type=media).render(stylesheets=sheets)
    boxes: list[Box] = []

    def walk(box) -> None:
        if box.element is not None and box.element_tag:
            boxes.append(
                Box(
                    box.element_tag,
                    tuple((box.element.get("class") or "").split()),
                    type(box).__name__,
                    box.border_box_x(),
                    box.border_box_y(),
                    box.border_width(),
                    box.border_height(),
                )
            )
        for child in getattr(box, "children", []) or []:
            walk(child)

    for laid_out_page in document.pages[:1]:
        walk(laid_out_page._page_box)
    return boxes


def _find(boxes: list[Box], tag: str, css_class: str) -> list[Box]:
    return [box for box in boxes if box.tag == tag and css_class in box.classes and box.kind != "LineBox"]


@pytest.mark.sphinx("html", testroot="content-pathway", freshenv=True)
def test_pathway_steps_are_boxes_joined_by_arrows(app) -> None:
    boxes = _layout(_content(app), COMPONENTS_CSS)
    steps = _find(boxes, "li", "strom-pathway-step")
    assert len(steps) == 3
    for above, below in itertools.pairwise(steps):
        assert below.x == above.x
        gap = below.y - above.bottom
        assert gap >= 30, "room for an arrow between the boxes"
        shaft = next(box for box in _find(boxes, "li::before", "strom-pathway-step") if above.bottom <= box.y < below.y)
        head = next(box for box in _find(boxes, "li::after", "strom-pathway-step") if above.bottom <= box.y < below.y)
        # The arrow sits in the gap, centred, pointing down at the box below.
        assert shaft.bottom <= head.y + 1 and head.bottom <= below.y
        centre = below.x + below.width / 2
        assert abs(shaft.x - centre) <= 2 and abs(head.x + head.width / 2 - centre) <= 2


@pytest.mark.sphinx("html", testroot="content-pathway", freshenv=True)
def test_pathway_branches_sit_side_by_side_with_an_arrow_each(app) -> None:
    boxes = _layout(_content(app), COMPONENTS_CSS)
    parent = _find(boxes, "li", "strom-pathway-step")[-1]
    first, second = _find(boxes, "li", "strom-pathway-branch")
    assert first.y == second.y
    assert first.right < second.x
    assert parent.x < first.x and second.right < parent.right
    assert abs(first.width - second.width) <= 1
    assert len(_find(boxes, "li::after", "strom-pathway-branch")) == 2


@pytest.mark.sphinx("html", testroot="content-pathway", freshenv=True)
def test_pathway_branches_stack_on_a_phone(app) -> None:
    boxes = _layout(_content(app), COMPONENTS_CSS, COMPONENTS_NARROW_CSS, page="360px 1800px")
    first, second = _find(boxes, "li", "strom-pathway-branch")
    assert second.y > first.bottom
    assert first.x == second.x
    # Alternatives, not a sequence: only the first branch has an arrow (from the step above it).
    arrows = _find(boxes, "li::before", "strom-pathway-branch")
    assert len(arrows) == 1 and arrows[0].bottom <= first.y


@pytest.mark.sphinx("html", testroot="content-points", freshenv=True)
def test_checklist_boxes_align_with_the_first_line_and_have_no_bullets(app) -> None:
    # The checklist rules are for screens (the PDF draws its own tick boxes): lay out as a browser would.
    boxes = _layout(_content(app), COMPONENTS_CSS, page="360px 1200px", media="screen")
    items = _find(boxes, "li", "task-list-item")
    checkboxes = _find(boxes, "input", "task-list-item-checkbox")
    assert len(items) == len(checkboxes) == 2
    assert not [box for box in boxes if box.tag == "li::marker" and "task-list-item" in box.classes]
    first_lines = [
        next(box for box in boxes if box.kind == "LineBox" and box.tag == "p" and item.y <= box.y < item.bottom)
        for item in items
    ]
    for item, checkbox, line in zip(items, checkboxes, first_lines, strict=True):
        assert abs((checkbox.y + checkbox.height / 2) - (line.y + line.height / 2)) <= 1
        assert checkbox.right + 8 <= line.x, "the text starts clear of the box"
        assert checkbox.x >= item.x
    # Comfortable spacing between items for a finger or a pen.
    assert items[1].y - items[0].bottom >= 8


@pytest.mark.sphinx("html", testroot="content-pathway", freshenv=True)
def test_components_css_prints_without_weasyprint_warnings(app, caplog) -> None:
    html = _content(app)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        stylesheets = [weasyprint.CSS(string=BASE_CSS), weasyprint.CSS(filename=str(COMPONENTS_CSS))]
        pdf = weasyprint.HTML(string=html).write_pdf(stylesheets=stylesheets)
    assert not [record for record in caplog.records if record.name.startswith("weasyprint")]
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Suspicion." in text
    assert "Safe and voluntary return." in text
    assert "Fig. 1" in text

"""strom.pdf.pagination: cross-reference page numbers stay right while each referring page is laid out only twice.

The documents here are laid out by the real WeasyPrint, and the page numbers read back from the PDF's text with
poppler's pdftotext; the reference result is WeasyPrint without the fix, in a separate process.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from strom.pdf import pagination

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is missing")

STYLE = """
@page { size: 120mm 90mm; margin: 10mm; }
body { font-size: 10pt; }
h1 { break-before: page; font-size: 12pt; }
.toc a { display: block; }
.toc a::after { content: " ... " target-counter(attr(href), page); }
a.ref::after { content: " (page " target-counter(attr(href), page) ")"; }
"""


def document(chapters: int = 9) -> str:
    """Return HTML with a contents list (forward references), chapters of varied length, and back references."""
    toc = "".join(f'<a href="#c{n}">Chapter {n}</a>' for n in range(1, chapters + 1))
    body = []
    for n in range(1, chapters + 1):
        paragraphs = "".join(
            f"<p>Paragraph {k} of chapter {n}, long enough to fill a line or two.</p>" for k in range(n * 3)
        )
        back = f'<p>See <a class="ref" href="#c{n - 1}">chapter {n - 1}</a>.</p>' if n > 1 else ""
        ahead = f'<p>Later: <a class="ref" href="#c{chapters}">the last chapter</a>.</p>'
        body.append(f'<h1 id="c{n}">Chapter {n}</h1>{back}{paragraphs}{ahead}')
    return f"<html><head><style>{STYLE}</style></head><body><nav class='toc'>{toc}</nav>{''.join(body)}</body></html>"


def pdf_pages(pdf: Path) -> list[str]:
    """Return the text of each page."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")


def chapter_pages(pages: list[str]) -> dict[int, int]:
    """Where each chapter really starts: the page whose text begins with its heading."""
    found = {}
    for number, text in enumerate(pages, start=1):
        match = re.match(r"\s*Chapter (\d+)\n", text)
        if match:
            found[int(match.group(1))] = number
    return found


def test_the_fix_is_active_on_the_pinned_weasyprint() -> None:
    assert pagination.install() is True


def test_numbers_point_at_the_right_pages_with_fewer_layouts(tmp_path: Path) -> None:
    import weasyprint.layout.page as page_layout
    from weasyprint import HTML

    assert pagination.install()
    layouts = 0
    original = page_layout.remake_page

    def counting(*args: object) -> object:
        nonlocal layouts
        layouts += 1
        return original(*args)

    page_layout.remake_page = counting
    try:
        document_ = HTML(string=document()).render()
    finally:
        page_layout.remake_page = original
    pdf = tmp_path / "fixed.pdf"
    document_.write_pdf(pdf)
    pages = pdf_pages(pdf)
    starts = chapter_pages(pages)
    assert len(starts) == 9
    contents = dict((int(n), int(p)) for n, p in re.findall(r"Chapter (\d+) \.\.\. (\d+)", pages[0] + pages[1]))
    assert contents == starts
    for number, text in enumerate(pages, start=1):
        for target, page in re.findall(r"chapter (\d+)\s+\(page (\d+)\)", text):
            assert int(page) == starts[int(target)], f"page {number}: chapter {target} is on {starts[int(target)]}"
        for page in re.findall(r"last chapter\s+\(page (\d+)\)", text):
            assert int(page) == starts[9]
    # Every page once, then once more each page that prints a page number: not three times (71 without the fix).
    referring = sum(1 for text in pages if "(page " in text or " ... " in text)
    assert layouts == len(document_.pages) + referring


def test_same_pdf_as_weasyprint_without_the_fixes(tmp_path: Path) -> None:
    from weasyprint import HTML

    source = tmp_path / "doc.html"
    source.write_text(document(12), encoding="utf-8")
    plain = tmp_path / "plain.pdf"
    subprocess.run(
        [sys.executable, "-c", f"from weasyprint import HTML; HTML({str(source)!r}).write_pdf({str(plain)!r})"],
        check=True,
    )
    assert pagination.install()
    fixed = tmp_path / "fixed.pdf"
    HTML(source).write_pdf(fixed)
    assert pdf_pages(fixed) == pdf_pages(plain)
    assert fixed.read_bytes() == plain.read_bytes()  # the same PDF, not only the same words


def test_page_references_are_remembered_until_a_page_is_added() -> None:
    import pydyf

    assert pagination.install()
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert first == tuple(f"{number} 0 R".encode("ascii") for number in pdf.pages["Kids"][::3])
    assert len(first) == 3 and pdf.page_references is first  # made once, not on every call
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 4

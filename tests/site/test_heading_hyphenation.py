"""Soft hyphens in headings (strom.ext.hyphenation): a long Latvian heading breaks with a hyphen on a phone.

Chromium has no Latvian hyphenation dictionary: without them, "Cilvēktirdzniecības" in the test root's Latvian
chapter title breaks anywhere at 360 px. The soft hyphens are in the rendered heading only, never in the page title,
the ids, the navigation or the search index.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

SHY = "\u00ad"
PAGE = "lv/chapters/signs.html"

#: Every line break inside the page's first heading, as "<text before>|<text after>", and its overflow.
HEADING_LINES = r"""() => {
  const heading = document.querySelector('article h1');
  const breaks = [];
  let previousTop = null;
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('a.headerlink')) continue;
    for (let index = 0; index < node.length; index++) {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      // Chromium gives the letter after a hyphenated break a box on each line: the last is where it is drawn.
      // Spaces and unused soft hyphens have no width: they may sit on either line.
      const boxes = range.getClientRects();
      const box = boxes[boxes.length - 1];
      if (!box || box.width === 0) continue;
      if (previousTop !== null && box.top > previousTop + 2) {
        breaks.push(node.data.slice(0, index) + '|' + node.data.slice(index));
      }
      previousTop = box.top;
    }
  }
  return {breaks, overflow: heading.scrollWidth - heading.clientWidth, text: heading.textContent};
}"""


def test_latvian_heading_has_soft_hyphens_and_the_rest_has_none(built_site) -> None:
    page = built_site.page("lv", "chapters/signs")
    heading = page.select_one("article h1")
    assert heading is not None
    assert f"Cil{SHY}vēk{SHY}tirdz{SHY}nie{SHY}cī{SHY}bas" in heading.get_text()
    assert heading.get_text().replace(SHY, "").startswith("Cilvēktirdzniecības pazīmju atpazīšana")
    # Plain everywhere else: the page title, the navigation, the ids and the search index.
    assert page.title is not None and SHY not in page.title.get_text()
    assert "Cilvēktirdzniecības pazīmju atpazīšana" in page.title.get_text()
    html = (built_site.root / PAGE).read_text(encoding="utf-8")
    assert html.count(SHY) == heading.get_text().count(SHY) + sum(
        other.get_text().count(SHY) for other in page.select("article h2, article h3, article h4")
    )
    assert all(SHY not in element.get("id", "") for element in page.find_all(id=True))
    index = json.loads(
        (built_site.root / "lv" / "searchindex.js").read_text(encoding="utf-8").removeprefix("Search.setIndex(")[:-1]
    )
    assert "Cilvēktirdzniecības pazīmju atpazīšana" in index["alltitles"]
    assert SHY not in json.dumps(index, ensure_ascii=False)


def test_english_headings_get_english_soft_hyphens(built_site) -> None:
    heading = built_site.page("en", "chapters/signs").select_one("article h1")
    assert heading is not None
    assert heading.get_text().startswith(f"Recog{SHY}nising the signs")
    # An untranslated heading of a Latvian page is English (lang="en"): English soft hyphens, not Latvian ones.
    english = built_site.page("lv", "glossary").select_one('article h1 [lang="en"]')
    assert english is not None
    assert english.get_text() == f"Gloss{SHY}ary"


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 390])
def test_long_latvian_heading_breaks_at_a_hyphen_on_a_phone(browser: Any, built_site, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto((built_site.root / PAGE).as_uri())
        found = page.evaluate(HEADING_LINES)
        assert SHY not in page.title()
    finally:
        context.close()
    assert found["overflow"] <= 0, found
    assert found["breaks"], f"the heading fits on one line at {width} px: the test shows nothing"
    for line_break in found["breaks"]:
        before = line_break.split("|", 1)[0]
        assert before.endswith((" ", SHY)), f"broken inside a word without a hyphen: {line_break!r}"
    assert any(line_break.split("|", 1)[0].endswith(SHY) for line_break in found["breaks"]), found["breaks"]

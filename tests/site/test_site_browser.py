"""The site in a real browser: WCAG 2.1 AA with axe-core, keyboard use, phone width, the switcher, print.

Debian's Chromium runs headless under Playwright for Python; axe-core comes from the PyPI package
axe-playwright-python, which ships ``axe.min.js`` (nothing is downloaded at test time). Pages are opened
from disk (``file://``), as a reader with the site on a USB stick would.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

#: WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, headings, one main).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
PAGES = (
    "index.html",
    "en/index.html",
    "en/chapters/signs.html",
    "lv/index.html",
    "lv/chapters/signs.html",
    "lv/search.html",
    "de/chapters/signs.html",
)
WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")


def url(built_site, page: str) -> str:
    """Return the ``file://`` address of a page of the built site."""
    return (built_site.root / page).as_uri()


def axe_violations(page: Any, axe_source: str) -> list[str]:
    """Run axe-core on the open page; return one line per violation and element."""
    page.add_script_tag(content=axe_source)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {' '.join(node['target'][0] for node in violation['nodes'][:3])}"
        f" - {violation['help']}"
        for violation in results["violations"]
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violations(browser, axe_source, built_site, width, scheme) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        found = {}
        for name in PAGES:
            page.goto(url(built_site, name))
            violations = axe_violations(page, axe_source)
            if violations:
                found[name] = violations
        assert found == {}
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_is_wider_than_the_screen(browser, built_site, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        for name in PAGES:
            page.goto(url(built_site, name))
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} is {overflow} px wider than {width} px"
    finally:
        context.close()


FOCUS_STYLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    tag: element.tagName, cls: element.className, text: (element.textContent || "").trim().slice(0, 40),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_skip_link_and_visible_focus(browser, built_site, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(url(built_site, "lv/chapters/signs.html"))
        page.keyboard.press("Tab")
        page.wait_for_timeout(400)  # Furo slides the skip link in
        first = page.evaluate(FOCUS_STYLE)
        assert "skip-to-content" in first["cls"] and first["visible"] and (first["outline"] or first["shadow"])
        page.keyboard.press("Enter")
        # Following a fragment link updates the address asynchronously; wait for it rather than race it.
        page.wait_for_function("location.hash === '#furo-main-content'", timeout=5000)
        assert page.url.endswith("#furo-main-content")
        # The next stops all show where the focus is.
        for _ in range(12):
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS_STYLE)
            if focus["tag"] == "BODY":
                continue
            assert focus["outline"] or focus["shadow"], f"no visible focus on {focus}"
    finally:
        context.close()


def test_switcher_keeps_the_section_with_javascript(browser, built_site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 400})
    try:
        page = context.new_page()
        page.goto(url(built_site, "lv/chapters/signs.html") + "#work")
        page.click('nav.strom-languages-sidebar a[data-language="de"]')
        page.wait_for_load_state()
        assert page.url == url(built_site, "de/chapters/signs.html") + "#work"
        # Without an anchor in the address, the section scrolled to is kept.
        page.goto(url(built_site, "lv/chapters/signs.html"))
        page.evaluate("document.getElementById('ch-signs-general').scrollIntoView({behavior: 'instant'})")
        assert page.evaluate("window.scrollY") > 0
        page.click('nav.strom-languages-sidebar a[data-language="en"]')
        page.wait_for_load_state()
        assert page.url == url(built_site, "en/chapters/signs.html") + "#ch-signs-general"
        assert page.evaluate("localStorage.getItem('strom-language')") == "en"
    finally:
        context.close()


def test_switcher_is_a_plain_link_without_javascript(browser, built_site) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url(built_site, "lv/chapters/signs.html") + "#work")
        # On a phone the sidebar is folded away: the footer's list is one tap away.
        page.click('nav.strom-languages-footer a[data-language="de"]')
        page.wait_for_load_state()
        assert page.url == url(built_site, "de/chapters/signs.html")
    finally:
        context.close()


def test_root_page_suggests_the_browser_language_and_remembers_the_choice(browser, built_site) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="lv-LV")
    try:
        page = context.new_page()
        page.goto(url(built_site, "index.html"))
        suggestion = page.locator("#suggestion a")
        assert suggestion.get_attribute("data-language") == "lv"
        assert page.url == url(built_site, "index.html")  # suggested, not redirected
        assert "Atpazīt, nosūtīt, atbalstīt" in suggestion.inner_text()
        with page.expect_navigation():
            page.click('ul a.language[data-language="de"]')
        assert page.url == url(built_site, "de/index.html")
        # Chromium commits localStorage to its store asynchronously; a page opened at once may not see the write
        # yet (seen once in five CI runs), so look again briefly before calling the choice forgotten.
        remembered = None
        for _attempt in range(10):
            page.goto(url(built_site, "index.html"))
            remembered = page.locator("#suggestion a").get_attribute("data-language")
            if remembered == "de":
                break
            page.wait_for_timeout(200)
        assert remembered == "de"
    finally:
        context.close()


def test_print_hides_navigation_and_shows_link_addresses(browser, built_site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(url(built_site, "en/chapters/signs.html"))
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """selectors => selectors.map(s => [...document.querySelectorAll(s)].every(
                 e => getComputedStyle(e).display === "none"))""",
            [".sidebar-drawer", ".toc-drawer", ".mobile-header", ".strom-languages", ".related-pages", ".back-to-top"],
        )
        assert all(hidden)
        after = page.evaluate(
            "getComputedStyle(document.querySelector('article a.reference.external'), '::after').content"
        )
        assert "https://www.ilo.org/indicators" in after
        internal = page.evaluate(
            "getComputedStyle(document.querySelector('article a.reference.internal'), '::after').content"
        )
        assert internal in ("none", "normal")
    finally:
        context.close()


def test_wide_table_can_be_scrolled_from_the_keyboard(browser, built_site) -> None:
    tabindex = "[...document.querySelectorAll('article .table-wrapper')].map(e => e.getAttribute('tabindex'))"
    for width, expected in ((360, [None, "0"]), (1280, [None, None])):
        context = browser.new_context(viewport={"width": width, "height": 800})
        try:
            page = context.new_page()
            page.goto(url(built_site, "lv/chapters/signs.html"))
            assert page.evaluate(tabindex) == expected, f"at {width} px"
        finally:
            context.close()


@pytest.mark.sphinx("html", testroot="site-checklist", confoverrides={"language": "lv"})
def test_axe_finds_no_violations_on_a_checklist(app, browser, axe_source) -> None:
    app.build()
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        page.goto((app.outdir / "index.html").as_uri())
        assert axe_violations(page, axe_source) == []
    finally:
        context.close()

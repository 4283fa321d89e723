"""Furo's navigation tree from one rendering per build instead of one per page.

Furo resolves Sphinx's global toctree and post-processes it with BeautifulSoup for every page
(``furo._compute_navigation_tree``): both cost O(documents), so the HTML build is quadratic. Between two pages
the tree differs only in its relative links and in the marks of the current page (Sphinx's ``current`` class on
the page's links and their ``<li>``/``<ul>`` ancestors, ``href="#"`` for the page itself; Furo's checked
checkboxes and ``current-page``). So the tree is rendered once per build with placeholder links and no current
page, and each page fills in its links and marks. The first page of each build is also rendered by Furo and
compared: on any difference (a Furo or Sphinx update), the extension steps aside and Furo renders every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import furo
from bs4 import BeautifulSoup, Tag
from furo.navigation import get_navigation_tree
from sphinx import addnodes
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.util import logging

import strom

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.tags import Tags
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: The builders whose pages carry Furo's navigation tree.
BUILDERS = frozenset({"html", "dirhtml"})

# The key under which the page context carries the navigation of this application to Furo's handler; an
# application without this extension has no such key, and Furo's own function runs.
_CONTEXT_KEY = "strom_navigation"

# Placeholders in the tree, from private-use characters that neither docutils nor BeautifulSoup escape:
# a link target (``H``), a whole class attribute (``C``), a checkbox's ``checked`` attribute (``K``).
_TOKEN = "\ue000{}{}\ue001"
_TOKEN_RE = re.compile(r' class="\ue000C(\d+)\ue001"| checked="\ue000K(\d+)\ue001"|\ue000H(\d+)\ue001')
_LINK_RE = re.compile(r"\ue000H(\d+)\ue001")
# Characters that the HTML writers escape in an attribute: a link holding one is left to Furo.
_ESCAPED = frozenset('&<>"')

# A docname that is no document: nothing is current, nothing is an ancestor.
_NEUTRAL_DOCNAME = _TOKEN.format("N", 0)

_furo_compute_navigation_tree: Callable[[dict[str, Any]], str] | None = None


class _PlaceholderLinks:
    """A stand-in builder for toctree resolution that records each link target and returns a placeholder."""

    def __init__(self, tags: Tags) -> None:
        self.tags = tags
        self.targets: list[str] = []

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        """Return the placeholder of a new link to docname *to*."""
        self.targets.append(to)
        return _TOKEN.format("H", len(self.targets) - 1)


@dataclass
class _Element:
    """A ``<li>``, ``<ul>`` or ``<a>`` of the tree, with what the current page adds to it."""

    tag: str
    classes: list[str]
    has_children: bool = False  # an <li> to which Furo added a checkbox and the class "has-children"


@dataclass
class _Link:
    """A link of the tree: its target docname and whether it has an anchor."""

    target: str
    anchored: bool


@dataclass
class NavigationTemplate:
    """The tree without a current page, cut at the places a page changes."""

    literals: list[str]
    # Between two literals: ("C", element) a class attribute, ("K", element) a checkbox, ("H", link) a link.
    slots: list[tuple[str, int]]
    elements: list[_Element]
    links: list[_Link]
    # docname -> the elements (its un-anchored links and their <li>/<ul> ancestors) marked "current" on its page
    current_chains: dict[str, list[int]] = field(default_factory=dict)

    def render(self, builder: Builder, docname: str) -> str | None:
        """Return the tree of page *docname*, or None if one of its links needs escaping."""
        return self._fill(docname, lambda _index, target: builder.get_relative_uri(docname, target))

    def placeholders(self) -> str:
        """Return the tree without a current page and with its link placeholders, as Furo rendered it."""
        tree = self._fill(_NEUTRAL_DOCNAME, lambda index, _target: _TOKEN.format("H", index))
        assert tree is not None
        return tree

    def _fill(self, docname: str, uri_for: Callable[[int, str], str]) -> str | None:
        # Sphinx adds "current" once per link to the page below an element; docutils writes a class once.
        current = set(self.current_chains.get(docname, ()))
        # Furo's "current-page" goes to the last current <li> in document order.
        current_page = max((i for i in current if self.elements[i].tag == "li"), default=None)
        parts = [self.literals[0]]
        for (kind, index), literal in zip(self.slots, self.literals[1:], strict=True):
            if kind == "C":
                parts.append(self._class_attribute(index, current=index in current, current_page=index == current_page))
            elif kind == "K":
                parts.append(' checked=""' if index in current else "")
            else:
                link = self.links[index]
                uri = uri_for(index, link.target)
                if not _ESCAPED.isdisjoint(uri):
                    return None
                parts.append(uri or ("" if link.anchored else "#"))
            parts.append(literal)
        return "".join(parts)

    def _class_attribute(self, index: int, *, current: bool, current_page: bool) -> str:
        element = self.elements[index]
        sphinx_current = ["current"] if current else []
        if element.tag == "li":
            # Sphinx's classes, then Sphinx's "current", then Furo's "has-children" and "current-page".
            base = element.classes[:-1] if element.has_children else element.classes
            furo_classes = ["has-children"] if element.has_children else []
            classes = base + sphinx_current + furo_classes + (["current-page"] if current_page else [])
        else:
            # The node's classes come before those the writer adds ("reference internal").
            classes = sphinx_current + element.classes
        return f' class="{" ".join(classes)}"' if classes else ""


def build_template(builder: StandaloneHTMLBuilder) -> tuple[NavigationTemplate, str] | None:
    """Return the template of the tree and Furo's tree without a current page; None if it cannot be cached."""
    env = builder.env
    if any(next(iter(toc.findall(addnodes.only)), None) is not None for toc in env.tocs.values()):
        # Sphinx copies the entries of a page's ancestors without evaluating their "only" nodes: keep to Furo.
        return None
    links = _PlaceholderLinks(builder.tags)
    toctree = global_toctree_for_doc(
        env,
        _NEUTRAL_DOCNAME,
        cast("Builder", links),
        tags=builder.tags,
        collapse=False,
        titles_only=True,
        maxdepth=-1,
        includehidden=True,
    )
    neutral = get_navigation_tree(builder.render_partial(toctree)["fragment"])
    if not neutral:
        return NavigationTemplate([""], [], [], []), ""
    template = _cut(neutral, links.targets)
    # BeautifulSoup must give back Furo's tree unchanged once the placeholders are put back.
    return (template, neutral) if template.placeholders() == neutral else None


def _cut(neutral: str, targets: list[str]) -> NavigationTemplate:
    """Mark the places of *neutral* that a page changes and split it there."""
    soup = BeautifulSoup(neutral, "html.parser")
    elements: list[_Element] = []
    links: list[_Link] = [_Link(target, anchored=True) for target in targets]
    chains: dict[str, list[int]] = {}
    ids: dict[int, int] = {}
    for tag in soup.find_all(["li", "ul", "a"]):
        index = len(elements)
        ids[id(tag)] = index
        classes = list(tag.get_attribute_list("class")) if tag.has_attr("class") else []
        checkbox = tag.find("input", class_="toctree-checkbox", recursive=False) if tag.name == "li" else None
        elements.append(_Element(tag.name, classes, has_children=checkbox is not None))
        token = _TOKEN.format("C", index)
        tag.attrs = {"class": token, **{k: v for k, v in tag.attrs.items() if k != "class"}}
        if isinstance(checkbox, Tag):
            checkbox["checked"] = _TOKEN.format("K", index)
        if tag.name == "a" and (match := _LINK_RE.match(str(tag.get("href", "")))):
            link = links[int(match[1])]
            link.anchored = match.end() != len(str(tag["href"]))
            if not link.anchored:
                chain = chains.setdefault(link.target, [])
                chain.append(index)
                chain.extend(ids[id(parent)] for parent in tag.parents if parent.name in {"li", "ul"})
    template = str(soup)
    literals: list[str] = []
    slots: list[tuple[str, int]] = []
    start = 0
    for match in _TOKEN_RE.finditer(template):
        literals.append(template[start : match.start()])
        kind, number = next((k, n) for k, n in zip("CKH", match.groups(), strict=True) if n is not None)
        slots.append((kind, int(number)))
        start = match.end()
    literals.append(template[start:])
    return NavigationTemplate(literals, slots, elements, links, chains)


class SiteNavigation:
    """The navigation tree of one application's HTML build, rendered once and filled in per page."""

    def __init__(self) -> None:
        self.builder: StandaloneHTMLBuilder | None = None
        self._template: NavigationTemplate | None = None
        self._verified = False
        self._disabled = False

    def reset(self) -> None:
        """Forget the tree: the toctrees may have changed."""
        self._template = None
        self._verified = False
        self._disabled = False

    def tree_for(self, context: dict[str, Any], furo_tree: Callable[[dict[str, Any]], str]) -> str:
        """Return the navigation tree of the page of *context*; *furo_tree* is Furo's own computation."""
        if self.builder is None or self._disabled:
            return furo_tree(context)
        if self._template is None:
            built = build_template(self.builder)
            if built is None:
                logger.verbose("navigation: the tree cannot be cached; Furo renders every page's tree")
                self._disabled = True
                return furo_tree(context)
            self._template = built[0]
        tree = self._template.render(self.builder, context["pagename"])
        if tree is None:
            return furo_tree(context)
        if not self._verified:
            self._verified = True
            expected = furo_tree(context)
            if tree != expected:
                logger.info("navigation: the cached tree differs from Furo's; Furo renders every page's tree")
                self._disabled = True
                return expected
        return tree


def _compute_navigation_tree(context: dict[str, Any]) -> str:
    """Stand in for ``furo._compute_navigation_tree``: serve the page from its application's cached tree."""
    assert _furo_compute_navigation_tree is not None
    navigation = context.pop(_CONTEXT_KEY, None)
    if isinstance(navigation, SiteNavigation) and "toctree" in context:
        return navigation.tree_for(context, _furo_compute_navigation_tree)
    return _furo_compute_navigation_tree(context)


def _replace_furo_function() -> None:
    """Install the stand-in once; Furo's page handler looks the function up in its module at each call."""
    global _furo_compute_navigation_tree  # Furo's function, kept once for every application
    if _furo_compute_navigation_tree is None:
        _furo_compute_navigation_tree = furo._compute_navigation_tree
        furo._compute_navigation_tree = _compute_navigation_tree


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the handlers."""
    navigation = SiteNavigation()

    def _on_builder_inited(app: Sphinx) -> None:
        active = app.builder.name in BUILDERS and app.config.html_theme == "furo"
        navigation.builder = cast("StandaloneHTMLBuilder", app.builder) if active else None
        navigation.reset()
        if active:
            _replace_furo_function()

    def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
        navigation.reset()

    def _on_html_page_context(
        app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
    ) -> None:
        if navigation.builder is not None:
            context[_CONTEXT_KEY] = navigation

    app.connect("builder-inited", _on_builder_inited)
    app.connect("env-updated", _on_env_updated)
    # Before Furo's handler (priority 500), which computes the tree.
    app.connect("html-page-context", _on_html_page_context, priority=400)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

"""Work around costs in WeasyPrint 70 and pydyf that grow faster than the book (layout passes, page references).

Pages with cross-reference page numbers: laid out twice, not three times.

The print edition puts page numbers after the entries of its contents and after cross-references, with
``target-counter(attr(href), page)``. WeasyPrint 70 pays for them with a third layout of every such page, because
two defects in its bookkeeping cancel out in the result but not in the cost:

1. ``compute_content_list`` (``formatting_structure/build.py``) reuses the name ``missing_counters`` for the list of
   counters missing from a *target*, so a box with ``target-counter(..., page)`` is also recorded as needing the
   *local* ``page`` counter. During pagination (``layout/page.py``, ``make_page``, "Step 2: local counters"), such
   a box is parsed again whenever its own page's counters differ from the ones it was last parsed with, and its
   page is marked for another layout.
2. The same function names the target with ``anchor_name_from_token`` on the unresolved ``attr(href)`` token, which
   gives ``None``, so ``TargetCollector.cache_target_page_counters``, meant to tell referring boxes that their
   target's page is known, never finds them.

Only the first path works, by accident: the first layout parses the box before its target has a page, and the
counter ``pages`` (the total, known only after a whole pass) changes between the first and second pass, which
parses it again and lays it out a third time. On the guidelines that is 196 page layouts for 88 pages.

:func:`install` fixes both at the narrowest point: the target's missing counters are no longer taken for local ones,
and before every repagination pass each referring box is parsed again with its target's current page; after each
pass, the pages whose referring boxes were parsed with a page number that is no longer right are marked for
another layout, so the numbers converge however the pages shift (as LaTeX does with its reruns). Result: 142
layouts for 88 pages, the same PDF. The defects are in WeasyPrint 70.0 (Kozea/WeasyPrint, ``build.py``
``compute_content_list``; the bookkeeping is from its pull request 652); remove this module once upstream names
the target from the resolved token and keeps the two lists apart.

Page references: WeasyPrint's PDF/UA tagging asks ``pydyf.PDF.page_references[n]`` for every tagged element, and
pydyf 0.13 builds the tuple of all pages' references anew on each call, so writing the tags costs elements times
pages: a third of writing a 262-page book, and quadratic in its length. :func:`install` makes the property
remember its tuple until a page is added.

Anchors: for every anchor laid out, ``TargetCollector.cache_target_page_counters`` walks all the boxes that have
page-based content, looking for those that point at it: anchors times references, again quadratic. :func:`install`
has it walk only the boxes that name the anchor (an index made once the boxes are collected); it does the rest
as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

#: The WeasyPrint release whose internals this module was written against; other releases are left alone.
WEASYPRINT_VERSION = "70.0"
#: Likewise for pydyf, WeasyPrint's PDF writer.
PYDYF_VERSION = "0.13.0"

#: Per referring box (id of its ``CounterLookupItem``): the target page numbers it was last parsed with.
_ParsedWith = dict[int, tuple[Any, ...]]

_installed = False


def install() -> bool:
    """Apply the fixes to the imported WeasyPrint and pydyf; return whether they are active (on the known versions)."""
    global _installed
    import pydyf
    import weasyprint
    from weasyprint import layout
    from weasyprint.css import targets

    if weasyprint.__version__ != WEASYPRINT_VERSION or pydyf.__version__ != PYDYF_VERSION:
        return False
    if _installed:
        return True
    pydyf.PDF.page_references = property(_page_references)
    original_cache = targets.TargetCollector.cache_target_page_counters

    def cache_target_page_counters(self: Any, anchor_name: str, *args: Any) -> None:
        everything = self.counter_lookup_items
        self.counter_lookup_items = _lookups_by_anchor(self).get(anchor_name, {})
        try:
            original_cache(self, anchor_name, *args)
        finally:
            self.counter_lookup_items = everything

    original_collect = targets.TargetCollector.collect_missing_counters

    def collect_missing_counters(
        self: Any,
        parent_box: Any,
        css_token: str,
        parse_again_function: Callable[..., None],
        missing_counters: list[str],
        missing_target_counters: dict[Any, list[str]],
    ) -> None:
        # Defect 1: the "local" list is one of the target lists; a box needs no local counter for a target-counter.
        if any(missing_counters is names for names in missing_target_counters.values()):
            missing_counters = []
        original_collect(self, parent_box, css_token, parse_again_function, missing_counters, missing_target_counters)

    original_make_all_pages = layout.make_all_pages

    def make_all_pages(context: Any, root_box: Any, html: Any, pages: list[Any]) -> Iterator[Any]:
        parsed_with: _ParsedWith = context.__dict__.setdefault("_strom_parsed_with", {})
        if pages:  # a repagination pass: give every referring box its target's current page before layout
            for lookup, anchors in _referring_boxes(context):
                current = _target_pages(context, anchors)
                if parsed_with.get(id(lookup)) != current:
                    lookup.parse_again(lookup.cached_page_counter_values)
                    parsed_with[id(lookup)] = current
        yield from original_make_all_pages(context, root_box, html, pages)
        # After the pass: a box parsed with a page number that has since moved needs its page laid out again.
        for lookup, anchors in _referring_boxes(context):
            index = lookup.page_maker_index
            if index is None or index >= len(context.page_maker):
                continue
            if parsed_with.get(id(lookup)) != _target_pages(context, anchors):
                context.page_maker[index][-1]["content_changed"] = True

    targets.TargetCollector.collect_missing_counters = collect_missing_counters
    targets.TargetCollector.cache_target_page_counters = cache_target_page_counters
    layout.make_all_pages = make_all_pages
    _installed = True
    return True


def _page_references(pdf: Any) -> tuple[bytes, ...]:
    """Return ``pdf``'s page references (``b"12 0 R"``...), made once per number of pages."""
    kids = pdf.pages["Kids"]
    cached: tuple[int, tuple[bytes, ...]] | None = pdf.__dict__.get("_strom_page_references")
    if cached is None or cached[0] != len(kids):
        # pydyf keeps each page as three items: number, 0, "R".
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_strom_page_references"] = cached
    return cached[1]


def _lookups_by_anchor(collector: Any) -> dict[Any, dict[Any, Any]]:
    """Return the collector's content lookups by the anchors they miss counters of (made again when it grows).

    Within an anchor, the lookups keep the collector's order, so that walking them is walking all and skipping.
    """
    items = collector.counter_lookup_items
    cached: tuple[int, dict[Any, dict[Any, Any]]] | None = collector.__dict__.get("_strom_lookups_by_anchor")
    if cached is None or cached[0] != len(items):
        index: dict[Any, dict[Any, Any]] = {}
        for key, lookup in items.items():
            if key[1] == "content":
                for anchor in lookup.missing_target_counters:
                    index.setdefault(anchor, {})[key] = lookup
        cached = (len(items), index)
        collector.__dict__["_strom_lookups_by_anchor"] = cached
    return cached[1]


def _referring_boxes(context: Any) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """Yield each box whose content has ``target-counter``, with the anchors its ``href`` names."""
    for (box, css_token), lookup in context.target_collector.counter_lookup_items.items():
        if css_token != "content" or not lookup.missing_target_counters:
            continue
        element = getattr(box, "element", None)
        href = element.get("href", "") if element is not None else ""
        if href.startswith("#"):
            yield lookup, (href[1:],)


def _target_pages(context: Any, anchors: tuple[str, ...]) -> tuple[Any, ...]:
    """Return the page counters the targets of ``anchors`` were last laid out with (``None`` if not yet)."""
    items = context.target_collector.target_lookup_items
    values = []
    for anchor in anchors:
        item = items.get(anchor)
        counters = item.cached_page_counter_values if item is not None else {}
        page = counters.get("page")
        values.append(tuple(page) if page is not None else None)
    return tuple(values)

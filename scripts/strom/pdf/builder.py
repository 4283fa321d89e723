"""The ``print`` builder: the whole publication as one HTML file, with cover, contents and unique ids, for WeasyPrint.

Sphinx's ``singlehtml`` builder repeats ids across documents (every chapter has its ``id1`` footnote and its
``index-0`` target) and writes cross-document links as ``#document-a#label``. WeasyPrint keeps the first of two
equal anchors and cannot follow a double fragment, so page numbers and links point at the wrong place (the bug
behind sphinx-simplepdf's broken contents: https://github.com/useblocks/sphinx-simplepdf/issues/112). This builder
rewrites every id to ``<document>--<id>`` and every internal link to match, in the doctree, before writing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.errors import ConfigError
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.nodes import inline_all_toctrees
from sphinx.writers.html5 import HTML5Translator

import strom
from strom import registry
from strom.ext.i18n import review_notice
from strom.pdf import SourceDateError, source_date, typography

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from docutils.nodes import Element, Node
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

_ = get_translation("sphinx")
logger = logging.getLogger(__name__)

#: The print theme: our own templates, no web theme (a web theme's flex layout makes WeasyPrint slow and wrong).
THEME = "strom-print"
TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Sphinx's singlehtml link form: ``#document-<docname>`` optionally followed by ``#<id>``.
_DOCUMENT_URI = re.compile(r"#document-(?P<docname>[^#]+)(?:#(?P<id>.*))?")
#: MyST's task-list checkbox (raw HTML, myst_parser/mdit_to_docutils/base.py ``render_list_item``).
_CHECKBOX = re.compile(r"<input\b[^>]*\btask-list-item-checkbox\b[^>]*>")
#: Reference kinds that print the target's page number after the link ("see page 23").
_PAGE_REFERENCE_CLASSES = frozenset({"std-ref", "std-numref", "std-doc", "doc"})
#: Inline elements that may carry the space before them (see ``_move_spaces_into_inlines``); not footnote
#: references, whose text is their label.
_SPACE_MOVABLE = (nodes.reference, nodes.emphasis, nodes.strong, nodes.literal, nodes.inline, nodes.abbreviation)
#: A printf placeholder in an interface string: ``%(page)s``.
_PLACEHOLDER = re.compile(r"%\((?P<name>\w+)\)s|%%")


def _slug(docname: str) -> str:
    """Turn a docname (``chapters/02-definition``) into an id-safe prefix (``chapters-02-definition``)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", docname).strip("-") or "document"


def document_anchor(docname: str) -> str:
    """Return the id of a document's wrapper in the print HTML."""
    return f"doc-{_slug(docname)}"


def node_anchor(docname: str, node_id: str) -> str:
    """Return the print id of ``node_id`` in ``docname``: unique across the whole publication."""
    return f"{_slug(docname)}--{node_id}"


def css_string(text: str) -> str:
    """Quote ``text`` as a CSS string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def css_content(message: str, values: Mapping[str, str]) -> str:
    """Turn a translated message with ``%(name)s`` placeholders into a CSS ``content`` value.

    ``css_content("Page %(page)s of %(pages)s", {"page": "counter(page)", ...})`` gives
    ``"Page " counter(page) " of " counter(pages)``; translators may reorder the placeholders.
    """
    parts: list[str] = []
    literal = ""
    position = 0
    for match in _PLACEHOLDER.finditer(message):
        literal += message[position : match.start()]
        position = match.end()
        name = match.group("name")
        if name is None:
            literal += "%"
        elif name in values:
            if literal:
                parts.append(css_string(literal))
            literal = ""
            parts.append(values[name])
        else:
            literal += match.group(0)
    literal += message[position:]
    if literal:
        parts.append(css_string(literal))
    return " ".join(parts) or '""'


@dataclass
class TocEntry:
    """One line of the printed table of contents."""

    title: str
    anchor: str
    children: list[TocEntry] = field(default_factory=list)
    #: The section number as the heading shows it ("7. "), when the toctree is ``:numbered:``; else empty.
    number: str = ""


@dataclass
class TocGroup:
    """The entries of one toctree of the root document, under its caption (e.g. "Chapters", "Annexes")."""

    caption: str
    entries: list[TocEntry] = field(default_factory=list)


@dataclass
class PrintLayout:
    """What the print doctree pass found: cover text, the preface, the contents and the renamed ids."""

    title: str = ""
    #: The ids that point at the cover: the root document's own and its title section's.
    cover_ids: list[str] = field(default_factory=list)
    preface: list[Node] = field(default_factory=list)
    groups: list[TocGroup] = field(default_factory=list)
    #: The first section's print id per document (Sphinx numbers it under the key ``''``).
    first_sections: dict[str, str] = field(default_factory=dict)
    #: Every id in the print HTML; a duplicate here is a bug in the pass.
    ids: set[str] = field(default_factory=set)


class PrintTranslator(HTML5Translator):
    """HTML for print: each document in a ``<div>`` that carries its anchor, no permalink icons."""

    def visit_start_of_file(self, node: Element) -> None:
        """Open the document's wrapper (the target of the contents' links and page numbers)."""
        self.docnames.append(node["docname"])
        self.body.append(self.starttag(node, "div", "", CLASS="print-document"))

    def depart_start_of_file(self, node: Element) -> None:
        """Close the document's wrapper."""
        self.body.append("</div>\n")
        self.docnames.pop()

    def add_permalink_ref(self, node: Element, title: str) -> None:
        """Print no permalink icons (they would also end up in the running header)."""


class PrintBuilder(SingleFileHTMLBuilder):
    """Build the whole publication as one HTML page for WeasyPrint: ``<outdir>/index.html``."""

    name = "print"
    epilog = "The print HTML is in %(outdir)s; strom.pdf.render.render_pdf() makes the PDF from it."
    default_translator_class = PrintTranslator
    add_permalinks = False
    search = False
    copysource = False
    use_index = False

    layout: PrintLayout

    def get_theme_config(self) -> tuple[str, dict[str, str | int | bool]]:
        """Use the print theme whatever ``html_theme`` the web build uses."""
        return THEME, {}

    def init_js_files(self) -> None:
        """Load no JavaScript: WeasyPrint does not run it."""

    def get_output_path(self, page_name: str, /) -> Path:
        """Write the publication to ``index.html`` whatever ``root_doc`` is called."""
        return Path(self.outdir, "index.html")

    def assemble_doctree(self) -> nodes.document:
        """Inline every document into the root one, then make ids unique and lay out cover and contents."""
        root_doc = self.config.root_doc
        tree = self.env.get_doctree(root_doc)
        # Remember each toctree's caption on its wrapper: inlining replaces the toctree node itself.
        for toctree in tree.findall(addnodes.toctree):
            if isinstance(toctree.parent, nodes.Element):
                toctree.parent["print_caption"] = toctree.get("caption") or ""
        tree = inline_all_toctrees(self, set(), root_doc, tree, str, [root_doc])
        tree["docname"] = root_doc
        self.env.resolve_references(tree, root_doc, self)
        self.layout = prepare_print_doctree(tree, root_doc, set(self.env.all_docs), self.config.strom_print_toc_depth)
        secnumbers = self.assemble_toc_secnumbers()[root_doc]
        number_toc_entries(self.layout.groups, secnumbers, self.config.html_secnumber_suffix)
        self._check_images(tree)
        return tree

    def assemble_toc_secnumbers(self) -> dict[str, dict[str, tuple[int, ...]]]:
        """Key section numbers by the unique print ids (the translator looks them up as ``#<id>``)."""
        numbers: dict[str, tuple[int, ...]] = {}
        for docname, secnums in self.env.toc_secnumbers.items():
            for anchor, number in secnums.items():
                if anchor:
                    numbers["#" + node_anchor(docname, anchor.removeprefix("#"))] = number
                elif docname in self.layout.first_sections:
                    numbers["#" + self.layout.first_sections[docname]] = number
        return {self.config.root_doc: numbers}

    def assemble_toc_fignumbers(self) -> dict[str, dict[str, dict[str, tuple[int, ...]]]]:
        """Key figure and table numbers by the unique print ids (the translator looks them up by ``ids[0]``)."""
        numbers: dict[str, dict[str, tuple[int, ...]]] = {}
        for docname, by_type in self.env.toc_fignumbers.items():
            for figtype, fignums in by_type.items():
                for node_id, number in fignums.items():
                    numbers.setdefault(figtype, {})[node_anchor(docname, node_id)] = number
        return {self.config.root_doc: numbers}

    def get_doc_context(self, docname: str, body: str, metatags: str) -> dict[str, Any]:
        """Give the print template the cover, contents, back cover and localized CSS strings."""
        language = _language(self.config.language)
        date = source_date()
        context: dict[str, Any] = {
            "body": body,
            "metatags": metatags,
            "title": self.layout.title,
            "print_lang": language.sphinx,
            "print_hyphenation_lang": typography.hyphenation_language(language),
            "print_title": self.layout.title,
            "print_cover_ids": self.layout.cover_ids,
            "print_subtitle": self.config.html_context.get("strom_subtitle", ""),
            "print_language_name": language.name,
            "print_review_notice": review_notice(language),
            # Translators: on the PDF's cover and back cover; %(version)s is the edition, e.g. "1.0".
            "print_version": str(_("Version %(version)s")) % {"version": self.config.release},
            "print_date": format_date(date.date(), format="long", locale=_babel_locale(language.sphinx)),
            "print_date_iso": date.strftime("%Y-%m-%dT%H:%M:%SZ"),
            # conf.py's author and copyright are English interface strings (strom.ext.i18n marks them).
            "print_author": str(_(self.config.author)),
            "print_copyright": str(_(self.config.copyright)),
            "print_toc": self.layout.groups,
            "print_preface": "".join(self.render_partial(node)["fragment"] for node in self.layout.preface),
            "print_languages": [entry.name for entry in registry.load().languages],
            "print_generated_css": generated_css(),
            "strom_version": strom.__version__,
        }
        return context

    def handle_page(
        self,
        pagename: str,
        addctx: dict[str, Any],
        templatename: str = "page.html",
        *,
        outfilename: Path | None = None,
        event_arg: Any = None,
    ) -> None:
        """Render documents with ``print.html``: the only page this builder writes."""
        if templatename == "page.html":
            templatename = "print.html"
        super().handle_page(pagename, addctx, templatename, outfilename=outfilename, event_arg=event_arg)

    def finish(self) -> None:
        """Copy the images the HTML uses; no search index, inventory, sources or extra pages."""
        self.copy_image_files()
        self.copy_download_files()

    def _check_images(self, tree: nodes.document) -> None:
        """Warn about images without alt text: PDF/UA needs a text alternative for every figure."""
        for image in tree.findall(nodes.image):
            if not image.get("alt", "").strip():
                logger.warning(
                    "image %s has no alt text; give it one (![what it shows](%s)), PDF/UA requires it",
                    image.get("uri"),
                    image.get("uri"),
                    location=image,
                    type="strom",
                    subtype="print-alt",
                )


def generated_css() -> str:
    """Return the stylesheet rules that hold interface strings: the footer and the cross-reference page numbers."""
    # Translators: the PDF's page footer, e.g. "Page 3 of 84"; keep both placeholders, in any order.
    footer = css_content(str(_("Page %(page)s of %(pages)s")), {"page": "counter(page)", "pages": "counter(pages)"})
    # Translators: printed in brackets after a cross-reference in the PDF, e.g. "Chapter 7, Referral (page 23)".
    # No-break spaces inside: "(27. lpp.)" must not break into "(27." and "lpp.)" at a line end.
    page_text = str(_("page %(page)s")).replace(" ", "\u00a0")
    page = css_content(page_text, {"page": "target-counter(attr(href), page)"})
    return (
        f"@page main, front {{ @bottom-center {{ content: {footer}; }} }}\n"
        f'a.print-page-ref::after {{ content: " (" {page} ")"; }}\n'
    )


def prepare_print_doctree(tree: nodes.document, root_doc: str, docnames: set[str], toc_depth: int = 2) -> PrintLayout:
    """Make every id unique, point every internal link at it, and lift the root document into cover and contents.

    The root document's title becomes the cover title, its text before and after the toctrees the preface (printed
    on the back cover), and its toctrees the table of contents; the inlined documents become the body.
    """
    layout = PrintLayout()
    _rename_ids(tree, root_doc, docnames, layout)
    _replace_checkboxes(tree)
    _move_spaces_into_inlines(tree)
    _pull_closing_quotes_into_page_refs(tree)
    _lift_root(tree, root_doc, layout, toc_depth)
    return layout


def _walk(tree: nodes.document, root_doc: str) -> Iterator[tuple[Element, str]]:
    """Yield every element with the docname of the document it came from."""
    stack: list[tuple[Element, str]] = [(tree, root_doc)]
    while stack:
        node, docname = stack.pop()
        if isinstance(node, addnodes.start_of_file):
            docname = node["docname"]
        yield node, docname
        stack.extend((child, docname) for child in reversed(node.children) if isinstance(child, nodes.Element))


def _rename_ids(tree: nodes.document, root_doc: str, docnames: set[str], layout: PrintLayout) -> None:
    """Prefix every id with its document and rewrite the links to match."""
    for node, docname in _walk(tree, root_doc):
        if isinstance(node, addnodes.start_of_file):
            node["ids"] = [document_anchor(docname)]
            node["classes"].append("print-document")
        else:
            node["ids"] = [node_anchor(docname, node_id) for node_id in node["ids"]]
            if isinstance(node, nodes.section) and docname not in layout.first_sections and node["ids"]:
                layout.first_sections[docname] = node["ids"][0]
        for node_id in node["ids"]:
            if node_id in layout.ids:
                logger.warning("duplicate print id %s", node_id, location=node, type="strom", subtype="print-id")
            layout.ids.add(node_id)
        if node.get("backrefs"):
            node["backrefs"] = [node_anchor(docname, backref) for backref in node["backrefs"]]
        if node.get("refid"):
            node["refid"] = node_anchor(docname, node["refid"])
        elif isinstance(node, nodes.reference) and node.get("refuri", "").startswith("#"):
            node["refid"] = _internal_target(node["refuri"], docname, docnames)
            del node["refuri"]
            node["internal"] = True
        if isinstance(node, nodes.reference):
            _classify_reference(node)


def _internal_target(refuri: str, docname: str, docnames: set[str]) -> str:
    """Return the print id a ``#document-x#y`` or ``#y`` link points to."""
    match = _DOCUMENT_URI.fullmatch(refuri)
    if match and match.group("docname") in docnames:
        target_doc, target_id = match.group("docname"), match.group("id")
        return node_anchor(target_doc, target_id) if target_id else document_anchor(target_doc)
    return node_anchor(docname, refuri[1:])


def _classify_reference(node: nodes.reference) -> None:
    """Mark cross-references that print a page number, and external links that print their address."""
    if "refid" in node:
        kinds = {cls for child in node.findall(nodes.inline) for cls in child["classes"]}
        if kinds & _PAGE_REFERENCE_CLASSES:
            node["classes"].append("print-page-ref")
    elif node.get("refuri", "").startswith(("http://", "https://")):
        shown = node["refuri"].split("://", 1)[1].rstrip("/")
        if node.astext().strip().rstrip("/") not in (node["refuri"].rstrip("/"), shown):
            node["classes"].append("print-show-url")


def _replace_checkboxes(tree: nodes.document) -> None:
    """Print MyST task-list checkboxes as drawn tick boxes (a form field means nothing on paper)."""
    for raw in list(tree.findall(nodes.raw)):
        if "html" not in raw.get("format", "").split() or not _CHECKBOX.fullmatch(raw.astext().strip()):
            continue
        classes = ["print-checkbox"]
        if re.search(r"\bchecked\b", raw.astext()):
            classes.append("print-checkbox-checked")
        box = nodes.inline("", "", classes=classes)
        parent = raw.parent
        following = raw.next_node(descend=False, siblings=True)
        if isinstance(parent, nodes.list_item) and isinstance(following, nodes.paragraph):
            # The box belongs at the start of the item's first line (print.css hangs it in the margin).
            parent.remove(raw)
            following.insert(0, box)
        else:
            raw.replace_self(box)


def _move_spaces_into_inlines(tree: nodes.document) -> None:
    """Move the space before an inline element (a link, emphasis) to the start of that element.

    Works around a WeasyPrint 70 line-breaking bug with Pango 1.50 (Debian 12): when the text before an inline
    element fits on the line only without its trailing space, WeasyPrint breaks the line after the paragraph's
    first word, leaving it alone on a justified line (https://github.com/Kozea/WeasyPrint/issues/2576, and
    https://github.com/Kozea/WeasyPrint/issues/1051 for the same symptom earlier). Inside the element the space
    is an ordinary break opportunity, and the text reads the same.
    """
    for element in list(tree.findall(nodes.TextElement)):
        if not isinstance(element, _SPACE_MOVABLE):
            continue
        parent = element.parent
        if not isinstance(parent, nodes.TextElement) or not element.children or isinstance(element[0], nodes.image):
            continue
        index = parent.index(element)
        previous = parent[index - 1] if index else None
        if not isinstance(previous, nodes.Text) or not previous.astext()[-1:].isspace():
            continue
        stripped = previous.astext().rstrip()
        if stripped:
            parent.replace(previous, nodes.Text(stripped))
        else:
            parent.remove(previous)
        element.insert(0, nodes.Text(" "))


#: Closing quotation marks of our languages (English, German and Nordic low-high, Latvian, Lithuanian, Polish „…”,
#: Russian «…», Swedish and Finnish ”…”).
_CLOSING_QUOTES = "”“’‘»«\"'"  # noqa: RUF001 (typographic quotes are the point)


def _pull_closing_quotes_into_page_refs(tree: nodes.document) -> None:
    """Let a closing quote that follows a page reference come before its page number.

    The page number is printed after the link (``a.print-page-ref::after``), so ``„{ref}`x`”`` would print
    „Title (page 28)”; with the quote moved into the link it prints „Title” (page 28).
    """
    for reference in list(tree.findall(nodes.reference)):
        if "print-page-ref" not in reference["classes"]:
            continue
        parent = reference.parent
        index = parent.index(reference)
        following = parent[index + 1] if index + 1 < len(parent) else None
        if not isinstance(following, nodes.Text) or following.astext()[:1] not in _CLOSING_QUOTES:
            continue
        text = following.astext()
        reference += nodes.Text(text[0])
        if text[1:]:
            parent.replace(following, nodes.Text(text[1:]))
        else:
            parent.remove(following)


def _lift_root(tree: nodes.document, root_doc: str, layout: PrintLayout, toc_depth: int) -> None:
    """Replace the root document by its inlined documents; keep its title and text for cover and back cover."""
    layout.cover_ids.append(document_anchor(root_doc))
    root_section = next((child for child in tree.children if isinstance(child, nodes.section)), None)
    if root_section is None:
        return
    layout.cover_ids.extend(root_section["ids"])
    body: list[Node] = []
    for child in root_section.children:
        if isinstance(child, nodes.title):
            layout.title = child.astext()
        elif isinstance(child, nodes.Element) and any(
            isinstance(sub, addnodes.start_of_file) for sub in child.children
        ):
            group = TocGroup(caption=child.get("print_caption", ""))
            for document in child.children:
                if isinstance(document, addnodes.start_of_file):
                    document["classes"].append("print-chapter")
                    group.entries.extend(_toc_entries(document, toc_depth))
                    body.append(document)
            layout.groups.append(group)
        elif isinstance(child, nodes.target):
            layout.cover_ids.extend(child["ids"])
        else:
            layout.preface.append(child)
    index = tree.index(root_section)
    tree[index : index + 1] = body


def number_toc_entries(groups: list[TocGroup], numbers: dict[str, tuple[int, ...]], suffix: str) -> None:
    """Give each contents entry the number its heading carries (``numbers`` maps ``#<id>`` to e.g. ``(7,)``)."""
    pending = [entry for group in groups for entry in group.entries]
    while pending:
        entry = pending.pop()
        number = numbers.get("#" + entry.anchor)
        entry.number = ".".join(map(str, number)) + suffix if number else ""
        pending.extend(entry.children)


def _toc_entries(node: Element, depth: int) -> list[TocEntry]:
    """Return the contents entries of the sections under ``node``, ``depth`` levels deep."""
    entries = []
    for section in _child_sections(node):
        title = section.next_node(nodes.title)
        children = _toc_entries(section, depth - 1) if depth > 1 else []
        entries.append(TocEntry(title.astext() if title else "", section["ids"][0], children))
    return entries


def _child_sections(node: Element) -> Iterator[nodes.section]:
    """Yield the sections directly under ``node`` (through wrappers such as nested documents, not through sections)."""
    for child in node.children:
        if isinstance(child, nodes.section):
            if child["ids"]:
                yield child
        elif isinstance(child, nodes.Element):
            yield from _child_sections(child)


def _language(sphinx_code: str | None) -> registry.Language:
    """Return the registry entry of the build's language; a language the registry lacks is a configuration error."""
    languages = registry.load()
    code = sphinx_code or languages.source.sphinx
    for language in languages.languages:
        if code in (language.sphinx, language.code):
            return language
    raise ConfigError(f"language {code!r} is not in {languages.path}; known languages: {' '.join(languages.codes)}")


def _babel_locale(code: str) -> Locale:
    """Return Babel's locale for a Sphinx language code (``nb``, ``pt_BR``), or English if Babel lacks it."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def _on_builder_inited(app: Sphinx) -> None:
    """Fail early, before reading, if the build's language is not in the registry."""
    if app.builder.name == PrintBuilder.name:
        try:
            typography.hyphenation_language(_language(app.config.language))
            source_date()
        except (registry.RegistryError, typography.TypographyError, SourceDateError) as error:
            raise ConfigError(str(error)) from None


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``print`` builder and its theme."""
    app.add_builder(PrintBuilder)
    app.add_html_theme(THEME, str(TEMPLATES))
    app.add_config_value("strom_print_toc_depth", 2, "html", types=frozenset({int}))
    app.connect("builder-inited", _on_builder_inited)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

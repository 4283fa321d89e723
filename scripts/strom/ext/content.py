"""The guidelines' own constructs: key and action points, referral pathway, country directory, translated checklists."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, NotRequired, TypedDict, cast

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

import strom
from strom import paths
from strom.ext.i18n import N_

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable
    from pathlib import Path

    from jsonschema import ValidationError
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata, OptionSpec

_ = get_translation("sphinx")
logger = logging.getLogger(__name__)

#: The stylesheet for these components (and for MyST task lists); the PDF stylesheet includes it too.
COMPONENTS_CSS: Final = paths.PACKAGE / "static" / "strom-components.css"
#: Its rules for phones, linked with a media attribute (WeasyPrint warns on media features inside a stylesheet).
COMPONENTS_NARROW_CSS: Final = paths.PACKAGE / "static" / "strom-components-narrow.css"
#: The widest screen that gets the narrow layout (branches stacked, directory rows as blocks).
NARROW_MEDIA: Final = "(max-width: 480px)"
#: The JSON Schema that every ``docs/_data/<country>.yaml`` must satisfy.
COUNTRY_SCHEMA: Final = paths.PACKAGE / "data" / "country.schema.json"
#: The status of a directory entry whose details have not been checked against a source.
# Translators: status of a directory entry whose details have not been checked against a source.
UNCONFIRMED = N_("To be confirmed by the national coordinator")


def _same_sentence(first: str, second: str) -> bool:
    """Whether two sentences are the same but for case, surrounding space and a final full stop."""
    return first.strip().rstrip(".").casefold() == second.strip().rstrip(".").casefold()


#: Where the country files live, relative to the Sphinx source folder.
COUNTRY_DATA_FOLDER: Final = "_data"


# --- Key points and action points -------------------------------------------------------------------------------


class _PointsDirective(SphinxDirective):
    """An admonition whose title is an interface string, so writers never type (or translate) it."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = {"class": directives.class_option, "name": directives.unchanged}
    css_class: ClassVar[str]

    def title(self) -> str:
        """Return the translated title."""
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        """Build the admonition: a title from the "sphinx" catalogue and the body parsed as ordinary MyST."""
        self.assert_has_content()
        admonition = nodes.admonition("\n".join(self.content), classes=[self.css_class, *self.options.get("class", [])])
        self.set_source_info(admonition)
        self.add_name(admonition)
        text = self.title()
        # An interface string: translated through sphinx.po, so keep it out of the document's own catalogue.
        title = nodes.title(text, text, translatable=False)
        self.set_source_info(title)
        admonition += title
        self.state.nested_parse(self.content, self.content_offset, admonition)
        return [admonition]


class KeyPoints(_PointsDirective):
    """The key points that open a chapter."""

    css_class = "key-points"

    def title(self) -> str:
        """Return the translated title."""
        # Translators: title of the box of key points that opens each chapter.
        return str(_("Key points"))


class ActionPoints(_PointsDirective):
    """The action points for a municipality that close a chapter."""

    css_class = "action-points"

    def title(self) -> str:
        """Return the translated title."""
        # Translators: title of the box of actions for a municipality that closes each chapter.
        return str(_("Action points for the municipality"))


# --- Referral pathway -------------------------------------------------------------------------------------------


def pathway_problem(content: Sequence[nodes.Node]) -> str | None:
    """Say what is wrong with the parsed content of a ``referral-pathway``, or return None if it is a valid pathway."""
    blocks = [node for node in content if not isinstance(node, nodes.system_message)]
    if len(blocks) != 1 or not isinstance(blocks[0], nodes.enumerated_list):
        return "the content must be one numbered list (1. **Step name.** Text), and nothing else"
    for number, step in enumerate(blocks[0].children, start=1):
        if not _starts_with_bold(step):
            return f"step {number} must begin with its name in bold (**Step name.** Text)"
        branch_lists = [child for child in step.children if isinstance(child, nodes.bullet_list)]
        others = [child for child in step.children if not isinstance(child, (nodes.paragraph, nodes.bullet_list))]
        if others or len(branch_lists) > 1:
            return f"step {number} may hold paragraphs and one bullet list of branches, nothing else"
        for branch_list in branch_lists:
            for letter, branch in enumerate(branch_list.children, start=1):
                if not _starts_with_bold(branch) or any(
                    not isinstance(child, nodes.paragraph) for child in branch.children
                ):
                    return f"branch {letter} of step {number} must be paragraphs that begin with its name in bold"
    return None


def _items(node: nodes.Element) -> list[nodes.list_item]:
    """Return the items of a list node."""
    return [child for child in node.children if isinstance(child, nodes.list_item)]


def _starts_with_bold(item: nodes.Node) -> bool:
    """Whether a list item's first paragraph begins with strong text (the step or branch name)."""
    if not isinstance(item, nodes.list_item) or not item.children:
        return False
    first = item.children[0]
    if not isinstance(first, nodes.paragraph):
        return False
    # MyST leaves an empty Text node before inline markup that opens a paragraph.
    inline = [child for child in first.children if not (isinstance(child, nodes.Text) and not child.strip())]
    return bool(inline) and isinstance(inline[0], nodes.strong)


class ReferralPathway(SphinxDirective):
    """A numbered figure that draws an ordered list of steps (with optional branches) as a flow diagram in CSS."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[OptionSpec] = {"name": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        """Parse the list as ordinary MyST, check its shape, and wrap it in a figure with a translatable caption."""
        self.assert_has_content()
        holder = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, holder)
        problem = pathway_problem(holder.children)
        if problem:
            logger.warning(
                "referral-pathway: %s", problem, location=self.get_location(), type="strom", subtype="referral-pathway"
            )
            return list(holder.children)

        steps = next(child for child in holder.children if isinstance(child, nodes.enumerated_list))
        steps["classes"].append("strom-pathway-steps")
        for step in _items(steps):
            step["classes"].append("strom-pathway-step")
            for branches in step.findall(nodes.bullet_list):
                branches["classes"].append("strom-pathway-branches")
                for branch in _items(branches):
                    branch["classes"].append("strom-pathway-branch")

        caption_text = self.arguments[0]
        inline, messages = self.parse_inline(caption_text, lineno=self.lineno)
        caption = nodes.caption(caption_text, "", *inline)
        self.set_source_info(caption)
        # The caption goes last: docutils' HTML writer keeps <figcaption> open until the figure ends.
        figure = nodes.figure("", steps, caption, classes=["strom-pathway", *self.options.get("class", [])])
        self.set_source_info(figure)
        self.add_name(figure)
        others = [child for child in holder.children if child is not steps]
        return [figure, *others, *messages]


# --- Country directory: data ------------------------------------------------------------------------------------


class Entry(TypedDict):
    """One service in a country's directory."""

    service: str
    label: str
    phone: str | None
    url: str | None
    organisation: str | None
    note: NotRequired[str]
    source: str
    verified: str | Literal[False]


class Country(TypedDict):
    """One country file, ``docs/_data/<country>.yaml``, after validation."""

    country: str
    name: str
    eu_member: bool
    entries: list[Entry]


@dataclass(frozen=True)
class DataProblem:
    """One problem in a country file: the line, the field path (``entries[2].phone``) and what is wrong."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class CountryDataError(Exception):
    """A country file that cannot be used; ``problems`` lists each problem with its line."""

    def __init__(self, path: Path, problems: Sequence[DataProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__("\n".join(f"{path}:{problem.line}: {problem}" for problem in self.problems))


class _DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping that gives the same key twice."""


class _DataLoader(yaml.SafeLoader):
    """A safe YAML loader that keeps dates as text (the schema checks them) and rejects duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        """Build a mapping, failing on a key given twice (PyYAML would silently keep the last one)."""
        seen: set[object] = set()
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _DuplicateKeyError(
                    None, None, f"{key} is given twice in this mapping; keep one", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# An unquoted ``verified: 2024-05-01`` would otherwise become a datetime.date and fail the schema's string type.
_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@functools.cache
def country_schema() -> dict[str, Any]:
    """Return the country-file JSON Schema (``scripts/strom/data/country.schema.json``)."""
    return cast("dict[str, Any]", json.loads(COUNTRY_SCHEMA.read_text(encoding="utf-8")))


def country_codes() -> tuple[str, ...]:
    """Return the country codes a directory may name, from the schema (the one place that lists them)."""
    return tuple(country_schema()["properties"]["country"]["enum"])


def load_country(path: Path, code: str | None = None) -> Country:
    """Read and validate one country file; raise :class:`CountryDataError` naming each problem's line and field."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CountryDataError(
            path, [DataProblem(1, "", f"the file is not UTF-8 text ({exc.reason}); save it as UTF-8")]
        ) from None
    except OSError as exc:
        raise CountryDataError(path, [DataProblem(1, "", f"the file cannot be read: {exc.strerror}")]) from None
    loader = _DataLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except _DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise CountryDataError(path, [DataProblem(line, "", str(exc.problem))]) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        detail = "; ".join(part for part in (exc.context, exc.problem) if part)
        message = f"this is not valid YAML ({detail}); check the indentation and quotes on this line and the one before"
        raise CountryDataError(path, [DataProblem(line, "", message)]) from None
    except yaml.YAMLError as exc:
        raise CountryDataError(path, [DataProblem(1, "", f"this is not valid YAML: {exc}")]) from None
    finally:
        loader.dispose()

    # Imported here: jsonschema takes a noticeable part of start-up, and most builds read no country file.
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(country_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems = [_schema_problem(error, root) for error in validator.iter_errors(data)]
    country = cast("Country", data)
    if not problems and code is not None and country["country"] != code:
        problems.append(
            DataProblem(
                _line_of(root, ["country"]),
                "country",
                f"{country['country']!r} does not match the file name {path.name}; make them the same",
            )
        )
    if problems:
        raise CountryDataError(path, sorted(problems, key=lambda problem: problem.line))
    return country


def _schema_problem(error: ValidationError, root: yaml.Node | None) -> DataProblem:
    """Turn a schema error into a problem naming the field, its line and what the field expects."""
    error = _fitting_branch(error)
    location = list(error.absolute_path)
    field_path = location
    line = _line_of(root, location)
    hint = True
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in cast("list[str]", error.validator_value) if name not in error.instance]
        # One error per missing field; its message quotes the name.
        name = next((name for name in missing if repr(name) in error.message), missing[0])
        field_path = [*location, name]
        message = "this required field is missing"
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(_subschema(location).get("properties", {}))
        unknown = [name for name in error.instance if name not in allowed]
        field_path = [*location, str(unknown[0])]
        line = _line_of(root, field_path)
        others = f" (nor {', '.join(map(str, unknown[1:]))})" if len(unknown) > 1 else ""
        message = f"there is no such field here{others}; the fields are: {', '.join(allowed)}"
        hint = False
    elif error.validator in ("oneOf", "anyOf"):
        message = f"{json.dumps(error.instance)} is not allowed here"
    elif not location and error.validator == "type":
        shape = "the file is empty" if error.instance is None else error.message
        message = f"{shape}; it must hold the fields {', '.join(country_schema()['required'])}"
    else:
        message = error.message
    description = _description(field_path)
    if hint and description and error.validator != "enum":
        message += f"; expected {description}"
    return DataProblem(line, _field_name(field_path), message)


def _fitting_branch(error: ValidationError) -> ValidationError:
    """For a value that fits no branch of a oneOf (``verified``: date or false), pick the branch of the value's type."""
    from jsonschema import Draft202012Validator

    if error.validator not in ("oneOf", "anyOf"):
        return error
    fitting = [
        branch
        for branch in error.context or []
        if isinstance(branch.schema, Mapping)
        and "type" in branch.schema
        and Draft202012Validator({"type": branch.schema["type"]}).is_valid(branch.instance)
    ]
    return fitting[0] if fitting else error


def _field_name(path: Iterable[str | int]) -> str:
    """Write a field path the way a reader finds it in the file: ``entries[2].phone``."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else part
    return name


def _subschema(path: Iterable[str | int]) -> dict[str, Any]:
    """Return the part of the schema that describes the field at ``path`` (empty if the path leaves the schema)."""
    schema = country_schema()
    node: dict[str, Any] = schema
    for part in path:
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _description(path: Sequence[str | int]) -> str | None:
    """Return the schema's description of the field at ``path``, if it has one."""
    description = _subschema(path).get("description")
    return description if path and isinstance(description, str) else None


def _line_of(root: yaml.Node | None, path: Iterable[str | int]) -> int:
    """Return the 1-based line of the field at ``path`` (the nearest enclosing field that exists)."""
    if root is None:
        return 1
    node: yaml.Node = root
    line = node.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next(
                ((key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value == part),
                None,
            )
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


# --- Country directory: directive -------------------------------------------------------------------------------

_URL_SCHEME = re.compile(r"^https?://")


class CountryDirectory(SphinxDirective):
    """A table of one country's services from ``<srcdir>/_data/<code>.yaml``, validated against the schema."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """Load and validate the country file and render it; an invalid file is a warning naming file and field."""
        code = self.arguments[0]
        if code not in country_codes():
            self._warn(f"unknown country {code!r}; use one of: {' '.join(country_codes())}", self.get_location())
            return []
        path = self.env.srcdir / COUNTRY_DATA_FOLDER / f"{code}.yaml"
        # Noted before reading, so that fixing a broken or missing file rebuilds this page.
        self.env.note_dependency(path)
        self.env.note_dependency(COUNTRY_SCHEMA)
        if not path.is_file():
            self._warn(
                f"country-directory {code}: there is no data file {COUNTRY_DATA_FOLDER}/{code}.yaml; "
                f"write one that follows {COUNTRY_SCHEMA.name}",
                self.get_location(),
            )
            return []
        try:
            country = load_country(path, code)
        except CountryDataError as exc:
            for problem in exc.problems:
                self._warn(str(problem), f"{os.fspath(path)}:{problem.line}")
            return []
        return [self._directory(country)]

    def _warn(self, message: str, location: str) -> None:
        """Log a country-data warning (``-W`` turns it into a failed build)."""
        logger.warning("%s", message, location=location, type="strom", subtype="country-data")

    def _directory(self, country: Country) -> nodes.container:
        """Render a country as a captioned table: service, number and verification status per entry."""
        wrapper = nodes.container(classes=["strom-country-directory"])
        wrapper["ids"].append(make_id(self.env, self.state.document, "country", country["country"]))
        table = nodes.table(classes=["strom-directory"])
        wrapper += table
        table += self._data_text(nodes.title, country["name"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (45, 25, 30):
            group += nodes.colspec(colwidth=width)
        head_row = nodes.row()
        group += nodes.thead("", head_row)
        headings = (
            # Translators: heading of the directory column with a service's name, organisation and note.
            _("Service"),
            # Translators: heading of the directory column with a service's phone number and web address.
            _("Number"),
            # Translators: heading of the directory column saying whether, when and against what an entry was checked.
            _("Verification"),
        )
        for heading in headings:
            head_row += nodes.entry("", _interface_text(str(heading)))
        body = nodes.tbody()
        group += body
        for entry in country["entries"]:
            body += self._row(entry)
        return wrapper

    def _row(self, entry: Entry) -> nodes.row:
        """Render one entry as a table row."""
        service = nodes.entry("", self._data_text(nodes.paragraph, entry["label"], "strom-directory-label"))
        if entry["organisation"]:
            service += self._data_text(nodes.paragraph, entry["organisation"], "strom-directory-organisation")
        if "note" in entry:
            service += self._data_text(nodes.paragraph, entry["note"], "strom-directory-note")

        contact = nodes.entry()
        if entry["phone"]:
            dial = "tel:" + re.sub(r"[^0-9+]", "", entry["phone"])
            contact += _interface_text("", nodes.reference(entry["phone"], entry["phone"], refuri=dial))
        if entry["url"]:
            shown = _URL_SCHEME.sub("", entry["url"]).rstrip("/")
            contact += _interface_text("", nodes.reference(shown, shown, refuri=entry["url"]))
        if not contact.children:
            contact += _interface_text("\N{EM DASH}")

        status = nodes.entry()
        # An unverified entry's source is often just the same "to be confirmed" sentence: say it once.
        unconfirmed_source = _same_sentence(entry["source"], UNCONFIRMED)
        if entry["verified"]:
            status += _interface_text(self._verified_on(entry["verified"]), classes=["strom-verified"])
        else:
            status += _interface_text(str(_(UNCONFIRMED)), classes=["strom-unverified"])
        if unconfirmed_source and not entry["verified"]:
            return nodes.row("", service, contact, status, classes=[f"strom-service-{entry['service']}"])
        if _URL_SCHEME.match(entry["source"]):
            status += _interface_text(
                "",
                nodes.reference(entry["source"], entry["source"], refuri=entry["source"]),
                classes=["strom-directory-source"],
            )
        else:
            status += self._data_text(nodes.paragraph, entry["source"], "strom-directory-source")
        return nodes.row("", service, contact, status, classes=[f"strom-service-{entry['service']}"])

    def _verified_on(self, date: str) -> str:
        """Return "Verified on <date>" in the build's language; a translation that breaks the placeholder warns."""
        # Translators: status of a directory entry; %s is the date it was checked, written YYYY-MM-DD.
        template = str(_("Verified on %s"))
        try:
            return template % date
        except (TypeError, ValueError):
            logger.warning(
                "the translation of 'Verified on %%s' in sphinx.po (%s) does not keep exactly one %%s: %r; "
                "using the English text",
                self.config.language,
                template,
                location=self.get_location(),
                type="strom",
                subtype="catalogue",
            )
            return f"Verified on {date}"

    def _data_text(self, node_class: type[nodes.TextElement], text: str, css_class: str = "") -> nodes.TextElement:
        """Make a node for English text from a data file, for the gettext builder to extract and Locale to translate.

        The text is parsed as MyST inline markup, like the translation that replaces it; source and line are the
        directive's, so the message lands in this document's catalogue.
        """
        inline, messages = self.parse_inline(text, lineno=self.lineno)
        node = node_class(text, "", *inline, *messages, classes=[css_class] if css_class else [])
        self.set_source_info(node)
        return node


def _interface_text(text: str, *children: nodes.Node, classes: Sequence[str] = ()) -> nodes.paragraph:
    """Make a paragraph that no document catalogue extracts (interface strings, numbers, addresses)."""
    return nodes.paragraph(text, text, *children, classes=list(classes), translatable=False)


# --- Checklists ------------------------------------------------------------------------------------------------


#: Where a task-list item keeps its checkbox (MyST's raw HTML) while Sphinx's Locale transform translates its text.
_CHECKBOX_ATTRIBUTE = "strom_checkbox"


def _checkbox(paragraph: nodes.Node) -> nodes.raw | None:
    """Return MyST's task-list checkbox inside a paragraph, if it has one."""
    if not isinstance(paragraph, nodes.paragraph):
        return None
    return next(
        (
            child
            for child in paragraph.children
            if isinstance(child, nodes.raw) and "task-list-item-checkbox" in child.astext()
        ),
        None,
    )


def _task_list_items(document: nodes.document) -> list[nodes.list_item]:
    """Return the items of MyST task lists (checklists)."""
    return [item for item in document.findall(nodes.list_item) if "task-list-item" in item["classes"] and item.children]


class KeepTaskListCheckboxes(SphinxTransform):
    """Remember each checklist item's checkbox before translation.

    MyST puts the checkbox (raw HTML) at the start of the item's paragraph. Sphinx's Locale transform replaces a
    translated paragraph's children with the parsed translation, which drops the box; RestoreTaskListCheckboxes
    puts it back.
    """

    # Before sphinx.transforms.i18n.Locale (priority 20).
    default_priority = 15

    def apply(self, **kwargs: Any) -> None:
        """Store each item's checkbox HTML on the item."""
        for item in _task_list_items(self.document):
            checkbox = _checkbox(item.children[0])
            if checkbox is not None:
                item[_CHECKBOX_ATTRIBUTE] = checkbox.astext()


class RestoreTaskListCheckboxes(SphinxTransform):
    """Put a checklist item's checkbox back at the start of its paragraph if translation dropped it.

    The box is also hidden from assistive technology: MyST's disabled ``<input>`` has no accessible name (axe's
    ``label`` rule) and is only a place to tick on paper; the item's text is what a screen reader should read.
    """

    # After sphinx.transforms.i18n.Locale (priority 20).
    default_priority = 25

    def apply(self, **kwargs: Any) -> None:
        """Re-insert each remembered checkbox that is no longer in its item's paragraph."""
        for item in _task_list_items(self.document):
            html = item.attributes.pop(_CHECKBOX_ATTRIBUTE, None)
            paragraph = item.children[0]
            if html and isinstance(paragraph, nodes.paragraph) and _checkbox(paragraph) is None:
                paragraph.insert(0, nodes.raw("", html, format="html"))
            checkbox = _checkbox(paragraph)
            if checkbox is not None and "aria-hidden" not in checkbox.astext():
                hidden = checkbox.astext().replace("<input ", '<input aria-hidden="true" ', 1)
                checkbox.replace_self(nodes.raw("", hidden, format="html"))


class KeepFootnoteMarkersWithTheirWord(SphinxPostTransform):
    """Keep a footnote marker on the line of the word it follows (in the PDF and on a narrow screen).

    A marker after punctuation (``gadā.[^15]``) is a line-break opportunity for browsers and WeasyPrint alike,
    so "15" could start the next line. The word before the marker and the marker go into one ``nowrap`` span.
    """

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        """Wrap each footnote reference with the last word of the text before it."""
        for reference in list(self.document.findall(nodes.footnote_reference)):
            parent = reference.parent
            index = parent.index(reference)
            previous = parent[index - 1] if index else None
            if not isinstance(previous, nodes.Text):
                continue
            text = previous.astext()
            head, _space, word = text.rpartition(" ")
            if not word:
                continue
            parent.remove(reference)
            keep = nodes.inline("", "", nodes.Text(word), reference, classes=["strom-nowrap"])
            parent.replace(previous, [nodes.Text(head + _space), keep] if head or _space else [keep])


# --- Setup ------------------------------------------------------------------------------------------------------


def _on_config_inited(app: Sphinx, config: Config) -> None:
    """Let HTML builders copy the components stylesheets into ``_static`` (``setup`` links them in every page)."""
    # At config-inited, so the pickled environment's config matches the next build's and nothing is reread.
    folder = os.fspath(COMPONENTS_CSS.parent)
    if folder not in map(os.fspath, config.html_static_path):
        config.html_static_path = [*config.html_static_path, folder]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives, the checklist transforms and the components stylesheets."""
    app.add_directive("key-points", KeyPoints)
    app.add_directive("action-points", ActionPoints)
    app.add_directive("referral-pathway", ReferralPathway)
    app.add_directive("country-directory", CountryDirectory)
    app.add_transform(KeepTaskListCheckboxes)
    app.add_transform(RestoreTaskListCheckboxes)
    app.add_post_transform(KeepFootnoteMarkersWithTheirWord)
    app.add_css_file(COMPONENTS_CSS.name)
    app.add_css_file(COMPONENTS_NARROW_CSS.name, media=NARROW_MEDIA)
    app.connect("config-inited", _on_config_inited)
    return {"version": strom.__version__, "parallel_read_safe": True, "parallel_write_safe": True}

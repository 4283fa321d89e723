"""Read the MyST inline markup of one message: roles, code, links, footnotes, substitutions, HTML, emphasis, numbers.

Sphinx's gettext builder puts the MyST source of each paragraph, heading or cell into the catalogue, so a msgid
reads like ``See {ref}`the table <tab-rights>` and [EUR-Lex](https://eur-lex.europa.eu).``. The QA compares what
this module finds in the msgid with what it finds in the msgstr. Every pattern here is linear or close to it (no
nested quantifiers; possessive ones where a failed match could backtrack), because the QA runs on whatever a
translator typed.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

RoleKind = Literal["reference", "literal", "text"]

#: Roles whose content is display text a translator may translate (only the role itself must stay).
TEXT_ROLES = frozenset(
    {
        "abbr",
        "command",
        "dfn",
        "emphasis",
        "file",
        "guilabel",
        "index",
        "kbd",
        "menuselection",
        "program",
        "samp",
        "strong",
        "sub",
        "subscript",
        "sup",
        "superscript",
        "title-reference",
    }
)
#: Roles whose whole content must stay as it is.
LITERAL_ROLES = frozenset({"code", "literal", "math"})
#: The roles that mark a passage in another language (``{lang-en}`…```, strom.ext.i18n): text roles that a
#: translation may add where it keeps words of another language.
LANGUAGE_ROLE_PREFIX = "lang-"
#: Every other role is a cross-reference: ``{ref}`target``` or ``{ref}`display text <target>```.

_ASCII_PUNCTUATION = frozenset(string.punctuation)
_ROLE_NAME = re.compile(r"\{([A-Za-z][\w.:+-]*)\}\Z")
_EXPLICIT_TARGET = re.compile(r"(?P<display>.*?)\s*<(?P<target>[^<>]+)>\s*\Z", re.DOTALL)
_LEFTOVER_ROLE = re.compile(r"\{([A-Za-z][\w.:+-]*)\}")
_SUBSTITUTION = re.compile(r"\{\{([^{}]*+)\}\}")
_FOOTNOTE = re.compile(r"\[\^([^\[\]\s]++)\]")
_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]\\]|\\.)*)\]"
    r"(?:\(\s*(?P<destination><[^<>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
    r"|\[(?P<label>[^\[\]]+)\])"
)
_AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_HTML = re.compile(r"<![A-Za-z][^<>]*+>|</?[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>]*+)?/?>")
#: HTML constructs with a closing delimiter of their own: comments, processing instructions, CDATA sections.
_HTML_SPANS = (("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"))
_BARE_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'`\[\]{}\uf000-\uf8ff]+", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PHONE = re.compile(r"\+[0-9](?:[0-9]|[ \u00a0\u2009\u202f().-](?=[0-9(]))*[0-9]")
_GROUPED = re.compile(r"(?<![0-9])[0-9]{1,3}(?:[,. \u00a0\u2009\u202f'\u2019][0-9]{3})+(?![0-9])")
_DIGITS = re.compile(r"[0-9]+")
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")

# Private-use characters stand in for what has been taken out of the text (so later patterns cannot see inside it).
_CODE_BASE = 0xF000  # one character per code span or role: U+F000 + index
_OTHER = "\uf8ff"  # a link target, URL, HTML tag, entity or substitution


@dataclass(frozen=True)
class Role:
    """One MyST role: ``{name}`content```; ``target`` is what a reference points at (``None`` for text roles)."""

    name: str
    content: str
    kind: RoleKind
    target: str | None
    display: str

    @property
    def key(self) -> tuple[str, str | None]:
        """What must be the same in source and translation: the role and, for references, the target."""
        if self.kind == "literal":
            return (self.name, self.content)
        if self.kind == "text":
            return (self.name, None)
        target = " ".join((self.target or "").split())
        return (self.name, target.lower() if self.name in {"term", "std:term"} else target)

    def __str__(self) -> str:
        """The role as a translator would write it."""
        return f"{{{self.name}}}`{self.content}`"


@dataclass
class Markup:
    """Everything the QA compares, found in one message."""

    roles: list[Role] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    substitutions: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    broken_roles: list[str] = field(default_factory=list)
    unmatched_backticks: int = 0
    emphasis: Counter[str] = field(default_factory=Counter)
    numbers: set[str] = field(default_factory=set)
    #: The readable text: link and role display texts kept; code, targets, URLs and tags taken out.
    text: str = ""

    @property
    def unbalanced_emphasis(self) -> set[str]:
        """The emphasis delimiters (``*``, ``**``, ``_``, ``__``…) that occur an odd number of times."""
        return {delimiter for delimiter, count in self.emphasis.items() if count % 2}

    @property
    def words(self) -> list[str]:
        """The words of the readable text."""
        return _WORD.findall(self.text)


def _code_marker(index: int) -> str:
    """The stand-in character of the ``index``-th code span or role."""
    return chr(_CODE_BASE + min(index, ord(_OTHER) - _CODE_BASE - 1))


def _split_code(text: str, markup: Markup) -> tuple[str, list[str]]:
    """Take code spans and roles out of ``text`` (CommonMark backtick rules); return masked text and role texts."""
    out: list[str] = []
    readable: list[str] = []  # per code span/role: what it contributes to the readable text
    position = 0
    length = len(text)
    while position < length:
        char = text[position]
        if char == "\\" and position + 1 < length and text[position + 1] in _ASCII_PUNCTUATION:
            out.append(_OTHER)  # an escaped character is literal text, never markup
            position += 2
            continue
        if char != "`":
            out.append(char)
            position += 1
            continue
        end = position
        while end < length and text[end] == "`":
            end += 1
        run = end - position
        closing = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(text, end)
        if closing is None:
            markup.unmatched_backticks += 1
            out.append(_OTHER * run)
            position = end
            continue
        content = text[end : closing.start()].replace("\n", " ")
        if len(content) > 2 and content[0] == content[-1] == " " and content.strip():
            content = content[1:-1]
        prefix = "".join(out[-64:])
        role_name = _ROLE_NAME.search(prefix)
        if role_name:
            del out[len(out) - len(role_name.group(0)) :]
            role = _make_role(role_name.group(1), content)
            markup.roles.append(role)
            readable.append(role.display)
        else:
            markup.code.append(content)
            readable.append(" ")
        out.append(_code_marker(len(readable) - 1))
        position = closing.end()
    return "".join(out), readable


def _make_role(name: str, content: str) -> Role:
    """Classify a role and split ``display text <target>``."""
    bare = name.split(":")[-1]
    if bare in LITERAL_ROLES:
        return Role(name, content, "literal", None, "")
    if bare in TEXT_ROLES or bare.startswith(LANGUAGE_ROLE_PREFIX):
        return Role(name, content, "text", None, content)
    explicit = _EXPLICIT_TARGET.match(content)
    if explicit:
        return Role(name, content, "reference", explicit["target"].strip(), explicit["display"])
    return Role(name, content, "reference", content.strip(), content)


def _links(masked: str, markup: Markup) -> str:
    """Record link and image targets; keep their text (alt text) in place."""

    def replace(match: re.Match[str]) -> str:
        if match["label"] is not None:
            markup.links.append(f"[{match['label']}]")
        else:
            markup.links.append((match["destination"] or "").strip("<>"))
        return match["text"]

    return _LINK.sub(replace, masked)


def _take(pattern: re.Pattern[str], masked: str, found: list[str], group: int | str = 0) -> str:
    """Record every match of ``pattern`` in ``found`` (normalised whitespace) and blank it out."""

    def replace(match: re.Match[str]) -> str:
        found.append(" ".join(match.group(group).split()))
        return _OTHER

    return pattern.sub(replace, masked)


def _html_spans(masked: str, markup: Markup) -> str:
    """Take out HTML comments, processing instructions and CDATA (with str.find: linear, unlike a lazy regex)."""
    for opening, closing in _HTML_SPANS:
        parts: list[str] = []
        position = 0
        while (start := masked.find(opening, position)) >= 0:
            end = masked.find(closing, start + len(opening))
            if end < 0:
                break  # no closing anywhere after: no later opening can be closed either
            end += len(closing)
            markup.html.append(" ".join(masked[start:end].split()))
            parts += [masked[position:start], _OTHER]
            position = end
        masked = "".join([*parts, masked[position:]])
    return masked


def _bare_urls(masked: str, markup: Markup) -> str:
    """Record bare URLs (without trailing sentence punctuation) as links."""

    def replace(match: re.Match[str]) -> str:
        url = match.group(0)
        trailing = ""
        while url and (url[-1] in ".,;:!?" or (url[-1] == ")" and url.count("(") < url.count(")"))):
            trailing = url[-1] + trailing
            url = url[:-1]
        markup.links.append(url)
        return _OTHER + trailing

    return _BARE_URL.sub(replace, masked)


def _is_punctuation(char: str) -> bool:
    """Punctuation in CommonMark's sense (our stand-ins count as punctuation too)."""
    return char in _ASCII_PUNCTUATION or not (char.isalnum() or char.isspace())


def _emphasis(masked: str, markup: Markup) -> None:
    """Count emphasis delimiter runs that CommonMark could open or close (left- or right-flanking)."""
    for run in re.finditer(r"\*+|_+", masked):
        before = masked[run.start() - 1] if run.start() else " "
        after = masked[run.end()] if run.end() < len(masked) else " "
        left = not after.isspace() and (not _is_punctuation(after) or before.isspace() or _is_punctuation(before))
        right = not before.isspace() and (not _is_punctuation(before) or after.isspace() or _is_punctuation(after))
        if run.group(0)[0] == "_":
            # An underscore inside a word (snake_case) is never emphasis.
            delimiter = (left and (not right or _is_punctuation(before))) or (
                right and (not left or _is_punctuation(after))
            )
        else:
            delimiter = left or right
        if delimiter:
            markup.emphasis[run.group(0)] += 1


def numbers_in(text: str) -> set[str]:
    """The numbers in a text, normalised: digit grouping, leading zeros and phone spacing do not matter.

    ``12,000``, ``12 000`` (with a space, no-break space or thin space) and ``12.000`` are all ``12000``;
    ``+371 67 123 456`` is ``+37167123456``; ``2011/36/EU`` holds ``2011`` and ``36``; ``Art. 12(6)`` holds ``12``
    and ``6``; ``12.`` (an ordinal in German, Latvian, Finnish…) is ``12``; only ASCII digits count.
    """
    found: set[str] = set()

    def phone(match: re.Match[str]) -> str:
        found.add("+" + re.sub(r"[^0-9]", "", match.group(0)))
        return " "

    def grouped(match: re.Match[str]) -> str:
        found.add(str(int(re.sub(r"[^0-9]", "", match.group(0)))))
        return " "

    rest = _GROUPED.sub(grouped, _PHONE.sub(phone, text))
    found.update(str(int(digits)) for digits in _DIGITS.findall(rest))
    return found


def parse(message: str) -> Markup:
    """Find the inline markup of one msgid or msgstr."""
    markup = Markup()
    masked, readable = _split_code(message, markup)
    masked = _take(_SUBSTITUTION, masked, markup.substitutions, 1)
    masked = _take(_FOOTNOTE, masked, markup.footnotes, 1)
    masked = _links(masked, markup)
    masked = _take(_AUTOLINK, masked, markup.links, "target")
    masked = _take(_HTML, _html_spans(masked, markup), markup.html)
    masked = _bare_urls(masked, markup)
    masked = _ENTITY.sub(_OTHER, masked)
    markup.broken_roles = [match.group(0) for match in _LEFTOVER_ROLE.finditer(masked)]
    _emphasis(masked, markup)
    # Numbers: role display texts are left out (the role check covers roles; {doc}`01-about` is a name).
    plain = re.sub(r"[\uf000-\uf8ff]", " ", masked)
    markup.numbers = numbers_in(re.sub(r"[*_]+", " ", plain))

    def restore(match: re.Match[str]) -> str:
        index = ord(match.group(0)) - _CODE_BASE
        return readable[index] if index < len(readable) else " "

    text = re.sub(r"[\uf000-\uf8fe]", restore, masked).replace(_OTHER, " ")
    markup.text = " ".join(re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", " ", text).split())
    return markup

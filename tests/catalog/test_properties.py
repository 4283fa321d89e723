"""Property tests: arbitrary MyST-like text never crashes the QA; formatting is idempotent and keeps every message."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import polib
import pytest
from catalog_testing import write_catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strom import registry
from strom.catalog import markup, qa
from strom.catalog.termbase import Term
from strom.catalog.update import format_catalog

FRAGMENTS = [
    "{ref}`",
    "{term}`victim`",
    "{doc}`../chapters/09-children`",
    "{numref}`Fig. %s <fig-x>`",
    "`",
    "``",
    "**",
    "*",
    "_",
    "__",
    "[",
    "]",
    "](",
    ")",
    "[^coe]",
    "{{",
    "}}",
    "<",
    ">",
    "</",
    "<script>",
    "<br/>",
    "<!--",
    "-->",
    "https://eur-lex.europa.eu/",
    "<https://www.coe.int>",
    "&#169;",
    "\\",
    "\n",
    " ",
    "\u00a0",
    "116 006",
    "2011/36/EU",
    "Art. 12(6)",
    "12,000",
    "+371 67 123 456",
    "%s",
    "%(name)s",
    "${resultCount}",
    "\uf000",
    "\uf8ff",
]
myst_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(myst_like, myst_like)
def test_qa_never_crashes(source: str, translation: str) -> None:
    """Whatever a translator types, the checks return findings with known codes."""
    findings = qa.check_message(source, translation, [Term("victim", "upuris")])
    assert all(finding.code in qa.CODES for finding in findings)
    assert all(finding.severity in {"error", "warning"} for finding in findings)


@settings(max_examples=400, deadline=None)
@given(myst_like)
def test_a_copy_of_the_source_has_no_errors(source: str) -> None:
    """Keeping the source text is never an error (at most the IDENTICAL warning): no false alarm from markup."""
    assert [finding for finding in qa.check_message(source, source) if finding.severity == "error"] == []


@settings(max_examples=400, deadline=None)
@given(myst_like)
def test_markup_parse_is_total(text: str) -> None:
    """The parser accepts any string and its readable text never contains the private stand-in characters."""
    parsed = markup.parse(text)
    assert not any("\uf000" <= char <= "\uf8ff" for char in parsed.text if char not in text)


po_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029")
    | st.sampled_from('\n\t"\\'),
    max_size=120,
)


@pytest.mark.usefixtures("gettext_tools")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(po_text.filter(bool), po_text, min_size=1, max_size=6))
def test_formatting_is_idempotent_and_lossless(messages: dict[str, str]) -> None:
    """format-po twice: the second run changes nothing; every msgid and msgstr survives; QA does not crash."""
    folder = Path(tempfile.mkdtemp())
    try:
        path = write_catalog(
            folder / "lv" / "LC_MESSAGES" / "x.po",
            "lv",
            [polib.POEntry(msgid=msgid, msgstr=msgstr) for msgid, msgstr in messages.items()],
            canonical=False,
        )
        format_catalog(path)
        first = path.read_bytes()
        assert format_catalog(path) is False
        assert path.read_bytes() == first
        assert {entry.msgid: entry.msgstr for entry in polib.pofile(str(path))} == messages
        language = registry.load(Path(__file__).parent / "data" / "project" / "locale" / "languages.toml").get("lv")
        report = qa.check_catalog(path, language)
        assert all(problem.code in qa.CODES for problem in report.problems)
        assert "FORMAT" not in {problem.code for problem in report.problems}
    finally:
        shutil.rmtree(folder)

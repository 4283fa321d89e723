"""Property tests: whatever a translator's editor saves, the build's catalogue check, the QA and the formatter cope.

tests/catalog/test_properties.py covers single messages (QA never crashes, a copy of the source is no error) and
formatting of plain msgid/msgstr pairs. Here: whole files of arbitrary bytes, catalogues with contexts, plurals,
fuzzy entries, previous msgids, comments and obsolete entries, and the interface-string guard.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strom import build, registry
from strom.catalog import gnu, qa
from strom.catalog.update import format_catalog
from strom.ext.guard import unsafe_interface_markup

LATVIAN = registry.load().get("lv")
HEADER = (
    '# Latvian translation.\nmsgid ""\nmsgstr ""\n"Language: lv\\n"\n"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);\\n"\n\n'
)
#: Pieces of catalogue syntax and MyST, recombined into files that are sometimes valid and often not.
PIECES = [
    'msgid "',
    'msgstr "',
    'msgctxt "',
    'msgid_plural "',
    "msgstr[0] ",
    "msgstr[1] ",
    '"\n',
    '"',
    "\n",
    "\r\n",
    "#, fuzzy\n",
    "#| msgid ",
    "#~ ",
    "#. qa: ignore number\n",
    "\\",
    '\\"',
    "\\n",
    "{term}`victim`",
    "{ref}`ch-signs`",
    "**",
    "`",
    "<script>",
    "[^1]",
    "{{ x }}",
    "Pazīme",
    "Признак",
    "116 006",
    "charset=ISO-8859-1",
    "\ufeff",
    "\x00",
]
catalogue_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)
catalogue_bytes = st.one_of(
    catalogue_text.map(lambda text: (HEADER + text).encode("utf-8")),
    catalogue_text.map(lambda text: text.encode("utf-8")),
    st.binary(max_size=300),
    catalogue_text.map(lambda text: (HEADER + text).encode("utf-8", "replace").replace(b"a", b"\xe4")),
)
LOCATED = re.compile(r"^(?P<path>.+\.po):(?P<line>\d+): error: \S")


@pytest.fixture(scope="module")
def folder() -> Path:
    """A scratch folder for the generated catalogues (hypothesis runs many examples in one test call)."""
    path = Path(tempfile.mkdtemp(prefix="strom-properties-"))
    yield path
    shutil.rmtree(path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalogue_bytes)
def test_the_builds_catalogue_check_never_crashes_and_always_names_a_line(folder: Path, data: bytes) -> None:
    path = folder / "x.po"
    path.write_bytes(data)
    problems = build.check_catalogue_file(path, LATVIAN)
    lines = data.count(b"\n") + 1
    for problem in problems:
        located = LOCATED.match(problem)
        assert located, problem
        assert 1 <= int(located["line"]) <= lines, problem
        assert "Traceback" not in problem


@pytest.mark.skipif(not gnu.available(), reason=f"needs GNU gettext: {gnu.INSTALL_HINT}")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalogue_bytes)
def test_check_po_never_crashes_on_any_file(folder: Path, data: bytes) -> None:
    path = folder / "lv" / "LC_MESSAGES" / "x.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    report = qa.check_catalog(path, LATVIAN)
    assert all(problem.code in qa.CODES for problem in report.problems)
    assert all(problem.line >= 1 for problem in report.problems)


@pytest.mark.skipif(not gnu.available(), reason=f"needs GNU gettext: {gnu.INSTALL_HINT}")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalogue_bytes)
def test_the_build_accepts_what_msgfmt_accepts(folder: Path, data: bytes) -> None:
    """No false alarm: a UTF-8 file that GNU msgfmt compiles, with no other charset declared, passes the build."""
    path = folder / "y.po"
    path.write_bytes(data)
    problems = build.check_catalogue_file(path, LATVIAN)
    text = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text.decode("utf-8")
    except UnicodeDecodeError:
        assert problems
        return
    if b"charset=" in text and not re.search(rb'^"Content-Type:[^"\n]*charset=UTF-8', text, re.M):
        return  # another charset may be declared: checked by the unit tests
    plain = path.with_suffix(".plain.po")
    plain.write_bytes(text)  # msgfmt itself refuses a byte-order mark, which Sphinx reads fine
    msgfmt = subprocess.run(["msgfmt", "-o", os.devnull, str(plain)], capture_output=True, check=False)
    errors = [line for line in msgfmt.stderr.decode("utf-8", "replace").splitlines() if "fatal error" not in line]
    # msgfmt's newline-consistency errors are not syntax: Sphinx reads such entries as written.
    syntax = [line for line in errors if "entries do not both" not in line]
    assert (msgfmt.returncode == 0 or not syntax) == (problems == []), (problems, msgfmt.stderr)


po_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029")
    | st.sampled_from('\n\t"\\{}`*<>'),
    max_size=60,
)
entry = st.builds(
    lambda msgid, msgstr, context, plural, fuzzy, previous, comment: (
        msgid,
        msgstr,
        context,
        plural,
        fuzzy,
        previous,
        comment,
    ),
    po_text.filter(bool),
    po_text,
    st.none() | po_text.filter(bool),
    st.booleans(),
    st.booleans(),
    st.none() | po_text.filter(bool),
    st.none() | po_text.filter(lambda text: text.strip() and "\n" not in text and not text.endswith("\\")),
)


@pytest.mark.skipif(not gnu.available(), reason=f"needs GNU gettext: {gnu.INSTALL_HINT}")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(entry, min_size=1, max_size=6, unique_by=lambda item: (item[2], item[0])))
def test_formatting_rich_catalogues_is_idempotent_and_lossless(folder: Path, entries: list[tuple]) -> None:
    """Contexts, plurals, fuzzy entries with previous msgids, comments: format-po twice changes nothing more."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Language": "lv", "Content-Type": "text/plain; charset=UTF-8", "MIME-Version": "1.0"}
    for msgid, msgstr, context, plural, fuzzy, previous, comment in entries:
        item = polib.POEntry(msgid=msgid, msgctxt=context, tcomment=comment or "")
        if plural:
            item.msgid_plural = msgid + " (plural)"
            item.msgstr_plural = {0: msgstr, 1: msgstr, 2: msgstr}
        else:
            item.msgstr = msgstr
        if fuzzy:
            item.flags.append("fuzzy")
            item.previous_msgid = previous
        catalog.append(item)
    path = folder / "lv" / "LC_MESSAGES" / "rich.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(path))

    format_catalog(path)
    first = path.read_bytes()
    assert format_catalog(path) is False
    assert path.read_bytes() == first
    kept = {(item.msgctxt, item.msgid): item for item in polib.pofile(str(path))}
    for msgid, msgstr, context, plural, fuzzy, _previous, _comment in entries:
        item = kept[(context, msgid)]
        assert (item.msgstr_plural[0] if plural else item.msgstr) == msgstr
        assert ("fuzzy" in item.flags) == (fuzzy and msgstr != "")  # gettext drops "fuzzy" from untranslated
    assert build.check_catalogue_file(path, LATVIAN) == []


@given(po_text)
def test_an_interface_translation_that_keeps_the_source_is_never_refused(msgid: str) -> None:
    assert unsafe_interface_markup(msgid, msgid) is None


@given(po_text, st.sampled_from(["<script>", "<img src=x onerror=alert(1)>", "</title>", "<!--", '" onfocus="x']))
def test_an_interface_translation_that_adds_markup_is_always_refused(msgid: str, added: str) -> None:
    if added.strip('"') in msgid or (added.startswith('"') and '"' in msgid):
        return
    assert unsafe_interface_markup(msgid, msgid + added) is not None

"""The country directory: data validation, rendering, translation, and warnings that name file, line and field."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from strom.ext.content import COUNTRY_SCHEMA, CountryDataError, country_codes, load_country

ROOT = Path(__file__).parents[1] / "roots" / "test-content-directory"
VALID = (ROOT / "_data" / "lv.yaml").read_text(encoding="utf-8")


def _warnings(app) -> list[str]:
    """The build's warning lines, without colour codes."""
    return [line for line in re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines() if line.strip()]


def _line(text: str, fragment: str) -> int:
    """The 1-based line of the first line holding ``fragment``."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


#: One fault each: text to replace, replacement, a fragment of the faulty line, the field, the message's start.
FAULTS = [
    pytest.param(
        'phone: "116 006"',
        "phone: 116006",
        "phone: 116006",
        "entries[1].phone",
        "116006 is not of type 'string', 'null'",
        id="wrong type",
    ),
    pytest.param(
        "    source: Test source document\n",
        "",
        "- service: emergency",
        "entries[0].source",
        "this required field is missing",
        id="missing field",
    ),
    pytest.param(
        "service: victim-helpline",
        "service: hotline",
        "service: hotline",
        "entries[1].service",
        "'hotline' is not one of [",
        id="bad service",
    ),
    pytest.param(
        "verified: 2025-01-10",
        "verified: 2025-02-30",
        "verified: 2025-02-30",
        "entries[0].verified",
        "'2025-02-30' is not a 'date'",
        id="impossible date",
    ),
    pytest.param(
        "verified: 2025-01-10",
        'verified: "10.01.2025"',
        "10.01.2025",
        "entries[0].verified",
        "'10.01.2025' does not match",
        id="date in another format",
    ),
    pytest.param(
        "verified: 2025-01-10",
        "verified: true",
        "verified: true",
        "entries[0].verified",
        "true is not allowed here",
        id="true instead of a date",
    ),
    pytest.param(
        "    url: null\n",
        "    url: null\n    fax: null\n",
        "fax: null",
        "entries[0].fax",
        "there is no such field here",
        id="unknown field",
    ),
    pytest.param(
        "url: https://www.example.org/",
        "url: www.example.org",
        "url: www.example.org",
        "entries[1].url",
        "'www.example.org' does not match",
        id="url without scheme",
    ),
    pytest.param(
        "country: lv",
        "country: lt",
        "country: lt",
        "country",
        "'lt' does not match the file name lv.yaml",
        id="country mismatch",
    ),
    pytest.param(
        VALID[VALID.index("entries:") :],
        "entries: []\n",
        "entries: []",
        "entries",
        "[] should be non-empty",
        id="no entries",
    ),
]


@pytest.mark.parametrize(("old", "new", "fragment", "field", "message"), FAULTS)
def test_each_fault_is_one_problem_naming_line_and_field(tmp_path, old, new, fragment, field, message) -> None:
    assert old in VALID
    text = VALID.replace(old, new, 1)
    path = tmp_path / "lv.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CountryDataError) as caught:
        load_country(path, "lv")
    assert len(caught.value.problems) == 1, caught.value
    problem = caught.value.problems[0]
    assert problem.field == field
    assert problem.message.startswith(message), problem.message
    assert problem.line == _line(text, fragment)
    assert str(caught.value).startswith(f"{path}:{problem.line}: {field}: {message}")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            VALID.replace("    label: Helpline", "   label: Helpline"),
            _line(VALID, "label: Helpline"),
            "this is not valid YAML (",
        ),
        # The parser notices the unclosed bracket where the next key starts.
        (VALID.replace("name: Latvia", "name: [Latvia"), _line(VALID, "eu_member"), "this is not valid YAML ("),
        (
            VALID.replace("    url: null\n", "    url: null\n    url: null\n", 1),
            _line(VALID, "url: null") + 1,
            "url is given twice",
        ),
        ("", 1, "the file is empty; it must hold the fields country, name, eu_member, entries"),
    ],
    ids=["indentation", "unclosed bracket", "duplicate key", "empty file"],
)
def test_unreadable_yaml_is_one_problem_with_its_line(tmp_path, text, line, message) -> None:
    path = tmp_path / "lv.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CountryDataError) as caught:
        load_country(path, "lv")
    assert [(problem.line, problem.message[: len(message)]) for problem in caught.value.problems] == [(line, message)]


def test_field_errors_say_what_the_field_expects(tmp_path) -> None:
    path = tmp_path / "lv.yaml"
    path.write_text(VALID.replace('phone: "112"', "phone: 112"), encoding="utf-8")
    with pytest.raises(CountryDataError) as caught:
        load_country(path)
    assert caught.value.problems[0].message == (
        "112 is not of type 'string', 'null'; expected the number as dialled, in quotes (digits, spaces, hyphens, "
        'an optional leading +), e.g. "116 006"; or null where no verified number is known'
    )


def test_several_faults_are_all_reported_in_line_order(tmp_path) -> None:
    path = tmp_path / "lv.yaml"
    path.write_text(VALID.replace("service: victim-helpline", "service: x").replace("eu_member: true", "eu_member: 1"))
    with pytest.raises(CountryDataError) as caught:
        load_country(path, "lv")
    assert [problem.field for problem in caught.value.problems] == ["eu_member", "entries[1].service"]


def test_valid_file_loads_with_dates_as_text(tmp_path) -> None:
    country = load_country(ROOT / "_data" / "lv.yaml", "lv")
    assert country["name"] == "Latvia"
    assert [entry["verified"] for entry in country["entries"]] == ["2025-01-10", False, False]
    assert country["entries"][0]["phone"] == "112"


def test_country_codes_come_from_the_schema() -> None:
    assert country_codes() == ("dk", "de", "ee", "fi", "lt", "lv", "no", "pl", "ru", "se")
    assert COUNTRY_SCHEMA.is_file()


@pytest.mark.sphinx("html", testroot="content-directory", freshenv=True)
def test_directory_renders_a_captioned_table(app) -> None:
    app.build()
    assert app.statuscode == 0
    assert not app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    table = re.search(
        r'<div class="strom-country-directory docutils container" id="country-lv">(.*?)</table>', page, re.S
    )
    assert table, page
    html = table.group(1)
    assert re.search(
        r'<caption><span class="caption-number">Table 1 </span><span class="caption-text">Latvia</span>', html
    )
    assert re.findall(r'<th class="head"><p>(\w+)</p></th>', html) == ["Service", "Number", "Verification"]
    assert html.count('<tr class="strom-service-') == 3
    assert '<p class="strom-directory-label">Single European emergency number</p>' in html
    assert '<p class="strom-directory-note">Call when someone is in immediate danger.</p>' in html
    assert '<p class="strom-directory-organisation">Example victim support association</p>' in html
    assert '<a class="reference external" href="tel:112">112</a>' in html
    assert '<a class="reference external" href="tel:116006">116 006</a>' in html
    assert '<a class="reference external" href="https://www.example.org/">www.example.org</a>' in html
    assert '<p class="strom-verified">Verified on 2025-01-10</p>' in html
    assert html.count('<p class="strom-unverified">To be confirmed by the national coordinator</p>') == 2
    assert '<p class="strom-directory-source">Not yet checked</p>' in html
    assert '<p class="strom-directory-source">Test source document</p>' in html
    # The entry with neither number nor address says so rather than leaving an empty cell.
    assert "<td><p>\N{EM DASH}</p></td>" in html


@pytest.mark.sphinx("gettext", testroot="content-directory", freshenv=True)
def test_data_text_lands_in_the_documents_catalogue(app) -> None:
    app.build()
    assert not app.warning.getvalue()
    pot = (app.outdir / "index.pot").read_text(encoding="utf-8")
    for msgid in (
        "Latvia",
        "Single European emergency number",
        "Call when someone is in immediate danger.",
        "Example victim support association",
        "National anti-trafficking hotline",
        "Not yet checked",
    ):
        assert f'msgid "{msgid}"' in pot
    # Numbers, addresses and interface strings are not the document's to translate.
    for text in ("116 006", "example.org", "Verified on", "To be confirmed", '"Service"'):
        assert text not in pot


@pytest.mark.sphinx("html", testroot="content-directory", confoverrides={"language": "lv"}, freshenv=True)
def test_directory_is_translated_by_both_catalogues(app) -> None:
    app.build()
    assert app.statuscode == 0
    assert not app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<span class="caption-text">Latvija</span>' in page
    assert '<p class="strom-directory-label">Vienotais Eiropas ārkārtas palīdzības numurs</p>' in page
    assert '<p class="strom-directory-note">Zvaniet, ja kādam draud tūlītējas briesmas.</p>' in page
    assert re.findall(r'<th class="head"><p>(\w+)</p></th>', page) == ["Pakalpojums", "Numurs", "Pārbaude"]
    assert '<p class="strom-verified">Pārbaudīts 2025-01-10</p>' in page
    assert '<p class="strom-unverified">Jāapstiprina nacionālajam koordinatoram</p>' in page
    # Untranslated data stays English; numbers stay as they are.
    assert '<p class="strom-directory-label">Helpline for victims of crime</p>' in page
    assert '<a class="reference external" href="tel:116006">116 006</a>' in page


@pytest.fixture
def project(tmp_path, rootdir) -> Path:
    """A private copy of the directory project, free to break."""
    shutil.copytree(rootdir / "test-content-directory", tmp_path / "src")
    return tmp_path / "src"


@pytest.mark.parametrize(("old", "new", "fragment", "field", "message"), FAULTS[:6])
def test_invalid_file_is_one_warning_naming_file_line_and_field(
    make_app, project, old, new, fragment, field, message
) -> None:
    data = project / "_data" / "lv.yaml"
    text = VALID.replace(old, new, 1)
    data.write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=project)
    app.build()
    warnings = _warnings(app)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{os.fspath(data)}:{_line(text, fragment)}: WARNING: {field}: {message}")
    assert warnings[0].endswith("[strom.country-data]")
    assert "strom-country-directory" not in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_yaml_syntax_error_is_one_warning(make_app, project) -> None:
    data = project / "_data" / "lv.yaml"
    data.write_text(VALID.replace("name: Latvia", "name: [Latvia"), encoding="utf-8")
    app = make_app("html", srcdir=project)
    app.build()
    warnings = _warnings(app)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{os.fspath(data)}:{_line(VALID, 'eu_member')}: WARNING: this is not valid YAML (")
    assert "Traceback" not in app.warning.getvalue()


def test_invalid_file_fails_a_build_with_warnings_as_errors(make_app, project) -> None:
    (project / "_data" / "lv.yaml").write_text(VALID.replace('phone: "112"', "phone: 112"), encoding="utf-8")
    app = make_app("html", srcdir=project, warningiserror=True)
    app.build()
    assert app.statuscode == 1
    assert "entries[0].phone: 112 is not of type 'string', 'null'" in _warnings(app)[0]


def test_missing_file_and_unknown_country_warn_at_the_directive(make_app, project) -> None:
    (project / "index.md").write_text(
        "# Numbers\n\n```{country-directory} dk\n```\n\n```{country-directory} xx\n```\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=project)
    app.build()
    warnings = _warnings(app)
    index = os.fspath(project / "index.md")
    assert warnings == [
        f"{index}:3: WARNING: country-directory dk: there is no data file _data/dk.yaml; "
        "write one that follows country.schema.json [strom.country-data]",
        f"{index}:6: WARNING: unknown country 'xx'; use one of: dk de ee fi lt lv no pl ru se [strom.country-data]",
    ]


def test_editing_the_data_file_rebuilds_the_page(make_app, project) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    assert "Test source document" in (app.outdir / "index.html").read_text(encoding="utf-8")
    data = project / "_data" / "lv.yaml"
    data.write_text(VALID.replace("Test source document", "A newer source document"), encoding="utf-8")
    later = data.stat().st_mtime + 10
    os.utime(data, (later, later))
    app.build()
    assert not app.warning.getvalue()
    assert "A newer source document" in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_translation_that_drops_the_date_placeholder_warns_and_falls_back(make_app, project) -> None:
    catalogue = project / "locale" / "lv" / "LC_MESSAGES" / "sphinx.po"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace('msgstr "Pārbaudīts %s"', 'msgstr "Pārbaudīts"'), encoding="utf-8"
    )
    app = make_app("html", srcdir=project, confoverrides={"language": "lv"})
    app.build()
    warnings = _warnings(app)
    assert len(warnings) == 1, warnings
    assert (
        f"{os.fspath(project / 'index.md')}:3: WARNING: the translation of 'Verified on %s' in sphinx.po (lv)"
        in (warnings[0])
    )
    assert warnings[0].endswith("[strom.catalogue]")
    assert '<p class="strom-verified">Verified on 2025-01-10</p>' in (app.outdir / "index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("source", "same"),
    [
        ("To be confirmed by the national coordinator", True),
        ("To be confirmed by the national coordinator.", True),
        (" to be confirmed by the National Coordinator. ", True),
        ("Not yet checked", False),
    ],
)
def test_a_source_that_repeats_the_unconfirmed_status_is_said_once(source: str, same: bool) -> None:
    """The row shows the status; a source that only says the same is not shown again."""
    from strom.ext.content import UNCONFIRMED, _same_sentence

    assert _same_sentence(source, UNCONFIRMED) is same

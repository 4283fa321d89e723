"""A real WeasyPrint render with the bundled fonts and Finnish patterns: hyphenated line ends, only our fonts."""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections.abc import Iterator

import pyphen
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from strom import registry
from strom.pdf import typography

weasyprint = pytest.importorskip("weasyprint", reason="WeasyPrint needs Pango: apt-get install libpango-1.0-0")

PARAGRAPHS = {
    "fi": (
        "Ihmiskaupan uhrien tunnistaminen kuuluu sosiaalityöntekijöille ja kunnallisille viranomaisille. "
        "Vastaanottokeskukset, kansalaisjärjestöt ja lastensuojeluviranomaiset tekevät yhteistyötä, "
        "jotta uhri saa oikeusavustajan ja tulkkauspalvelut."
    ),
    "lv": (
        "Cilvēku tirdzniecības upuru identificēšana ir pašvaldību sociālo darbinieku pienākums. "
        "Bāriņtiesas, nevalstiskās organizācijas un tiesībaizsardzības iestādes sadarbojas, "
        "lai cietušais saņemtu juridisko palīdzību un tulkošanas pakalpojumus."
    ),
}
HEADINGS = {"fi": "Ihmiskauppa", "lv": "Cilvēku tirdzniecība"}
HYPHENS = ("\u2010", "-", "\u00ad")  # WeasyPrint's default hyphenate-character is U+2010
FONT_NAME = re.compile(r"^/[A-Z]{6}\+Strom-(?P<family>Serif|Sans|Symbols)(-Bold)?(-Italic|-Oblique)?$")


class _Records(logging.Handler):
    """Keeps every record the 'weasyprint' logger emits at WARNING or above."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def weasyprint_warnings() -> Iterator[list[logging.LogRecord]]:
    handler = _Records()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def _render(code: str) -> bytes:
    language = registry.load().get(code)
    tag = typography.hyphenation_language(language)  # also registers Finnish
    html = f"""<!DOCTYPE html>
<html lang="{tag}"><head><meta charset="utf-8"><style>
{typography.font_face_css()}
@page {{ size: 90mm 160mm; margin: 10mm; }}
body {{ font-family: {typography.SERIF_STACK}; font-size: 10pt; line-height: 1.3; }}
h1 {{ font-family: {typography.SANS_STACK}; font-size: 12pt; font-weight: bold; }}
.column {{ width: 38mm; }}
p {{ text-align: justify; hyphens: auto; }}
</style></head><body>
<h1>{HEADINGS[code]} <em>(2024)</em></h1>
<div class="column"><p>{PARAGRAPHS[code]}</p></div>
<p><em>☐ {HEADINGS[code]}</em> ☑ <strong><em>→ 1 \u2212 2</em></strong></p>
</body></html>"""
    return weasyprint.HTML(string=html).write_pdf()


def _lines(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [line.strip() for page in reader.pages for line in page.extract_text().splitlines() if line.strip()]


def _hyphenated_line_ends(lines: list[str]) -> list[tuple[str, str]]:
    """Return (first part, second part) of every word broken at a line end."""
    breaks = []
    for line, following in itertools.pairwise(lines):
        if line.endswith(HYPHENS) and following:
            first = re.split(r"\s+", line)[-1].rstrip("".join(HYPHENS))
            second = re.split(r"\s+", following)[0]
            breaks.append((first, re.sub(r"\W+$", "", second)))
    return breaks


def _fonts(pdf: bytes) -> list[tuple[str, DictionaryObject]]:
    """Every font of every page: (BaseFont, the dictionary that holds its FontDescriptor)."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
            found.append((str(font["/BaseFont"]), described))
    return found


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_justified_paragraph_is_hyphenated_at_line_ends(code: str, weasyprint_warnings: list[logging.LogRecord]):
    pdf = _render(code)
    assert [record.getMessage() for record in weasyprint_warnings] == []
    breaks = _hyphenated_line_ends(_lines(pdf))
    assert breaks, f"no hyphenated line end in {_lines(pdf)}"
    dictionary = pyphen.Pyphen(lang=typography.hyphenation_language(registry.load().get(code)))
    words = set(re.findall(r"\w+", PARAGRAPHS[code]))
    for first, second in breaks:
        # Each break joins back into a word of the paragraph, broken where the dictionary allows.
        assert first + second in words, (first, second)
        assert len(first) in dictionary.positions(first + second), (first, second)


def test_finnish_is_not_hyphenated_without_our_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    # The control for the test above: with Pyphen's own dictionaries only, WeasyPrint leaves Finnish unbroken.
    typography.register_hyphenation()
    languages = {name: path for name, path in pyphen.LANGUAGES.items() if not name.lower().startswith("fi")}
    lowercase = {name: value for name, value in pyphen.LANGUAGES_LOWERCASE.items() if not name.startswith("fi")}
    monkeypatch.setattr(pyphen, "LANGUAGES", languages)
    monkeypatch.setattr(pyphen, "LANGUAGES_LOWERCASE", lowercase)
    monkeypatch.setattr(typography, "register_hyphenation", lambda: None)
    monkeypatch.setattr(typography, "hyphenation_language", lambda language: language.hyphenation)
    assert _hyphenated_line_ends(_lines(_render("fi"))) == []


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_every_font_is_an_embedded_subset_of_a_bundled_face(code: str, weasyprint_warnings: list[logging.LogRecord]):
    pdf = _render(code)
    assert [record.getMessage() for record in weasyprint_warnings] == []
    fonts = _fonts(pdf)
    families = set()
    largest = max(face.path.stat().st_size for face in typography.FACES)
    for name, described in fonts:
        match = FONT_NAME.match(name)
        assert match, f"{name} is not a subset of a bundled face (a system font?)"
        families.add(match["family"])
        font_file = described["/FontDescriptor"]["/FontFile2"].get_object()
        data = font_file.get_data()
        assert 0 < len(data) < largest, f"{name}: embedded program of {len(data)} bytes is no subset"
    assert families == {"Serif", "Sans", "Symbols"}, "the document uses all three families"
    assert len(fonts) >= 5


#: Latvian words whose consonant clusters Pyphen's own patterns break wrongly ("aizbil-dnis", "star-pniecību").
LATVIAN_CLUSTERS = "aizbildnis starpniecību kontaktpunktu tirdzniecība ārstniecības"


def _render_latvian_column() -> list[tuple[str, str]]:
    """Render :data:`LATVIAN_CLUSTERS` in a column one word wide; return the hyphenated line ends."""
    tag = typography.hyphenation_language(registry.load().get("lv"))
    html = f"""<!DOCTYPE html>
<html lang="{tag}"><head><meta charset="utf-8"><style>
{typography.font_face_css()}
@page {{ size: 90mm 160mm; margin: 10mm; }}
body {{ font-family: {typography.SERIF_STACK}; font-size: 10pt; hyphens: auto; hyphenate-limit-chars: 6 3 3; }}
p {{ width: 16mm; }}
</style></head><body><p>{LATVIAN_CLUSTERS}</p></body></html>"""
    return _hyphenated_line_ends(_lines(weasyprint.HTML(string=html).write_pdf()))


def test_latvian_clusters_break_before_their_last_consonant(weasyprint_warnings: list[logging.LogRecord]) -> None:
    breaks = _render_latvian_column()
    assert [record.getMessage() for record in weasyprint_warnings] == []
    assert ("aizbild", "nis") in breaks
    assert ("starp", "niecību") in breaks
    assert ("kontakt", "punktu") in breaks
    for first, second in breaks:
        assert first + second in LATVIAN_CLUSTERS.split(), (first, second)
        cluster = re.match(f"[^{typography.LATVIAN_VOWELS}]*", second)
        assert cluster is not None
        assert len(cluster.group(0)) == 1 or cluster.group(0) in typography.LATVIAN_ONSETS, (first, second)


def test_latvian_clusters_break_wrongly_with_pyphens_own_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    # The control for the test above: WeasyPrint with Pyphen's uncorrected lv_LV gives the defect it corrects.
    typography.register_hyphenation()
    languages = dict(pyphen.LANGUAGES, lv_LV=typography.pyphen_dictionary("lv_LV"))
    monkeypatch.setattr(pyphen, "LANGUAGES", languages)
    monkeypatch.setattr(typography, "register_hyphenation", lambda: None)
    breaks = _render_latvian_column()
    assert ("aizbil", "dnis") in breaks or ("star", "pniecību") in breaks

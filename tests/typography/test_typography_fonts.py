"""The bundled fonts: glyphs for every language, licence and provenance files, @font-face rules, reproducible cut."""

# The samples are typographic characters (quotes, dashes, Cyrillic letters) on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from strom import registry
from strom.pdf import typography

#: Text in every language of the registry, with every letter beyond ASCII that the language uses, upper and lower.
SAMPLES = {
    "en": "The quick brown fox jumps over the lazy dog. Naïve café, résumé, coöperate.",
    "da": "Høj bør æble på sørøver. Quizdeltagerne spiste jordbær med fløde. Æ Ø Å æ ø å",
    "de": "Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich. Ä Ö Ü ä ö ü ß ẞ",
    "et": "Põdur Zagrebi tšellomängija-följetonist Ciqo külmetas kehvas garaažis. Õ Ä Ö Ü Š Ž õ ä ö ü š ž",
    "lv": "Glāžšķūņa rūķīši dzērumā čiepj Baha koncertflīģeļu vākus. Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž",
    "lt": "Įlinkdama fechtuotojo špaga sublykčiojusi pragręžė apvalų arbūzą. Ą Č Ę Ė Į Š Ų Ū Ž",
    "nb": "Vår sære Zulu fra badeøya spilte jo whist og quickstep i min taxi. Æ Ø Å æ ø å",
    "pl": "Pchnąć w tę łódź jeża lub ośm skrzyń fig. Zażółć gęślą jaźń. Ą Ć Ę Ł Ń Ó Ś Ź Ż",
    "ru": "Съешь же ещё этих мягких французских булок, да выпей чаю. Ё Й Ъ Ы Ь Э Ю Я ё й ъ ы ь э ю я",
    "fi": "Törkylempijävongahdus: šakki, Žanna, Åland. Ä Ö Å ä ö å",
    "sv": "Flygande bäckasiner söka hwila på mjuka tuvor. Ä Ö Å ä ö å",
}
#: What every language's text also uses: quotes of all our languages, dashes, the hyphen WeasyPrint inserts at a
#: break (U+2010), soft hyphen, no-break and narrow no-break spaces, ellipsis, currency and signs.
COMMON = (
    "0123456789 “” ‘’ „“ ‚‘ «» ‹› \"' - ‐ ‑ – — … · • € £ $ § ¶ © ® ™ № ° ± × ÷ ½ % ‰ ( ) [ ] / & @ # * ! ? ; :"
    "\u00ad\u00a0\u202f"
)
#: What the symbols face is there for: checklists, arrows, operators.
SYMBOL_TEXT = "☐ ☑ ☒ ✓ ✔ ✗ ✘ □ ■ ○ ● → ← ↑ ↓ ⇒ − ≤ ≥ ≠ ≈ ∞ \u00a0"

TEXT_FACES = [face for face in typography.FACES if face.family != typography.SYMBOLS]
SYMBOL_FACES = [face for face in typography.FACES if face.family == typography.SYMBOLS]


def _cmap(face: typography.Face) -> set[int]:
    with TTFont(face.path) as font:
        return set(font.getBestCmap())


def _missing(text: str, cmap: set[int]) -> list[str]:
    return sorted({f"U+{ord(char):04X} {char}" for char in text if ord(char) not in cmap})


def test_every_registry_language_has_a_sample() -> None:
    assert set(SAMPLES) == set(registry.load().codes)


def test_families_have_four_faces_and_symbols_one() -> None:
    for family in (typography.SERIF, typography.SANS):
        faces = {(face.weight, face.style) for face in typography.FACES if face.family == family}
        assert faces == {(400, "normal"), (700, "normal"), (400, "italic"), (700, "italic")}
    assert [(face.weight, face.style) for face in SYMBOL_FACES] == [(400, "normal")]


@pytest.mark.parametrize("face", TEXT_FACES, ids=lambda face: face.filename)
@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_text_face_has_every_glyph_of_the_language(face: typography.Face, code: str) -> None:
    assert _missing(SAMPLES[code] + COMMON, _cmap(face)) == []


@pytest.mark.parametrize("face", SYMBOL_FACES, ids=lambda face: face.filename)
def test_symbols_face_has_checklist_and_operator_glyphs(face: typography.Face) -> None:
    assert _missing(SYMBOL_TEXT, _cmap(face)) == []


@pytest.mark.parametrize("face", typography.FACES, ids=lambda face: face.filename)
def test_face_is_ofl_embeddable_truetype_and_its_style_matches(face: typography.Face) -> None:
    with TTFont(face.path) as font:
        assert "glyf" in font, "WeasyPrint embeds TrueType outlines (FontFile2)"
        assert "SIL Open Font License, Version 1.1" in font["name"].getDebugName(13)
        # fsType 0: installable embedding, so the font may be embedded in the PDF.
        assert font["OS/2"].fsType == 0
        assert font["OS/2"].usWeightClass == face.weight
        assert bool(font["head"].macStyle & 0b10) == (face.style == "italic")
        # Hinting is dropped on purpose (print only); its tables would only add size.
        assert "fpgm" not in font
        assert "prep" not in font


def test_merged_symbols_face_is_renamed_and_keeps_both_copyrights() -> None:
    (face,) = SYMBOL_FACES
    with TTFont(face.path) as font:
        names = font["name"]
        assert names.getDebugName(1) == "Strom Symbols"
        assert names.getDebugName(6) == "StromSymbols-Regular"
        assert "2017 Google" in names.getDebugName(0)
        assert "2018 Google" in names.getDebugName(0)
        assert "NotoSansMath" in names.getDebugName(10)


def test_licence_and_readme_beside_the_fonts() -> None:
    licence = (typography.FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Google" in licence
    readme = (typography.FONTS / "README.md").read_text(encoding="utf-8")
    assert "fonts-noto-core" in readme
    assert "20201225-1" in readme
    assert "pyftsubset" in readme
    for face in typography.FACES:
        assert face.path.stat().st_size < 300_000, f"{face.filename} is larger than a subset should be"
    total = sum(path.stat().st_size for path in typography.FONTS.glob("*.ttf"))
    assert total < 2_500_000


def test_every_font_file_in_the_folder_is_a_declared_face() -> None:
    assert {path.name for path in typography.FONTS.glob("*.tt[fc]")} == {face.filename for face in typography.FACES}


def test_font_face_css_names_every_face_by_absolute_file_url() -> None:
    css = typography.font_face_css()
    rules = re.findall(r"@font-face \{(.*?)\}", css, flags=re.DOTALL)
    assert len(rules) == len(typography.FACES)
    for face, rule in zip(typography.FACES, rules, strict=True):
        assert f'font-family: "{face.family}";' in rule
        assert f'url("{face.path.as_uri()}") format("truetype")' in rule
        assert f"font-weight: {face.weight};" in rule
        assert f"font-style: {face.style};" in rule
        assert face.path.as_uri().startswith("file:///")


def test_font_face_css_says_what_to_do_when_a_font_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(typography, "FONTS", tmp_path)
    with pytest.raises(typography.TypographyError, match=r"bundled font missing.*README\.md"):
        typography.font_face_css()


#: The upstream files the bundled fonts were cut from: Debian fonts-noto-core 20201225-1.
UPSTREAM = Path("/usr/share/fonts/truetype/noto")
UPSTREAM_SHA256 = {
    "NotoSerif-Regular.ttf": "9d7583b7dc9e812afd32a14280c5cac3160012efe50c8d08938f4fea266ff67f",
    "NotoSerif-Bold.ttf": "0af0ff2be8f84910fb21ec5fe1b6b7395e3073250502a334baf6ca2f860c88fe",
    "NotoSerif-Italic.ttf": "bc25600aa27cd409e1e5b3d86340df3a329bb860fcfbe57a03a95070b229e1b0",
    "NotoSerif-BoldItalic.ttf": "78a6d685e5690b7dcda0f336b689193afc03b6bab5cf18fc1a9ecc3aa0600059",
    "NotoSans-Regular.ttf": "89c3c497f618fdaa0b2d1e98fef93582f28c71debd2c4a8cdf41f190ced2909d",
    "NotoSans-Bold.ttf": "e83493c945848ecd4a9ad0f6d19164541a0d3e23a9c952304a00a46e00272ac5",
    "NotoSans-Italic.ttf": "5d7618dda819443fd07301c84adcee9fe8960c873ea5e5e1f0f59db384b78082",
    "NotoSans-BoldItalic.ttf": "4315b26e5afb62f70f5ffe0edaa3363e57765ff2af2beda12b6fef197e3e5f5a",
    "NotoSansSymbols2-Regular.ttf": "876598db5f1e3bef2bc77c4d94c5b0d5d2c1620be4878a06f18fb5434e331688",
    "NotoSansMath-Regular.ttf": "8242bd1e55368b27e32455260754cf9aa58f3ad7ea80664b66c21f1b09910d6c",
}


def test_upstream_list_names_every_source_of_every_face() -> None:
    assert {part.filename for face in typography.FACES for part in face.sources} == set(UPSTREAM_SHA256)


def _upstream_matches() -> bool:
    """True when the installed fonts-noto-core files are exactly those the bundled fonts were made from."""
    for name, digest in UPSTREAM_SHA256.items():
        path = UPSTREAM / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return True


@pytest.mark.skipif(
    not _upstream_matches(),
    reason="needs the files of Debian's fonts-noto-core 20201225-1 (bookworm): apt-get install fonts-noto-core",
)
def test_vendoring_reproduces_the_bundled_fonts_byte_for_byte(tmp_path: Path) -> None:
    assert typography.main(["fonts", str(UPSTREAM), "--output", str(tmp_path)]) == 0
    for face in typography.FACES:
        made = hashlib.sha256((tmp_path / face.filename).read_bytes()).hexdigest()
        bundled = hashlib.sha256(face.path.read_bytes()).hexdigest()
        assert made == bundled, face.filename

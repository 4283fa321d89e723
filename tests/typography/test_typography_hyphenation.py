"""Hyphenation: the TeX-to-.dic conversion, the shipped Finnish patterns, and a dictionary for every language."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyphen
import pytest

from strom import registry
from strom.pdf import typography

TINY_TEX = r"""% title: Tiny patterns
% copyright: Copyright (C) 2024 Nobody
% version: 1.0
% licence:
%     - text: Public domain
% hyphenmins:
%     typesetting:
%         left: 1
%         right: 3
%
\patterns{
1ba 1be % a comment after two patterns
2b1b
.ab3
}
\hyphenation{
ta-ble
}
"""

#: A long word in each language and where its dictionary may break it (one point each is enough to prove the
#: dictionary loads and applies; the exact points are the pattern authors' business, except for Finnish, ours).
LONG_WORDS = {
    "en": "responsibilities",
    "da": "menneskehandel",
    "de": "Menschenhandel",
    "et": "inimkaubandus",
    "lv": "pašvaldība",
    "lt": "savivaldybė",
    "nb": "menneskehandel",
    "pl": "samorządowy",
    "ru": "торговля",
    "fi": "ihmiskauppa",
    "sv": "människohandel",
}


def test_tex_patterns_convert_to_dic_lines() -> None:
    dic = typography.tex_patterns_to_dic(TINY_TEX, left=1, right=3, comments=["made for a test"])
    assert dic.splitlines() == [
        "UTF-8",
        "% made for a test",
        "LEFTHYPHENMIN 1",
        "RIGHTHYPHENMIN 3",
        "1ba",
        "1be",
        "2b1b",
        ".ab3",
        ".t8a9b8l8e.",
    ]


def test_converted_exception_overrides_the_patterns(tmp_path: Path) -> None:
    path = tmp_path / "hyph_xx.dic"
    path.write_text(typography.tex_patterns_to_dic(TINY_TEX, left=1, right=1), encoding="utf-8")
    dictionary = pyphen.Pyphen(filename=path, left=1, right=1)
    # "1ba" would allow "ta-ble" at 1 too; the exception says only "ta-ble".
    assert dictionary.inserted("table") == "ta-ble"
    assert dictionary.inserted("abba") == "ab-ba"


def test_tex_without_patterns_is_an_error() -> None:
    with pytest.raises(typography.TypographyError, match="no \\\\patterns"):
        typography.tex_patterns_to_dic("% nothing here\n", left=2, right=2)


def test_tex_with_a_macro_in_patterns_is_an_error() -> None:
    with pytest.raises(typography.TypographyError, match="unexpected TeX pattern"):
        typography.tex_patterns_to_dic("\\patterns{ 1ba \\relax }", left=2, right=2)


def test_vendoring_command_reads_the_header_and_writes_the_file(tmp_path: Path) -> None:
    tex = tmp_path / "hyph-xx.tex"
    tex.write_text(TINY_TEX, encoding="utf-8")
    target = tmp_path / "out" / "hyph_xx.dic"
    assert typography.main(["hyphenation", str(tex), "--source", "a test", "--output", str(target)]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "UTF-8"
    assert "% Tiny patterns, version 1.0" in lines
    assert "% Copyright (C) 2024 Nobody" in lines
    assert "% Licence: Public domain" in lines
    assert "% Source: hyph-xx.tex from a test" in lines
    assert "LEFTHYPHENMIN 1" in lines
    assert "RIGHTHYPHENMIN 3" in lines
    assert [path.name for path in target.parent.iterdir()] == ["hyph_xx.dic"], "no temporary file left behind"


def test_vendoring_command_reports_a_missing_file_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "hyph-xx.tex"
    assert typography.main(["hyphenation", str(missing), "--output", str(tmp_path / "x.dic")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert str(missing) in err
    assert "Traceback" not in err


def test_shipped_finnish_dictionary_is_hyph_fi_in_dic_format() -> None:
    lines = typography.FINNISH_DICTIONARY.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "UTF-8"
    assert "LEFTHYPHENMIN 2" in lines
    assert "RIGHTHYPHENMIN 2" in lines
    assert any("Kauko Saarinen" in line for line in lines if line.startswith("%"))
    patterns = [line for line in lines[1:] if not line.startswith(("%", "LEFTHYPHENMIN", "RIGHTHYPHENMIN"))]
    assert len(patterns) == 286
    assert patterns[0] == "1ba"
    assert patterns[-1] == "ch2r"
    assert (typography.HYPHENATION / "LICENSE-hyph-fi.txt").is_file()
    assert "hyph-fi.tex" in (typography.HYPHENATION / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ihmiskauppa", "ih-mis-kaup-pa"),
        ("kunnallinen", "kun-nal-li-nen"),
        ("sosiaalityöntekijä", "so-si-aa-li-työn-te-ki-jä"),
        ("vastaanottokeskus", "vas-taan-ot-to-kes-kus"),
        ("Ihmiskaupan", "Ih-mis-kau-pan"),
    ],
)
def test_pyphen_hyphenates_finnish_after_registration(word: str, expected: str) -> None:
    typography.register_hyphenation()
    for lang in ("fi", "fi_FI", "fi-FI", "FI"):
        assert pyphen.Pyphen(lang=lang).inserted(word) == expected


def test_registration_is_idempotent_and_reaches_weasyprints_lookup() -> None:
    typography.register_hyphenation()
    typography.register_hyphenation()
    # WeasyPrint resolves the element's `lang` with exactly this call before it builds a Pyphen.
    assert pyphen.language_fallback("fi") == "fi"
    assert pyphen.language_fallback("fi-FI") == "fi_FI"
    assert pyphen.LANGUAGES["fi"] == typography.FINNISH_DICTIONARY


def test_every_registry_language_has_a_long_word() -> None:
    assert set(LONG_WORDS) == set(registry.load().codes)


@pytest.mark.parametrize("language", registry.load().languages, ids=lambda language: language.code)
def test_hyphenation_language_selects_the_registry_dictionary(language: registry.Language) -> None:
    tag = typography.hyphenation_language(language)
    assert "_" not in tag, "a BCP 47 tag, usable as an HTML lang attribute"
    assert pyphen.language_fallback(tag) == language.hyphenation
    assert pyphen.Pyphen(lang=tag).positions(LONG_WORDS[language.code])


def test_hyphenation_language_picks_de_DE_not_de_AT() -> None:
    german = registry.load().get("de")
    assert german.hyphenation == "de_DE"
    assert typography.hyphenation_language(german) == "de-DE"
    # Why the tag carries the region: Pyphen maps "de" alone to the Austrian patterns, the first German file.
    assert pyphen.LANGUAGES[pyphen.language_fallback("de")] == pyphen.LANGUAGES["de_AT"]


def test_unknown_dictionary_in_the_registry_says_where_and_what_to_use() -> None:
    bad = dataclasses.replace(registry.load().get("lv"), hyphenation="lv_XX")
    with pytest.raises(typography.TypographyError, match=r"languages\.toml.*'lv'.*lv_XX.*lv_LV"):
        typography.hyphenation_language(bad)


def test_missing_finnish_dictionary_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(typography, "FINNISH_DICTIONARY", tmp_path / "hyph_fi_FI.dic")
    with pytest.raises(typography.TypographyError, match=r"Finnish hyphenation patterns missing.*README\.md"):
        typography.register_hyphenation()

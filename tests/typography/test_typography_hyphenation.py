"""Hyphenation: TeX-to-.dic conversion, the bundled Finnish and corrected Latvian patterns, every language's."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pyphen
import pytest

from strom import paths, registry
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


# --- Latvian: Pyphen's patterns plus ours at consonant clusters --------------------------------------------------


def _latvian(left: int = 2, right: int = 2) -> pyphen.Pyphen:
    """The Latvian dictionary WeasyPrint uses (the registry's ``lv_LV``), with the given minimum fragments."""
    typography.register_hyphenation()
    return pyphen.Pyphen(lang=typography.hyphenation_language(registry.load().get("lv")), left=left, right=right)


def _upstream_latvian(left: int = 2, right: int = 2) -> pyphen.Pyphen:
    """Pyphen's own Latvian dictionary, uncorrected."""
    return pyphen.Pyphen(filename=typography.pyphen_dictionary("lv_LV"), left=left, right=right)


def _latvian_catalogue_words() -> set[str]:
    """Every word of the Latvian translation, lowercased."""
    polib = pytest.importorskip("polib")
    words: set[str] = set()
    for path in (paths.LOCALE / "lv" / "LC_MESSAGES").rglob("*.po"):
        for entry in polib.pofile(str(path)):
            words.update(word.lower() for word in re.findall(r"[^\W\d_]+", entry.msgstr))
    return words


@pytest.mark.parametrize(
    ("word", "upstream", "expected"),
    [
        ("aizbildnis", "aiz-bil-dnis", "aiz-bild-nis"),
        ("starpniecību", "star-pnie-cī-bu", "starp-nie-cī-bu"),
        ("kontaktpunktu", "kon-taktpun-ktu", "kon-takt-punk-tu"),
        ("tirdzniecība", "tirdznie-cī-ba", "tirdz-nie-cī-ba"),
        ("starptautisks", "star-ptau-tisks", "starp-tau-tisks"),
        ("ārstniecības", "ārs-tnie-cī-bas", "ārst-nie-cī-bas"),
        ("nepilngadīgais", "ne-pil-nga-dī-gais", "ne-piln-ga-dī-gais"),
        ("partneris", "par-tne-ris", "part-ne-ris"),
    ],
)
def test_latvian_cluster_breaks_before_the_consonant_a_syllable_can_begin_with(
    word: str, upstream: str, expected: str
) -> None:
    assert _upstream_latvian().inserted(word) == upstream, "the defect these patterns correct"
    assert _latvian().inserted(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # The rules' own examples: clusters split evenly, or two to the next line where they begin words.
        ("žvirkstēt", "žvirk-stēt"),
        ("rakstīt", "rak-stīt"),
        ("vingrot", "vin-grot"),
        ("turpmāk", "turp-māk"),
        ("vilkties", "vilk-ties"),
        ("kāpnes", "kāp-nes"),
        # dz and dž are one sound: never split, and count as one consonant; a compound's d-z is split.
        ("kaudze", "kau-dze"),
        ("pirdzējs", "pir-dzējs"),
        ("bredži", "bre-dži"),
        ("Vidzeme", "Vid-ze-me"),
        # Prefixes, and the exception the rules name.
        ("aizstāvēt", "aiz-stā-vēt"),
        ("vienpadsmit", "vien-pa-dsmit"),
        # Words of this publication that still hyphenate as before.
        ("cilvēku", "cil-vē-ku"),
        ("organizācijas", "or-ga-ni-zā-ci-jas"),
        ("identificēšana", "iden-ti-fi-cē-ša-na"),
    ],
)
def test_latvian_words_that_still_hyphenate(word: str, expected: str) -> None:
    assert _latvian().inserted(word) == expected


def test_latvian_line_never_begins_with_a_cluster_no_latvian_word_begins_with() -> None:
    # Over every word of the translation, at the PDF's limits (print.css: hyphenate-limit-chars 6 3 3) and at 2 2.
    words = _latvian_catalogue_words()
    assert len(words) > 1000
    exceptions = {"vienpadsmit"}  # div-pa-dsmit, as the rules say
    for dictionary in (_latvian(), _latvian(3, 3)):
        wrong = []
        for word in sorted(words - exceptions):
            for position in dictionary.positions(word):
                onset = re.match(f"[^{typography.LATVIAN_VOWELS}]*", word[position:])
                assert onset is not None
                cluster = onset.group(0)
                consonants = re.findall("dz|dž|.", cluster)
                if cluster == word[position:] or (len(consonants) > 1 and cluster not in typography.LATVIAN_ONSETS):
                    wrong.append(dictionary.inserted(word))
                if word[position - 1] == "d" and word[position] in "zž":
                    wrong.append(dictionary.inserted(word))
        assert wrong == [], "a real onset missing from typography.LATVIAN_ONSETS, or a defect in the patterns"


def test_latvian_patterns_change_only_breaks_at_clusters() -> None:
    # Where no consonant cluster is involved, the upstream patterns decide alone: every break added or removed is
    # before a consonant with another consonant next to it.
    ours, upstream = _latvian(), _upstream_latvian()
    vowels = typography.LATVIAN_VOWELS
    changed = 0
    for word in _latvian_catalogue_words():
        for position in set(ours.positions(word)) ^ set(upstream.positions(word)):
            changed += 1
            assert word[position] not in vowels, (word, position)
            assert word[position - 1] not in vowels or word[position + 1] not in vowels, (word, position)
    assert changed > 50


def test_shipped_latvian_dictionary_is_what_the_command_makes(tmp_path: Path) -> None:
    target = tmp_path / "hyph_lv_LV.dic"
    assert typography.main(["latvian", "--output", str(target)]) == 0
    assert target.read_bytes() == typography.LATVIAN_DICTIONARY.read_bytes(), (
        "run `python -m strom.pdf.typography latvian` and commit scripts/strom/pdf/hyphenation/hyph_lv_LV.dic"
    )


def test_shipped_latvian_dictionary_keeps_every_upstream_pattern_and_its_provenance() -> None:
    lines = typography.LATVIAN_DICTIONARY.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "UTF-8"
    assert any("Jānis Vilims" in line for line in lines if line.startswith("%"))
    assert any("LGPL-2.1" in line for line in lines if line.startswith("%"))
    shipped = dict(typography._pattern_points(line) for line in lines[1:] if not line.startswith("%"))
    # As Pyphen reads the upstream file: of two patterns with the same letters, the later one.
    upstream = typography.read_dic_patterns(typography.pyphen_dictionary("lv_LV").read_bytes())
    effective = dict(typography._pattern_points(pattern) for pattern in upstream)
    assert len(effective) > 11000
    for letters, values in effective.items():
        assert all(ours >= theirs for ours, theirs in zip(shipped[letters], values, strict=True)), letters
    licence = (typography.HYPHENATION / "LICENSE-hyph-lv.txt").read_text(encoding="utf-8")
    assert "Jānis Vilims" in licence
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licence
    assert "hyph_lv_LV.dic" in (typography.HYPHENATION / "README.md").read_text(encoding="utf-8")


def test_dic_patterns_merge_by_the_higher_value_and_keep_pyphens_last_duplicate() -> None:
    dic = typography.latvian_dictionary(["1ab", "2ab", "x3y"], comments=["a test"])
    lines = dic.splitlines()
    assert lines[:2] == ["UTF-8", "% a test"]
    assert "2ab" in lines, "the later of two equal upstream patterns, as Pyphen keeps it"
    assert "1ab" not in lines
    assert "x3y" in lines
    assert len(lines) == len(set(lines))


def test_registration_replaces_pyphens_latvian_dictionary() -> None:
    typography.register_hyphenation()
    assert pyphen.LANGUAGES["lv_LV"] == typography.LATVIAN_DICTIONARY
    assert pyphen.LANGUAGES[pyphen.language_fallback("lv-LV")] == typography.LATVIAN_DICTIONARY
    assert pyphen.LANGUAGES[pyphen.language_fallback("lv")] == typography.LATVIAN_DICTIONARY


def test_missing_latvian_dictionary_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(typography, "LATVIAN_DICTIONARY", tmp_path / "hyph_lv_LV.dic")
    with pytest.raises(typography.TypographyError, match=r"Latvian hyphenation patterns missing.*latvian.*README"):
        typography.register_hyphenation()


# --- Parsed dictionaries kept between builds (load_dictionary) ------------------------------------------------


def _forget(monkeypatch: pytest.MonkeyPatch, name: str) -> Path:
    """Drop the process's parsed dictionary ``name`` (restored after the test); return its file."""
    path = Path(pyphen.LANGUAGES[name])
    monkeypatch.setattr(pyphen, "hdcache", {key: value for key, value in pyphen.hdcache.items() if key != path})
    return path


def test_a_dictionary_is_parsed_once_then_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = pyphen.Pyphen(lang="de_DE").inserted("Menschenhandelsbekämpfung")
    path = _forget(monkeypatch, "de_DE")
    typography.load_dictionary("de-DE", tmp_path)
    assert path in pyphen.hdcache
    assert [cached.name.split("-")[0] for cached in tmp_path.glob("*.pickle")] == ["de_DE"]

    def no_parsing(*args: object) -> None:
        raise AssertionError("the dictionary was parsed again")

    path = _forget(monkeypatch, "de_DE")
    monkeypatch.setattr(pyphen.HyphDict, "__init__", no_parsing)  # unpickling does not call it
    typography.load_dictionary("de-DE", tmp_path)
    assert pyphen.Pyphen(lang="de_DE").inserted("Menschenhandelsbekämpfung") == expected


def test_a_damaged_cache_is_parsed_again_and_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _forget(monkeypatch, "lv_LV")
    typography.load_dictionary("lv-LV", tmp_path)
    (cached,) = tmp_path.glob("lv_LV-*.pickle")
    cached.write_bytes(b"not a pickle")
    (tmp_path / "lv_LV-0000000000000000.pickle").write_bytes(b"left by an older Pyphen")
    _forget(monkeypatch, "lv_LV")
    typography.load_dictionary("lv-LV", tmp_path)
    assert pyphen.Pyphen(lang="lv_LV").inserted("starpniecību") == "starp-nie-cī-bu"
    assert list(tmp_path.glob("lv_LV-*.pickle")) == [cached]  # rewritten; the stale one removed
    assert cached.read_bytes() != b"not a pickle"

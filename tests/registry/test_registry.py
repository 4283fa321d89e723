"""The language registry: the shipped file, and the errors a bad file gives."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from strom import registry

EXPECTED = {"en", "da", "de", "et", "fi", "lt", "lv", "nb", "pl", "ru", "sv"}


def test_shipped_registry_lists_the_eleven_languages() -> None:
    languages = registry.load()
    assert set(languages.codes) == EXPECTED
    assert languages.codes[0] == "en"
    assert languages.source.code == "en"
    assert len(languages.targets) == 10
    assert [lang.order for lang in languages.languages] == sorted(lang.order for lang in languages.languages)


def test_native_names_are_in_their_own_language() -> None:
    names = {lang.code: lang.name for lang in registry.load().languages}
    assert names["lv"] == "Latviešu"
    assert names["ru"] == "Русский"
    assert names["nb"] == "Norsk bokmål"


def test_hyphenation_dictionaries_exist_except_our_finnish() -> None:
    for language in registry.load().languages:
        if language.code == "fi":
            continue  # Pyphen has no Finnish: strom.pdf ships its own patterns
        assert language.hyphenation in pyphen.LANGUAGES, language.code


def test_pdf_filename() -> None:
    assert registry.load().get("lv").pdf_filename == "trafficking-guidelines-lv.pdf"


def test_latvian_percentages_have_a_no_break_space_before_the_sign() -> None:
    # The Latvian norm (EU Interinstitutional Style Guide 10.5.2: "15 %" with a no-break space; Latviešu valodas
    # aģentūra) differs from CLDR's data, which Babel follows: the registry's pattern says so.
    from babel.numbers import format_percent as cldr_format_percent

    latvian = registry.load().get("lv")
    assert cldr_format_percent(1, locale="lv") == "100%"
    assert registry.format_percent(100, latvian) == "100\u00a0%"
    assert registry.format_percent(76, registry.load().source) == "76%"
    assert registry.format_percent(76, "de") == "76\u00a0%", "a code alone: CLDR's pattern"
    assert registry.format_percent(76, "xx") == "76%", "a code CLDR does not know: English"


def test_select_parses_lists_and_defaults_to_all() -> None:
    languages = registry.load()
    assert [lang.code for lang in languages.select("lv,de")] == ["lv", "de"]
    assert [lang.code for lang in languages.select(" fi  sv ")] == ["fi", "sv"]
    assert len(languages.select(None)) == 11
    assert len(languages.select("")) == 11


def test_unknown_language_names_the_known_ones() -> None:
    with pytest.raises(registry.UnknownLanguageError, match=r"unknown language 'zz'; known languages: en da de"):
        registry.load().get("zz")


ENTRY = """
[[language]]
code = "{code}"
name = "N"
english_name = "E"
sphinx = "{code}"
search = "{code}"
hyphenation = "{code}"
pdf = "p"
order = {order}
review = "{review}"
{extra}
"""


def _write(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "languages.toml"
    path.write_text("".join(entries), encoding="utf-8")
    return path


def _entry(code: str = "en", order: int = 1, review: str = "source", extra: str = "source = true") -> str:
    return ENTRY.format(code=code, order=order, review=review, extra=extra)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_entry() + _entry(), "listed twice: en"),
        (_entry(extra=""), "exactly one language must have source = true"),
        (_entry().replace('name = "N"\n', ""), r"missing field\(s\) name"),
        (_entry(extra="source = true\ncolour = 1"), r"unknown field\(s\) colour"),
        (_entry(review="maybe"), "review must be one of source, draft, reviewed"),
        (_entry().replace("order = 1", 'order = "1"'), "field 'order' must be a int"),
        (_entry(extra='source = true\npercent = "per cent"'), "field 'percent' must be a CLDR number pattern"),
        ("[[language]\n", "languages.toml"),
        ("", "expected one or more"),
    ],
)
def test_bad_registry_names_file_and_problem(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(registry.RegistryError, match=message) as caught:
        registry.load(path)
    assert str(path) in str(caught.value)


def test_missing_registry(tmp_path: Path) -> None:
    with pytest.raises(registry.RegistryError, match="language registry not found"):
        registry.load(tmp_path / "nope.toml")


def test_display_order_sorts(tmp_path: Path) -> None:
    path = _write(tmp_path, _entry("xx", 3, "draft", ""), _entry("en", 1), _entry("yy", 2, "draft", ""))
    assert registry.load(path).codes == ("en", "yy", "xx")

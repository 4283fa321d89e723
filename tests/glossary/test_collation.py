"""Dictionary order from the registry's alphabets, and the glossary sorted after translation."""

from __future__ import annotations

import re

import pytest

from strom import registry
from strom.collation import collation_key


def ordered(words: list[str], code: str) -> list[str]:
    alphabet = registry.load().get(code).alphabet
    return sorted(words, key=lambda word: collation_key(word, alphabet))


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("lv", ["aizbildnis", "ārkārtas", "cilvēku", "čeks", "identificēšana", "īss", "sadarbība", "šis", "zīme"]),
        ("lt", ["auka", "ąžuolas", "čia", "dėl", "įstaiga", "ypač", "šeima", "žmogus"]),
        ("sv", ["barn", "zon", "åtal", "ärende", "ört"]),
        ("da", ["barn", "zone", "ægte", "øje", "år"]),
        ("de", ["Aal", "Ärger", "Arzt", "Bär"]),
        ("et", ["sõna", "šokk", "zoo", "žanr", "tee", "õde", "äri", "öö", "ülem"]),
        ("pl", ["lista", "łatwy", "nowy", "ńa", "zero", "źle", "żona"]),
        ("ru", ["абв", "ель", "ёж", "яма"]),
        ("en", ["reasonable grounds", "recovery", "re-trafficking", "safe and voluntary return", "safety plan"]),
    ],
)
def test_words_sort_as_in_the_languages_dictionaries(code: str, words: list[str]) -> None:
    assert ordered(list(reversed(words)), code) == words


def test_every_language_has_an_alphabet() -> None:
    for language in registry.load().languages:
        assert language.alphabet, language.code


@pytest.mark.sphinx("html", testroot="glossary", confoverrides={"language": "lv"}, freshenv=True)
def test_translated_glossary_is_sorted_in_the_readers_alphabet(app) -> None:
    app.build()
    assert not app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    terms = re.findall(r'<dt id="term-[^"]+">(.*?)<a class="headerlink"', page)
    assert terms == ["aizbildnis", "cilvēku tirdzniecība", "upuris"]


@pytest.mark.sphinx("html", testroot="glossary", confoverrides={"language": "en"}, freshenv=True)
def test_source_glossary_keeps_its_authors_order(app) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    terms = re.findall(r'<dt id="term-[^"]+">(.*?)<a class="headerlink"', page)
    assert terms == ["guardian", "trafficking in human beings", "victim"]

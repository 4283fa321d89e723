"""The browser's stemmer agrees with the index's: the shipped language_data.js under Node against Python."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_helpers import LANGUAGES, BuiltSite

from strom.search import latvian, normalisation
from strom.search.languages import SEARCH_LANGUAGES

WORDS = Path(__file__).parent / "words"
FOLDINGS = {"lv": latvian.FOLDING, "lt": normalisation.LITHUANIAN_FOLDING, "pl": normalisation.POLISH_FOLDING}


def word_list(code: str) -> list[str]:
    """The language's test words, lower-cased as searchtools.js does, plus their spellings without diacritics."""
    lines = (WORDS / f"{code}.txt").read_text(encoding="utf-8").splitlines()
    words = [line.lower() for line in lines if line and not line.startswith("#")]
    if code in FOLDINGS:
        words += [normalisation.fold(word, FOLDINGS[code]) for word in words]
    return list(dict.fromkeys(words))


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_javascript_stemmer_agrees_with_python(code: str, built_sites: dict[str, BuiltSite]) -> None:
    words = word_list(code)
    assert len(words) >= 200
    python = [SEARCH_LANGUAGES[code]({}).stem(word) for word in words]
    javascript = built_sites[code].run(words=words)["stems"]
    disagreements = {word: (p, j) for word, p, j in zip(words, python, javascript, strict=True) if p != j}
    assert disagreements == {}
    # The stemmer does something: most test words are inflected forms.
    assert sum(stem != word for word, stem in zip(words, python, strict=True)) > len(words) // 3


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_browser_gets_the_index_stop_words(code: str, built_sites: dict[str, BuiltSite]) -> None:
    shipped = set(built_sites[code].run()["stopwords"])
    assert shipped == set(SEARCH_LANGUAGES[code]({}).stopwords)

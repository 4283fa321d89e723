"""The Python side of the search languages: stems, folding, splitting and stop word lists (no builds)."""

from __future__ import annotations

import pytest
from search_helpers import SHARED_WITH_ENGLISH
from sphinx.search import SearchLanguage
from sphinx.search._stopwords.en import ENGLISH_STOPWORDS

from strom import registry
from strom.search import latvian, normalisation
from strom.search.languages import SEARCH_LANGUAGES, STOPWORDS_DIR, StromSearchLanguage, load_stopwords


def search_language(code: str) -> SearchLanguage:
    """An instance of the search language that the build uses for ``code``."""
    return SEARCH_LANGUAGES[code]({})


def stems(code: str, words: str) -> set[str]:
    """The set of stems of space-separated words."""
    language = search_language(code)
    return {language.stem(word) for word in words.split()}


def test_every_registry_language_has_a_search_language_of_its_own_code() -> None:
    for language in registry.load().languages:
        assert SEARCH_LANGUAGES[language.search].lang == language.search


# Whole paradigms (or the forms our texts use) that must come to one stem.
PARADIGMS = [
    ("lv", "cilvēktirdzniecība cilvēktirdzniecības cilvēktirdzniecībai cilvēktirdzniecību cilvēktirdzniecībā"),
    ("lv", "upuris upura upurim upuri upurī upuru upuriem upurus upuros"),
    ("lv", "pašvaldība pašvaldības pašvaldībai pašvaldību pašvaldībā pašvaldībām pašvaldībās"),
    ("lv", "bērns bērna bērnam bērnu bērnā bērni bērniem bērnus bērnos"),
    ("lv", "sieviete sievietes sievietei sievieti sievietē sieviešu sievietēm"),
    ("lv", "vīrietis vīrieša vīrietim vīrieti vīrieši vīriešu vīriešiem"),
    ("lv", "darbinieks darbinieka darbiniekam darbinieki darbinieku darbiniekiem darbiniece darbinieces"),
    ("lv", "skolotājs skolotāja skolotājam skolotāji skolotājiem"),
    ("lv", "strādāt strādā strādāja strādājam strādājat"),
    ("lv", "atbalsts atbalsta atbalstam atbalstu atbalstīt"),
    ("lv", "zivs zivis zivju zivīm"),
    ("lv", "nacionālais nacionālajam nacionālā nacionālās nacionālie nacionālajiem"),
    ("lt", "prekyba prekybos prekybai prekybą prekyboje"),
    ("lt", "žmonės žmonių žmonėms žmones žmonėmis žmonėse"),
    ("lt", "auka aukos aukai auką aukų aukoms aukas aukomis"),
    ("pl", "handel handlu handlem"),
    ("pl", "ofiara ofiary ofiarę ofiarą ofiar ofiarom ofiarami"),  # not ofierze: Snowball keeps r/rz apart
    ("pl", "cudzoziemiec cudzoziemca cudzoziemcowi"),
    ("pl", "budynek budynku"),
    ("pl", "mieszkaniec mieszkańca"),
    ("et", "inimkaubandus inimkaubanduse inimkaubandust inimkaubanduses inimkaubandusest inimkaubandusele"),
    ("et", "ohver ohvri ohvrit ohvrile ohvrid ohvrite ohvritele"),
    ("et", "omavalitsus omavalitsuse omavalitsust omavalitsusele omavalitsuses"),
    ("et", "laps lapse lapsele lapsed"),
    ("nb", "offer ofre ofrene"),
    ("nb", "menneskehandel menneskehandelen"),
    ("nb", "regel regler reglene"),
    ("nb", "arbeidsgiver arbeidsgiveren arbeidsgivere arbeidsgiverne"),
    ("nb", "barn barnet barna"),
    ("da", "ofre ofrene"),
    ("da", "kommune kommunen kommuner kommunerne"),
    ("de", "Menschenhandel Menschenhandels"),
    ("de", "Opfer Opfern"),
    ("fi", "ihmiskauppa ihmiskaupan ihmiskauppaa"),
    ("fi", "uhri uhrin uhrille uhrien uhreille"),
    ("ru", "торговля торговли торговле торговлю торговлей"),
    ("ru", "жертва жертвы жертве жертву жертвам жертвами"),
    ("sv", "barn barnen"),  # not barnet: Snowball keeps it
    ("sv", "kommun kommunen kommuner kommunerna"),
    ("en", "victim victims"),
    ("en", "trafficking trafficked"),
]


@pytest.mark.parametrize(("code", "forms"), PARADIGMS)
def test_inflected_forms_meet_at_one_stem(code: str, forms: str) -> None:
    assert len(stems(code, forms)) == 1, {word: search_language(code).stem(word) for word in forms.split()}


@pytest.mark.parametrize(
    ("code", "first", "second"),
    [
        ("lv", "darbs", "dārzs"),  # work, garden
        ("lv", "tiesības", "tiesa"),  # rights, court
        ("lt", "teisė", "teismas"),  # right, court
        ("pl", "praca", "prawo"),  # work, law
        ("et", "abi", "aeg"),  # help, time
    ],
)
def test_different_words_keep_different_stems(code: str, first: str, second: str) -> None:
    assert search_language(code).stem(first) != search_language(code).stem(second)


@pytest.mark.parametrize(
    ("code", "with_diacritics", "without"),
    [
        ("lv", "cilvēktirdzniecības", "cilvektirdzniecibas"),
        ("lv", "pašvaldībām", "pasvaldibam"),
        ("lt", "žmonių", "zmoniu"),
        ("pl", "ludźmi", "ludzmi"),
    ],
)
def test_diacritics_of_variant_letters_are_folded(code: str, with_diacritics: str, without: str) -> None:
    assert search_language(code).stem(with_diacritics) == search_language(code).stem(without)


@pytest.mark.parametrize(
    ("code", "first", "second"),
    [
        ("nb", "får", "far"),  # sheep, father
        ("da", "får", "far"),
        ("sv", "får", "far"),
        ("fi", "sää", "saa"),  # weather, gets
        ("et", "säär", "saar"),  # shin, island
        ("et", "õde", "ode"),
        ("nb", "søk", "sok"),
    ],
)
def test_letters_of_their_own_are_not_folded(code: str, first: str, second: str) -> None:
    assert search_language(code).stem(first) != search_language(code).stem(second)


def test_german_umlauts_are_snowballs_own_business() -> None:
    # Snowball's German stemmer maps ä ö ü to a o u on purpose: the umlaut marks plurals (Arzt, Ärzte).
    assert len(stems("de", "Arzt Ärzte Ärzten")) == 1


def test_latvian_leaves_a_stem_with_a_vowel() -> None:
    assert latvian.stem("māja") == "maj"  # not "m": the ending -aja would leave no vowel
    assert latvian.stem("es") == "es"
    assert latvian.stem("ēka") == "ek"


def test_latvian_endings_are_tried_longest_first() -> None:
    lengths = [len(ending) for ending, _ in latvian.ENDINGS]
    assert lengths == sorted(lengths, reverse=True)


def test_folding_tables_fold_only_letters_with_diacritics() -> None:
    for table in (latvian.FOLDING, normalisation.LITHUANIAN_FOLDING, normalisation.POLISH_FOLDING):
        for letter, base in table.items():
            assert letter != base
            assert base.isascii()
            assert base.isalpha()
            assert len(base) == 1


def test_split_normalises_to_nfc_and_drops_stop_words() -> None:
    language = search_language("lv")
    decomposed = "cilve\u0304ktirdzniecība un pašvaldība"
    assert language.split(decomposed) == ["cilvēktirdzniecība", "pašvaldība"]


def test_split_adds_the_spelling_without_diacritics_for_lt_and_pl() -> None:
    assert search_language("lt").split("Žmonėmis ir") == ["Žmonėmis", "zmonemis"]
    assert search_language("pl").split("handel ludźmi") == ["handel", "ludźmi", "ludzmi"]
    assert search_language("lv").split("pašvaldība") == ["pašvaldība"]  # its stemmer folds already


def test_stop_words_are_dropped_with_and_without_diacritics() -> None:
    assert search_language("pl").split("że ze się sie") == []
    assert search_language("lv").split("tā ta") == []


@pytest.mark.parametrize("code", sorted(SHARED_WITH_ENGLISH))
def test_no_english_stop_words(code: str) -> None:
    stopwords = search_language(code).stopwords
    assert stopwords
    assert stopwords & ENGLISH_STOPWORDS == SHARED_WITH_ENGLISH[code]


@pytest.mark.parametrize("code", ["et", "lt", "lv", "pl"])
def test_our_stop_word_lists_are_documented_and_lower_case(code: str) -> None:
    text = (STOPWORDS_DIR / f"{code}.txt").read_text(encoding="utf-8")
    assert text.lstrip().startswith("|")  # a header that says what the list is
    words = load_stopwords(code)
    assert 40 <= len(words) <= 150
    assert all(word == word.lower() and word.isalpha() for word in words)


@pytest.mark.parametrize("code", ["et", "lt", "lv", "nb", "pl"])
def test_our_languages_filter_digits_only(code: str) -> None:
    language = search_language(code)
    assert isinstance(language, StromSearchLanguage)
    assert not language.word_filter("2025")
    assert language.word_filter("ta")  # a stem may equal a stop word; split() has dropped the real ones

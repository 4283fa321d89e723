"""Steps applied after a Snowball stemmer: diacritic folding and a few rules where Snowball leaves forms apart.

Each function here has a JavaScript twin of the same name in ``js/strom-normalisation.js`` (``fold`` is
``stromFold``, ``polish_mobile_e`` is ``stromPolishMobileE`` ...); tests/search/ runs both over word lists
and requires identical results. The rules are deliberately small, work on the stem alone and are the
same function for every form of a word, so the index and the query always meet when the stemmer's
outputs for two forms of a word differ only in the way the rule undoes.
"""

from __future__ import annotations

# Letters with diacritics that are variants of a base letter: a reader may type either.
# Not folded, on purpose: å ä ö õ ø ü æ, which are letters of their own in da, nb, sv, fi, et and de.
LITHUANIAN_FOLDING: dict[str, str] = {
    "ą": "a",
    "č": "c",
    "ę": "e",
    "ė": "e",
    "į": "i",
    "š": "s",
    "ų": "u",
    "ū": "u",
    "ž": "z",
}
POLISH_FOLDING: dict[str, str] = {
    "ą": "a",
    "ć": "c",
    "ę": "e",
    "ł": "l",
    "ń": "n",
    "ó": "o",
    "ś": "s",
    "ź": "z",
    "ż": "z",
}

_POLISH_VOWELS = "aeiouy"  # after folding
_NORWEGIAN_VOWELS = "aeiouyæøå"
_ESTONIAN_VOWELS = "aeiouõäöü"  # Snowball's estonian.sbl group V1


def fold(word: str, folding: dict[str, str]) -> str:
    """Replace each letter that ``folding`` lists by its base letter."""
    return "".join(folding.get(letter, letter) for letter in word)


def polish_mobile_e(stem: str) -> str:
    """Drop the mobile e of -ek, -ec, -el (and -iek, -iec, -iel) so that handel meets handlu.

    Snowball's Polish stemmer gives ``handel``/``handl``, ``budynek``/``budynk``,
    ``cudzoziemiec``/``cudzoziemc``; the vowel is absent from every form but the nominative.
    Works on the folded stem (so ``mieszkaniec`` meets ``mieszkańca``).
    """
    if len(stem) >= 5 and stem[-1] in "klc" and stem[-2] == "e":
        if stem[-3] == "i" and stem[-4] not in _POLISH_VOWELS:
            return stem[:-3] + stem[-1]
        if stem[-3] not in _POLISH_VOWELS:
            return stem[:-2] + stem[-1]
    return stem


def norwegian_syncope(stem: str) -> str:
    """Bring together Norwegian forms that lose an unstressed e or a doubled consonant.

    Snowball's Norwegian stemmer gives ``offer``→``off`` but ``ofrene``→``ofr``, ``regel``→``regel`` but
    ``regler``→``regl``, and leaves ``-ern`` of agent nouns in the definite plural (``arbeidsgiverne``).
    """
    if len(stem) >= 5 and stem.endswith("ern"):
        stem = stem[:-3]
    if len(stem) >= 5 and stem[-1] in "lnr" and stem[-2] == "e" and stem[-3] not in _NORWEGIAN_VOWELS:
        stem = stem[:-2] + stem[-1]
    if len(stem) >= 3 and stem[-1] == "r" and stem[-2] not in _NORWEGIAN_VOWELS:
        stem = stem[:-1]
    undoubled = stem[:1]
    for letter in stem[1:]:
        if letter != undoubled[-1] or letter in _NORWEGIAN_VOWELS:
            undoubled += letter
    return undoubled


def _estonian_region1(stem: str) -> int:
    """Snowball's R1 for Estonian: the position after the first non-vowel that follows a vowel."""
    position = 0
    while position < len(stem) and stem[position] not in _ESTONIAN_VOWELS:
        position += 1
    while position < len(stem) and stem[position] in _ESTONIAN_VOWELS:
        position += 1
    return min(position + 1, len(stem))


def estonian_stem_vowels(stem: str) -> str:
    """Bring together Estonian forms that Snowball leaves apart by a stem vowel or the -us/-use alternation.

    Snowball's Estonian stemmer gives ``inimkaubandus``→``inimkauban`` but ``inimkaubanduse``→
    ``inimkaubanduse``, ``laps``/``lapse``, ``ohver``/``ohvri``.
    """
    if len(stem) >= 5 and stem[-3:] in ("use", "ise", "usi", "isi"):
        stem = stem[:-2]
    elif len(stem) >= 4 and stem[-2:] in ("us", "is"):
        stem = stem[:-1]
    # The participle/derivational -du -tu -nu that Snowball removes inside R1 (its r_nu).
    if stem[-2:] in ("du", "tu", "nu") and len(stem) - 2 >= _estonian_region1(stem):
        stem = stem[:-2]
    if len(stem) >= 4 and stem[-1] in "ei" and stem[-2] not in _ESTONIAN_VOWELS:
        stem = stem[:-1]
    if len(stem) >= 4 and stem[-1] in "lnr" and stem[-2] == "e" and stem[-3] not in _ESTONIAN_VOWELS:
        stem = stem[:-2] + stem[-1]
    return stem

"""A light suffix-stripping stemmer for Latvian, for which Snowball has no algorithm.

The approach follows published light stemming for Latvian: Kārlis Kreslins, *A stemming algorithm for
Latvian*, PhD thesis, Loughborough University, 1996, and its "light" reading in Apache Lucene's
``LatvianStemmer`` (remove one inflectional ending if enough of a stem is left, then undo the consonant
changes that the ending caused). It differs in three ways, all for search rather than linguistics:

- letters are folded first (``ā→a``, ``č→c``, ``ļ→l``, ``š→s`` ...), so a query typed without
  diacritics meets the same stem, and most consonant alternations vanish with the diacritics
  (``brālis``/``brāļa``, ``lācis``/``lāča``, ``upuris``/``upura``);
- a few verb endings are removed too (infinitive ``-t``/``-ties``), and a stem-final ``j`` after a vowel
  goes with that vowel, so ``strādāt``/``strādāja``/``strādājam`` and ``skolotājs``/``skolotāja`` meet;
- the remaining alternations are undone by rule: ``j`` after a labial (``zivs``/``zivju``), ``t``/``d``
  becoming ``š``/``ž`` (``vīrietis``/``vīrieši``, ``sieviete``/``sieviešu``), and ``-niece``/``-nieks``.

The JavaScript twin is ``js/latvian-stemmer.js``; both read the tables below (the JavaScript gets them
as JSON), and tests/search/ checks that both give the same stem for every word of a word list.
"""

from __future__ import annotations

# Latvian letters with a diacritic and the base letter they fold to (ō and ŗ: pre-1946 spelling).
FOLDING: dict[str, str] = {
    "ā": "a",
    "č": "c",
    "ē": "e",
    "ģ": "g",
    "ī": "i",
    "ķ": "k",
    "ļ": "l",
    "ņ": "n",
    "ō": "o",
    "ŗ": "r",
    "š": "s",
    "ū": "u",
    "ž": "z",
}

VOWELS = "aeiou"

# (ending after folding, shortest stem that may remain). Tried longest first; the first ending that
# leaves a long-enough stem with a vowel is removed, and only that one.
ENDINGS: tuple[tuple[str, int], ...] = tuple(
    sorted(
        (
            # reflexive infinitive: sazināties, iesaistīties
            ("aties", 3),
            ("eties", 3),
            ("ities", 3),
            ("oties", 3),
            ("uties", 3),
            ("ties", 3),
            # nouns and adjectives: dative plural -iem, definite -ais, plural nominative of definite -ie
            ("iem", 3),
            ("ais", 3),
            ("ie", 3),
            # two-letter case endings (-ām -ēm -īm -ās -ēs -īs fold to -am -em -im -as -es -is)
            ("ai", 2),
            ("ei", 2),
            ("am", 2),
            ("em", 2),
            ("im", 2),
            ("as", 2),
            ("es", 2),
            ("is", 2),
            ("os", 2),
            ("us", 2),
            # infinitive and second person plural: strādāt, palīdzēt, atbalstīt, strādājat
            ("at", 2),
            ("et", 2),
            ("it", 2),
            ("ot", 2),
            ("ut", 2),
            # one-letter case endings (-ā -ē -ī -ū fold to -a -e -i -u) and -s/-š
            ("a", 2),
            ("e", 2),
            ("i", 2),
            ("o", 2),
            ("u", 2),
            ("s", 2),
            # infinitive after a consonant: nest, bēgt
            ("t", 3),
        ),
        key=lambda ending: -len(ending[0]),
    )
)

_FOLD_TABLE = str.maketrans(FOLDING)


def fold(word: str) -> str:
    """Replace Latvian letters with diacritics by their base letters."""
    return word.translate(_FOLD_TABLE)


def _is_stem(stem: str, shortest: int) -> bool:
    """Whether ``stem`` is long enough and has a vowel, so that removing an ending leaves a word."""
    return len(stem) >= shortest and any(letter in VOWELS for letter in stem)


def stem(word: str) -> str:
    """Return the search stem of a Latvian word (lower case, folded, one ending removed)."""
    result = fold(word.lower())
    for ending, shortest in ENDINGS:
        if result.endswith(ending) and _is_stem(result[: -len(ending)], shortest):
            result = result[: -len(ending)]
            break
    # A j after a vowel belongs to the verb or agent-noun stem: strādāj-a, skolotāj-s, otrreizēj-ais.
    while len(result) >= 4 and result[-1] == "j" and result[-2] in VOWELS and _is_stem(result[:-2], 2):
        result = result[:-2]
    # A j inserted after a labial before some endings: zivs, zivju.
    if len(result) >= 3 and result[-1] == "j" and result[-2] in "bpmv":
        result = result[:-1]
    # Feminine agent nouns meet the masculine: darbiniece, darbinieks.
    if result.endswith("niec"):
        result = result[:-1] + "k"
    # t and d alternate with š and ž (folded to s and z): vīrietis/vīrieši, sieviete/sieviešu.
    if len(result) >= 3 and result[-1] == "t":
        result = result[:-1] + "s"
    elif len(result) >= 3 and result[-1] == "d":
        result = result[:-1] + "z"
    return result

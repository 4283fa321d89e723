"""Sorting words the way a language's dictionaries do, from the registry's ``alphabet`` (no ICU needed)."""

from __future__ import annotations

import unicodedata

CollationKey = tuple[tuple[int, ...], tuple[int, ...], str]


def collation_key(text: str, alphabet: str) -> CollationKey:
    """Return a sort key for ``text`` in a language whose letters, in order, are ``alphabet``.

    As in dictionaries, words are compared first by their letters, then by accents, then by case. A letter of the
    alphabet sorts at its place (Latvian ``č`` after ``c``, Swedish ``å`` after ``z``); another letter sorts as
    its base letter (German ``ä`` as ``a``: Aal, Ärger, Arzt) and only then after it; digits sort before letters;
    spaces, hyphens and other punctuation are ignored but to break ties (``re-trafficking`` after ``recovery``,
    as ``retrafficking``). Without an alphabet, letters sort by code point.
    """
    order = {letter: index for index, letter in enumerate(alphabet)}
    primary: list[int] = []
    secondary: list[int] = []
    for character in text.casefold():
        base = unicodedata.normalize("NFD", character)[0]
        if character in order:
            primary.append(order[character] + 1)
            secondary.append(0)
        elif base in order:
            primary.append(order[base] + 1)
            secondary.append(1)
        elif character.isalpha():
            primary.append(len(order) + 1 + ord(character))
            secondary.append(0)
        elif character.isdigit():
            primary.append(0)
            secondary.append(ord(character))
        else:
            secondary.append(ord(character))
    return tuple(primary), tuple(secondary), text

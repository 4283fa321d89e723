"""Soft hyphens in the website's headings: where the language's dictionary breaks words, and nowhere else."""

from __future__ import annotations

import pytest

from strom.ext.hyphenation import SOFT_HYPHEN, soft_hyphenate

SHY = SOFT_HYPHEN


@pytest.mark.parametrize(
    ("text", "tag", "expected"),
    [
        # The corrected Latvian dictionary of the PDF ("starp-niecība", not "star-pniecība"), with its limits of at
        # least three letters before and after a break.
        ("Valstu kontaktinformācija", "lv-LV", f"Val{SHY}stu kon{SHY}tak{SHY}tin{SHY}for{SHY}mā{SHY}cija"),
        ("Starpniecība", "lv-LV", f"Starp{SHY}nie{SHY}cība"),
        ("Aizbildnis", "lv-LV", f"Aiz{SHY}bild{SHY}nis"),
        # Finnish, from the bundled patterns; English, from Pyphen's.
        ("Ihmiskauppa", "fi", f"Ihmis{SHY}kauppa"),
        ("Responsibilities", "en-GB", f"Respons{SHY}ib{SHY}il{SHY}it{SHY}ies"),
        # Short words, numbers and codes, text already hyphenated by hand, a language without a dictionary.
        ("Direktīva 2011/36/ES", "lv-LV", f"Direk{SHY}tīva 2011/36/ES"),
        ("Kas ir", "lv-LV", "Kas ir"),
        (f"Kon{SHY}taktinformācija", "lv-LV", f"Kon{SHY}taktinformācija"),
        ("Kontaktinformācija", "x-unknown", "Kontaktinformācija"),
    ],
)
def test_soft_hyphens_go_where_the_dictionary_breaks(text: str, tag: str, expected: str) -> None:
    assert soft_hyphenate(text, tag) == expected
    assert soft_hyphenate(text, tag).replace(SHY, "") == text.replace(SHY, "")

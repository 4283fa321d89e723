"""Norwegian Bokmål labels for Docutils-generated text (see strom.docutils_languages)."""

from __future__ import annotations

labels = {
    "author": "Forfatter",
    "authors": "Forfattere",
    "organization": "Organisasjon",
    "address": "Adresse",
    "contact": "Kontakt",
    "version": "Versjon",
    "revision": "Revisjon",
    "status": "Status",
    "date": "Dato",
    "copyright": "Opphavsrett",
    "dedication": "Dedikasjon",
    "abstract": "Sammendrag",
    "attention": "Obs!",
    "caution": "Forsiktig!",
    "danger": "FARE!",
    "error": "Feil",
    "hint": "Hint",
    "important": "Viktig",
    "note": "Merk",
    "tip": "Tips",
    "warning": "Advarsel",
    "contents": "Innhold",
}

bibliographic_fields = {
    "forfatter": "author",
    "forfattere": "authors",
    "organisasjon": "organization",
    "adresse": "address",
    "kontakt": "contact",
    "versjon": "version",
    "revisjon": "revision",
    "status": "status",
    "dato": "date",
    "opphavsrett": "copyright",
    "dedikasjon": "dedication",
    "sammendrag": "abstract",
}

author_separators = [";", ","]

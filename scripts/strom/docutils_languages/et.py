"""Estonian labels for Docutils-generated text (see strom.docutils_languages)."""

from __future__ import annotations

labels = {
    "author": "Autor",
    "authors": "Autorid",
    "organization": "Organisatsioon",
    "address": "Aadress",
    "contact": "Kontakt",
    "version": "Versioon",
    "revision": "Redaktsioon",
    "status": "Olek",
    "date": "Kuupäev",
    "copyright": "Autoriõigus",
    "dedication": "Pühendus",
    "abstract": "Kokkuvõte",
    "attention": "Tähelepanu!",
    "caution": "Ettevaatust!",
    "danger": "OHT!",
    "error": "Viga",
    "hint": "Vihje",
    "important": "Tähtis",
    "note": "Märkus",
    "tip": "Nõuanne",
    "warning": "Hoiatus",
    "contents": "Sisukord",
}

bibliographic_fields = {
    "autor": "author",
    "autorid": "authors",
    "organisatsioon": "organization",
    "aadress": "address",
    "kontakt": "contact",
    "versioon": "version",
    "redaktsioon": "revision",
    "olek": "status",
    "kuupäev": "date",
    "autoriõigus": "copyright",
    "pühendus": "dedication",
    "kokkuvõte": "abstract",
}

author_separators = [";", ","]

"""QA rules on single messages: for every rule, real translations that must pass and broken ones that must fail."""

# ruff: noqa: RUF001 (Russian text is meant to be Cyrillic)

from __future__ import annotations

import pytest

from strom import registry
from strom.catalog import qa
from strom.catalog.termbase import Term

RIGHTS = (
    "The rights of a {term}`victim` of {term}`trafficking in human beings` are not favours. "
    "They are obligations that states have accepted."
)
CONVENTION = (
    "The Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197) was opened "
    "for signature in Warsaw on 16 May 2005. It entered into force on 1 February 2008.[^coe]"
)
DIRECTIVE = (
    "Directive 2011/36/EU is the main EU law on trafficking in human beings. Article 11(5) lists the kinds of support."
)
EURLEX = "More information about EU law is available from [EUR-Lex](https://eur-lex.europa.eu)."
REFERENCES = "{numref}`Table %s <tab-coe-articles>` lists the articles; {ref}`annex-legal` gives the full text."
CHILDREN = "See {doc}`../chapters/09-children` for what these rules mean for child victims."
HELPLINE = "In Latvia, call the child helpline on 116 111 or the emergency number 112."
NEVER = "**Never** make help conditional on a police report or on testimony."
FORM = "Save the referral form as `referral-form.docx` before you send it."
COORDINATOR = "Ask {{ national_coordinator }} for the current national contacts."
KEYS = "Press <kbd>Ctrl</kbd> + <kbd>F</kbd> to search the page."
GUARDIAN = "A {term}`guardian` takes part in all decisions about the child."
MADE_WITH = "Made with "
ARTICLE = "Article 12(6)"
STEP = "Step 1: Suspicion"

# Real translations of the messages above, as a careful translator would write them.
GOOD = [
    (
        "lv",
        RIGHTS,
        "{term}`Cilvēku tirdzniecības <trafficking in human beings>` {term}`upura <victim>` tiesības nav labvēlība. "
        "Tās ir saistības, ko valstis ir uzņēmušās.",
    ),
    (
        "de",
        RIGHTS,
        "Die Rechte eines {term}`Opfers <victim>` von {term}`Menschenhandel <trafficking in human beings>` sind "
        "keine Gefälligkeiten. Sie sind Verpflichtungen, die die Staaten eingegangen sind.",
    ),
    (
        "fi",
        RIGHTS,
        "{term}`Ihmiskaupan <trafficking in human beings>` {term}`uhrin <victim>` oikeudet eivät ole palveluksia. "
        "Ne ovat velvoitteita, jotka valtiot ovat hyväksyneet.",
    ),
    (
        "pl",
        RIGHTS,
        "Prawa {term}`ofiary <victim>` {term}`handlu ludźmi <trafficking in human beings>` nie są przysługą. "
        "Są to zobowiązania, które przyjęły państwa.",
    ),
    (
        "ru",
        RIGHTS,
        "Права {term}`жертвы <victim>` {term}`торговли людьми <trafficking in human beings>` — это не одолжение. "
        "Это обязательства, которые приняли на себя государства.",
    ),
    (
        "lv",
        CONVENTION,
        "Eiropas Padomes Konvencija par cīņu pret cilvēku tirdzniecību (CETS Nr. 197) tika atvērta parakstīšanai "
        "Varšavā 2005. gada 16. maijā. Tā stājās spēkā 2008. gada 1. februārī.[^coe]",
    ),
    (
        "de",
        CONVENTION,
        "Das Übereinkommen des Europarats zur Bekämpfung des Menschenhandels (SEV Nr. 197) wurde am 16. Mai 2005 in "
        "Warschau zur Unterzeichnung aufgelegt. Es trat am 1. Februar 2008 in Kraft.[^coe]",
    ),
    (
        "fi",
        CONVENTION,
        "Ihmiskaupan vastaista toimintaa koskeva Euroopan neuvoston yleissopimus (CETS nro 197) avattiin "
        "allekirjoitettavaksi Varsovassa 16. toukokuuta 2005. Se tuli voimaan 1. helmikuuta 2008.[^coe]",
    ),
    (
        "pl",
        CONVENTION,
        "Konwencja Rady Europy w sprawie działań przeciwko handlowi ludźmi (CETS nr 197) została otwarta do podpisu "
        "w Warszawie 16 maja 2005 r. Weszła w życie 1 lutego 2008 r.[^coe]",
    ),
    (
        "ru",
        CONVENTION,
        "Конвенция Совета Европы о противодействии торговле людьми (CETS № 197) была открыта для подписания в "
        "Варшаве 16 мая 2005 года. Она вступила в силу 1 февраля 2008 года.[^coe]",
    ),
    (
        "lv",
        DIRECTIVE,
        "Direktīva 2011/36/ES ir galvenais ES tiesību akts cilvēku tirdzniecības jomā. Tās 11. panta 5. punktā "
        "ir uzskaitīti atbalsta veidi.",
    ),
    (
        "de",
        DIRECTIVE,
        "Die Richtlinie 2011/36/EU ist das wichtigste EU-Gesetz zum Menschenhandel. Artikel 11 Absatz 5 nennt die "
        "Arten der Unterstützung.",
    ),
    (
        "fi",
        DIRECTIVE,
        "Direktiivi 2011/36/EU on EU:n tärkein ihmiskauppaa koskeva säädös. Sen 11 artiklan 5 kohdassa luetellaan "
        "tuen muodot.",
    ),
    (
        "pl",
        DIRECTIVE,
        "Dyrektywa 2011/36/UE jest głównym aktem prawa UE dotyczącym handlu ludźmi. Art. 11 ust. 5 wymienia rodzaje "
        "wsparcia.",
    ),
    (
        "ru",
        DIRECTIVE,
        "Директива 2011/36/ЕС — основной акт права ЕС о торговле людьми. В статье 11(5) перечислены виды поддержки.",
    ),
    (
        "lv",
        EURLEX,
        "Vairāk informācijas par ES tiesību aktiem ir pieejams [EUR-Lex](https://eur-lex.europa.eu) tīmekļa vietnē.",
    ),
    ("de", EURLEX, "Weitere Informationen zum EU-Recht finden Sie bei [EUR-Lex](https://eur-lex.europa.eu)."),
    (
        "de",
        REFERENCES,
        "{numref}`Tabelle %s <tab-coe-articles>` listet die Artikel auf; {ref}`annex-legal` enthält den "
        "vollständigen Text.",
    ),
    (
        "ru",
        REFERENCES,
        "Статьи перечислены в {numref}`таблице %s <tab-coe-articles>`; полный текст приведён в {ref}`annex-legal`.",
    ),
    ("fi", CHILDREN, "Katso {doc}`../chapters/09-children`, mitä nämä säännöt merkitsevät lapsiuhrien kannalta."),
    (
        "lv",
        HELPLINE,
        "Latvijā zvaniet uz bērnu uzticības tālruni 116\u00a0111 vai uz ārkārtas palīdzības numuru 112.",
    ),
    ("pl", NEVER, "**Nigdy** nie uzależniaj pomocy od zawiadomienia policji ani od złożenia zeznań."),
    ("de", FORM, "Speichern Sie das Überweisungsformular als `referral-form.docx`, bevor Sie es senden."),
    ("ru", COORDINATOR, "Актуальные национальные контакты можно узнать у {{ national_coordinator }}."),
    ("de", KEYS, "Drücken Sie <kbd>Strg</kbd> + <kbd>F</kbd>, um die Seite zu durchsuchen."),
    ("lv", MADE_WITH, "Izveidots ar "),
    # BLOCK: an ordinal at the start, escaped so Markdown keeps the message a paragraph or title.
    ("lv", ARTICLE, "12\\. panta 6. punkts"),
    ("lv", STEP, "1\\. solis. Aizdomas"),
    ("de", STEP, "Schritt 1: Verdacht"),
]


@pytest.mark.parametrize(("code", "msgid", "msgstr"), GOOD, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(GOOD)])
def test_real_translations_pass_without_any_finding(code: str, msgid: str, msgstr: str) -> None:
    """A correct translation gets no error and no warning: false alarms would teach translators to ignore QA."""
    assert qa.check_message(msgid, msgstr) == []


BAD = [
    # ROLE: the term target translated (the link would break), a role dropped, a target changed.
    (
        "ROLE",
        RIGHTS,
        "{term}`Upura` tiesības {term}`cilvēku tirdzniecībā <trafficking in human beings>` nav labvēlība. "
        "Tās ir saistības, ko valstis ir uzņēmušās.",
    ),
    (
        "ROLE",
        RIGHTS,
        "Die Rechte eines Opfers von {term}`Menschenhandel <trafficking in human beings>` sind keine "
        "Gefälligkeiten. Sie sind Verpflichtungen, die die Staaten eingegangen sind.",
    ),
    (
        "ROLE",
        REFERENCES,
        "{numref}`Tabelle %s <tab-coe-article>` listet die Artikel auf; {ref}`annex-legal` enthält den "
        "vollständigen Text.",
    ),
    ("ROLE", CHILDREN, "Katso {doc}`../luvut/09-lapset`, mitä nämä säännöt merkitsevät lapsiuhrien kannalta."),
    # CODE: inline code translated.
    ("CODE", FORM, "Speichern Sie das Überweisungsformular als `ueberweisung.docx`, bevor Sie es senden."),
    # LINK: the URL localised.
    ("LINK", EURLEX, "Weitere Informationen zum EU-Recht finden Sie bei [EUR-Lex](https://eur-lex.europa.eu/de)."),
    ("LINK", EURLEX, "Weitere Informationen zum EU-Recht finden Sie bei EUR-Lex."),
    # FOOTNOTE: the reference dropped.
    (
        "FOOTNOTE",
        CONVENTION,
        "Das Übereinkommen des Europarats zur Bekämpfung des Menschenhandels (SEV Nr. 197) wurde am 16. Mai 2005 in "
        "Warschau zur Unterzeichnung aufgelegt. Es trat am 1. Februar 2008 in Kraft.",
    ),
    # SUBSTITUTION: the name translated.
    ("SUBSTITUTION", COORDINATOR, "Актуальные национальные контакты можно узнать у {{ национальный_координатор }}."),
    # MARKUP: a closing ** lost; a backtick lost; a space between role and backticks.
    ("MARKUP", NEVER, "**Nigdy* nie uzależniaj pomocy od zawiadomienia policji ani od złożenia zeznań."),
    ("MARKUP", FORM, "Speichern Sie das Überweisungsformular als `referral-form.docx, bevor Sie es senden."),
    (
        "MARKUP",
        REFERENCES,
        "{numref}`Tabelle %s <tab-coe-articles>` listet die Artikel auf; {ref} `annex-legal` enthält den "
        "vollständigen Text.",
    ),
    # HTML: a translation adds markup the source does not have.
    (
        "HTML",
        EURLEX,
        'Vairāk informācijas par ES tiesību aktiem ir pieejams <a href="https://eur-lex.europa.eu">EUR-Lex</a> '
        "tīmekļa vietnē. [EUR-Lex](https://eur-lex.europa.eu)",
    ),
    ("HTML", KEYS, "Drücken Sie <kbd>Strg</kbd> + <kbd>F</kbd><script>alert(1)</script>, um die Seite zu durchsuchen."),
    # NUMBER: a wrong directive number, a wrong date, a wrong helpline.
    (
        "NUMBER",
        DIRECTIVE,
        "Die Richtlinie 2011/63/EU ist das wichtigste EU-Gesetz zum Menschenhandel. Artikel 11 Absatz 5 nennt die "
        "Arten der Unterstützung.",
    ),
    (
        "NUMBER",
        CONVENTION,
        "Konwencja Rady Europy w sprawie działań przeciwko handlowi ludźmi (CETS nr 197) została otwarta do podpisu "
        "w Warszawie 16 maja 2005 r. Weszła w życie 1 lutego 2009 r.[^coe]",
    ),
    ("NUMBER", HELPLINE, "Latvijā zvaniet uz bērnu uzticības tālruni 116 11 vai uz ārkārtas palīdzības numuru 112."),
    # WHITESPACE: the trailing space of an interface string lost; a leading newline added.
    ("WHITESPACE", MADE_WITH, "Izveidots ar"),
    ("WHITESPACE", NEVER, "\n**Nigdy** nie uzależniaj pomocy od zawiadomienia policji ani od złożenia zeznań."),
    # BLOCK: Markdown reads these as a numbered list or a bullet, and Sphinx silently shows the English.
    ("BLOCK", ARTICLE, "12. panta 6. punkts"),
    ("BLOCK", STEP, "1. solis. Aizdomas"),
    ("BLOCK", NEVER, "- **Nigdy** nie uzależniaj pomocy od zawiadomienia policji."),
]


@pytest.mark.parametrize(("code", "msgid", "msgstr"), BAD, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(BAD)])
def test_broken_translations_fail_with_their_code(code: str, msgid: str, msgstr: str) -> None:
    """Each broken translation gets an error with the rule's code."""
    findings = qa.check_message(msgid, msgstr)
    assert code in {finding.code for finding in findings if finding.severity == "error"}, findings


def test_role_message_names_the_target_to_keep() -> None:
    """The message tells the translator exactly what to write."""
    findings = qa.check_message("See {ref}`the table <tab-rights>`.", "Skatīt {ref}`tabulu <tab-tiesibas>`.")
    assert [finding.message for finding in findings] == [
        "{ref} target changed from 'tab-rights' to 'tab-tiesibas'; keep the target, translate only the display "
        "text: {ref}`translated text <tab-rights>`"
    ]


def test_roles_may_change_order_and_display_text() -> None:
    """Word order differs between languages; the display text of a reference is translatable."""
    msgid = "{ref}`ch-legal` and {ref}`annex-legal <annex-legal>` explain these rules."
    assert qa.check_message(msgid, "Šos noteikumus skaidro {ref}`pielikums <annex-legal>` un {ref}`ch-legal`.") == []


def test_text_roles_keep_the_role_but_not_the_text() -> None:
    """An {abbr} role's text is translated; dropping the role is still an error."""
    msgid = "Ask the {abbr}`NRM (national referral mechanism)`."
    assert qa.check_message(msgid, "Jautājiet {abbr}`NNM (nacionālais nosūtīšanas mehānisms)`.") == []
    assert [f.code for f in qa.check_message(msgid, "Jautājiet NNM.")] == ["ROLE"]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Article 12(6) applies.", "Piemēro 12. panta 6. punktu."),
        ("Art. 12(6) applies.", "Es gilt Art. 12 Abs. 6."),
        ("Directive 2011/36/EU", "Direktīva 2011/36/ES"),
        ("Call 116 006.", "Zvaniet 116\u00a0006."),
        ("Call 116 006.", "Soita 116\u2009006."),
        ("Call 116 006.", "Zadzwoń pod 116006."),
        ("at least 30 days", "vismaz 30 dienas"),
        ("on 12 June", "am 12. Juni"),
        ("12,000 people", "12 000 cilvēku"),
        ("12,000 people", "12.000 Menschen"),
        ("12,000 people", "12\u00a0000 человек"),
        ("Call +371 67 123 456.", "Zvaniet +371 67123456."),
        ("Articles 10(3) and 10(4)", "10\\. panta 3. un 4. punkts"),
        ("1.5 million", "1,5 miljoni"),
        ("under 18", "jaunāks par 18 gadiem"),
        ("See page 3.", "Katso sivu 3."),
    ],
)
def test_numbers_without_false_alarms(msgid: str, msgstr: str) -> None:
    """Grouping, spacing, ordinal dots and word order do not make numbers differ."""
    assert qa.check_message(msgid, msgstr) == []


def test_number_message_lists_missing_and_extra() -> None:
    """The message says which numbers are missing and which are new."""
    [finding] = qa.check_message("within 30 days", "45 dienu laikā")
    assert finding.message == "numbers differ: '30' of the source missing; '45' not in the source"


def test_html_in_source_may_stay() -> None:
    """HTML the source has is not an error in the translation."""
    assert qa.check_message("<br/>Line", "<br/>Rinda") == []


def test_identical_long_translation_is_a_warning() -> None:
    """A long message copied unchanged is a warning, not an error; short ones (names, codes) are fine."""
    [finding] = qa.check_message(RIGHTS, RIGHTS)
    assert (finding.severity, finding.code) == ("warning", "IDENTICAL")
    assert qa.check_message("EUR-Lex", "EUR-Lex") == []
    assert qa.check_message("CETS No. 197", "CETS No. 197") == []


TERMS = [Term("guardian", "aizbildnis"), Term("victim", "upuris"), Term("trafficking in human beings", "")]


def test_term_with_approved_translation_passes_in_inflected_form() -> None:
    """The stem 'aizbild' of 'aizbildnis' accepts 'Aizbildnis', 'aizbildnis' and the dative 'aizbildnim'."""
    assert qa.check_message(GUARDIAN, "{term}`Aizbildnis <guardian>` piedalās visos lēmumos par bērnu.", TERMS) == []
    assert qa.check_message(GUARDIAN, "Visos lēmumos par bērnu piedalās {term}`aizbildnis <guardian>`.", TERMS) == []
    assert qa.check_message("Tell the guardian.", "Pastāstiet to aizbildnim.", TERMS) == []


def test_term_without_approved_translation_is_a_warning() -> None:
    """Another word for a glossary term gets a TERM warning (terms without a translation are not checked)."""
    findings = qa.check_message(GUARDIAN, "{term}`Pārstāvis <guardian>` piedalās visos lēmumos par bērnu.", TERMS)
    assert [(f.severity, f.code) for f in findings] == [("warning", "TERM")]
    assert "'guardian'" in findings[0].message and "'aizbildnis'" in findings[0].message


def test_term_matches_whole_words_only() -> None:
    """'victimisation' does not use the term 'victim'."""
    assert qa.check_message("Avoid secondary victimisation.", "Izvairieties no sekundāras viktimizācijas.", TERMS) == []


def test_plural_forms_are_checked_against_the_plural_msgid() -> None:
    """Each plural form is checked (here: the number placeholder kept, no HTML added)."""
    assert qa.check_message("${resultCount} pages", "${resultCount} lapas", plural=True) == []
    codes = [f.code for f in qa.check_message("${resultCount} pages", "<b>${resultCount}</b> lapas", plural=True)]
    assert codes == ["HTML", "HTML"]


NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("code", "msgstr", "found"),
    [
        ("lv", f"Atbalstu saņem 80{NBSP}% upuru.", []),
        ("lv", "Atbalstu saņem 80% upuru.", ["'80%': Latvian writes a no-break space (U+00A0) between a number and %"]),
        ("lv", "Atbalstu saņem 80 % upuru.", ["'80 %': Latvian writes a no-break space (U+00A0) between"]),
        ("lv", "Šī lapa ir iztulkota par %(percent)s.", []),
        ("lv", "Ierakstiet `80%` laukā.", []),
        ("lv", "Skatiet [vietni](https://example.org/a1%20b).", []),
        ("en", "80% of victims", []),
        ("en", f"80{NBSP}% of victims", ["English writes no space between a number and %"]),
    ],
)
def test_percent_is_written_as_the_language_writes_it(code: str, msgstr: str, found: list[str]) -> None:
    findings = qa.check_percent(msgstr, registry.load().get(code))
    assert [finding.code for finding in findings] == ["PERCENT"] * len(found)
    assert all(finding.severity == "warning" for finding in findings)
    for finding, expected in zip(findings, found, strict=True):
        assert expected in finding.message


def test_translation_may_mark_words_it_keeps_in_another_language() -> None:
    source = 'STROM stands for "Strengthening the role of municipalities".'
    marked = "STROM ir saīsinājums no „{lang-en}`Strengthening the role of municipalities`”."
    assert qa.check_message(source, marked) == []
    # Only the language roles: any other role the source lacks is still an error.
    added = "STROM ir saīsinājums no „{abbr}`Strengthening the role of municipalities`”."
    assert [finding.code for finding in qa.check_message(source, added)] == ["ROLE"]

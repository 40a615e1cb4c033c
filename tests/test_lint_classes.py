"""The classes of false alarms and misses of issue 12, each with sentences of our own.

Every expected value is read off the rules docs (cited per class) by hand: the
right form is what latvian-language.md (LL) or document-rules.md (DR) prescribes,
never what annexgen's speller produces.
"""

from __future__ import annotations

import pytest

from annexgen.i18n import use_language
from annexgen.lv.rules import RULES, check_text
from annexgen.messages import Phrase
from annexgen.reading.lint import lint_text


def _codes(text: str) -> list[str]:
    return [f.code for f in lint_text(text)]


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.excerpt, f.suggestion) for f in lint_text(text) if f.severity == "error"]


# --- the rule table's own examples (docs/lint-rules.md prints them) ---------------------


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_every_rule_accepts_its_right_example_and_reports_its_wrong_one(rule: object) -> None:
    assert rule.id not in _codes(rule.right), rule.right  # type: ignore[attr-defined]
    assert rule.id in _codes(rule.wrong), rule.wrong  # type: ignore[attr-defined]
    assert check_text(rule.right) == lint_text(rule.right)  # type: ignore[attr-defined]


# --- false alarms (a correct text marked as an error) -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # LL §11: an equivalent in brackets is a figure with its currency word, not words
        "Līdzfinansējums LVL 500 (711,44 euro).",
        "Pabalsts Ls 20 (28,46 eiro) mēnesī.",
        "Kopā 1000 lati (1422,87 euro).",
        "Maksa LVL 10 (14,23 €).",
        "Summa 700 LVL (996,01 eiro) apmērā.",
        "Atlikums EUR 142,29 (LVL 100).",
    ],
)
def test_an_equivalent_in_brackets_is_no_amount_in_words(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    "text",
    [  # LL §4: the minor unit alone, in words; "viens cents", "divdesmit pieci centi"
        "Maksa par lapu 0,25 EUR (divdesmit pieci centi).",
        "Atlikums 0,01 EUR (viens cents).",
        "Komisijas maksa 0,99 EUR (deviņdesmit deviņi centi).",
        "Pasta marka 0,10 EUR (desmit centu).",
        "Piemaksa 0,31 EUR (trīsdesmit viens cents) par kilometru.",
    ],
)
def test_cents_alone_in_words_are_read(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    "text",
    [  # a number word that starts a noun phrase of its own is no restatement of a figure
        "Projekts ilgst 24 mēnešus (divi gadi).",
        "Asfaltēšana 2 posmos (trīs kārtās).",
        "Nodot nomā 1 objektu (viens zemes gabals).",
        "Darbs ilgs 22 (divdesmit divas) dienas.",  # LL §3: feminine 1–9 are number words
        "Apmācības notiks 3 (trīs reizes) gadā.",
        "Komisijā darbojas 5 (pieci) eksperti.",
        "Piešķirt 1 (vienam) pretendentam.",  # a number in another case: read as what it is
    ],
)
def test_brackets_that_begin_with_a_number_word_but_are_no_amount(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    "text",
    [  # LL §6.2: a locative says when; only a date that describes the next noun is genitive
        "Sēde notiks 2024. gada 12. martā domes zālē.",
        "Izstāde būs atvērta 2024. gada 1. jūnijā pilsētas parkā.",
        "2024. gada 12. martā sēdē piedalījās visi deputāti.",
        "Lēmums pieņemts 2024. gada 12. martā ārkārtas sēdē.",
        "Ar 2024. gada 12. martā pieņemto lēmumu apstiprināts nolikums.",
        "2024. gada 12. marta sēdes protokols Nr. 3.",
    ],
)
def test_a_locative_date_before_a_noun_phrase_is_right(text: str) -> None:
    assert _codes(text) == []


# --- misses (an error not found) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excerpt", "suggestion"),
    [  # DR §2.2: legal acts write the currency word between the figure and the words
        ("Maksa 12 000 lati (divpadsmit tūkstoši trīs simti latu).",
         "divpadsmit tūkstoši trīs simti latu", "divpadsmit tūkstoši latu"),
        ("Budžets 3 150 000 euro (trīs miljoni simt piecdesmit pieci tūkstoši euro).",
         "trīs miljoni simt piecdesmit pieci tūkstoši euro",
         "trīs miljoni simt piecdesmit tūkstoši euro"),
        ("Nomas maksa 45,50 euro (četrdesmit seši euro 50 centi).",
         "četrdesmit seši euro 50 centi", "četrdesmit pieci euro 50 centi"),
        ("Iemaksa 800 eiro (astoņi simti desmit eiro).", "astoņi simti desmit eiro",
         "astoņi simti eiro"),
    ],
)  # fmt: skip
def test_a_currency_word_between_figure_and_words(text: str, excerpt: str, suggestion: str) -> None:
    assert _errors(text) == [("amount-words", excerpt, suggestion)]


def test_the_correct_legal_act_form_is_read_and_agrees() -> None:
    assert _codes("Budžets 3 150 000 euro (trīs miljoni simt piecdesmit tūkstoši euro).") == []
    assert _codes("Maksa 12 300 lati (divpadsmit tūkstoši trīs simti latu).") == []


@pytest.mark.parametrize(
    ("text", "code", "excerpt", "suggestion"),
    [  # LL §1.2 and §2: after simti only the genitive; inside hundreds the multiplier decides
        ("Kopā divi simti lati.", "noun-agreement", "lati", "latu"),
        ("Kopā septiņi simti lati.", "noun-agreement", "lati", "latu"),
        ("Summa 700 000 EUR (septiņi simti tūkstotis eiro).", "scale-agreement", "tūkstotis",
         "tūkstoši"),
        ("Summa 100 EUR (viens simti eiro).", "scale-agreement", "simti", "simts"),
        ("Summa 300 EUR (trīs simts eiro).", "scale-agreement", "simts", "simti"),
        ("Summa 2 000 000 EUR (divi miljons eiro).", "scale-agreement", "miljons", "miljoni"),
    ],
)  # fmt: skip
def test_agreement_after_simti_and_inside_hundreds(
    text: str, code: str, excerpt: str, suggestion: str
) -> None:
    assert _errors(text) == [(code, excerpt, suggestion)]


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [  # LL §6.2: līdz + genitive only before the noun the date describes
        ("Pieteikumus iesniedz līdz 2024. gada 31. maija ieskaitot.", "2024. gada 31. maijam"),
        ("Iesniegt līdz 2024. gada 31. maija plkst. 12.00.", "2024. gada 31. maijam"),
        ("Līgums ir spēkā līdz 2025. gada 31. decembra.", "2025. gada 31. decembrim"),
        ("Līdz 2024. gada 30. septembra, ieskaitot, jāiesniedz atskaite.",
         "2024. gada 30. septembrim"),
        ("Programma ilgst līdz 2027. gada.", "2027. gadam"),
    ],
)  # fmt: skip
def test_lidz_with_a_genitive_that_describes_nothing(text: str, suggestion: str) -> None:
    ((code, _, got),) = _errors(text)
    assert (code, got) == ("date-case", suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "Lēmums izpildāms līdz 2024. gada 20. marta sēdei.",
        "Dokumenti jāiesniedz līdz 2024. gada 15. aprīļa darba dienas beigām.",
        "Līdz 2024. gada 31. maija termiņa beigām.",
        "Līdz 2024. gada 1. jūlija Ministru kabineta noteikumu spēkā stāšanās dienai.",
    ],
)
def test_lidz_with_a_genitive_that_describes_the_next_noun(text: str) -> None:
    assert _errors(text) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [  # LL §1.3, §4, §10 step 2: these spellings are read, so their errors are found
        ("Dalības maksa 20 EUR (divdesmit eiro 00 eurocenti).", []),
        ("Dalības maksa 20 EUR (divdesmit eiro 00 eurocentu).", []),
        ("Dalības maksa 20 EUR (divdesmit EUR).", []),
        ("Dalības maksa 20 EUR (divdesmit eiro,) jāiemaksā kasē.", []),
        ("Dalības maksa 20 EUR (divdesmit viens eiro 00 eurocenti).", ["amount-words"]),
        ("Dalības maksa 20 EUR (trīsdesmit EUR).", ["amount-words"]),
        ("Dalības maksa 20 EUR (divpadsmit eiro,) jāiemaksā kasē.", ["amount-words"]),
    ],
)
def test_spellings_are_read_not_refused(text: str, codes: list[str]) -> None:
    assert [c for c, _, _ in _errors(text)] == codes


@pytest.mark.parametrize(
    ("text", "excerpt", "suggestion"),
    [  # words before the figure: the figure in brackets is compared all the same
        ("Nomas maksa ir viens tūkstotis eiro (1 100 EUR).", "viens tūkstotis eiro",
         "viens tūkstotis simts eiro"),
        ("Piešķirtais atbalsts ir divi simti eiro (250 EUR).", "divi simti eiro",
         "divi simti piecdesmit eiro"),
        ("Dalībnieku skaits ir divdesmit (21).", "divdesmit", "divdesmit viens"),
    ],
)  # fmt: skip
def test_words_before_the_figure(text: str, excerpt: str, suggestion: str) -> None:
    assert _errors(text) == [("amount-words", excerpt, suggestion)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Līdzfinansējums 15 % (sešpadsmit procenti).", ["amount-words"]),
        ("Atlaide 20 % (divdesmit procentu) apmērā.", []),
        ("Atlaide 25 % (divdesmit četri procenti).", ["amount-words"]),
        ("Likme 2,5 % (divi komats pieci procenti).", []),
        ("Likme 2,5 % (divi komats seši procenti).", ["amount-words"]),
        ("Likme 10 (desmit) procenti.", []),
    ],
)
def test_percentages_in_words(text: str, expected: list[str]) -> None:
    assert [c for c, _, _ in _errors(text)] == expected


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [  # LL §6.2: accusative after ar, uz, sākot ar
        ("Maksa tiek piemērota sākot ar 2025. gada 1. janvāra.", "2025. gada 1. janvāri"),
        ("Noteikumi piemērojami ar 2024. gada 1. jūlijs.", "2024. gada 1. jūliju"),
        ("Atlikums uz 2024. gada 1. janvārim.", "2024. gada 1. janvāri"),
        ("Parāds aprēķināts uz 2024. gada 1. oktobrī.", "2024. gada 1. oktobri"),
    ],
)
def test_the_date_case_after_ar_and_uz(text: str, suggestion: str) -> None:
    ((code, _, got),) = _errors(text)
    assert (code, got) == ("date-case", suggestion)


@pytest.mark.parametrize(
    ("text", "code", "excerpt", "suggestion"),
    [  # legacy forms named as style (LL §1.3, §6.1; DR §1.10, §2.2)
        ("PĀRSKATS PAR 2021.GADA BUDŽETU", "date-spacing", "2021.GADA", "2021. GADA"),
        ("Lēmums pieņemts 2022.gadā.", "date-spacing", "2022.gadā", "2022. gadā"),
        ("saskaņā ar 1.pielikumu", "ordinal-spacing", "1.pielikumu", "1. pielikumu"),
        ("skatīt 12.punktu", "ordinal-spacing", "12.punktu", "12. punktu"),
        ("domes 2019. gada 7.jūnijāNr. 12", "date-spacing", "2019. gada 7.jūnijāNr",
         "2019. gada 7. jūnijā Nr"),
        ("Kopā 5000 EUR (pieci tūkstoš eiro).", "scale-indeclinable", "tūkstoš", "tūkstoši"),
        ("Kopā 1000 EUR (tūkstoš eiro).", "scale-indeclinable", "tūkstoš", "tūkstotis"),
        ("Kopā EUR 11 354 188,46 EUR.", "currency-twice", "EUR 11 354 188,46 EUR",
         "11 354 188,46 EUR"),
        ("Kopā LVL 1 000 LVL.", "currency-twice", "LVL 1 000 LVL", "1 000 LVL"),
    ],
)  # fmt: skip
def test_legacy_forms_are_named_as_style(
    text: str, code: str, excerpt: str, suggestion: str
) -> None:
    found = [(f.code, f.severity, f.excerpt, f.suggestion) for f in lint_text(text)]
    assert found == [(code, "warning", excerpt, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "3.a klasē mācās 24 skolēni.",  # a class letter, not an ordinal's word
        "Budžeta klasifikācijas kods 21.00.00.",
        "e-pasts: info@dome2.lv",
        "Sēde sākas plkst. 10.00.",
        "Izziņa izsniegta 05.12.2013.",
    ],
)
def test_dotted_numbers_that_are_no_ordinals(text: str) -> None:
    assert _codes(text) == []


# --- found on a set written apart from the project (measured 2026-11-30) ------------------


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        # LL §11: the euro equivalent after "jeb" is checked like one in brackets;
        # 1000 ÷ 0,702804 = 1422,87; 100 ÷ 0,702804 = 142,29; 250 ÷ 0,702804 = 355,72
        ("Līdzfinansējums – 1 000 LVL (viens tūkstotis latu) jeb 1 422,88 EUR.", "1 422,87"),
        ("Kompensācija bija 100 latu (simts latu) jeb 142,28 EUR.", "142,29"),
        ("Atlīdzība 250 LVL jeb 355,27 euro mēnesī.", "355,72"),
        ("Maksa 49,80 EUR jeb 36 LVL.", "51,22"),
    ],
)
def test_a_euro_equivalent_after_jeb_is_checked(text: str, suggestion: str) -> None:
    assert [(f.code, f.suggestion) for f in lint_text(text)] == [("lvl-eur-rate", suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Līdzfinansējums – 1 000 LVL (viens tūkstotis latu) jeb 1 422,87 EUR.",
        "Kompensācija 100 latu jeb 142,29 EUR.",
        "Nodeva 35 LVL jeb 49,80 euro gadā.",
        "Pieteikties 2 dienu jeb 48 stundu laikā.",  # "jeb" between counts: no currency
    ],
)
def test_a_right_equivalent_after_jeb_is_accepted(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    ("text", "word", "near"),
    [
        # LL §1.1: every number word is written apart — "divdesmit pieci", never one word
        ("Maksa ir 25,00 EUR (divdesmitpieci euro un 00 centu).", "divdesmitpieci",
         "divdesmit pieci"),
        ("Atlīdzība 135 EUR (simttrīsdesmit pieci eiro).", "simttrīsdesmit",
         "simt trīsdesmit"),
        ("Prēmija 47 EUR (četrdesmitseptiņi eiro).", "četrdesmitseptiņi",
         "četrdesmit septiņi"),
    ],
)  # fmt: skip
def test_number_words_written_as_one_are_unreadable(text: str, word: str, near: str) -> None:
    found = lint_text(text)
    assert [f.code for f in found] == ["amount-words-unreadable"]
    reason = found[0].params["reason"]
    assert isinstance(reason, Phrase)
    assert reason.params == {"word": word, "near": near}


def test_why_words_are_unreadable_is_said_in_latvian() -> None:
    # issue 13: a clerk reads every message in Latvian — the reason inside this one too
    with use_language("lv"):
        message = lint_text("Maksa 19 700,00 EUR (devinpadsmit tūkstoši septiņi simti eiro).")[
            0
        ].message
        currency = lint_text("Maksa 1000 EUR (viens tūkstotis latu).")[0].message
    assert message == (
        "summu vārdiem nevar nolasīt: „devinpadsmit” nav skaitļa vārds (varbūt „deviņpadsmit”?)"
    )
    assert (
        currency == "skaitlī un vārdos norādītas dažādas valūtas: skaitlis ir EUR, bet vārdos – LVL"
    )


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        # LL §3 and §2: a count may take the case of its noun; the figure and the
        # words must still say the same number ("4 (četrās) pašvaldībās")
        ("Projekts tiks īstenots 4 (piecās) Latgales pašvaldībās.", "četrās"),
        ("Balvas piešķirt 3 (divām) skolām.", "trim"),
        ("Piedalījās pārstāvji no 24 (divdesmit divām) biedrībām.", "divdesmit četrām"),
        ("Iesniegumi saņemti no 7 (sešiem) pretendentiem.", "septiņiem"),
        ("Pabalstu izmaksāt 2 (trim) ģimenēm.", None),  # "trim": either gender
    ],
)
def test_a_count_in_the_case_of_its_noun_is_read(text: str, suggestion: str | None) -> None:
    assert [(f.code, f.suggestion) for f in lint_text(text)] == [("amount-words", suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Projekts tiks īstenots 4 (četrās) Latgales pašvaldībās.",
        "Balvas piešķirt 3 (trim) skolām.",
        "Iesniegumi saņemti no 7 (septiņiem) pretendentiem.",
        "Pateicība 1 (vienam) dalībniekam.",
        "Konkurss notika 2 (divās) kārtās.",
        "Simtgades pasākumi notiks 100 (simt) vietās.",
    ],
)
def test_a_right_count_in_the_case_of_its_noun_is_accepted(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    ("text", "excerpt", "suggestion"),
    [
        # LL §6.2: a date that names a document is genitive ("… 27. aprīļa lēmumu"),
        # also after "ar", whose own case is for a date that says "from when"
        ("Ar domes 2023. gada 27. aprīlī lēmumu Nr. 112 apstiprināti izcenojumi.",
         "2023. gada 27. aprīlī", "2023. gada 27. aprīļa"),
        ("Domes 2022. gada 15. decembrī sēdes protokols Nr. 19.",
         "2022. gada 15. decembrī", "2022. gada 15. decembra"),
        ("Saskaņā ar 2024. gada 5. martu rīkojumu Nr. 12 izveidota komisija.",
         "2024. gada 5. martu", "2024. gada 5. marta"),
        ("Grozījumi ar 2021. gada 1. jūliju noteikumiem.",
         "2021. gada 1. jūliju", "2021. gada 1. jūlija"),
        # LL §6.2 "on the date (kad?)": locative — not a genitive before the hour,
        # not a nominative after a verb of happening or a participle
        ("Izsole notiks 2023. gada 7. novembra plkst. 10.00.",
         "2023. gada 7. novembra", "2023. gada 7. novembrī"),
        ("Lēmums pieņemts 2024. gada 29. februāris.",
         "2024. gada 29. februāris", "2024. gada 29. februārī"),
        ("Noteikumi stājas spēkā, sēde notika 2025. gada 3. marts, kā plānots.",
         "2025. gada 3. marts", "2025. gada 3. martā"),
    ],
)  # fmt: skip
def test_the_date_case_before_a_document_and_on_a_day(
    text: str, excerpt: str, suggestion: str
) -> None:
    assert _errors(text) == [("date-case", excerpt, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Sēde notika 2024. gada 12. martā domes zālē.",  # when, then where
        "Dome 2024. gada 12. martā lēmumu nepieņēma.",  # when; no author before, no Nr.
        "Ar 2025. gada 1. janvāri līgums tiek pagarināts.",  # a new clause's subject
        "Ar 2024. gada 12. martā pieņemto lēmumu Nr. 5 apstiprināts nolikums.",
        "Termiņš ir 2024. gada 1. marts.",  # names the day
        "Rīgā, 2024. gada 29. februāris",  # a date line
        "Pieteikumus pieņem no 2023. gada 7. novembra plkst. 10.00.",
        "Saskaņā ar domes 2024. gada 5. marta rīkojumu Nr. 12 izveidota komisija.",
        "Noteikumi stājas spēkā 2024. gada 1. janvārī.",
    ],
)
def test_right_dates_before_documents_and_on_a_day_are_accepted(text: str) -> None:
    assert _errors(text) == []


@pytest.mark.parametrize(
    ("text", "code", "excerpt", "suggestion"),
    [
        # LL §6.3: the month table; aprīlis alone has ļ in the genitive
        ("Ar domes 2023. gada 27. aprīla lēmumu Nr. 112.", "month-spelling", "aprīla", "aprīļa"),
        ("Sēde notiks 2024. gada 3. septembri.", "date-case", None, None),  # accusative, real
        ("Līgums no 2024. gada 1. febrāra.", "month-spelling", "febrāra", "februāra"),
        ("Termiņš – 2024. gada 15. novembrim.", None, None, None),  # a form, not a typo
        # LL §6.1: month in small letters, day without a leading zero
        ("Domes sēde notiks 2024. gada 12. Martā domes zālē.", "month-capital", "Martā", "martā"),
        ("Domes sēde notiks 2024. gada 05. martā domes zālē.", "date-leading-zero",
         "05. martā", "5. martā"),
        # LL §6.1: a space after every ordinal dot — also before the next word
        ("Sēde notiks 2024. gada 12. martāplkst. 14.00.", "date-spacing",
         "2024. gada 12. martāplkst", "2024. gada 12. martā plkst"),
    ],
)  # fmt: skip
def test_the_month_word_of_a_date_as_written(
    text: str, code: str | None, excerpt: str | None, suggestion: str | None
) -> None:
    found = [(f.code, f.excerpt, f.suggestion) for f in lint_text(text)]
    if code is None:
        assert found == []
    elif code == "date-case":
        assert [c for c, _, _ in found] == ["date-case"]
    else:
        assert found == [(code, excerpt, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Sēde 2024. gada 1. ceturksnī.",
        "Plāns 2025. gada 2. pusgadam.",
        "2021. GADA 12. MARTĀ",
        "no 01.05.2024. līdz 31.05.2024.",
        "Sk. 3. Pielikumu.",
    ],
)
def test_words_after_a_day_that_are_no_month_are_left_alone(text: str) -> None:
    assert [f.code for f in lint_text(text) if f.code.startswith(("month", "date-lead"))] == []


@pytest.mark.parametrize(
    ("text", "code", "excerpt", "suggestion"),
    [
        # DR §2.1 / §2.2: a (no-break) space between the number and its unit
        ("Atbalsts 115 029,00EUR apmērā.", "unit-spacing", "115 029,00EUR", "115 029,00 EUR"),
        ("Projekta izmaksas: 100% ES atbalsts.", "unit-spacing", "100%", "100 %"),
        ("Biļete 10€.", "unit-spacing", "10€", "10 €"),
        # DR §2.1: thousands grouped by a space, never by "." or ","
        ("Izmaksas 19.700,00 EUR.", "thousands-separator", "19.700,00", "19 700,00"),
        ("Sākumcena 1,250,00 EUR.", "thousands-separator", "1,250,00", "1 250,00"),
        ("Cena 1,250.00 EUR.", "thousands-separator", "1,250.00", "1 250,00"),
        ("Kopā 1.250.000 EUR.", "thousands-separator", "1.250.000", "1 250 000"),
        # DR §2.2: the unit once, after the amount
        ("Nomas maksa 12 000,00 EUR EUR gadā.", "currency-twice", "12 000,00 EUR EUR",
         "12 000,00 EUR"),
        # DR §1.11: „…” — not „…" with the closing mark left straight
        ('Publicēt izdevumā „Latvijas Vēstnesis".', "quotes", '„Latvijas Vēstnesis"',
         "„Latvijas Vēstnesis”"),
    ],
)  # fmt: skip
def test_typography_of_amounts_and_quotes(
    text: str, code: str, excerpt: str, suggestion: str
) -> None:
    assert [(f.code, f.excerpt, f.suggestion) for f in lint_text(text)] == [
        (code, excerpt, suggestion)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Atbalsts 115 029,00 EUR apmērā, 15 % no kopsummas.",
        "Versija 1.250.000, adrese 192.168.1.1, laiks 12.30–13.00.",
        "Cena 1,250 EUR par kilogramu.",  # a decimal comma, three places
        "Sk. 3.1.2. punktu un 2.%.",
        "Publicēt izdevumā „Latvijas Vēstnesis“.",  # the older Latvian closing mark
        "Maksa 10 € mēnesī, EUR 1422,87 kopā.",
    ],
)
def test_right_typography_is_accepted(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        # DR §2.1, issue 16: a total that does not add up — also in a sentence
        ("Finansējums: pašvaldības budžets 3 000,00 EUR, valsts budžets 12 000,00 EUR, kopā "
         "16 000,00 EUR.", "16 000,00 EUR"),
        ("Izmaksas: personāls 4 500,00 EUR, materiāli 1 250,50 EUR, transports 800,00 EUR; kopā "
         "6 505,50 EUR.", "6 505,50 EUR"),
        ("Kopā: 1 200,00 EUR + 850,00 EUR = 2 150,00 EUR.", "2 150,00 EUR"),
        ("Atlīdzība LVL 300 un LVL 250, pavisam kopā: LVL 500.", "LVL 500"),
    ],
)  # fmt: skip
def test_a_sum_in_a_sentence_that_does_not_add_up(text: str, excerpt: str) -> None:
    assert [(f.code, f.excerpt) for f in lint_text(text)] == [("text-total", excerpt)]


@pytest.mark.parametrize(
    "text",
    [
        "Izmaksas: personāls 4 500,00 EUR, materiāli 1 250,50 EUR, transports 800,00 EUR; kopā "
        "6 550,50 EUR.",
        "Kopā: 1 200,00 EUR + 850,00 EUR = 2 050,00 EUR.",
        "Pabalsts 150 EUR mēnesī un 50 EUR par bērnu, kopā 1 800 EUR gadā.",  # rates
        "Izmaksas 10 000 EUR, no tām pašvaldība 2 000 EUR un valsts 3 000 EUR, kopā 10 000 EUR.",
        "Piešķirt 1 000 EUR biedrībai A. Piešķirt 2 000 EUR biedrībai B un 500 EUR biedrībai C, "
        "kopā 2 500 EUR.",  # the first amount is another sentence's
        "LVL 1000 (EUR 1422,87) un LVL 500, kopā LVL 1500.",  # an equivalent is no part
        "Dotācija 3 000 EUR un 2 000 EUR, kopā ar līdzfinansējumu 6 000 EUR.",  # "kopā ar"
        "Maksa 5 EUR pieaugušajiem un 2 EUR bērniem, kopā ģimenei 14 EUR.",
    ],
)
def test_sums_that_add_up_or_are_no_plain_sum_are_accepted(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    ("text", "excerpt", "suggestion"),
    [
        # LL §3: 1–9 take the feminine before a feminine noun, the masculine before a
        # masculine one; only the last word of the number agrees
        ("Atvaļinājuma ilgums ir 22 (divdesmit divi) darba dienas.", "divdesmit divi",
         "divdesmit divas"),
        ("Rindā uz dzīvokli ir 31 (trīsdesmit viens) ģimene.", "trīsdesmit viens",
         "trīsdesmit viena"),
        ("Projekta ilgums (divas gadi).", "divas", "divi"),
        ("Konkurss notiks četri kārtās, piecas dalībnieki katrā.", "piecas", "pieci"),
        ("Piešķirt septiņi vietas.", "septiņi", "septiņas"),
    ],
)  # fmt: skip
def test_a_number_in_the_gender_of_its_noun(text: str, excerpt: str, suggestion: str) -> None:
    assert _errors(text) == [("gender-agreement", excerpt, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Atvaļinājums 22 (divdesmit divas) darba dienas.",
        "Divi grupas dalībnieki un trīs skolas audzēkņi.",  # a genitive before the noun
        "Viena gada laikā divi bērni un divas ģimenes.",
        "Pieci projekti, piecas skolas, trīs dienas, viens zemes gabals.",
        "Konkurss notika divās kārtās (trīs kārtās iepriekš).",
    ],
)
def test_numbers_in_the_gender_of_their_nouns_are_accepted(text: str) -> None:
    assert _errors(text) == []


@pytest.mark.parametrize(
    ("text", "code", "excerpt"),
    [
        # LL §11: the equivalent said with "kas atbilst" / "ekvivalents", in one sentence
        # (1000 ÷ 0,702804 = 1422,87; 70 → 99,60; 12 000 → 17 074,46)
        ("Līgumcena – LVL 1 000 (tūkstotis latu) bez PVN, kas atbilst 702,80 EUR.",
         "lvl-eur-rate", "702,80"),
        ("Stipendija LVL 70 mēnesī, kas pēc euro ieviešanas atbilst 99,40 euro.",
         "lvl-eur-rate", "99,40"),
        ("Sākumcena – LVL 12 000 (divpadsmit tūkstoši latu); euro ekvivalents – 17 074,64 EUR.",
         "lvl-eur-rate", "17 074,64"),
        # LL §4: a santīms is a hundredth of a lats, never of a euro
        ("Reģistrācija – 150,50 EUR (simt piecdesmit eiro un piecdesmit santīmu).",
         "amount-currency", None),
        # LL §6.2: "on the date" is locative, before the hour too
        ("Sēde notiks 2024. gada 14. martu plkst. 10.00 domes zālē.", "date-case",
         "2024. gada 14. martu"),
        # LL §3 across a genitive plural: "septiņas atkritumu urnas"
        ("Uzstādīti divpadsmit soliņi un septiņi atkritumu urnas.", "gender-agreement",
         "septiņi"),
        ("Nometnē piedalīsies divdesmit viens dalībniece.", "gender-agreement",
         "divdesmit viens"),
        # DR §2.1: a list closing one sentence and its total opening the next, and a
        # total with the amounts "no tām" that make it
        ("Tāme: materiāli – 2 340,50 EUR; ēdināšana – 1 599,50 EUR. Kopā: 4 040,00 EUR.",
         "text-total", "4 040,00 EUR"),
        ("Izmaksas – 6 543,21 EUR, no tām pašvaldība – 1 453,21 EUR, bet fonds – 5 000,00 EUR.",
         "text-total", "6 543,21 EUR"),
    ],
)  # fmt: skip
def test_equivalents_cents_hours_genders_and_sums_written_apart(
    text: str, code: str, excerpt: str | None
) -> None:
    found = [(f.code, f.excerpt) for f in lint_text(text) if f.severity == "error"]
    assert [c for c, _ in found] == [code]
    if excerpt is not None:
        assert found[0][1] == excerpt


@pytest.mark.parametrize(
    "text",
    [
        "Līgumcena – LVL 1 800 bez PVN, kas atbilst 2 561,17 EUR.",
        "Maksa 100 LVL. Tas atbilst normai, bet 50 EUR ir cita summa.",  # two sentences
        "Maksa 150,50 LVL (simt piecdesmit lati un piecdesmit santīmu).",
        "Pieteikumus pieņem līdz 2024. gada 14. martam plkst. 10.00.",
        "Izglītības iestādē strādā 21 (divdesmit viens) skolotāja palīgs.",  # a genitive
        "Divi bērnu dārzi un divas bērnu grupas.",
        "Tāme: materiāli – 2 340,50 EUR; ēdināšana – 1 599,50 EUR. Kopā: 3 940,00 EUR.",
        "Izmaksas – 6 453,21 EUR, no tām pašvaldība – 1 453,21 EUR, bet fonds – 5 000,00 EUR.",
        "Izmaksas 10 000 EUR, no tām 2 000 EUR PVN.",  # one part: no sum to check
        "Izmaksas 10 000 EUR, tai skaitā PVN 1 735,54 EUR un transports 500 EUR.",  # some parts
    ],
)
def test_right_equivalents_cents_hours_genders_and_sums_are_accepted(text: str) -> None:
    assert _errors(text) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        # issue 16 in prose: the price without VAT and the VAT make the price with VAT
        ("Sporta zāles noma – 25,00 EUR stundā bez PVN; PVN 21 % – 5,25 EUR; cena ar PVN – "
         "30,52 EUR.", "30,52 EUR"),
        ("Cena bez PVN 10,00 EUR, PVN 2,10 EUR, cena ar PVN 12,00 EUR.", "12,00 EUR"),
    ],
)  # fmt: skip
def test_a_price_with_vat_that_does_not_add_up(text: str, excerpt: str) -> None:
    assert [(f.code, f.excerpt) for f in lint_text(text)] == [("text-total", excerpt)]


@pytest.mark.parametrize(
    "text",
    [
        "Sporta zāles noma – 25,00 EUR stundā bez PVN; PVN 21 % – 5,25 EUR; cena ar PVN – "
        "30,25 EUR.",
        "Noma 10 EUR bez PVN un 20 EUR bez PVN; PVN 6,30 EUR; ar PVN 36,30 EUR.",  # two prices
        "Maksa 12,10 EUR (t. sk. PVN 2,10 EUR).",
    ],
)
def test_prices_with_vat_that_add_up_or_are_several_are_accepted(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    ("text", "code", "excerpt"),
    [
        # LL §11: "kas ir" with the euro amount right after it
        ("Līdzfinansējums LVL 350 (trīs simti piecdesmit latu), kas ir 498,00 EUR.",
         "lvl-eur-rate", "498,00"),
        # LL §6.3: two letters swapped in a month
        ("Pārbaude veikta 2022. gada 20. feburārī.", "month-spelling", "feburārī"),
        # LL §3: "stipendija" is feminine
        ("Piešķirt 2 (divi) stipendijas pa 500 euro katra.", "gender-agreement", "divi"),
        # DR §2.1: numbered items, one a sentence or joined by ";", then „Kopā”
        ("1. Biedrība „A” – 1 200,00 EUR; 2. Nodibinājums „B” – 850,00 EUR; 3. Biedrība „C” – "
         "2 475,50 EUR. Kopā – 4 625,50 EUR.", "text-total", "4 625,50 EUR"),
        ("1. Pārvadājumi – 42 000 EUR. 2. Autobusa noma – 7 800 EUR. 3. Degviela – 15 600 EUR. "
         "Kopā: 64 500 EUR.", "text-total", "64 500 EUR"),
    ],
)  # fmt: skip
def test_found_on_the_third_set_written_apart(text: str, code: str, excerpt: str) -> None:
    assert [(f.code, f.excerpt) for f in lint_text(text) if f.severity == "error"] == [
        (code, excerpt)
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Līdzfinansējums LVL 350, kas ir puse no 1 000 EUR budžeta.", []),
        ("Līdzfinansējums LVL 350, kas ir 498,01 EUR.", []),
        ("1. Pārvadājumi – 42 000 EUR. 2. Autobusa noma – 7 800 EUR. Kopā: 49 800 EUR.", []),
        ("Maksa 5 EUR. Kopā 2 grupās 10 EUR.", []),
        # LL §6.1: a date glued to a short word is spacing, not a misspelt month
        ("Lēmums stājas spēkā ar 2025. gada 1. janvāriun ir publicējams.", ["date-spacing"]),
    ],
)
def test_and_what_it_must_not_find(text: str, codes: list[str]) -> None:
    assert _codes(text) == codes

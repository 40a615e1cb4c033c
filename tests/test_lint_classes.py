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

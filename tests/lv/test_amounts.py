"""Amounts in figures and words. Expected values: ``latvian-language.md`` §2, §4,
§5, §10, §11, ``document-rules.md`` §2, and the seed annexes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annexgen.errors import LanguageError, UnknownWordError
from annexgen.lv import (
    STYLES,
    amount_to_words,
    format_amount,
    lvl_to_eur,
    parse_amount_words,
    to_money,
)

NBSP = "\u00a0"


# --- the seed annexes -------------------------------------------------------


def test_seed_000_total() -> None:
    # seed 000: "19 700.00 EUR (deviņpadsmit tūkstoši septiņi simti eiro)"
    assert amount_to_words("19700.00", cents="none") == "deviņpadsmit tūkstoši septiņi simti eiro"
    assert format_amount("19 700.00") == f"19{NBSP}700,00{NBSP}EUR"  # §5: decimal comma


def test_seed_001_total_and_its_wrong_words() -> None:
    # seed 001 writes 115 029.00 EUR as "simt vienpadsmit tūkstoši …" (§10): that reads 111 029.
    right = amount_to_words("115029.00", minor_word="eiro centi")
    assert right == "simt piecpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi"
    value, currency = parse_amount_words(
        "simt vienpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi"
    )
    assert (value, currency) == (Decimal("111029.00"), "EUR")
    assert value - Decimal("115029.00") == Decimal("-4000.00")


def test_seed_001_co_financing() -> None:
    # seed 001: "1000.00 EUR (viens tūkstotis eiro 00 eirocenti)"
    assert amount_to_words("1000.00", minor_word="eirocenti") == "viens tūkstotis eiro 00 eirocenti"
    assert parse_amount_words("viens tūkstotis eiro 00 eirocenti") == (Decimal("1000.00"), "EUR")


def test_seed_002_amount() -> None:
    # seed 002: "3 899,20 EUR"
    assert to_money("3 899,20") == Decimal("3899.20")
    assert format_amount("3 899,20") == f"3{NBSP}899,20{NBSP}EUR"
    # 20 ends the numeral with an indeclinable -desmit word: gen. pl. preferred (§2).
    assert amount_to_words("3899.20", cents="words") == (
        "trīs tūkstoši astoņi simti deviņdesmit deviņi eiro un divdesmit centu"
    )


def test_seed_003_lats() -> None:
    # seed 003: "LVL 1000 (viens tūkstotis latu) (EUR 1422,87)"
    assert amount_to_words("1000", "LVL", cents="none") == "viens tūkstotis latu"
    assert amount_to_words("1000", "LVL", cents="none", style="normative") == "tūkstotis latu"
    assert lvl_to_eur("1000") == Decimal("1422.87")


# --- §4, §10, §11 -------------------------------------------------------------


def test_vvc_pattern_with_cents_in_words() -> None:
    # §4: VVC 28 Jan 2014: "25,33 EUR (divdesmit pieci eiro un trīsdesmit trīs centi)"
    assert format_amount("25,33") == f"25,33{NBSP}EUR"
    assert (
        amount_to_words("25.33", cents="words") == "divdesmit pieci eiro un trīsdesmit trīs centi"
    )


def test_euro_spelling_for_legal_acts() -> None:
    # document-rules §2.3 / §4: "euro" in legal acts; S13 "viens simts piecdesmit euro un 00 centi"
    assert amount_to_words("150", spelling="euro", style="financial", minor_word="centi") == (
        "viens simts piecdesmit euro 00 centi"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # §10 expected validator results
        ("simt vienpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi", ("111029", "EUR")),
        ("deviņpadsmit tūkstoši septiņi simti eiro", ("19700", "EUR")),
        ("viens tūkstotis eiro 00 eirocenti", ("1000", "EUR")),
        ("viens tūkstotis latu", ("1000", "LVL")),
        ("divdesmit pieci eiro un trīsdesmit trīs centi", ("25.33", "EUR")),
        ("simtu viens eiro un 00 centi", ("101", "EUR")),
        ("viens simts piecdesmit euro un 00 centi", ("150", "EUR")),  # S13
        ("divdesmit viens lats un viens santīms", ("21.01", "LVL")),
        ("nulle eiro un deviņdesmit deviņi centi.", ("0.99", "EUR")),
    ],
)
def test_parse_amount_words(text: str, expected: tuple[str, str]) -> None:
    value, currency = parse_amount_words(text)
    assert (value, currency) == (Decimal(expected[0]), expected[1])


@pytest.mark.parametrize(
    "text",
    ["deviņpadsmit tūkstoši", "divi eiro trīs", "divi eiro 00", "divi eiro 123 centi"],
)
def test_parse_amount_words_rejects(text: str) -> None:
    with pytest.raises(LanguageError):
        parse_amount_words(text)


def test_parse_amount_words_names_unknown_word() -> None:
    with pytest.raises(UnknownWordError, match="devinpadsmit"):
        parse_amount_words("devinpadsmit eiro")


@pytest.mark.parametrize(
    ("lvl", "eur"),
    [  # §11 worked values
        ("1", "1.42"),
        ("10", "14.23"),
        ("100", "142.29"),
        ("500", "711.44"),
        ("700", "996.01"),
        ("1000", "1422.87"),
        ("5000", "7114.36"),
    ],
)
def test_lvl_to_eur(lvl: str, eur: str) -> None:
    assert lvl_to_eur(lvl) == Decimal(eur)


def test_lvl_to_eur_reverse_check() -> None:
    # §11: "1422,87 × 0,702804 = 999,9987 → 1000,00 LVL"
    eur = lvl_to_eur("1000")
    assert (eur * Decimal("0.702804")).quantize(Decimal("0.01")) == Decimal("1000.00")


# --- cents modes ------------------------------------------------------------


def test_cents_none_refuses_to_drop_money() -> None:
    with pytest.raises(LanguageError, match="cents"):
        amount_to_words("10.50", cents="none")


@pytest.mark.parametrize(
    ("amount", "expected"),
    [  # digits agree like any number (§2, §4): 00 → centu, 01 → cents, 02 → centi, 20 → centu
        ("5.00", "pieci eiro 00 centu"),
        ("5.01", "pieci eiro 01 cents"),
        ("5.02", "pieci eiro 02 centi"),
        ("5.11", "pieci eiro 11 centu"),
        ("5.20", "pieci eiro 20 centu"),
        ("5.21", "pieci eiro 21 cents"),
    ],
)
def test_cents_as_digits(amount: str, expected: str) -> None:
    assert amount_to_words(amount) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("21.01", "divdesmit viens lats un viens santīms"),
        ("2.11", "divi lati un vienpadsmit santīmu"),
        ("0.99", "nulle latu un deviņdesmit deviņi santīmi"),
        ("10.00", "desmit latu"),
    ],
)
def test_cents_in_words_lats(amount: str, expected: str) -> None:
    assert amount_to_words(amount, "LVL", cents="words") == expected


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("cents", ["digits", "words"])
@given(
    value=st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2, allow_nan=False),
    currency=st.sampled_from(["EUR", "LVL"]),
)
def test_amount_round_trip(style: str, cents: str, value: Decimal, currency: str) -> None:
    text = amount_to_words(value, currency, cents=cents, style=style)  # type: ignore[arg-type]
    assert parse_amount_words(text) == (value, currency)


# --- input validation ------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [
        ("19700", "19700.00"),
        ("19 700,00", "19700.00"),
        ("19\u00a0700.00", "19700.00"),
        ("19 700", "19700.00"),
        ("0,5", "0.50"),
        (Decimal("12.30"), "12.30"),
        (1000, "1000.00"),
    ],
)
def test_to_money_accepts(given_value: object, expected: str) -> None:
    assert str(to_money(given_value)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad",
    [
        1.5,  # float: inexact by nature (reliability §2.7)
        True,
        Decimal("NaN"),
        Decimal("Infinity"),
        "-5",
        Decimal("-0.01"),
        "1.234",  # > 2 decimals
        Decimal("2.675"),
        "1,000.00",  # two decimal marks: ambiguous
        "1.000,00",
        "10 00",
        "abc",
        "",
        10**12,
        "1000000000000",
        None,
    ],
)
def test_to_money_rejects(bad: object) -> None:
    with pytest.raises(LanguageError):
        to_money(bad)  # type: ignore[arg-type]


def test_amount_functions_reject_floats_and_unknown_currency() -> None:
    with pytest.raises(LanguageError, match="float"):
        amount_to_words(0.1)  # type: ignore[arg-type]
    with pytest.raises(LanguageError, match="unknown currency"):
        amount_to_words("1", "USD")
    with pytest.raises(LanguageError, match="unknown currency"):
        format_amount("1", "XXX")
    with pytest.raises(LanguageError, match="spelling"):
        amount_to_words("1", spelling="evro")
    with pytest.raises(LanguageError, match="unknown cents"):
        amount_to_words("1", cents="some")  # type: ignore[arg-type]


def test_language_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="negative"):
        to_money("-1")

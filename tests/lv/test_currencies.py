"""Agreement of the counted noun with the number: ``latvian-language.md`` §2."""

from __future__ import annotations

import pytest

from annexgen.lv import CURRENCIES, allowed_noun_forms, amount_to_words, noun_form

LATS = CURRENCIES["LVL"].major["lats"]
SANTIMS = CURRENCIES["LVL"].minor
CENTS = CURRENCIES["EUR"].minor

# §2 table: ends in 1 (not 11) → nom. sg.; 2–9 → nom. pl.; 0, 10–20, tens, 100, 1000 → gen. pl.
ENDINGS = [
    (1, "lats", "santīms", "cents"),
    (11, "latu", "santīmu", "centu"),
    (21, "lats", "santīms", "cents"),
    (101, "lats", "santīms", "cents"),
    (111, "latu", "santīmu", "centu"),
    (0, "latu", "santīmu", "centu"),
    (10, "latu", "santīmu", "centu"),
    (20, "latu", "santīmu", "centu"),
    (100, "latu", "santīmu", "centu"),
    (1000, "latu", "santīmu", "centu"),
    (21000, "latu", "santīmu", "centu"),  # §2 note: last word is the noun "tūkstotis"
    (2, "lati", "santīmi", "centi"),
    (22, "lati", "santīmi", "centi"),
    (115029, "lati", "santīmi", "centi"),
]


@pytest.mark.parametrize(("n", "lats", "santims", "cents"), ENDINGS)
def test_noun_agrees_with_last_word(n: int, lats: str, santims: str, cents: str) -> None:
    assert noun_form(n, LATS) == lats
    assert noun_form(n, SANTIMS) == santims
    assert noun_form(n, CENTS) == cents


@pytest.mark.parametrize(
    ("amount", "expected"),
    [  # §2 "answers to the specific questions"
        ("21", "divdesmit viens lats"),
        ("10", "desmit latu"),
        ("11", "vienpadsmit latu"),
        ("100", "simts latu"),
        ("1000", "viens tūkstotis latu"),
        ("0", "nulle latu"),
        ("21000", "divdesmit viens tūkstotis latu"),
    ],
)
def test_amounts_in_lats(amount: str, expected: str) -> None:
    assert amount_to_words(amount, "LVL", cents="none") == expected


def test_eiro_never_changes() -> None:
    # §2: eiro/euro are indeclinable.
    for n in (1, 2, 10, 21, 1000):
        assert amount_to_words(str(n), cents="none").endswith(" eiro")


@pytest.mark.parametrize(
    ("n", "last_word", "form", "ok"),
    [  # §2 table, last two columns
        (10, "desmit", "lati", True),  # indeclinable desmit: nom. pl. also correct
        (11, "vienpadsmit", "lati", True),
        (20, "divdesmit", "lati", True),
        (100, "simt", "lati", True),  # "simt lati" allowed
        (100, "simts", "lati", False),  # "simts lati" is wrong
        (1000, "tūkstotis", "lati", False),  # "tūkstotis lati" is wrong
        (1000, "tūkstoš", "lati", True),
        (1000, "tūkstotis", "latu", True),
        (0, "nulle", "lati", False),
        (21, "viens", "lati", False),  # "divdesmit viens lati" is wrong
        (21, "viens", "lats", True),
        (0, "00", "centi", True),  # §4: "00 centi" is common practice
        (0, "00", "centu", True),
    ],
)
def test_allowed_forms_for_validators(n: int, last_word: str, form: str, ok: bool) -> None:
    forms = CENTS if form.startswith("cent") else LATS
    assert (form in allowed_noun_forms(n, forms, last_word=last_word)) is ok

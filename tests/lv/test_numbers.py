"""Numbers in words. Expected values come from the shared research notes
``latvian-language.md`` (cited per row) and the seed annexes — not from the code."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annexgen.errors import LanguageError, UnknownWordError
from annexgen.lv import MAX_NUMBER, STYLES, number_to_words, words_to_number

# (n, style, words, source)
GOLDEN = [
    (0, "municipal", "nulle", "§1.1"),
    (1, "municipal", "viens", "§1.1"),
    (7, "municipal", "septiņi", "§1.1 short i"),
    (9, "municipal", "deviņi", "§1.1"),
    (10, "municipal", "desmit", "§1.1"),
    (11, "municipal", "vienpadsmit", "§1.1"),
    (14, "municipal", "četrpadsmit", "§1.1"),
    (16, "municipal", "sešpadsmit", "§1.1"),
    (19, "municipal", "deviņpadsmit", "§1.1"),
    (20, "municipal", "divdesmit", "§1.1"),
    (21, "municipal", "divdesmit viens", "§1.1, §2"),
    (35, "municipal", "trīsdesmit pieci", "§1.1"),
    (90, "municipal", "deviņdesmit", "§1.1"),
    (100, "municipal", "simts", "issue 2: simts alone"),
    (101, "municipal", "simt viens", "§1.3 (not num2words' 'simtu viens')"),
    (200, "municipal", "divi simti", "§1.1 financial texts"),
    (700, "municipal", "septiņi simti", "seed 000"),
    (1000, "municipal", "viens tūkstotis", "seed 001 'viens tūkstotis eiro', seed 003"),
    (2000, "municipal", "divi tūkstoši", "§1.2"),
    (11000, "municipal", "vienpadsmit tūkstoši", "§1.2"),
    (19700, "municipal", "deviņpadsmit tūkstoši septiņi simti", "seed 000"),
    (21000, "municipal", "divdesmit viens tūkstotis", "§1.2, §2 note"),
    (101000, "municipal", "simt viens tūkstotis", "§1.2"),
    (111000, "municipal", "simt vienpadsmit tūkstoši", "§1.2, seed 001"),
    (115029, "municipal", "simt piecpadsmit tūkstoši divdesmit deviņi", "§1.1, §10"),
    (2000000, "municipal", "divi miljoni", "§1.2"),
    (21000000, "municipal", "divdesmit viens miljons", "§1.2"),
    (
        999_999_999_999,
        "municipal",
        "deviņi simti deviņdesmit deviņi miljardi deviņi simti deviņdesmit deviņi miljoni "
        "deviņi simti deviņdesmit deviņi tūkstoši deviņi simti deviņdesmit deviņi",
        "§1.1",
    ),
    # §1.3 profile table
    (100, "normative", "simts", "§1.3"),
    (101, "normative", "simt viens", "§1.3"),
    (1000, "normative", "tūkstotis", "§1.3"),
    (115029, "normative", "simt piecpadsmit tūkstoši divdesmit deviņi", "§1.3"),
    (1000000, "normative", "miljons", "§1.3"),
    (100, "financial", "viens simts", "§1.3"),
    (101, "financial", "viens simts viens", "§1.3"),
    (1000, "financial", "viens tūkstotis", "§1.3"),
    (115029, "financial", "viens simts piecpadsmit tūkstoši divdesmit deviņi", "§1.3"),
    (1000000, "financial", "viens miljons", "§1.3"),
]


@pytest.mark.parametrize(("n", "style", "words", "source"), GOLDEN)
def test_golden(n: int, style: str, words: str, source: str) -> None:
    assert number_to_words(n, style=style) == words, source  # type: ignore[arg-type]
    assert words_to_number(words) == n


# §1.3 and §10 step 2: every variant a real document uses must parse.
VARIANTS = [
    ("simts", 100),
    ("simt", 100),
    ("viens simts", 100),
    ("simtu viens", 101),
    ("simts piecpadsmit", 115),
    ("divsimt", 200),
    ("četrsimt", 400),
    ("divi simti", 200),
    ("tūkstotis", 1000),
    ("tūkstoš", 1000),
    ("tūkstots", 1000),
    ("viens tūkstotis", 1000),
    ("desmit tūkstošu", 10000),
    ("divi simti tūkstošu", 200000),
    ("divtūkstoš trīspadsmit", 2013),
    ("tūkstoš deviņi simti deviņpadsmit", 1919),
    ("miljons", 1_000_000),
    ("divi miljonu", 2_000_000),
    ("Simt  Vienpadsmit\u00a0tūkstoši", 111000),
    ("  DEVIŅPADSMIT tūkstoši septiņi simti ", 19700),
    ("simt un viens", 101),
    ("simt vienpadsmit tūkstoši divdesmit deviņi", 111029),  # seed 001's wrong words
]


@pytest.mark.parametrize(("text", "n"), VARIANTS)
def test_parser_accepts_document_variants(text: str, n: int) -> None:
    assert words_to_number(text) == n


def test_parser_accepts_nfd_text() -> None:
    assert words_to_number(unicodedata.normalize("NFD", "deviņpadsmit tūkstoši")) == 19000


@pytest.mark.parametrize("style", STYLES)
def test_round_trip_every_number_below_a_million(style: str) -> None:
    for n in range(1_000_000):
        text = number_to_words(n, style=style)  # type: ignore[arg-type]
        if words_to_number(text) != n:  # pragma: no cover - failure path
            pytest.fail(f"{style}: {n} → {text!r} → {words_to_number(text)}")


@pytest.mark.parametrize("style", STYLES)
@given(n=st.integers(min_value=0, max_value=MAX_NUMBER - 1))
def test_round_trip_up_to_a_trillion(style: str, n: int) -> None:
    assert words_to_number(number_to_words(n, style=style)) == n  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["divi trīs", "simts simts", "tūkstotis tūkstotis", "vienpadsmit divi", "desmit divdesmit",
     "simti", "tūkstotis miljons", "nulle viens", "divi simti divi simti", ""],
)  # fmt: skip
def test_parser_rejects_sequences_that_are_not_numbers(text: str) -> None:
    with pytest.raises(LanguageError):
        words_to_number(text)


def test_unknown_word_is_named() -> None:
    # §10 step 2: a word without its diacritic is an error, not a guess.
    with pytest.raises(UnknownWordError) as info:
        words_to_number("devinpadsmit tūkstoši")
    assert info.value.word == "devinpadsmit"
    assert info.value.position == 0
    assert "devinpadsmit" in str(info.value)


@pytest.mark.parametrize("bad", [-1, MAX_NUMBER, 1.0, True, "12", None])
def test_number_to_words_rejects(bad: object) -> None:
    with pytest.raises(LanguageError):
        number_to_words(bad)  # type: ignore[arg-type]


def test_unknown_style() -> None:
    with pytest.raises(LanguageError, match="unknown style"):
        number_to_words(5, style="fancy")  # type: ignore[arg-type]

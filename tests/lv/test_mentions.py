"""Finding "figures (words)" pairs in running text: ``latvian-language.md`` §10."""

from __future__ import annotations

from decimal import Decimal

import pytest

from annexgen.lv import iter_amount_mentions
from tests.seeds import require_seeds


def test_seed_001_mismatch_is_found() -> None:
    # §10: "115 029.00 EUR (simt vienpadsmit tūkstoši …)" reads 111 029: MISMATCH, diff −4000.
    text = (
        "projekta kopējais finansējums – 115 029.00EUR (simt vienpadsmit tūkstoši divdesmit"
        " deviņi eiro 00 eiro centi). Daugavpils domes līdzfinansējums 2020.g. – 1000.00 EUR "
        " (viens tūkstotis eiro 00 eirocenti), līdzfinansējuma apjomu"
    )
    found = list(iter_amount_mentions(text))
    assert [(m.figure, m.words_value, m.currency, m.agrees) for m in found] == [
        (Decimal("115029.00"), Decimal("111029.00"), "EUR", False),
        (Decimal("1000.00"), Decimal("1000.00"), "EUR", True),
    ]
    assert found[0].text.startswith("115 029.00EUR (simt")


@pytest.mark.parametrize(
    ("text", "figure", "words_value", "currency"),
    [  # §10 expected validator results
        ("19 700.00 EUR (deviņpadsmit tūkstoši septiņi simti eiro)", "19700", "19700", "EUR"),
        ("LVL 1000 (viens tūkstotis latu) (EUR 1422,87)", "1000", "1000", "LVL"),
        ("25,33 EUR (divdesmit pieci eiro un trīsdesmit trīs centi)", "25.33", "25.33", "EUR"),
        ("101,00 (simtu viens eiro un 00 centi)", "101", "101", "EUR"),
        # VVC "25 (divdesmit pieci) eiro": the unit after the words names the currency
        ("25 (divdesmit pieci) eiro", "25", "25", "EUR"),
        ("10 € (desmit eiro)", "10", "10", "EUR"),
    ],
)
def test_documented_forms(text: str, figure: str, words_value: str, currency: str | None) -> None:
    (m,) = iter_amount_mentions(text)
    assert m.figure == Decimal(figure)
    assert m.words_value == Decimal(words_value)
    assert m.currency == currency
    assert m.agrees


@pytest.mark.parametrize(
    "text",
    [
        "Līdz 2018.gada 31. augustam (2 gadi)",  # seed 000: a duration, not an amount
        "Izglītības pārvalde (DPIP)",
        "vecumā no 13 - 25 gadiem (atbilstoši likumam)",
        "2014. – 2020.gadam (risk-free)",
    ],
)
def test_parentheses_that_are_not_amounts_are_ignored(text: str) -> None:
    assert list(iter_amount_mentions(text)) == []


def test_unreadable_words_are_reported() -> None:
    (m,) = iter_amount_mentions("100 EUR (simts devinpadsmit eiro)")
    assert m.words_value is None
    assert m.error is not None
    assert "devinpadsmit" in m.error
    assert not m.agrees


def test_currency_conflict_is_reported() -> None:
    (m,) = iter_amount_mentions("1000 EUR (viens tūkstotis latu)")
    assert m.error == "the figure is in EUR but the words say LVL"


def test_only_seed_001_disagrees() -> None:
    bad = []
    for seed in sorted(require_seeds().glob("*.txt")):
        for m in iter_amount_mentions(seed.read_text(encoding="utf-8")):
            if not m.agrees:
                bad.append((seed.name[:3], m.figure, m.words_value))
    assert bad == [("001", Decimal("115029.00"), Decimal("111029.00"))]

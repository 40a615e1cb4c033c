"""Dates in five cases: ``latvian-language.md`` §6, ``document-rules.md`` §1.4."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date as babel_format_date
from hypothesis import given
from hypothesis import strategies as st

from annexgen.errors import LanguageError
from annexgen.lv import CASES, MONTHS, format_date, iter_dates, parse_date

NBSP = "\u00a0"

# §6.3, copied row by row from the research notes' table.
TABLE_6_3 = """
janvāris janvāra janvārim janvāri janvārī
februāris februāra februārim februāri februārī
marts marta martam martu martā
aprīlis aprīļa aprīlim aprīli aprīlī
maijs maija maijam maiju maijā
jūnijs jūnija jūnijam jūniju jūnijā
jūlijs jūlija jūlijam jūliju jūlijā
augusts augusta augustam augustu augustā
septembris septembra septembrim septembri septembrī
oktobris oktobra oktobrim oktobri oktobrī
novembris novembra novembrim novembri novembrī
decembris decembra decembrim decembri decembrī
"""


def test_month_table_is_the_documented_one() -> None:
    rows = [tuple(line.split()) for line in TABLE_6_3.strip().splitlines()]
    assert list(MONTHS) == rows


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("case", CASES)
def test_every_month_in_every_case(month: int, case: str) -> None:
    form = TABLE_6_3.strip().splitlines()[month - 1].split()[CASES.index(case)]
    d = date(2024, month, 9)
    assert format_date(d, case) == f"2024.{NBSP}gada 9.{NBSP}{form}"  # type: ignore[arg-type]
    assert parse_date(format_date(d, case)) == (d, case)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("d", "case", "text"),
    [  # §6.1–6.2 and document-rules §1.4 examples
        (date(2013, 12, 5), "nominative", "2013. gada 5. decembris"),
        (date(2013, 12, 5), "genitive", "2013. gada 5. decembra"),  # "… sēdes"
        (date(2014, 1, 1), "genitive", "2014. gada 1. janvāra"),  # "no …"
        (date(2015, 9, 30), "dative", "2015. gada 30. septembrim"),  # "līdz …"
        (date(2014, 1, 1), "accusative", "2014. gada 1. janvāri"),  # "ar …"
        (date(2021, 2, 28), "accusative", "2021. gada 28. februāri"),  # "uz …"
        (date(2013, 12, 5), "locative", "2013. gada 5. decembrī"),
        (date(1918, 11, 18), "locative", "1918. gada 18. novembrī"),  # Urževica 2010
        (date(2018, 9, 4), "locative", "2018. gada 4. septembrī"),  # MK 558 heading
    ],
)
def test_documented_examples(d: date, case: str, text: str) -> None:
    assert format_date(d, case, nbsp=False) == text  # type: ignore[arg-type]
    assert format_date(d, case) == text.replace(". ", f".{NBSP}")  # type: ignore[arg-type]


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_nominative_agrees_with_babel(d: date) -> None:
    # §8: Babel's 'long' lv pattern is the nominative date line.
    ours = format_date(d, nbsp=False)
    assert ours == babel_format_date(d, "long", locale="lv").replace(NBSP, " ")


def test_no_leading_zero_on_the_day() -> None:
    assert format_date(date(2024, 3, 1), "genitive", nbsp=False) == "2024. gada 1. marta"


def test_legacy_unspaced_form_is_read() -> None:
    # document-rules §1.4: normalise the legacy "2013.gada 5.decembra".
    assert parse_date("2013.gada 5.decembra") == (date(2013, 12, 5), "genitive")
    mentions = list(iter_dates("Līdz 2021.gada 28.februārim un 2013. gada 5. decembra sēdes"))
    assert [(m.date, m.case, m.spaced) for m in mentions] == [
        (date(2021, 2, 28), "dative", False),
        (date(2013, 12, 5), "genitive", True),
    ]


def test_iter_dates_skips_impossible_dates() -> None:
    assert list(iter_dates("2024. gada 30. februārī")) == []


@pytest.mark.parametrize("bad", ["2013-12-05", "5. decembris", "2013. gada 5. decembris sēde", ""])
def test_parse_date_rejects(bad: str) -> None:
    with pytest.raises(LanguageError):
        parse_date(bad)


def test_format_date_rejects_bad_arguments() -> None:
    with pytest.raises(LanguageError, match="unknown case"):
        format_date(date(2024, 1, 1), "vocative")  # type: ignore[arg-type]
    with pytest.raises(LanguageError):
        format_date("2024-01-01")  # type: ignore[arg-type]

"""Latvian language core: numbers and amounts in words, dates in five cases.

Pure functions, no I/O. The rules and their sources are in the shared
research notes ``latvian-language.md``; :doc:`docs/latvian.md` lists the
styles and options.
"""

from __future__ import annotations

from annexgen.lv.amounts import (
    LVL_PER_EUR,
    CentsMode,
    amount_to_words,
    format_amount,
    lvl_to_eur,
    parse_amount_words,
    to_money,
)
from annexgen.lv.currencies import (
    CURRENCIES,
    Currency,
    NounForms,
    allowed_noun_forms,
    get_currency,
    noun_form,
    plural_category,
)
from annexgen.lv.dates import CASES, MONTHS, Case, DateMention, format_date, iter_dates, parse_date
from annexgen.lv.mentions import AmountMention, iter_amount_mentions
from annexgen.lv.names import initial, short_name
from annexgen.lv.numbers import MAX_NUMBER, STYLES, Style, number_to_words, words_to_number

__all__ = [
    "CASES",
    "CURRENCIES",
    "LVL_PER_EUR",
    "MAX_NUMBER",
    "MONTHS",
    "STYLES",
    "AmountMention",
    "Case",
    "CentsMode",
    "Currency",
    "DateMention",
    "NounForms",
    "Style",
    "allowed_noun_forms",
    "amount_to_words",
    "format_amount",
    "format_date",
    "get_currency",
    "initial",
    "iter_amount_mentions",
    "iter_dates",
    "lvl_to_eur",
    "noun_form",
    "number_to_words",
    "parse_amount_words",
    "parse_date",
    "plural_category",
    "short_name",
    "to_money",
    "words_to_number",
]

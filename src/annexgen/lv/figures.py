"""Numbers in tables: read as clerks type them, printed as Latvian documents print them.

Rules: ``docs/document-rules.md`` §2.1 — decimal comma, digits grouped by three
with a no-break space from 1 000 on, percent as ``21 %`` with a no-break space
(LVA: "skaitliskos daudzumos, kas norādīti procentos (10 %)"); dates in table
cells in the short form ``05.12.2013.`` (``latvian-language.md`` §6).

Why not Babel here: a table annex prints hundreds of figures, and Babel's
general formatter costs more than the rest of the render; the format is
fixed, so it is written out (and tested against Babel).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

from annexgen.errors import LanguageError

__all__ = [
    "TOTAL_WORDS",
    "format_number",
    "format_percent",
    "format_short_date",
    "is_total_label",
    "parse_number",
    "round_half_up",
]

_NBSP: Final = "\u00a0"
#: Digits grouped by spaces (plain, no-break, narrow no-break) or not at all, an
#: optional sign (hyphen or the minus sign), a decimal comma or point.
_NUMBER: Final = re.compile(
    r"(?P<sign>[-\u2212]?)\s*(?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](?P<frac>\d+))?"
)

#: Words that open the summary row of a Latvian table (document-rules §2.1 tables).
TOTAL_WORDS: Final = ("kopā", "pavisam", "kopsumma", "pavisam kopā")


def parse_number(text: str) -> Decimal:
    """``1 234,56``, ``1234.56``, ``−12,5``, ``1 500`` → an exact :class:`~decimal.Decimal`.

    The decimal mark is a comma or a point; digit groups are separated by
    spaces (as Excel on a Latvian Windows writes them, with U+00A0). A point
    *and* a comma together ("1.234,56") is refused rather than guessed.
    """
    stripped = unicodedata.normalize("NFC", text).strip()
    m = _NUMBER.fullmatch(stripped)
    if m is None:
        raise LanguageError(code="not-a-figure", params={"value": text})
    digits = re.sub(r"[ \u00a0\u202f]", "", m["int"])
    frac = m["frac"]
    try:
        value = Decimal(f"{digits}.{frac}" if frac is not None else digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise LanguageError(code="not-a-figure", params={"value": text}) from None
    return -value if m["sign"] else value


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round to ``places`` decimals, half away from zero, as accountants round."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int, places: int = 0) -> str:
    """``Decimal("1234.5"), 2`` → ``1 234,50`` (NBSP grouping, decimal comma).

    ``value`` must already have at most ``places`` decimals: a table prints
    what it computed, it never rounds on the way to the page.
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise LanguageError(code="not-a-figure", params={"value": str(value)})
    number = Decimal(value)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places and number != round_half_up(number, places):
        raise LanguageError(
            code="too-many-decimals", params={"value": str(value), "places": places}
        )
    text = f"{number:,.{places}f}"
    sign = ""
    if text.startswith("-"):
        sign, text = "\u2212", text[1:]
    return sign + text.replace(",", _NBSP).replace(".", ",")


def format_percent(value: Decimal | int, places: int | None = None) -> str:
    """``21`` → ``21 %``; ``12.5`` → ``12,5 %`` (no-break space before the sign)."""
    number = Decimal(value)
    if places is None:
        exponent = number.normalize().as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    return f"{format_number(number, places)}{_NBSP}%"


def format_short_date(d: date) -> str:
    """``05.12.2013.``: the short form tables use (latvian-language §6)."""
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}."


def is_total_label(text: str) -> bool:
    """Whether a cell opens a summary row: „Kopā”, „Kopā:”, „Pavisam kopā”, „KOPĀ” …"""
    words = " ".join(text.replace(_NBSP, " ").split()).rstrip(":").strip().lower()
    return words in TOTAL_WORDS or words.startswith(("kopā ", "pavisam "))

"""Dates the way Latvian official documents write them, in five cases.

Rules: ``docs/latvian-language.md`` §6 and ``docs/document-rules.md`` §1.4:
``2013. gada 5. decembra`` — year and day as ordinals (digits and a dot), a
no-break space after every dot, no leading zero, month in lower case and in
the case the sentence needs:

=========== ====================================== ============================
case        used after / for                       example
=========== ====================================== ============================
nominative  heading, date line                     2013. gada 5. decembris
genitive    "… sēdes", no, pēc, pirms, kopš         2013. gada 5. decembra sēdes
dative      līdz                                   līdz 2015. gada 30. septembrim
accusative  ar, uz, sākot ar                       ar 2014. gada 1. janvāri
locative    on the date ("kad?")                   2013. gada 5. decembrī
=========== ====================================== ============================

Babel has only the nominative month names (§8), so the 12×5 table is ours.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from annexgen.errors import LanguageError

__all__ = ["CASES", "MONTHS", "Case", "DateMention", "format_date", "iter_dates", "parse_date"]

Case = Literal["nominative", "genitive", "dative", "accusative", "locative"]
CASES: Final[tuple[Case, ...]] = ("nominative", "genitive", "dative", "accusative", "locative")

#: §6.3: month names, one row per month, columns in :data:`CASES` order.
MONTHS: Final[tuple[tuple[str, str, str, str, str], ...]] = (
    ("janvāris", "janvāra", "janvārim", "janvāri", "janvārī"),
    ("februāris", "februāra", "februārim", "februāri", "februārī"),
    ("marts", "marta", "martam", "martu", "martā"),
    ("aprīlis", "aprīļa", "aprīlim", "aprīli", "aprīlī"),
    ("maijs", "maija", "maijam", "maiju", "maijā"),
    ("jūnijs", "jūnija", "jūnijam", "jūniju", "jūnijā"),
    ("jūlijs", "jūlija", "jūlijam", "jūliju", "jūlijā"),
    ("augusts", "augusta", "augustam", "augustu", "augustā"),
    ("septembris", "septembra", "septembrim", "septembri", "septembrī"),
    ("oktobris", "oktobra", "oktobrim", "oktobri", "oktobrī"),
    ("novembris", "novembra", "novembrim", "novembri", "novembrī"),
    ("decembris", "decembra", "decembrim", "decembri", "decembrī"),
)

_NBSP: Final = "\u00a0"


def format_date(d: date, case: Case = "nominative", *, nbsp: bool = True) -> str:
    """``2013. gada 5. decembra`` in the requested case.

    ``nbsp=False`` uses plain spaces (the VVC recommends the no-break space so a
    date never breaks across lines, §6.1; plain spaces are for plain-text use).
    """
    if not isinstance(d, date):
        raise LanguageError(
            code="needs-type",
            params={"function": "format_date", "type": "datetime.date", "got": type(d).__name__},
        )
    try:
        column = CASES.index(case)
    except ValueError:
        raise LanguageError(
            code="unknown-option", params={"what": "case", "value": case, "options": list(CASES)}
        ) from None
    sp = _NBSP if nbsp else " "
    return f"{d.year}.{sp}gada {d.day}.{sp}{MONTHS[d.month - 1][column]}"


_FORM_TO_MONTH: Final[dict[str, tuple[int, Case]]] = {
    form: (month, CASES[column])
    for month, row in enumerate(MONTHS, start=1)
    for column, form in enumerate(row)
}
_SP = r"[ \u00a0\u202f]"
_DATE: Final = re.compile(
    rf"(?P<year>\d{{4}})\.(?P<sp1>{_SP}*)gada{_SP}+(?P<day>\d{{1,2}})\.(?P<sp2>{_SP}*)"
    rf"(?P<month>[a-zāčēģīķļņšūž]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in running text: where, which date, in which case, how spaced."""

    start: int
    end: int
    text: str
    date: date
    case: Case
    spaced: bool  # True when a space follows both ordinal dots (current style)


def iter_dates(text: str) -> Iterator[DateMention]:
    """Every ``YYYY. gada D. <month>`` in ``text``, including the legacy
    unspaced form ``2013.gada 5.decembra`` (document-rules §1.4), so validators
    can check the case and normalise the spacing. Impossible dates are skipped.
    """
    norm = unicodedata.normalize("NFC", text)
    for m in _DATE.finditer(norm):
        found = _FORM_TO_MONTH.get(m.group("month").lower())
        if found is None:
            continue
        month, case = found
        try:
            d = date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            continue
        spaced = bool(m.group("sp1")) and bool(m.group("sp2"))
        yield DateMention(m.start(), m.end(), m.group(), d, case, spaced)


def parse_date(text: str) -> tuple[date, Case]:
    """Read one date written in words (any case, either spacing) back.

    >>> parse_date("2013.gada 5.decembra")
    (datetime.date(2013, 12, 5), 'genitive')
    """
    norm = unicodedata.normalize("NFC", text).strip()
    for mention in iter_dates(norm):
        if mention.start == 0 and mention.end == len(norm):
            return mention.date, mention.case
    raise LanguageError(code="not-a-latvian-date", params={"value": text})

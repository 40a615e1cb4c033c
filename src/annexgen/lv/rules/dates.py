"""Rules on dates: the case a date takes, and the spaces inside it.

Rules: ``docs/latvian-language.md`` §6.1 (a space after every ordinal dot;
legacy ``2013.gada 5.decembra``), §6.2 (the case by context), §6.3 (the
month table); ``docs/document-rules.md`` §1.4.

§6.2 as the rules apply it:

* after ``līdz`` the date is dative, after ``no``/``pēc``/``pirms``/``kopš``
  genitive, after ``ar``/``uz``/``sākot ar`` accusative;
* a genitive date is also right after ``līdz``/``ar``/``uz`` when it
  describes the noun that follows ("līdz 2015. gada 30. septembra sēdei",
  "ar 2014. gada 1. janvāra lēmumu") — but not before a word that is no such
  noun ("līdz 2024. gada 31. maija ieskaitot", "… maija plkst. 12.00");
* a locative date is also right there when a participle follows ("ar
  2024. gada 12. martā pieņemto lēmumu": the date belongs to the participle);
* with no preposition, a date right before a noun it can describe must not be
  nominative, dative or accusative ("2013. gada 5. decembris sēdes" → genitive);
  a locative there says *when* ("2024. gada 12. martā domes zālē") and is right —
  unless the noun is a document and the date sits between its author and it or
  before its number ("domes … 27. aprīlī lēmumu Nr. 112" → genitive); after
  ``ar``/``uz`` a date before such a document is genitive too;
* a date that says *when* is locative: not another case before ``plkst.`` with
  no preposition, not a nominative or accusative after a verb of happening or a
  participle at the end of a clause ("notiks … 3. septembri." → "septembrī").

The month word itself (§6.1, §6.3): a misspelt month ("27. aprīla"), a capital
("12. Martā") and a day with a leading zero ("05. martā") are reported too.

Dates are found with or without the year ("16. aprīlim"), and a year alone
("līdz 2024. gadam") follows the same rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from annexgen.errors import Finding
from annexgen.lv.dates import CASES, MONTHS, Case
from annexgen.lv.mentions import Scan
from annexgen.lv.numbers import fold, one_edit_apart
from annexgen.lv.rules._base import finding
from annexgen.lv.tokens import DIGITS, WORD, Tokens
from annexgen.lv.words import (
    DOCUMENT_NOUNS,
    HEAD_NOUNS,
    NOT_ATTRIBUTE_HEADS,
    PREDICATE_VERBS,
    PREPOSITION_CASES,
    YEAR_FORMS,
    looks_like_participle,
)
from annexgen.messages import Param, Phrase

__all__ = ["check_dates", "date_tokens"]

_MONTH_FORMS: Final[dict[str, tuple[int, Case]]] = {
    form: (month, CASES[column])
    for month, row in enumerate(MONTHS, start=1)
    for column, form in enumerate(row)
}
_LONGEST_FIRST: Final = sorted(_MONTH_FORMS, key=len, reverse=True)
#: Short words a date is found glued to ("1. janvāriun"); longer tails are taken as
#: glued whatever they are ("12. martāplkst.").
_SHORT_WORDS: Final = frozenset({"un", "ar", "no", "uz", "ir", "kā", "līdz", "un,"})
_YEAR_BY_CASE: Final = {case: form for form, case in YEAR_FORMS.items()}


@dataclass(frozen=True, slots=True)
class _Date:
    """A date in the text: tokens ``first``…``last``, its parts, case and spacing."""

    first: int
    last: int
    start: int
    end: int  # end of the month word (or "gad…" word), without a glued tail
    year: int | None
    day: int | None
    month: int | None
    case: Case
    spaced: bool
    glued_tail: str  # "Nr" in "7.jūnijāNr."
    year_word: str  # "gada", "GADA" as written


def _month(word: str) -> tuple[str, int, Case, str] | None:
    """The month form ``word`` is, or starts with before a capital ("jūnijāNr")."""
    lowered = word.lower()
    found = _MONTH_FORMS.get(lowered)
    if found is not None:
        return lowered, found[0], found[1], ""
    if len(word) > 30:
        return None
    for form in _LONGEST_FIRST:
        if not lowered.startswith(form) or len(word) == len(form):
            continue
        tail = lowered[len(form) :]
        if word[len(form)].isupper() or len(tail) >= 3 or tail in _SHORT_WORDS:  # "martāplkst."
            month, case = _MONTH_FORMS[form]
            return form, month, case, word[len(form) :]
    return None


def _ordinal_at(tokens: Tokens, i: int, width: tuple[int, int]) -> bool:
    """Token ``i`` is digits of that width followed directly by a dot."""
    return (
        i + 1 < len(tokens)
        and tokens.kinds[i] == DIGITS
        and width[0] <= len(tokens.values[i]) <= width[1]
        and not tokens.values[i].startswith("0")
        and tokens.values[i + 1] == "."
        and tokens.glued(i + 1)
        and not (i and tokens.glued(i) and tokens.values[i - 1] in ".,")
    )


def _joined(tokens: Tokens, i: int) -> bool:
    return tokens.glued(i) or tokens.spaced(i)


def _day_month(tokens: Tokens, i: int) -> tuple[int, int, Case, str, bool, int] | None:
    """``D. <month>`` at token ``i``: day, month, case, tail, spaced, month token."""
    if not _ordinal_at(tokens, i, (1, 2)) or i + 2 >= len(tokens):
        return None
    m = i + 2
    if tokens.kinds[m] != WORD or not _joined(tokens, m):
        return None
    found = _month(tokens.values[m])
    if found is None:
        return None
    _, month, case, tail = found
    day = int(tokens.values[i])
    try:
        date(2000, month, day)  # a leap year: 29. februāris is a real day
    except ValueError:
        return None
    return day, month, case, tail, tokens.spaced(m), m


def _dates(tokens: Tokens) -> Iterator[_Date]:
    n = len(tokens)
    i = 0
    while i < n:
        if _ordinal_at(tokens, i, (4, 4)) and i + 2 < n and _joined(tokens, i + 2):
            word = tokens.lower[i + 2]
            year = int(tokens.values[i])
            spaced_year = tokens.spaced(i + 2)
            if word == "gada" and i + 3 < n and tokens.spaced(i + 3):
                found = _day_month(tokens, i + 3)
                if found is not None:
                    day, month, case, tail, spaced_day, m = found
                    try:
                        date(year, month, day)
                    except ValueError:
                        i = m + 1
                        continue
                    end = tokens.ends[m] - len(tail)
                    yield _Date(
                        i, m, tokens.starts[i], end, year, day, month, case,
                        spaced_year and spaced_day, tail, tokens.values[i + 2],
                    )  # fmt: skip
                    i = m + 1
                    continue
            if word in YEAR_FORMS:
                yield _Date(
                    i, i + 2, tokens.starts[i], tokens.ends[i + 2], year, None, None,
                    YEAR_FORMS[word], spaced_year, "", tokens.values[i + 2],
                )  # fmt: skip
                i += 3
                continue
        found = _day_month(tokens, i)
        if found is not None:
            day, month, case, tail, spaced_day, m = found
            end = tokens.ends[m] - len(tail)
            yield _Date(i, m, tokens.starts[i], end, None, day, month, case, spaced_day, tail, "")
            i = m + 1
            continue
        i += 1


def _written(d: _Date, case: Case) -> str:
    """The date in ``case`` with plain spaces (the suggestion to type in its place)."""
    if d.day is None:
        form = _YEAR_BY_CASE[case]
        return f"{d.year}. {form.upper() if d.year_word.isupper() else form}"
    assert d.month is not None
    month = MONTHS[d.month - 1][CASES.index(case)]
    day_month = f"{d.day}. {month}"
    if d.year is None:
        return day_month
    year_word = d.year_word if d.year_word.isupper() else "gada"
    if d.year_word.isupper():
        day_month = day_month.upper()
    return f"{d.year}. {year_word} {day_month}"


def _preposition(tokens: Tokens, d: _Date) -> tuple[int, Case] | None:
    """The preposition that governs the date (``līdz``, ``līdz pat``, ``sākot ar``)."""
    i = d.first - 1
    if i >= 0 and tokens.lower[i] == "pat" and tokens.spaced(i + 1):
        i -= 1
    if i < 0 or tokens.kinds[i] != WORD or not tokens.spaced(i + 1):
        return None
    case = PREPOSITION_CASES.get(tokens.lower[i])
    return None if case is None else (i, case)


def _next_word(tokens: Tokens, d: _Date) -> int | None:
    """The index of the word right after the date on its line, if a word follows."""
    if d.glued_tail:
        return None
    i = d.last + 1
    if i >= len(tokens) or not tokens.spaced(i):
        return None
    return i


def _describes(tokens: Tokens, i: int | None) -> bool:
    """The word at ``i`` can be what a genitive date describes: a noun, an adjective,
    a name, an ordinal ("… gada 1. ceturkšņa") — not "ieskaitot", "plkst.", a verb."""
    if i is None:
        return False
    if tokens.kinds[i] == DIGITS:
        return True
    if tokens.kinds[i] != WORD:
        return False
    word = tokens.lower[i]
    if word in HEAD_NOUNS or tokens.values[i][0].isupper():
        return True
    return not (
        word in NOT_ATTRIBUTE_HEADS
        or word.startswith("jā")  # debitive: "jāiesniedz"
        or (word.endswith("t") and len(word) > 3)  # infinitive, "ieskaitot"
    )


def _wrong_case(tokens: Tokens, d: _Date) -> tuple[str, Case] | None:
    """The word that wants another case, and that case; ``None`` when the case is right."""
    governed = _preposition(tokens, d)
    nxt = _next_word(tokens, d)
    document = nxt if nxt is not None and _names_a_document(tokens, nxt) else None
    if governed is not None:
        at, required = governed
        if (
            required == "accusative"
            and d.case != "genitive"
            and document is not None
            and _after_ar(tokens.lower[document])  # not "ar 1. janvāri līgums tiek pagarināts"
        ):
            return tokens.values[document], "genitive"  # "ar … 5. martu rīkojumu" → "5. marta"
        if d.case == required:
            return None
        oblique = required in ("dative", "accusative")
        if d.case == "genitive" and oblique and _describes(tokens, nxt):
            return None
        if (
            d.case == "locative"
            and required in ("dative", "accusative")
            and nxt is not None
            and looks_like_participle(tokens.values[nxt])
        ):
            return None
        return tokens.values[at], required
    if (
        nxt is not None
        and tokens.kinds[nxt] == WORD
        and tokens.values[nxt][0].islower()
        and tokens.lower[nxt] in HEAD_NOUNS
        and d.case in ("nominative", "dative", "accusative")
    ):
        return tokens.values[nxt], "genitive"
    if d.case == "locative" and document is not None and _attribute_context(tokens, d):
        return tokens.values[document], "genitive"  # "domes … 27. aprīlī lēmumu Nr. 112"
    if d.case != "locative" and nxt is not None and tokens.lower[nxt] in ("plkst", "pulksten"):
        return tokens.values[nxt], "locative"  # "notiks … 7. novembra (14. martu) plkst. 10.00"
    if (
        d.case in ("nominative", "accusative")
        and _after_a_verb(tokens, d)
        and _ends_clause(tokens, d)
    ):  # "pieņemts 2024. gada 29. februāris.", "notiks … 3. septembri."
        return tokens.values[d.first - 1], "locative"
    return None


def _names_a_document(tokens: Tokens, i: int) -> bool:
    return (
        tokens.kinds[i] == WORD
        and tokens.values[i][0].islower()
        and tokens.lower[i] in DOCUMENT_NOUNS
    )


def _after_ar(noun: str) -> bool:
    """The form a noun takes after "ar"/"uz" (accusative singular, dative plural):
    "ar … lēmumu", "ar … noteikumiem", "ar … pavēli" — not a new clause's subject."""
    return noun.endswith(("u", "iem", "ēm")) or noun in ("pavēli", "vēstuli", "sēdi")


def _attribute_context(tokens: Tokens, d: _Date) -> bool:
    """The date sits between an author and a numbered document: "domes … lēmumu",
    "… lēmumu Nr. 112" — not a "when" before a noun phrase ("12. martā domes zālē")."""
    before = d.first - 1
    if before >= 0 and tokens.kinds[before] == WORD and tokens.lower[before] in _AUTHORS:
        return True
    after = d.last + 2
    return after < len(tokens) and tokens.lower[after] == "nr"


#: Who adopts what a date names, in the genitive ("domes 2023. gada … lēmums").
_AUTHORS: Final = frozenset(
    {"domes", "padomes", "komitejas", "komisijas", "valdes", "pārvaldes", "ministrijas",
     "sēdes", "kopsapulces", "sapulces", "priekšsēdētāja", "izpilddirektora", "vadītāja"}
)  # fmt: skip


def _after_a_verb(tokens: Tokens, d: _Date) -> bool:
    before = d.first - 1
    if before < 0 or tokens.kinds[before] != WORD or not tokens.spaced(d.first):
        return False
    word = tokens.lower[before]
    participle = word.endswith(("ts", "ta", "ti", "tas")) and looks_like_participle(word)
    return word in PREDICATE_VERBS or participle


def _ends_clause(tokens: Tokens, d: _Date) -> bool:
    nxt = d.last + 1
    return nxt >= len(tokens) or tokens.values[nxt] in (".", ",", ";", ")")


def date_tokens(tokens: Tokens) -> set[int]:
    """The indexes of every token inside a date (other rules leave them to these)."""
    return {i for d in _dates(tokens) for i in range(d.first, d.last + 1)}


#: The message code that names each case ("datīvā" is the catalog's, not ours).
_CASE_WORD: Final[dict[Case, str]] = {
    "nominative": "case-nominative",
    "genitive": "case-genitive",
    "dative": "case-dative",
    "accusative": "case-accusative",
    "locative": "case-locative",
}


_FOLDED_MONTHS: Final = {fold(form): form for form in _MONTH_FORMS}


def _near_month(word: str) -> str | None:
    """The month form ``word`` was meant to be: ``aprīla`` → ``aprīļa``, ``marta`` ✓."""
    folded = fold(word)
    if folded in _FOLDED_MONTHS:
        return _FOLDED_MONTHS[folded]
    if len(folded) < 5 or len(folded) > 12:
        return None
    near = {
        form
        for f, form in _FOLDED_MONTHS.items()
        if one_edit_apart(folded, f) or _swapped(folded, f)
    }
    return near.pop() if len(near) == 1 else None


def _swapped(a: str, b: str) -> bool:
    """Two neighbouring letters swapped: ``feburārī`` for ``februārī``."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and (a[diff[1]] == b[diff[0]])
    )


def _month_words(tokens: Tokens) -> Iterator[Finding]:
    """The month word of a date as written: misspelt ("27. aprīla"), capitalised
    ("12. Martā"), after a day with a leading zero ("05. martā")."""
    text = tokens.text
    for i in range(len(tokens) - 2):
        day = tokens.values[i]
        if tokens.kinds[i] != DIGITS or len(day) > 2 or day in {"0", "00"}:
            continue
        m = i + 2
        if tokens.values[i + 1] != "." or not tokens.glued(i + 1) or not tokens.spaced(m):
            continue
        if tokens.kinds[m] != WORD or (i and tokens.glued(i) and tokens.values[i - 1] in ".,"):
            continue
        word = tokens.values[m]
        lowered = word.lower()
        if lowered in _MONTH_FORMS:
            if day.startswith("0"):
                yield finding(
                    "date-leading-zero", text, tokens.starts[i], tokens.ends[m],
                    suggestion=f"{int(day)}. {word}",
                )  # fmt: skip
            if word[0].isupper() and not word.isupper() and not _all_caps_year(tokens, i):
                yield finding(
                    "month-capital", text, tokens.starts[m], tokens.ends[m], suggestion=lowered
                )
            continue
        year = i >= 3 and tokens.lower[i - 1] == "gada" and tokens.values[i - 2] == "."
        if not year or _month(word) is not None:
            continue
        meant = _near_month(lowered)
        if meant is not None and meant != lowered:
            yield finding(
                "month-spelling", text, tokens.starts[m], tokens.ends[m], {"word": word},
                meant,
            )  # fmt: skip


def _all_caps_year(tokens: Tokens, i: int) -> bool:
    """ "2021. GADA 12. Martā" is not the case here; "… GADA …" written in capitals is."""
    return i >= 1 and tokens.values[i - 1].isupper()


def check_dates(scan: Scan) -> Iterator[Finding]:
    """Every date finding of one text, from its scan."""
    tokens = scan.tokens
    text = tokens.text
    yield from _month_words(tokens)
    for d in _dates(tokens):
        wrong = _wrong_case(tokens, d)
        if wrong is not None:
            word, required = wrong
            params: dict[str, Param] = {  # case names are words of the message: its catalog
                "word": word, "required": Phrase(_CASE_WORD[required]),
                "found": Phrase(_CASE_WORD[d.case]),
            }  # fmt: skip
            yield finding("date-case", text, d.start, d.end, params, _written(d, required))
            continue
        if not d.spaced or d.glued_tail:
            end = d.end + len(d.glued_tail)
            suggestion = _written(d, d.case) + (f" {d.glued_tail}" if d.glued_tail else "")
            yield finding("date-spacing", text, d.start, end, suggestion=suggestion)

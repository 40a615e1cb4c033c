"""Rules on amounts: words vs figures, currencies, LVL→EUR, how figures are written.

Rules: ``docs/latvian-language.md`` §10 (compare the words with the figure,
report the difference and the group), §11 (EUR = LVL ÷ 0,702804, half up),
§5 and ``docs/document-rules.md`` §2.1–2.2 (decimal comma, the unit after
the amount). The amounts themselves are found by :mod:`annexgen.lv.mentions`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from annexgen.errors import Finding, LanguageError
from annexgen.lv.amounts import CentsMode, amount_to_words, lvl_to_eur
from annexgen.lv.currencies import get_currency, noun_form
from annexgen.lv.mentions import AmountMention, Scan
from annexgen.lv.numbers import (
    FEMININE_UNITS,
    OBLIQUE_UNITS,
    Style,
    number_to_words,
    oblique_like,
)
from annexgen.lv.rules._base import finding
from annexgen.lv.tokens import DIGITS, WORD
from annexgen.lv.words import CURRENCY_SIGNS, PERCENT_NOUN, currency_of_word
from annexgen.messages import Param, Phrase

__all__ = ["amount_words_params", "check_amounts", "suggest_words"]

_GROUPS: Final = (
    ("group-milliards", 10**9),
    ("group-millions", 10**6),
    ("group-thousands", 10**3),
    ("group-units", 1),
)


def amount_words_params(figure: Decimal, words_value: Decimal) -> dict[str, Param]:
    """Params of an ``amount-words`` finding: both values, the difference, the groups.

    latvian-language §10 step 3: report the difference *and* the three-digit
    group in which it occurs, most significant first, cents last.
    """
    groups: list[Phrase] = []
    for code, scale in _GROUPS:
        a, b = int(figure) // scale % 1000, int(words_value) // scale % 1000
        if a != b:
            groups.append(Phrase(code, {"figure": a, "words": b}))
    fa, fb = int(figure * 100) % 100, int(words_value * 100) % 100
    if fa != fb:
        groups.append(Phrase("group-cents", {"figure": f"{fa:02d}", "words": f"{fb:02d}"}))
    return {
        "figure": figure,
        "words_value": words_value,
        "difference": words_value - figure,
        "groups": groups,
    }


_SCALE_WORDS: Final = frozenset(
    {"tūkstotis", "tūkstoši", "tūkstošu", "miljons", "miljoni", "miljonu", "miljards",
     "miljardi", "miljardu"}
)  # fmt: skip
_SINGULAR_SCALES: Final = frozenset({"tūkstotis", "miljons", "miljards"})
_FEMININE: Final = frozenset(FEMININE_UNITS[1:]) - {"trīs"}


def _style_of(words: Sequence[str]) -> Style:
    """The §1.3 profile the document writes in, so a suggestion reads like its text."""
    lowered = [w.lower() for w in words]
    if any(a == "viens" and b == "simts" for a, b in itertools.pairwise(lowered)):
        return "financial"
    for i, word in enumerate(lowered):
        bare = i == 0 or lowered[i - 1] in _SCALE_WORDS
        if word in _SINGULAR_SCALES and bare:
            return "normative"  # "tūkstotis" without "viens"
    return "municipal"


def _feminine(words: str) -> str:
    """The last unit word in its feminine form: "divdesmit divi" → "divdesmit divas"."""
    *head, last = words.split()
    if last in FEMININE_UNITS or last not in _MASCULINE_TO_FEMININE:
        return words
    return " ".join([*head, _MASCULINE_TO_FEMININE[last]])


_MASCULINE_TO_FEMININE: Final = dict(
    zip(("viens", "divi", "četri", "pieci", "seši", "septiņi", "astoņi", "deviņi"),
        ("viena", "divas", "četras", "piecas", "sešas", "septiņas", "astoņas", "deviņas"),
        strict=True)
)  # fmt: skip


def _count_words(m: AmountMention, style: Style) -> str | None:
    """The words for a percentage or count figure, in the words' own form."""
    if m.figure != int(m.figure) or not 0 <= m.figure < 10**12:
        return None
    whole = int(m.figure)
    words = number_to_words(whole, style=style)
    if m.reading is not None and _FEMININE.intersection(m.reading.number_words):
        words = _feminine(words)
    written_last = m.words.split()[-1].lower()
    if written_last in OBLIQUE_UNITS:  # "4 (piecās) pašvaldībās" → "četrās"
        *head, last = words.split()
        indeclinable = last.endswith(("desmit", "padsmit"))  # "divdesmit" in every case
        inflected = last if indeclinable else oblique_like(last, written_last)
        if inflected is None:
            return None
        words = " ".join([*head, inflected])
    if m.unit == "percent" and m.reading is not None and m.reading.unit == "percent":
        written = m.words.split()[-1].lower()
        if written in PERCENT_NOUN.all():
            words += " " + noun_form(whole, PERCENT_NOUN)
        elif written == "%":
            words += " %"
    return words


def suggest_words(m: AmountMention) -> str | None:
    """The words rewritten for the figure, keeping the document's wording where it can.

    EUR nouns never change (§2), so the cents tail as written ("eiro 00 eiro
    centi") is kept when its cents are right; otherwise the whole amount is
    spelt again in the document's style and cents mode.
    """
    raw = m.words.split()
    reading = m.reading
    style = _style_of(reading.number_words if reading is not None else raw)
    if m.unit != "money" or (reading is not None and reading.unit != "money"):
        if reading is not None and reading.unit == "money":
            return None
        return _count_words(m, style)
    try:
        cur = get_currency(m.currency or "EUR")
        figure = m.figure.quantize(Decimal("0.01"))
        whole = int(figure)
        minor = int((figure - whole) * 100)
        if whole >= 10**12:
            return None
        major_at = next(
            (i for i, w in enumerate(raw) if currency_of_word(w.strip(",.")) is not None), None
        )
        if major_at is None:
            return number_to_words(whole, style=style) if not minor else None
        words_value = m.words_value
        cents_right = words_value is not None and words_value % 1 == figure % 1
        if cents_right and cur.code == "EUR" and raw[major_at].lower() not in CURRENCY_SIGNS:
            return " ".join([number_to_words(whole, style=style), *raw[major_at:]])
        tail = [w.lower() for w in raw[major_at + 1 :]]
        cents: CentsMode = "words"
        if reading is not None and reading.cents != "none":
            cents = reading.cents
        elif any(w.isdigit() for w in tail):
            cents = "digits"
        elif not tail and not minor:
            cents = "none"
        spelling = raw[major_at].lower() if raw[major_at].lower() in cur.major else None
        minor_word = None
        if cents == "digits" and reading is not None and reading.minor_word and cur.code == "EUR":
            written = reading.minor_word
            if written.lower() not in cur.minor.all():  # "eiro centi", "eirocenti": house style
                minor_word = written
        return amount_to_words(
            figure, cur.code, cents=cents, style=style, spelling=spelling, minor_word=minor_word
        )
    except LanguageError:
        return None


def _words_of(scan: Scan) -> Iterator[Finding]:
    text = scan.tokens.text
    for m in scan.mentions:
        if m.unreadable is not None:
            u = m.unreadable
            yield finding(
                "amount-words-unreadable", text, u.start, u.end, {"reason": u.why},
                suggest_words(m),
            )  # fmt: skip
            continue
        if m.why is not None:
            yield finding("amount-currency", text, m.start, m.end, {"reason": m.why})
        if not m.agrees and m.words_value is not None:
            yield finding(
                "amount-words", text, m.words_start, m.words_end,
                amount_words_params(m.figure, m.words_value), suggest_words(m),
            )  # fmt: skip


def _written_like(value: Decimal, written: str, grouped: str) -> str:
    """``value`` with the decimal mark and grouping ``written`` uses."""
    whole, _, cents = f"{value:.2f}".partition(".")
    if grouped:
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = grouped.join([whole, *groups])
    mark = "." if "." in written and "," not in written else ","
    return f"{whole}{mark}{cents}"


def _equivalents(scan: Scan) -> Iterator[Finding]:
    text = scan.tokens.text
    for eq in scan.equivalents:
        try:
            expected = lvl_to_eur(eq.lvl)
        except LanguageError:
            continue
        if eq.eur != expected:
            grouped = next((c for c in eq.eur_written if c in " \u00a0\u202f\u2009"), "")
            params: dict[str, Param] = {"lvl": eq.lvl, "expected": expected, "eur": eq.eur}
            yield finding(
                "lvl-eur-rate", text, eq.eur_start, eq.eur_end, params,
                _written_like(expected, eq.eur_written, grouped),
            )  # fmt: skip


def _figures(scan: Scan) -> Iterator[Finding]:
    """``19 700.00 EUR`` (decimal point) and ``EUR 11 354 188,46 EUR`` (the code twice)."""
    tokens = scan.tokens
    text = tokens.text
    n = len(tokens)
    for fig in scan.figures.values():
        after = fig.last + 1
        unit_after = None
        if after < n and tokens.near(after):
            word = tokens.lower[after]
            if currency_of_word(word) is not None and (tokens.kinds[after] == WORD or word == "€"):
                unit_after = after
        before = fig.first - 1
        code_before = None
        if before >= 0 and tokens.near(fig.first) and tokens.lower[before] in CURRENCY_SIGNS:
            code_before = before
        whole_written = text[fig.start : fig.end - len(fig.decimals) - len(fig.mark)]
        number = f"{whole_written},{fig.decimals}" if fig.mark else whole_written
        decimal_point = fig.mark == "." and len(fig.decimals) == 2  # its fix adds the space
        if (
            after < n
            and tokens.glued(after)
            and not fig.ordinal
            and tokens.kinds[after] != DIGITS
            and (
                text[tokens.starts[after]] == "%" or (unit_after is not None and not decimal_point)
            )
        ):
            unit = tokens.values[after]
            yield finding(
                "unit-spacing", text, fig.start, tokens.ends[after],
                suggestion=f"{text[fig.start : fig.end]} {unit}",
            )  # fmt: skip
        if (
            unit_after is not None
            and after + 1 < n
            and tokens.spaced(after + 1)
            and tokens.kinds[after + 1] == WORD
            and currency_of_word(tokens.lower[after + 1]) == currency_of_word(tokens.lower[after])
        ):
            written = text[fig.start : fig.end]
            yield finding(
                "currency-twice", text, fig.start, tokens.ends[after + 1],
                suggestion=f"{written} {tokens.values[after]}",
            )  # fmt: skip
            continue
        if (
            code_before is not None
            and unit_after is not None
            and currency_of_word(tokens.lower[code_before])
            == currency_of_word(tokens.lower[unit_after])
        ):
            written = text[fig.start : fig.end]
            yield finding(
                "currency-twice", text, tokens.starts[code_before], tokens.ends[unit_after],
                suggestion=f"{written} {tokens.values[unit_after]}",
            )  # fmt: skip
            continue
        if fig.mark != "." or len(fig.decimals) != 2:
            continue
        if unit_after is not None:
            yield finding(
                "decimal-point", text, fig.start, tokens.ends[unit_after],
                suggestion=f"{number} {tokens.values[unit_after]}",
            )  # fmt: skip
        elif code_before is not None:
            yield finding(
                "decimal-point", text, tokens.starts[code_before], fig.end,
                suggestion=f"{tokens.values[code_before]} {number}",
            )  # fmt: skip


def check_amounts(scan: Scan) -> Iterator[Finding]:
    """Every amount finding of one text, from its scan."""
    yield from _words_of(scan)
    yield from _equivalents(scan)
    yield from _figures(scan)

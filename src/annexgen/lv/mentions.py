"""Find "figures (words)" amounts in running text and check that they agree.

Rules: ``docs/latvian-language.md`` §10 (validator design). Real annexes write
amounts as ``115 029.00EUR (simt vienpadsmit tūkstoši … eiro 00 eiro centi)``
or, in the older code-first style, ``LVL 1000 (viens tūkstotis latu)``. Both
the cross-checks of the YAML models and the document linter need to find such
pairs and compare the figure with the words; this is the one place that does it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from annexgen.errors import LanguageError
from annexgen.lv.amounts import FIGURE_START, MAJOR_WORDS, parse_amount_words, to_money
from annexgen.lv.numbers import words_to_number

__all__ = ["AmountMention", "iter_amount_mentions"]

_FIG = rf"{FIGURE_START}\d+(?:[ \u00a0\u202f]\d{{3}})*(?:[.,]\d{{1,2}})?(?![\d])"
_CODE = r"EUR|LVL|€"
_MENTION: Final = re.compile(
    rf"(?:(?P<code1>{_CODE})[ \u00a0]*(?P<fig1>{_FIG})"
    rf"|(?P<fig2>{_FIG})[ \u00a0]*+(?P<code2>{_CODE})?)"
    rf"[ \u00a0]*\((?P<words>[^()]*)\)"
)
_FIRST_WORD: Final = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class AmountMention:
    """An amount written in figures followed by words in parentheses.

    ``words_value`` is what the words say (``None`` with ``error`` set when
    they cannot be read); ``agrees`` is the §10 step-3 comparison.
    """

    start: int
    end: int
    text: str
    figure: Decimal
    currency: str | None  # from the code or, failing that, from the words
    words: str
    words_value: Decimal | None
    error: str | None

    @property
    def agrees(self) -> bool:
        return self.words_value is not None and self.words_value == self.figure


def _looks_like_number_words(words: str) -> bool:
    first = _FIRST_WORD.search(words)
    if first is None:
        return False
    token = first.group().lower()
    try:
        words_to_number(token)
    except LanguageError:
        return token == "nulle"
    return True


def iter_amount_mentions(text: str) -> Iterator[AmountMention]:
    """Every ``figure [code] (words)`` pair in ``text`` whose words are a number.

    Parentheses that do not start with a number word (``(2 gadi)``, ``(DPIP)``)
    are not amounts and are skipped. Words that start like a number but cannot
    be read (``devinpadsmit …``) are reported with ``error`` set.
    """
    for m in _MENTION.finditer(text):
        words = m.group("words").strip()
        if not _looks_like_number_words(words):
            continue
        raw_figure = m.group("fig1") or m.group("fig2")
        code = m.group("code1") or m.group("code2")
        try:
            figure = to_money(raw_figure)
        except LanguageError:
            continue
        currency = "EUR" if code == "€" else code
        value: Decimal | None = None
        error: str | None = None
        try:
            if any(w.lower().strip(",.") in MAJOR_WORDS for w in words.split()):
                value, words_currency = parse_amount_words(words)
                currency = currency or words_currency
                if code and words_currency != currency:
                    error = f"figure is in {currency} but the words say {words_currency}"
            else:
                value = Decimal(words_to_number(words)).quantize(Decimal("0.01"))
        except LanguageError as err:
            value, error = None, str(err)
        yield AmountMention(m.start(), m.end(), m.group(), figure, currency, words, value, error)

"""Money amounts: in figures, in words, parsed back, and lats converted to euro.

Rules: ``docs/latvian-language.md`` §4 (cents), §5 (figures), §10 (parsing the
words of real documents), §11 (LVL→EUR); ``docs/document-rules.md`` §2.1–2.2
(decimal comma, NBSP grouping, code after the amount).

Money is :class:`~decimal.Decimal`, never ``float``: a float cannot hold
``0.1`` exactly, and ``num2words`` shows where that leads ("kvadriljoni").
An ``int`` is a whole number of euros (never cents, unlike num2words).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Final, Literal

from babel.numbers import format_decimal

from annexgen.errors import LanguageError
from annexgen.lv.currencies import CURRENCIES, Currency, get_currency, noun_form
from annexgen.lv.numbers import MAX_NUMBER, Style, number_to_words, words_to_number

__all__ = [
    "LVL_PER_EUR",
    "CentsMode",
    "amount_to_words",
    "format_amount",
    "lvl_to_eur",
    "parse_amount_words",
    "to_money",
]

CentsMode = Literal["none", "digits", "words"]

#: Council Regulation (EU) No 870/2013: 1 EUR = 0,702804 LVL (§11). Never inverted.
LVL_PER_EUR: Final = Decimal("0.702804")

_CENT: Final = Decimal("0.01")

# ASCII digits only: Decimal() also reads "1٠5" (an Arabic-Indic zero that looks like a
# dot) as 105, a silent change of the amount (issue 17).
_MONEY_TEXT: Final = re.compile(
    r"-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?", re.ASCII
)


def to_money(amount: Decimal | str | int) -> Decimal:
    """Validate and normalise an amount to a ``Decimal`` with exactly 2 places.

    Accepts ``Decimal``, ``int`` (whole units) and strings written the way
    Latvian documents and clerks write them: ``"19700"``, ``"19 700,00"``,
    ``"19 700.00"`` (NBSP or space grouping, decimal comma or point).
    Rejects ``float`` and ``bool`` (a float is already inexact), NaN/infinity,
    negative amounts, more than two decimals and amounts ≥ 10**12.
    """
    if isinstance(amount, bool | float):
        raise LanguageError(code="money-float", params={"value": repr(amount)})
    if isinstance(amount, int):
        value = Decimal(amount)
    elif isinstance(amount, Decimal):
        value = amount
    elif isinstance(amount, str):
        value = _parse_money_text(amount)
    else:
        raise LanguageError(code="money-type", params={"type": type(amount).__name__})
    if not value.is_finite():
        raise LanguageError(code="amount-not-a-number", params={"value": str(amount)})
    if value < 0 or value.is_signed():  # "-0" too: it printed as "-0,00 EUR (nulle eiro)"
        raise LanguageError(code="amount-negative", params={"value": str(amount)})
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise LanguageError(code="amount-decimals", params={"value": str(amount)})
    if value >= MAX_NUMBER:
        raise LanguageError(code="amount-too-large", params={"value": str(amount)})
    return value.quantize(_CENT)


def _parse_money_text(text: str) -> Decimal:
    stripped = unicodedata.normalize("NFC", text).strip()
    if not _MONEY_TEXT.fullmatch(stripped):
        raise LanguageError(code="not-an-amount", params={"value": text})
    plain = re.sub(r"[ \u00a0\u202f]", "", stripped).replace(",", ".")
    try:
        return Decimal(plain)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        raise LanguageError(code="not-an-amount", params={"value": text}) from None


def format_amount(amount: Decimal | str | int, currency: str = "EUR", *, code: bool = True) -> str:
    """Figures as Latvian documents print them: ``19 700,00 EUR``.

    Decimal comma, thousands grouped with NBSP, the code after the amount with
    an NBSP (document-rules §2.1–2.2). ``code=False`` gives just the number.
    """
    value = to_money(amount)
    cur = get_currency(currency)
    number = format_decimal(value, format="#,##0.00", locale="lv")
    return f"{number}\u00a0{cur.code}" if code else number


def amount_to_words(
    amount: Decimal | str | int,
    currency: str = "EUR",
    *,
    cents: CentsMode = "digits",
    style: Style = "municipal",
    spelling: str | None = None,
    minor_word: str | None = None,
) -> str:
    """An amount in words, with the counted nouns in agreement (§2, §4).

    * ``cents="none"``: only the whole part and its noun (``tūkstotis latu``);
      refused when the amount has cents, so money is never dropped silently.
    * ``cents="digits"`` (default): the minor part as two digits after the
      major noun: ``… eiro 00 centu`` (§4 practice: "… euro un 00 centi").
    * ``cents="words"``: the VVC pattern ``… eiro un trīsdesmit trīs centi``;
      zero cents are left out (``divdesmit pieci eiro``).

    ``spelling`` picks a spelling of the major unit (EUR: ``"eiro"`` default,
    ``"euro"`` for legal acts). ``minor_word`` overrides the minor noun after
    digits, to reproduce a house style verbatim (``"eiro centi"``, ``"eirocenti"``);
    by default it agrees with the number (``00 centu``, ``01 cents``, ``02 centi``).
    """
    value = to_money(amount)
    cur = get_currency(currency)
    whole = int(value)
    minor = int((value - whole) * 100)
    words = f"{number_to_words(whole, style=style)} {noun_form(whole, cur.major_forms(spelling))}"
    if cents == "none":
        if minor:
            raise LanguageError(code="amount-has-cents", params={"value": value})
        return words
    if cents == "digits":
        return f"{words} {minor:02d} {minor_word or noun_form(minor, cur.minor)}"
    if cents == "words":
        if not minor:
            return words
        return f"{words} un {number_to_words(minor, style=style)} {noun_form(minor, cur.minor)}"
    raise LanguageError(
        code="unknown-option",
        params={"what": "cents", "value": str(cents), "options": ["none", "digits", "words"]},
    )


def lvl_to_eur(amount: Decimal | str | int) -> Decimal:
    """Convert lats to euro at the fixed rate, as the law requires (§11).

    Divide by 0,702804 (never multiply by an inverse) and round half up to the
    cent (Council Regulation (EC) No 1103/97, Art. 4–5): LVL 1000 → EUR 1422,87.
    """
    value = to_money(amount)
    with localcontext() as ctx:
        ctx.prec = 40
        return (value / LVL_PER_EUR).quantize(_CENT, rounding=ROUND_HALF_UP)


def _major_lookup() -> dict[str, Currency]:
    table: dict[str, Currency] = {}
    for cur in CURRENCIES.values():
        for forms in cur.major.values():
            for form in forms.all():
                table[form] = cur
    return table


#: Every written form of every major unit → its currency (eiro, euro, lats, lati …).
MAJOR_WORDS: Final = _major_lookup()


def parse_amount_words(text: str) -> tuple[Decimal, str]:
    """Read an amount written in words back into ``(Decimal, currency code)``.

    Handles the forms real annexes use (§4, §10): ``… eiro 00 eiro centi``,
    ``… eiro 00 eirocenti``, ``… eiro un divdesmit viens cents``,
    ``… latu``, ``… euro un 00 centi``. The number words go through
    :func:`words_to_number`, so every spelling variant is accepted and unknown
    words are reported by name.

    >>> parse_amount_words("simt vienpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi")
    (Decimal('111029.00'), 'EUR')
    """
    words = unicodedata.normalize("NFC", text).strip().rstrip(".").split()
    lowered = [w.lower().strip(",") for w in words]
    major_at = next((i for i, w in enumerate(lowered) if w in MAJOR_WORDS), None)
    if major_at is None:
        raise LanguageError(code="no-currency-word", params={"text": text})
    cur = MAJOR_WORDS[lowered[major_at]]
    whole = words_to_number(" ".join(words[:major_at]))
    rest = lowered[major_at + 1 :]
    if rest and rest[0] == "un":
        rest = rest[1:]
    if not rest:
        return Decimal(whole).quantize(_CENT), cur.code
    minor_nouns = {*cur.minor.all(), *cur.minor_aliases}
    noun_start = next((i for i in range(len(rest)) if " ".join(rest[i:]) in minor_nouns), None)
    if noun_start is None or noun_start == 0:
        raise LanguageError(code="no-minor-unit", params={"text": text})
    minor_text = " ".join(rest[:noun_start])
    minor = int(minor_text) if minor_text.isdigit() else words_to_number(minor_text)
    if minor > 99:
        raise LanguageError(code="minor-over-99", params={"minor": minor, "text": text})
    return (Decimal(whole) + Decimal(minor) / 100).quantize(_CENT), cur.code

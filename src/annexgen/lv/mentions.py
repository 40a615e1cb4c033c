"""Find amounts written in figures *and* words in running text, and lats with euro.

Rules: ``docs/latvian-language.md`` §10 (validator design), §4 (the VVC
patterns), §11 (LVL→EUR); ``docs/document-rules.md`` §2.2 (the unit after the
amount, ``euro`` in legal acts). Real documents write the pair in many ways,
and every one of them is found here, for the lint rules, ``check`` and
``extract`` alike:

* ``115 029.00EUR (simt … eiro 00 eiro centi)``, ``LVL 1000 (viens tūkstotis
  latu)`` — figure, code before or after, words in brackets;
* ``45,50 euro (četrdesmit pieci euro 50 centi)``, ``12 000 lati (…)`` — the
  currency *word* between the figure and the words (legal acts);
* ``25 (divdesmit pieci) eiro`` — the VVC pattern, unit after the words;
* ``viens tūkstotis eiro (1 000 EUR)`` — words first, figure in brackets;
* ``15 % (piecpadsmit procenti)``, ``22 (divdesmit divas) dienas`` —
  percentages and counts;
* ``LVL 500 (711,44 euro)``, ``LVL 1000 (…) (EUR 1422,87)`` — a figure in the
  brackets is an *equivalent*, never words: :func:`iter_equivalents`; so is
  the amount after ``jeb``, ``kas atbilst`` or ``ekvivalents`` (``1 000 LVL (…) jeb
  1 422,87 EUR``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from annexgen.i18n import use_language
from annexgen.lv.numbers import NUMBER_WORDS
from annexgen.lv.phrases import PhraseReading, Unit, Unreadable, read_phrase
from annexgen.lv.tokens import DIGITS, WORD, Figure, Tokens, figures, tokenize
from annexgen.lv.words import CURRENCY_SIGNS, MINOR_WORDS, PERCENT_WORDS, currency_of_word
from annexgen.messages import Param, Phrase, format_param

__all__ = ["AmountMention", "Equivalent", "Money", "MoneyIndex", "Scan", "iter_amount_mentions",
           "iter_equivalents", "money_amounts", "scan"]  # fmt: skip

_CENT: Final = Decimal("0.01")
#: How far back words before a bracketed figure are looked for (§1: 27 words at most).
_MAX_WORDS_BACK: Final = 40


@dataclass(frozen=True, slots=True)
class AmountMention:
    """An amount (or percentage, or count) written in figures and in words.

    ``words_value`` is what the words say (``None`` with ``error`` set when
    they cannot be read); ``error`` also names a currency conflict between the
    figure and the words — in English, for a developer; ``why`` is the same
    as a message, which findings carry so that a clerk reads it in Latvian.
    ``words_start``/``words_end`` locate the words, and
    ``figure_start``/``figure_end`` the figure, in the text.
    """

    start: int
    end: int
    text: str
    figure: Decimal
    currency: str | None  # from the code or unit word, failing that from the words
    words: str
    words_value: Decimal | None
    error: str | None
    unit: Unit = "money"
    figure_start: int = 0
    figure_end: int = 0
    words_start: int = 0
    words_end: int = 0
    words_first: bool = False
    reading: PhraseReading | None = None
    unreadable: Unreadable | None = None
    why: Phrase | None = None

    @property
    def agrees(self) -> bool:
        return self.words_value is not None and self.words_value == self.figure


@dataclass(frozen=True, slots=True)
class Equivalent:
    """A lats amount beside its euro equivalent (either order), as written."""

    lvl: Decimal
    eur: Decimal
    eur_start: int
    eur_end: int
    eur_written: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Amount:
    """A figure with the unit around it: its currency, or "percent", and its span."""

    figure: Figure
    currency: str | None
    unit: Unit
    first: int  # token indexes, units included
    last: int


@dataclass(slots=True)
class Scan:
    """Every mention and equivalent of one text, found in one pass over its tokens."""

    tokens: Tokens
    figures: dict[int, Figure]
    mentions: list[AmountMention]
    equivalents: list[Equivalent]
    figure_brackets: dict[int, _Amount]  # "(" index → the amount inside


def _money(fig: Figure) -> Decimal:
    """A money figure with its cents (``1000`` → ``1000.00``); more decimals kept as written."""
    return fig.value.quantize(_CENT) if len(fig.decimals) <= 2 else fig.value


def _unit_after(tokens: Tokens, i: int) -> tuple[str | None, Unit] | None:
    """Token ``i`` as a unit written after a figure: a currency code, sign or word, or %."""
    if not 0 <= i < len(tokens) or not tokens.near(i):
        return None
    word = tokens.lower[i]
    if word in PERCENT_WORDS:
        return None, "percent"
    currency = currency_of_word(word)
    if currency is not None and (tokens.kinds[i] == WORD or word == "€"):
        return currency, "money"
    return None


def _code_before(tokens: Tokens, fig: Figure) -> str | None:
    """A code before the figure (``EUR 1422,87``, ``LVL 1000``, ``Ls 20``)."""
    i = fig.first - 1
    if i < 0 or not tokens.near(fig.first):
        return None
    return CURRENCY_SIGNS.get(tokens.lower[i])


def _amount_ending_at(tokens: Tokens, figs: dict[int, Figure], j: int) -> _Amount | None:
    """The figure (with its units) whose last token is ``j`` or whose unit is at ``j``."""
    unit = _unit_after(tokens, j)
    last = j
    if unit is not None:
        j -= 1
    fig = figs.get(j)
    if fig is None or fig.ordinal:
        return None
    before = _code_before(tokens, fig)
    first = fig.first - 1 if before else fig.first
    if unit is not None:
        currency, kind = unit
        return _Amount(fig, currency or before, kind, first, last)
    if before is not None:
        return _Amount(fig, before, "money", first, j)
    return _Amount(fig, None, "count", first, j)


def _bracketed_amount(tokens: Tokens, figs: dict[int, Figure], o: int, c: int) -> _Amount | None:
    """The bracket ``o``…``c`` holds one figure with its unit and nothing else."""
    hi = c
    while hi > o + 1 and tokens.values[hi - 1] in ".,;":
        hi -= 1
    if hi <= o + 1:
        return None
    amount = _amount_ending_at(tokens, figs, hi - 1)
    if amount is None or amount.first != o + 1:
        return None
    return amount


def _mention(
    tokens: Tokens,
    amount: _Amount,
    read: PhraseReading | Unreadable,
    start: int,
    end: int,
    *,
    after: tuple[str | None, Unit] | None = None,
    words_first: bool = False,
) -> AmountMention:
    fig = amount.figure
    currency, unit = amount.currency, amount.unit
    if after is not None and unit == "count":
        currency, unit = after
    text = tokens.text
    if isinstance(read, PhraseReading) and read.currency is not None and unit == "count":
        unit = "money"
    figure = _money(fig) if unit == "money" else fig.value
    if isinstance(read, Unreadable):
        return AmountMention(
            start, end, text[start:end], figure, currency, text[read.start : read.end], None,
            read.reason, unit, fig.start, fig.end, read.start, read.end, words_first, None, read,
            read.why,
        )  # fmt: skip
    why = None
    if read.currency is not None:
        if currency is not None and read.currency != currency:
            why = Phrase("words-other-currency", {"figure": currency, "words": read.currency})
        elif read.minor_currency not in (None, read.currency) and read.minor_word:
            # "… eiro un piecdesmit santīmu": the santīms is a lats' hundredth (LL §4)
            params: dict[str, Param] = {"word": read.minor_word, "currency": read.currency}
            why = Phrase("words-minor-currency", params)
        currency = currency or read.currency
    elif unit == "count" and read.unit == "percent":
        unit = "percent"
    return AmountMention(
        start, end, text[start:end], figure, currency, text[read.start : read.end], read.value,
        _english(why), unit, fig.start, fig.end, read.start, read.end, words_first, read, None,
        why,
    )  # fmt: skip


def _english(why: Phrase | None) -> str | None:
    """A reason in English, for :attr:`AmountMention.error` (a developer's field)."""
    if why is None:
        return None
    with use_language("en"):
        return format_param(why)


def _words_back(tokens: Tokens, o: int) -> int | None:
    """Where the words right before the bracket ``o`` begin (``viens tūkstotis eiro (…)``)."""
    k = o - 1
    if k < 0 or not tokens.spaced(o):
        return None
    first = None
    steps = 0
    while k >= 0 and steps < _MAX_WORDS_BACK:
        w = tokens.lower[k]
        known = (
            w in NUMBER_WORDS
            or w == "un"
            or (tokens.kinds[k] == WORD and currency_of_word(w) is not None)
            or w in MINOR_WORDS
            or w in PERCENT_WORDS
            or (tokens.kinds[k] == DIGITS and len(w) <= 2)
        )
        if not known:
            break
        if w in NUMBER_WORDS:
            first = k
        if k == 0 or not tokens.spaced(k):
            break
        k -= 1
        steps += 1
    return first


def scan(text: str) -> Scan:
    """Find every mention and equivalent in ``text`` (NFC); linear in its length."""
    tokens = tokenize(text)
    figs = figures(tokens)
    closes = {c: o for o, c in tokens.pairs.items()}
    brackets: dict[int, _Amount] = {}
    for o, c in tokens.pairs.items():
        amount = _bracketed_amount(tokens, figs, o, c)
        if amount is not None:
            brackets[o] = amount
    mentions: list[AmountMention] = []
    equivalents: list[Equivalent] = []
    for o in sorted(tokens.pairs):
        c = tokens.pairs[o]
        if o == 0 or not tokens.near(o):
            continue
        inside = brackets.get(o)
        before = _amount_ending_at(tokens, figs, o - 1)
        if before is None and tokens.values[o - 1] == ")" and (o - 1) in closes:
            before = brackets.get(closes[o - 1])  # "(EUR 1422,87) (…words…)"
        if inside is not None:
            eq = _equivalent(tokens, figs, brackets, closes, o, inside)
            if eq is not None:
                equivalents.append(eq)
            words_at = _words_back(tokens, o)
            if words_at is not None and (inside.currency or not inside.figure.decimals):
                read = read_phrase(tokens, words_at, o)
                if read is not None and (
                    isinstance(read, Unreadable) or read.unit != "count" or inside.unit == "count"
                ):
                    start = tokens.starts[words_at]
                    mentions.append(
                        _mention(tokens, inside, read, start, tokens.ends[c], words_first=True)
                    )
            continue
        if before is None:
            continue
        read = read_phrase(tokens, o + 1, c)
        if read is None:
            continue
        after = _unit_after(tokens, c + 1)
        if (
            before.unit == "count"
            and after is None
            and before.figure.decimals
            and (isinstance(read, Unreadable) or (read.unit == "count" and read.value % 1 == 0))
        ):
            continue  # "3.1 (trīs …)": a section number, not a count
        end = tokens.ends[c + 1] if after is not None and before.unit == "count" else tokens.ends[c]
        mentions.append(
            _mention(tokens, before, read, tokens.starts[before.first], end, after=after)
        )
    equivalents += _said_to_match(tokens, _money_list(tokens, figs), equivalents)
    equivalents.sort(key=lambda e: e.start)
    return Scan(tokens, figs, mentions, equivalents, brackets)


@dataclass(frozen=True, slots=True)
class Money:
    """A figure with its currency, as written: ``3 000,00 EUR``, ``LVL 1000``."""

    value: Decimal
    currency: str
    first: int  # token indexes, the currency included
    last: int


def money_amounts(scan: Scan) -> list[Money]:
    """Every figure with a currency before or after it, in text order."""
    return _money_list(scan.tokens, scan.figures)


class MoneyIndex:
    """The money amounts of one text in order, asked for by token range.

    Built once per text; :meth:`between` bisects, so that a rule asking it for
    every word of the text stays linear in the text (issue 17).
    """

    def __init__(self, money: list[Money]) -> None:
        self.money = money
        self._firsts = [m.first for m in money]

    def between(self, lo: int, hi: int) -> list[Money]:
        """The amounts that lie wholly in tokens ``lo:hi``."""
        start = bisect.bisect_left(self._firsts, lo)
        end = start
        while end < len(self.money) and self.money[end].last < hi:
            end += 1
        return self.money[start:end]

    def ending_at(self, last: int) -> Money | None:
        """The amount whose last token is ``last``."""
        i = bisect.bisect_left(self._firsts, last + 1) - 1
        return self.money[i] if i >= 0 and self.money[i].last == last else None


def _money_list(tokens: Tokens, figs: dict[int, Figure]) -> list[Money]:
    found = []
    for fig in sorted(figs.values(), key=lambda f: f.first):
        unit = None if fig.ordinal else _unit_after(tokens, fig.last + 1)
        if unit is not None and unit[1] == "money" and unit[0] is not None:
            found.append(Money(_money(fig), unit[0], fig.first, fig.last + 1))
            continue
        code = _code_before(tokens, fig)  # "… kopā LVL 500.": the full stop, no ordinal
        if code is not None:
            found.append(Money(_money(fig), code, fig.first - 1, fig.last))
    return found


#: Words that say the amount after them is the one before in another currency:
#: "1 000 LVL (…) jeb 1 422,87 EUR", "LVL 1 000 (…) bez PVN, kas atbilst 1 422,87 EUR",
#: "…; euro ekvivalents – 17 074,46 EUR".
_MATCH_WORDS: Final = frozenset(
    {"jeb", "atbilst", "atbilstoši", "ekvivalents", "ekvivalentā", "ekvivalentu",
     "ekvivalentam", "ekvivalenti"}
)  # fmt: skip
#: How far the amounts may stand from that word (tokens), so that only one sentence counts.
_MATCH_REACH: Final = 16


def _said_to_match(
    tokens: Tokens, money: list[Money], known: list[Equivalent]
) -> Iterator[Equivalent]:
    """A lats amount, then "jeb", "kas atbilst" or "ekvivalents", then the euro amount
    (or the other way round): the nearest amount before the word and the first after
    it, in one sentence. Equivalents in brackets are found by :func:`scan` itself."""
    taken = {e.eur_start for e in known}
    text = tokens.text
    index = MoneyIndex(money)
    for k in range(len(tokens)):
        if tokens.kinds[k] != WORD:
            continue
        word = tokens.lower[k]
        right_after = word == "ir" and k > 0 and tokens.lower[k - 1] == "kas"
        if not right_after and word not in _MATCH_WORDS:
            continue
        before = index.between(k - _MATCH_REACH, k)
        after = index.between(k + 1, k + 1 + _MATCH_REACH)
        if not before or not after:
            continue
        if right_after and after[0].first != k + 1:
            continue  # "…, kas ir 498,01 EUR" — not "…, kas ir puse no 1 000 EUR"
        left, right = before[-1], after[0]
        if {left.currency, right.currency} != {"LVL", "EUR"}:
            continue
        if any(tokens.values[i] in ".!?" and not tokens.decimal_dot(i)
               for i in range(left.last + 1, right.first)):  # fmt: skip
            continue
        lvl, eur = (left, right) if left.currency == "LVL" else (right, left)
        eur_start, eur_end = _figure_span(tokens, eur)
        if eur_start in taken:
            continue
        yield Equivalent(
            lvl.value, eur.value, eur_start, eur_end, text[eur_start:eur_end],
            tokens.starts[left.first], tokens.ends[right.last],
        )  # fmt: skip


def _figure_span(tokens: Tokens, m: Money) -> tuple[int, int]:
    """The offsets of the figure of ``m`` (without its currency)."""
    first = m.first + 1 if tokens.kinds[m.first] != DIGITS else m.first
    last = m.last - 1 if tokens.kinds[m.last] != DIGITS else m.last
    return tokens.starts[first], tokens.ends[last]


def _equivalent(
    tokens: Tokens,
    figs: dict[int, Figure],
    brackets: dict[int, _Amount],
    closes: dict[int, int],
    o: int,
    inside: _Amount,
) -> Equivalent | None:
    """``LVL 1000 (…) (EUR 1422,87)``, ``1000 lati (1422,87 euro)``, ``EUR 1422,87 (LVL 1000)``."""
    j = o - 1
    if tokens.values[j] == ")" and j in closes:
        words_open = closes[j]  # skip the words: "LVL 1000 (viens tūkstotis latu) (EUR 1422,87)"
        if words_open in brackets or not tokens.near(words_open):
            return None
        j = words_open - 1
    outside = _amount_ending_at(tokens, figs, j)
    if outside is None or {outside.currency, inside.currency} != {"LVL", "EUR"}:
        return None
    lvl, eur = (outside, inside) if outside.currency == "LVL" else (inside, outside)
    text = tokens.text
    return Equivalent(
        _money(lvl.figure), _money(eur.figure), eur.figure.start, eur.figure.end,
        text[eur.figure.start : eur.figure.end], tokens.starts[outside.first],
        tokens.ends[tokens.pairs[o]],
    )  # fmt: skip


def iter_amount_mentions(text: str) -> Iterator[AmountMention]:
    """Every amount in ``text`` written in figures and in words, in text order.

    Brackets that hold no number phrase (``(2 gadi)``, ``(DPIP)``,
    ``(divi gadi)``) are skipped; words meant as a number that cannot be read
    (``devinpadsmit …``) come with ``error`` set and no ``words_value``.
    """
    yield from sorted(scan(text).mentions, key=lambda m: m.start)


def iter_equivalents(text: str) -> Iterator[Equivalent]:
    """Every lats amount written beside its euro equivalent, in text order."""
    yield from scan(text).equivalents

"""Sums in running text: parts and the total they are said to make.

Rules: ``docs/document-rules.md`` §2.1 (figures in documents); issue 16 — a
total that does not add up is the first thing a reviewer checks. Tables have
their ``Kopā`` rows (``table-total``); budgets and decisions also write the
sum in a sentence:

* ``personāls 4 500,00 EUR, materiāli 1 250,50 EUR; kopā 5 750,50 EUR`` — the
  money amounts of the sentence before ``kopā``, in one currency, and the
  amount right after it;
* ``1 200,00 EUR + 850,00 EUR = 2 050,00 EUR`` — an addition written out;
* ``… – 1 599,50 EUR. Kopā: 6 000,00 EUR`` — a list ending one sentence, its total
  beginning the next;
* ``izmaksas 6 453,21 EUR, no tām A – 1 453,21 EUR, bet B – 5 000,00 EUR`` — a total
  and the amounts "no tiem/no tām" (of which) that make it.

Only where the parts are plainly parts: at least two, in the total's
currency, none a rate (``150 EUR mēnesī``, ``par stundu``), none in brackets
(an equivalent), and no "no tiem", "tai skaitā" between (parts of a part). "Tai
skaitā" (including) lists some parts, not all, and is never added up.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from annexgen.errors import Finding
from annexgen.lv.mentions import Money, Scan, money_amounts
from annexgen.lv.rules._base import finding
from annexgen.lv.tokens import Tokens
from annexgen.messages import Param

__all__ = ["check_sums"]

_TOTAL_WORDS: Final = frozenset({"kopā", "pavisam", "kopsumma", "kopsummā"})
#: Words between "kopā" and its amount that still make it the total.
_LINKS: Final = frozenset({":", "–", "-", "—", "ir", "sastāda", "veido", "=", "kopā"})
#: A part followed by one of these is a rate, not a part of the sum.
_RATE_WORDS: Final = frozenset(
    {"par", "mēnesī", "mēnesi", "stundā", "dienā", "gadā", "katram", "katrai", "katrā",
     "uz", "vienam", "vienai", "x", "×", "reizes"}
)  # fmt: skip
#: Words that open a breakdown of one amount, whose parts are not the sum's.
_BREAKDOWN: Final = frozenset({"tiem", "tām", "kuriem", "kurām", "sk", "skaitā", "ieskaitot"})
_SENTENCE_END: Final = frozenset({".", "!", "?", "\n"})


def _is_rate(tokens: Tokens, m: Money) -> bool:
    after = m.last + 1
    return after < len(tokens) and tokens.lower[after] in _RATE_WORDS


def _inside_brackets(tokens: Tokens, m: Money, brackets: list[tuple[int, int]]) -> bool:
    return any(o < m.first and m.last < c for o, c in brackets)


def _sentence_start(tokens: Tokens, i: int) -> int:
    """Where the parts of a total at token ``i`` may begin: after the last full stop
    (any dot but a decimal one — an ordinal or "Nr." ends the search too, which
    only ever leaves a sum unchecked), looking back a bounded way."""
    k = i - 1
    while k >= 0 and i - k < 400:
        v = tokens.values[k]
        if v in _SENTENCE_END and not _decimal(tokens, k):
            return k + 1
        k -= 1
    return k + 1


#: "no tiem", "no tām", "no kuriem", "no kurām": the amounts after it make the one before.
_OF_WHICH: Final = frozenset({"tiem", "tām", "kuriem", "kurām"})


def _sentence_end(tokens: Tokens, i: int) -> int:
    """The index of the full stop that ends the sentence holding token ``i``."""
    k = i + 1
    while k < len(tokens) and k - i < 400:
        if tokens.values[k] in _SENTENCE_END and not _decimal(tokens, k):
            return k
        k += 1
    return k


def _decimal(tokens: Tokens, k: int) -> bool:
    return (
        tokens.values[k] == "."
        and 0 < k < len(tokens) - 1
        and tokens.glued(k)
        and tokens.glued(k + 1)
        and tokens.values[k - 1].isdigit()
        and tokens.values[k + 1].isdigit()
    )


def _total_after(tokens: Tokens, at: int, by_first: dict[int, Money]) -> Money | None:
    i = at + 1
    while i < len(tokens) and i - at <= 3 and tokens.lower[i] in _LINKS:
        i += 1
    return by_first.get(i)


def _finding(scan: Scan, parts: list[Money], total: Money) -> Finding | None:
    added = sum((p.value for p in parts), Decimal(0))
    if added == total.value:
        return None
    tokens = scan.tokens
    start, end = tokens.starts[total.first], tokens.ends[total.last]
    params: dict[str, Param] = {"sum": added, "total": total.value, "count": len(parts)}
    return finding("text-total", tokens.text, start, end, params)


def check_sums(scan: Scan) -> Iterator[Finding]:
    """Every sum in ``scan``'s text whose parts do not make its total."""
    tokens = scan.tokens
    money = money_amounts(scan)
    if len(money) < 3:
        return
    by_first = {m.first: m for m in money}
    brackets = sorted(tokens.pairs.items())
    for i, word in enumerate(tokens.lower):
        if word in _TOTAL_WORDS:
            total = _total_after(tokens, i, by_first)
            if total is None:
                continue
            start = _sentence_start(tokens, i)
            between = range(start, i)
            if any(tokens.lower[k] in _BREAKDOWN or tokens.lower[k] in _TOTAL_WORDS
                   for k in between):  # fmt: skip
                continue
            parts = [m for m in money if start <= m.first and m.last < i]
            if not parts and start == i and start > 0:
                # "… ēdināšana – 1 599,50 EUR. Kopā: 6 000,00 EUR": the list ends a
                # sentence and its total begins the next one
                previous = _sentence_start(tokens, start - 1)
                parts = [m for m in money if previous <= m.first and m.last < start]
        elif word == "no" and i + 1 < len(tokens) and tokens.lower[i + 1] in _OF_WHICH:
            # "Izmaksas – 6 543,21 EUR (…), no tām A – 1 453,21 EUR, bet B – 5 000,00 EUR"
            start = _sentence_start(tokens, i)
            before = [m for m in money if start <= m.first and m.last < i]
            if not before:
                continue
            total = before[-1]
            end = _sentence_end(tokens, i)
            if any(tokens.lower[k] in _TOTAL_WORDS for k in range(i, end)):
                continue  # "…, no tām A, B, kopā C": the sum is said otherwise
            parts = [m for m in money if i < m.first and m.last < end]
        elif word == "=" and i:
            total = _total_after(tokens, i - 1, by_first)
            if total is None:
                continue
            parts = _added_before(tokens, i, money)
        else:
            continue
        if len(parts) < 2 or any(
            p.currency != total.currency
            or _is_rate(tokens, p)
            or _inside_brackets(tokens, p, brackets)
            for p in parts
        ):
            continue
        found = _finding(scan, parts, total)
        if found is not None:
            yield found


def _added_before(tokens: Tokens, eq: int, money: list[Money]) -> list[Money]:
    """``a + b + c =``: the amounts joined by "+" right before the "=" at ``eq``."""
    by_last = {m.last: m for m in money}
    parts: list[Money] = []
    j = eq - 1
    while j in by_last:
        part = by_last[j]
        parts.append(part)
        j = part.first - 1
        if j < 0 or tokens.values[j] != "+":
            break
        j -= 1
    else:
        return []
    return parts[::-1] if j < 0 or tokens.values[j] != "+" else []

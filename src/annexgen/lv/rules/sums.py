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
  and the amounts "no tiem/no tām" (of which) that make it;
* ``25,00 EUR bez PVN; PVN 21 % – 5,25 EUR; ar PVN – 30,25 EUR`` — a price, its VAT and
  the price with VAT, one of each in a sentence.

Only where the parts are plainly parts: at least two, in the total's
currency, none a rate (``150 EUR mēnesī``, ``par stundu``), none in brackets
(an equivalent), and no "no tiem", "tai skaitā" between (parts of a part). "Tai
skaitā" (including) lists some parts, not all, and is never added up.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from annexgen.errors import Finding
from annexgen.lv.mentions import Money, MoneyIndex, Scan, money_amounts
from annexgen.lv.rules._base import finding
from annexgen.lv.tokens import DIGITS, Tokens
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


def _bracketed(tokens: Tokens) -> list[bool]:
    """Per token, whether it lies inside a pair of brackets (one pass, however many)."""
    depth = [0] * (len(tokens) + 1)
    for o, c in tokens.pairs.items():
        depth[o + 1] += 1
        depth[c] -= 1
    inside, level = [], 0
    for step in depth[:-1]:
        level += step
        inside.append(level > 0)
    return inside


#: "no tiem", "no tām", "no kuriem", "no kurām": the amounts after it make the one before.
_OF_WHICH: Final = frozenset({"tiem", "tām", "kuriem", "kurām"})


class _Sentences:
    """Where each token's sentence begins and ends, and where "kopā" words stand —
    found in one pass, so that every question below costs O(1) (issue 17).

    A sentence ends at any full stop but a decimal one: an ordinal ("5. martā") or
    "Nr." ends it too, which can only ever leave a sum unchecked, never invent one.
    """

    def __init__(self, tokens: Tokens) -> None:
        n = len(tokens)
        self.start = [0] * n
        self.end = [n] * n
        # prefix counts: how many total words, breakdown words, "no tām" before each token
        self.totals = [0] * (n + 1)
        self.breakdowns = [0] * (n + 1)
        self.of_which = [0] * (n + 1)
        first = 0
        for k in range(n):
            self.start[k] = first
            word = tokens.lower[k]
            self.totals[k + 1] = self.totals[k] + (word in _TOTAL_WORDS)
            self.breakdowns[k + 1] = self.breakdowns[k] + (word in _BREAKDOWN)
            of_which = word == "no" and k + 1 < n and tokens.lower[k + 1] in _OF_WHICH
            self.of_which[k + 1] = self.of_which[k] + of_which
            if (
                tokens.values[k] in _SENTENCE_END
                and not tokens.decimal_dot(k)
                and not _item_number(tokens, k, first)
            ):
                for j in range(first, k + 1):
                    self.end[j] = k
                first = k + 1
        for j in range(first, n):
            self.end[j] = n

    def has_total_word(self, lo: int, hi: int) -> bool:
        return self.totals[hi] - self.totals[lo] > 0

    def has_breakdown(self, lo: int, hi: int) -> bool:
        return self.breakdowns[hi] - self.breakdowns[lo] > 0

    def breakdowns_in_sentence(self, i: int) -> int:
        """How many "no tiem/no tām" the sentence of token ``i`` holds."""
        return self.of_which[self.end[i]] - self.of_which[self.start[i]]


def _item_number(tokens: Tokens, k: int, first: int) -> bool:
    """The dot of a list item's number ("1. Biedrība … ; 2. Nodibinājums …"): one or two
    digits at the start of a sentence or after ";" — not the end of a sentence."""
    return (
        tokens.values[k] == "."
        and k >= 1
        and tokens.kinds[k - 1] == DIGITS
        and len(tokens.values[k - 1]) <= 2
        and tokens.glued(k)
        and (k - 1 == first or tokens.values[k - 2] in (";", ":"))
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
    params: dict[str, Param] = {"sum": added, "total": total.value}
    return finding("text-total", tokens.text, start, end, params)


def check_sums(scan: Scan) -> Iterator[Finding]:
    """Every sum in ``scan``'s text whose parts do not make its total."""
    tokens = scan.tokens
    money = money_amounts(scan)
    if len(money) < 3:
        return
    by_first = {m.first: m for m in money}
    index = MoneyIndex(money)
    bracketed = _bracketed(tokens)
    sentences = _Sentences(tokens)
    yield from _prices_with_vat(scan, money, sentences)
    for i, word in enumerate(tokens.lower):
        if word in _TOTAL_WORDS:
            total = _total_after(tokens, i, by_first)
            if total is None:
                continue
            start = sentences.start[i]
            if sentences.has_total_word(start, i) or sentences.has_breakdown(start, i):
                continue
            parts = index.between(start, i)
            if not parts and start == i and start > 0:
                # "… ēdināšana – 1 599,50 EUR. Kopā: 6 000,00 EUR": the list ends a
                # sentence and its total begins the next one
                parts = index.between(sentences.start[start - 1], start)
                if len(parts) == 1:  # "1. A – 42 000 EUR. 2. B – 7 800 EUR. Kopā: …"
                    parts = _items_before(tokens, sentences, index, start)
        elif word == "no" and i + 1 < len(tokens) and tokens.lower[i + 1] in _OF_WHICH:
            # "Izmaksas – 6 543,21 EUR (…), no tām A – 1 453,21 EUR, bet B – 5 000,00 EUR"
            if sentences.breakdowns_in_sentence(i) > 1:
                continue  # two breakdowns in one sentence: whose parts are whose is unclear
            before = index.between(sentences.start[i], i)
            if not before:
                continue
            total = before[-1]
            end = sentences.end[i]
            if sentences.has_total_word(i, end):
                continue  # "…, no tām A, B, kopā C": the sum is said otherwise
            parts = index.between(i + 1, end)
        elif word == "=" and i:
            total = _total_after(tokens, i - 1, by_first)
            if total is None:
                continue
            parts = _added_before(tokens, i, index)
        else:
            continue
        if len(parts) < 2 or any(
            p.currency != total.currency or _is_rate(tokens, p) or bracketed[p.first] for p in parts
        ):
            continue
        found = _finding(scan, parts, total)
        if found is not None:
            yield found


def _items_before(tokens: Tokens, sentences: _Sentences, index: MoneyIndex, at: int) -> list[Money]:
    """The amounts of the numbered items ("1. …", "2. …"), one amount a sentence, that
    end right before token ``at``; none unless every such sentence is an item."""
    parts: list[Money] = []
    end = at
    while end > 0 and len(parts) < 1000:
        start = sentences.start[end - 1]
        amounts = index.between(start, end)
        numbered = (
            tokens.kinds[start] == DIGITS and start + 1 < end and tokens.values[start + 1] == "."
        )
        if not numbered or len(amounts) != 1:
            break
        parts.insert(0, amounts[0])
        end = start
    return parts if len(parts) >= 2 else []


def _vat_role(tokens: Tokens, m: Money) -> str | None:
    """ "net", "vat" or "gross": what the words right around an amount say it is
    ("25,00 EUR bez PVN", "PVN 21 % – 5,25 EUR", "cena ar PVN – 30,25 EUR")."""
    lo, hi = max(0, m.first - 5), min(len(tokens), m.last + 4)
    near = tokens.lower[lo : m.first]
    after = tokens.lower[m.last + 1 : hi]
    for words in (after[:3], near[-3:]):
        for a, b in itertools.pairwise(words):
            if b == "pvn" and a in ("bez", "ar"):
                return "net" if a == "bez" else "gross"
    if "pvn" in near and not {"bez", "ar"} & set(near):
        return "vat"
    return None


def _prices_with_vat(scan: Scan, money: list[Money], sentences: _Sentences) -> Iterator[Finding]:
    """A price without VAT, the VAT and the price with VAT in one sentence: the first
    two must make the third (a price list written out, issue 16's VAT in prose)."""
    tokens = scan.tokens
    by_sentence: dict[int, dict[str, list[Money]]] = {}
    for m in money:
        role = _vat_role(tokens, m)
        if role is not None:
            roles = by_sentence.setdefault(sentences.start[m.first], {})
            roles.setdefault(role, []).append(m)
    for roles in by_sentence.values():
        if sorted(roles) != ["gross", "net", "vat"] or any(len(v) != 1 for v in roles.values()):
            continue  # one price at a time: several lists in one sentence are not guessed
        (net,), (vat,), (gross,) = roles["net"], roles["vat"], roles["gross"]
        if len({net.currency, vat.currency, gross.currency}) != 1:
            continue
        found = _finding(scan, [net, vat], gross)
        if found is not None:
            yield found


def _added_before(tokens: Tokens, eq: int, index: MoneyIndex) -> list[Money]:
    """``a + b + c =``: the amounts joined by "+" right before the "=" at ``eq``."""
    parts: list[Money] = []
    j = eq - 1
    while (part := index.ending_at(j)) is not None:
        parts.append(part)
        j = part.first - 1
        if j < 0 or tokens.values[j] != "+":
            break
        j -= 1
    else:
        return []
    return parts[::-1] if j < 0 or tokens.values[j] != "+" else []

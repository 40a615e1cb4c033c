"""Rules on typography: quotation marks, ``Nr.``, ordinal dots, initials.

Rules: ``docs/document-rules.md`` §1.11 (Latvian „…”; “…” and "…" are
allowed variants, hence style), §1.10 (``Nr.`` + space + number, ``1. pielikums``),
§1.5 (``J. Lāčplēsis``, never the legacy ``J.Lāčplēsis``). All style.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from annexgen.errors import Finding
from annexgen.lv.mentions import Scan
from annexgen.lv.rules._base import finding
from annexgen.lv.tokens import WORD, Tokens

__all__ = ["check_typography"]

# Each pattern is linear: a fixed opening mark, then one negated class up to a stop.
_EN_QUOTES: Final = re.compile(r"“([^”“\"\n]*)[”“\"]?")
_CLOSING_AS_OPENING: Final = re.compile(r"(?:^|(?<=[\s(\[–-]))”(?=\S)([^”“„\n]*)”")
_STRAIGHT: Final = re.compile(r"\"([^\"\n]*)\"")
_LOW_THEN_STRAIGHT: Final = re.compile(r"„([^”“\"„\n]*)\"")
#: "19.700,00", "1,250,00", "1,250.00", "1.250.000 EUR": thousands grouped with a
#: mark, not a space. Each is one bounded run of digit groups (linear).
_GROUPED_BY_MARK: Final = re.compile(
    r"(?<![\d.,])(?P<whole>\d{1,3}(?:(?P<mark>[.,])\d{3})+)(?:[.,](?P<cents>\d{2}))?(?![.,]?\d)"
)
_CURRENCY_AFTER: Final = re.compile(r"\s?(?:EUR|LVL|€|eiro|euro|lati|latu)\b", re.IGNORECASE)
_NR: Final = re.compile(r"\b([Nn]r)\.(\d+)")
_DIGRAPHS: Final = frozenset({"Dz", "Dž", "DZ", "DŽ"})


def _quotes(text: str) -> Iterator[Finding]:
    # English “…” (‘…’ is not used in Latvian at all); the closing “ of the older
    # Latvian „…“ is fine, so only an *opening* “ is reported.
    for m in _EN_QUOTES.finditer(text):
        if m.start() > 0 and not (text[m.start() - 1].isspace() or text[m.start() - 1] in "([-–"):
            continue
        yield finding("quotes", text, m.start(), m.end(), {"marks": "“…”"}, f"„{m[1]}”")
    # ”…” — both marks closing, a common autocorrect result — is not Latvian either.
    for m in _CLOSING_AS_OPENING.finditer(text):
        yield finding("quotes", text, m.start(), m.end(), {"marks": "”…”"}, f"„{m[1]}”")
    straight_closed = set()
    for m in _LOW_THEN_STRAIGHT.finditer(text):  # „…" — the closing mark left straight
        straight_closed.add(m.end() - 1)
        yield finding("quotes", text, m.start(), m.end(), {"marks": '„…"'}, f"„{m[1]}”")
    for m in _STRAIGHT.finditer(text):
        if m.start() in straight_closed or m.end() - 1 in straight_closed:
            continue
        yield finding("quotes", text, m.start(), m.end(), {"marks": '"…"'}, f"„{m[1]}”")


def _thousands(text: str) -> Iterator[Finding]:
    """``19.700,00 EUR``, ``1,250,00 EUR``: a money figure grouped by a mark.

    A figure with decimals after the groups is an amount whatever follows; one
    without (``1.250.000``) only with a currency after it — otherwise it may be
    a version, a section or a count written the English way, not ours to judge.
    """
    for m in _GROUPED_BY_MARK.finditer(text):
        mark, cents = m["mark"], m["cents"]
        groups = m["whole"].split(mark)
        if not cents and not _CURRENCY_AFTER.match(text, m.end()):
            continue
        if not cents and len(groups) == 2 and mark == ",":
            continue  # "1,250 EUR" reads as a decimal comma (1,250), not a group
        number = " ".join(groups) + (f",{cents}" if cents else "")
        yield finding("thousands-separator", text, m.start(), m.end(), {"mark": mark}, number)


def _nr(text: str) -> Iterator[Finding]:
    for m in _NR.finditer(text):
        yield finding("nr-spacing", text, m.start(), m.end(), suggestion=f"{m[1]}. {m[2]}")


def _ordinals(scan: Scan, dated: set[int]) -> Iterator[Finding]:
    """``1.pielikumu``, ``38.maratonā``, ``16.§``: an ordinal glued to its word."""
    tokens = scan.tokens
    text = tokens.text
    for fig in scan.figures.values():
        if not fig.ordinal or fig.grouped or len(tokens.values[fig.last]) > 4:
            continue
        if fig.first in dated:
            continue
        word = fig.last + 2
        if word >= len(tokens) or not tokens.glued(word):
            continue
        value = tokens.values[word]
        if not (tokens.kinds[word] == WORD or value == "§"):
            continue
        year_g = value == "g" and len(tokens.values[fig.last]) == 4  # "2017.g."
        if len(value) == 1 and value != "§" and not year_g:
            continue  # "3.a klase": a class letter, not an ordinal's word
        if fig.first and tokens.glued(fig.first) and tokens.values[fig.first - 1] in "./@":
            continue  # a path or an address, not an ordinal
        number = text[fig.start : fig.end]
        yield finding(
            "ordinal-spacing", text, fig.start, tokens.ends[word],
            suggestion=f"{number}. {value}",
        )  # fmt: skip


def _is_initial(tokens: Tokens, i: int) -> bool:
    value = tokens.values[i]
    return tokens.kinds[i] == WORD and ((len(value) == 1 and value.isupper()) or value in _DIGRAPHS)


def _initials(tokens: Tokens) -> Iterator[Finding]:
    """``J.Lāčplēsis``, ``A.K.Kariņš`` → ``J. Lāčplēsis``, ``A. K. Kariņš``."""
    n = len(tokens)
    i = 0
    while i < n:
        if not _is_initial(tokens, i) or (i and tokens.glued(i) and tokens.kinds[i - 1] != "m"):
            i += 1
            continue
        if i and tokens.glued(i) and tokens.values[i - 1] in ".@/":
            i += 1
            continue
        first = i
        initials: list[str] = []
        glued = False
        while (
            i + 2 < n
            and _is_initial(tokens, i)
            and tokens.values[i + 1] == "."
            and tokens.glued(i + 1)
            and (tokens.glued(i + 2) or tokens.spaced(i + 2))
        ):
            initials.append(tokens.values[i])
            glued = glued or tokens.glued(i + 2)
            i += 2
        surname = tokens.values[i] if initials and i < n else ""
        is_surname = (
            (
                tokens.kinds[i] == WORD
                and len(surname) >= 3
                and surname[0].isupper()
                and (surname[1:].islower() or surname.isupper())
                and not _is_initial(tokens, i)
            )
            if surname
            else False
        )
        if glued and is_surname:
            written = " ".join(f"{x}." for x in initials)
            yield finding(
                "initial-spacing", tokens.text, tokens.starts[first], tokens.ends[i],
                suggestion=f"{written} {surname}",
            )  # fmt: skip
        i = max(i, first + 1)


def check_typography(scan: Scan, dated: set[int]) -> Iterator[Finding]:
    """Every typography finding of one text; ``dated`` are the tokens inside dates."""
    text = scan.tokens.text
    yield from _quotes(text)
    yield from _thousands(text)
    yield from _nr(text)
    yield from _ordinals(scan, dated)
    yield from _initials(scan.tokens)

"""Data → Latvian text: the phrasing every annex kind shares.

The one place where values become the words a document prints: amounts in
figures and words, dates in their case, quotation marks, the annex mark, the
signature line. Each kind's module (:mod:`annexgen.model.kinds`) phrases its own
body with these; :mod:`annexgen.word.context` puts the result in front of the
templates. Word forms themselves (number words, cases, nouns) come from
:mod:`annexgen.lv`; this module only decides which ones an annex needs.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from annexgen.lv import amount_to_words, format_amount, format_date, short_name
from annexgen.lv.approval import act_after_ar, approved_form
from annexgen.lv.dates import Case
from annexgen.model.fields import Decision, Money, Options, Signatory

__all__ = [
    "E_SIGNATURE_MARK",
    "NBSP",
    "annex_mark",
    "approval_mark",
    "date_text",
    "money_text",
    "quotation_marks",
    "quote",
    "signature",
    "split_paragraphs",
    "unbalanced_quote",
    "unquoted",
]

#: document-rules §1.6 (MK 558 wording).
E_SIGNATURE_MARK: Final = (
    "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU"
)

NBSP: Final = "\u00a0"
_QUOTES: Final = {"lv": ("„", "”"), "en": ("“", "”"), "straight": ('"', '"')}


#: Marks that only open or only close a quotation, and those that may do either
#: (document-rules §1.11: „…”, „…“, “…”, "…" and «…» all occur in Latvian text).
_OPENS: Final = "„«"
_CLOSES: Final = "»"
_EITHER: Final = '"“”'
#: What may stand before an opening mark: the start, a space, a bracket or a dash.
_BEFORE_OPENING: Final = "([{–—-/"


def quotation_marks(text: str) -> list[tuple[int, bool]]:
    """Every quotation mark in ``text``: (index, opens). A mark that may do either
    opens at the start or after a space, bracket or dash, and closes elsewhere —
    how the marks are typed, whatever style a clerk uses."""
    marks = []
    for i, ch in enumerate(text):
        if ch in _OPENS or ch in _CLOSES:
            marks.append((i, ch in _OPENS))
        elif ch in _EITHER:
            before = text[i - 1] if i else " "
            marks.append((i, before.isspace() or before in _BEFORE_OPENING))
    return marks


def unbalanced_quote(text: str) -> int | None:
    """The index of the first quotation mark without its pair, or ``None``."""
    open_at: list[int] = []
    for i, opens in quotation_marks(text):
        if opens:
            open_at.append(i)
        elif open_at:
            open_at.pop()
        else:
            return i
    return open_at[0] if open_at else None


def _pair_of_first(marks: list[tuple[int, bool]]) -> int | None:
    """The index of the mark that closes the first one."""
    depth = 0
    for i, opens in marks:
        depth += 1 if opens else -1
        if depth == 0:
            return i
    return None


def unquoted(text: str) -> str:
    """``text`` without quotation marks around the whole of it: „Ābele”, "Ābele",
    “Ābele”, «Ābele» and 'Ābele' all give Ābele; „Ābele” un „Bērzs” stays."""
    text = text.strip()
    while len(text) > 1:  # room for a pair of marks
        if text[0] == text[-1] == "'" and "'" not in text[1:-1]:
            text = text[1:-1].strip()
            continue
        marks = quotation_marks(text)
        if not marks or marks[0] != (0, True) or marks[-1] != (len(text) - 1, False):
            break
        if _pair_of_first(marks) != len(text) - 1:  # „Ābele” un „Bērzs”
            break
        text = text[1:-1].strip()
    return text


def quote(text: str, options: Options | None = None) -> str:
    """Put ``text`` in the document's quotation marks: „…” by default (rules §1.11).

    Never doubled: marks the text already has around it are replaced, and marks
    inside it (a name within the name) are written in the same style — nested
    quotes are double quotes too (document-rules §1.11):
    ``Programmas "Erasmus+" projekts`` → ``„Programmas „Erasmus+” projekts”``.
    """
    opening, closing = _QUOTES[(options or Options()).quotes]
    inner = unquoted(text)
    if unbalanced_quote(inner) is None:
        chars = list(inner)
        for i, opens in quotation_marks(inner):
            chars[i] = opening if opens else closing
        inner = "".join(chars)
    return f"{opening}{inner}{closing}"


def date_text(d: date, case: Case, options: Options) -> str:
    """A date in ``case``, with the document's choice of spaces."""
    return format_date(d, case, nbsp=options.date_spaces == "nbsp")


def split_paragraphs(text: str) -> list[str]:
    """A blank line starts a new paragraph; a single line break stays a line break."""
    found = [p.strip("\n") for p in text.split("\n\n") if p.strip("\n")]
    return found or [""]  # a table cell needs at least one paragraph


def money_text(
    money: Money, options: Options, *, in_words: bool = True, minor_word: str | None = None
) -> str:
    """``19 700,00 EUR (deviņpadsmit tūkstoši septiņi simti eiro)``; lats also in euro.

    ``minor_word`` is this amount's own noun after the cents digits, in place of
    ``options.minor_word`` (a document that writes "eirocenti" once and "eiro centi"
    once keeps both).
    """
    figures = format_amount(money.amount, money.currency)
    parts = [figures]
    if in_words:
        cents = options.cents
        if cents == "none" and money.amount % 1:
            cents = "digits"  # never drop cents that are there
        words = amount_to_words(
            money.amount,
            money.currency,
            cents=cents,
            style=options.number_style,
            spelling=options.euro_spelling if money.currency == "EUR" else None,
            minor_word=(minor_word or options.minor_word) if money.currency == "EUR" else None,
        )
        parts.append(f"({words})")
    if money.currency == "LVL":
        parts.append(f"({format_amount(money.eur_equivalent, 'EUR')})")
    return " ".join(parts)


def annex_mark(decision: Decision, options: Options, title: str = "") -> list[str]:
    """The lines of the annex mark, top right (document-rules §1.2).

    With ``decision.approval``, the approval mark budgets and
    regulations carry instead (document-rules §1.7, the Balvi example):
    „APSTIPRINĀTS / ar … domes / 2021. gada 28. janvāra / lēmumu Nr. … /
    (sēdes prot. Nr. 1, 1. §)”, the participle agreeing with the document
    ``title`` names (:func:`annexgen.lv.approval.approved_form`).
    """
    if decision.approval:
        return approval_mark(decision, options, title)
    n = decision.annex_number
    lines = [f"{n}.{NBSP}pielikums" if n else "Pielikums", decision.council]
    if decision.date is not None:
        when = date_text(decision.date, "genitive", options)
        lines.append(f"{when} sēdes" if decision.meeting else when)
    lines.append(f"{decision.act} Nr.{NBSP}{decision.number}" if decision.number else decision.act)
    if decision.protocol:
        item = f", {decision.item}.{NBSP}§" if decision.item else ""
        lines.append(f"(prot. Nr.{NBSP}{decision.protocol}{item})")
    return lines


def approval_mark(decision: Decision, options: Options, title: str) -> list[str]:
    """The lines of „APSTIPRINĀTS ar … lēmumu (sēdes prot. Nr. …)”."""
    n = decision.annex_number
    lines = [f"{n}.{NBSP}pielikums"] if n else []
    lines.append(decision.approved or approved_form(title))
    lines.append(f"ar {decision.council}")
    sitting = decision.meeting and not decision.protocol
    if decision.date is not None:
        when = date_text(decision.date, "genitive", options)
        lines.append(f"{when} sēdes" if sitting else when)
    act = act_after_ar(decision.act)
    lines.append(f"{act} Nr.{NBSP}{decision.number}" if decision.number else act)
    if decision.protocol:
        item = f", {decision.item}.{NBSP}§" if decision.item else ""
        meeting = "sēdes " if decision.meeting else ""
        lines.append(f"({meeting}prot. Nr.{NBSP}{decision.protocol}{item})")
    return lines


def signature(s: Signatory) -> dict[str, Any]:
    """The signature line: position, "p. i." when a deputy signs, "J. Lāčplēsis"."""
    return {"position": s.position, "acting": s.acting_mark, "name": short_name(s.name)}

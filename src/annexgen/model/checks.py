"""Cross-checks: things each field can be right about alone but wrong together.

Pydantic validates one field at a time; an annex can still contradict itself.
These checks run after validation and return located findings instead of
raising, so that ``annexgen check`` prints every one of them at once:

* an amount written in figures *and* words inside a text field must agree —
  the seed 001 annex writes 115 029 as "simt vienpadsmit tūkstoši …" (111 029);
* a lats amount that states its euro equivalent must use the legal rate
  (latvian-language §11);
* funding sources, with the council's co-financing, must add up to the total
  (a warning: some councils list only part of the funding on purpose);
* explicitly numbered activities should run 1, 2, 3 … (a warning: seed 000
  really has two activities numbered 2);
* an annex without a decision has no annex mark (a warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from pydantic import BaseModel

from annexgen.errors import LanguageError
from annexgen.lv import format_amount, iter_amount_mentions, lvl_to_eur, to_money
from annexgen.model.kinds.project_announcement import ProjectAnnouncement
from annexgen.model.kinds.project_description import CostLine, ProjectDescription

__all__ = ["Finding", "cross_check"]

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A cross-check result: the field path, the message, error or warning."""

    path: Path
    message: str
    severity: str = "error"


def _texts(value: object, path: Path) -> Iterator[tuple[Path, str]]:
    """Every string inside a model, with its path (for scanning free text)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))


def _amounts_in_text(annex: BaseModel) -> Iterator[Finding]:
    for path, text in _texts(annex, ()):
        for m in iter_amount_mentions(text):
            if m.agrees:
                continue
            if m.words_value is None:
                yield Finding(path, f"cannot read the amount in words in {m.text!r}: {m.error}")
                continue
            diff = m.words_value - m.figure
            yield Finding(
                path,
                f"amount in words does not match the figure in {m.text!r}: the figure is "
                f"{format_amount(m.figure, code=False)} but the words say "
                f"{format_amount(m.words_value, code=False)} "
                f"(difference {'+' if diff > 0 else '−'}{format_amount(abs(diff), code=False)})",
            )
            if m.error:  # pragma: no cover - currency conflict reported with the numbers
                yield Finding(path, m.error)


_NUMBER: Final = r"\d[\d \u00a0]*(?:[.,]\d{1,2})?"
#: "LVL 1000 (viens tūkstotis latu) (EUR 1422,87)" as seed 003 writes it, or
#: "1000 LVL (EUR 1422,87)" / "(1422,87 EUR)": lats, optional words, euro in brackets.
_LVL_EUR_TEXT: Final = re.compile(
    rf"(?:\bLVL\s*(?P<lvl1>{_NUMBER})|(?P<lvl2>{_NUMBER})\s*(?:LVL|Ls)\b)"
    r"(?:\s*\([^()]{0,200}\))?"
    rf"\s*\(\s*(?:EUR\s*(?P<eur1>{_NUMBER})|(?P<eur2>{_NUMBER})\s*(?:EUR|euro|eiro))\s*\)"
)


def _lvl_eur_in_text(annex: BaseModel) -> Iterator[Finding]:
    """Lats amounts whose euro equivalent is written by hand inside free text."""
    for path, text in _texts(annex, ()):
        if "LVL" not in text and "Ls" not in text:
            continue
        for m in _LVL_EUR_TEXT.finditer(text):
            try:
                lvl = to_money((m.group("lvl1") or m.group("lvl2")).strip())
                eur = to_money((m.group("eur1") or m.group("eur2")).strip())
            except LanguageError:  # pragma: no cover - the pattern only matches numbers
                continue
            expected = lvl_to_eur(lvl)
            if eur != expected:
                yield Finding(
                    path,
                    f"{m.group(0)!r}: LVL {format_amount(lvl, code=False)} is EUR "
                    f"{format_amount(expected, code=False)} at the legal rate 0,702804, "
                    f"not EUR {format_amount(eur, code=False)}",
                )


def _costs(annex: ProjectDescription) -> Iterator[Finding]:
    totals = [(i, line) for i, line in enumerate(annex.costs) if line.role == "total"]
    sources = [(i, line) for i, line in enumerate(annex.costs) if line.role == "source"]
    for i, line in enumerate(annex.costs):
        money = line.amount
        if money is not None and money.eur is not None:
            expected = lvl_to_eur(money.amount)
            if money.eur != expected:
                yield Finding(
                    ("costs", i, "amount", "eur"),
                    f"{money.currency} {money.amount} is EUR {expected} at the legal rate "
                    f"0,702804, not EUR {money.eur}",
                )
        if line.role in ("total", "source") and money is None:
            yield Finding(("costs", i), f"a cost line with role '{line.role}' needs an amount")
    if len(totals) > 1:
        yield Finding(("costs", totals[1][0]), "more than one cost line has role 'total'")
    if totals and sources and totals[0][1].amount is not None:
        total = totals[0][1].amount.eur_equivalent
        summed = _sum(sources)
        co_financing = _sum([(i, line) for i, line in enumerate(annex.costs)
                             if line.role == "co_financing"])  # fmt: skip
        # the council's co-financing is part of the funding (seeds 001, 003); a
        # document may also list it "tai skaitā", already inside the sources
        if total not in (summed, summed + co_financing):
            parts = f"funding sources add up to {format_amount(summed)}"
            if co_financing:
                parts = (
                    f"funding sources ({format_amount(summed)}) and co-financing "
                    f"({format_amount(co_financing)}) add up to "
                    f"{format_amount(summed + co_financing)}"
                )
            yield Finding(
                ("costs", totals[0][0], "amount"),
                f"{parts}, but the total is {format_amount(total)}",
                "warning",
            )


def _sum(lines: list[tuple[int, CostLine]]) -> Decimal:
    return sum(
        (line.amount.eur_equivalent for _, line in lines if line.amount is not None),
        Decimal("0.00"),
    )


def _activities(annex: ProjectDescription) -> Iterator[Finding]:
    numbers = [a.number for a in annex.activities]
    if not any(numbers):
        return
    if not all(numbers):
        yield Finding(("activities",), "number all activities or none of them")
        return
    expected = [f"{i}." for i in range(1, len(numbers) + 1)]
    if [n.strip() if n else n for n in numbers] != expected:
        yield Finding(
            ("activities",),
            f"activities are numbered {', '.join(n or '' for n in numbers)} "
            "instead of 1, 2, 3 …; leave 'number' out to number them automatically",
            "warning",
        )


def cross_check(annex: BaseModel) -> list[Finding]:
    """All cross-field findings for a validated annex (empty when consistent)."""
    findings = list(_amounts_in_text(annex))
    findings += _lvl_eur_in_text(annex)
    if getattr(annex, "decision", "absent") is None and not isinstance(annex, ProjectAnnouncement):
        findings.append(
            Finding(("decision",), "no decision given: the annex mark will be left out", "warning")
        )
    if isinstance(annex, ProjectDescription):
        findings += _costs(annex)
        findings += _activities(annex)
    return findings

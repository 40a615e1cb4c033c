"""Cross-checks: things each field can be right about alone but wrong together.

Pydantic validates one field at a time; an annex can still contradict itself.
These checks run after validation and return :class:`~annexgen.errors.Finding`
objects instead of raising, so that ``annexgen check`` prints every one of
them at once; the amount findings share their codes with ``annexgen lint``
(``amount-words``, ``lvl-eur-rate``), which reports the same facts in Word files:

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
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Final

from pydantic import BaseModel

from annexgen.errors import Finding, LanguageError, Location, Severity, field_path
from annexgen.lv import iter_amount_mentions, lvl_to_eur, to_money
from annexgen.lv.amounts import FIGURE
from annexgen.messages import Param, Phrase
from annexgen.model.kinds.project_announcement import ProjectAnnouncement
from annexgen.model.kinds.project_description import CostLine, ProjectDescription

__all__ = ["Locate", "amount_words_params", "cross_check", "findings_by_path"]

Path = tuple[str | int, ...]
#: Turns a field path into a location (the loader knows line and column).
Locate = Callable[[Path], Location]


def _field_only(path: Path) -> Location:
    return Location(field=field_path(path) or None)


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


class _Findings:
    """Collects the findings of one annex, each with the field path it points to."""

    def __init__(self) -> None:
        self.found: list[tuple[Path, Finding]] = []

    def add(
        self,
        path: Path,
        code: str,
        params: Mapping[str, Param] | None = None,
        severity: Severity = "error",
        excerpt: str | None = None,
    ) -> None:
        finding = Finding(code, severity, _field_only(path), dict(params or {}), excerpt=excerpt)
        self.found.append((path, finding))


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


def _amounts_in_text(annex: BaseModel, out: _Findings) -> None:
    for path, text in _texts(annex, ()):
        for m in iter_amount_mentions(text):
            if m.agrees:
                continue
            if m.words_value is None:
                reason = {"reason": m.error or ""}
                out.add(path, "amount-words-unreadable", reason, excerpt=m.text)
                continue
            params = amount_words_params(m.figure, m.words_value)
            out.add(path, "amount-words", params, excerpt=m.text)
            if m.error:  # pragma: no cover - currency conflict reported with the numbers
                out.add(path, "amount-currency", {"reason": m.error}, excerpt=m.text)


_NUMBER: Final = FIGURE  # linear: each digit run is read once (issue 17)
#: "LVL 1000 (viens tūkstotis latu) (EUR 1422,87)" as seed 003 writes it, or
#: "1000 LVL (EUR 1422,87)" / "(1422,87 EUR)": lats, optional words, euro in brackets.
_LVL_EUR_TEXT: Final = re.compile(
    rf"(?:\bLVL\s*(?P<lvl1>{_NUMBER})|(?P<lvl2>{_NUMBER})\s*(?:LVL|Ls)\b)"
    r"(?:\s*\([^()]{0,200}\))?"
    rf"\s*\(\s*(?:EUR\s*(?P<eur1>{_NUMBER})|(?P<eur2>{_NUMBER})\s*(?:EUR|euro|eiro))\s*\)"
)


def _lvl_eur_in_text(annex: BaseModel, out: _Findings) -> None:
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
                params = {"lvl": lvl, "expected": expected, "eur": eur}
                out.add(path, "lvl-eur-rate", params, excerpt=m.group(0))


def _costs(annex: ProjectDescription, out: _Findings) -> None:
    totals = [(i, line) for i, line in enumerate(annex.costs) if line.role == "total"]
    sources = [(i, line) for i, line in enumerate(annex.costs) if line.role == "source"]
    for i, line in enumerate(annex.costs):
        money = line.amount
        if money is not None and money.eur is not None:
            expected = lvl_to_eur(money.amount)
            if money.eur != expected:
                params = {"lvl": money.amount, "expected": expected, "eur": money.eur}
                out.add(("costs", i, "amount", "eur"), "lvl-eur-rate", params)
        if line.role in ("total", "source") and money is None:
            out.add(("costs", i), "cost-needs-amount", {"role": line.role})
    if len(totals) > 1:
        out.add(("costs", totals[1][0]), "several-totals")
    if totals and sources and totals[0][1].amount is not None:
        total = totals[0][1].amount.eur_equivalent
        summed = _sum(sources)
        co_financing = _sum([(i, line) for i, line in enumerate(annex.costs)
                             if line.role == "co_financing"])  # fmt: skip
        # the council's co-financing is part of the funding (seeds 001, 003); a
        # document may also list it "tai skaitā", already inside the sources
        if total not in (summed, summed + co_financing):
            where = ("costs", totals[0][0], "amount")
            if co_financing:
                params = {"sources": summed, "co_financing": co_financing,
                          "sum": summed + co_financing, "total": total}  # fmt: skip
                out.add(where, "funding-sum-co-financing", params, "warning")
            else:
                out.add(where, "funding-sum", {"sum": summed, "total": total}, "warning")


def _sum(lines: list[tuple[int, CostLine]]) -> Decimal:
    return sum(
        (line.amount.eur_equivalent for _, line in lines if line.amount is not None),
        Decimal("0.00"),
    )


def _activities(annex: ProjectDescription, out: _Findings) -> None:
    numbers = [a.number for a in annex.activities]
    if not any(numbers):
        return
    if not all(numbers):
        out.add(("activities",), "activities-partly-numbered")
        return
    expected = [f"{i}." for i in range(1, len(numbers) + 1)]
    if [n.strip() if n else n for n in numbers] != expected:
        params = {"numbers": [n or "" for n in numbers]}
        out.add(("activities",), "activities-numbering", params, "warning")


def cross_check(annex: BaseModel, locate: Locate = _field_only) -> list[Finding]:
    """All cross-field findings for a validated annex (empty when consistent).

    ``locate`` turns the field path of a finding into its location; the
    loader passes one that knows the line and column of every value.
    """
    return [replace(f, location=locate(path)) for path, f in findings_by_path(annex)]


def findings_by_path(annex: BaseModel) -> list[tuple[Path, Finding]]:
    """The findings of :func:`cross_check`, each with the field path it points to.

    For :mod:`annexgen.model.partial`, which keeps or drops a finding by its
    path; the findings are located by field only.
    """
    out = _Findings()
    _amounts_in_text(annex, out)
    _lvl_eur_in_text(annex, out)
    if getattr(annex, "decision", "absent") is None and not isinstance(annex, ProjectAnnouncement):
        out.add(("decision",), "no-decision", severity="warning")
    if isinstance(annex, ProjectDescription):
        _costs(annex, out)
        _activities(annex, out)
    return out.found

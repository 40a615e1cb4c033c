"""Cross-checks: things each field can be right about alone but wrong together.

Pydantic validates one field at a time; an annex can still contradict itself.
These checks run after validation and return :class:`~annexgen.errors.Finding`
objects instead of raising, so that ``annexgen check`` prints every one of
them at once:

* every free-text field goes through the Latvian text rules of
  :mod:`annexgen.lv.rules` — the very rules ``annexgen lint`` runs on Word
  files, with the same codes: an amount in figures and words must agree (the
  seed 001 annex writes 115 029 as "simt vienpadsmit tūkstoši …", 111 029),
  a lats amount's euro equivalent must use the legal rate (latvian-language
  §11), numbers and nouns agree, a date takes the case its context needs
  ("līdz 2024. gada 30. jūnijam"), and style (legacy spacing, quotation marks)
  is a warning;
* a lats cost amount's stated euro equivalent must use the legal rate too;
* funding sources, with the council's co-financing, must add up to the total
  (a warning: some councils list only part of the funding on purpose);
* explicitly numbered activities should run 1, 2, 3 … (a warning: seed 000
  really has two activities numbered 2);
* an annex without a decision has no annex mark (a warning).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Final

from pydantic import BaseModel

from annexgen.errors import Finding, Location, Severity, field_path
from annexgen.lv import lvl_to_eur
from annexgen.lv.rules import amount_words_params, check_text
from annexgen.messages import Param
from annexgen.model.kinds.project_announcement import ProjectAnnouncement
from annexgen.model.kinds.project_description import CostLine, ProjectDescription

__all__ = ["Locate", "amount_words_params", "cross_check", "findings_by_path"]

Path = tuple[str | int, ...]
#: Turns a field path into a location (the loader knows line and column).
Locate = Callable[[Path], Location]


def _field_only(path: Path) -> Location:
    return Location(field=field_path(path) or None)


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
    """Every string inside a model, with its path (for scanning free text).

    A model's ``not_printed`` fields (a class attribute: names, codes and
    settings such as a table column's key and type) hold no text a document
    prints, and are left out.
    """
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        skip: frozenset[str] = getattr(type(value), "not_printed", frozenset())
        for name in type(value).model_fields:
            if name not in skip:
                yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))


#: Values that are not printed as typed, so the text rules have nothing to say about
#: them: the kind, currency codes, the options, and the signatory's name (printed as
#: initials and surname, "J. Lāčplēsis", whatever was typed: document-rules §1.5).
_NOT_FREE_TEXT: Final = frozenset({("kind",), ("options",), ("signatory", "name")})
#: The quotation marks each ``options.quotes`` style chooses (their findings are wanted).
_CHOSEN_MARKS: Final = {"en": "“…”", "straight": '"…"'}


def _free_text(annex: BaseModel) -> Iterator[tuple[Path, str]]:
    for path, text in _texts(annex, ()):
        named = tuple(p for p in path if isinstance(p, str))
        if (
            path[:1] in _NOT_FREE_TEXT
            or named[-2:] in _NOT_FREE_TEXT
            or named[-1:] == ("currency",)
        ):
            continue
        yield path, text


def _text_rules(annex: BaseModel, out: _Findings) -> None:
    """The Latvian text rules (lint's rules) on every free-text field of the annex.

    So a goal that says "līdz 2024. gada 30. jūnijs" or "2000 EUR (divi tūkstotis
    eiro)" is reported by ``check`` at its line in the YAML, exactly as ``lint``
    reports it in a Word file.
    """
    options = getattr(annex, "options", None)
    chosen = _CHOSEN_MARKS.get(getattr(options, "quotes", "lv"))
    seen: dict[str, list[Finding]] = {}  # a table repeats its units and names: checked once
    for path, text in _free_text(annex):
        found = seen.get(text)
        if found is None:
            found = seen[text] = check_text(text)
        for f in found:
            if f.code == "quotes" and chosen is not None and f.params.get("marks") == chosen:
                continue  # the document's own choice of quotation marks
            out.found.append((path, replace(f, location=_field_only(path))))


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
    _text_rules(annex, out)
    if getattr(annex, "decision", "absent") is None and not isinstance(annex, ProjectAnnouncement):
        out.add(("decision",), "no-decision", severity="warning")
    if isinstance(annex, ProjectDescription):
        _costs(annex, out)
        _activities(annex, out)
    return out.found

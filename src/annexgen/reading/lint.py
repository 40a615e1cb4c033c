"""Lint existing annexes: wrong amounts in words, agreement, rates, dates, typography.

Why: councils hold years of annexes typed by hand, and hand-typed amounts go
wrong — seed 001 writes 115 029 as "simt vienpadsmit tūkstoši …" (= 111 029).
The linter reads a .docx or .txt (no YAML needed) and reports, per finding,
the file, the paragraph/cell/line, the text, what is wrong and the correction.

The rules themselves are the Latvian rules of :mod:`annexgen.lv.rules` — the
same ones ``annexgen check`` runs on the free text of a YAML annex, so the two
never disagree. This module only reads documents and puts each finding where
a clerk finds it. Findings are :class:`~annexgen.errors.Finding` objects whose
code is the rule id, with the severities every other check uses
(``annexgen lint --rules`` lists the rules, their severity, their source and
an example of each):

* ``error`` — the text says something false or ungrammatical: words that
  disagree with the figure, a counted noun or scale word that does not agree
  with its number, a euro equivalent that is not LVL ÷ 0,702804, a date in the
  wrong case after a preposition or before the noun it describes.
* ``warning`` — style: an allowed or legacy variant where the current norm
  differs: "2013.gada", "1.pielikumu", "19 700.00 EUR", "Nr.610", “…” or "…"
  instead of „…”, colloquial number words ("simtu viens", "tūkstots").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Final

from annexgen.errors import Finding, LanguageError, Location
from annexgen.i18n import N_
from annexgen.lv.figures import format_number, is_total_label, parse_number
from annexgen.lv.rules import RULES as TEXT_RULES
from annexgen.lv.rules import Rule, check_text
from annexgen.lv.rules import rules_text as _rules_text
from annexgen.reading.documents import Document, DocumentTable, TextBlock, read_document

__all__ = ["RULES", "Rule", "lint_document", "lint_file", "lint_text", "rules_text"]

#: Every lint rule: the Latvian text rules, then those on a whole document.
RULES: Final[dict[str, Rule]] = {
    **TEXT_RULES,
    "table-total": Rule(
        "table-total",
        "error",
        N_("a „Kopā”/„Pavisam” row's figure is not the sum of its column"),
        "document-rules §2.1; issue 16",
        "| Izdevumi | 100 | / | Ieņēmumi | 50 | / | Kopā | 150 |",
        "| Izdevumi | 100 | / | Ieņēmumi | 50 | / | Kopā | 140 |",
    ),
}


def rules_text() -> str:
    """The rule table as a reader wants it (``annexgen lint --rules``)."""
    return _rules_text(RULES)


def lint_file(path: str | Path) -> list[Finding]:
    """Lint one .docx/.txt file; raises :class:`~annexgen.errors.DocumentError` if unreadable."""
    return lint_document(read_document(path))


def lint_document(document: Document) -> list[Finding]:
    """Every finding in a read document, in reading order (table totals after the text).

    Text files give ``file:line:column``; Word files give the place a human
    finds ("paragraph 12", "table 1 row 3 cell 2", "header 1 paragraph 1").
    """
    found = [f for block in document.blocks for f in _lint_block(document.path, block)]
    for table in document.tables:
        found += _check_table_totals(document.path, table)
    return found


def lint_text(text: str) -> list[Finding]:
    """Every finding in one piece of text, ordered by position.

    Each finding's ``location.column`` is the 1-based offset of its
    ``excerpt`` in the NFC form of ``text``.
    """
    return check_text(text)


def _lint_block(path: str, block: TextBlock) -> Iterator[Finding]:
    for f in lint_text(block.text):
        if block.line is None:
            where = Location(path, place=block.position)
        else:
            where = Location(path, block.line, f.location.column)
        yield replace(f, location=where)


# --- table totals -------------------------------------------------------------------

_CELL_FIGURE: Final = re.compile(
    r"^[-\u2212]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?(?:[ \u00a0]?(?:EUR|€|%))?$"
)


def _figure(cell: str) -> Decimal | None:
    """A cell's number when the whole cell is one (``1 234,56``, ``12 EUR``), else ``None``."""
    text = " ".join(cell.replace("\u00a0", " ").split())
    if not _CELL_FIGURE.match(text):
        return None
    text = re.sub(r"\s?(?:EUR|€|%)$", "", text)
    try:
        return parse_number(text)
    except LanguageError:  # pragma: no cover - the pattern admits only numbers
        return None


def _places(values: list[Decimal]) -> int:
    exponents = [v.as_tuple().exponent for v in values]
    return max([-e for e in exponents if isinstance(e, int) and e < 0] or [0])


def _check_table_totals(path: str, table: DocumentTable) -> Iterator[Finding]:
    """„Kopā” and „Pavisam” rows: each figure must be the sum of its column above.

    A „Kopā” row sums the rows since the previous summary row; a „Pavisam”
    row sums the „Kopā” rows above it when there are any (subtotals), else
    every row. Cells that are not numbers (headers, row numbers „1.”) are
    not counted; a column is checked only where the summary row has a figure.
    """
    since_last: list[tuple[str, ...]] = []
    subtotals: list[tuple[str, ...]] = []
    every: list[tuple[str, ...]] = []
    for r, row in enumerate(table.rows, start=1):
        label_at = next((j for j, c in enumerate(row) if c.strip()), None)
        label = row[label_at] if label_at is not None else ""
        if label_at is None or not is_total_label(label):
            since_last.append(row)
            every.append(row)
            continue
        grand = label.strip().lower().startswith("pavisam")
        summed = (subtotals or every) if grand else since_last
        for j in range(label_at + 1, len(row)):
            stated = _figure(row[j])
            if stated is None:
                continue
            parts = [
                v for other in summed if j < len(other) and (v := _figure(other[j])) is not None
            ]
            if not parts:
                continue
            computed = sum(parts, Decimal(0))
            if computed != stated:
                places = _places([stated, *parts])
                where = f"{table.position} row {r}"
                yield Finding(
                    "table-total",
                    location=Location(path, place=f"{where} cell {j + 1}"),
                    params={
                        "table": table.position,
                        "row": r,
                        "label": " ".join(label.split()),
                        "column": j + 1,
                        "stated": stated,
                        "computed": computed,
                        "difference": stated - computed,
                    },
                    suggestion=format_number(computed, places),
                    excerpt=row[j],
                )
        if grand:
            subtotals, every = [], []
        else:
            subtotals.append(row)
        since_last = []

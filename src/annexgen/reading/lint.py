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

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Final

from annexgen.errors import Finding, Location
from annexgen.lv.rules import RULES as TEXT_RULES
from annexgen.lv.rules import Rule, check_text
from annexgen.lv.rules import rules_text as _rules_text
from annexgen.reading.documents import Document, TextBlock, read_document

__all__ = ["RULES", "Rule", "lint_document", "lint_file", "lint_text", "rules_text"]

#: Every lint rule: the Latvian text rules, then those on a whole document.
RULES: Final[dict[str, Rule]] = {**TEXT_RULES}


def rules_text() -> str:
    """The rule table as a reader wants it (``annexgen lint --rules``)."""
    return _rules_text(RULES)


def lint_file(path: str | Path) -> list[Finding]:
    """Lint one .docx/.txt file; raises :class:`~annexgen.errors.DocumentError` if unreadable."""
    return lint_document(read_document(path))


def lint_document(document: Document) -> list[Finding]:
    """Every finding in a read document, in reading order, located in the document.

    Text files give ``file:line:column``; Word files give the place a human
    finds ("paragraph 12", "table 1 row 3 cell 2", "header 1 paragraph 1").
    """
    return [f for block in document.blocks for f in _lint_block(document.path, block)]


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

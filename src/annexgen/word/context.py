"""From a validated annex to the plain values a template prints.

The template context is assembled here from the kind's own phrasing
(:attr:`Kind.body <annexgen.model.kinds.base.Kind.body>`) and the parts every
annex shares (annex mark, signature, document properties), all worded by
:mod:`annexgen.model.wording`. Templates receive only plain strings, lists and
dicts (no objects with methods: the Jinja sandbox then has nothing to abuse).
``public`` redacts the model first (:func:`annexgen.model.redaction.redact`),
so no template, and no part of the context, can see personal data.

The context, documented for template authors in ``docs/templates.md``::

    kind        "project-description" | "generic" | "project-announcement"
    mark        {"lines": [...]} or None — "Pielikums", council, date, "lēmumam Nr. 610"
    title       the title, with quotation marks
    rows        [{"key", "label", "paragraphs": [str], "entries": [str], "numbered": bool,
                  "keep": bool}]   keep: short enough to be kept whole on one page
    paragraphs  [str]   (generic annex: paragraphs after the rows)
    blocks      [{"text": str | None, "bullets": [str]}]   (announcement)
    disclaimer  str     (announcement)
    table       {"columns", "rows", "total", "words", "intro", "width"} or None (table kind)
    page        {"width", "height", "landscape", "orient", "text_width"} or None (table kind)
    signature   {"position", "acting", "name"} or None
    e_signed    bool; e_signature_mark: the sentence to print when e_signed
    properties  {"title", "subject", "keywords", "author", "language", "date"}
    data        the annex itself as plain values, for custom templates
    table_header {"label", "value"}: the header row labels
    header_row  bool: print the header row (options.header_row; the seeds have none)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from math import ceil
from typing import Any, Final

from annexgen.model.fields import AnnexBase
from annexgen.model.kinds import get_kind, kind_of
from annexgen.model.redaction import redact
from annexgen.model.wording import E_SIGNATURE_MARK, NBSP, annex_mark, signature

__all__ = ["build_context", "expected_texts"]

#: Header row of two-column tables ("Sadaļa | Saturs").
TABLE_HEADER: Final = {"label": "Sadaļa", "value": "Saturs"}


#: Rows of at most this many lines are kept whole on one page (``row.keep``):
#: moving one to the next page leaves at most about an eighth of a page empty,
#: while a longer row may break across pages (issue 18: no page ends more than a
#: fifth empty because of the table).
KEEP_LINES: Final = 6
#: Characters a line, counted low so that rows are rather over- than underestimated:
#: the bundled templates' text column is 11.6 cm of 12 pt Times New Roman (about
#: 60 characters of Latvian text), the label column 4.9 cm of bold (about 22).
VALUE_LINE_CHARS: Final = 55
LABEL_LINE_CHARS: Final = 20


def _lines(texts: list[str], width: int) -> int:
    """Estimated printed lines of some paragraphs (every paragraph at least one)."""
    return sum(max(1, ceil(len(line) / width)) for text in texts for line in text.split("\n"))


def _keep(row: dict[str, Any]) -> bool:
    """Whether a table row is short enough never to break across pages."""
    value = _lines([*row["paragraphs"], *row["entries"]], VALUE_LINE_CHARS)
    return max(value, _lines([row["label"]], LABEL_LINE_CHARS)) <= KEEP_LINES


def _plain(value: Any) -> Any:
    """Model data for custom templates: plain dicts/lists/str/Decimal/date only."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | Decimal | date | bool) or value is None:
        return value
    return str(value)  # pragma: no cover - the models hold nothing else


def _properties(annex: AnnexBase, title: str, mark: list[str] | None) -> dict[str, Any]:
    decision = annex.decision
    keywords = ["pielikums"]
    if decision is not None:
        if decision.number:
            keywords.append(f"lēmums Nr. {decision.number}")
        if decision.date:
            keywords.append(decision.date.isoformat())
        if decision.protocol:
            keywords.append(f"prot. Nr. {decision.protocol}")
    subject = " ".join(mark[:4]) if mark else title
    return {
        "title": title,
        "subject": subject.replace(NBSP, " "),
        "keywords": "; ".join(keywords),
        "author": decision.council if decision else "",
        "language": "lv-LV",
        "date": decision.date if decision and decision.date else None,
    }


def build_context(annex: AnnexBase, *, public: bool = False) -> dict[str, Any]:
    """Everything a template needs, as plain values (see the module docstring)."""
    if public:
        annex = redact(annex)
    options = annex.options
    body = kind_of(annex).body(annex)
    mark = annex_mark(annex.decision, options, body["title"]) if annex.decision else None
    ctx: dict[str, Any] = {
        "kind": annex.kind,
        "mark": {"lines": mark} if mark else None,
        "rows": [],
        "paragraphs": [],
        "blocks": [],
        "disclaimer": None,
        "table": None,
        "page": None,
        **body,
        "signature": signature(annex.signatory) if annex.signatory else None,
        "e_signed": annex.e_signed,
        "e_signature_mark": E_SIGNATURE_MARK,
        "public": public,
        "data": _plain(annex.model_dump(mode="python")),
        "table_header": dict(TABLE_HEADER),
        "header_row": options.header_row,
    }
    ctx["rows"] = [{**row, "keep": _keep(row)} for row in ctx["rows"]]
    ctx["properties"] = _properties(annex, ctx["title"], mark)
    return ctx


def expected_texts(ctx: dict[str, Any]) -> Iterator[str]:
    """Every string the bundled templates must print, for the lost-text check."""
    if ctx["mark"]:
        yield from ctx["mark"]["lines"]
    yield ctx["title"]
    for row in ctx["rows"]:
        yield row["label"]
        yield from row["paragraphs"]
        yield from row["entries"]
    yield from ctx["paragraphs"]
    for block in ctx["blocks"]:
        yield from block.get("bullets") or [block.get("text") or ""]
    if ctx["disclaimer"]:
        yield ctx["disclaimer"]
    kind_texts = get_kind(ctx["kind"]).texts
    if kind_texts is not None:
        yield from kind_texts(ctx)
    if ctx["signature"]:
        yield ctx["signature"]["position"]
        yield ctx["signature"]["name"]
    if ctx["e_signed"]:
        yield ctx["e_signature_mark"]

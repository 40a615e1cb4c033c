"""From a validated annex to the plain values a template prints.

This is the one place where data becomes Latvian text: amounts in figures
and words, inflected dates, the annex mark, "J. Lāčplēsis", quotation marks,
default labels. Templates receive only plain strings, lists and dicts (no
objects with methods: the Jinja sandbox then has nothing to abuse), and
``--public`` is applied here, so no template can forget it.

The context, documented for template authors in ``docs/templates.md``::

    kind        "project-description" | "generic" | "project-announcement"
    mark        {"lines": [...]} or None — "Pielikums", council, date, "lēmumam Nr. 610"
    title       the title, with quotation marks
    rows        [{"key", "label", "paragraphs": [str], "entries": [str], "numbered": bool}]
    paragraphs  [str]   (generic annex: paragraphs after the rows)
    blocks      [{"text": str | None, "bullets": [str]}]   (announcement)
    disclaimer  str     (announcement)
    signature   {"position", "acting", "name"} or None
    e_signed    bool; e_signature_mark: the sentence to print when e_signed
    properties  {"title", "subject", "keywords", "author", "language", "date"}
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from annexgen.lv import (
    amount_to_words,
    format_amount,
    format_date,
    noun_form,
    short_name,
)
from annexgen.lv.currencies import NounForms
from annexgen.lv.dates import Case
from annexgen.models import (
    ROW_KEYS,
    AnnexBase,
    Contact,
    CostLine,
    Decision,
    Duration,
    GenericAnnex,
    Money,
    Options,
    ProjectAnnouncement,
    ProjectDescription,
    Signatory,
)

__all__ = [
    "DEFAULT_LABELS",
    "E_SIGNATURE_MARK",
    "build_context",
    "disclaimer",
    "money_text",
    "quote",
]

#: Row labels as the seed annexes write them (seeds 000, 001, 003).
DEFAULT_LABELS: Final = {
    "applicant": "Projekta pieteicējs",
    "implementer": "Projekta īstenotājs",
    "partners": "Projekta partneri",
    "duration": "Projekta ilgums",
    "goal": "Projekta mērķis",
    "description": "Projekta apraksts",
    "justification": "Projekta pamatojums",
    "costs": "Projekta izmaksas",
    "target_group": "Projekta mērķa grupa",
    "activities": "Projekta aktivitātes",
    "results": "Projekta rezultāti",
    "contact": "Kontaktpersona",
}

#: document-rules §1.6 (MK 558 wording).
E_SIGNATURE_MARK: Final = (
    "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU"
)

_QUOTES: Final = {"lv": ("„", "”"), "en": ("“", "”"), "straight": ('"', '"')}
_NBSP: Final = "\u00a0"
_MONTHS_NOUN: Final = NounForms("mēnesis", "mēneši", "mēnešu")


def quote(text: str, options: Options | None = None) -> str:
    """Put ``text`` in the document's quotation marks: „…” by default (rules §1.11)."""
    opening, closing = _QUOTES[(options or Options()).quotes]
    return f"{opening}{text}{closing}"


def _date(d: date, case: Case, options: Options) -> str:
    return format_date(d, case, nbsp=options.date_spaces == "nbsp")


def _paragraphs(text: str) -> list[str]:
    """A blank line starts a new paragraph; a single line break stays a line break."""
    paragraphs = [p.strip("\n") for p in text.split("\n\n") if p.strip("\n")]
    return paragraphs or [""]  # a table cell needs at least one paragraph


def money_text(money: Money, options: Options, *, in_words: bool = True) -> str:
    """``19 700,00 EUR (deviņpadsmit tūkstoši septiņi simti eiro)``; lats also in euro."""
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
            minor_word=options.minor_word if money.currency == "EUR" else None,
        )
        parts.append(f"({words})")
    if money.currency == "LVL":
        parts.append(f"({format_amount(money.eur_equivalent, 'EUR')})")
    return " ".join(parts)


def _cost_line(line: CostLine, options: Options) -> str:
    out = line.text
    if line.amount is not None:
        amount = money_text(line.amount, options, in_words=line.in_words)
        out = f"{out} {amount}" if out else amount
    after = line.after
    if after and (after[0].isalnum() or after[0] in '(„“"') and out:
        after = " " + after
    return out + after


def _duration(d: Duration, options: Options) -> str:
    if d.until is not None:
        text = f"Līdz {_date(d.until, 'dative', options)}"
    elif d.start is not None and d.end is not None:
        text = f"No {_date(d.start, 'genitive', options)} līdz {_date(d.end, 'dative', options)}"
    elif d.months is not None:
        text = f"{d.months} {noun_form(d.months, _MONTHS_NOUN)}"
    else:
        text = d.text or ""
    return f"{text} {d.note}" if d.note else text


def _contact(c: Contact, public: bool, placeholder: str) -> list[str]:
    def personal(value: str) -> str:
        return placeholder if public else value

    lines = [personal(c.name) + (f", {c.position}" if c.position else "")]
    for label, value in (("Tālr.", c.phone), ("Mob.", c.mobile), ("E-pasts", c.email)):
        if value:
            lines.append(f"{label}: {personal(value)}")
    return ["\n".join(lines)]


def _mark(decision: Decision, options: Options) -> dict[str, Any]:
    n = decision.annex_number
    lines = [f"{n}.{_NBSP}pielikums" if n else "Pielikums", decision.council]
    if decision.date is not None:
        when = _date(decision.date, "genitive", options)
        lines.append(f"{when} sēdes" if decision.meeting else when)
    lines.append(f"{decision.act} Nr.{_NBSP}{decision.number}" if decision.number else decision.act)
    if decision.protocol:
        item = f", {decision.item}.{_NBSP}§" if decision.item else ""
        lines.append(f"(prot. Nr.{_NBSP}{decision.protocol}{item})")
    return {"lines": lines}


def _signature(s: Signatory) -> dict[str, Any]:
    return {
        "position": s.position,
        "acting": "p. i." if s.acting else None,
        "name": short_name(s.name),
    }


def _project_rows(annex: ProjectDescription, public: bool) -> list[dict[str, Any]]:
    options = annex.options
    placeholder = options.personal_placeholder
    rows: dict[str, dict[str, Any]] = {}
    for key in ROW_KEYS:
        value = getattr(annex, key)
        if value in (None, [], ""):
            continue
        row: dict[str, Any] = {
            "key": key,
            "label": annex.labels.get(key, DEFAULT_LABELS[key]),  # type: ignore[call-overload,unused-ignore]
            "paragraphs": [],
            "entries": [],
            "numbered": False,
        }
        if isinstance(value, str):
            row["paragraphs"] = _paragraphs(value)
        elif key == "duration":
            row["paragraphs"] = [_duration(value, options)]
        elif key == "costs":
            row["paragraphs"] = [_cost_line(line, options) for line in value]
        elif key == "target_group":
            row["paragraphs"] = _paragraphs(value.direct)
            if value.indirect:
                row["paragraphs"].append(f"Netiešā mērķa grupa: {value.indirect}")
        elif key == "activities":
            if all(a.number is None for a in value):
                row["entries"] = [a.text for a in value]
                row["numbered"] = True
            else:
                row["paragraphs"] = [f"{a.number} {a.text}" for a in value]
        elif key == "contact":
            row["paragraphs"] = _contact(value, public, placeholder)
        rows[key] = row
    order: list[str] = list(annex.order) if annex.order else list(rows)
    ordered = [rows[k] for k in order if k in rows]
    for extra in annex.extra_rows:
        text = placeholder if public and extra.personal else extra.text
        row = {"key": "extra", "label": extra.label, "paragraphs": _paragraphs(text),
               "entries": [], "numbered": False}  # fmt: skip
        position = len(ordered)
        if extra.after is not None:
            keys = [r["key"] for r in ordered]
            position = keys.index(extra.after) + 1 if extra.after in keys else len(ordered)
        ordered.insert(position, row)
    return ordered


def disclaimer(annex: ProjectAnnouncement) -> str:
    """The EU-funding sentence EU programmes require at the end of a publication."""
    if annex.disclaimer:
        return annex.disclaimer
    p = annex.project
    name = " ".join(
        part
        for part in (
            p.code,
            quote(p.name, annex.options),
            f"({p.short_name})" if p.short_name else None,
        )
        if part
    )
    return (
        f"Projekts {name} tiek īstenots {p.programme} ietvaros. Šo projektu finansē Eiropas "
        "Savienība. Šis raksts ir sagatavots ar Eiropas Savienības finansiālo atbalstu. "
        f"Par šī dokumenta saturu pilnībā atbild {p.responsible}, un tas nekādos apstākļos "
        "nav uzskatāms par Eiropas Savienības oficiālo nostāju."
    )


def _title(annex: AnnexBase) -> str:
    if isinstance(annex, ProjectDescription):
        return annex.title or f"Projekta {quote(annex.project_name, annex.options)} apraksts"
    assert isinstance(annex, GenericAnnex | ProjectAnnouncement)
    return annex.title


def build_context(
    annex: ProjectDescription | GenericAnnex | ProjectAnnouncement, *, public: bool = False
) -> dict[str, Any]:
    """Everything a template needs, as plain values (see the module docstring)."""
    options = annex.options
    title = _title(annex)
    mark = _mark(annex.decision, options) if annex.decision else None
    ctx: dict[str, Any] = {
        "kind": annex.kind,
        "mark": mark,
        "title": title,
        "rows": [],
        "paragraphs": [],
        "blocks": [],
        "disclaimer": None,
        "signature": _signature(annex.signatory) if annex.signatory else None,
        "e_signed": annex.e_signed,
        "e_signature_mark": E_SIGNATURE_MARK,
        "public": public,
    }
    if isinstance(annex, ProjectDescription):
        ctx["rows"] = _project_rows(annex, public)
    elif isinstance(annex, GenericAnnex):
        placeholder = options.personal_placeholder
        ctx["rows"] = [
            {"key": "row", "label": r.label,
             "paragraphs": _paragraphs(placeholder if public and r.personal else r.text),
             "entries": [], "numbered": False}
            for r in annex.rows
        ]  # fmt: skip
        ctx["paragraphs"] = [p for text in annex.paragraphs for p in _paragraphs(text)]
    elif isinstance(annex, ProjectAnnouncement):
        ctx["blocks"] = [{"text": b.text, "bullets": list(b.bullets or [])} for b in annex.blocks]
        ctx["disclaimer"] = disclaimer(annex)
    subject = " ".join(mark["lines"][:4]) if mark else title
    decision = annex.decision
    keywords = ["pielikums"]
    if decision is not None:
        if decision.number:
            keywords.append(f"lēmums Nr. {decision.number}")
        if decision.date:
            keywords.append(decision.date.isoformat())
        if decision.protocol:
            keywords.append(f"prot. Nr. {decision.protocol}")
    ctx["properties"] = {
        "title": title,
        "subject": subject.replace(_NBSP, " "),
        "keywords": "; ".join(keywords),
        "author": decision.council if decision else "",
        "language": "lv-LV",
        "date": decision.date if decision and decision.date else None,
    }
    return ctx

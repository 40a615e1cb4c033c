"""The project description ("Projekta „…” apraksts"), seeds 000–003.

The two-column annex: a label on the left, its text on the right, in the
order and with the labels the seeds use. This module is the whole kind: its
data (:class:`ProjectDescription` and its parts) and how that data is phrased
as rows of the document (:func:`body`).
"""

from __future__ import annotations

import typing
from typing import Annotated, Any, ClassVar, Final, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from annexgen.errors import FieldError
from annexgen.i18n import N_
from annexgen.lv import noun_form
from annexgen.lv.words import MONTHS_NOUN
from annexgen.model.fields import (
    MAX_ITEMS,
    PERSONAL,
    AlsoText,
    AnnexBase,
    Date,
    Model,
    Money,
    Options,
    Text,
    whole_number,
)
from annexgen.model.kinds.base import Body, Kind
from annexgen.model.wording import (
    date_text,
    money_text,
    quote,
    split_paragraphs,
    unbalanced_quote,
    unquoted,
)

__all__ = [
    "KIND",
    "LABELS",
    "LABEL_VARIANTS",
    "ROLE_WORDS",
    "ROW_KEYS",
    "Activity",
    "Contact",
    "CostLine",
    "Duration",
    "ExtraRow",
    "ProjectDescription",
    "TargetGroup",
]


class Duration(AlsoText):
    """How long the project lasts: until a date, a period, a number of months, or text."""

    until: Date | None = None
    start: Date | None = None
    end: Date | None = None
    months: Annotated[int, Field(ge=1, le=1200), BeforeValidator(whole_number)] | None = None
    text: Text | None = Field(default=None, description="Free wording, used as written")
    note: Text | None = Field(default=None, description="Appended as written, e.g. '(2 gadi)'")

    @model_validator(mode="after")
    def _one_form(self) -> Duration:
        forms = [
            self.until is not None,
            self.start is not None or self.end is not None,
            self.months is not None,
            self.text is not None,
        ]
        if sum(forms) != 1:
            raise FieldError(code="duration-one-form")
        if (self.start is None) != (self.end is None):
            raise FieldError(code="duration-start-end")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise FieldError(
                code="duration-reversed", params={"start": self.start, "end": self.end}
            )
        return self


class CostLine(Model):
    """One paragraph of the costs cell: words, an amount, more words.

    Rendered as ``{text} 19 700,00 EUR (deviņpadsmit … eiro){after}``. ``role``
    says what the amount is, for the cross-check that funding sources add up
    to the total; a line with no amount is plain text.
    """

    role: Literal["total", "source", "co_financing", "note"] = "note"
    text: Text = ""
    amount: Money | None = None
    after: Text = Field(default="", description="Text right after the amount, e.g. '.'")
    in_words: bool = Field(default=True, description="Write the amount in words too")
    minor_word: Text | None = Field(
        default=None,
        description="Noun after the cents digits of this amount, e.g. 'eirocenti', when it "
        "differs from options.minor_word (seed 001 writes both 'eiro centi' and 'eirocenti')",
    )


class TargetGroup(AlsoText):
    """Direct and (optionally) indirect target group."""

    _text_field: ClassVar[str] = "direct"

    direct: Text
    indirect: Text | None = None


class Activity(AlsoText):
    """One activity. ``number`` is normally left out (numbered automatically);
    give it to reproduce a document whose numbering is irregular."""

    number: Text | None = None
    text: Text


class Contact(Model):
    """The contact person. Name, phones and e-mail are personal data."""

    name: Text = Field(json_schema_extra=PERSONAL)
    position: Text | None = None
    phone: Text | None = Field(default=None, json_schema_extra=PERSONAL)
    mobile: Text | None = Field(default=None, json_schema_extra=PERSONAL)
    email: Text | None = Field(default=None, json_schema_extra=PERSONAL)


RowKey = Literal[
    "applicant",
    "implementer",
    "partners",
    "duration",
    "goal",
    "description",
    "justification",
    "costs",
    "target_group",
    "activities",
    "results",
    "contact",
]
#: The rows of a project description, in the default order (seeds 000, 001, 003).
ROW_KEYS: Final[tuple[str, ...]] = typing.get_args(RowKey)


class ExtraRow(Model):
    """A labelled row the standard fields do not cover, placed after ``after``.

    ``personal: true`` marks the row's text as personal data (``--public``).
    """

    #: what ``personal: true`` hides (redaction reads this, not the field names)
    personal_fields: ClassVar[tuple[str, ...]] = ("text",)

    label: Text
    text: Text
    after: RowKey | None = Field(default=None, description="Row key; omitted: at the end")
    personal: bool = False


def _bare_name(name: str) -> str:
    """A project name as the title quotes it: never „„Ābele”…” (issue 10)."""
    bare = unquoted(name)
    at = unbalanced_quote(bare)
    if at is not None:
        raise FieldError(code="unpaired-quote", params={"mark": bare[at], "name": name.strip()})
    return bare


class ProjectDescription(AnnexBase):
    """The project description annex ("Projekta „…” apraksts").

    ``title`` overrides the generated "Projekta „{project_name}” apraksts" when a
    document words it differently (seed 000). ``labels`` overrides the label of
    any row (seed 002 says "Projekta īstenošanas laiks:"); ``order`` changes
    the row order; ``extra_rows`` adds rows no field covers.
    """

    kind: Literal["project-description"]
    project_name: Annotated[Text, AfterValidator(_bare_name)] = Field(
        description=(
            "The name without quotation marks: the document adds its own („Ābele”). "
            'Marks typed around the whole name („Ābele”, "Ābele", “Ābele”) and spaces '
            "around it are removed; a name inside the name keeps its marks, written "
            "double in the document's style (document-rules §1.11): "
            'Programmas "Erasmus+" projekts → „Programmas „Erasmus+” projekts”. '
            "A mark without its pair is refused."
        )
    )
    title: Text | None = None
    applicant: Text | None = None
    implementer: Text | None = None
    partners: Text | None = None
    duration: Duration | None = None
    goal: Text | None = None
    description: Text | None = None
    justification: Text | None = None
    costs: Annotated[list[CostLine], Field(max_length=MAX_ITEMS)] = []
    target_group: TargetGroup | None = None
    activities: Annotated[list[Activity], Field(max_length=MAX_ITEMS)] = []
    results: Text | None = None
    contact: Contact | None = None
    labels: dict[RowKey, Text] = {}
    order: list[RowKey] | None = None
    extra_rows: Annotated[list[ExtraRow], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _check_order(self) -> ProjectDescription:
        if self.order is not None:
            if len(set(self.order)) != len(self.order):
                raise FieldError(code="order-twice")
            missing = [k for k in self.present_rows() if k not in self.order]
            if missing:
                raise FieldError(code="order-missing", params={"rows": missing})
        return self

    def present_rows(self) -> list[str]:
        """Keys of the standard rows that have content, in default order."""
        return [k for k in ROW_KEYS if getattr(self, k) not in (None, [], "")]


#: Row labels as the seed annexes write them (seeds 000, 001, 003).
LABELS: Final = {
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

#: Other labels real annexes give the rows (lower case, no final colon), for reading them
#: back (``annexgen extract``); annexgen itself prints :data:`LABELS`.
LABEL_VARIANTS: Final = {
    "projekta īstenošanas laiks": "duration",
    "projekta vispārīgais mērķis": "goal",
    "projekta tiešā mērķauditorija": "target_group",
    "projekta mērķauditorija": "target_group",
    "kontakpersona": "contact",  # seed 000's typo
    "kontaktpersonas": "contact",
}

#: Words before an amount that say what it is, as the seed annexes word them
#: (lower case; a stem matches every ending): cost-line role → words.
ROLE_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "co_financing": ("līdzfinansējum",),
    "total": ("kopējais finansējums", "kopējās izmaksas"),
}


def _cost_line(line: CostLine, options: Options) -> str:
    out = line.text
    if line.amount is not None:
        amount = money_text(
            line.amount, options, in_words=line.in_words, minor_word=line.minor_word
        )
        out = f"{out} {amount}" if out else amount
    after = line.after
    if after and (after[0].isalnum() or after[0] in '(„“"') and out:
        after = " " + after
    return out + after


def _duration(d: Duration, options: Options) -> str:
    if d.until is not None:
        text = f"Līdz {date_text(d.until, 'dative', options)}"
    elif d.start is not None and d.end is not None:
        start, end = date_text(d.start, "genitive", options), date_text(d.end, "dative", options)
        text = f"No {start} līdz {end}"
    elif d.months is not None:
        text = f"{d.months} {noun_form(d.months, MONTHS_NOUN)}"
    else:
        text = d.text or ""
    return f"{text} {d.note}" if d.note else text


def _contact(c: Contact) -> list[str]:
    lines = [c.name + (f", {c.position}" if c.position else "")]
    for label, value in (("Tālr.", c.phone), ("Mob.", c.mobile), ("E-pasts", c.email)):
        if value:
            lines.append(f"{label}: {value}")
    return ["\n".join(lines)]


def _row(key: str, label: str, texts: list[str]) -> dict[str, Any]:
    return {"key": key, "label": label, "paragraphs": texts, "entries": [], "numbered": False}


def _rows(annex: ProjectDescription) -> list[dict[str, Any]]:
    options = annex.options
    rows: dict[str, dict[str, Any]] = {}
    for key in annex.present_rows():
        value = getattr(annex, key)
        row = _row(key, annex.labels.get(key, LABELS[key]), [])  # type: ignore[call-overload,unused-ignore]
        if isinstance(value, str):
            row["paragraphs"] = split_paragraphs(value)
        elif key == "duration":
            row["paragraphs"] = [_duration(value, options)]
        elif key == "costs":
            row["paragraphs"] = [_cost_line(line, options) for line in value]
        elif key == "target_group":
            row["paragraphs"] = split_paragraphs(value.direct)
            if value.indirect:
                row["paragraphs"].append(f"Netiešā mērķa grupa: {value.indirect}")
        elif key == "activities":
            if all(a.number is None for a in value):
                row["entries"] = [a.text for a in value]
                row["numbered"] = True
            else:
                row["paragraphs"] = [f"{a.number} {a.text}" for a in value]
        elif key == "contact":
            row["paragraphs"] = _contact(value)
        rows[key] = row
    order: list[str] = list(annex.order) if annex.order else list(rows)
    ordered = [rows[k] for k in order if k in rows]
    for extra in annex.extra_rows:
        position = len(ordered)
        if extra.after is not None:
            keys = [r["key"] for r in ordered]
            position = keys.index(extra.after) + 1 if extra.after in keys else len(ordered)
        ordered.insert(position, _row("extra", extra.label, split_paragraphs(extra.text)))
    return ordered


def title(annex: ProjectDescription) -> str:
    """The heading: as given, or "Projekta „{project_name}” apraksts"."""
    return annex.title or f"Projekta {quote(annex.project_name, annex.options)} apraksts"


def body(annex: ProjectDescription) -> Body:
    """The title and the labelled rows, in order, as the document prints them."""
    return {"title": title(annex), "rows": _rows(annex)}


KIND: Final = Kind(
    name="project-description",
    model=ProjectDescription,
    title=N_("Project description"),
    body=body,
    labels=LABELS,
)

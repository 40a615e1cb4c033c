"""The data of an annex: typed, validated Pydantic models.

These models are the contract between clerks' YAML, the web form, developers
and the templates. They hold *data as the clerk means it* — a date, an amount
and its currency, a list of activities — never pre-formatted text, so that the
Latvian forms (amount in words, inflected dates, "J. Lāčplēsis") are produced
in one place (:mod:`annexgen.context`) and are right every time.

Three kinds of annex, told apart by ``kind``:

* :class:`ProjectDescription` — the two-column "Projekta „…” apraksts"
  (seeds 000–003);
* :class:`GenericAnnex` — a title and labelled rows or paragraphs, for annexes
  that are not project descriptions;
* :class:`ProjectAnnouncement` — the press-release form (seed 004) with the
  EU-funding disclaimer.

Every string goes through :func:`annexgen.text.clean_text` (NFC, no characters
Word cannot hold); money is :class:`~decimal.Decimal` via
:func:`annexgen.lv.to_money` (floats refused). Fields that hold personal data
carry ``personal=True`` in their JSON-schema extras, so ``--public`` can blank
them (document-rules §3.1).
"""

from __future__ import annotations

import re
import typing
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from annexgen.lv import get_currency, lvl_to_eur, parse_date, short_name, to_money
from annexgen.lv.amounts import CentsMode
from annexgen.lv.numbers import Style
from annexgen.text import clean_text

__all__ = [
    "ROW_KEYS",
    "Activity",
    "Annex",
    "AnnexBase",
    "Contact",
    "CostLine",
    "Decision",
    "Duration",
    "ExtraRow",
    "GenericAnnex",
    "GenericRow",
    "Money",
    "Options",
    "ProjectAnnouncement",
    "ProjectDescription",
    "ProjectInfo",
    "Signatory",
    "TargetGroup",
]

#: Longest list the models accept (activities, rows, cost lines, paragraphs).
MAX_ITEMS: Final = 1000


def _clean(value: str) -> str:
    return clean_text(value)


#: A piece of user text: NFC, no characters Word cannot hold, at most 10 000 characters.
Text = Annotated[str, AfterValidator(_clean)]


def _parse_date(value: object) -> object:
    """Accept ISO ``2013-12-05``, ``05.12.2013.`` and ``2013. gada 5. decembris``."""
    if isinstance(value, str):
        text = value.strip()
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?", text)
        if m:
            day, month, year = (int(g) for g in m.groups())
            try:
                return date(year, month, day)
            except ValueError as err:
                raise ValueError(f"not a real date: {value!r} ({err})") from None
        if "gada" in text:
            return parse_date(text)[0]
    return value


#: A calendar date; YAML may write 2013-12-05, 05.12.2013. or "2013. gada 5. decembris".
Date = Annotated[date, BeforeValidator(_parse_date)]


def _whole_number(value: object) -> object:
    """Digits only: Pydantic alone reads "1_0" as 10, the YAML 1.1 surprise again."""
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[0-9]+", text):
            raise ValueError(f"expected a whole number written with digits, like 3, got {value!r}")
        return int(text)
    if isinstance(value, bool):
        raise ValueError("expected a whole number, not true/false")
    return value


def _money_amount(value: object) -> Decimal:
    return to_money(value)  # type: ignore[arg-type]


MoneyAmount = Annotated[
    Decimal,
    BeforeValidator(_money_amount),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string"}, {"type": "number"}],
            "description": "An amount: 19700, 19 700,00 or 19 700.00 (at most two decimals)",
        }
    ),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=False)


class _AlsoText(_Model):
    """A model that YAML may also write as a single string (``_text_field``)."""

    _text_field: ClassVar[str] = "text"

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {cls._text_field: data}
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        return {"anyOf": [{"type": "string"}, schema]}


_MONEY_TEXT: Final = re.compile(
    r"^\s*(?:(?P<code1>[A-Za-z]{3})\s+)?(?P<amount>[-\d][\d \u00a0.,]*?)"
    r"\s*(?P<code2>[A-Za-z]{3}|€)?\s*$"
)

_STATED_EUR: Final = re.compile(
    r"\s*\((?:EUR\s*(?P<a>[\d \u00a0.,]+?)|(?P<b>[\d \u00a0.,]+?)\s*EUR)\)\s*$"
)


class Money(_Model):
    """An amount of money: a Decimal with two places and a currency code.

    YAML may write it as text — ``19 700,00 EUR``, ``19700``, ``LVL 1000`` —
    or as a mapping ``{amount: …, currency: …}``. Lats amounts may state the
    euro equivalent (``eur``, or in text ``LVL 1000 (EUR 1422,87)``) as the old
    annexes did; it is checked against the legal rate (latvian-language §11).
    Without a code the currency is EUR.
    """

    amount: MoneyAmount
    currency: str = "EUR"
    eur: MoneyAmount | None = Field(
        default=None, description="For LVL amounts: the euro equivalent as stated."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, int | Decimal | float) and not isinstance(data, bool):
            return {"amount": data}  # to_money refuses floats with a clear message
        if not isinstance(data, str):
            return data
        eur = None
        stated = _STATED_EUR.search(data)
        if stated:  # "LVL 1000 (EUR 1422,87)": the euro equivalent as old annexes state it
            eur = stated.group("a") or stated.group("b")
            data = data[: stated.start()]
        m = _MONEY_TEXT.match(data)
        if not m or (m.group("code1") and m.group("code2")):
            raise ValueError(f"expected an amount like '19 700,00 EUR' or 'LVL 1000', got {data!r}")
        code = m.group("code1") or m.group("code2") or "EUR"
        result = {"amount": m.group("amount"), "currency": "EUR" if code == "€" else code}
        if eur is not None:
            result["eur"] = eur
        return result

    @model_validator(mode="after")
    def _check_currency(self) -> Money:
        self.currency = get_currency(self.currency).code
        if self.eur is not None and self.currency == "EUR":
            raise ValueError("'eur' is only for amounts in another currency (LVL)")
        return self

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        text = {"type": "string", "description": "e.g. '19 700,00 EUR' or 'LVL 1000'"}
        return {"anyOf": [text, schema]}

    @property
    def eur_equivalent(self) -> Decimal:
        """The amount in euro: itself for EUR, converted at 0,702804 for LVL."""
        if self.currency == "EUR":
            return self.amount
        if self.currency == "LVL":
            return lvl_to_eur(self.amount)
        raise ValueError(f"no fixed euro rate for {self.currency}")  # pragma: no cover


class Options(_Model):
    """How Latvian text is written in this document (one style per document).

    Defaults follow the seed annexes; see docs/latvian.md for the variants.
    """

    number_style: Style = Field(
        default="municipal", description="municipal | normative | financial (viens simts)"
    )
    cents: CentsMode = Field(
        default="digits",
        description="none: whole amount only; digits: '… eiro 00 centu'; words: '… un … centi'",
    )
    minor_word: Text | None = Field(
        default=None, description="Noun after cents digits, e.g. 'eiro centi' (seed 001)"
    )
    euro_spelling: Literal["eiro", "euro"] = Field(
        default="eiro", description="'euro' is the legal-act form (document-rules §2.3)"
    )
    quotes: Literal["lv", "en", "straight"] = Field(
        default="lv", description='lv: „…”; en: “…”; straight: "…" (document-rules §1.11)'
    )
    date_spaces: Literal["nbsp", "space"] = "nbsp"
    personal_placeholder: Text = Field(
        default="[personas dati]",
        description="What --public prints instead of personal data",
    )


class Decision(_Model):
    """The council decision the annex belongs to, as the annex mark shows it.

    ``council`` is in the genitive, exactly as the mark prints it
    ("Daugavpils pilsētas domes"); ``act`` is the dative of the act type.
    """

    council: Text = Field(description="Genitive, e.g. 'Daugavpils pilsētas domes'")
    date: Date | None = Field(default=None, description="Date of the council meeting")
    number: Text | None = Field(default=None, description="Decision number, e.g. '610'")
    protocol: Text | None = Field(default=None, description="Protocol number ('prot. Nr.')")
    item: Text | None = Field(default=None, description="Agenda item (§) in the protocol")
    annex_number: Annotated[int, Field(ge=1, le=99), BeforeValidator(_whole_number)] | None = Field(
        default=None, description="When a decision has several annexes: 1 → '1. pielikums'"
    )
    act: Text = Field(default="lēmumam", description="Dative: lēmumam, rīkojumam, …")
    meeting: bool = Field(default=True, description="Write 'sēdes' after the date")


class Signatory(_Model):
    """Who signs: position title (nominative) and name, per document-rules §1.5."""

    position: Text = Field(description="e.g. 'Daugavpils pilsētas domes priekšsēdētājs'")
    name: Text = Field(description="Full name or 'J. Lāčplēsis'; printed as initial + surname")
    acting: bool = Field(
        default=False,
        description="Signed by someone acting for the holder: 'p. i.' under the position, "
        "and 'name' is the actual signer (document-rules §1.5)",
    )

    @field_validator("name")
    @classmethod
    def _printable(cls, value: str) -> str:
        short_name(value)  # refuse at load time what the signature line could not print
        return value

    @property
    def printed_name(self) -> str:
        """The name as the signature line prints it: ``J.\u00a0Lāčplēsis``, ``Dz.\u00a0Ozola``."""
        return short_name(self.name)


class Duration(_AlsoText):
    """How long the project lasts: until a date, a period, a number of months, or text."""

    until: Date | None = None
    start: Date | None = None
    end: Date | None = None
    months: Annotated[int, Field(ge=1, le=1200), BeforeValidator(_whole_number)] | None = None
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
            raise ValueError("give exactly one of: until, start+end, months, text")
        if (self.start is None) != (self.end is None):
            raise ValueError("a period needs both start and end")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class CostLine(_Model):
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


class TargetGroup(_AlsoText):
    """Direct and (optionally) indirect target group."""

    _text_field: ClassVar[str] = "direct"

    direct: Text
    indirect: Text | None = None


class Activity(_AlsoText):
    """One activity. ``number`` is normally left out (numbered automatically);
    give it to reproduce a document whose numbering is irregular."""

    number: Text | None = None
    text: Text


class Contact(_Model):
    """The contact person. Name, phones and e-mail are personal data."""

    name: Text = Field(json_schema_extra={"personal": True})
    position: Text | None = None
    phone: Text | None = Field(default=None, json_schema_extra={"personal": True})
    mobile: Text | None = Field(default=None, json_schema_extra={"personal": True})
    email: Text | None = Field(default=None, json_schema_extra={"personal": True})


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


class ExtraRow(_Model):
    """A labelled row the standard fields do not cover, placed after ``after``."""

    label: Text
    text: Text
    after: RowKey | None = Field(default=None, description="Row key; omitted: at the end")
    personal: bool = False


class AnnexBase(_Model):
    """What every annex has: the decision, the signatory, and language options."""

    decision: Decision | None = None
    signatory: Signatory | None = None
    e_signed: bool = Field(
        default=False, description="Signed with a qualified e-signature (document-rules §1.6)"
    )
    options: Options = Options()


class ProjectDescription(AnnexBase):
    """The project description annex ("Projekta „…” apraksts").

    ``title`` overrides the generated "Projekta „{project_name}” apraksts" when a
    document words it differently (seed 000). ``labels`` overrides the label of
    any row (seed 002 says "Projekta īstenošanas laiks:"); ``order`` changes
    the row order; ``extra_rows`` adds rows no field covers.
    """

    kind: Literal["project-description"]
    project_name: Text
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
                raise ValueError("'order' names a row twice")
            missing = [k for k in self.present_rows() if k not in self.order]
            if missing:
                raise ValueError(f"'order' leaves out rows that have content: {missing}")
        return self

    def present_rows(self) -> list[str]:
        """Keys of the standard rows that have content, in default order."""
        return [k for k in ROW_KEYS if getattr(self, k) not in (None, [], "")]


class GenericRow(_Model):
    """A labelled row of a generic annex."""

    label: Text
    text: Text
    personal: bool = False


class GenericAnnex(AnnexBase):
    """Any other annex: a title, then labelled rows and/or paragraphs."""

    kind: Literal["generic"]
    title: Text
    rows: Annotated[list[GenericRow], Field(max_length=MAX_ITEMS)] = []
    paragraphs: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _has_content(self) -> GenericAnnex:
        if not self.rows and not self.paragraphs:
            raise ValueError("a generic annex needs 'rows' or 'paragraphs'")
        return self


class ProjectInfo(_Model):
    """The facts about a project that the EU-funding disclaimer needs."""

    name: Text = Field(description="Full project name, without quotation marks")
    code: Text | None = Field(default=None, description="e.g. 'LLI-402'")
    short_name: Text | None = Field(default=None, description="e.g. 'risk-free'")
    programme: Text = Field(description="Genitive, ends before 'ietvaros'")
    responsible: Text = Field(description="Who is responsible for the content")


class Block(_AlsoText):
    """A paragraph (a plain string in YAML) or a bulleted list in an announcement."""

    text: Text | None = None
    bullets: Annotated[list[Text], Field(max_length=MAX_ITEMS)] | None = None

    @model_validator(mode="after")
    def _one(self) -> Block:
        if (self.text is None) == (self.bullets is None):
            raise ValueError("a block is either 'text' or 'bullets'")
        return self


class ProjectAnnouncement(AnnexBase):
    """A press release about a project (seed 004), ending with the EU disclaimer.

    The disclaimer is generated from ``project`` (the wording EU-funded
    programmes require) unless ``disclaimer`` gives it verbatim.
    """

    kind: Literal["project-announcement"]
    title: Text
    blocks: Annotated[list[Block], Field(max_length=MAX_ITEMS, min_length=1)]
    project: ProjectInfo
    disclaimer: Text | None = None


Annex = Annotated[
    ProjectDescription | GenericAnnex | ProjectAnnouncement, Field(discriminator="kind")
]

#: The kinds, as written in YAML.
KINDS: Final = ("project-description", "generic", "project-announcement")

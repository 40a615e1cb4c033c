"""The building blocks every annex kind is made of: typed, validated fields.

These models are the contract between clerks' YAML, the web form, developers
and the templates. They hold *data as the clerk means it* — a date, an amount
and its currency — never pre-formatted text, so that the Latvian forms
(amount in words, inflected dates, "J. Lāčplēsis") are produced in one place
(:mod:`annexgen.model.wording`) and are right every time.

The kinds themselves (project description, generic annex, announcement) live
in :mod:`annexgen.model.kinds`, one module each, and are listed in its registry.

Every string goes through :func:`annexgen.model.text.clean_text` (NFC, no
characters Word cannot hold); money is :class:`~decimal.Decimal` via
:func:`annexgen.lv.to_money` (floats refused). A field that holds personal
data is declared with :data:`PERSONAL` in its JSON-schema extras; redaction
(:mod:`annexgen.model.redaction`) reads that mark and nothing else.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Final, Literal

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

from annexgen.errors import FieldError
from annexgen.lv import get_currency, lvl_to_eur, parse_date, short_name, to_money
from annexgen.lv.amounts import CentsMode
from annexgen.lv.approval import ApprovedForm
from annexgen.lv.numbers import Style
from annexgen.messages import Param
from annexgen.model.text import clean_text

__all__ = [
    "MAX_ITEMS",
    "PERSONAL",
    "AlsoText",
    "AnnexBase",
    "Date",
    "Decision",
    "Model",
    "Money",
    "MoneyAmount",
    "Options",
    "Signatory",
    "Text",
    "whole_number",
]

#: The JSON-schema extra that marks a field as personal data (document-rules §3.1):
#: ``Field(json_schema_extra=PERSONAL)``. ``--public`` replaces every such field.
PERSONAL: Final[dict[str, Any]] = {"personal": True}

#: Longest list the models accept (activities, rows, cost lines, paragraphs).
MAX_ITEMS: Final = 1000


def _clean(value: str) -> str:
    return clean_text(value)


#: A piece of user text: NFC, no characters Word cannot hold, at most 10 000 characters.
Text = Annotated[str, AfterValidator(_clean)]


_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)  # ASCII digits only
_DOTTED_DATE: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?", re.ASCII)
_DATE_FORMS: Final = "2013-12-05, 05.12.2013. or 2013. gada 5. decembris"


def _real_date(year: int, month: int, day: int, written: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise FieldError(code="date-not-real", params={"value": written}) from None


def _parse_date(value: object) -> object:
    """Accept ISO ``2013-12-05``, ``05.12.2013.`` and ``2013. gada 5. decembris`` only.

    Why so strict: Pydantic's own date parsing also takes Unix timestamps and
    datetimes, so ``date: 0`` would become 1 January 1970 and ``date: 86400``
    the 2nd — a number typed into the wrong field silently turning into a
    meeting date (reliability §2.6c, "the schema decides"). Any other string is
    refused with the forms that are accepted.
    """
    if not isinstance(value, str):
        return value  # a date from Python code; Pydantic checks the type
    text = value.strip()
    if m := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
        return _real_date(year, month, day, value)
    if m := _DOTTED_DATE.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
        return _real_date(year, month, day, value)
    if "gada" in text:
        return parse_date(text)[0]
    raise FieldError(code="date-expected", params={"value": value})


#: A calendar date; YAML may write 2013-12-05, 05.12.2013. or "2013. gada 5. decembris".
Date = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "description": f"A date: {_DATE_FORMS}"}),
]


def whole_number(value: object) -> object:
    """Digits only: Pydantic alone reads "1_0" as 10, the YAML 1.1 surprise again."""
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[0-9]+", text):
            raise FieldError(code="whole-number-digits", params={"value": value})
        return int(text)
    if isinstance(value, bool):
        raise FieldError(code="whole-number-bool")
    if isinstance(value, float):  # 2.0 from Python code: Pydantic would take it as 2
        raise FieldError(code="whole-number-float", params={"value": repr(value)})
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


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=False)


class AlsoText(Model):
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


#: Longest amount written as text: "LVL 1 000 000 000,00 (EUR 1 422 872 809,92)" is 45
#: characters. Longer text is refused before any pattern sees it (issue 17).
MAX_MONEY_TEXT: Final = 100

# Both patterns are unambiguous — spaces inside an amount only between digits, every
# repetition possessive — so they cannot backtrack; the length bound makes that moot
# for the money field, and keeps it so if a pattern is ever loosened. ASCII digits only:
# Decimal() reads "1٠5" (an Arabic-Indic zero that looks like a dot) as 105 (issue 17).
_MONEY_TEXT: Final = re.compile(
    r"\s*+(?:(?P<code1>[A-Za-z]{3})\s++)?(?P<amount>[-0-9](?:[ \u00a0]*+[0-9.,])*+)"
    r"\s*+(?P<code2>[A-Za-z]{3}|€)?\s*+"
)

_STATED_EUR: Final = re.compile(
    r"\((?:EUR\s*+(?P<a>[0-9.,](?:[ \u00a0]*+[0-9.,])*+)"
    r"|(?P<b>[0-9.,](?:[ \u00a0]*+[0-9.,])*+)\s*+EUR)\)\s*+"
)


class Money(Model):
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
        if len(data) > MAX_MONEY_TEXT:
            params: dict[str, Param] = {"length": len(data), "limit": MAX_MONEY_TEXT}
            raise FieldError(code="money-text-too-long", params=params)
        eur = None
        bracket = data.rfind("(")
        stated = _STATED_EUR.fullmatch(data, bracket) if bracket >= 0 else None
        if stated:  # "LVL 1000 (EUR 1422,87)": the euro equivalent as old annexes state it
            eur = stated.group("a") or stated.group("b")
            data = data[:bracket]
        m = _MONEY_TEXT.fullmatch(data)
        if not m or (m.group("code1") and m.group("code2")):
            raise FieldError(code="money-expected", params={"value": data})
        code = m.group("code1") or m.group("code2") or "EUR"
        result = {"amount": m.group("amount"), "currency": "EUR" if code == "€" else code}
        if eur is not None:
            result["eur"] = eur
        return result

    @model_validator(mode="after")
    def _check_currency(self) -> Money:
        self.currency = get_currency(self.currency).code
        if self.eur is not None and self.currency == "EUR":
            raise FieldError(code="eur-only-for-other")
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
        raise FieldError(  # pragma: no cover
            code="no-euro-rate", params={"currency": self.currency}
        )


class Options(Model):
    """How Latvian text is written and laid out in this document (one style per document).

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
    header_row: bool = Field(
        default=False,
        description="Start the table with a 'Sadaļa | Saturs' row, repeated on every page "
        "(the seeds have none)",
    )


class Decision(Model):
    """The council decision the annex belongs to, as the annex mark shows it.

    ``council`` is in the genitive, exactly as the mark prints it
    ("Daugavpils pilsētas domes"); ``act`` is the dative of the act type.
    """

    council: Text = Field(description="Genitive, e.g. 'Daugavpils pilsētas domes'")
    date: Date | None = Field(default=None, description="Date of the council meeting")
    number: Text | None = Field(default=None, description="Decision number, e.g. '610'")
    protocol: Text | None = Field(default=None, description="Protocol number ('prot. Nr.')")
    item: Text | None = Field(default=None, description="Agenda item (§) in the protocol")
    annex_number: Annotated[int, Field(ge=1, le=99), BeforeValidator(whole_number)] | None = Field(
        default=None, description="When a decision has several annexes: 1 → '1. pielikums'"
    )
    act: Text = Field(default="lēmumam", description="Dative: lēmumam, rīkojumam, …")
    meeting: bool = Field(default=True, description="Write 'sēdes' after the date")
    approval: bool = Field(
        default=False,
        description="The approval mark 'APSTIPRINĀTS ar … lēmumu (sēdes prot. Nr. …)' that "
        "budgets and regulations carry, instead of 'Pielikums … lēmumam Nr. …'",
    )
    approved: ApprovedForm | None = Field(
        default=None,
        description="The word of the approval mark when the title does not show it: "
        "APSTIPRINĀTS (nolikums), APSTIPRINĀTA (kārtība), APSTIPRINĀTI (noteikumi), "
        "APSTIPRINĀTAS (izmaksas)",
    )


class Signatory(Model):
    """Who signs: position title (nominative) and name, per document-rules §1.5.

    ``name`` may be the full name ("Jānis Lāčplēsis") or already short
    ("J. Lāčplēsis", also the legacy "J.Lāčplēsis"); :attr:`printed_name` is what
    the signature line prints. With ``acting`` the line gets "p. i." under the
    position title and ``name`` is the person who actually signs (§1.5, MK 916
    21. punkts). The e-signature switch is :attr:`AnnexBase.e_signed`, because
    it changes the whole document, not only this line.
    """

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

    @property
    def acting_mark(self) -> str | None:
        """ "p. i." when a deputy signs (document-rules §1.5), else ``None``."""
        return "p. i." if self.acting else None


class AnnexBase(Model):
    """What every annex has: the decision, the signatory, and language options."""

    if TYPE_CHECKING:  # each kind declares ``kind: Literal["its-name"]``
        kind: str

    decision: Decision | None = None
    signatory: Signatory | None = None
    e_signed: bool = Field(
        default=False, description="Signed with a qualified e-signature (document-rules §1.6)"
    )
    options: Options = Options()

    def input_files(self) -> list[Path]:
        """Files besides the YAML this annex was read from (a batch re-renders when
        one changes); none for most kinds."""
        return []

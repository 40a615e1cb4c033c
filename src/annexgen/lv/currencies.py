"""Currencies and the agreement of counted nouns with numbers.

Rules: ``docs/latvian-language.md`` §2 (agreement), §4 (cents), §11 (lats).
Adding a currency is adding a row to :data:`CURRENCIES`; nothing else changes.

Agreement (§2) is decided by the CLDR plural category that Babel supplies for
``lv`` — ``one`` → nominative singular (``lats``), ``other`` → nominative plural
(``lati``), ``zero`` → genitive plural (``latu``) — which for whole numbers is
exactly the "last word of the numeral" rule of the grammar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from babel import Locale

from annexgen.errors import LanguageError

__all__ = [
    "CURRENCIES",
    "Currency",
    "NounForms",
    "allowed_noun_forms",
    "get_currency",
    "noun_form",
    "plural_category",
]

PluralCategory = Literal["zero", "one", "other"]


@dataclass(frozen=True, slots=True)
class NounForms:
    """A counted noun in the three forms numbers need (§2)."""

    singular: str  # nom. sg.: 1, 21, 101 … (lats)
    plural: str  # nom. pl.: 2–9, 22 … (lati)
    genitive: str  # gen. pl.: 0, 10–20, 100, 1000 … (latu)

    def all(self) -> tuple[str, str, str]:
        return (self.singular, self.plural, self.genitive)


@dataclass(frozen=True, slots=True)
class Currency:
    """One currency: its code, the major unit's spellings, and the minor unit.

    ``major`` maps a spelling name to its noun forms; the first entry is the
    default. EUR has two spellings: ``eiro`` (what the project's annexes use)
    and ``euro`` (the legal-act form, document-rules §2.3).
    """

    code: str
    major: dict[str, NounForms]
    minor: NounForms
    # Other written forms of the minor unit seen in real documents after digits
    # (§4: "00 eiro centi", "00 eirocenti"); accepted by the parser only.
    minor_aliases: tuple[str, ...] = ()

    @property
    def default_spelling(self) -> str:
        return next(iter(self.major))

    def major_forms(self, spelling: str | None = None) -> NounForms:
        key = spelling or self.default_spelling
        try:
            return self.major[key]
        except KeyError:
            options = list(self.major)
            raise LanguageError(
                code="unknown-spelling",
                params={"spelling": key, "currency": self.code, "options": options},
            ) from None


_EIRO: Final = NounForms("eiro", "eiro", "eiro")  # indeclinable (§2, S9, S11)
_EURO: Final = NounForms("euro", "euro", "euro")
_CENTS: Final = NounForms("cents", "centi", "centu")

#: The currency table. A new currency is a new row.
CURRENCIES: Final[dict[str, Currency]] = {
    "EUR": Currency(
        "EUR",
        {"eiro": _EIRO, "euro": _EURO},
        _CENTS,
        minor_aliases=(
            "eiro centi",
            "eiro centu",
            "eiro cents",
            "euro centi",
            "euro centu",
            "euro cents",
            "eirocenti",
            "eirocentu",
            "eirocents",
        ),
    ),
    "LVL": Currency(
        "LVL",
        {"lats": NounForms("lats", "lati", "latu")},
        NounForms("santīms", "santīmi", "santīmu"),
    ),
}


def get_currency(code: str) -> Currency:
    """Look a currency up by ISO code (case-insensitive), with a clear error."""
    try:
        return CURRENCIES[code.upper()]
    except (KeyError, AttributeError):
        known = list(CURRENCIES)
        raise LanguageError(
            code="unknown-currency", params={"currency": code, "options": known}
        ) from None


_PLURAL_FORM: Final = Locale("lv").plural_form


def plural_category(n: int) -> PluralCategory:
    """CLDR plural category of a whole number in Latvian (Babel's ``lv`` rules)."""
    category = _PLURAL_FORM(n)
    if category not in ("zero", "one", "other"):  # pragma: no cover - CLDR data change
        raise LanguageError(  # pragma: no cover - CLDR has three categories for lv
            code="plural-category", params={"category": category, "number": n}
        )
    return category  # type: ignore[return-value]


def noun_form(n: int, forms: NounForms) -> str:
    """The preferred form of a counted noun after the number ``n`` (§2)."""
    category = plural_category(n)
    if category == "one":
        return forms.singular
    if category == "other":
        return forms.plural
    return forms.genitive


# Words after which the nominative plural is also correct (§2: indeclinable last
# word: desmit, -padsmit, -desmit, simt, tūkstoš). After the declinable nouns
# simts/tūkstotis/miljons… and after "nulle" only the genitive is correct.
_INDECLINABLE_SUFFIXES: Final = ("desmit", "padsmit", "simt", "tūkstoš")


def allowed_noun_forms(n: int, forms: NounForms, *, last_word: str | None = None) -> set[str]:
    """Every correct form of a counted noun after ``n``, for validators.

    ``last_word`` is the last word of the numeral as written (or the digits);
    it matters only in the ``zero`` category: ``desmit lati`` is correct,
    ``tūkstotis lati`` is not (§2 table). Digits (``00 centi``) are treated like
    an indeclinable word, because §4 accepts ``00 centi`` as common practice.
    """
    preferred = noun_form(n, forms)
    allowed = {preferred}
    if plural_category(n) == "zero" and last_word is not None:
        word = last_word.lower()
        if word.isdigit() or word.endswith(_INDECLINABLE_SUFFIXES):
            allowed.add(forms.plural)
    return allowed

"""The approval mark: „APSTIPRINĀTS ar … domes 2021. gada 28. janvāra lēmumu …”.

Budgets, regulations and price lists carry this mark instead of „Pielikums …
lēmumam” (document-rules §1.7, the Balvi and Preiļi examples). Two pieces of
grammar decide its words:

* the participle agrees with the document it approves — *nolikums*
  APSTIPRINĀTS, *kārtība* APSTIPRINĀTA, *noteikumi* APSTIPRINĀTI, *izmaksas*
  APSTIPRINĀTAS (gender and number of the head noun of the title);
* "ar" takes the accusative in the singular and the dative in the plural:
  ar … *lēmumu*, ar … *rīkojumu*, but ar … *noteikumiem*; the annex mark
  names the act in the dative (*lēmumam*), so the form is derived from it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

__all__ = [
    "APPROVED_FORMS",
    "ApprovedForm",
    "act_after_ar",
    "act_dative",
    "approved_form",
    "document_agreement",
]

Gender = Literal["masculine", "feminine"]
Number = Literal["singular", "plural"]
ApprovedForm = Literal["APSTIPRINĀTS", "APSTIPRINĀTA", "APSTIPRINĀTI", "APSTIPRINĀTAS"]

#: The participle for each gender and number.
APPROVED_FORMS: Final[dict[tuple[Gender, Number], ApprovedForm]] = {
    ("masculine", "singular"): "APSTIPRINĀTS",
    ("feminine", "singular"): "APSTIPRINĀTA",
    ("masculine", "plural"): "APSTIPRINĀTI",
    ("feminine", "plural"): "APSTIPRINĀTAS",
}

#: Nouns that name what a council approves, nominative, with gender and number.
#: A title is searched for the first of these (its head noun).
_DOCUMENT_NOUNS: Final[dict[str, tuple[Gender, Number]]] = {
    **dict.fromkeys(
        ("nolikums", "cenrādis", "sadalījums", "budžets", "plāns", "saraksts", "reglaments",
         "apraksts", "pielikums", "grafiks", "līgums", "sastāvs", "pārskats", "projekts",
         "izcenojums", "tarifs", "aprēķins", "pasākumu plāns", "statuss", "novērtējums",
         "limits", "kalendārs", "maršruts"),
        ("masculine", "singular"),
    ),
    **dict.fromkeys(
        ("noteikumi", "saistošie noteikumi", "tarifi", "izcenojumi", "statūti", "principi",
         "kritēriji", "pakalpojumi", "limiti", "grozījumi", "izdevumi", "ieņēmumi"),
        ("masculine", "plural"),
    ),
    **dict.fromkeys(
        ("kārtība", "tāme", "programma", "stratēģija", "instrukcija", "maksa", "tabula",
         "koncepcija", "metodika", "specifikācija", "shēma", "karte", "politika", "cena",
         "atlīdzība", "struktūra", "procedūra"),
        ("feminine", "singular"),
    ),
    **dict.fromkeys(
        ("izmaksas", "cenas", "vadlīnijas", "prasības", "tāmes", "maksas", "likmes"),
        ("feminine", "plural"),
    ),
}  # fmt: skip

_WORD: Final = re.compile(r"[^\W\d_]+")


def document_agreement(title: str) -> tuple[Gender, Number] | None:
    """Gender and number of the document a title names, from its head noun.

    The first word of the title that is a known document noun decides
    („Finansējuma *sadalījums* …” → masculine singular), except that a
    feminine plural (*maksas*, *cenas*) is also the genitive singular
    („*maksas* pakalpojumu *cenrādis*”), so it decides only when no other
    document noun is in the title. ``None`` when no word is known, so that the
    caller can ask instead of guessing.
    """
    ambiguous = None
    for m in _WORD.finditer(unicodedata.normalize("NFC", title)):
        found = _DOCUMENT_NOUNS.get(m.group().lower())
        if found == ("feminine", "plural"):
            ambiguous = ambiguous or found
        elif found is not None:
            return found
    return ambiguous


def approved_form(title: str, default: ApprovedForm = "APSTIPRINĀTS") -> ApprovedForm:
    """„APSTIPRINĀTS/-A/-I/-AS” agreeing with the document ``title`` names.

    An unknown head noun gives ``default``: the mark then refers to the annex
    itself (*pielikums*, masculine singular).
    """
    agreement = document_agreement(title)
    return APPROVED_FORMS[agreement] if agreement else default


#: Dative singular endings → accusative singular (after "ar"): lēmumam → lēmumu.
_DATIVE_TO_ACCUSATIVE: Final = (("am", "u"), ("im", "i"), ("um", "u"), ("ai", "u"), ("ei", "i"))


def act_after_ar(dative: str) -> str:
    """The act as "ar" needs it, from the dative the annex mark uses.

    ``lēmumam`` → ``lēmumu``, ``rīkojumam`` → ``rīkojumu``; a plural dative
    (``noteikumiem``) stays, because "ar" takes the dative in the plural.
    Only the last word changes (``domes lēmumam`` → ``domes lēmumu``).
    """
    head, _, last = dative.rpartition(" ")
    lowered = last.lower()
    if not lowered.endswith(("iem", "ām", "ēm")):
        for ending, replacement in _DATIVE_TO_ACCUSATIVE:
            if lowered.endswith(ending):
                last = last[: -len(ending)] + replacement
                break
    return f"{head} {last}" if head else last


def act_dative(after_ar: str) -> str:
    """The inverse of :func:`act_after_ar` for the acts councils adopt: ``lēmumu`` →
    ``lēmumam``, ``rīkojumu`` → ``rīkojumam``; a plural dative stays."""
    head, _, last = after_ar.rpartition(" ")
    lowered = last.lower()
    if lowered.endswith("u") and not lowered.endswith("iem"):
        last = last[:-1] + "am"
    return f"{head} {last}" if head else last

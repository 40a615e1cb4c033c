"""Latvian word forms the rules need besides numbers, months and currencies.

Rules: ``docs/latvian-language.md`` §2 (counted nouns agree with the last word
of the number), §4 (the minor unit as documents write it), §6.2 (the case a
date takes after a preposition or before the noun it describes). Like the
other tables of :mod:`annexgen.lv` these are data: adding a noun is adding a
row, and every form is spelt out or built from a declension table here, so no
other module of annexgen writes a Latvian word form of its own.
"""

from __future__ import annotations

from typing import Final

from annexgen.lv.currencies import CURRENCIES, NounForms
from annexgen.lv.dates import Case

__all__ = [
    "COUNTED_NOUNS",
    "CURRENCY_SIGNS",
    "DOCUMENT_NOUNS",
    "GENDERED_NOUNS",
    "HEAD_NOUNS",
    "MINOR_WORDS",
    "MONTHS_NOUN",
    "NOT_ATTRIBUTE_HEADS",
    "NOUN_MODIFIERS",
    "PERCENT_NOUN",
    "PERCENT_WORDS",
    "PREDICATE_VERBS",
    "PREPOSITION_CASES",
    "YEAR_FORMS",
    "currency_of_word",
    "looks_like_participle",
]

#: §2: "mēnesis" after a number (``3 mēneši``, ``10 mēnešu``).
MONTHS_NOUN: Final = NounForms("mēnesis", "mēneši", "mēnešu")
#: ``15 procenti``, ``10 procentu``, ``21 procents``.
PERCENT_NOUN: Final = NounForms("procents", "procenti", "procentu")

#: Counted nouns whose agreement with a number the rules check (§2), by every
#: form they have after a number. Only the three forms a number takes are
#: listed: a noun in another case (``latiem``) is not counted here, so the
#: rules leave it alone rather than guess.
COUNTED_NOUNS: Final[dict[str, NounForms]] = {
    form: forms
    for forms in (
        *(f for cur in CURRENCIES.values() for f in cur.major.values() if len(set(f.all())) > 1),
        *(cur.minor for cur in CURRENCIES.values()),
        NounForms("eirocents", "eirocenti", "eirocentu"),
        NounForms("eurocents", "eurocenti", "eurocentu"),
        PERCENT_NOUN,
        MONTHS_NOUN,
        NounForms("gads", "gadi", "gadu"),
    )
    for form in forms.all()
}

#: §3: nouns counted in municipal text whose gender is certain, in the nominative
#: a number takes (singular after "viens/viena", plural after 2–9): "divas dienas",
#: "divi gadi", "viena ģimene". Word → (gender, number). Not a form that is also
#: another noun's genitive ("skolotāja": a female teacher, or a teacher's).
GENDERED_NOUNS: Final[dict[str, tuple[str, str]]] = {
    **{
        form: ("m", number)
        for singular, plural in (
            ("gads", "gadi"), ("mēnesis", "mēneši"), ("bērns", "bērni"), ("cilvēks", "cilvēki"),
            ("dalībnieks", "dalībnieki"), ("skolēns", "skolēni"), ("projekts", "projekti"),
            ("objekts", "objekti"), ("pretendents", "pretendenti"), ("darbinieks", "darbinieki"),
            ("pedagogs", "pedagogi"), ("iedzīvotājs", "iedzīvotāji"), ("gadījums", "gadījumi"),
            ("posms", "posmi"), ("eksemplārs", "eksemplāri"), ("pieteikums", "pieteikumi"),
            ("zemes gabals", "zemes gabali"), ("dzīvoklis", "dzīvokļi"), ("pasākums", "pasākumi"),
            ("jaunietis", "jaunieši"), ("soliņš", "soliņi"), ("koks", "koki"),
            ("konkurss", "konkursi"), ("autobuss", "autobusi"), ("dators", "datori"),
            ("galds", "galdi"), ("krēsls", "krēsli"), ("līgums", "līgumi"), ("lēmums", "lēmumi"),
            ("skolotājs", "skolotāji"), ("treneris", "treneri"), ("students", "studenti"),
            ("pensionārs", "pensionāri"), ("apmeklētājs", "apmeklētāji"), ("kurss", "kursi"),
        )
        for form, number in ((singular, "sg"), (plural, "pl"))
    },
    **{
        form: ("f", number)
        for singular, plural in (
            ("diena", "dienas"), ("nedēļa", "nedēļas"), ("stunda", "stundas"),
            ("reize", "reizes"), ("ģimene", "ģimenes"), ("persona", "personas"),
            ("vieta", "vietas"), ("kārta", "kārtas"), ("skola", "skolas"), ("grupa", "grupas"),
            ("klase", "klases"), ("iestāde", "iestādes"), ("organizācija", "organizācijas"),
            ("biedrība", "biedrības"), ("pašvaldība", "pašvaldības"), ("telpa", "telpas"),
            ("istaba", "istabas"), ("mājsaimniecība", "mājsaimniecības"), ("daļa", "daļas"),
            ("lapa", "lapas"), ("nodarbība", "nodarbības"), ("sanāksme", "sanāksmes"),
            ("sēde", "sēdes"), ("balva", "balvas"), ("vakance", "vakances"),
            ("dalībniece", "dalībnieces"), ("darbiniece", "darbinieces"),
            ("urna", "urnas"), ("iekārta", "iekārtas"),
            ("māja", "mājas"), ("ēka", "ēkas"), ("iela", "ielas"), ("komanda", "komandas"),
            ("nometne", "nometnes"), ("apmācība", "apmācības"), ("lekcija", "lekcijas"),
            ("darbnīca", "darbnīcas"), ("izstāde", "izstādes"), ("izrāde", "izrādes"),
            ("stipendija", "stipendijas"), ("prēmija", "prēmijas"), ("dotācija", "dotācijas"),
            ("subsīdija", "subsīdijas"), ("licence", "licences"), ("atļauja", "atļaujas"),
            ("slodze", "slodzes"), ("likme", "likmes"), ("kopija", "kopijas"),
            ("grāmata", "grāmatas"), ("ekskursija", "ekskursijas"), ("programma", "programmas"),
        )
        for form, number in ((singular, "sg"), (plural, "pl"))
    },
}  # fmt: skip
#: Genitives that stand between a number and its noun: "divdesmit divas darba dienas";
#: any genitive plural (-u) does too: "septiņas atkritumu urnas".
NOUN_MODIFIERS: Final = frozenset({"darba", "kalendāra", "mācību", "kalendārās", "darbdienas"})

#: Codes and signs that name a currency, lower case (``EUR``, ``€``, ``Ls``).
CURRENCY_SIGNS: Final[dict[str, str]] = {"eur": "EUR", "€": "EUR", "lvl": "LVL", "ls": "LVL"}


def _major_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for cur in CURRENCIES.values():
        for forms in cur.major.values():
            for form in forms.all():
                words[form] = cur.code
    return words


_MAJOR: Final = _major_words()


def currency_of_word(word: str) -> str | None:
    """The currency a word or sign names (``eiro``, ``latu``, ``EUR``, ``€``), or ``None``."""
    lowered = word.lower()
    return _MAJOR.get(lowered) or CURRENCY_SIGNS.get(lowered)


def _minor_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for cur in CURRENCIES.values():
        for form in cur.minor.all():
            words[form] = cur.code
        for alias in cur.minor_aliases:
            words[alias.split()[-1]] = cur.code
    for form in ("eurocents", "eurocenti", "eurocentu", "c", "ct"):
        words[form] = "EUR"  # §4: "eurocenti" occurs; "c" is the VVC abbreviation
    return words


#: Every single word that names a minor unit (§4: centi, eirocenti, eurocentu, c,
#: santīmi …) → its currency. "eiro centi" is "eiro" + one of these.
MINOR_WORDS: Final = _minor_words()

#: ``15 %``, ``(piecpadsmit procenti)``.
PERCENT_WORDS: Final = frozenset({"%", *PERCENT_NOUN.all()})

#: §6.2: the case a preposition governs before a date.
PREPOSITION_CASES: Final[dict[str, Case]] = {
    "līdz": "dative",
    "no": "genitive",
    "pēc": "genitive",
    "pirms": "genitive",
    "kopš": "genitive",
    "ar": "accusative",
    "uz": "accusative",
}

#: "2024. gads/gada/gadam/gadu/gadā": a year alone, by case.
YEAR_FORMS: Final[dict[str, Case]] = {
    "gads": "nominative",
    "gada": "genitive",
    "gadam": "dative",
    "gadu": "accusative",
    "gadā": "locative",
}

# --- nouns a date describes ("2013. gada 5. decembra sēdes") -------------------------
# Endings: singular nom, gen, dat, acc, loc; plural nom, gen, dat, acc, loc.
_FIRST: Final = ("s", "a", "am", "u", "ā", "i", "u", "iem", "us", "os")
_FIRST_SH: Final = ("š", "a", "am", "u", "ā", "i", "u", "iem", "us", "os")
_FOURTH: Final = ("a", "as", "ai", "u", "ā", "as", "u", "ām", "as", "ās")
_FIFTH: Final = ("e", "es", "ei", "i", "ē", "es", "", "ēm", "es", "ēs")  # gen. pl. below

_FIRST_STEMS: Final = (
    "lēmum", "rīkojum", "līgum", "grozījum", "pieteikum", "iesniegum", "atzinum", "nolikum",
    "likum", "noteikum", "budžet", "plān", "pārskat", "akt", "protokol", "datum", "sastāv",
    "spriedum", "sarakst", "paziņojum", "apstiprinājum", "konkurs", "projekt", "period", "gad",
    "pusgad", "sākum", "vakar", "rīt", "laik", "rezultāt", "balsojum", "ziņojum",
    "uzaicinājum", "maksājum", "rēķin", "pasūtījum", "dokument", "pielikum", "punkt", "pant",
    "apakšpunkt", "finansējum", "līdzfinansējum", "novad", "ierakst", "sadalījum", "tarif",
    "darb", "pasākum", "izdevum", "ieņēmum", "apmēr",
    "uzdevum", "atbalst", "pieprasījum", "piedāvājum", "iepirkum", "rakst", "uzņēmum",
    "izsludinājum", "grafik", "kalendār", "rādītāj", "aprēķin", "sasaukum", "nolēmum",
    "saskaņojum", "izvērtējum", "lēmumprojekt", "dienest", "slēdzien", "atzīmējum",
)  # fmt: skip
_FIRST_SH_STEMS: Final = ("termiņ",)
#: 2nd declension (-is) with its alternated stem for the genitive and the plural.
_SECOND: Final = (
    ("mēnes", "mēneš"), ("ceturksn", "ceturkšņ"), ("stāvokl", "stāvokļ"), ("cenrād", "cenrāž"),
    ("nodokl", "nodokļ"), ("sēdekl", "sēdekļ"),
)  # fmt: skip
_FOURTH_STEMS: Final = (
    "komitej", "redakcij", "instrukcij", "kārtīb", "programm", "stratēģij", "dien", "nedēļ",
    "stund", "izziņ", "atļauj", "komisij", "pašvaldīb", "pilsēt", "ministrij", "nodaļ",
    "aģentūr", "biedrīb", "sabiedrīb", "sistēm", "revīzij", "inventarizācij", "deklarācij",
    "specifikācij", "summ", "izmaks", "kopij", "versij", "sesij", "ekskursij", "darbnīc",
    "lekcij", "apmācīb", "mācīb", "vizīt", "procedūr", "piekrišan", "ieviešan", "pieņemšan",
    "izdošan", "izpildīšan", "īstenošan", "iesniegšan", "apstiprināšan", "izskatīšan",
)  # fmt: skip
#: 5th declension (-e) with the genitive plural (sēde → sēžu).
_FIFTH_STEMS: Final = (
    ("sēd", "sēžu"), ("vēstul", "vēstuļu"), ("sapulc", "sapulču"), ("kopsapulc", "kopsapulču"),
    ("izpild", "izpilžu"), ("pavēl", "pavēļu"), ("dom", "domju"), ("padom", "padomju"),
    ("vald", "valžu"), ("pārvald", "pārvalžu"), ("iestād", "iestāžu"), ("licenc", "licenču"),
    ("konferenc", "konferenču"), ("izstād", "izstāžu"), ("sanāksm", "sanāksmju"),
    ("tām", "tāmju"), ("nometn", "nometņu"), ("ekspertīz", "ekspertīžu"), ("atskait", "atskaišu"),
    ("pārbaud", "pārbaužu"), ("kas", "kasu"), ("direktīv", "direktīvu"), ("rind", "rindu"),
)  # fmt: skip


def _head_nouns() -> frozenset[str]:
    forms: set[str] = set()
    for stem in _FIRST_STEMS:
        forms.update(stem + e for e in _FIRST)
    for stem in _FIRST_SH_STEMS:
        forms.update(stem + e for e in _FIRST_SH)
    for stem, alt in _SECOND:
        forms.update((stem + "is", alt + "a", stem + "im", stem + "i", stem + "ī"))
        forms.update(alt + e for e in ("i", "u", "iem", "us", "os"))
    for stem in _FOURTH_STEMS:
        forms.update(stem + e for e in _FOURTH)
    for stem, genitive_plural in _FIFTH_STEMS:
        forms.update(stem + e for e in _FIFTH if e)
        forms.add(genitive_plural)
    # plural-only nouns and the indeclinable "vienošanās"
    forms.update(("beigas", "beigu", "beigām", "beigās", "vienošanās"))
    return frozenset(forms)


#: Nouns (every case, singular and plural) that a date in the genitive commonly
#: describes in municipal text: "… decembra sēdes", "… marta lēmumā",
#: "… maija beigām", "… gada budžetu". §6.2: before them the date is genitive.
HEAD_NOUNS: Final = _head_nouns()

#: The documents and meetings a date names (every case): "… 27. aprīļa lēmumu Nr. 112",
#: "domes … 15. decembra sēdes protokols". A date right before one of them
#: describes it, so it is genitive whatever case the sentence would give it.
DOCUMENT_NOUNS: Final = frozenset(
    form
    for form in HEAD_NOUNS
    if form.startswith(
        ("lēmum", "rīkojum", "līgum", "protokol", "nolikum", "noteikum", "pavēl", "vēstul",
         "sēd", "atzinum", "iesniegum", "ziņojum", "spriedum")
    )
    and not form.startswith(("sēdekl", "sēdekļ"))
)  # fmt: skip

#: Verbs after which a date says *when* (locative), never names a day (nominative):
#: "sēde notiks 2024. gada 12. martā", not "… 12. marts". Not "ir", "būs": "termiņš
#: ir 2024. gada 1. marts" names the day.
PREDICATE_VERBS: Final = frozenset(
    {"notiks", "notika", "notiek", "sāksies", "sākas", "sākās", "beigsies", "beidzas",
     "beidzās", "stājas", "stāsies", "stājās"}
)  # fmt: skip

#: Words after which a genitive date is left hanging: it describes nothing, so
#: the preposition's own case was meant ("līdz 2024. gada 31. maija ieskaitot").
NOT_ATTRIBUTE_HEADS: Final = frozenset(
    {
        "ieskaitot", "neieskaitot", "plkst", "pulksten", "un", "vai", "ir", "nav", "būs",
        "tiek", "tiks", "tika", "bija", "ar", "līdz", "no", "uz", "pēc", "pirms", "kopš",
        "par", "kā", "lai", "ja", "kad", "bet", "arī", "vēlākais", "vēlāk", "agrāk", "ne",
        "nevis", "tad", "tas", "tā", "to", "kas", "kurā", "kurš", "kura", "jo", "jeb",
        "ieskaitīt",
    }
)  # fmt: skip

_PARTICIPLE_ENDINGS: Final = (
    "tais", "tā", "to", "tajam", "tajā", "tie", "tās", "tos", "tajiem", "tām", "tajos",
    "tajās", "ts", "ošais", "ošā", "ošo", "ošajam", "ošajā", "ošie", "ošās", "ošos",
    "ošajiem", "ošām", "ošajos",
)  # fmt: skip


def looks_like_participle(word: str) -> bool:
    """``pieņemto``, ``apstiprinātā``, ``esošo``: a participle a locative date can
    belong to ("ar 2024. gada 12. martā pieņemto lēmumu")."""
    lowered = word.lower()
    return len(lowered) > 4 and lowered.endswith(_PARTICIPLE_ENDINGS)

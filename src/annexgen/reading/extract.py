"""``annexgen extract``: read an existing annex back into annexgen's data.

Councils hold years of annexes typed by hand. This reads one — a Word file
made by anyone, or text laid out like the seed files — through
:mod:`annexgen.reading.documents` and maps what it finds to a project description:
the annex mark (also the legacy ``2013.gada 5.decembra`` and ``lēmumu Nr.``
typos), the title, the label/value rows (known labels to fields, others kept
as extra rows in order), amounts parsed from every form the seeds use, the
activities list and the signature line. What it cannot place it says, as
comments at the top of the YAML it writes, so a clerk knows what to check.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from pathlib import Path
from typing import Any, Final

from annexgen.errors import LanguageError
from annexgen.i18n import gettext
from annexgen.inputs import read_bounded
from annexgen.lv import get_currency, iter_amount_mentions, iter_dates, lvl_to_eur, noun_form
from annexgen.lv.amounts import to_money
from annexgen.lv.approval import act_dative, approved_form
from annexgen.lv.figures import is_total_label, parse_number, round_half_up
from annexgen.lv.mentions import AmountMention
from annexgen.lv.words import MONTHS_NOUN
from annexgen.messages import Param, Phrase, format_param
from annexgen.model.fields import Options
from annexgen.model.kinds.project_announcement import (
    DISCLAIMER_END,
    DISCLAIMER_MIDDLE,
    DISCLAIMER_RUNS,
    DISCLAIMER_START,
)
from annexgen.model.kinds.project_description import LABEL_VARIANTS, LABELS, ROLE_WORDS
from annexgen.model.saving import dump_data
from annexgen.model.wording import E_SIGNATURE_MARK, quote, unquoted
from annexgen.reading.documents import (
    MAX_DOCUMENT_BYTES,
    Document,
    DocumentTable,
    paragraph_text,
    read_document,
    read_package,
)
from annexgen.word.context import TABLE_HEADER
from annexgen.word.package import parse_strict

__all__ = ["Extracted", "extract", "extract_yaml"]

_NBSP: Final = "\u00a0"
# Labels seen in real annexes → row keys (lower-case, without the final colon).
_LABEL_KEYS: Final = {**{label.lower(): key for key, label in LABELS.items()}, **LABEL_VARIANTS}
_SKIP_LABELS: Final = {TABLE_HEADER["label"].lower()}  # annexgen's own header row
_ANNEX: Final = re.compile(r"^(?:(\d+)\.\s*)?pielikums$", re.IGNORECASE)
_DECISION: Final = re.compile(
    r"^(?P<act>\w+)\s+Nr\.\s*(?P<number>\S+?)\s*(?:\(prot\.\s*Nr\.\s*(?P<prot>[^,)]+)"
    r"(?:,\s*(?P<item>\d+)\.\s*§)?\))?$"
)
_NUMBERED: Final = re.compile(r"(?:^|(?<=\s))(\d{1,2}\.)\s+(?=\S)")
_SHORT_NAME: Final = re.compile(
    r"^(?:[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zžš]?\.[\s\u00a0]?)+[A-ZĀČĒĢĪĶĻŅŠŪŽ][\w-]+$"
)
# Possessive where a repeat is followed by what it could also match: no backtracking.
_STATED_EUR: Final = re.compile(r"\s*+\((?:EUR\s*+([\d \u00a0.,]++)|([\d \u00a0.,]++)\s*EUR)\)")
_BARE_AMOUNT: Final = re.compile(r"\s*+(\d[\d \u00a0]*+,\d{2})\s*+(EUR|LVL)\b")
_QUOTED_PATTERN: Final = re.compile(r"[„“\"]([^”“\"]+)[”“\"]")


def _quoted(text: str) -> re.Match[str] | None:
    """The first quoted text. Searched only up to the last closing mark: a start
    with no closing mark after it would read to the end, once per opening mark
    ("„„„„…" was quadratic, issue 17)."""
    last = max(text.rfind(mark) for mark in '”“"')
    return _QUOTED_PATTERN.search(text, 0, last + 1) if last > 0 else None


#: The approval mark's first word (document-rules §1.7): APSTIPRINĀTS/-A/-I/-AS.
_APPROVED: Final = re.compile(r"^(APSTIPRINĀT(?:AS|S|A|I))\b", re.IGNORECASE)
_COUNCIL_FIRST: Final = re.compile(r"^(.+?\b(?:domes|Domes|DOMES|domei))(?=\s|$)")
# possessive: a lazy number followed by optional spaces read "prot. Nr. 1      …x"
# once per space (issue 17); the number's trailing spaces are stripped where it is used
_PROTOCOL: Final = re.compile(
    r"\((?P<sitting>sēdes\s+)?prot\.\s*Nr\.\s*+(?P<prot>[^,)]++)(?:,\s*(?P<item>\d+)\.\s*§)?\)"
)


@dataclass
class Extracted:
    """The data read from a document, and what could not be understood.

    ``notes`` are phrases (code and params), written out in the reader's language
    (``# CHECK:`` lines of :func:`extract_yaml`, the web form).
    """

    data: dict[str, Any]
    notes: list[Phrase] = field(default_factory=list)


def _clean(text: str) -> str:
    return text.replace(_NBSP, " ").strip()


def _mark(lines: list[str], out: dict[str, Any], notes: list[Phrase]) -> None:
    decision: dict[str, Any] = {}
    for line in lines:
        text = _clean(line)
        annex = _ANNEX.match(text)
        if annex:
            if annex.group(1):
                decision["annex_number"] = annex.group(1)
            continue
        approved = _APPROVED.match(text)
        if approved:  # „APSTIPRINĀTS ar … lēmumu (sēdes prot. Nr. …)”, one line or several
            decision["approval"] = True
            decision["approved"] = approved.group(1).upper()
            decision["meeting"] = False
            text = text[approved.end() :].strip()
            if not text:
                continue
        if text.lower().startswith("ar ") and decision.get("approval"):
            text = text[3:].strip()
            council = _COUNCIL_FIRST.match(text)
            if council:
                decision["council"] = council.group(1)
                text = text[council.end() :].strip()
            if not text:
                continue
        protocol = _PROTOCOL.search(text)
        if protocol:  # "(prot. Nr. 5, 12. §)" on its own line or after the act
            decision["protocol"] = protocol.group("prot").strip()
            if protocol.group("item"):
                decision["item"] = protocol.group("item")
            if protocol.group("sitting"):
                decision["meeting"] = True
            text = (text[: protocol.start()] + text[protocol.end() :]).strip()
            if not text:
                continue
        dates = list(iter_dates(text))
        if dates:
            decision["date"] = dates[0].date.isoformat()
            decision["meeting"] = decision.get("meeting") or "sēde" in text[dates[0].end :]
            text = re.sub(r"^\s*sēdes?\b", "", text[dates[0].end :]).strip()
            if not text:
                continue
        m = _DECISION.match(re.sub(r"Nr\.(?=\S)", "Nr. ", text))
        if m is None and decision.get("approval") and re.fullmatch(r"\w+", text):
            decision["act"] = act_dative(text)  # "lēmumu" without a number
            continue
        if m:
            # the model keeps the dative: "ar … lēmumu" of an approval mark, and seed
            # 003's typo "lēmumu Nr. …" in an annex mark, are both "lēmumam"
            decision["act"] = act_dative(m.group("act"))
            decision["number"] = m.group("number")
            if m.group("prot"):
                decision["protocol"] = m.group("prot").strip()
            if m.group("item"):
                decision["item"] = m.group("item")
            continue
        if text.endswith("domes") or text.endswith("domei"):
            decision["council"] = text
    if decision:
        if decision.get("approval") and "date" in decision and "meeting" not in decision:
            decision["meeting"] = False
        if "council" not in decision:
            notes.append(Phrase("extract-no-council"))
            decision["council"] = ""
        if decision.get("act") == "lēmumam":
            del decision["act"]
        if decision.get("meeting") is True:
            del decision["meeting"]
        out["decision"] = decision


def _money(figure: Decimal, currency: str | None, after: str) -> tuple[dict[str, Any], str]:
    money: dict[str, Any] = {"amount": str(figure), "currency": currency or "EUR"}
    stated = _STATED_EUR.match(after)
    if stated and money["currency"] == "LVL":
        eur = to_money(stated.group(1) or stated.group(2))
        if eur == lvl_to_eur(figure):
            money["eur"] = str(eur)
        after = after[stated.end() :]
    return money, after


def _unspace(after: str) -> str:
    """Undo the space the renderer puts between an amount and following words."""
    if after[:1] == " " and (after[1:2].isalnum() or after[1:2] in '(„“"'):
        return after[1:]
    return after


def _role(text: str) -> str:
    """What an amount is, from the words before it (as the seed annexes word it)."""
    lower = text.lower()
    return next((r for r, words in ROLE_WORDS.items() if any(w in lower for w in words)), "note")


def _cost_lines(
    paragraphs: list[str], notes: list[Phrase], options: dict[str, Any]
) -> list[dict[str, Any]]:
    lines = []
    for paragraph in paragraphs:
        mentions = list(iter_amount_mentions(paragraph))
        if not mentions:
            bare = _BARE_AMOUNT.match(paragraph)
            if bare:
                amount = {"amount": str(to_money(bare.group(1))), "currency": bare.group(2)}
                rest = _unspace(paragraph[bare.end() :])
                lines.append({"role": "total", "amount": amount, "in_words": False, "after": rest})
            else:
                lines.append({"text": paragraph})
            continue
        m = mentions[0]
        if not m.agrees:
            params: dict[str, Param] = {
                "text": m.text, "figure": m.figure,
                "words_value": "?" if m.words_value is None else m.words_value,
            }  # fmt: skip
            notes.append(Phrase("extract-cost-words", params))
        before = paragraph[: m.start].rstrip()
        money, after = _money(m.figure, m.currency, paragraph[m.end :])
        after = _unspace(after)
        line: dict[str, Any] = {
            "role": _role(before),
            "text": before,
            "amount": money,
            "after": after,
        }
        _wording(m, options, line)
        lines.append({k: v for k, v in line.items() if v != ""})
    return lines


def _wording(m: AmountMention, options: dict[str, Any], line: dict[str, Any]) -> None:
    """Keep how the words of an amount were written: the cents (none, digits, words),
    ``euro`` for ``eiro``, and the noun after the cents digits — for the document
    (the first amount) and, where another amount writes it differently, for that line."""
    reading = m.reading
    if reading is None or reading.unit != "money":
        return
    options.setdefault("cents", reading.cents)
    if reading.spelling == "euro":
        options.setdefault("euro_spelling", "euro")
    if reading.cents != "digits" or m.currency != "EUR":
        return
    written = reading.minor_word
    agreeing = noun_form(int(m.figure * 100) % 100, get_currency("EUR").minor)
    word = None if written is None or written == agreeing else written
    document_word = options.setdefault("minor_word", word)
    if word != document_word:
        line["minor_word"] = word or agreeing


def _activities(paragraphs: list[str]) -> list[Any]:
    numbered = all(re.match(r"\d{1,2}\.\s", p) for p in paragraphs)
    if not numbered:  # a real numbered list: Word numbers it, the text has no numbers
        return list(paragraphs)
    parts = _NUMBERED.split(" ".join(paragraphs))
    items = [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts), 2)]
    if [n for n, _ in items] == [f"{i}." for i in range(1, len(items) + 1)]:
        return [t for _, t in items]
    return [{"number": n, "text": t} for n, t in items]


def _duration(value: str) -> dict[str, Any]:
    text = _clean(value)
    dates = list(iter_dates(text))
    if dates and text.lower().startswith("līdz") and dates[0].case == "dative":
        out: dict[str, Any] = {"until": dates[0].date.isoformat()}
        note = text[dates[0].end :].strip()
        if note:
            out["note"] = note
        return out
    number, _, noun = text.partition(" ")
    if number.isdigit() and noun.strip() in MONTHS_NOUN.all():
        return {"months": number}
    return {"text": value}


_CONTACT_SLOTS: Final = (("phone", "Tālr."), ("mobile", "Mob."), ("email", "E-pasts"))
_CONTACT_LABEL: Final = re.compile(
    "(" + "|".join(re.escape(label) for _, label in _CONTACT_SLOTS) + r"):\s*"
)


def _looks_made_up(key: str, value: str) -> bool:
    """A phone without a digit or an e-mail without '@' is not a real value."""
    if key == "email":
        return "@" not in value
    return not any(ch.isdigit() for ch in value)


def _revealed_placeholder(slots: dict[str, str], known: str) -> str:
    """The placeholder the contact cell shows: ``known``, or a text that stands in
    several personal slots at once and cannot be a phone or e-mail there."""
    values = list(slots.values())
    for value in values:
        if value == known:
            return known
    for value in values:
        same = [k for k, v in slots.items() if v == value]
        if len(same) >= 2 and any(_looks_made_up(k, value) for k in same):
            return value
    return known


def _contact(value: str, placeholder: str) -> tuple[dict[str, Any], str, list[str]]:
    """The contact cell as fields, the placeholder it shows (``placeholder`` or one
    it reveals) and the fields that hold only that placeholder, now empty."""
    text = " ".join(value.split())
    parts = _CONTACT_LABEL.split(text)
    head, slots = parts[0].strip(), {}
    labels = {label: key for key, label in _CONTACT_SLOTS}
    for i in range(1, len(parts) - 1, 2):
        slots[labels[parts[i]]] = parts[i + 1].strip()
    shown = _revealed_placeholder(slots, placeholder)
    if head == shown or head.startswith(shown + ", "):
        name, position = shown, head[len(shown) :].removeprefix(", ")
    else:
        name, _, position = head.partition(", ")
    out: dict[str, Any] = {"name": name.strip()}
    if position.strip():
        out["position"] = position.strip()
    out.update(slots)
    hidden = [key for key in ("name", *slots) if out[key] == shown]
    for key in hidden:
        out[key] = ""
    return out, shown, hidden


_OPENING: Final = '„“"'
_CLOSING: Final = '”“"'


def _disclaimer(text: str) -> dict[str, str] | None:
    """The parts of the standard EU-funding sentence (seed 004), or ``None``.

    Read by hand, around the fixed words the renderer writes
    (:data:`~annexgen.model.kinds.project_announcement.DISCLAIMER_MIDDLE` …),
    in one pass: the pattern this replaces had four lazy ``.+?`` in a row and
    took 18 s on a 5 KB document (issue 17). Returns the keys ``open`` (the
    opening quotation mark), ``name``, ``programme``, ``responsible`` and, when
    written, ``code`` and ``short``.
    """
    if "\n" in text or not text.startswith(DISCLAIMER_START) or not text.endswith(DISCLAIMER_END):
        return None
    runs = text.find(DISCLAIMER_RUNS, len(DISCLAIMER_START))
    if runs < 0:
        return None
    middle = text.find(DISCLAIMER_MIDDLE, runs + len(DISCLAIMER_RUNS) + 1)
    tail = len(text) - len(DISCLAIMER_END)
    responsible = text[middle + len(DISCLAIMER_MIDDLE) : tail] if middle >= 0 else ""
    programme = text[runs + len(DISCLAIMER_RUNS) : middle]
    if middle < 0 or not responsible or middle + len(DISCLAIMER_MIDDLE) > tail:
        return None
    head = text[len(DISCLAIMER_START) : runs]  # [code ]„name”[ (short)]
    out = {"programme": programme, "responsible": responsible}
    first, space, rest = head.partition(" ")
    named = _quoted_name(rest) if space and rest[:1] in _OPENING else None
    if named is not None:  # a code first, as the renderer writes it when there is one
        return {**out, "code": first, **named}
    named = _quoted_name(head)
    return {**out, **named} if named is not None else None


def _quoted_name(head: str) -> dict[str, str] | None:
    """``„name”`` or ``„name” (short)``: the opening mark, the name and the short name."""
    if head[:1] not in _OPENING:
        return None
    out = {"open": head[0]}
    inner = head[1:]
    # the shortest name that leaves "” (short)" or "”" after it; a short name holds no ")",
    # so its " (" comes after the last ")" but the final one
    if inner.endswith(")"):
        p = inner.find(" (", max(1, inner.rfind(")", 0, len(inner) - 1) - 1))
        while 0 < p < len(inner) - 3:
            if inner[p - 1] in _CLOSING and p > 1:
                return {**out, "name": inner[: p - 1], "short": inner[p + 2 : -1]}
            p = inner.find(" (", p + 1)
    if len(inner) < 2 or inner[-1] not in _CLOSING:
        return None
    return {**out, "name": inner[:-1]}


_DEFAULT_PLACEHOLDER: Final = Options().personal_placeholder
_EU_FUNDING: Final = DISCLAIMER_MIDDLE.split(". ")[1]  # "Šo projektu finansē Eiropas Savienība"
_BULLET: Final = re.compile(r"^\s*[•·\-–]\s+")


def _styled_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph of a .docx, for list detection."""
    package = read_package(read_bounded(path, MAX_DOCUMENT_BYTES), path)  # the one reader
    root = parse_strict(package[package.main_part])
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = []
    for p in root.iter(f"{w}p"):
        style = p.find(f"{w}pPr/{w}pStyle")
        text = paragraph_text(p)
        if text.strip():
            out.append((str(style.get(f"{w}val", "")) if style is not None else "", text))
    return out


def _announcement(doc: Document, path: Path) -> Extracted:
    """A press release (seed 004): title, paragraphs and bullet lists, EU disclaimer."""
    notes: list[Phrase] = []
    if path.suffix.lower() == ".docx":
        paragraphs = _styled_paragraphs(path)
    else:
        paragraphs = [
            ("ListBullet" if _BULLET.match(b.text) else "", _BULLET.sub("", b.text).strip())
            for b in doc.blocks
        ]
    title = paragraphs[0][1].strip()
    last = paragraphs[-1][1].strip()
    blocks: list[Any] = []
    for style, text in paragraphs[1:-1]:
        if style.startswith("List"):
            if blocks and isinstance(blocks[-1], dict):
                blocks[-1]["bullets"].append(text)
            else:
                blocks.append({"bullets": [text]})
        else:
            blocks.append(text)
    data: dict[str, Any] = {"kind": "project-announcement", "title": title, "blocks": blocks}
    m = _disclaimer(last)
    if m:
        project = {
            "code": m.get("code"),
            "name": m["name"],
            "short_name": m.get("short"),
            "programme": m["programme"],
            "responsible": m["responsible"],
        }
        data["project"] = {k: v for k, v in project.items() if v}
        if m["open"] == "“":
            data["options"] = {"quotes": "en"}
    else:
        notes.append(Phrase("extract-eu-sentence"))
        quoted = _quoted(title)
        data["project"] = {"name": quoted.group(1) if quoted else title, "programme": "",
                           "responsible": ""}  # fmt: skip
        data["disclaimer"] = last
    return Extracted(data, notes)


# --- tables, and documents that are neither descriptions nor announcements ---------

_MARK_LINE: Final = re.compile(
    r"^(?:(?:\d+\.\s*)?pielikums|APSTIPRINĀT.*|ar\s.+|\(.*prot\..*\)|.*\b(?:domes|domei)"
    r"|\w+\s+Nr\..*)$",
    re.IGNORECASE,
)
_WORDS_LINE: Final = re.compile(
    r"^(?P<label>[^:]{1,40}):\s*(?P<figure>[-\u2212]?[\d \u00a0]++(?:,\d{2})?)"
    r"(?:\s*(?:EUR|euro|eiro|€))?\s*\((?P<words>[^()]+)\)\.?$"
)
_ROW_NUMBER: Final = re.compile(r"^\d{1,4}\.?$")
_DATE_CELL: Final = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\.?$")
_FIGURE: Final = re.compile(
    r"^[-\u2212]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,(\d+))?$|^[-\u2212]?\d+(?:,(\d+))?$"
)
#: The e-signature sentence is known by its first words ("DOKUMENTS IR PARAKSTĪTS").
_E_SIGNATURE: Final = " ".join(E_SIGNATURE_MARK.split()[:3])


def _is_mark_line(text: str) -> bool:
    if list(iter_dates(text)) and len(text) < 60:
        return True
    return len(text) < 120 and _MARK_LINE.match(_clean(text)) is not None  # short first


def _signatory(texts: list[str]) -> tuple[dict[str, Any] | None, int]:
    """The signature line at the end, and how many of the last texts it used."""
    tail = [_clean(t) for t in texts[-4:]]
    for i in range(len(tail) - 1, -1, -1):
        position, _, signer = tail[i].rpartition("\t")
        if _SHORT_NAME.match(signer.strip()):
            used = len(tail) - i
            if not position.strip() and i > 0:
                position, used = tail[i - 1], used + 1
            acting = position.strip() == "p. i."
            if acting and i > 0:
                position, used = tail[i - 1], used + 1
            found = {"position": position.strip(), "name": signer.strip()}
            return ({**found, "acting": True} if acting else found), used
    return None, 0


def _key(label: str, taken: set[str]) -> str:
    """A column key from its label: ``Summa, EUR`` → ``summa_eur``."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:30] or "col"
    if not key[0].isalpha():
        key = f"c_{key}"
    base, n = key, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def _column_type(cells: list[str]) -> tuple[str, int | None]:
    """What a column holds, from the texts of its cells (type, places)."""
    filled = [_clean(c) for c in cells if c.strip()]
    if not filled:
        return "text", None
    if (
        all(_ROW_NUMBER.match(c) for c in filled)
        and [int(c.rstrip(".")) for c in filled] == list(range(1, len(filled) + 1))
        and len(filled) == len(cells)
    ):
        return "row-number", None
    if all(_DATE_CELL.match(c) for c in filled):
        return "date", None
    if all(c.endswith("%") and _FIGURE.match(c.rstrip("%").strip()) for c in filled):
        return "percent", None
    matches = [_FIGURE.match(c) for c in filled]
    if all(matches):
        places = {len(m.group(1) or m.group(2) or "") for m in matches if m}
        if places == {2}:
            return "amount", None
        if places == {0}:
            return "integer", None
        return "decimal", max(places)
    return "text", None


#: VAT rates a computed column is recognised by: Latvia's standard rate and its two
#: reduced rates (Pievienotās vērtības nodokļa likums, 41. and 42. pants).
VAT_RATES: Final = (21, 12, 5)
_NUMBERS: Final = frozenset({"amount", "decimal", "integer"})
#: Most columns a sum is looked for among (their subsets are tried, smallest first).
_MAX_SUMMANDS: Final = 8


def _figures(cells: list[str]) -> list[Decimal] | None:
    """A column's cells as numbers, or ``None`` when any is empty or not a number."""
    try:
        return [parse_number(c) for c in cells]
    except LanguageError:
        return None


def _computed(columns: list[dict[str, Any]], body: list[list[str]]) -> None:
    """Mark the columns the table computes: ``vat`` or ``sum`` (issue 16), in place.

    A column is a VAT column when in every row it is one of :data:`VAT_RATES`
    percent of an earlier number column, rounded half up to its decimals as
    the table kind computes it; a sum column when in every row it is the sum
    of two or more other number columns (the fewest that do, earlier ones
    first). Columns of zeros prove nothing and are never taken for either.
    Written back as ``vat: {of, rate}`` / ``sum: [...]``, they are computed
    again when the annex is loaded, and checked against the figures.
    """
    if not body:
        return
    numbers: dict[int, list[Decimal]] = {}
    for j, column in enumerate(columns):
        if column.get("type") in _NUMBERS:
            figures = _figures([row[j] for row in body])
            if figures is not None and any(figures):
                numbers[j] = figures
    places = {j: 2 if columns[j].get("type") == "amount" else int(columns[j].get("places") or
              (0 if columns[j].get("type") == "integer" else 2)) for j in numbers}  # fmt: skip
    computed: set[int] = set()
    for j, values in numbers.items():
        for i in (i for i in numbers if i < j and i not in computed):
            rate = next(
                (r for r in VAT_RATES
                 if all(round_half_up(b * r / 100, places[j]) == v
                        for b, v in zip(numbers[i], values, strict=True))),
                None,
            )  # fmt: skip
            if rate is not None:
                columns[j]["vat"] = {"of": columns[i]["key"], "rate": rate}
                computed.add(j)
                break
    for j, values in numbers.items():
        if j in computed:
            continue
        others = [i for i in numbers if i != j and not _depends_on(columns, i, columns[j]["key"])]
        found = _summands(others[:_MAX_SUMMANDS], numbers, values, places[j])
        if found:
            columns[j]["sum"] = [columns[i]["key"] for i in found]
            computed.add(j)


def _depends_on(columns: list[dict[str, Any]], i: int, key: str) -> bool:
    """Whether column ``i`` is computed from ``key`` (a sum must not go round in a circle)."""
    vat = columns[i].get("vat")
    return (vat is not None and vat["of"] == key) or key in columns[i].get("sum", [])


def _summands(
    candidates: list[int], numbers: dict[int, list[Decimal]], values: list[Decimal], places: int
) -> tuple[int, ...] | None:
    for size in range(2, len(candidates) + 1):
        for group in combinations(candidates, size):
            if all(
                round_half_up(sum((numbers[i][r] for i in group), Decimal(0)), places) == v
                for r, v in enumerate(values)
            ):
                return group
    return None


def _data_table(doc: Document) -> DocumentTable | None:
    """The document's table of data: a header and rows, or a „Kopā” row."""
    for table in doc.tables:
        if len(table.rows) < 2:
            continue
        width = max(len(r) for r in table.rows)
        last = next((c for c in table.rows[-1] if c.strip()), "")
        if width >= 3 or is_total_label(last):
            return table
    return None


def _body_texts(doc: Document, table: DocumentTable | None) -> tuple[list[str], list[str]]:
    """Body paragraphs before and after ``table`` (no headers, footers or cells)."""
    before: list[str] = []
    after: list[str] = []
    seen_table = False
    for block in doc.blocks:
        if block.position.startswith(("header ", "footer ")):
            continue
        if table is not None and block.position.startswith(f"{table.position} "):
            seen_table = True
            continue
        if block.position.startswith("table "):
            continue
        (after if seen_table else before).append(block.text)
    return before, after


def _table_annex(doc: Document, table: DocumentTable) -> Extracted:
    """A table annex: its mark, title, paragraphs, columns, rows and „Kopā” row."""
    notes: list[Phrase] = []
    data: dict[str, Any] = {"kind": "table"}
    before, after = _body_texts(doc, table)
    marks = 0
    while marks < len(before) and _is_mark_line(before[marks]):
        marks += 1
    if marks:
        _mark(before[:marks], data, notes)
    rest = [_clean(t) for t in before[marks:] if t.strip()]
    data["title"] = rest[0] if rest else ""
    if not rest:
        notes.append(Phrase("extract-no-title"))
    if rest[1:]:
        data["intro"] = rest[1:]
    width = max(len(r) for r in table.rows)
    grid = [list(r) + [""] * (width - len(r)) for r in table.rows]
    header, body = grid[0], grid[1:]
    total_row = None
    if body and is_total_label(next((c for c in body[-1] if c.strip()), "")):
        total_row = body.pop()
    taken: set[str] = set()
    columns: list[dict[str, Any]] = []
    for j, label in enumerate(header):
        column_label = " ".join(label.split()) or f"Kolonna {j + 1}"
        kind, places = _column_type([row[j] for row in body])
        column: dict[str, Any] = {"key": _key(column_label, taken), "label": column_label}
        if kind != "text":
            column["type"] = kind
        if places is not None and places != 2:
            column["places"] = str(places)
        columns.append(column)
    _computed(columns, body)
    stated: dict[str, str] = {}
    label = "Kopā"
    if total_row is not None:
        label = next((" ".join(c.split()) for c in total_row if c.strip()), "Kopā")
        first = next(j for j, c in enumerate(total_row) if c.strip())
        for j, cell in enumerate(total_row):
            if j > first and cell.strip() and columns[j].get("type") in ("amount", "integer",
                                                                          "decimal"):  # fmt: skip
                columns[j]["total"] = True
                stated[columns[j]["key"]] = _clean(cell)
    data["columns"] = columns
    data["rows"] = [
        {
            c["key"]: _clean(v)
            for c, v in zip(columns, row, strict=True)
            if v.strip() and c.get("type") != "row-number" and not ("vat" in c or "sum" in c)
        }
        for row in body
    ]  # fmt: skip  (computed cells are computed again on loading)
    signatory, used = _signatory(after)
    if signatory:
        data["signatory"] = signatory
    after = [t for t in after[: len(after) - used] if t.strip() and _E_SIGNATURE not in t]
    total: dict[str, Any] = {}
    options: dict[str, Any] = {}
    words = _WORDS_LINE.match(_clean(after[0])) if after else None
    if words and stated:
        total["in_words"] = True
        after = after[1:]
        if " un " in words.group("words"):
            options["cents"] = "words"
        elif not re.search(r"\d\d\s+\w+$", words.group("words")):
            options["cents"] = "none"
        if words.group("label").strip() != label:
            notes.append(Phrase("extract-total-label", {"label": words.group("label")}))
    if label.rstrip(":") != "Kopā":
        total["label"] = label.rstrip(":")
    if stated:
        keys = [c["key"] for c in columns if c.get("total")]
        words_key = next((k for k in reversed(keys) if any(
            c["key"] == k and c.get("type") == "amount" for c in columns)), keys[-1])  # fmt: skip
        total["column"] = words_key
        total["stated"] = stated[words_key] if len(stated) == 1 else stated
    if total or stated:
        data["total"] = total
    if after:
        data["notes"] = [_clean(t) for t in after]
    if options:
        data["options"] = options
    if "approved" in data.get("decision", {}) and data["decision"]["approved"] == approved_form(
        data["title"]
    ):
        del data["decision"]["approved"]
    return Extracted(data, notes)


def _generic(doc: Document) -> Extracted:
    """Anything else: its mark, title, paragraphs and tables, never an empty shell."""
    notes: list[Phrase] = []
    data: dict[str, Any] = {"kind": "generic"}
    before, _ = _body_texts(doc, None)
    texts = [t for t in before if t.strip()]
    marks = 0
    while marks < len(texts) and _is_mark_line(texts[marks]):
        marks += 1
    if marks:
        _mark(texts[:marks], data, notes)
    signatory, used = _signatory(texts[marks:])
    if signatory:
        data["signatory"] = signatory
    body = [_clean(t) for t in texts[marks : len(texts) - used] if _E_SIGNATURE not in t]
    data["title"] = body[0] if body else Path(doc.path).stem
    paragraphs = body[1:]
    rows = [{"label": " ".join(r.label.split()), "text": r.value} for r in doc.rows]
    if doc.tables and not rows:
        for table in doc.tables:
            paragraphs += ["\t".join(_clean(c) for c in row) for row in table.rows if any(row)]
    if rows:
        data["rows"] = rows
        notes.append(Phrase("extract-tables-as-rows"))
    if paragraphs or not rows:
        data["paragraphs"] = paragraphs or ["(tukšs)"]
    notes.append(Phrase("extract-generic"))
    return Extracted(data, notes)


def _project_name(title: str) -> str:
    """The name in "Projekta „…” apraksts", also with a name inside the name
    („Programmas „Erasmus+” projekts”), else the first quoted text."""
    whole = re.fullmatch(r"Projekta (.+) apraksts", title)
    if whole and unquoted(whole.group(1)) != whole.group(1):
        return unquoted(whole.group(1))
    name = _quoted(title)
    return name.group(1) if name else title


def extract(path: str | Path, *, placeholder: str | None = None) -> Extracted:
    """Read ``path`` (.docx or .txt) into annex data: a project description, or a
    project announcement when the document is a press release with the EU disclaimer.

    A published annex (``--public``) shows a placeholder where the personal data
    was: "[personas dati]", ``placeholder`` when given, or a text the contact
    cell reveals as one (the same words standing for a name, a phone and an
    e-mail). Those fields are left empty with a note naming each — never filled
    with the placeholder's words, never guessed.
    """
    if placeholder is None:
        placeholder = _DEFAULT_PLACEHOLDER
    doc: Document = read_document(path)
    if not doc.rows and any(_EU_FUNDING in b.text for b in doc.blocks):
        return _announcement(doc, Path(path))
    blocks = [b.text for b in doc.blocks]
    title_index = next((i for i, b in enumerate(blocks) if "apraksts" in b and _quoted(b)), None)
    known_rows = [r for r in doc.rows if _LABEL_KEYS.get(r.label.rstrip(": ").lower())]
    if title_index is None and not known_rows:  # not a project description
        table = _data_table(doc)
        return _table_annex(doc, table) if table is not None else _generic(doc)
    notes: list[Phrase] = []
    data: dict[str, Any] = {"kind": "project-description"}
    options: dict[str, Any] = {}
    if title_index is None:
        notes.append(Phrase("extract-no-description-title"))
    else:
        _mark(blocks[:title_index], data, notes)
        title = _clean(blocks[title_index])
        if (
            title_index
            and title[:1] in '(„“"'
            and not _ANNEX.match(_clean(blocks[title_index - 1]))
        ):
            title_index -= 1  # a title broken over two lines (seeds 000, 001)
            title = _clean(blocks[title_index]) + " " + title
        title = " ".join(title.replace("*", "").split())
        data["project_name"] = _project_name(title)
        if title == f"Projekta {quote(data['project_name'], Options(quotes='en'))} apraksts":
            options["quotes"] = "en"
        elif title != f"Projekta {quote(data['project_name'])} apraksts":
            data["title"] = title
    labels: dict[str, str] = {}
    order: list[str] = []
    extra: list[dict[str, Any]] = []
    previous: str | None = None
    hidden: list[str] = []  # personal fields the document shows only as the placeholder
    for row in doc.rows:
        raw_label = " ".join(row.label.split())
        label_key = raw_label.rstrip(":").strip().lower()
        if label_key in _SKIP_LABELS:
            continue
        key = _LABEL_KEYS.get(label_key)
        if key is None or key in order:
            extra.append(
                {"label": raw_label, "text": row.value, **({"after": previous} if previous else {})}
            )
            notes.append(Phrase("extract-extra-row", {"label": raw_label, "place": row.position}))
            continue
        if raw_label != LABELS[key]:
            labels[key] = raw_label
        order.append(key)
        previous = key
        paragraphs = list(row.paragraphs) or [row.value]
        if key == "duration":
            data[key] = _duration(row.value)
        elif key == "costs":
            data[key] = _cost_lines(paragraphs, notes, options)
        elif key == "activities":
            data[key] = _activities(paragraphs)
        elif key == "contact":
            data[key], shown, fields = _contact(row.value, placeholder)
            if fields:
                placeholder = shown
                hidden += [f"contact.{name}" for name in fields]
        else:  # a blank line between paragraphs, as annexgen writes them
            data[key] = "\n\n".join(paragraphs)
    tail = [_clean(b) for b in blocks[-4:]]
    for i in range(len(tail) - 1, -1, -1):
        position, _, signer = tail[i].rpartition("\t")
        if _SHORT_NAME.match(signer.strip()):
            position = position.strip() or next((t for t in reversed(tail[:i]) if t), "")
            data["signatory"] = {"position": position, "name": signer.strip()}
            break
    if labels:
        data["labels"] = labels
    default_order = [k for k in LABELS if k in order]
    if order != default_order:
        data["order"] = order
    for i, extra_row in enumerate(extra):
        if extra_row["text"] == placeholder:  # a personal row as --public prints it
            extra_row.update(text="", personal=True)
            hidden.append(f"extra_rows[{i}].text")
    notes += [
        Phrase("extract-placeholder", {"field": f, "placeholder": placeholder}) for f in hidden
    ]
    if hidden and placeholder != _DEFAULT_PLACEHOLDER:
        options["personal_placeholder"] = placeholder  # --public again shows the same
    if extra:
        data["extra_rows"] = extra
    options = {k: v for k, v in options.items() if v is not None and (k, v) != ("cents", "digits")}
    if options:
        data["options"] = options
    return Extracted(data, notes)


def extract_yaml(path: str | Path, *, placeholder: str | None = None) -> str:
    """The extracted annex as YAML; notes become comments at the top."""
    result = extract(path, placeholder=placeholder)
    name = _comment(Path(path).name)
    lines = ["# " + gettext("extracted by annexgen from {name}").format(name=name)]
    lines += [f"# CHECK: {_comment(format_param(note))}" for note in result.notes]
    return "\n".join(lines) + "\n" + dump_data(result.data)


def _comment(text: str) -> str:
    """``text`` safe inside a one-line YAML comment.

    A file name or a note may hold a line break (YAML also breaks lines at NEL,
    U+2028 and U+2029): written raw, the rest of it became YAML — a file named
    "x⏎e_signed: true" switched the e-signature on (issue 17). Line breaks,
    other control characters and lone surrogates are written as ``\\uXXXX``.
    """
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in _UNSAFE_IN_COMMENT else ch for ch in text
    )


#: Control characters (line breaks among them), line and paragraph separators, surrogates.
_UNSAFE_IN_COMMENT: Final = frozenset({"Cc", "Zl", "Zp", "Cs"})

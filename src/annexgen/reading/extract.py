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
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from lxml import etree

from annexgen.lv import iter_amount_mentions, iter_dates, lvl_to_eur
from annexgen.lv.amounts import to_money
from annexgen.model.kinds.project_description import LABELS
from annexgen.model.saving import dump_data
from annexgen.reading.documents import Document, paragraph_text, read_document

__all__ = ["Extracted", "extract", "extract_yaml"]

_NBSP: Final = "\u00a0"
# Labels seen in real annexes → row keys (lower-case, without the final colon).
_LABEL_KEYS: Final = {
    **{label.lower(): key for key, label in LABELS.items()},
    "projekta īstenošanas laiks": "duration",
    "projekta vispārīgais mērķis": "goal",
    "projekta tiešā mērķauditorija": "target_group",
    "projekta mērķauditorija": "target_group",
    "kontakpersona": "contact",  # seed 000's typo
    "kontaktpersonas": "contact",
}
_SKIP_LABELS: Final = {"sadaļa"}  # annexgen's own header row
_ANNEX: Final = re.compile(r"^(?:(\d+)\.\s*)?pielikums$", re.IGNORECASE)
_DECISION: Final = re.compile(
    r"^(?P<act>\w+)\s+Nr\.\s*(?P<number>\S+?)\s*(?:\(prot\.\s*Nr\.\s*(?P<prot>[^,)]+)"
    r"(?:,\s*(?P<item>\d+)\.\s*§)?\))?$"
)
_NUMBERED: Final = re.compile(r"(?:^|(?<=\s))(\d{1,2}\.)\s+(?=\S)")
_SHORT_NAME: Final = re.compile(
    r"^(?:[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zžš]?\.[\s\u00a0]?)+[A-ZĀČĒĢĪĶĻŅŠŪŽ][\w-]+$"
)
_STATED_EUR: Final = re.compile(r"^\s*\((?:EUR\s*([\d \u00a0.,]+)|([\d \u00a0.,]+)\s*EUR)\)")
_QUOTED: Final = re.compile(r"[„“\"]([^”“\"]+)[”“\"]")


@dataclass
class Extracted:
    """The data read from a document, and what could not be understood."""

    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    return text.replace(_NBSP, " ").strip()


def _mark(lines: list[str], out: dict[str, Any], notes: list[str]) -> None:
    decision: dict[str, Any] = {}
    for line in lines:
        text = _clean(line)
        annex = _ANNEX.match(text)
        if annex:
            if annex.group(1):
                decision["annex_number"] = annex.group(1)
            continue
        dates = list(iter_dates(text))
        if dates:
            decision["date"] = dates[0].date.isoformat()
            decision["meeting"] = "sēde" in text[dates[0].end :]
            continue
        m = _DECISION.match(re.sub(r"Nr\.(?=\S)", "Nr. ", text))
        if m:
            act = m.group("act")
            decision["act"] = "lēmumam" if act.lower() == "lēmumu" else act  # seed 003 typo
            decision["number"] = m.group("number")
            if m.group("prot"):
                decision["protocol"] = m.group("prot").strip()
            if m.group("item"):
                decision["item"] = m.group("item")
            continue
        if text.endswith("domes") or text.endswith("domei"):
            decision["council"] = text
    if decision:
        if "council" not in decision:
            notes.append("the annex mark names no council: fill in decision.council")
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
    if "līdzfinansējum" in lower:
        return "co_financing"
    if "kopējais finansējums" in lower or "kopējās izmaksas" in lower:
        return "total"
    return "note"


def _cost_lines(
    paragraphs: list[str], notes: list[str], options: dict[str, Any]
) -> list[dict[str, Any]]:
    lines = []
    for paragraph in paragraphs:
        mentions = list(iter_amount_mentions(paragraph))
        if not mentions:
            bare = re.match(r"^\s*([\d \u00a0]+,\d{2})\s*(EUR|LVL)\b", paragraph)
            if bare:
                amount = {"amount": str(to_money(bare.group(1))), "currency": bare.group(2)}
                rest = _unspace(paragraph[bare.end() :])
                lines.append({"role": "total", "amount": amount, "in_words": False, "after": rest})
            else:
                lines.append({"text": paragraph})
            continue
        m = mentions[0]
        if not m.agrees:
            notes.append(
                f"costs: {m.text!r} — the words say {m.words_value}, the figure {m.figure}; "
                "the figure was kept"
            )
        before = paragraph[: m.start].rstrip()
        money, after = _money(m.figure, m.currency, paragraph[m.end :])
        after = _unspace(after)
        tail = re.search(r"\b\d\d\s+(.+)$", m.words)
        if tail and tail.group(1) not in ("centu", "centi", "cents", "santīmu", "santīmi"):
            options.setdefault("minor_word", tail.group(1))
        if not tail and " un " not in m.words:
            options.setdefault("cents", "none")
        line: dict[str, Any] = {
            "role": _role(before),
            "text": before,
            "amount": money,
            "after": after,
        }
        lines.append({k: v for k, v in line.items() if v != ""})
    return lines


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
    months = re.fullmatch(r"(\d+)\s+mēne(?:sis|ši|šu)", text)
    if months:
        return {"months": months.group(1)}
    return {"text": value}


def _contact(value: str) -> dict[str, Any]:
    text = " ".join(value.split())
    out: dict[str, Any] = {}
    for key, label in (("email", "E-pasts"), ("mobile", "Mob."), ("phone", "Tālr.")):
        m = re.search(rf"{re.escape(label)}:\s*(\S+(?:\s\d+)?)", text)
        if m:
            out[key] = m.group(1)
            text = text.replace(m.group(0), " ")
    name, _, position = " ".join(text.split()).partition(", ")
    where = {"position": position.strip()} if position else {}
    return {"name": name.strip(), **where, **out}


_DISCLAIMER: Final = re.compile(
    r"^Projekts (?:(?P<code>\S+) )?(?P<open>[„“\"])(?P<name>.+?)[”“\"]"
    r"(?: \((?P<short>[^)]+)\))? tiek īstenots (?P<programme>.+?) ietvaros\. "
    r"Šo projektu finansē Eiropas Savienība\. Šis raksts ir sagatavots ar Eiropas Savienības "
    r"finansiālo atbalstu\. Par šī dokumenta saturu pilnībā atbild (?P<responsible>.+?), "
    r"un tas nekādos apstākļos nav uzskatāms par Eiropas Savienības oficiālo nostāju\.$"
)
_EU_FUNDING: Final = "Šo projektu finansē Eiropas Savienība"
_BULLET: Final = re.compile(r"^\s*[•·\-–]\s+")


def _styled_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph of a .docx, for list detection."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
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
    notes: list[str] = []
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
    m = _DISCLAIMER.match(last)
    if m:
        project = {
            "code": m.group("code"),
            "name": m.group("name"),
            "short_name": m.group("short"),
            "programme": m.group("programme"),
            "responsible": m.group("responsible"),
        }
        data["project"] = {k: v for k, v in project.items() if v}
        if m.group("open") == "“":
            data["options"] = {"quotes": "en"}
    else:
        notes.append("the EU-funding sentence is not in the standard wording: kept as written")
        quoted = _QUOTED.search(title)
        data["project"] = {"name": quoted.group(1) if quoted else title, "programme": "",
                           "responsible": ""}  # fmt: skip
        data["disclaimer"] = last
    return Extracted(data, notes)


def extract(path: str | Path) -> Extracted:
    """Read ``path`` (.docx or .txt) into annex data: a project description, or a
    project announcement when the document is a press release with the EU disclaimer."""
    doc: Document = read_document(path)
    if not doc.rows and any(_EU_FUNDING in b.text for b in doc.blocks):
        return _announcement(doc, Path(path))
    notes: list[str] = []
    data: dict[str, Any] = {"kind": "project-description"}
    options: dict[str, Any] = {}
    blocks = [b.text for b in doc.blocks]
    title_index = next(
        (i for i, b in enumerate(blocks) if "apraksts" in b and _QUOTED.search(b)), None
    )
    if title_index is None:
        notes.append("no title like 'Projekta „…” apraksts' found")
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
        name = _QUOTED.search(title)
        data["project_name"] = name.group(1) if name else title
        if title == f"Projekta “{data['project_name']}” apraksts":
            options["quotes"] = "en"
        elif title != f"Projekta „{data['project_name']}” apraksts":
            data["title"] = title
    labels: dict[str, str] = {}
    order: list[str] = []
    extra: list[dict[str, Any]] = []
    previous: str | None = None
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
            notes.append(f"row {raw_label!r} ({row.position}) kept as an extra row")
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
            data[key] = _contact(row.value)
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
    if extra:
        data["extra_rows"] = extra
    if options:
        data["options"] = options
    return Extracted(data, notes)


def extract_yaml(path: str | Path) -> str:
    """The extracted annex as YAML; notes become comments at the top."""
    result = extract(path)
    lines = [f"# extracted by annexgen from {Path(path).name}"]
    lines += [f"# CHECK: {note}" for note in result.notes]
    return "\n".join(lines) + "\n" + dump_data(result.data)

"""Lint existing annexes: wrong amounts in words, agreement, rates, dates, typography.

Why: councils hold years of annexes typed by hand, and hand-typed amounts go
wrong — seed 001 writes 115 029 as "simt vienpadsmit tūkstoši …" (= 111 029).
The linter reads a .docx or .txt (no YAML needed) and reports, per finding,
the file, the paragraph/cell/line, the text, what is wrong and the correction.

Two severities (the rules and their sources are listed in ``docs/lint-rules.md``):

* ``error`` — the text says something false or ungrammatical: words that
  disagree with the figure, a counted noun or scale word that does not agree
  with its number, a euro equivalent that is not LVL ÷ 0,702804, a date in the
  wrong case after "līdz" or before "sēdes".
* ``style`` — an allowed or legacy variant where the current norm differs:
  "2013.gada", "19 700.00 EUR", "Nr.610", “…” or "…" instead of „…”,
  colloquial number words ("simtu viens", "tūkstots").

Every rule works on one block of text at a time (:func:`lint_text` is pure),
so it can be tested on sentences and reused on any text the library holds.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Final, Literal

from annexgen.errors import LanguageError, Location
from annexgen.lv import (
    Case,
    CentsMode,
    NounForms,
    Style,
    allowed_noun_forms,
    amount_to_words,
    format_amount,
    format_date,
    get_currency,
    iter_amount_mentions,
    iter_dates,
    lvl_to_eur,
    noun_form,
    number_to_words,
    parse_amount_words,
    to_money,
    words_to_number,
)
from annexgen.lv.amounts import MAJOR_WORDS
from annexgen.lv.figures import format_number, is_total_label, parse_number
from annexgen.reading.documents import Document, DocumentTable, TextBlock, read_document

__all__ = ["RULES", "LintFinding", "Rule", "Severity", "TextFinding", "lint_document",
           "lint_file", "lint_text"]  # fmt: skip

Severity = Literal["error", "style"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A lint rule: its id, severity and the documented reason (doc + section)."""

    id: str
    severity: Severity
    summary: str
    reference: str


RULES: Final[dict[str, Rule]] = {
    r.id: r
    for r in (
        Rule("amount-words", "error", "amount in words differs from the figure",
             "latvian-language §10"),
        Rule("amount-words-unreadable", "error",
             "amount in words contains a word that is not a number word",
             "latvian-language §10 step 2"),
        Rule("amount-currency", "error", "figure and words name different currencies",
             "latvian-language §10"),
        Rule("noun-agreement", "error", "counted noun does not agree with its number",
             "latvian-language §2"),
        Rule("scale-agreement", "error",
             "simts/tūkstotis/miljons does not agree with its multiplier",
             "latvian-language §1.2"),
        Rule("lvl-eur-rate", "error", "euro equivalent is not LVL ÷ 0,702804",
             "latvian-language §11"),
        Rule("date-case", "error", "date in the wrong case for its context",
             "latvian-language §6.2"),
        Rule("date-spacing", "style", "no space after the ordinal dot (legacy '2013.gada')",
             "latvian-language §6.1; document-rules §1.4"),
        Rule("decimal-point", "style", "decimal point in an amount (Latvian uses a comma)",
             "document-rules §2.1; latvian-language §5"),
        Rule("quotes", "style", "quotation marks other than Latvian „…”",
             "document-rules §1.11"),
        Rule("nr-spacing", "style", "no space after 'Nr.'", "document-rules §1.10"),
        Rule("digits-agreement", "style",
             "counted noun after digits does not agree with the number ('01 centi')",
             "latvian-language §2, §4"),
        Rule("colloquial-number", "style", "colloquial number word (simtu, tūkstots)",
             "latvian-language §1.3, §10 step 2"),
        Rule("table-total", "error",
             "a „Kopā”/„Pavisam” row's figure is not the sum of its column",
             "document-rules §2.1; issue 16"),
    )
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class TextFinding:
    """A finding inside one block of text: character span, rule, message, fix."""

    start: int
    end: int
    rule: str
    message: str
    suggestion: str | None = None

    @property
    def severity(self) -> Severity:
        return RULES[self.rule].severity


@dataclass(frozen=True, slots=True)
class LintFinding:
    """A finding in a document: where, the text, what is wrong, the correction."""

    file: str
    position: str  # "paragraph 12", "table 1 row 3 cell 2", "line 7"
    line: int | None  # text files only
    column: int | None  # text files only, 1-based
    rule: str
    severity: Severity
    message: str
    excerpt: str  # the offending text as written
    suggestion: str | None

    @property
    def location(self) -> Location:
        """The finding as an annexgen :class:`~annexgen.errors.Location` (field = position)."""
        if self.line is not None:
            return Location(self.file, self.line, self.column)
        return Location(self.file, field=self.position)

    def where(self) -> str:
        """``file:line:column`` for text files (editors jump there), else ``file:position``."""
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column}"
        return f"{self.file}:{self.position}"

    def __str__(self) -> str:
        fix = f" (suggest: {self.suggestion})" if self.suggestion is not None else ""
        return f"{self.where()}: {self.severity} {self.rule}: {self.message}{fix}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "position": self.position,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
        }


# --- public entry points -----------------------------------------------------------


def lint_file(path: str | Path) -> list[LintFinding]:
    """Lint one .docx/.txt file; raises :class:`~annexgen.errors.DocumentError` if unreadable."""
    return lint_document(read_document(path))


def lint_document(document: Document) -> list[LintFinding]:
    """Every finding in a read document, in reading order (table totals after the text)."""
    found = [f for block in document.blocks for f in _lint_block(document.path, block)]
    for table in document.tables:
        found += _check_table_totals(document.path, table)
    return found


def lint_text(text: str) -> list[TextFinding]:
    """Every finding in one piece of text, ordered by position."""
    text = unicodedata.normalize("NFC", text)
    findings: list[TextFinding] = []
    for check in _CHECKS:
        findings.extend(check(text))
    return sorted(findings, key=lambda f: (f.start, f.end, f.rule))


def _lint_block(path: str, block: TextBlock) -> Iterator[LintFinding]:
    for f in lint_text(block.text):
        yield LintFinding(
            file=path,
            position=block.position if block.line is None else f"line {block.line}",
            line=block.line,
            column=None if block.line is None else f.start + 1,
            rule=f.rule,
            severity=f.severity,
            message=f.message,
            excerpt=block.text[f.start : f.end],
            suggestion=f.suggestion,
        )


# --- amounts: figures vs words ---------------------------------------------------------


def _plain(amount: Decimal) -> str:
    """``115029.00`` → ``115 029,00`` with ordinary spaces, for messages."""
    return format_amount(amount, code=False).replace("\u00a0", " ")


def _differing_group(figure: Decimal, words: Decimal) -> str:
    """Which three-digit groups differ, most significant first (§10 step 3)."""
    names = ("milliards", "millions", "thousands", "units")
    scales = (10**9, 10**6, 10**3, 1)
    parts = []
    for name, scale in zip(names, scales, strict=True):
        a, b = int(figure) // scale % 1000, int(words) // scale % 1000
        if a != b:
            parts.append(f"{name} group {a} vs {b}")
    fa, fb = int(figure * 100) % 100, int(words * 100) % 100
    if fa != fb:
        parts.append(f"cents {fa:02d} vs {fb:02d}")
    return "; ".join(parts)


_SINGULAR_SCALES: Final = frozenset({"tūkstotis", "miljons", "miljards"})


def _style_of(words: str) -> Style:
    """The §1.3 profile the document writes in, so a suggestion reads like its text."""
    lowered = words.lower().split()
    if any(a == "viens" and b == "simts" for a, b in itertools.pairwise(lowered)):
        return "financial"
    for i, word in enumerate(lowered):
        bare = i == 0 or lowered[i - 1] in _SCALE_FORMS
        if word in _SINGULAR_SCALES and bare:
            return "normative"  # "tūkstotis" without "viens"
    return "municipal"


def _suggest_words(
    figure: Decimal, currency: str | None, words: str, words_value: Decimal | None
) -> str | None:
    """The words rewritten for the figure, keeping the document's wording where it can.

    EUR nouns never change (§2), so the cents tail as written ("eiro 00 eiro
    centi") is kept when its cents are right; otherwise the whole amount is
    spelt again in the document's style and cents mode.
    """
    try:
        cur = get_currency(currency or "EUR")
    except LanguageError:
        return None
    split = words.split()
    lowered = [w.lower().strip(",.") for w in split]
    major_at = next((i for i, w in enumerate(lowered) if w in MAJOR_WORDS), None)
    style = _style_of(words)
    whole = int(figure)
    minor = int((figure - whole) * 100)
    if major_at is None:
        return number_to_words(whole, style=style) if not minor else None
    cents_right = words_value is not None and words_value % 1 == figure % 1
    if cents_right and cur.code == "EUR":
        return " ".join([number_to_words(whole, style=style), *split[major_at:]])
    tail = lowered[major_at + 1 :]
    cents_mode: CentsMode = "words"
    if any(w.isdigit() for w in tail):
        cents_mode = "digits"
    elif not tail and not minor:
        cents_mode = "none"
    return amount_to_words(figure, cur.code, cents=cents_mode, style=style)


_PAREN_AFTER_FIGURE: Final = re.compile(
    r"(?<![\d.,])(?P<fig>(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d{1,2})?)[ \u00a0]*"
    r"(?P<code>EUR|LVL)?[ \u00a0]*\((?P<words>[^()]*)\)"
)


def _check_amounts(text: str) -> Iterator[TextFinding]:
    seen: set[int] = set()
    yield from _check_mentions(text, seen)
    # lv's finder skips parentheses whose first word is not a number word
    # ("(devinpadsmit … eiro)"); if they name a currency they are meant as an
    # amount, and a misspelt first word is exactly the error to report.
    for m in _PAREN_AFTER_FIGURE.finditer(text):
        if m.end() in seen:
            continue
        words = m["words"]
        if not any(w.lower().strip(",.") in MAJOR_WORDS for w in words.split()):
            continue
        try:
            parse_amount_words(words)
        except LanguageError as err:
            code = m["code"] or next(
                MAJOR_WORDS[w.lower().strip(",.")].code
                for w in words.split()
                if w.lower().strip(",.") in MAJOR_WORDS
            )
            try:
                suggestion = _suggest_words(to_money(m["fig"]), code, words, None)
            except LanguageError:
                suggestion = None
            yield TextFinding(
                m.start("words"), m.end("words"), "amount-words-unreadable",
                f"cannot read the amount in words: {err}", suggestion,
            )  # fmt: skip


def _check_mentions(text: str, seen: set[int]) -> Iterator[TextFinding]:
    for m in iter_amount_mentions(text):
        seen.add(m.end)
        open_paren = m.text.index("(")
        w_start = m.start + open_paren + 1
        w_end = m.end - 1
        if m.words_value is None:
            rule = "amount-words-unreadable"
            yield TextFinding(
                w_start, w_end, rule,
                f"cannot read the amount in words: {m.error}",
                _suggest_words(m.figure, m.currency, m.words, None),
            )  # fmt: skip
            continue
        if m.error:
            yield TextFinding(m.start, m.end, "amount-currency", m.error)
        if not m.agrees:
            diff = m.words_value - m.figure
            where = _differing_group(m.figure, m.words_value)
            sign = "+" if diff > 0 else "−"
            yield TextFinding(
                w_start,
                w_end,
                "amount-words",
                f"the figure is {_plain(m.figure)} but the words say {_plain(m.words_value)} "
                f"(difference {sign}{_plain(abs(diff))}; {where})",
                _suggest_words(m.figure, m.currency, m.words, m.words_value),
            )


# --- LVL → EUR -----------------------------------------------------------------------

_FIG: Final = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_LVL_EUR: Final = re.compile(
    rf"(?:\b(?:LVL|Ls)[ \u00a0]*(?P<lvl1>{_FIG})|(?P<lvl2>{_FIG})[ \u00a0]*(?:LVL|Ls|lati|latu)\b)"
    rf"(?:[ \u00a0]*\([^()]*\))?[ \u00a0]*\([ \u00a0]*"
    rf"(?:(?:EUR|€)[ \u00a0]*(?P<eur1>{_FIG})|(?P<eur2>{_FIG})[ \u00a0]*(?:EUR|€|euro|eiro))"
    rf"[ \u00a0]*\)"
)


def _check_lvl_eur(text: str) -> Iterator[TextFinding]:
    for m in _LVL_EUR.finditer(text):
        try:
            lvl = to_money(m["lvl1"] or m["lvl2"])
            eur_raw = m["eur1"] or m["eur2"]
            eur = to_money(eur_raw)
            expected = lvl_to_eur(lvl)
        except LanguageError:
            continue
        if eur != expected:
            group = "eur1" if m["eur1"] else "eur2"
            written = f"{expected:.2f}"
            if "," in eur_raw or "." not in eur_raw:
                written = written.replace(".", ",")
            yield TextFinding(
                m.start(group),
                m.end(group),
                "lvl-eur-rate",
                f"LVL {_plain(lvl)} is EUR {_plain(expected)} at the fixed rate 0,702804 "
                f"(LVL ÷ 0,702804, rounded half up), not EUR {_plain(eur)}",
                written,
            )


# --- agreement of nouns and scale words --------------------------------------------------

_NOUNS: Final[dict[str, NounForms]] = {}
for _forms in (
    NounForms("lats", "lati", "latu"),
    NounForms("santīms", "santīmi", "santīmu"),
    NounForms("cents", "centi", "centu"),
    NounForms("eirocents", "eirocenti", "eirocentu"),
):
    for _form in _forms.all():
        _NOUNS[_form] = _forms

_SCALE_FORMS: Final[dict[str, tuple[str, str, str]]] = {
    # word → (singular, nominative plural, genitive plural)
    **dict.fromkeys(("tūkstotis", "tūkstoši", "tūkstošu"), ("tūkstotis", "tūkstoši", "tūkstošu")),
    **dict.fromkeys(("miljons", "miljoni", "miljonu"), ("miljons", "miljoni", "miljonu")),
    **dict.fromkeys(("miljards", "miljardi", "miljardu"), ("miljards", "miljardi", "miljardu")),
}
_WORD: Final = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_COLLOQUIAL: Final = {"simtu": "simt", "tūkstots": "tūkstotis"}


@functools.lru_cache(maxsize=4096)
def _is_number_word(word: str) -> bool:
    if word == "un":
        return False
    try:
        words_to_number(word)
    except LanguageError:
        return word == "nulle"
    return True


def _number_runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Maximal runs of consecutive number words on one line, separated only by spaces.

    "un" ends a run, so "… eiro un trīsdesmit trīs centi" gives the cents
    number its own run and its own noun check.
    """
    run: list[re.Match[str]] = []
    prev_end = 0
    for m in _WORD.finditer(text):
        word = m.group().lower()
        gap = text[prev_end : m.start()]
        joined = not run or (gap.strip(" \u00a0") == "" and "\n" not in gap)
        if not m.group().isdigit() and _is_number_word(word) and joined:
            run.append(m)
        elif not m.group().isdigit() and _is_number_word(word):
            yield run
            run = [m]
        else:
            if run:
                yield run
            run = []
        prev_end = m.end()
    if run:
        yield run


def _check_agreement(text: str) -> Iterator[TextFinding]:
    for run in _number_runs(text):
        words = [m.group().lower() for m in run]
        try:
            value = words_to_number(" ".join(words))
        except LanguageError:
            continue
        yield from _check_scales(run, words)
        for m, word in zip(run, words, strict=True):
            if word in _COLLOQUIAL:
                yield TextFinding(
                    m.start(), m.end(), "colloquial-number",
                    f"'{word}' is colloquial; documents write '{_COLLOQUIAL[word]}'",
                    _COLLOQUIAL[word],
                )  # fmt: skip
        noun = _next_word(text, run[-1].end())
        if noun is not None:
            phrase = text[run[0].start() : run[-1].end()]
            yield from _noun_finding(noun, value, words[-1], phrase)
    # digits followed directly by a counted noun ("00 centi", "21 lati")
    for m in re.finditer(r"(?<![\d.,])(\d+)[ \u00a0]+", text):
        noun = _next_word(text, m.end(1))
        if noun is not None and noun.group().lower() in _NOUNS:
            yield from _noun_finding(
                noun, int(m.group(1)), m.group(1), m.group(1), rule="digits-agreement"
            )


_SPACE_THEN_WORD: Final = re.compile(r"[ \u00a0]+([^\W\d_]+)")


def _next_word(text: str, pos: int) -> re.Match[str] | None:
    m = _SPACE_THEN_WORD.match(text, pos)
    if m is None:
        return None
    return _WORD.match(text, m.start(1))


def _noun_finding(
    noun: re.Match[str], value: int, last_word: str, phrase: str, *, rule: str = "noun-agreement"
) -> Iterator[TextFinding]:
    written = noun.group()
    forms = _NOUNS.get(written.lower())
    if forms is None:
        return
    allowed = allowed_noun_forms(value, forms, last_word=last_word)
    if written.lower() in allowed:
        return
    preferred = noun_form(value, forms)
    yield TextFinding(
        noun.start(),
        noun.end(),
        rule,
        f"'{phrase} {written}': after {value} the noun is "
        f"{' or '.join(repr(f) for f in forms.all() if f in allowed)}",
        preferred,
    )


def _check_scales(run: list[re.Match[str]], words: list[str]) -> Iterator[TextFinding]:
    start = 0
    for i, word in enumerate(words):
        forms = _SCALE_FORMS.get(word)
        if forms is None:
            continue
        multiplier_words = words[start:i]
        start = i + 1
        if not multiplier_words:
            continue  # bare "tūkstotis": one thousand, singular by definition
        try:
            multiplier = words_to_number(" ".join(multiplier_words))
        except LanguageError:
            continue
        singular = multiplier % 10 == 1 and multiplier % 100 != 11
        allowed = {forms[0]} if singular else {forms[1], forms[2]}
        if word not in allowed:
            right = forms[0] if singular else forms[1]
            yield TextFinding(
                run[i].start(), run[i].end(), "scale-agreement",
                f"'{' '.join(multiplier_words)} {word}': after {multiplier} the word is "
                f"{' or '.join(repr(f) for f in sorted(allowed))}",
                right,
            )  # fmt: skip
    # hundreds: "divi simts" → "divi simti", "viens simti" → "viens simts"
    for i in range(1, len(words)):
        if words[i] in {"simts", "simti"}:
            try:
                mult = words_to_number(words[i - 1])
            except LanguageError:
                continue
            if words[i - 1] in _SCALE_FORMS or mult >= 10:
                continue
            right = "simts" if mult == 1 else "simti"
            if words[i] != right:
                yield TextFinding(
                    run[i].start(), run[i].end(), "scale-agreement",
                    f"'{words[i - 1]} {words[i]}': after {mult} the word is '{right}'", right,
                )  # fmt: skip


# --- dates ---------------------------------------------------------------------------

_BEFORE: Final = re.compile(r"(?P<word>[^\W\d_]+)[ \u00a0]+(?:pat[ \u00a0]+)?$")
_AFTER: Final = re.compile(r"^[ \u00a0]+(?P<word>[^\W\d_]+)")
_SITTING: Final = frozenset({"sēde", "sēdes", "sēdei", "sēdi", "sēdē"})
_GENITIVE_PREPOSITIONS: Final = frozenset({"no", "pēc", "pirms", "kopš"})
_CASE_LV: Final[dict[str, str]] = {
    "nominative": "nominatīvā",
    "genitive": "ģenitīvā",
    "dative": "datīvā",
    "accusative": "akuzatīvā",
    "locative": "lokatīvā",
}


def _required_case(text: str, start: int, end: int) -> tuple[Case, str] | None:
    before = _BEFORE.search(text[max(0, start - 40) : start])
    after = _AFTER.match(text[end : end + 40])
    next_word = after["word"].lower() if after else None
    if next_word in _SITTING:
        return "genitive", f"before '{after['word'] if after else ''}'"
    if before is None:
        return None
    prev = before["word"].lower()
    if prev == "līdz":
        return "dative", f"after '{before['word']}'"
    if prev in _GENITIVE_PREPOSITIONS:
        return "genitive", f"after '{before['word']}'"
    return None


def _check_dates(text: str) -> Iterator[TextFinding]:
    covered: list[tuple[int, int]] = []
    for d in iter_dates(text):
        covered.append((d.start, d.end))
        required = _required_case(text, d.start, d.end)
        if required is not None:
            case, why = required
            ok = d.case == case
            # "līdz 2015. gada 30. septembra sēdei": a genitive date that is an
            # attribute of the next noun is right after "līdz" too.
            if not ok and case == "dative" and d.case == "genitive":
                after = _AFTER.match(text[d.end : d.end + 40])
                ok = after is not None
            if not ok:
                yield TextFinding(
                    d.start,
                    d.end,
                    "date-case",
                    f"{why} the date is in the {case} ({_CASE_LV[case]}), not the {d.case}",
                    format_date(d.date, case, nbsp=False),
                )
                continue
        if not d.spaced:
            yield TextFinding(
                d.start,
                d.end,
                "date-spacing",
                "legacy date without spaces after the ordinal dots",
                format_date(d.date, d.case, nbsp=False),
            )
    # a year alone: "2013.gadā", "2020.gadam"
    for m in re.finditer(r"(?<!\d)(\d{4})\.(gad[a-zāēīū]*)", text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        yield TextFinding(
            m.start(), m.end(), "date-spacing",
            "no space after the ordinal dot of the year", f"{m[1]}. {m[2]}",
        )  # fmt: skip


# --- typography ------------------------------------------------------------------------

_CODE_AFTER: Final = re.compile(
    r"(?<![\d.,])(?P<fig>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)\.(?P<dec>\d{2})(?!\d)"
    r"(?P<sp>[ \u00a0]*)(?P<cur>EUR|LVL|€|eiro|euro|lati|latu)\b"
)
_CODE_BEFORE: Final = re.compile(
    r"\b(?P<cur>EUR|LVL)(?P<sp>[ \u00a0]*)"
    r"(?P<fig>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)\.(?P<dec>\d{2})(?![\d])"
)


def _check_decimal_point(text: str) -> Iterator[TextFinding]:
    for m in _CODE_AFTER.finditer(text):
        yield TextFinding(
            m.start(), m.end(), "decimal-point",
            "decimal point in an amount; Latvian uses a decimal comma",
            f"{m['fig']},{m['dec']} {m['cur']}",
        )  # fmt: skip
    for m in _CODE_BEFORE.finditer(text):
        yield TextFinding(
            m.start(), m.end(), "decimal-point",
            "decimal point in an amount; Latvian uses a decimal comma",
            f"{m['cur']} {m['fig']},{m['dec']}",
        )  # fmt: skip


def _check_quotes(text: str) -> Iterator[TextFinding]:
    # English “…” (and ‘…’ is not used in Latvian at all); the closing “ of the
    # older Latvian „…“ is fine, so only an *opening* “ is reported.
    for m in re.finditer(r"“([^”“\"\n]*)[”“\"]?", text):
        if m.start() > 0 and not (text[m.start() - 1].isspace() or text[m.start() - 1] in "([-–"):
            continue
        yield TextFinding(
            m.start(), m.end(), "quotes",
            "English quotation marks “…”; Latvian documents use „…”",
            f"„{m[1]}”",
        )  # fmt: skip
    # ”…” — both marks closing, a common autocorrect result — is not Latvian either.
    for m in re.finditer(r"(?:^|(?<=[\s(\[–-]))”(?=\S)([^”“„\n]*)”", text):
        yield TextFinding(
            m.start(), m.end(), "quotes",
            "closing quotation mark ” used as the opening one; Latvian documents use „…”",
            f"„{m[1]}”",
        )  # fmt: skip
    for m in re.finditer(r"\"([^\"\n]*)\"", text):
        yield TextFinding(
            m.start(), m.end(), "quotes",
            'straight quotation marks "…"; Latvian documents use „…”',
            f"„{m[1]}”",
        )  # fmt: skip


def _check_nr(text: str) -> Iterator[TextFinding]:
    for m in re.finditer(r"\b([Nn]r)\.(\d+)", text):
        yield TextFinding(
            m.start(), m.end(), "nr-spacing", "no space after 'Nr.'", f"{m[1]}. {m[2]}"
        )


_CHECKS: Final = (
    _check_amounts,
    _check_lvl_eur,
    _check_agreement,
    _check_dates,
    _check_decimal_point,
    _check_quotes,
    _check_nr,
)


# --- table totals -------------------------------------------------------------------

_CELL_FIGURE: Final = re.compile(
    r"^[-\u2212]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?(?:[ \u00a0]?(?:EUR|€|%))?$"
)


def _figure(cell: str) -> Decimal | None:
    """A cell's number when the whole cell is one (``1 234,56``, ``12 EUR``), else ``None``."""
    text = " ".join(cell.replace("\u00a0", " ").split())
    if not _CELL_FIGURE.match(text):
        return None
    text = re.sub(r"\s?(?:EUR|€|%)$", "", text)
    try:
        return parse_number(text)
    except LanguageError:  # pragma: no cover - the pattern admits only numbers
        return None


def _places(values: list[Decimal]) -> int:
    exponents = [v.as_tuple().exponent for v in values]
    return max([-e for e in exponents if isinstance(e, int) and e < 0] or [0])


def _check_table_totals(path: str, table: DocumentTable) -> Iterator[LintFinding]:
    """„Kopā” and „Pavisam” rows: each figure must be the sum of its column above.

    A „Kopā” row sums the rows since the previous summary row; a „Pavisam”
    row sums the „Kopā” rows above it when there are any (subtotals), else
    every row. Cells that are not numbers (headers, row numbers „1.”) are
    not counted; a column is checked only where the summary row has a figure.
    """
    since_last: list[tuple[str, ...]] = []
    subtotals: list[tuple[str, ...]] = []
    every: list[tuple[str, ...]] = []
    for r, row in enumerate(table.rows, start=1):
        label_at = next((j for j, c in enumerate(row) if c.strip()), None)
        label = row[label_at] if label_at is not None else ""
        if label_at is None or not is_total_label(label):
            since_last.append(row)
            every.append(row)
            continue
        grand = label.strip().lower().startswith("pavisam")
        summed = (subtotals or every) if grand else since_last
        for j in range(label_at + 1, len(row)):
            stated = _figure(row[j])
            if stated is None:
                continue
            parts = [
                v for other in summed if j < len(other) and (v := _figure(other[j])) is not None
            ]
            if not parts:
                continue
            computed = sum(parts, Decimal(0))
            if computed != stated:
                places = _places([stated, *parts])
                where = f"{table.position} row {r}"
                diff = stated - computed
                sign = "+" if diff > 0 else "−"
                yield LintFinding(
                    file=path,
                    position=f"{where} cell {j + 1}",
                    line=None,
                    column=None,
                    rule="table-total",
                    severity="error",
                    message=(
                        f"{table.position}, row {r} ({' '.join(label.split())!r}): the row says "
                        f"{_plain_figure(stated, places)} but column {j + 1} adds up to "
                        f"{_plain_figure(computed, places)} (difference {sign}"
                        f"{_plain_figure(abs(diff), places)})"
                    ),
                    excerpt=row[j],
                    suggestion=format_number(computed, places),
                )
        if grand:
            subtotals, every = [], []
        else:
            subtotals.append(row)
        since_last = []


def _plain_figure(value: Decimal, places: int) -> str:
    return format_number(value, places).replace("\u00a0", " ")

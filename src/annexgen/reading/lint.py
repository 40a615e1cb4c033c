"""Lint existing annexes: wrong amounts in words, agreement, rates, dates, typography.

Why: councils hold years of annexes typed by hand, and hand-typed amounts go
wrong — seed 001 writes 115 029 as "simt vienpadsmit tūkstoši …" (= 111 029).
The linter reads a .docx or .txt (no YAML needed) and reports, per finding,
the file, the paragraph/cell/line, the text, what is wrong and the correction.

Findings are :class:`~annexgen.errors.Finding` objects whose code is the rule
id, with the severities every other check uses (``annexgen lint --rules``
lists the rules, their severity and their source):

* ``error`` — the text says something false or ungrammatical: words that
  disagree with the figure, a counted noun or scale word that does not agree
  with its number, a euro equivalent that is not LVL ÷ 0,702804, a date in the
  wrong case after "līdz" or before "sēdes".
* ``warning`` — style: an allowed or legacy variant where the current norm
  differs: "2013.gada", "19 700.00 EUR", "Nr.610", “…” or "…" instead of „…”,
  colloquial number words ("simtu viens", "tūkstots").

Every rule works on one block of text at a time (:func:`lint_text` is pure),
so it can be tested on sentences and reused on any text the library holds.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Final

from annexgen.errors import Finding, LanguageError, Location, Severity
from annexgen.i18n import N_, gettext
from annexgen.lv import (
    Case,
    CentsMode,
    NounForms,
    Style,
    allowed_noun_forms,
    amount_to_words,
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
from annexgen.lv.amounts import FIGURE, FIGURE_GROUPS, MAJOR_WORDS
from annexgen.lv.figures import format_number, is_total_label, parse_number
from annexgen.messages import Param, Phrase
from annexgen.model.checks import amount_words_params
from annexgen.reading.documents import Document, DocumentTable, TextBlock, read_document

__all__ = ["RULES", "Rule", "lint_document", "lint_file", "lint_text", "rules_text"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A lint rule: its id (the code of its findings), severity and documented reason."""

    id: str
    severity: Severity
    summary: str
    reference: str


RULES: Final[dict[str, Rule]] = {
    r.id: r
    for r in (
        Rule("amount-words", "error", N_("amount in words differs from the figure"),
             "latvian-language §10"),
        Rule("amount-words-unreadable", "error",
             N_("amount in words contains a word that is not a number word"),
             "latvian-language §10 step 2"),
        Rule("amount-currency", "error", N_("figure and words name different currencies"),
             "latvian-language §10"),
        Rule("noun-agreement", "error", N_("counted noun does not agree with its number"),
             "latvian-language §2"),
        Rule("scale-agreement", "error",
             N_("simts/tūkstotis/miljons does not agree with its multiplier"),
             "latvian-language §1.2"),
        Rule("lvl-eur-rate", "error", N_("euro equivalent is not LVL ÷ 0,702804"),
             "latvian-language §11"),
        Rule("date-case", "error", N_("date in the wrong case for its context"),
             "latvian-language §6.2"),
        Rule("date-spacing", "warning", N_("no space after the ordinal dot (legacy '2013.gada')"),
             "latvian-language §6.1; document-rules §1.4"),
        Rule("decimal-point", "warning", N_("decimal point in an amount (Latvian uses a comma)"),
             "document-rules §2.1; latvian-language §5"),
        Rule("quotes", "warning", N_("quotation marks other than Latvian „…”"),
             "document-rules §1.11"),
        Rule("nr-spacing", "warning", N_("no space after 'Nr.'"), "document-rules §1.10"),
        Rule("digits-agreement", "warning",
             N_("counted noun after digits does not agree with the number ('01 centi')"),
             "latvian-language §2, §4"),
        Rule("colloquial-number", "warning", N_("colloquial number word (simtu, tūkstots)"),
             "latvian-language §1.3, §10 step 2"),
        Rule("table-total", "error",
             N_("a „Kopā”/„Pavisam” row's figure is not the sum of its column"),
             "document-rules §2.1; issue 16"),
    )
}  # fmt: skip


def rules_text() -> str:
    """The rule table as a reader wants it (``annexgen lint --rules``): id, severity, why
    — in the reader's language (the summaries are marked for the catalog)."""
    width = max(len(r.id) for r in RULES.values())
    lines = []
    for severity in ("error", "warning"):
        for rule in (r for r in RULES.values() if r.severity == severity):
            word = gettext(rule.severity)  # "error" / "warning", as the finding lines say it
            lines.append(f"{rule.id:<{width}}  {word:<12}  {gettext(rule.summary)}")
            source = gettext("source: {reference}").format(reference=rule.reference)
            lines.append(f"{'':<{width}}  {'':<12}  {source}")
    return "\n".join(lines) + "\n"


def _finding(
    text: str,
    start: int,
    end: int,
    rule: str,
    params: dict[str, Param] | None = None,
    suggestion: str | None = None,
) -> Finding:
    """A finding of ``rule`` on ``text[start:end]``: column = 1-based offset in the text."""
    return Finding(
        rule,
        RULES[rule].severity,
        Location(column=start + 1),
        params or {},
        suggestion,
        excerpt=text[start:end],
    )


# --- public entry points -----------------------------------------------------------


def lint_file(path: str | Path) -> list[Finding]:
    """Lint one .docx/.txt file; raises :class:`~annexgen.errors.DocumentError` if unreadable."""
    return lint_document(read_document(path))


def lint_document(document: Document) -> list[Finding]:
    """Every finding in a read document, in reading order (table totals after the text).

    Text files give ``file:line:column``; Word files give the place a human
    finds ("paragraph 12", "table 1 row 3 cell 2", "header 1 paragraph 1").
    """
    found = [f for block in document.blocks for f in _lint_block(document.path, block)]
    for table in document.tables:
        found += _check_table_totals(document.path, table)
    return found


def lint_text(text: str) -> list[Finding]:
    """Every finding in one piece of text, ordered by position.

    Each finding's ``location.column`` is the 1-based offset of its
    ``excerpt`` in ``text``.
    """
    text = unicodedata.normalize("NFC", text)
    findings: list[Finding] = []
    for check in _CHECKS:
        findings.extend(check(text))
    return sorted(findings, key=lambda f: (f.location.column or 0, len(f.excerpt or ""), f.code))


def _lint_block(path: str, block: TextBlock) -> Iterator[Finding]:
    for f in lint_text(block.text):
        if block.line is None:
            where = Location(path, place=block.position)
        else:
            where = Location(path, block.line, f.location.column)
        yield replace(f, location=where)


# --- amounts: figures vs words ---------------------------------------------------------


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
    rf"(?P<fig>{FIGURE})[ \u00a0]*+(?P<code>EUR|LVL)?[ \u00a0]*\((?P<words>[^()]*)\)"
)


def _check_amounts(text: str) -> Iterator[Finding]:
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
            yield _finding(
                text, m.start("words"), m.end("words"), "amount-words-unreadable",
                {"reason": str(err)}, suggestion,
            )  # fmt: skip


def _check_mentions(text: str, seen: set[int]) -> Iterator[Finding]:
    for m in iter_amount_mentions(text):
        seen.add(m.end)
        open_paren = m.text.index("(")
        w_start = m.start + open_paren + 1
        w_end = m.end - 1
        if m.words_value is None:
            yield _finding(
                text, w_start, w_end, "amount-words-unreadable", {"reason": m.error or ""},
                _suggest_words(m.figure, m.currency, m.words, None),
            )  # fmt: skip
            continue
        if m.error:
            yield _finding(text, m.start, m.end, "amount-currency", {"reason": m.error})
        if not m.agrees:
            yield _finding(
                text, w_start, w_end, "amount-words",
                amount_words_params(m.figure, m.words_value),
                _suggest_words(m.figure, m.currency, m.words, m.words_value),
            )  # fmt: skip


# --- LVL → EUR -----------------------------------------------------------------------

_FIG: Final = FIGURE  # starts only where a figure can begin: linear (issue 17)
_LVL_EUR: Final = re.compile(
    rf"(?:\b(?:LVL|Ls)[ \u00a0]*(?P<lvl1>{_FIG})|(?P<lvl2>{_FIG})[ \u00a0]*(?:LVL|Ls|lati|latu)\b)"
    rf"(?:[ \u00a0]*\([^()]*\))?[ \u00a0]*\([ \u00a0]*"
    rf"(?:(?:EUR|€)[ \u00a0]*(?P<eur1>{_FIG})|(?P<eur2>{_FIG})[ \u00a0]*(?:EUR|€|euro|eiro))"
    rf"[ \u00a0]*\)"
)


def _check_lvl_eur(text: str) -> Iterator[Finding]:
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
            params: dict[str, Param] = {"lvl": lvl, "expected": expected, "eur": eur}
            yield _finding(text, m.start(group), m.end(group), "lvl-eur-rate", params, written)


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


def _check_agreement(text: str) -> Iterator[Finding]:
    for run in _number_runs(text):
        words = [m.group().lower() for m in run]
        try:
            value = words_to_number(" ".join(words))
        except LanguageError:
            continue
        yield from _check_scales(run, words)
        for m, word in zip(run, words, strict=True):
            if word in _COLLOQUIAL:
                params: dict[str, Param] = {"word": word, "standard": _COLLOQUIAL[word]}
                yield _finding(
                    text, m.start(), m.end(), "colloquial-number", params, _COLLOQUIAL[word]
                )
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
) -> Iterator[Finding]:
    written = noun.group()
    forms = _NOUNS.get(written.lower())
    if forms is None:
        return
    allowed = allowed_noun_forms(value, forms, last_word=last_word)
    if written.lower() in allowed:
        return
    preferred = noun_form(value, forms)
    params: dict[str, Param] = {"phrase": f"{phrase} {written}", "number": value,
                                "noun": preferred}  # fmt: skip
    yield _finding(noun.string, noun.start(), noun.end(), rule, params, preferred)


def _check_scales(run: list[re.Match[str]], words: list[str]) -> Iterator[Finding]:
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
            params: dict[str, Param] = {
                "phrase": f"{' '.join(multiplier_words)} {word}", "number": multiplier,
                "word": right,
            }  # fmt: skip
            yield _finding(
                run[i].string, run[i].start(), run[i].end(), "scale-agreement", params, right
            )
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
                params = {"phrase": f"{words[i - 1]} {words[i]}", "number": mult, "word": right}
                yield _finding(
                    run[i].string, run[i].start(), run[i].end(), "scale-agreement", params, right
                )


# --- dates ---------------------------------------------------------------------------

_BEFORE: Final = re.compile(r"(?P<word>[^\W\d_]+)[ \u00a0]+(?:pat[ \u00a0]+)?$")
_AFTER: Final = re.compile(r"^[ \u00a0]+(?P<word>[^\W\d_]+)")
_SITTING: Final = frozenset({"sēde", "sēdes", "sēdei", "sēdi", "sēdē"})
_GENITIVE_PREPOSITIONS: Final = frozenset({"no", "pēc", "pirms", "kopš"})
#: a case as a message names it ("in the dative", "datīvā"): a phrase of its own code
_CASE_NAMES: Final[dict[str, Phrase]] = {
    case: Phrase(code)
    for case, code in (
        ("nominative", "case-nominative"), ("genitive", "case-genitive"),
        ("dative", "case-dative"), ("accusative", "case-accusative"),
        ("locative", "case-locative"),
    )
}  # fmt: skip


def _required_case(text: str, start: int, end: int) -> tuple[Case, str] | None:
    """The case the words around a date require, and the word that requires it."""
    before = _BEFORE.search(text[max(0, start - 40) : start])
    after = _AFTER.match(text[end : end + 40])
    if after is not None and after["word"].lower() in _SITTING:
        return "genitive", after["word"]
    if before is None:
        return None
    prev = before["word"].lower()
    if prev == "līdz":
        return "dative", before["word"]
    if prev in _GENITIVE_PREPOSITIONS:
        return "genitive", before["word"]
    return None


def _check_dates(text: str) -> Iterator[Finding]:
    covered: list[tuple[int, int]] = []
    for d in iter_dates(text):
        covered.append((d.start, d.end))
        required = _required_case(text, d.start, d.end)
        if required is not None:
            case, word = required
            ok = d.case == case
            # "līdz 2015. gada 30. septembra sēdei": a genitive date that is an
            # attribute of the next noun is right after "līdz" too.
            if not ok and case == "dative" and d.case == "genitive":
                after = _AFTER.match(text[d.end : d.end + 40])
                ok = after is not None
            if not ok:
                params: dict[str, Param] = {
                    "word": word, "required": _CASE_NAMES[case], "found": _CASE_NAMES[d.case],
                }  # fmt: skip
                suggestion = format_date(d.date, case, nbsp=False)
                yield _finding(text, d.start, d.end, "date-case", params, suggestion)
                continue
        if not d.spaced:
            suggestion = format_date(d.date, d.case, nbsp=False)
            yield _finding(text, d.start, d.end, "date-spacing", suggestion=suggestion)
    # a year alone: "2013.gadā", "2020.gadam"
    starts = [s for s, _ in covered]  # in text order and disjoint: found by bisection
    for m in re.finditer(r"(?<!\d)(\d{4})\.(gad[a-zāēīū]*)", text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < covered[i][1]:
            continue  # part of a whole date (a scan of every date was quadratic, issue 17)
        yield _finding(text, m.start(), m.end(), "date-spacing", suggestion=f"{m[1]}. {m[2]}")


# --- typography ------------------------------------------------------------------------

_CODE_AFTER: Final = re.compile(
    rf"(?P<fig>{FIGURE_GROUPS})\.(?P<dec>\d{{2}})(?!\d)"
    r"(?P<sp>[ \u00a0]*)(?P<cur>EUR|LVL|€|eiro|euro|lati|latu)\b"
)
_CODE_BEFORE: Final = re.compile(
    r"\b(?P<cur>EUR|LVL)(?P<sp>[ \u00a0]*)"
    r"(?P<fig>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)\.(?P<dec>\d{2})(?![\d])"
)


def _check_decimal_point(text: str) -> Iterator[Finding]:
    for m in _CODE_AFTER.finditer(text):
        suggestion = f"{m['fig']},{m['dec']} {m['cur']}"
        yield _finding(text, m.start(), m.end(), "decimal-point", suggestion=suggestion)
    for m in _CODE_BEFORE.finditer(text):
        suggestion = f"{m['cur']} {m['fig']},{m['dec']}"
        yield _finding(text, m.start(), m.end(), "decimal-point", suggestion=suggestion)


def _check_quotes(text: str) -> Iterator[Finding]:
    # English “…” (and ‘…’ is not used in Latvian at all); the closing “ of the
    # older Latvian „…“ is fine, so only an *opening* “ is reported.
    for m in re.finditer(r"“([^”“\"\n]*)[”“\"]?", text):
        if m.start() > 0 and not (text[m.start() - 1].isspace() or text[m.start() - 1] in "([-–"):
            continue
        yield _finding(text, m.start(), m.end(), "quotes", {"marks": "“…”"}, f"„{m[1]}”")
    # ”…” — both marks closing, a common autocorrect result — is not Latvian either.
    for m in re.finditer(r"(?:^|(?<=[\s(\[–-]))”(?=\S)([^”“„\n]*)”", text):
        yield _finding(text, m.start(), m.end(), "quotes", {"marks": "”…”"}, f"„{m[1]}”")
    for m in re.finditer(r"\"([^\"\n]*)\"", text):
        yield _finding(text, m.start(), m.end(), "quotes", {"marks": '"…"'}, f"„{m[1]}”")


def _check_nr(text: str) -> Iterator[Finding]:
    for m in re.finditer(r"\b([Nn]r)\.(\d+)", text):
        yield _finding(text, m.start(), m.end(), "nr-spacing", suggestion=f"{m[1]}. {m[2]}")


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


def _check_table_totals(path: str, table: DocumentTable) -> Iterator[Finding]:
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
                yield Finding(
                    "table-total",
                    location=Location(path, place=f"{where} cell {j + 1}"),
                    params={
                        "table": table.position,
                        "row": r,
                        "label": " ".join(label.split()),
                        "column": j + 1,
                        "stated": stated,
                        "computed": computed,
                        "difference": stated - computed,
                    },
                    suggestion=format_number(computed, places),
                    excerpt=row[j],
                )
        if grand:
            subtotals, every = [], []
        else:
            subtotals.append(row)
        since_last = []

"""Rules on number words: scale words and counted nouns agree with their number.

Rules: ``docs/latvian-language.md`` §1.2 (the scale word agrees with its
multiplier: ``divi tūkstoši``, ``divdesmit viens tūkstotis``, ``divi simti``,
``viens simts``), §2 (the counted noun agrees with the last word of the
number; after ``simts``/``simti``/``tūkstotis``… only the genitive), §1.3 and
§10 step 2 (colloquial forms are read and named as style).

Every run of number words in the text is checked, wherever it stands — in
brackets after a figure or in running text ("divi simti lati").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from annexgen.errors import Finding, LanguageError
from annexgen.lv.currencies import NounForms, allowed_noun_forms, noun_form
from annexgen.lv.mentions import Scan
from annexgen.lv.numbers import FEMININE_UNITS, NUMBER_WORDS, words_to_number
from annexgen.lv.rules._base import finding
from annexgen.lv.tokens import DIGITS, WORD, Tokens
from annexgen.lv.words import COUNTED_NOUNS, GENDERED_NOUNS, NOUN_MODIFIERS, currency_of_word
from annexgen.messages import Param

__all__ = ["check_agreement"]

#: word → (singular, nominative plural, genitive plural) of the declinable scale nouns.
_SCALES: Final[dict[str, tuple[str, str, str]]] = {
    form: forms
    for forms in (
        ("tūkstotis", "tūkstoši", "tūkstošu"),
        ("miljons", "miljoni", "miljonu"),
        ("miljards", "miljardi", "miljardu"),
    )
    for form in forms
}
_UNITS_ORDER: Final = ("viens", "divi", "trīs", "četri", "pieci", "seši", "septiņi", "astoņi",
                       "deviņi")  # fmt: skip
_UNITS: Final = frozenset(_UNITS_ORDER)
_COLLOQUIAL: Final = {"simtu": "simt", "tūkstots": "tūkstotis"}
#: A run longer than this is no amount (§1: at most 27 words); longer runs are skipped.
_MAX_RUN: Final = 40


def _runs(tokens: Tokens) -> Iterator[list[int]]:
    """Maximal runs of number words on one line, separated by spaces only.

    "un" ends a run, so "… eiro un trīsdesmit trīs centi" gives the cents
    number its own run and its own noun check.
    """
    run: list[int] = []
    for i in range(len(tokens)):
        is_number = tokens.kinds[i] == WORD and tokens.lower[i] in NUMBER_WORDS
        if is_number and run and tokens.spaced(i):
            run.append(i)
            continue
        if run:
            yield run
        run = [i] if is_number else []
    if run:
        yield run


def _singular(n: int) -> bool:
    return n % 10 == 1 and n % 100 != 11


def _scales(tokens: Tokens, run: list[int], words: list[str]) -> Iterator[Finding]:
    text = tokens.text
    start = 0
    for i, word in enumerate(words):
        if word == "tūkstoš" or word.endswith("tūkstoš"):
            start = i + 1
            continue
        forms = _SCALES.get(word)
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
        singular = _singular(multiplier)
        allowed = {forms[0]} if singular else {forms[1], forms[2]}
        if word not in allowed:
            right = forms[0] if singular else forms[1]
            params: dict[str, Param] = {
                "phrase": f"{' '.join(multiplier_words)} {word}", "number": multiplier,
                "word": right,
            }  # fmt: skip
            at = run[i]
            yield finding(
                "scale-agreement", text, tokens.starts[at], tokens.ends[at], params, right
            )
    # hundreds: "divi simts" → "divi simti", "viens simti" → "viens simts"
    for i in range(1, len(words)):
        if words[i] in ("simts", "simti") and words[i - 1] in _UNITS:
            mult = words_to_number(words[i - 1])
            right = "simts" if mult == 1 else "simti"
            if words[i] != right:
                params = {"phrase": f"{words[i - 1]} {words[i]}", "number": mult, "word": right}
                at = run[i]
                yield finding(
                    "scale-agreement", text, tokens.starts[at], tokens.ends[at], params, right
                )


def _noun(tokens: Tokens, i: int) -> tuple[str, NounForms] | None:
    """The counted noun at token ``i`` when it directly follows the token before."""
    if i >= len(tokens) or tokens.kinds[i] != WORD or not tokens.spaced(i):
        return None
    forms = COUNTED_NOUNS.get(tokens.lower[i])
    return None if forms is None else (tokens.lower[i], forms)


def _noun_finding(
    tokens: Tokens,
    i: int,
    value: int,
    allowed: set[str],
    forms: NounForms,
    phrase: str,
    code: str,
) -> Iterator[Finding]:
    written = tokens.values[i]
    if written.lower() in allowed:
        return
    preferred = noun_form(value, forms)
    params: dict[str, Param] = {"phrase": f"{phrase} {written}", "number": value,
                                "noun": preferred}  # fmt: skip
    yield finding(code, tokens.text, tokens.starts[i], tokens.ends[i], params, preferred)


def _words_runs(tokens: Tokens) -> Iterator[Finding]:
    text = tokens.text
    for run in _runs(tokens):
        if len(run) > _MAX_RUN:
            continue
        words = [tokens.lower[i] for i in run]
        try:
            value = words_to_number(" ".join(words))
        except LanguageError:
            continue
        yield from _scales(tokens, run, words)
        yield from _gender(tokens, run, words)
        for k, (at, word) in enumerate(zip(run, words, strict=True)):
            standard = _COLLOQUIAL.get(word)
            if standard is not None and (word != "simtu" or k + 1 < len(words)):
                params: dict[str, Param] = {"word": tokens.values[at], "standard": standard}
                yield finding(
                    "colloquial-number", text, tokens.starts[at], tokens.ends[at], params,
                    standard,
                )  # fmt: skip
        noun_at = run[-1] + 1
        noun = _noun(tokens, noun_at)
        names_unit = noun is not None or (
            noun_at < len(tokens)
            and tokens.spaced(noun_at)
            and currency_of_word(tokens.lower[noun_at]) is not None
        )
        if names_unit:
            yield from _indeclinable(tokens, run, words)
        if noun is not None:
            _, forms = noun
            allowed = allowed_noun_forms(value, forms, last_word=words[-1])
            if words[-1] == "trīs":
                allowed.add(forms.genitive)  # "trīs" is also the genitive ("trīs latu")
            phrase = text[tokens.starts[run[0]] : tokens.ends[run[-1]]]
            yield from _noun_finding(tokens, noun_at, value, allowed, forms, phrase,
                                     "noun-agreement")  # fmt: skip


def _indeclinable(tokens: Tokens, run: list[int], words: list[str]) -> Iterator[Finding]:
    """``viens tūkstoš eiro``: the indeclinable form where an amount declines the noun."""
    start = 0
    for i, word in enumerate(words):
        if word in _SCALES:
            start = i + 1
        if word != "tūkstoš":
            continue
        try:
            multiplier = words_to_number(" ".join(words[start:i])) if words[start:i] else 1
        except LanguageError:
            multiplier = 1
        standard = "tūkstotis" if _singular(multiplier) else "tūkstoši"
        at = run[i]
        params: dict[str, Param] = {"word": tokens.values[at], "standard": standard}
        yield finding(
            "scale-indeclinable", tokens.text, tokens.starts[at], tokens.ends[at], params,
            standard,
        )  # fmt: skip
        start = i + 1


def _digits(scan: Scan) -> Iterator[Finding]:
    """A counted noun after digits: ``21 lati`` → ``21 lats``, ``01 centi`` → ``01 cents``.

    Style only (§4 lets validators accept any cents word after digits), and the
    genitive plural is always let through: digits do not show their case, and
    "5 latu apmērā", "2 gadu laikā" are genitives.
    """
    tokens = scan.tokens
    for fig in scan.figures.values():
        if fig.decimals or fig.ordinal or tokens.kinds[fig.last] != DIGITS:
            continue
        noun = _noun(tokens, fig.last + 1)
        if noun is None:
            continue
        _, forms = noun
        written = tokens.values[fig.last] if not fig.grouped else tokens.text[fig.start : fig.end]
        allowed = allowed_noun_forms(fig.whole, forms, last_word=tokens.values[fig.last])
        allowed.add(forms.genitive)
        yield from _noun_finding(tokens, fig.last + 1, fig.whole, allowed, forms, written,
                                 "digits-agreement")  # fmt: skip


#: The gendered unit words (§3), masculine ↔ feminine; "trīs" has one form.
_MASCULINE_UNITS: Final = tuple(w for w in _UNITS_ORDER if w)
_OTHER_GENDER: Final = {
    **dict(zip(_MASCULINE_UNITS, FEMININE_UNITS[1:], strict=True)),
    **dict(zip(FEMININE_UNITS[1:], _MASCULINE_UNITS, strict=True)),
}
_OTHER_GENDER.pop("trīs")


def _gender(tokens: Tokens, run: list[int], words: list[str]) -> Iterator[Finding]:
    """``divi dienas``, ``trīsdesmit viens ģimene``, ``(divas gadi)``: the last unit word
    in the noun's gender (§3). Only nouns whose gender is certain are checked."""
    last = words[-1]
    if last not in _OTHER_GENDER:
        return
    gender = "m" if last in _MASCULINE_UNITS else "f"
    n = len(tokens)
    at = run[-1] + 1
    if at < n and tokens.values[at] == ")" and tokens.glued(at):
        at += 1  # "22 (divdesmit divi) darba dienas": the noun after the brackets
    if at + 1 < n and (
        tokens.lower[at] in NOUN_MODIFIERS
        or (
            tokens.kinds[at] == WORD
            and tokens.lower[at].endswith("u")
            and len(tokens.lower[at]) > 3
        )
    ):
        at += 1
    if at >= n or not tokens.spaced(at) or tokens.kinds[at] != WORD:
        return
    noun = tokens.lower[at]
    if at + 1 < n and f"{noun} {tokens.lower[at + 1]}" in GENDERED_NOUNS:
        noun = f"{noun} {tokens.lower[at + 1]}"
    known = GENDERED_NOUNS.get(noun)
    if known is None or known[0] == gender:
        return
    if known[1] != ("sg" if last in ("viens", "viena") else "pl"):
        return  # "viena gada laikā": a genitive, not a count
    following = at + 1
    if (
        noun.endswith(("as", "es"))
        and following < n
        and tokens.kinds[following] == WORD
        and tokens.lower[following].endswith("i")
    ):
        return  # "divi grupas dalībnieki": a genitive before the counted noun
    phrase = tokens.text[tokens.starts[run[0]] : tokens.ends[run[-1]]]
    right = " ".join([*phrase.split()[:-1], _OTHER_GENDER[last]])
    params: dict[str, Param] = {"phrase": phrase, "noun": tokens.values[at], "right": right}
    yield finding(
        "gender-agreement", tokens.text, tokens.starts[run[0]], tokens.ends[run[-1]], params,
        right,
    )  # fmt: skip


def check_agreement(scan: Scan) -> Iterator[Finding]:
    """Every agreement finding of one text, from its scan."""
    yield from _words_runs(scan.tokens)
    yield from _digits(scan)

"""Reading number phrases: what the words of an amount, a percentage or a count say.

Rules: ``docs/latvian-language.md`` §1 (number words, every variant), §3
(feminine 1–9: "divdesmit divas dienas"; a count in the case of its noun,
"4 (četrās) pašvaldībās"), §4 (cents after digits or in words,
"eiro centi", "eirocenti", "eurocentu", "c"), §10 step 2 (unknown words are
errors, known non-literary forms are read). One reader for everything that
compares words with figures — the lint rules, ``check``, ``extract`` and
:func:`annexgen.lv.parse_amount_words` — so they can never read a phrase two
ways.

The reader also decides what is *not* a number phrase: "(divi gadi)",
"(trīs kārtās)", "(viens zemes gabals)" start with a number word but go on
with a noun that is neither a currency nor a unit, so they describe something
else and are left alone; a word that is almost a number word
("devinpadsmit", "septini") inside a phrase that names a currency is a typo
and is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from annexgen.errors import LanguageError
from annexgen.i18n import use_language
from annexgen.lv.numbers import NUMBER_WORDS, OBLIQUE_UNITS, near_number_word, words_to_number
from annexgen.lv.tokens import DIGITS, MARK, WORD, Tokens
from annexgen.lv.words import MINOR_WORDS, PERCENT_WORDS, currency_of_word
from annexgen.messages import Phrase, format_param

__all__ = ["PhraseReading", "Unit", "Unreadable", "read_phrase"]

Unit = Literal["money", "percent", "count"]
CentsWritten = Literal["none", "digits", "words"]

#: A phrase longer than this is no amount (the longest, 999 999 999 999,99 in
#: words, has 27 words); bounding it keeps reading linear on hostile text.
_MAX_TOKENS: Final = 60
_TRAILING: Final = frozenset(",.;:")


@dataclass(frozen=True, slots=True)
class PhraseReading:
    """A number phrase read: its value and how it is written.

    ``start``/``end`` are offsets of the phrase in the text (trailing
    punctuation left out); ``cents`` is how the minor part is written —
    ``none``, ``digits`` ("… eiro 00 centu") or ``words`` ("… un trīsdesmit
    trīs centi"); ``minor_word`` is the minor noun as written after the
    cents ("eiro centi", "eirocenti", "centu"); ``spelling`` the major
    unit's word ("eiro", "euro", "latu") when one is written.
    """

    value: Decimal
    unit: Unit
    currency: str | None
    cents: CentsWritten
    minor_word: str | None
    spelling: str | None
    number_words: tuple[str, ...]
    start: int
    end: int
    first: int  # token indexes of the phrase
    last: int
    minor_currency: str | None = None  # whose minor unit the cents word names ("santīmu": LVL)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A phrase meant as a number that cannot be read: the word, why, the likely word.

    ``why`` is the reason as a message (translated where it is shown);
    ``reason`` the same in English, for a developer's log.
    """

    why: Phrase
    word: str | None
    near: str | None
    start: int
    end: int

    @property
    def reason(self) -> str:
        with use_language("en"):
            return format_param(self.why)


def _is_unit(word: str) -> bool:
    return currency_of_word(word) is not None or word in MINOR_WORDS or word in PERCENT_WORDS


def _number(words: list[str]) -> int:
    return words_to_number(" ".join(words))


def _unknown_in(tokens: Tokens, lo: int, hi: int) -> int | None:
    """The first word in ``lo:hi`` that is neither a number word nor a unit nor "un"."""
    for i in range(lo, hi):
        w = tokens.lower[i]
        if tokens.kinds[i] == WORD and w not in NUMBER_WORDS and not _is_unit(w) and w != "un":
            return i
    return None


def _garbled(tokens: Tokens, lo: int, hi: int, start: int, end: int) -> Unreadable:
    """Why ``lo:hi`` — meant as a number — cannot be read."""
    at = _unknown_in(tokens, lo, hi)
    if at is None:
        return Unreadable(Phrase("words-out-of-order"), None, None, start, end)
    word = tokens.values[at]
    near = near_number_word(word)
    if near is None:
        return Unreadable(Phrase("words-unknown-word", {"word": word}), word, None, start, end)
    why = Phrase("words-unknown-word-near", {"word": word, "near": near})
    return Unreadable(why, word, near, start, end)


def _meant_as_number(tokens: Tokens, lo: int, hi: int) -> bool:
    """Words left over after a phrase still look like part of it (a typo inside)."""
    for i in range(lo, hi):
        w = tokens.lower[i]
        if w in NUMBER_WORDS or _is_unit(w) or near_number_word(w) is not None:
            return True
    return False


def _minor_noun(tokens: Tokens, i: int, hi: int) -> int | None:
    """End index (exclusive) of a minor-unit noun starting at ``i``: "centi",
    "eiro centi", "EUR centi", "eurocentu", "c"."""
    if i < hi and tokens.lower[i] in MINOR_WORDS:
        return i + 1
    if i + 1 < hi and currency_of_word(tokens.lower[i]) and tokens.lower[i + 1] in MINOR_WORDS:
        return i + 2
    return None


def read_phrase(tokens: Tokens, lo: int, hi: int) -> PhraseReading | Unreadable | None:
    """Read the tokens ``lo:hi`` as a number phrase.

    Returns the reading; :class:`Unreadable` when the tokens are meant as a
    number (only number words and units, or a word that is nearly a number
    word, or a currency named after a word that is not a number word) but
    cannot be read; ``None`` when they are no number phrase at all.
    """
    while hi > lo and tokens.kinds[hi - 1] == MARK and tokens.values[hi - 1] in _TRAILING:
        hi -= 1  # "(… eiro,)": a trailing comma or full stop is not part of the words
    if hi <= lo or hi - lo > _MAX_TOKENS:
        return None
    start, end = tokens.starts[lo], tokens.ends[hi - 1]
    lower = tokens.lower
    i = lo
    whole: list[str] = []
    while i < hi and (lower[i] in NUMBER_WORDS or (lower[i] == "un" and whole)):
        if lower[i] != "un":
            whole.append(lower[i])
        i += 1
    if i + 1 == hi and lower[i] in OBLIQUE_UNITS:
        # a count in the case of its noun, ending the brackets: "4 (četrās) pašvaldībās"
        whole.append(OBLIQUE_UNITS[lower[i]])
        i += 1
    if not whole:
        if tokens.kinds[lo] == WORD and near_number_word(lower[lo]) is not None:
            return _garbled(tokens, lo, hi, start, end)
        return None
    while i > lo and lower[i - 1] == "un":
        i -= 1  # "… pieci un": "un" belongs to what follows
    unit: Unit = "count"
    currency: str | None = None
    spelling: str | None = None
    cents: CentsWritten = "none"
    minor_word: str | None = None
    minor_currency: str | None = None
    minor = 0
    fraction = ""
    if i < hi and lower[i] in MINOR_WORDS:
        # cents alone: "divdesmit pieci centi" (0,25), "viens cents"
        unit, currency, cents = "money", MINOR_WORDS[lower[i]], "words"
        minor_word = tokens.values[i]
        try:
            minor = _number(whole)
        except LanguageError:
            return _garbled(tokens, lo, hi, start, end)
        whole = []
        i += 1
    elif i < hi and currency_of_word(lower[i]) is not None:
        unit, currency = "money", currency_of_word(lower[i])
        spelling = lower[i] if tokens.kinds[i] == WORD and lower[i] not in ("eur", "lvl") else None
        i += 1
        j = i
        if j < hi and (lower[j] == "un" or tokens.values[j] == ","):
            j += 1
        if j < hi and tokens.kinds[j] == DIGITS and len(lower[j]) <= 2:
            noun_end = _minor_noun(tokens, j + 1, hi)
            minor, cents = int(lower[j]), "digits"
            if noun_end is not None:
                minor_word = tokens.text[tokens.starts[j + 1] : tokens.ends[noun_end - 1]]
                minor_currency = MINOR_WORDS[lower[noun_end - 1]]
                i = noun_end
            else:
                i = j + 1
        elif j < hi and lower[j] in NUMBER_WORDS:
            k = j
            minor_words: list[str] = []
            while k < hi and lower[k] in NUMBER_WORDS:
                minor_words.append(lower[k])
                k += 1
            noun_end = _minor_noun(tokens, k, hi)
            if noun_end is None:
                return _garbled(tokens, j, hi, start, end)
            try:
                minor = _number(minor_words)
            except LanguageError:
                return _garbled(tokens, j, hi, start, end)
            cents = "words"
            minor_word = tokens.text[tokens.starts[k] : tokens.ends[noun_end - 1]]
            minor_currency = MINOR_WORDS[lower[noun_end - 1]]
            i = noun_end
    elif i < hi and lower[i] in PERCENT_WORDS:
        unit = "percent"
        i += 1
    elif i + 1 < hi and lower[i] == "komats" and lower[i + 1] in NUMBER_WORDS:
        # "divi komats pieci" (2,5), "nulle komats nulle pieci" (0,05)
        k = i + 1
        zeros = 0
        while k < hi and lower[k] == "nulle":
            zeros, k = zeros + 1, k + 1
        digits: list[str] = []
        while k < hi and lower[k] in NUMBER_WORDS and lower[k] != "nulle":
            digits.append(lower[k])
            k += 1
        try:
            fraction = "0" * zeros + (str(_number(digits)) if digits else "")
        except LanguageError:
            return _garbled(tokens, i + 1, hi, start, end)
        i = k
        if i < hi and lower[i] in PERCENT_WORDS:
            unit = "percent"
            i += 1
    if minor > 99:
        why = Phrase("words-cents-over-99", {"cents": minor})
        return Unreadable(why, None, None, start, end)
    rest_meant = i < hi and _meant_as_number(tokens, i, hi)
    if unit == "count" and i < hi:
        # "(divi gadi)": a number and a noun of its own — no restatement of a figure
        if rest_meant or any(_is_unit(w) for w in lower[lo:hi]):
            return _garbled(tokens, lo, hi, start, end)
        return None
    if rest_meant:
        return _garbled(tokens, i, hi, start, end)
    try:
        value = Decimal(_number(whole)) if whole else Decimal(0)
    except LanguageError as err:
        why = (
            Phrase(err.code, err.params)
            if err.code
            else Phrase(err.GENERIC_CODE, {"reason": str(err)})
        )
        return Unreadable(why, None, None, start, end)
    if fraction:
        value = Decimal(f"{int(value)}.{fraction}")
    if unit == "money":
        value = (value + Decimal(minor) / 100).quantize(Decimal("0.01"))
    last = i - 1 if i > lo else lo
    end = tokens.ends[last]
    return PhraseReading(
        value, unit, currency, cents, minor_word, spelling, tuple(whole), start, end, lo, last,
        minor_currency,
    )  # fmt: skip

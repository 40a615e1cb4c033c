"""Cardinal numbers in Latvian words, both ways.

Rules: ``docs/latvian-language.md`` (shared research notes) §1. The vocabulary
is data (tables below); the code only composes groups of three digits.

Three styles, because real documents disagree (§1.3) and a council wants its
own annexes to stay consistent:

========== ======== ============ ================ =====================================
style      100      101          1000             115 029
========== ======== ============ ================ =====================================
municipal  simts    simt viens   viens tūkstotis  simt piecpadsmit tūkstoši divdesmit deviņi
normative  simts    simt viens   tūkstotis        simt piecpadsmit tūkstoši divdesmit deviņi
financial  viens    viens simts  viens tūkstotis  viens simts piecpadsmit tūkstoši …
           simts    viens
========== ======== ============ ================ =====================================

"municipal" (the default) is what the seed annexes write: ``viens`` only before
``tūkstotis``/``miljons``/``miljards``, ``simt`` when more words follow,
``simts`` alone. The parser accepts every style and every variant real
documents use, so a validator never depends on which style wrote a text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

from annexgen.errors import LanguageError, UnknownWordError
from annexgen.messages import Param, Phrase

__all__ = [
    "FEMININE_UNITS",
    "MAX_NUMBER",
    "NUMBER_WORDS",
    "OBLIQUE_FORMS",
    "STYLES",
    "Style",
    "fold",
    "is_number_word",
    "near_number_word",
    "number_to_words",
    "one_edit_apart",
    "words_to_number",
]

Style = Literal["municipal", "normative", "financial"]
STYLES: Final[tuple[Style, ...]] = ("municipal", "normative", "financial")

#: Exclusive upper bound: the largest scale word we spell is ``miljards`` (10^9).
MAX_NUMBER: Final = 10**12

# §1.1 building blocks, masculine nominative.
_UNITS: Final = (
    "", "viens", "divi", "trīs", "četri", "pieci", "seši", "septiņi", "astoņi", "deviņi",
)  # fmt: skip
#: §3: the feminine forms of 1–9 (``viena diena``, ``divas reizes``); ``trīs`` is both.
FEMININE_UNITS: Final = (
    "", "viena", "divas", "trīs", "četras", "piecas", "sešas", "septiņas", "astoņas", "deviņas",
)  # fmt: skip
# Stems shared by -padsmit (11–19) and -desmit (20–90); note "seš-", "četr-" (§1.1).
_STEMS: Final = ("", "vien", "div", "trīs", "četr", "piec", "seš", "septiņ", "astoņ", "deviņ")
_TEN: Final = "desmit"
_TEENS: Final = tuple(f"{s}padsmit" if s else "" for s in _STEMS)  # index 1..9 → 11..19
_TENS: Final = tuple(f"{s}desmit" if s else "" for s in _STEMS)  # index 2..9 → 20..90

# Scale words: (value, singular, plural) — §1.1, §1.2.
_SCALES: Final = (
    (10**9, "miljards", "miljardi"),
    (10**6, "miljons", "miljoni"),
    (10**3, "tūkstotis", "tūkstoši"),
)


def _group_words(g: int, style: Style, more_follows: bool) -> list[str]:
    """Words for 1 ≤ g ≤ 999; ``more_follows`` picks ``simt`` over ``simts``."""
    hundreds, rest = divmod(g, 100)
    words: list[str] = []
    if hundreds == 1:
        if style == "financial":
            words += ["viens", "simts"]
        else:
            words.append("simt" if rest or more_follows else "simts")
    elif hundreds:
        words += [_UNITS[hundreds], "simti"]
    tens, units = divmod(rest, 10)
    if tens >= 2:
        words.append(_TENS[tens])
        if units:
            words.append(_UNITS[units])
    elif tens == 1:
        words.append(_TEENS[units] if units else _TEN)
    elif units:
        words.append(_UNITS[units])
    return words


def _is_singular(n: int) -> bool:
    """§1.2/§2: the last word is ``viens`` (n ends in 1 but not 11)."""
    return n % 10 == 1 and n % 100 != 11


def _build_tables() -> dict[Style, tuple[tuple[str, ...], tuple[str, ...]]]:
    # Precomputed so that spelling a number is a few tuple look-ups: the
    # exhaustive round-trip test and batch rendering call this millions of times.
    tables: dict[Style, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for style in STYLES:
        last = tuple(" ".join(_group_words(g, style, False)) for g in range(1000))
        mid = tuple(" ".join(_group_words(g, style, True)) for g in range(1000))
        tables[style] = (last, mid)
    return tables


_TABLES: Final = _build_tables()


def _check_int(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise LanguageError(
            code="needs-type",
            params={
                "function": "number_to_words",
                "type": "int",
                "got": f"{type(n).__name__} {n!r}",
            },
        )
    if not 0 <= n < MAX_NUMBER:
        raise LanguageError(code="number-out-of-range", params={"number": n})
    return n


def number_to_words(n: int, *, style: Style = "municipal") -> str:
    """Spell ``0 ≤ n < 10**12`` as a masculine nominative Latvian numeral.

    >>> number_to_words(115029)
    'simt piecpadsmit tūkstoši divdesmit deviņi'
    >>> number_to_words(1000), number_to_words(1000, style="normative")
    ('viens tūkstotis', 'tūkstotis')
    """
    n = _check_int(n)
    if style not in _TABLES:
        raise LanguageError(
            code="unknown-option", params={"what": "style", "value": style, "options": list(STYLES)}
        )
    if n == 0:
        return "nulle"
    last, mid = _TABLES[style]
    parts: list[str] = []
    rest = n
    for value, singular, plural in _SCALES:
        g, rest = divmod(rest, value)
        if not g:
            continue
        if g == 1:
            parts.append(singular if style == "normative" else f"viens {singular}")
        else:
            parts.append(f"{mid[g]} {singular if _is_singular(g) else plural}")
    if rest:
        parts.append(last[rest])
    return " ".join(parts)


# --- parsing ---------------------------------------------------------------

# Every form a real document uses (§1.3, §10 step 2), mapped to (kind, value).
_UNIT, _TEENK, _TENK, _HUNDRED, _HUNDREDS, _SCALE, _SCALE_COMPOUND = range(7)


def _build_vocabulary() -> dict[str, tuple[int, int]]:
    vocab: dict[str, tuple[int, int]] = {}
    for i in range(1, 10):
        vocab[_UNITS[i]] = (_UNIT, i)
        vocab[FEMININE_UNITS[i]] = (_UNIT, i)  # §3: "divdesmit divas dienas"
        vocab[_TEENS[i]] = (_TEENK, 10 + i)
        if i >= 2:
            vocab[_TENS[i]] = (_TENK, 10 * i)
            # indeclinable one-word hundreds: divsimt … deviņsimt (§1.1)
            vocab[f"{_STEMS[i]}simt"] = (_HUNDREDS, 100 * i)
            vocab[f"{_STEMS[i]}tūkstoš"] = (_SCALE_COMPOUND, i * 1000)
    vocab[_TEN] = (_TENK, 10)
    # simts (noun), simt (indeclinable), simtu (colloquial "simtu viens", §1.3),
    # simti (plural after a multiplier: "divi simti").
    for form in ("simts", "simt", "simtu", "simti"):
        vocab[form] = (_HUNDRED, 100)
    scale_forms = {
        10**3: ("tūkstotis", "tūkstoši", "tūkstošu", "tūkstoš", "tūkstots"),
        10**6: ("miljons", "miljoni", "miljonu"),
        10**9: ("miljards", "miljardi", "miljardu"),
    }
    for value, forms in scale_forms.items():
        for form in forms:
            vocab[form] = (_SCALE, value)
    return vocab


_VOCABULARY: Final = _build_vocabulary()
_HUNDRED_WORDS: Final = frozenset(w for w, (k, _) in _VOCABULARY.items() if k == _HUNDRED)

#: Every word :func:`words_to_number` reads (lower case), ``nulle`` included.
NUMBER_WORDS: Final = frozenset({*_VOCABULARY, "nulle"})


def is_number_word(word: str) -> bool:
    """Whether ``word`` (any case) is one of :data:`NUMBER_WORDS`."""
    return word.lower() in NUMBER_WORDS


def fold(word: str) -> str:
    """``word`` in lower case without diacritics: ``Deviņpadsmit`` → ``devinpadsmit``.

    A word typed without its marks (a keyboard without the Latvian layout)
    folds to the same string as the real word, which is how a misspelt number
    word is told from a word that is no number at all.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _oblique_forms() -> frozenset[str]:
    """Number words in the cases an amount never uses (``vienam``, ``divus``,
    ``simtiem``): a count in another case ("1 (vienam) dalībniekam"), never a
    misspelt number word."""
    forms: set[str] = set()
    masculine = ("a", "am", "u", "ā", "i", "iem", "us", "os")
    feminine = ("as", "ai", "u", "ā", "ām", "ās")
    for stem in ("vien", "div", "četr", "piec", "seš", "septiņ", "astoņ", "deviņ"):
        forms.update(stem + ending for ending in (*masculine, *feminine))
    forms.update(("trijiem", "trim", "triju", "trijām", "trijās", "trijos"))
    for stem in ("simt", "miljon", "miljard"):
        forms.update(stem + ending for ending in masculine)
    forms.update(("tūkstoša", "tūkstotim", "tūkstoti", "tūkstotī", "tūkstošiem", "tūkstošus",
                  "tūkstošos"))  # fmt: skip
    return frozenset(forms - NUMBER_WORDS)


#: Number words in oblique cases (dative, accusative, …), never read as amounts.
OBLIQUE_FORMS: Final = _oblique_forms()

#: The nominative of each unit number word in an oblique case, to read a count
#: written in the case of its noun: "4 (četrās) pašvaldībās", "1 (vienam) dalībniekam".
OBLIQUE_UNITS: Final[dict[str, str]] = {
    form: nominative
    for stem, nominative in (
        ("vien", "viens"),
        ("div", "divi"),
        ("četr", "četri"),
        ("piec", "pieci"),
        ("seš", "seši"),
        ("septiņ", "septiņi"),
        ("astoņ", "astoņi"),
        ("deviņ", "deviņi"),
    )
    for form in (
        stem + e for e in ("a", "am", "u", "ā", "i", "iem", "us", "os", "as", "ai", "ām", "ās")
    )
    if form in OBLIQUE_FORMS
} | dict.fromkeys(("trijiem", "trim", "triju", "trijām", "trijās", "trijos"), "trīs")

_TRIS_ENDINGS: Final = {"trijiem": "iem", "triju": "u", "trijām": "ām",
                         "trijās": "ās", "trijos": "os"}  # fmt: skip
_TRIS_FORMS: Final = {"iem": "trim", "ām": "trim", "u": "triju", "os": "trijos", "ās": "trijās"}


def oblique_like(nominative: str, like: str) -> str | None:
    """The unit word ``nominative`` (``četri``) in the case of ``like`` (``piecās``
    → ``četrās``), or ``None`` when the case or gender cannot be told — also from
    one to many, whose case may differ after the same preposition."""
    if like not in OBLIQUE_UNITS:
        return None
    if like == "trim":  # dative of either gender
        return "trim" if nominative == "trīs" else None
    if like in _TRIS_ENDINGS:
        ending = _TRIS_ENDINGS[like]
    else:
        ending = like[len(_stem(OBLIQUE_UNITS[like])) :]
    if (OBLIQUE_UNITS[like] == "viens") != (nominative == "viens"):
        return None  # "pēc vienas dienas", "pēc divām dienām": the case changes with the number
    if nominative == "trīs":
        return _TRIS_FORMS.get(ending)
    if nominative != "viens" and nominative not in _UNITS_BY_STEM.values():
        return None
    return _stem(nominative) + ending


_UNITS_BY_STEM: Final = {"div": "divi", "četr": "četri", "piec": "pieci", "seš": "seši",
                         "septiņ": "septiņi", "astoņ": "astoņi", "deviņ": "deviņi"}  # fmt: skip


def _stem(nominative: str) -> str:
    """``viens`` → ``vien``, ``četri`` → ``četr``."""
    return nominative[:-1]


_FOLDED: Final[dict[str, str]] = {}
for _word in sorted(NUMBER_WORDS, key=len):
    _FOLDED.setdefault(fold(_word), _word)


def one_edit_apart(a: str, b: str) -> bool:
    """One letter replaced, added or left out (bounded: both words are short)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def near_number_word(word: str) -> str | None:
    """The number word ``word`` was probably meant to be, or ``None``.

    ``devinpadsmit`` → ``deviņpadsmit`` (marks left out), ``divdesmt`` →
    ``divdesmit`` (one letter off, for words of six letters or more, so that
    short everyday words — ``gadi``, ``divu`` — are never taken for numbers).
    """
    lowered = word.lower()
    if lowered in NUMBER_WORDS or lowered in OBLIQUE_FORMS or len(lowered) > 30:
        return None
    folded = fold(lowered)
    if folded in _FOLDED:
        return _FOLDED[folded]
    if len(folded) < 6:
        return None
    for candidate_folded, candidate in _FOLDED.items():
        if one_edit_apart(folded, candidate_folded):
            return candidate
    return _unglued(lowered)


def _unglued(word: str, parts: int = 3) -> str | None:
    """``divdesmitpieci`` → ``divdesmit pieci``: number words written as one.

    Only whole number words, at most three, so that words that merely begin
    with one (``simtgade``, ``desmitgade``) are left alone.
    """
    if parts == 0 or len(word) < 2:
        return None
    for cut in range(len(word) - 2, 1, -1):
        head, tail = word[:cut], word[cut:]
        if head not in NUMBER_WORDS:
            continue
        if tail in NUMBER_WORDS:
            return f"{head} {tail}"
        rest = _unglued(tail, parts - 1) if parts > 1 else None
        if rest is not None:
            return f"{head} {rest}"
    return None


def _words(text: str) -> list[str]:
    """Lower-cased NFC words; ``str.split`` treats NBSP and other spaces as separators."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.lower().split()


def _offset(text: str, index: int) -> int:
    """Character offset of the ``index``-th word of ``text`` (for error messages only)."""
    norm = unicodedata.normalize("NFC", text)
    starts = [m.start() for m in re.finditer(r"\S+", norm)]
    return starts[index] if index < len(starts) else len(norm)


def _malformed(text: str, index: int, why: Phrase) -> LanguageError:
    params: dict[str, Param] = {"why": why, "position": _offset(text, index), "text": text}
    return LanguageError(code="number-words-malformed", params=params)


def words_to_number(text: str) -> int:
    """Read a Latvian cardinal numeral back into an int.

    Tolerant of every spelling variant (``simts``/``simt``/``simtu``/``viens
    simts``/``divsimt``/``divi simti``, ``tūkstotis``/``tūkstoši``/``tūkstošu``/
    ``tūkstoš``, any case, NBSP, an optional ``un``) but strict about order: a
    sequence that is not a number ("divi trīs", "simts simts") is an error,
    never silently summed. Unknown words raise :class:`UnknownWordError`.

    >>> words_to_number("simt vienpadsmit tūkstoši divdesmit deviņi")
    111029
    """
    if not isinstance(text, str):
        raise LanguageError(
            code="needs-type",
            params={"function": "words_to_number", "type": "str", "got": type(text).__name__},
        )
    all_words = _words(text)
    tokens = [(w, i) for i, w in enumerate(all_words) if w != "un"]
    if not tokens:
        raise LanguageError(code="no-number-words", params={"text": text})
    if tokens[0][0] == "nulle":
        if len(tokens) > 1:
            raise LanguageError(code="nulle-combined", params={"text": text})
        return 0

    total = 0
    group = 0
    has_group = False
    stage = 0  # 0 nothing, 1 hundreds, 2 tens, 3 units/teens — words must descend
    last_scale = MAX_NUMBER
    i = 0
    count = len(tokens)
    while i < count:
        word, index = tokens[i]
        entry = _VOCABULARY.get(word)
        if entry is None:
            raise UnknownWordError(word, text, position=_offset(text, index))
        kind, value = entry
        if kind == _UNIT and i + 1 < count and tokens[i + 1][0] in _HUNDRED_WORDS:
            # "divi simti", "viens simts": a multiplier of the hundred word
            if stage:
                raise _malformed(
                    text,
                    index,
                    Phrase("words-after-smaller", {"words": f"{word} {tokens[i + 1][0]}"}),
                )
            group, has_group, stage = value * 100, True, 1
            i += 2
            continue
        if kind in (_HUNDRED, _HUNDREDS):
            if stage:
                raise _malformed(text, index, Phrase("words-after-smaller", {"words": word}))
            if word == "simti":
                raise _malformed(text, index, Phrase("simti-needs-multiplier"))
            group, has_group, stage = value, True, 1
        elif kind == _TENK:
            if stage >= 2:
                raise _malformed(text, index, Phrase("word-after-tens", {"word": word}))
            group, has_group, stage = group + value, True, 2
        elif kind == _TEENK:
            if stage >= 2:
                raise _malformed(text, index, Phrase("word-after-tens", {"word": word}))
            group, has_group, stage = group + value, True, 3
        elif kind == _UNIT:
            if stage >= 3:
                raise _malformed(text, index, Phrase("word-after-units", {"word": word}))
            group, has_group, stage = group + value, True, 3
        else:  # a scale word, possibly with its multiplier fused in ("divtūkstoš")
            if kind == _SCALE_COMPOUND:
                if has_group:
                    raise _malformed(text, index, Phrase("word-after-others", {"word": word}))
                multiplier, scale = value // 1000, 1000
            else:
                multiplier, scale = (group if has_group else 1), value
            if scale >= last_scale:
                raise _malformed(text, index, Phrase("word-after-scale", {"word": word}))
            total += multiplier * scale
            last_scale = scale
            group, has_group, stage = 0, False, 0
        i += 1
    return total + group

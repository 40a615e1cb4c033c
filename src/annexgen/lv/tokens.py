"""Running text as tokens: words, digit runs and single marks, with their offsets.

Why tokens and not one big regular expression per rule: the rules look a few
words left and right of a figure, a bracket or a date, and a pattern that does
that with nested quantifiers backtracks on long hostile lines (a line of
200 000 digits took minutes). Tokenising is one pass of a pattern with no
nesting; every rule then walks the token list with a bounded look-around, so
the whole of :func:`annexgen.lv.rules.check_text` is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

__all__ = ["SPACES", "Figure", "Tokens", "figures", "tokenize"]

#: Characters that separate words on one line: space, no-break space, thin spaces.
SPACES: Final = frozenset(" \u00a0\u202f\u2009\t")
#: Characters that may group the digits of a figure ("19 700,00").
_GROUP_SPACES: Final = frozenset(" \u00a0\u202f\u2009")
_TOKEN: Final = re.compile(r"\d+|[^\W\d_]+|\S")

DIGITS, WORD, MARK = "d", "w", "m"


@dataclass(slots=True)
class Tokens:
    """The tokens of one text: parallel lists, so that rules index them cheaply.

    ``kinds[i]`` is ``"d"`` (a run of digits), ``"w"`` (a run of letters) or
    ``"m"`` (one other visible character); ``lower[i]`` is the token in lower
    case. ``pairs`` maps the index of every ``(`` to the index of its ``)``
    when no other bracket lies between them (the brackets amounts use).
    """

    text: str
    starts: list[int]
    ends: list[int]
    values: list[str]
    lower: list[str]
    kinds: list[str]
    pairs: dict[int, int]

    def __len__(self) -> int:
        return len(self.values)

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i`` (from the start for 0)."""
        return self.text[self.ends[i - 1] if i else 0 : self.starts[i]]

    def glued(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` with nothing between them."""
        return 0 < i < len(self.values) and self.ends[i - 1] == self.starts[i]

    def spaced(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` on the same line, after spaces only."""
        if not 0 < i < len(self.values):
            return False
        start, end = self.ends[i - 1], self.starts[i]
        return start < end and end - start <= 8 and all(c in SPACES for c in self.text[start:end])

    def decimal_dot(self, i: int) -> bool:
        """Token ``i`` is the "." of a decimal figure ("12.50"), not a full stop."""
        return (
            0 < i < len(self.values) - 1
            and self.values[i] == "."
            and self.glued(i)
            and self.glued(i + 1)
            and self.kinds[i - 1] == DIGITS
            and self.kinds[i + 1] == DIGITS
        )

    def near(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` directly or after spaces on one line."""
        return self.glued(i) or self.spaced(i)

    def is_word(self, i: int, *words: str) -> bool:
        return 0 <= i < len(self.values) and self.lower[i] in words


def tokenize(text: str) -> Tokens:
    """Split ``text`` (already NFC) into tokens; one linear pass."""
    starts: list[int] = []
    ends: list[int] = []
    values: list[str] = []
    kinds: list[str] = []
    pairs: dict[int, int] = {}
    open_at = -1
    for m in _TOKEN.finditer(text):
        value = m.group()
        first = value[0]
        kind = DIGITS if first.isdigit() else WORD if first.isalpha() else MARK
        if kind == DIGITS and not value.isascii():
            kind = MARK if len(value) == 1 else WORD  # "١٠٥": not a figure a clerk typed
        if value == "(":
            open_at = len(values)
        elif value == ")":
            if open_at >= 0:
                pairs[open_at] = len(values)
            open_at = -1
        starts.append(m.start())
        ends.append(m.end())
        values.append(value)
        kinds.append(kind)
    return Tokens(text, starts, ends, values, [v.lower() for v in values], kinds, pairs)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number written in digits: ``19 700,00``, ``115 029.00``, ``1000``.

    ``first``/``last`` are token indexes; ``start``/``end`` offsets in the text.
    ``decimals`` is the fraction as written ("00", "5"; "" for none) and
    ``mark`` its separator ("," or "." or ""). ``ordinal`` is true when a dot
    follows directly ("5." in "5. decembrī") and no digit after it.
    """

    first: int
    last: int
    start: int
    end: int
    whole: int
    decimals: str
    mark: str
    grouped: str  # the character that groups thousands, "" when none
    ordinal: bool

    @property
    def value(self) -> Decimal:
        return Decimal(f"{self.whole}.{self.decimals}" if self.decimals else self.whole)

    @property
    def text_whole(self) -> str:
        return f"{self.whole}"


def _dotted_after(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is followed by ``.`` or ``,`` glued to more digits."""
    return (
        i + 2 < len(tokens)
        and tokens.values[i + 1] in ".,"
        and tokens.glued(i + 1)
        and tokens.kinds[i + 2] == DIGITS
        and tokens.glued(i + 2)
    )


def figures(tokens: Tokens) -> dict[int, Figure]:
    """Every figure in the text, by the index of its *last* token.

    Groups of three digits separated by one space (any kind) make one figure;
    a decimal comma or point with digits glued to it ends it. Dotted numbers
    such as ``21.00.00`` or ``05.12.2013.`` are no figures at all, and digits
    glued to letters (``LLI-402``, ``V2``) are not either.
    """
    found: dict[int, Figure] = {}
    n = len(tokens)
    i = 0
    values, kinds = tokens.values, tokens.kinds
    while i < n:
        if kinds[i] != DIGITS or (i and tokens.glued(i) and kinds[i - 1] != MARK):
            i += 1
            continue
        if (
            i >= 2
            and values[i - 1] in ".,"
            and tokens.glued(i)
            and tokens.glued(i - 1)
            and kinds[i - 2] == DIGITS
        ):
            i += 1  # the tail of a dotted number: skip it whole
            continue
        first = i
        whole_text = values[i]
        grouped = ""
        if len(whole_text) <= 3 and not whole_text.startswith("0"):
            while (
                i + 1 < n
                and kinds[i + 1] == DIGITS
                and len(values[i + 1]) == 3
                and tokens.starts[i + 1] - tokens.ends[i] == 1
                and tokens.text[tokens.ends[i]] in _GROUP_SPACES
                and (not grouped or tokens.text[tokens.ends[i]] == grouped)
                and len(whole_text) < 15
            ):
                grouped = tokens.text[tokens.ends[i]]
                whole_text += values[i + 1]
                i += 1
        decimals = mark = ""
        if _dotted_after(tokens, i):
            if _dotted_after(tokens, i + 2):  # 21.00.00, 05.12.2013
                j = i + 2
                while _dotted_after(tokens, j):
                    j += 2
                i = j + 1
                continue
            mark, decimals = values[i + 1], values[i + 2]
            i += 2
        last = i
        ordinal = (
            not decimals
            and i + 1 < n
            and values[i + 1] == "."
            and tokens.glued(i + 1)
            and not _dotted_after(tokens, i)
        )
        if len(whole_text) <= 15 and len(decimals) <= 15:
            found[last] = Figure(
                first, last, tokens.starts[first], tokens.ends[last], int(whole_text), decimals,
                mark, grouped, ordinal,
            )  # fmt: skip
        i += 1
    return found

"""The single input gate for every piece of user text.

Why one gate: docxtpl does not fail loudly. Its body parser *recovers* from bad
XML by dropping characters (and sometimes the rest of the document), headers
raise, footnotes are written unparsed (reliability notes §2.1–§2.3, §2.12).
So text is made safe before it reaches a template, the same way for every
field, and anything that cannot be made safe is refused with its position.

What the gate does, in order:

1. Unicode NFC, so "ā" typed on a Mac (NFD) equals "ā" typed on Windows and
   length limits count letters, not code points (reliability §2.11).
2. ``\\r\\n`` and ``\\r`` become ``\\n`` (a line break in Word).
3. Refuses characters that XML 1.0 forbids (C0 controls other than tab and
   line feed, U+FFFE, U+FFFF, lone surrogates) and the two that docxtpl turns
   into document structure: U+0007 (new paragraph) and U+000C (page break).
   U+000B, which Word's Shift+Enter leaves in copied text, is refused too,
   with a hint — silently changing it would hide where the text came from.
   DEL and the C1 controls (U+007F–U+009F) are legal XML but invisible, and
   in practice they are text decoded with the wrong code page; refused too.
4. Refuses text longer than :data:`MAX_TEXT_LENGTH` characters — far below the
   10 MB libxml2 text-node limit that truncates silently (reliability §2.10).
5. Drops trailing line breaks (YAML block scalars end with one; a table cell
   never wants it). Other spaces, tabs, NBSP and inner line breaks are kept.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from annexgen.errors import TextError
from annexgen.messages import Param, Phrase

__all__ = ["MAX_TEXT_LENGTH", "TextError", "clean_text", "describe_char"]

#: Longest accepted text field, in characters (after NFC). The longest seed
#: field is about 1 400 characters.
MAX_TEXT_LENGTH: Final = 10_000

#: Unicode's names of the characters that have none in ``unicodedata`` (controls)
_NAMES: Final = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x85: "NEXT LINE",
    0x1B: "ESCAPE",
    0xFFFE: "NONCHARACTER U+FFFE",
    0xFFFF: "NONCHARACTER U+FFFF",
}
#: what a clerk should know about a character, by the code of its message
_HINTS: Final = {
    0x07: "char-hint-bell",
    0x0B: "char-hint-vertical-tab",
    0x0C: "char-hint-form-feed",
}


def describe_char(ch: str) -> Phrase:
    """``U+000B VERTICAL TAB (…)`` — a code point a clerk can search for, and a hint.

    The name is Unicode's (the same in every language, like a code); the hint
    is a message of its own, so it is read in the clerk's language.
    """
    code = ord(ch)
    name = _NAMES.get(code) or unicodedata.name(ch, "") or "CONTROL CHARACTER"
    params: dict[str, Param] = {"code": f"U+{code:04X}", "name": name}
    hint = _HINTS.get(code)
    if hint is None:
        return Phrase("char", params)
    return Phrase("char-hinted", {**params, "hint": Phrase(hint)})


#: C0 controls but tab and line feed (CR is normalised first), DEL and C1 controls
#: (invisible, usually text decoded with the wrong code page), lone surrogates,
#: and the two noncharacters XML 1.0 excludes.
_FORBIDDEN: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Return ``value`` as it will appear in the document, or raise :class:`TextError`.

    The error carries its message code and params, so the loader reports it
    like every other finding (``forbidden-character``, ``text-too-long``).
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        raise TextError(
            code="forbidden-character",
            params={"character": describe_char(bad.group()), "position": bad.start() + 1},
        )
    text = unicodedata.normalize("NFC", text).rstrip("\n")
    if len(text) > MAX_TEXT_LENGTH:
        raise TextError(
            code="text-too-long", params={"length": len(text), "limit": MAX_TEXT_LENGTH}
        )
    return text

"""Messages about the data in the clerk's Latvian, for the web form.

Every message comes from annexgen's catalog (:mod:`annexgen.i18n`), in Latvian
whatever the server's locale. The form words a few messages its own way — next
to an input, "Obligāts lauks: aizpildiet to." says more than the YAML key —
through the ``[[errors]]`` table of ``lv.toml``, a pattern over the English
message (the message id) and the form's Latvian words.
"""

from __future__ import annotations

import re
from functools import cache

from annexgen.errors import AnnexgenError, Finding
from annexgen.i18n import use_language
from annexgen.messages import Phrase, format_param
from annexgen.web.form import catalog

__all__ = ["latvian"]

#: English messages longer than this are not matched (the catalog's words are shown).
_MAX_MATCHED = 2000


@cache
def _table() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(entry["en"], re.DOTALL), entry["lv"]) for entry in catalog().get("errors", [])
    )


def _words(item: Finding | AnnexgenError | Phrase) -> str:
    return format_param(item) if isinstance(item, Phrase) else item.message


def latvian(item: Finding | AnnexgenError | Phrase) -> str:
    """The Latvian words for one finding, error or note: the form's own, else the catalog's."""
    with use_language("en"):
        english = _words(item)
    if len(english) <= _MAX_MATCHED:
        for pattern, words in _table():
            match = pattern.fullmatch(english)
            if match:
                return match.expand(words)
    with use_language("lv"):
        return _words(item)

"""Messages about the data in the clerk's Latvian, for the web form.

annexgen's checks speak English today; until its message catalogs carry
Latvian, the form translates each message through the ``[[errors]]`` table of
``lv.toml`` (a pattern over the English message and its Latvian words), so the
Latvian lives in one table and the English stays the checks' own.
"""

from __future__ import annotations

import re
from functools import cache

from annexgen.web.form import catalog

__all__ = ["latvian"]

#: Prefix of a message no table entry translates (the English follows it).
UNTRANSLATED = "Nepareiza vērtība: "
#: English messages longer than this are not matched (they are shown as written).
_MAX_MATCHED = 2000


@cache
def _table() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(entry["en"], re.DOTALL), entry["lv"]) for entry in catalog().get("errors", [])
    )


def latvian(message: str) -> str:
    """The Latvian words for one English message from annexgen's checks."""
    if len(message) <= _MAX_MATCHED:
        for pattern, words in _table():
            match = pattern.fullmatch(message)
            if match:
                return match.expand(words)
    return UNTRANSLATED + message

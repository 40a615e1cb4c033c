"""Personal names as signature blocks print them: ``J. Lāčplēsis``.

Rules: ``docs/document-rules.md`` §1.5 — initial(s), a dot, a no-break space,
the surname (``A. K. Kariņš``); names starting with Dz or Dž keep the digraph
(``Dz. Ozola``, ``Dž. Smits``); never the legacy ``J.Lāčplēsis`` in new output.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from annexgen.errors import LanguageError

__all__ = ["initial", "short_name"]

_NBSP: Final = "\u00a0"
_DIGRAPHS: Final = ("Dž", "Dz")


def initial(given: str) -> str:
    """``Jānis`` → ``J.``, ``Dzintra`` → ``Dz.``, ``Anna-Marija`` → ``A.-M.``."""
    if given.endswith("."):
        return given  # already an initial
    parts = []
    for part in given.split("-"):
        if not part:
            raise LanguageError(code="no-initial", params={"name": given})
        head = part[:2].capitalize()
        parts.append(f"{head}." if head in _DIGRAPHS else f"{part[0].upper()}.")
    return "-".join(parts)


def short_name(full_name: str) -> str:
    """Initials and surname with no-break spaces: ``Jānis Lāčplēsis`` → ``J. Lāčplēsis``.

    Already abbreviated input, also the legacy unspaced ``J.Lāčplēsis``, comes
    out in the same normalised form.
    """
    name = unicodedata.normalize("NFC", full_name).strip()
    name = re.sub(r"\.(?=\S)", ". ", name)  # "J.Lāčplēsis" → "J. Lāčplēsis"
    words = name.split()
    if not words:
        raise LanguageError(code="name-needed")
    if len(words) == 1:
        return words[0]
    *given, surname = words
    return _NBSP.join([*(initial(g) for g in given), surname])

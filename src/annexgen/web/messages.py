"""Messages about the data, in the language of the request, for the web form.

Every finding, error and note is shown by its code through annexgen's one
catalog (:mod:`annexgen.messages`, :mod:`annexgen.i18n`): the web form says
what ``annexgen check`` and ``lint`` say, in the clerk's language, and has no
wording of its own to keep in step.
"""

from __future__ import annotations

from annexgen.errors import AnnexgenError, Finding
from annexgen.messages import Phrase, format_param

__all__ = ["words_of"]


def words_of(item: Finding | AnnexgenError | Phrase) -> str:
    """The words of one finding, error or note in the current language."""
    return format_param(item) if isinstance(item, Phrase) else item.message

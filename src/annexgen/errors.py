"""The one exception hierarchy of annexgen.

Every error the library raises on purpose is an :class:`AnnexgenError`, so a
caller (or the CLI) can catch "anything annexgen refused" with one clause and
still tell the kinds apart::

    AnnexgenError
    ├── LanguageError (also ValueError)   bad input to annexgen.lv: float money,
    │   │                                 negative or too large amounts, …
    │   └── UnknownWordError              a word the number parser does not know
    ├── DataError                         input data (YAML, models) is invalid;
    │                                     carries every Problem found, with
    │                                     file:line:column and field path
    ├── DocumentError                     an existing document (lint, extract)
    │                                     cannot be read: missing, not .docx/.txt,
    │                                     broken ZIP/XML, not UTF-8
    ├── TemplateError                     a Word template is broken or unsafe
    ├── RenderError                       rendering produced a bad document
    ├── OutputError                       the result could not be written
    └── ConversionError                   PDF conversion failed or is unavailable

Errors carry *where* (a :class:`Location`) separately from *what* (the
message), because clerks need both and machines (``--format json``, the web
form) need them apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "AnnexgenError",
    "ConversionError",
    "DataError",
    "DocumentError",
    "LanguageError",
    "Location",
    "OutputError",
    "Problem",
    "RenderError",
    "TemplateError",
    "UnknownWordError",
]


@dataclass(frozen=True, slots=True)
class Location:
    """Where in the user's input something is: file, 1-based line/column, field path.

    Any part may be unknown (``None``); ``str()`` prints only the known parts in
    the conventional ``file:line:column: field`` order that editors can jump to.
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = ""
        if self.file is not None:
            place = self.file
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
        if self.field:
            return f"{place}: {self.field}" if place else self.field
        return place


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, in plain words, with its location.

    ``severity`` is ``"error"`` (the input is refused) or ``"warning"`` (the
    input is accepted but a human should look, e.g. funding that does not add
    up when the council has said that is allowed).
    """

    message: str
    location: Location = Location()
    severity: str = "error"

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


class AnnexgenError(Exception):
    """Base class of every error annexgen raises deliberately."""

    def __init__(self, message: str, *, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


class LanguageError(AnnexgenError, ValueError):
    """Input that the Latvian language functions cannot accept.

    A ``ValueError`` too, because that is what callers of a number speller
    already catch for "this value is not allowed".
    """


class UnknownWordError(LanguageError):
    """A word in an amount-in-words text that the parser does not recognise."""

    def __init__(self, word: str, text: str, *, position: int | None = None) -> None:
        where = f" at position {position}" if position is not None else ""
        super().__init__(f"unknown number word {word!r}{where} in {text!r}")
        self.word = word
        self.text = text
        self.position = position


class DataError(AnnexgenError):
    """Invalid input data; holds *all* problems found, not just the first."""

    def __init__(self, problems: Iterable[Problem], *, file: str | None = None) -> None:
        self.problems: list[Problem] = list(problems)
        self.file = file
        first = self.problems[0] if self.problems else Problem("invalid data")
        count = len(self.problems)
        summary = str(first) if count <= 1 else f"{first} (and {count - 1} more)"
        super().__init__(summary, location=first.location)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems) or self.message


class DocumentError(AnnexgenError):
    """An existing document cannot be read; the message says why, in plain words."""

    def __init__(self, message: str, *, file: str | None = None) -> None:
        super().__init__(message, location=Location(file=file))
        self.file = file


class TemplateError(AnnexgenError):
    """A template cannot be used: syntax error, unknown variable, unsafe code."""


class RenderError(AnnexgenError):
    """Rendering failed or produced a document that does not read back correctly."""


class OutputError(AnnexgenError):
    """A result could not be written (permissions, file open in Word, unsafe path)."""


class ConversionError(AnnexgenError):
    """PDF conversion is unavailable (no LibreOffice) or failed for a document."""

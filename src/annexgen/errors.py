"""The one exception hierarchy of annexgen.

Every error the library raises on purpose is an :class:`AnnexgenError`, so a
caller (or the CLI) can catch "anything annexgen refused" with one clause and
still tell the kinds apart::

    AnnexgenError
    ├── LanguageError (also ValueError)   bad input to annexgen.lv: float money,
    │   │                                 negative or too large amounts, …
    │   └── UnknownWordError              a word the number parser does not know
    ├── DataError                         input data (YAML, models) is invalid;
    │                                     carries every Finding, with
    │                                     file:line:column and field path
    ├── FieldError (also ValueError)      a model refused one value (date, amount …)
    ├── TextError (also ValueError)       a text field cannot go into a Word
    │                                     document (forbidden character, too long)
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

Everything annexgen reports about input — YAML check, cross-checks, lint,
template check, the web form — is one type, :class:`Finding`: a stable
``code``, a ``severity``, a :class:`Location`, the message ``params`` (values,
not text) and an optional ``suggestion``. The English text is made from the
code's template in :mod:`annexgen.messages`, in the current language
(:mod:`annexgen.i18n`), so the clerk reads Latvian and a developer who asks
gets English from the same finding. An error raised with a code is read the
same way: its ``str()`` is made when it is read, in the language of that
moment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from annexgen.i18n import ngettext
from annexgen.messages import (
    Param,
    Phrase,
    json_param,
    place_words,
    render_message,
    render_suggestion,
)

__all__ = [
    "AnnexgenError",
    "ConversionError",
    "DataError",
    "DocumentError",
    "FieldError",
    "Finding",
    "LanguageError",
    "Location",
    "OutputError",
    "RenderError",
    "Severity",
    "TemplateError",
    "TextError",
    "UnknownWordError",
    "field_path",
]

#: ``error``: the input is refused or says something false (exit code 1).
#: ``warning``: accepted, but a human should look — a funding table that does
#: not add up, a tag split across runs, a legacy spelling such as "2013.gada"
#: (what lint used to call "style"). Fails only with ``--strict``.
Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Location:
    """Where something is: file, 1-based line/column, place in a document, field path.

    Any part may be unknown (``None``). ``place`` is a position a human finds
    in Word, which has no line numbers ("table 1 row 3 cell 2", "header 1
    paragraph 1", "body paragraph: '…'"); ``field`` is the path of a value in
    the data ("costs[0].amount"). ``str()`` prints only the known parts, in the
    conventional ``file:line:column: place: field`` order editors can jump to.
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    place: str | None = None

    def __str__(self) -> str:
        place = ""
        if self.file is not None:
            place = self.file
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
        parts = [p for p in (place, self.place and place_words(self.place), self.field) if p]
        return ": ".join(parts)


def field_path(parts: Iterable[str | int]) -> str:
    """``("costs", 0, "amount")`` → ``costs[0].amount``: a field path as users write it."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing annexgen found in the input: what (code), how bad, where, the values.

    The one result type of ``check``, cross-checks, ``lint``, ``template check``
    and the web form. ``code`` is stable (scripts and ``--format json`` key on
    it, and it is the key of the message template in :mod:`annexgen.messages`);
    ``params`` are the values the message speaks of — amounts as ``Decimal``,
    counts as ``int``, dates as ``date``, words as ``str`` — never formatted
    text, so that each language formats them its own way; ``suggestion`` is a
    correction to type in place of the text (a field name, the right words);
    ``excerpt`` is the text as written, when the input is a document.
    """

    code: str
    severity: Severity = "error"
    location: Location = Location()
    params: Mapping[str, Param] = field(default_factory=dict, hash=False)
    suggestion: str | None = None
    excerpt: str | None = None

    def __post_init__(self) -> None:
        render_message(self.code, self.params)  # an unknown code or a missing param fails here

    @property
    def message(self) -> str:
        """The message in words, from the code's template and the params (no location)."""
        return render_message(self.code, self.params)

    @property
    def text(self) -> str:
        """The message followed by the suggestion, as a clerk reads it."""
        if self.suggestion is None:
            return self.message
        return f"{self.message} ({render_suggestion(self.code, self.suggestion)})"

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.text}" if where else self.text

    def as_dict(self) -> dict[str, object]:
        """The finding for JSON (``--format json``, the web form): every part apart.

        Amounts in ``params`` are exact strings ("17850.00"), dates ISO.
        """
        loc = self.location
        return {
            "code": self.code,
            "severity": self.severity,
            "file": loc.file,
            "line": loc.line,
            "column": loc.column,
            "place": loc.place and place_words(loc.place),
            "field": loc.field,
            "message": self.message,
            "suggestion": self.suggestion,
            "excerpt": self.excerpt,
            "params": {name: json_param(value) for name, value in self.params.items()},
        }


class AnnexgenError(Exception):
    """Base class of every error annexgen raises deliberately.

    annexgen's own raise sites give a message ``code`` and ``params`` (then
    the message is the code's template, in the language of the moment it is
    read); a caller's subclass may still pass ready text. :meth:`finding` turns
    any error into a :class:`Finding`, so that a refused value shows like
    every other problem.
    """

    #: code of a message that only carries a ready ``reason``
    GENERIC_CODE = "invalid-value"

    def __init__(
        self,
        message: str | None = None,
        *,
        location: Location | None = None,
        code: str | None = None,
        params: Mapping[str, Param] | None = None,
    ) -> None:
        self.code = code
        self.params: Mapping[str, Param] = dict(params or {})
        if message is None:
            if code is None:
                raise TypeError("an AnnexgenError needs a message or a code")
            rendered = render_message(code, self.params)  # an unknown code fails here
        self._text = message
        super().__init__(message if message is not None else rendered)
        self.location = location or Location()

    @property
    def message(self) -> str:
        """What went wrong, in words of the current language (no location)."""
        if self._text is not None:
            return self._text
        assert self.code is not None
        return render_message(self.code, self.params)

    @property
    def reason(self) -> Param:
        """The message as a parameter of another message (rendered when that one is)."""
        return self.message if self.code is None else Phrase(self.code, self.params)

    def finding(self, location: Location | None = None) -> Finding:
        """This error as a :class:`Finding` (``invalid-value`` with the message as reason)."""
        where = location or self.location
        if self.code is not None:
            return Finding(self.code, location=where, params=self.params)
        return Finding(self.GENERIC_CODE, location=where, params={"reason": self.message})

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
        if position is None:
            super().__init__(code="unknown-number-word", params={"word": word, "text": text})
        else:
            params: dict[str, Param] = {"word": word, "text": text, "position": position}
            super().__init__(code="unknown-number-word-at", params=params)
        self.word = word
        self.text = text
        self.position = position


class FieldError(AnnexgenError, ValueError):
    """A value a model refused (a date, an amount, a period): raised inside a model's
    validator with a code and params, reported by the loader as that field's finding.

    A ``ValueError`` too: that is what Pydantic turns into a validation error.
    """


class TextError(AnnexgenError, ValueError):
    """A text that cannot go into a Word document (``annexgen.model.text.clean_text``).

    A ``ValueError`` too, so that the Pydantic validators that call the input
    gate report it as an invalid value of its field, with its code and params.
    """


class DataError(AnnexgenError):
    """Invalid input data; holds *all* findings (the errors), not just the first."""

    def __init__(self, findings: Iterable[Finding], *, file: str | None = None) -> None:
        self.findings: list[Finding] = list(findings)
        if not self.findings:
            raise ValueError("a DataError needs at least one finding: say what is wrong")
        self.file = file
        first = self.findings[0]
        super().__init__(code=first.code, params=first.params, location=first.location)

    @property
    def message(self) -> str:
        """The first finding with its place, and how many more there are ("(and 2 more)")."""
        first, more = self.findings[0], len(self.findings) - 1
        if not more:
            return str(first)
        rest = ngettext("(and {count} more)", "(and {count} more)", more).format(count=more)
        return f"{first} {rest}"

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings)


class DocumentError(AnnexgenError):
    """An existing document cannot be read; the message says why, in plain words."""

    def __init__(
        self,
        message: str | None = None,
        *,
        file: str | None = None,
        code: str | None = None,
        params: Mapping[str, Param] | None = None,
    ) -> None:
        super().__init__(message, location=Location(file=file), code=code, params=params)
        self.file = file


class TemplateError(AnnexgenError):
    """A template cannot be used: syntax error, unknown variable, unsafe code."""


class RenderError(AnnexgenError):
    """Rendering failed or produced a document that does not read back correctly."""


class OutputError(AnnexgenError):
    """A result could not be written (permissions, file open in Word, unsafe path)."""


class ConversionError(AnnexgenError):
    """PDF conversion is unavailable (no LibreOffice) or failed for a document."""

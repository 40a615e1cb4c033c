"""The one Jinja environment annexgen renders every template with, and its filters.

Templates are code written by clerks in Word, so they run sandboxed
(``SandboxedEnvironment``), with autoescaping (user data never breaks the XML)
and ``StrictUndefined`` (a misspelt variable is an error, not an empty cell).
The Latvian filters and the translation of Jinja's errors into
:class:`~annexgen.errors.TemplateError` live here, for every render path and
for ``annexgen template check``; the preparation of template sources (docxtpl's
tags, brace escapes, one paragraph a line) is :mod:`annexgen.word.parts`.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from datetime import date
from functools import lru_cache, wraps
from typing import Any, Final

from jinja2 import StrictUndefined, Template, TemplateRuntimeError, UndefinedError
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from annexgen.errors import AnnexgenError, LanguageError, Location, TemplateError
from annexgen.lv import amount_to_words, format_amount, format_date, parse_date, short_name
from annexgen.messages import Param, Phrase, format_param
from annexgen.model.wording import quote

__all__ = [
    "FILTERS",
    "FilterError",
    "context_text",
    "error_line",
    "jinja_reason",
    "make_environment",
    "template_error",
]

# --- filters ---------------------------------------------------------------------


def _to_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return parse_date(value)[0]
    raise LanguageError(code="not-a-date", params={"value": repr(value)})


def _filter_amount(value: object, currency: str = "EUR") -> str:
    return format_amount(value, currency)  # type: ignore[arg-type]


def _filter_amount_words(
    value: object, currency: str = "EUR", cents: str = "digits", style: str = "municipal"
) -> str:
    return amount_to_words(value, currency, cents=cents, style=style)  # type: ignore[arg-type]


def _filter_date(value: object, case: str = "nominative") -> str:
    return format_date(_to_date(value), case)  # type: ignore[arg-type]


def _filter_quoted(value: object) -> str:
    return quote(str(value))


def _filter_short_name(value: object) -> str:
    return short_name(str(value))


class FilterError(TemplateRuntimeError):
    """A filter refused its input; becomes a :class:`TemplateError` naming the filter.

    Derived from Jinja's own error so the renderer reports it like any other
    template mistake (with the template's name), instead of letting a bare
    ``LanguageError`` out with no hint that the template, not the data, is at fault.
    ``reason`` is the phrase the message is made of (in the reader's language).
    """

    def __init__(self, name: str, value: object, cause: Exception) -> None:
        why: Param = cause.reason if isinstance(cause, AnnexgenError) else str(cause)
        self.reason = Phrase(
            "filter-cannot-format", {"filter": name, "value": repr(value), "reason": why}
        )
        super().__init__(format_param(self.reason))


def _guarded(name: str, function: Callable[..., str]) -> Callable[..., str]:
    @wraps(function)
    def guarded(value: object, *args: object) -> str:
        try:
            return function(value, *args)
        except (LanguageError, TypeError, ValueError) as err:
            raise FilterError(name, value, err) from err

    return guarded


#: The filters every template may use; documented in docs/templates.md.
FILTERS: Final = {
    name: _guarded(name, function)
    for name, function in {
        "amount": _filter_amount,
        "amount_words": _filter_amount_words,
        "date_lv": _filter_date,
        "quoted": _filter_quoted,
        "short_name": _filter_short_name,
    }.items()
}


class _AnnexEnvironment(SandboxedEnvironment):
    """The sandbox, plus a cache of compiled templates keyed by their source.

    docxtpl compiles the whole document XML with ``from_string`` on every
    render; the XML of one template is the same every time, so compiling it
    once per process saves most of the Jinja work in a batch.
    """

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.filters.update(FILTERS)
        self._compiled: dict[str, Template] = {}

    def from_string(  # type: ignore[override]
        self, source: str, globals: Any = None, template_class: Any = None
    ) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            if len(self._compiled) > 64:
                self._compiled.clear()
            template = super().from_string(source)
            self._compiled[source] = template
        return template

    def overlay(self, **options: Any) -> SandboxedEnvironment:  # type: ignore[override]
        """An overlay compiles differently (``finalize``…): it gets its own cache."""
        overlay = super().overlay(**options)
        overlay._compiled = {}
        return overlay


@lru_cache(maxsize=1)
def make_environment() -> SandboxedEnvironment:
    """The only Jinja environment annexgen renders with (sandboxed, strict, escaping)."""
    return _AnnexEnvironment()


def error_line(err: BaseException) -> int | None:
    """Template line of a Jinja error: syntax errors carry it, runtime errors do not.

    An unknown attribute (``data.projekt_name``) or a failing filter is raised
    while rendering; Jinja maps the frame of the compiled template back to the
    template line (file name ``<template>``), so the paragraph can be named.
    """
    lineno = getattr(err, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def context_text(context: list[str], message: str) -> str:
    """The context items of an error, narrowed to those holding a name the message
    quotes (``'projekt'``, ``'quotd'``) when only some do."""
    lines = [line.strip() for line in context if line.strip()]
    names = re.findall(r"'([\w.]+)'", message)
    named = [line for line in lines if any(n in line for n in names)]
    return " | ".join(named or lines)


#: Jinja's commonest messages, by the code of the words a template author reads
_JINJA_MESSAGES: Final = (
    (re.compile(r"'(?P<name>[^']+)' is undefined"), "jinja-undefined"),
    (re.compile(r"'(?P<owner>[^']+)' has no attribute '(?P<name>[^']+)'"), "jinja-no-attribute"),
    (re.compile(r"unexpected '(?P<token>[^']+)'"), "jinja-unexpected"),
    (re.compile(r"Encountered unknown tag '(?P<name>[^']+)'\.?"), "jinja-unknown-tag"),
    (re.compile(r"No filter named '(?P<name>[^']+)'\.?"), "jinja-no-filter"),
    (re.compile(r"Unexpected end of template\..*"), "jinja-unclosed-block"),
    (
        re.compile(
            r"access to attribute '(?P<name>[^']+)' of '(?P<owner>[^']+)' object is unsafe\."
        ),
        "jinja-unsafe-attribute",
    ),
)


def jinja_reason(message: str) -> Param:
    """Jinja's message in the reader's words for the common cases; else Jinja's own, quoted."""
    for pattern, code in _JINJA_MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match is not None:
            return Phrase(code, match.groupdict())
    return Phrase("library-words", {"words": message})


def template_error(err: JinjaTemplateError, name: str) -> TemplateError:
    """Jinja's error as a :class:`TemplateError`, coded and placed near its paragraph text.

    The error kind is chosen by class (``isinstance``), so a subclass Jinja adds
    later is still told apart correctly.
    """
    place = None
    context = getattr(err, "docx_context", None)
    words = err.message or str(err)
    if context is not None:
        text = context_text(context, words)
        if text:
            place = f"near '{text[:120]}'"
    reason = jinja_reason(words)
    code, params = "template-error", {"kind": type(err).__name__, "reason": reason}
    if isinstance(err, UndefinedError):
        code, params = "template-undefined", {"reason": reason}
    elif isinstance(err, FilterError):
        code, params = "template-filter", {"reason": err.reason}
    elif isinstance(err, SecurityError):
        code, params = "template-unsafe", {"reason": reason}
        place = None  # the sandbox's message names the attribute; the context is noise
    return TemplateError(code=code, params=params, location=Location(name, place=place))

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
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache, wraps
from typing import Any, Final

from jinja2 import BaseLoader, StrictUndefined, Template, TemplateRuntimeError, UndefinedError
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from annexgen.errors import AnnexgenError, LanguageError, Location, TemplateError
from annexgen.lv import amount_to_words, format_amount, format_date, parse_date, short_name
from annexgen.messages import Param, Phrase, format_param, render_message
from annexgen.model.wording import quote

__all__ = [
    "FILTERS",
    "LIMIT_CODES",
    "MAX_OUTPUT",
    "MAX_RANGE",
    "MAX_VALUE",
    "TIME_LIMIT",
    "FilterError",
    "TemplateLimit",
    "context_text",
    "error_line",
    "failure",
    "jinja_reason",
    "make_environment",
    "render_limits",
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


# --- limits ----------------------------------------------------------------------------
# A template is code a clerk wrote; the sandbox stops it reaching Python, these stop
# it taking the machine (issue 17): nested range(100000), lipsum(n=10**7),
# 'a'*10**9, a macro that calls itself twice per level ran for minutes or ended in
# a traceback. Each limit is far above what an annex template needs.

#: Seconds one part of one document may take to render (a bundled template: ~1 ms).
TIME_LIMIT: float = 10.0
#: Characters of XML one part may render to (a long annex: ~200 000).
MAX_OUTPUT: Final = 20_000_000
#: Characters (or items) of any one string or list a template makes.
MAX_VALUE: Final = 1_000_000
#: Numbers in one ``range()`` (a table of annex rows: at most 1 000).
MAX_RANGE: Final = 10_000
#: Largest exponent of ``**``.
MAX_EXPONENT: Final = 100


#: Codes of the errors a template's own code causes, whatever the data (the limits
#: above, a failing built-in filter, include/import/extends, tags nested too deeply).
LIMIT_CODES: Final = frozenset(
    {
        "template-too-slow",
        "template-too-large",
        "template-output",
        "template-range",
        "template-recursion",
        "template-not-available",
        "template-failed",
        "template-nested",
    }
)


class TemplateLimit(SecurityError):
    """A template went past one of the limits above; carries its message code."""

    def __init__(self, code: str, **params: Param) -> None:
        super().__init__(render_message(code, params))
        self.code = code
        self.params = params


class _Budget(threading.local):
    deadline: float | None = None


_budget = _Budget()


def _tick() -> None:
    deadline = _budget.deadline
    if deadline is not None and time.monotonic() > deadline:
        raise TemplateLimit("template-too-slow", seconds=_seconds(TIME_LIMIT))


def _seconds(value: float) -> str:
    return f"{value:g}"


def _alarm(signum: int, frame: object) -> None:
    raise TemplateLimit("template-too-slow", seconds=_seconds(TIME_LIMIT))


@contextmanager
def render_limits() -> Iterator[None]:
    """Run one render under :data:`TIME_LIMIT`.

    The environment's hooks (calls, operators, filters, ranges, output) check the
    deadline wherever they run; in the main thread a timer signal also stops a
    loop that calls none of them (``{% for c in title %}`` nested three deep).
    Other threads (the web app) render in worker processes with their own limit.
    """
    outer = _budget.deadline
    _budget.deadline = time.monotonic() + TIME_LIMIT
    use_signal = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    previous: Any = None
    if use_signal:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    try:
        yield
    finally:
        if use_signal:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _budget.deadline = outer


def failure(err: BaseException) -> JinjaTemplateError:
    """Any exception a template raised, as a Jinja error that keeps its traceback
    (so :func:`error_line` finds the paragraph): a bad filter argument, recursion."""
    if isinstance(err, JinjaTemplateError):
        return err
    if isinstance(err, RecursionError):
        wrapped: JinjaTemplateError = TemplateLimit("template-recursion")
    elif isinstance(err, MemoryError):
        wrapped = TemplateLimit("template-too-large", limit=MAX_VALUE)
    else:
        wrapped = TemplateLimit("template-failed", kind=type(err).__name__, reason=str(err))
    wrapped.__traceback__ = err.__traceback__
    wrapped.__cause__ = err
    return wrapped


def _sized(value: Any) -> Any:
    if isinstance(value, str | list | tuple | dict) and len(value) > MAX_VALUE:
        raise TemplateLimit("template-too-large", limit=MAX_VALUE)
    return value


def _check_product(left: Any, right: Any) -> None:
    for seq, count in ((left, right), (right, left)):
        sized = isinstance(seq, str | list | tuple) and isinstance(count, int)
        if sized and len(seq) * count > MAX_VALUE:
            raise TemplateLimit("template-too-large", limit=MAX_VALUE)


def _limited_range(*args: int) -> Iterator[int]:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit("template-range", count=len(numbers), limit=MAX_RANGE)
    for n in numbers:
        _tick()
        yield n


def _no_lipsum(*args: object, **kwargs: object) -> str:
    raise TemplateLimit("template-not-available", name="lipsum")


#: Filter arguments that set a size (``center(10**9)``, ``indent(10**9)``, …).
_SIZE_ARGUMENTS: Final = frozenset({"center", "indent", "truncate", "wordwrap", "format"})


def _limited_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def limited(*args: Any, **kwargs: Any) -> Any:
        _tick()
        if name in _SIZE_ARGUMENTS:
            for arg in (*args[1:], *kwargs.values()):
                if isinstance(arg, int) and not isinstance(arg, bool) and arg > MAX_VALUE:
                    raise TemplateLimit("template-too-large", limit=MAX_VALUE)
        if name == "replace" and len(args) >= 3:
            value, old, new = (str(a) for a in args[:3])
            if len(value) + (value.count(old) + 1) * len(new) > MAX_VALUE:
                raise TemplateLimit("template-too-large", limit=MAX_VALUE)
        return _sized(function(*args, **kwargs))

    return limited


class _NoLoader(BaseLoader):
    """A template is one Word document: include, import and extends have nothing to load."""

    def get_source(self, environment: Any, template: str) -> Any:
        raise TemplateLimit("template-not-available", name="include, import and extends")


def _bounded_concat(chunks: Iterable[str]) -> str:
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise TemplateLimit("template-output", limit=MAX_OUTPUT)
        out.append(chunk)
        if len(out) % 1024 == 0:
            _tick()
    return "".join(out)


_ATTRIBUTES_NOT_ALLOWED: Final = frozenset(
    {"format", "format_map", "center", "ljust", "rjust", "zfill", "expandtabs"}
)


class _AnnexEnvironment(SandboxedEnvironment):
    """The sandbox, with limits (above), plus a cache of compiled templates keyed by
    their source.

    docxtpl compiles the whole document XML with ``from_string`` on every
    render; the XML of one template is the same every time, so compiling it
    once per process saves most of the Jinja work in a batch.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+", "//"})
    concat = staticmethod(_bounded_concat)

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, loader=_NoLoader())
        self.filters.update(FILTERS)
        self.filters = {n: _limited_filter(n, f) for n, f in self.filters.items()}
        self.globals["range"] = _limited_range
        self.globals["lipsum"] = _no_lipsum
        self._compiled: dict[str, Template] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # str methods that make a string as long as a number says, in one C call
        if isinstance(obj, str) and attr in _ATTRIBUTES_NOT_ALLOWED:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def getattr(self, obj: Any, attribute: str) -> Any:
        # a value that grew in a loop ("ns.s ~ ns.s") is caught when it is read again
        return _sized(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return _sized(super().getitem(obj, argument))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        return _sized(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # "{:>1000000000}".format(1): a width of four digits or more, or taken from an argument
        text = getattr(value, "__self__", None)
        if isinstance(text, str) and re.search(r"\{[^{}]*:[^{}]*(?:\d{4}|\{)", text):
            raise TemplateLimit("template-too-large", limit=MAX_VALUE)
        return super().wrap_str_format(value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "*":
            _check_product(left, right)
        elif (operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT) or (
            operator == "%" and isinstance(left, str) and re.search(r"%[^a-z%]*(\*|\d{4})", left)
        ):
            raise TemplateLimit("template-too-large", limit=MAX_VALUE)
        return _sized(super().call_binop(context, operator, left, right))

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
    code = "template-error"
    params: dict[str, Param] = {"kind": type(err).__name__, "reason": reason}
    if isinstance(err, TemplateLimit):
        code, params = err.code, dict(err.params)
    elif isinstance(err, UndefinedError):
        code, params = "template-undefined", {"reason": reason}
    elif isinstance(err, FilterError):
        code, params = "template-filter", {"reason": err.reason}
    elif isinstance(err, SecurityError):
        code, params = "template-unsafe", {"reason": reason}
        place = None  # the sandbox's message names the attribute; the context is noise
    return TemplateError(code=code, params=params, location=Location(name, place=place))

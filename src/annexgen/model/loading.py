"""YAML files → annex models, with every error located at file:line:column.

Why not ``yaml.safe_load``: YAML 1.1 guesses types, and the guesses change
meaning silently (reliability notes §2.6c): ``NO`` becomes ``False``, ``0700``
becomes 448, ``12:30`` becomes 750, ``12.30`` loses its zero, duplicate keys
keep the last value. Here YAML only gives structure — every scalar is a
string — and the Pydantic models decide what a value means. The loader also
refuses what clerk data never needs and attackers love: tags
(``!!python/object``), anchors and aliases (billion laughs), files over
:data:`MAX_FILE_BYTES`, nesting deeper than :data:`MAX_DEPTH`. Anchors,
aliases and depth are checked on the event stream *before* any composer runs
(libyaml's composer recurses per level: thousands of ``[`` crash it). Raw
control characters, which the YAML reader refuses with only a character
offset, are found first and reported with line, column and field.

Limits, in one place: file ≤ :data:`MAX_FILE_BYTES`; nesting ≤
:data:`MAX_DEPTH`; each text ≤ :data:`annexgen.model.text.MAX_TEXT_LENGTH`
characters; each list ≤ :data:`annexgen.model.fields.MAX_ITEMS` items.

All problems of a file are collected and reported together as
:class:`~annexgen.errors.Finding` objects, each printed as
``file:line:column: field.path: message``; their words come from
:mod:`annexgen.messages`, by code.
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from annexgen.errors import AnnexgenError, DataError, Finding, Location, field_path
from annexgen.i18n import pgettext
from annexgen.i18n_sources import translate_yaml_comments
from annexgen.inputs import MAX_YAML_BYTES, TooLarge, read_bounded
from annexgen.messages import Param, Phrase, os_reason
from annexgen.model.checks import cross_check
from annexgen.model.introspect import models_in
from annexgen.model.kinds import KINDS, REGISTRY, Annex
from annexgen.model.partial import partial_findings
from annexgen.model.saving import dump_annex
from annexgen.model.text import describe_char

__all__ = [
    "MAX_FILE_BYTES",
    "annex_json_schema",
    "annex_to_yaml",
    "check_data",
    "check_file",
    "check_text",
    "load_annex",
    "load_annex_text",
    "skeleton",
    "unknown_kind",
]

#: Largest YAML file accepted. The longest seed annex is about 4 KB.
MAX_FILE_BYTES: Final = MAX_YAML_BYTES

#: Deepest nesting of lists and mappings accepted. The models need 4 levels
#: (annex → costs → cost line → amount); libyaml's composer recurses per level
#: and a few thousand ``[`` crash Python (RecursionError, then a segfault).
MAX_DEPTH: Final = 20

#: Characters the YAML reader refuses outright (PyYAML's ``Reader.NON_PRINTABLE``):
#: found first, so that the clerk gets line, column and field instead of
#: "unacceptable character … position 110".
#: NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR (U+2028, U+2029) too, which
#: YAML allows but reads as line breaks: a raw NEL became a space while the escaped
#: "\\N" is refused by the text gate, and the spaces after a raw U+2028 vanished —
#: the same text changed in one spelling and not the other (issue 17).
_NON_PRINTABLE: Final = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
#: Refused because YAML breaks lines there; kept exactly when written as an escape.
_LINE_SEPARATORS: Final = {"\u2028": "\\L", "\u2029": "\\P"}
#: Line breaks as YAML counts them (for line numbers of refused characters), once the
#: refused characters (NEL and the separators among them) are replaced.
_LINE_BREAK: Final = re.compile("\r\n|[\r\n]")
#: Anchors/aliases reported per file before the scan stops.
_MAX_STRUCTURAL: Final = 10

_ADAPTER: Final[TypeAdapter[Any]] = TypeAdapter(Annex)
_PLAIN_TAGS: Final = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line, column
#: A problem found while reading the YAML structure: where, which field, code, params.
_Raw = tuple[Mark, Path_, str, dict[str, Param]]


class _YamlProblem(Exception):
    def __init__(self, code: str, mark: Mark | None) -> None:
        super().__init__(code)
        self.code = code
        self.mark = mark


def _mark(node: yaml.Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _StrictLoader(yaml.BaseLoader):
    """Composes nodes only; refuses anchors and aliases before they expand."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            m = event.start_mark
            raise _YamlProblem("yaml-alias", (m.line + 1, m.column + 1))
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if getattr(event, "anchor", None) is not None:
            m = event.start_mark
            raise _YamlProblem("yaml-anchor", (m.line + 1, m.column + 1))
        return super().compose_node(parent, index)


class _Document:
    """Plain data from a YAML node tree, plus where each value and key came from."""

    def __init__(self) -> None:
        self.value_marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.problems: list[_Raw] = []
        #: (start, end, path) of every scalar, 0-based (line, column) marks, to
        #: find the field that holds a character the YAML reader refused.
        self.spans: list[tuple[tuple[int, int], tuple[int, int], Path_]] = []
        self._seen: set[int] = set()
        self._alias_reported = False

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        self.value_marks[path] = _mark(node)
        # libyaml composes "*name" as the anchored node itself: a node met twice is
        # an alias. Refused, and never walked twice, so alias bombs cannot expand.
        if id(node) in self._seen:
            if not self._alias_reported:
                self._alias_reported = True
                self.problems.append((_mark(node), path, "yaml-alias", {}))
            return None
        self._seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.problems.append((_mark(node), path, "yaml-tag", {"tag": node.tag}))
            return None
        if isinstance(node, yaml.ScalarNode):
            start, end = node.start_mark, node.end_mark
            self.spans.append(((start.line, start.column), (end.line, end.column), path))
            if not node.style and node.value == "":
                # "key:" with nothing after it (plain style: None from PyYAML's
                # composer, "" from libyaml's)
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append((_mark(key_node), path, "yaml-key-not-plain", {}))
                continue
            key = key_node.value
            if key in result:
                first = self.key_marks[(*path, key)]
                params: dict[str, Param] = {"key": key, "first_line": first[0]}
                self.problems.append((_mark(key_node), (*path, key), "duplicate-key", params))
                continue
            self.key_marks[(*path, key)] = _mark(key_node)
            result[key] = self.convert(value_node, (*path, key))
        return result


def _model_at(root: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``path`` (for 'did you mean')."""
    model: type[BaseModel] | None = root
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        found = models_in(field.annotation) if field else []
        model = found[0] if found else None
    return model


def _suggest(word: str, options: Iterable[str]) -> str | None:
    """The option closest to a misspelt word, for "did you mean …?"."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return close[0] if close else None


class _Located:
    """Turns paths into file:line:column locations for one document."""

    def __init__(self, filename: str, doc: _Document) -> None:
        self.filename = filename
        self.doc = doc

    def location(self, path: Path_, *, key: bool = False) -> Location:
        marks = self.doc.key_marks if key else self.doc.value_marks
        probe = path
        while probe and probe not in marks and probe not in self.doc.value_marks:
            probe = probe[:-1]
        mark = marks.get(probe) or self.doc.value_marks.get(probe)
        line, column = mark if mark else (None, None)
        return Location(self.filename, line, column, field_path(path) or None)


def _pydantic_findings(
    err: ValidationError, data: dict[str, Any], where: _Located
) -> list[Finding]:
    kind = data.get("kind")
    root = REGISTRY[kind].model if isinstance(kind, str) and kind in REGISTRY else None
    findings = []
    for e in err.errors(include_url=False):
        loc: Path_ = tuple(e["loc"])
        if loc and loc[0] == kind:
            loc = loc[1:]
        ctx = e.get("ctx") or {}
        phrase = ctx.get("phrase")  # a kind's own problem (the table kind): code and params
        if "file" in ctx:  # found in another file the annex reads (a .csv beside the YAML)
            place = Location(ctx["file"], ctx.get("line"), ctx.get("column"), ctx.get("field"))
            if isinstance(phrase, Phrase):
                findings.append(Finding(phrase.code, location=place, params=phrase.params))
                continue
            shown = {"value": _shown(e.get("input")), "check": str(e["type"])}
            findings.append(Finding("value-not-valid", location=place, params=shown))
            continue
        if isinstance(phrase, Phrase):
            where_at = where.location(loc)
            findings.append(Finding(phrase.code, location=where_at, params=phrase.params))
            continue
        # pydantic reports model-level input errors of nested models at "<model>.<field>"
        # for our before-validators; keep the path as the user's keys.
        kind_of_error = e["type"]
        got = e.get("input")
        key = False
        suggestion = None
        code = "invalid-value"
        params: dict[str, Param] = {}
        if kind_of_error == "missing":
            code, params = "missing-field", {"field": str(loc[-1])}
        elif kind_of_error == "extra_forbidden":
            model = _model_at(root, loc[:-1]) if root else None
            options = model.model_fields if model else []
            code, params = "unknown-field", {"field": str(loc[-1])}
            suggestion = _suggest(str(loc[-1]), options)
            key = True
        elif kind_of_error == "literal_error" and loc and loc[-1] == "[key]":
            loc = loc[:-1]
            code, params = "unknown-row", {"row": str(loc[-1])}
            suggestion = _suggest(str(loc[-1]), _literal_options(e))
            key = True
        elif kind_of_error == "literal_error" and isinstance(got, str):
            options = _literal_options(e)
            code, params = "not-one-of", {"value": got, "options": options}
            suggestion = _suggest(got, options)
        elif kind_of_error in {"union_tag_invalid", "union_tag_not_found"}:
            loc = ("kind",)
            code, params = "unknown-kind", {"options": list(KINDS)}
            if isinstance(got, dict) and isinstance(got.get("kind"), str):
                suggestion = _suggest(got["kind"], KINDS)
        elif kind_of_error in _CONSTRAINTS:
            code, params = _constraint(kind_of_error, ctx, got)
        elif kind_of_error.startswith(("date_", "datetime_")):
            code, params = "date-expected", {"value": _shown(got)}
        elif got is None and kind_of_error.endswith("_type"):
            code, params = "empty-value", {}
        elif kind_of_error == "string_type" and isinstance(got, dict | list):
            # "goal: {{ x }}" or "goal: [draft]" unquoted: YAML read structure, not text
            code = "text-expected-mapping" if isinstance(got, dict) else "text-expected-list"
            params = {}
        elif kind_of_error in {"model_type", "dict_type", "model_attributes_type"}:
            code, params = "fields-expected", {"value": _shown(got)}
        elif kind_of_error == "list_type":
            code, params = "list-expected", {"value": _shown(got)}
        elif kind_of_error.endswith("_type") and isinstance(got, dict | list):
            code, params = "single-value-expected", {}
        elif kind_of_error == "value_error":
            cause = e.get("ctx", {}).get("error")
            if isinstance(cause, AnnexgenError):  # the input gate, the language core
                findings.append(cause.finding(where.location(loc)))
                continue
        if code == "invalid-value":
            # pydantic's own words are English prose: say it in the clerk's language,
            # with pydantic's error type as the technical detail
            code, params = "value-not-valid", {"value": _shown(got), "check": kind_of_error}
        findings.append(
            Finding(code, location=where.location(loc, key=key), params=params,
                    suggestion=suggestion)
        )  # fmt: skip
    return findings


#: pydantic's constraint errors → (code, the ``ctx`` key of the limit)
def _shown(value: Any) -> str:
    """A value as the clerk typed it in YAML (``[1, 2]``, ``true``), shortened."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list | dict):
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).strip()
    else:
        text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


_CONSTRAINTS: Final = {
    "greater_than_equal": ("number-too-small", "ge"),
    "less_than_equal": ("number-too-large", "le"),
    "too_short": ("list-too-short", "min_length"),
    "too_long": ("list-too-long", "max_length"),
    "string_too_long": ("text-too-long", "max_length"),
    "string_pattern_mismatch": ("key-characters", ""),
    "int_parsing": ("whole-number-digits", ""),
    "bool_parsing": ("yes-or-no", ""),
}


def _constraint(kind_of_error: str, ctx: dict[str, Any], got: Any) -> tuple[str, dict[str, Param]]:
    """A constraint the model's field declares, said by its code (not pydantic's English)."""
    code, limit_key = _CONSTRAINTS[kind_of_error]
    params: dict[str, Param] = {}
    if limit_key:
        limit = ctx.get(limit_key)
        params["limit"] = limit if isinstance(limit, int | Decimal) else str(limit)
    if code in ("list-too-short", "list-too-long"):
        params["count"] = len(got) if isinstance(got, list | tuple | dict) else 0
    elif code == "text-too-long":
        params["length"] = len(got) if isinstance(got, str) else 0
    elif code not in {"number-too-small", "number-too-large"}:
        params["value"] = str(got)
    return code, params


def _literal_options(error: Any) -> list[str]:
    """The allowed values of a ``Literal`` field, from pydantic's "'a', 'b' or 'c'"."""
    expected = str(error.get("ctx", {}).get("expected", ""))
    return [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]


def _compose(text: str) -> list[yaml.Node]:
    """Node trees of every document; libyaml's C composer when available (5× faster)."""
    loader = getattr(yaml, "CBaseLoader", None)
    if loader is None:  # pragma: no cover - PyYAML without libyaml
        return list(yaml.compose_all(text, Loader=_StrictLoader))
    return list(yaml.compose_all(text, Loader=loader))


class _Frame:
    """One open mapping or sequence while scanning events (for field paths)."""

    __slots__ = ("index", "is_map", "key", "want_key")

    def __init__(self, is_map: bool) -> None:
        self.is_map = is_map
        self.want_key = is_map
        self.key: str | int = ""
        self.index = 0


def _scan_events(text: str) -> list[_Raw]:
    """Refuse anchors, aliases and deep nesting from the event stream.

    Events come from a non-recursive state machine and nothing is expanded,
    so this is safe on hostile input, and it runs before any composer (which
    recurses per nesting level and would share aliased nodes).

    libyaml 0.2.6 (bundled from PyYAML 6.0.4 on) stops at 1 000 flow levels
    with its own message, scanning ahead of the events; so that the project's
    limit speaks first with the same located message on every PyYAML the
    pyproject allows, such input is scanned again with PyYAML's pure-Python
    scanner, which has no limit of its own and is as non-recursive.
    """
    try:
        return _walk_events(text, getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except yaml.MarkedYAMLError as err:
        if "nesting depth" not in str(err.problem):
            raise
        return _walk_events(text, yaml.BaseLoader)


def _walk_events(text: str, loader: Any) -> list[_Raw]:
    """The event walk of :func:`_scan_events` with one parser."""
    problems: list[_Raw] = []
    stack: list[_Frame] = []

    def path() -> Path_:
        parts: list[str | int] = []
        for frame in stack:
            if frame.is_map:
                if frame.want_key:
                    break
                parts.append(frame.key)
            else:
                parts.append(frame.index)
        return tuple(parts)

    def done() -> None:
        if stack:
            frame = stack[-1]
            if frame.is_map:
                frame.want_key = not frame.want_key
            else:
                frame.index += 1

    for event in yaml.parse(text, Loader=loader):
        if len(problems) >= _MAX_STRUCTURAL:
            break  # an alias bomb would otherwise list thousands of aliases
        if not isinstance(event, NodeEvent | CollectionEndEvent):
            continue
        start = event.start_mark
        mark = (start.line + 1, start.column + 1) if start else (0, 0)
        if isinstance(event, CollectionEndEvent):
            stack.pop()
            done()
            continue
        if isinstance(event, AliasEvent):
            problems.append((mark, path(), "yaml-alias", {}))
            done()
            continue
        if event.anchor is not None:
            problems.append((mark, path(), "yaml-anchor", {}))
        if isinstance(event, CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                problems.append((mark, path(), "yaml-too-deep", {"limit": MAX_DEPTH}))
                return problems  # stop: deeper input is what crashes composers
            stack.append(_Frame(isinstance(event, MappingStartEvent)))
            continue
        if stack and stack[-1].is_map and stack[-1].want_key and isinstance(event, ScalarEvent):
            stack[-1].key = event.value  # a scalar key
        done()
    return problems


def _bad_characters(text: str) -> list[tuple[tuple[int, int], str]]:
    """Characters the YAML reader refuses, with their 0-based (line, column).

    One pass over the text: line breaks are counted from the previous refused
    character on, never again from the start (that was quadratic, issue 17).
    """
    found = []
    line = line_start = scanned = 0
    for m in _NON_PRINTABLE.finditer(text):
        for brk in _LINE_BREAK.finditer(text, scanned, m.start()):
            line += 1
            line_start = brk.end()
        scanned = m.end()
        found.append(((line, m.start() - line_start), m.group()))
    return found


def _character_problems(text: str, filename: str, doc: _Document | None) -> list[Finding]:
    problems = []
    # scalar spans in document order, to find the field of each character by bisection
    spans = sorted(doc.spans, key=lambda span: span[0]) if doc else []
    starts = [start for start, _, _ in spans]
    for (line, column), ch in _bad_characters(text):
        field = None
        i = bisect.bisect_right(starts, (line, column)) - 1
        if i >= 0 and spans[i][0] <= (line, column) < spans[i][1]:
            field = field_path(spans[i][2]) or None
        params: dict[str, Param] = {"character": describe_char(ch)}
        code = "yaml-forbidden-character"
        if ch in _LINE_SEPARATORS:
            code, params["escape"] = "yaml-line-separator", _LINE_SEPARATORS[ch]
        location = Location(filename, line + 1, column + 1, field)
        problems.append(Finding(code, location=location, params=params))
    return problems


def _parse(text: str, filename: str) -> tuple[Any, _Located, list[Finding]]:
    doc = _Document()
    where = _Located(filename, doc)
    # Characters YAML refuses are reported with their place and field, then
    # replaced so that the rest of the file is still checked in the same run.
    refused = _NON_PRINTABLE.search(text) is not None
    source = _NON_PRINTABLE.sub("\ufffd", text) if refused else text
    try:
        structural = _scan_events(source)
        if structural:
            problems = [_raw_finding(raw, filename) for raw in structural]
            return None, where, _character_problems(text, filename, None) + problems
        nodes = _compose(source)
    except _YamlProblem as err:
        line, col = err.mark or (None, None)
        return None, where, [Finding(err.code, location=Location(filename, line, col))]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        syntax = [_syntax(_yaml_reason(err), Location(filename, line, col))]
        return None, where, _character_problems(text, filename, None) + syntax
    except yaml.YAMLError as err:  # pragma: no cover - reader errors are caught above
        words = Phrase("library-words", {"words": str(err)})
        return None, where, [_syntax(words, Location(filename))]
    if not nodes:
        return None, where, [Finding("empty-file", location=Location(filename))]
    if len(nodes) != 1:
        return None, where, [Finding("several-documents", location=Location(filename))]
    data = doc.convert(nodes[0], ())
    problems = [_raw_finding(raw, filename) for raw in doc.problems]
    if refused:
        problems = _character_problems(text, filename, doc) + problems
    return data, where, problems


def _raw_finding(raw: _Raw, filename: str) -> Finding:
    (line, col), path, code, params = raw
    return Finding(code, location=Location(filename, line, col, field_path(path) or None),
                   params=params)  # fmt: skip


def _syntax(reason: Param, location: Location) -> Finding:
    return Finding("yaml-syntax", location=location, params={"reason": reason})


#: PyYAML's (libyaml's) commonest complaints, by the code of the clerk's words for them
_YAML_PROBLEMS: Final = (
    ("mapping values are not allowed", "yaml-colon"),
    ("could not find expected ':'", "yaml-no-colon"),
    ("did not find expected key", "yaml-indentation"),
    ("did not find expected '-' indicator", "yaml-indentation"),
    ("expected <block end>", "yaml-indentation"),
    ("found unexpected end of stream", "yaml-unclosed-quote"),
    ("that cannot start any token", "yaml-bad-start"),
    ("did not find expected ',' or ']'", "yaml-unclosed-bracket"),
    ("did not find expected ',' or '}'", "yaml-unclosed-bracket"),
)


def _yaml_reason(err: yaml.MarkedYAMLError) -> Param:
    """Why PyYAML refused the text, in the clerk's words where the case is a common one;
    otherwise PyYAML's own words, quoted."""
    problem = str(err.problem or "")
    for words, code in _YAML_PROBLEMS:
        if words in problem:
            return Phrase(code)
    what = " ".join(p for p in (err.context, err.problem) if p)
    return Phrase("library-words", {"words": what})


def _validate(text: str, filename: str, base_dir: Path | None) -> tuple[Any, list[Finding]]:
    """(model or None, every finding: errors first, then warnings).

    ``base_dir`` is the folder of the YAML file: files it names (a table's
    ``rows_from``) are read from there, and only there; ``None`` (text that is
    not a file, e.g. an upload to the web form) allows no files at all.
    """
    data, where, problems = _parse(text, filename)
    if data is None:
        return None, problems or [Finding("empty-file", location=Location(filename))]
    if not isinstance(data, dict):
        return None, [Finding("not-a-mapping", location=where.location(()))]
    # Structural problems (duplicate keys, tags) do not stop validation, and the
    # cross-checks run on every part that parsed, so that the clerk sees every
    # problem of the file in one run (issue 10).
    failed: list[Path_] = [path for _, path, _, _ in where.doc.problems]
    try:
        annex = _ADAPTER.validate_python(data, context={"base_dir": base_dir})
    except ValidationError as err:
        problems += _pydantic_findings(err, data, where)
        return None, _sorted(problems + _checks_of_parts(data, failed, err, where))
    if problems:
        return None, _sorted(problems + _checks_of_parts(data, failed, None, where))
    return annex, _sorted(cross_check(annex, where.location))


def _checks_of_parts(
    data: dict[str, Any], failed: list[Path_], err: ValidationError | None, where: _Located
) -> list[Finding]:
    """Cross-check findings of an annex that failed, from every part that parsed
    (:mod:`annexgen.model.partial`); ``failed`` and ``err`` say which did not."""
    kind = data.get("kind")
    if not (isinstance(kind, str) and kind in REGISTRY):
        return []
    for error in err.errors(include_url=False) if err else ():
        loc: Path_ = tuple(error["loc"])
        failed.append(loc[1:] if loc[:1] == (kind,) else loc)  # without the union's tag
    # a model-level error (path ()) refuses the whole, not any part of it
    found = partial_findings(REGISTRY[kind].model, data, [f for f in failed if f])
    return [replace(f, location=where.location(path)) for path, f in found]


def _sorted(problems: list[Finding]) -> list[Finding]:
    """Errors before warnings, each in file order."""
    return sorted(
        problems,
        key=lambda p: (p.severity != "error", p.location.line or 0, p.location.column or 0),
    )


def _read(path: Path) -> tuple[str | None, list[Finding]]:
    where = Location(str(path))
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)  # regular files only: a FIFO never blocks
    except TooLarge as err:
        params: dict[str, Param] = {"size": err.size, "limit": MAX_FILE_BYTES // 1024}
        return None, [Finding("file-too-large", location=where, params=params)]
    except OSError as err:
        reason: dict[str, Param] = {"reason": os_reason(err)}
        return None, [Finding("unreadable-file", location=where, params=reason)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        return None, [Finding("not-utf8", location=where, params={"byte": err.start})]


def _utf8_size(text: str) -> int:
    """Bytes of ``text`` in UTF-8; a lone surrogate counts too (and is reported later)."""
    return len(text.encode("utf-8", "surrogatepass"))


def _too_large(filename: str) -> Finding:
    limit = {"limit": MAX_FILE_BYTES // 1024}
    return Finding("text-too-large", location=Location(filename), params=limit)


def check_text(
    text: str, filename: str = "<text>", *, base_dir: str | Path | None = None
) -> list[Finding]:
    """Every finding (errors and warnings) of a YAML annex given as text.

    ``base_dir``: where files the annex names (``rows_from``) are; without it
    such files are refused.
    """
    if _utf8_size(text) > MAX_FILE_BYTES:
        return [_too_large(filename)]
    return _validate(text, filename, Path(base_dir) if base_dir is not None else None)[1]


def check_file(path: str | Path) -> list[Finding]:
    """Every finding (errors and warnings) of a YAML annex file; never raises for bad data."""
    text, problems = _read(Path(path))
    if text is None:
        return problems
    return check_text(text, str(path), base_dir=Path(path).parent)


def load_annex_text(
    text: str, filename: str = "<text>", *, base_dir: str | Path | None = None
) -> Any:
    """Parse and validate YAML text; raise :class:`DataError` with every error.

    Warnings (e.g. funding that does not add up) do not stop loading; use
    :func:`check_text` to see them. ``base_dir``: where files the annex names
    (``rows_from``) are; without it such files are refused.
    """
    if _utf8_size(text) > MAX_FILE_BYTES:
        raise DataError([_too_large(filename)], file=filename)
    annex, problems = _validate(text, filename, Path(base_dir) if base_dir is not None else None)
    errors = [p for p in problems if p.severity == "error"]
    if errors or annex is None:
        raise DataError(errors or problems, file=filename)
    return annex


def load_annex(path: str | Path) -> Any:
    """Load one YAML annex file into its model; raise :class:`DataError` with every error."""
    text, problems = _read(Path(path))
    if text is None:
        raise DataError(problems, file=str(path))
    return load_annex_text(text, str(path), base_dir=Path(path).parent)


def annex_json_schema() -> dict[str, Any]:
    """JSON Schema of the YAML input, for editors (yaml-language-server) and forms."""
    schema = _ADAPTER.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "annexgen annex"
    return json.loads(json.dumps(schema, sort_keys=True))  # type: ignore[no-any-return]


def annex_to_yaml(annex: BaseModel) -> str:
    """YAML text for an annex model that :func:`load_annex_text` reads back equal.

    For the web form and scripts that build annexes in Python and hand the
    clerk a file to keep. Fields left at their defaults are omitted; money and
    dates are written as text (``"19700.00"``, ``"2013-12-05"``), so reading
    the file never depends on YAML's type guessing.
    """
    return dump_annex(annex, schema_comment=False)  # one writer: annexgen.model.saving


def skeleton(kind: str) -> str:
    """The commented example YAML for ``kind``; it passes ``annexgen check`` as is.

    Its comments are in the current language (:mod:`annexgen.i18n`); keys and
    values are the same in every language.

    An unknown ``kind`` is a :class:`DataError` with an ``unknown-kind`` finding,
    the same one a YAML file with that kind gets.
    """
    if kind not in REGISTRY:
        raise DataError([unknown_kind(kind)])
    folder = resources.files("annexgen") / "skeletons"
    text = (folder / REGISTRY[kind].skeleton).read_text(encoding="utf-8")
    return translate_yaml_comments(text, pgettext)


def unknown_kind(kind: str, location: Location | None = None) -> Finding:
    """The finding for an annex kind that is not in the registry ("did you mean …")."""
    where = location or Location(field="kind")
    params: dict[str, Param] = {"options": list(KINDS)}
    return Finding("unknown-kind", location=where, params=params, suggestion=_suggest(kind, KINDS))


def check_data(data: dict[str, Any], source: str = "<form>") -> tuple[Any, list[Finding]]:
    """Validate plain data (from a web form or a program) like a YAML file.

    Returns ``(annex or None, problems)``; problems carry the field path (no
    line numbers: there is no file). The strings go through the same input
    gate and the annex through the same cross-checks as YAML files.
    """
    where = _Located(source, _Document())
    try:
        annex = _ADAPTER.validate_python(data)
    except ValidationError as err:
        problems = _pydantic_findings(err, data, where)
        return None, _sorted(problems + _checks_of_parts(data, [], err, where))
    return annex, _sorted(cross_check(annex, where.location))

"""YAML files → annex models, with every error located at file:line:column.

Why not ``yaml.safe_load``: YAML 1.1 guesses types, and the guesses change
meaning silently (reliability notes §2.6c): ``NO`` becomes ``False``, ``0700``
becomes 448, ``12:30`` becomes 750, ``12.30`` loses its zero, duplicate keys
keep the last value. Here YAML only gives structure — every scalar is a
string — and the Pydantic models decide what a value means. The loader also
refuses what clerk data never needs and attackers love: tags
(``!!python/object``), anchors and aliases (billion laughs), files over
:data:`MAX_FILE_BYTES`.

All problems of a file are collected and reported together, each as
``file:line:column: field.path: message`` (the message in plain English).
"""

from __future__ import annotations

import difflib
import json
import types
import typing
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from yaml.events import AliasEvent

from annexgen.checks import cross_check
from annexgen.errors import DataError, Location, Problem
from annexgen.models import KINDS, Annex, GenericAnnex, ProjectAnnouncement, ProjectDescription

__all__ = [
    "MAX_FILE_BYTES",
    "annex_json_schema",
    "check_file",
    "check_text",
    "load_annex",
    "load_annex_text",
    "skeleton",
]

#: Largest YAML file accepted. The longest seed annex is about 4 KB.
MAX_FILE_BYTES: Final = 1024 * 1024

_ADAPTER: Final[TypeAdapter[Any]] = TypeAdapter(Annex)
_MODELS: Final[dict[str, type[BaseModel]]] = {
    "project-description": ProjectDescription,
    "generic": GenericAnnex,
    "project-announcement": ProjectAnnouncement,
}
_PLAIN_TAGS: Final = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line, column


class _YamlProblem(Exception):
    def __init__(self, message: str, mark: Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _mark(node: yaml.Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _StrictLoader(yaml.BaseLoader):
    """Composes nodes only; refuses anchors and aliases before they expand."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            m = event.start_mark
            raise _YamlProblem(
                "YAML aliases (*name) are not allowed; write the value out",
                (m.line + 1, m.column + 1),
            )
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if getattr(event, "anchor", None) is not None:
            m = event.start_mark
            raise _YamlProblem(
                "YAML anchors (&name) are not allowed; write the value out",
                (m.line + 1, m.column + 1),
            )
        return super().compose_node(parent, index)


class _Document:
    """Plain data from a YAML node tree, plus where each value and key came from."""

    def __init__(self) -> None:
        self.value_marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.problems: list[tuple[Mark, Path_, str]] = []
        self._seen: set[int] = set()
        self._alias_reported = False

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        self.value_marks[path] = _mark(node)
        # libyaml composes "*name" as the anchored node itself: a node met twice is
        # an alias. Refused, and never walked twice, so alias bombs cannot expand.
        if id(node) in self._seen:
            if not self._alias_reported:
                self._alias_reported = True
                self.problems.append(
                    (_mark(node), path, "YAML anchors and aliases (&name, *name) are "
                     "not allowed; write the value out")
                )  # fmt: skip
            return None
        self._seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(
                (_mark(node), path, f"YAML tags like {node.tag!r} are not allowed")
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.style is None and node.value == "":
                return None  # "key:" with nothing after it
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append((_mark(key_node), path, "a key must be a plain word"))
                continue
            key = key_node.value
            if key in result:
                first = self.key_marks[(*path, key)]
                self.problems.append(
                    (
                        _mark(key_node),
                        (*path, key),
                        f"duplicate key '{key}' (first given on line {first[0]})",
                    )
                )
                continue
            self.key_marks[(*path, key)] = _mark(key_node)
            result[key] = self.convert(value_node, (*path, key))
        return result


def _format_path(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _model_at(root: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``path`` (for 'did you mean')."""
    model: type[BaseModel] | None = root
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _first_model(field.annotation) if field else None
    return model


def _first_model(tp: Any) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    origin = typing.get_origin(tp)
    if origin is typing.Annotated or origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            found = _first_model(arg)
            if found is not None:
                return found
    return None


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


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
        return Location(self.filename, line, column, _format_path(path) or None)


def _pydantic_problems(
    err: ValidationError, data: dict[str, Any], where: _Located
) -> list[Problem]:
    kind = data.get("kind")
    root = _MODELS.get(kind) if isinstance(kind, str) else None
    problems = []
    for e in err.errors(include_url=False):
        loc: Path_ = tuple(e["loc"])
        if loc and loc[0] == kind:
            loc = loc[1:]
        # pydantic reports model-level input errors of nested models at "<model>.<field>"
        # for our before-validators; keep the path as the user's keys.
        kind_of_error = e["type"]
        message = e["msg"].removeprefix("Value error, ")
        key = False
        if kind_of_error == "missing":
            message = f"required field '{loc[-1]}' is missing"
        elif kind_of_error == "extra_forbidden":
            model = _model_at(root, loc[:-1]) if root else None
            options = model.model_fields if model else []
            message = f"unknown field '{loc[-1]}'{_suggest(str(loc[-1]), options)}"
            key = True
        elif kind_of_error == "literal_error" and loc and loc[-1] == "[key]":
            loc = loc[:-1]
            expected = str(e.get("ctx", {}).get("expected", ""))
            options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]
            message = f"unknown row '{loc[-1]}'{_suggest(str(loc[-1]), options)}"
            key = True
        elif kind_of_error in {"union_tag_invalid", "union_tag_not_found"}:
            loc = ("kind",)
            message = f"'kind' must be one of: {', '.join(KINDS)}"
        elif kind_of_error.startswith(("date_", "datetime_")):
            reason = message.split(", ", 1)[-1] if ", " in message else message
            message = f"expected a date like 2013-12-05 or 05.12.2013.: {reason}"
            if isinstance(e.get("input"), str):
                message += f" (got {e['input']!r})"
        elif kind_of_error == "string_type" and isinstance(e.get("input"), dict | list):
            # "goal: {{ x }}" or "goal: [draft]" unquoted: YAML read structure, not text
            shape = "a mapping (key: value)" if isinstance(e["input"], dict) else "a list"
            message = (
                f"expected text but YAML read {shape}; put text that starts with "
                "{, [ or contains ': ' in quotes"
            )
        elif isinstance(e.get("input"), str) and kind_of_error not in ("value_error",):
            message = f"{message} (got {e['input']!r})"
        problems.append(Problem(message, where.location(loc, key=key)))
    return problems


def _compose(text: str) -> list[yaml.Node]:
    """Node trees of every document; libyaml's C composer when available (5× faster)."""
    loader = getattr(yaml, "CBaseLoader", None)
    if loader is None:  # pragma: no cover - PyYAML without libyaml
        return list(yaml.compose_all(text, Loader=_StrictLoader))
    return list(yaml.compose_all(text, Loader=loader))


def _parse(text: str, filename: str) -> tuple[Any, _Located, list[Problem]]:
    doc = _Document()
    where = _Located(filename, doc)
    try:
        nodes = _compose(text)
    except _YamlProblem as err:
        line, col = err.mark or (None, None)
        return None, where, [Problem(err.message, Location(filename, line, col))]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = " ".join(p for p in (err.context, err.problem) if p)
        if "alias" in what:
            what = f"YAML aliases (*name) are not allowed; write the value out ({what})"
            return None, where, [Problem(what, Location(filename, line, col))]
        return None, where, [Problem(f"not valid YAML: {what}", Location(filename, line, col))]
    except yaml.YAMLError as err:  # reader errors: characters YAML itself refuses
        return None, where, [Problem(f"not valid YAML: {err}", Location(filename))]
    if not nodes:
        return None, where, [Problem("the file is empty", Location(filename))]
    if len(nodes) != 1:
        return None, where, [Problem("a file must hold exactly one annex", Location(filename))]
    data = doc.convert(nodes[0], ())
    problems = [
        Problem(msg, Location(filename, line, col, _format_path(path) or None))
        for (line, col), path, msg in doc.problems
    ]
    return data, where, problems


def _validate(text: str, filename: str) -> tuple[Any, list[Problem]]:
    """(model or None, every problem: errors first, then warnings)."""
    data, where, problems = _parse(text, filename)
    if data is None:
        return None, problems or [Problem("the file is empty", Location(filename))]
    if not isinstance(data, dict):
        return None, [Problem("expected a mapping of fields (key: value)", where.location(()))]
    # Structural problems (duplicate keys, tags) do not stop validation, so that
    # the clerk sees every problem of the file in one run.
    try:
        annex = _ADAPTER.validate_python(data)
    except ValidationError as err:
        return None, _sorted(problems + _pydantic_problems(err, data, where))
    if problems:
        return None, problems
    findings = cross_check(annex)
    return annex, _sorted(
        [Problem(f.message, where.location(f.path), f.severity) for f in findings]
    )


def _sorted(problems: list[Problem]) -> list[Problem]:
    """Errors before warnings, each in file order."""
    return sorted(
        problems,
        key=lambda p: (p.severity != "error", p.location.line or 0, p.location.column or 0),
    )


def _read(path: Path) -> tuple[str | None, list[Problem]]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1024
            return None, [
                Problem(f"file is {size} bytes; the limit is {limit} KiB", Location(name))
            ]
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(f"cannot read the file: {err.strerror}", Location(name))]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        return None, [
            Problem(f"not UTF-8 text (byte {err.start}); save the file as UTF-8", Location(name))
        ]


def check_text(text: str, filename: str = "<text>") -> list[Problem]:
    """Every problem (errors and warnings) of a YAML annex given as text."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        return [Problem(f"text is over the {MAX_FILE_BYTES // 1024} KiB limit", Location(filename))]
    return _validate(text, filename)[1]


def check_file(path: str | Path) -> list[Problem]:
    """Every problem (errors and warnings) of a YAML annex file; never raises for bad data."""
    text, problems = _read(Path(path))
    if text is None:
        return problems
    return check_text(text, str(path))


def load_annex_text(text: str, filename: str = "<text>") -> Any:
    """Parse and validate YAML text; raise :class:`DataError` with every error.

    Warnings (e.g. funding that does not add up) do not stop loading; use
    :func:`check_text` to see them.
    """
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise DataError([Problem("text is too large", Location(filename))], file=filename)
    annex, problems = _validate(text, filename)
    errors = [p for p in problems if p.severity == "error"]
    if errors or annex is None:
        raise DataError(errors or problems, file=filename)
    return annex


def load_annex(path: str | Path) -> Any:
    """Load one YAML annex file into its model; raise :class:`DataError` with every error."""
    text, problems = _read(Path(path))
    if text is None:
        raise DataError(problems, file=str(path))
    return load_annex_text(text, str(path))


def annex_json_schema() -> dict[str, Any]:
    """JSON Schema of the YAML input, for editors (yaml-language-server) and forms."""
    schema = _ADAPTER.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "annexgen annex"
    return json.loads(json.dumps(schema, sort_keys=True))  # type: ignore[no-any-return]


def skeleton(kind: str) -> str:
    """The commented example YAML for ``kind``; it passes ``annexgen check`` as is."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    folder = resources.files("annexgen") / "skeletons"
    return (folder / f"{kind}.yaml").read_text(encoding="utf-8")

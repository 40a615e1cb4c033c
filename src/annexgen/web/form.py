"""The form of each annex kind, made from its model, and the way back to data.

Every field a kind's model holds becomes an input named by its dotted path in
the data (``costs.0.amount``, ``decision.date``, ``labels.applicant``), so that
the form can hold everything a YAML file can (issue 14: loss-free) and tests
and scripts can address any input. Lists are repeatable groups whose rows are
added, removed and moved in the page; their inputs carry a path pattern
(``costs.#.amount``) that the page numbers.

The words — labels, help lines, row names, the words for each choice — are
English message ids in :mod:`annexgen.web.words`, shown in the clerk's language
through the catalog; :func:`form_for` builds each kind's form once per language.
A table's rows are a grid (:attr:`Node.kind` ``"grid"``) whose columns are the
annex's own ``columns``: its inputs are named ``rows.0.<column key>``.

Values travel as text both ways: :func:`form_values` writes an annex as the
strings the inputs show (amounts "19 700,00 EUR", dates "05.12.2013."), and
:func:`form_to_data` turns submitted strings back into the plain data the
models validate, refusing names no input of the kind has.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, Final, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from annexgen.i18n import get_language, use_language
from annexgen.lv.amounts import format_amount
from annexgen.lv.figures import format_number, format_percent
from annexgen.model.fields import MAX_ITEMS, AlsoText, Money
from annexgen.model.introspect import unwrap
from annexgen.model.kinds import REGISTRY
from annexgen.web.words import FieldWords, ListWords, form_words

__all__ = [
    "GRID_CELL",
    "FormError",
    "Node",
    "check_names",
    "form_for",
    "form_to_data",
    "form_values",
    "money_as_text",
]

#: Longest text one input may send (the models' own limit is lower, 10 000).
MAX_VALUE_CHARS: Final = 100_000
#: Most inputs one submitted form may hold.
MAX_FIELDS: Final = 20_000

Widget = Literal["text", "textarea", "checkbox", "select", "number", "date", "money"]


#: The last part of a grid cell's path pattern: any column key (``rows.#.*``).
GRID_CELL: Final = "*"
_KEY: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


class FormError(ValueError):
    """A submitted form that no page of ours could have sent (answered with 400)."""


@dataclass(slots=True)
class Node:
    """One part of a form: an input (``field``), a group, a list, or a table's grid of rows.

    A grid's columns are the annex's own (the inputs of ``columns_path``); the
    page makes its cells, named ``rows.0.<column key>``.
    """

    kind: Literal["field", "group", "list", "grid"]
    path: str  # dotted, with "#" for list positions: "costs.#.amount"
    label: str
    help: str = ""
    required: bool = False
    widget: Widget = "text"
    choices: list[tuple[str, str]] = field(default_factory=list)
    default: str = ""
    placeholder: str = ""
    children: list[Node] = field(default_factory=list)
    item: Node | None = None  # a list's row
    words: ListWords | None = None  # a list's (or grid's) row title and buttons
    min_items: int = 0
    optional_group: bool = False
    text_field: str = ""  # a group that YAML may also write as one string (AlsoText)
    columns_path: str = ""  # a grid: the list of columns its cells follow

    @property
    def depth(self) -> int:
        return self.path.count(".")


def _entry(model: type[BaseModel], name: str) -> FieldWords | None:
    fields = form_words().fields
    for klass in model.__mro__:
        entry = fields.get(klass.__name__, {}).get(name)
        if entry is not None:
            return entry
    return None


def _words(model: type[BaseModel], name: str) -> FieldWords:
    entry = _entry(model, name)
    if entry is None:
        raise KeyError(f"no words for {model.__name__}.{name} in annexgen/web/words.py")
    return entry


def label_of(model: type[BaseModel], name: str) -> str:
    """The label of ``model.name`` in the current language."""
    return _words(model, name).label


def _row_words(values: tuple[str, ...]) -> dict[str, str]:
    """The labels of a kind's row keys (``order``, ``after``): its fields' labels."""
    for kind in REGISTRY.values():
        if kind.labels and all(v in kind.labels for v in values):
            return {v: label_of(kind.model, v) for v in values}
    return {}


def choices_of(model: type[BaseModel], name: str, values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(value, words) for each value of a choice field, never the bare code word."""
    words = form_words().choices.get(f"{model.__name__}.{name}") or _row_words(values)
    if any(v not in words for v in values):
        raise KeyError(f"no words for the choices of {model.__name__}.{name}")
    return [(v, words[v]) for v in values]


def _list_words(model: type[BaseModel], name: str) -> ListWords:
    words = form_words().lists.get(f"{model.__name__}.{name}")
    if words is None:
        raise KeyError(f"no row words for the list {model.__name__}.{name}")
    return words


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Money):
        return money_as_text(value)
    if isinstance(value, date):
        return f"{value.day:02d}.{value.month:02d}.{value.year}."
    if isinstance(value, dict):  # the totals of several columns: "price: 100,00; vat: 21,00"
        return "; ".join(f"{key}: {_as_text(text)}" for key, text in value.items())
    return str(value)


def money_as_text(money: Money) -> str:
    """An amount as a clerk types it: "19 700,00 EUR", "1 000,00 LVL (1 422,87 EUR)" —
    the Latvian figure of :func:`annexgen.lv.format_amount`, with the spaces a keyboard has."""
    text = f"{_typed(money.amount)} {money.currency}"
    if money.eur is not None:
        text += f" ({_typed(money.eur)} EUR)"
    return text


def _typed(amount: Decimal) -> str:
    return format_amount(amount, code=False).replace("\u00a0", " ")


def _widget(tp: Any, entry: FieldWords) -> Widget:
    if tp is bool:
        return "checkbox"
    if typing.get_origin(tp) is Literal:
        return "select"
    if tp is date:
        return "date"
    if tp is int:
        return "number"
    if tp is Money:
        return "money"
    return "textarea" if entry.long else "text"


def _field_node(model: type[BaseModel], name: str, info: FieldInfo, path: str, tp: Any) -> Node:
    entry = _words(model, name)
    widget = _widget(tp, entry)
    choices: list[tuple[str, str]] = []
    if widget == "select":
        choices = choices_of(model, name, typing.get_args(tp))
        if not info.is_required() and info.get_default() is None:
            choices.insert(0, ("", "—"))
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    return Node(
        "field",
        path,
        entry.label,
        help=entry.help,
        required=info.is_required(),
        widget=widget,
        choices=choices,
        default=_as_text(default) if not isinstance(default, list | dict) else "",
        placeholder=entry.placeholder,
    )


def _min_items(info: FieldInfo) -> int:
    for meta in info.metadata:
        if getattr(meta, "min_length", None):
            return int(meta.min_length)
    annotation = info.annotation
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in typing.get_args(annotation)[1:]:
            if getattr(meta, "min_length", None):
                return int(meta.min_length)
            for inner in getattr(meta, "metadata", []):
                if getattr(inner, "min_length", None):
                    return int(inner.min_length)
    return 0


def _grid_of(model: type[BaseModel]) -> tuple[str, str] | None:
    """(columns field, rows field) of a model whose rows are keyed by its own columns.

    The table kind names the pair for redaction (``personal_columns``); the
    form makes those rows a grid of one input per cell.
    """
    pair = getattr(model, "personal_columns", None)
    return pair if isinstance(pair, tuple) and len(pair) == 2 else None


def _node(model: type[BaseModel], name: str, info: FieldInfo, path: str) -> Node:
    tp, is_list = unwrap(info.annotation)
    entry = _words(model, name)
    grid = _grid_of(model)
    if grid is not None and name == grid[1]:
        return Node("grid", path, entry.label, help=entry.help, words=_list_words(model, name),
                    columns_path=path.removesuffix(name) + grid[0])  # fmt: skip
    if is_list:
        item = _item(model, name, info, tp, f"{path}.#")
        return Node(
            "list",
            path,
            entry.label,
            help=entry.help,
            required=_min_items(info) > 0,
            item=item,
            words=_list_words(model, name),
            min_items=_min_items(info),
        )
    if typing.get_origin(tp) is dict:  # row labels: one input per row key
        keys = typing.get_args(typing.get_args(tp)[0])
        printed = {k: v for kind in REGISTRY.values() for k, v in kind.labels.items()}
        rows = _row_words(keys)
        children = [
            Node("field", f"{path}.{key}", rows.get(key, key), placeholder=printed.get(key, ""))
            for key in keys
        ]
        return Node("group", path, entry.label, help=entry.help, children=children,
                    optional_group=True)  # fmt: skip
    if isinstance(tp, type) and issubclass(tp, BaseModel) and tp is not Money:
        return Node(
            "group",
            path,
            entry.label,
            help=entry.help,
            required=info.is_required(),
            children=_children(tp, f"{path}."),
            optional_group=not info.is_required(),
            text_field=_text_field(tp),
        )
    return _field_node(model, name, info, path, tp)


def _text_field(model: type[BaseModel]) -> str:
    return str(getattr(model, "_text_field", "")) if issubclass(model, AlsoText) else ""


def _item(model: type[BaseModel], name: str, info: FieldInfo, tp: Any, path: str) -> Node:
    label = _list_words(model, name).name
    if isinstance(tp, type) and issubclass(tp, BaseModel) and tp is not Money:
        return Node("group", path, label, children=_children(tp, f"{path}."),
                    text_field=_text_field(tp))  # fmt: skip
    node = _field_node(model, name, FieldInfo(annotation=tp), path, tp)
    node.label, node.required = label, False
    if node.widget == "text" and tp is str:
        node.widget = "textarea"
    if node.choices and node.choices[0][0] == "":
        node.choices = node.choices[1:]
    return node


def _children(model: type[BaseModel], prefix: str) -> list[Node]:
    names = [n for n in model.model_fields if n != "kind"]
    return [_node(model, n, model.model_fields[n], f"{prefix}{n}") for n in names]


#: Fields every annex has, placed where the annex prints them: the decision (the
#: annex mark) first, the signature and settings last.
_FIRST: Final = ("decision",)
_LAST: Final = ("signatory", "e_signed", "options")


def form_for(kind: str, lang: str | None = None) -> list[Node]:
    """The form of ``kind`` in ``lang`` (default: the current language), top-down in the
    order the annex reads. Paths and widgets are the same in every language."""
    return _form_for(kind, lang or get_language())


@cache
def _form_for(kind: str, lang: str) -> list[Node]:
    with use_language(lang):
        model = REGISTRY[kind].model
        nodes = {node.path: node for node in _children(model, "")}
    middle = [n for p, n in nodes.items() if p not in _FIRST + _LAST]
    return (
        [nodes[p] for p in _FIRST if p in nodes] + middle + [nodes[p] for p in _LAST if p in nodes]
    )


#: The language the structure of a form is read in (paths do not depend on it).
_STRUCTURE: Final = "en"


def _walk(nodes: list[Node]) -> typing.Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)
        if node.item is not None:
            yield from _walk([node.item])


@cache
def input_paths(kind: str) -> frozenset[str]:
    """Every input's path pattern (``costs.#.amount``; a grid's cells ``rows.#.*``)."""
    nodes = list(_walk(form_for(kind, _STRUCTURE)))
    fields = {n.path for n in nodes if n.kind == "field"}
    return frozenset(fields | {f"{n.path}.#.{GRID_CELL}" for n in nodes if n.kind == "grid"})


@cache
def group_paths(kind: str) -> frozenset[str]:
    """Path patterns of the groups, lists and grids (and a grid's rows), where problems
    about a whole part are shown."""
    nodes = list(_walk(form_for(kind, _STRUCTURE)))
    parts = {n.path for n in nodes if n.kind in ("group", "list", "grid")}
    return frozenset(parts | {f"{n.path}.#" for n in nodes if n.kind == "grid"})


def known_input(kind: str, name: str) -> bool:
    """Whether ``name`` (``costs.3.amount``, ``rows.0.price``) is an input of ``kind``."""
    pattern = pattern_of(name)
    if pattern in input_paths(kind):
        return True
    head, _, last = pattern.rpartition(".")
    return bool(_KEY.fullmatch(last)) and f"{head}.{GRID_CELL}" in input_paths(kind)


@cache
def grids(kind: str) -> tuple[Node, ...]:
    """The grids of ``kind`` (the table's rows)."""
    return tuple(n for n in _walk(form_for(kind, _STRUCTURE)) if n.kind == "grid")


@cache
def _defaults(kind: str) -> dict[str, str]:
    return {n.path: n.default for n in _walk(form_for(kind, _STRUCTURE)) if n.kind == "field"}


@cache
def _optional_groups(kind: str) -> tuple[str, ...]:
    """Optional groups, deepest first (a group inside another is judged first)."""
    groups: list[str] = [
        n.path for n in _walk(form_for(kind, _STRUCTURE)) if n.kind == "group" and n.optional_group
    ]
    return tuple(sorted(groups, key=lambda p: -p.count(".")))


_INDEX: Final = re.compile(r"(?<=\.)[0-9]{1,4}(?=\.|$)")
_NAME: Final = re.compile(r"[a-z_]{1,40}(?:\.(?:[A-Za-z_][A-Za-z0-9_]{0,39}|[0-9]{1,4})){0,8}")


def pattern_of(name: str) -> str:
    """``costs.3.amount`` → ``costs.#.amount``."""
    return _INDEX.sub("#", name)


# --- annex → the strings the inputs show ---------------------------------------------


def form_values(annex: BaseModel | dict[str, Any], kind: str = "") -> dict[str, str]:
    """Every input's value for ``annex``: what the page fills in when a file is opened.

    ``annex`` is a model, or plain data that did not validate (an extracted
    document with a mistake: the clerk corrects it in the form). List rows are
    written with all their inputs (empty ones as ""), so the page knows how
    many rows to make.
    """
    kind = kind or str(getattr(annex, "kind"))  # noqa: B009 - every annex model has a kind
    out: dict[str, str] = {}
    _values(form_for(kind, _STRUCTURE), annex, "", out)
    if out.get("rows_from") and any(k.startswith("rows.") for k in out):
        out["rows_from"] = out["sheet"] = ""  # the rows were read from it: now they are here
    return out


def _typed_columns(owner: Any, columns_key: str) -> list[tuple[str, Any]]:
    """(key, column) of the columns a clerk types into; computed ones are left out."""
    columns = owner.get(columns_key) if isinstance(owner, dict) else getattr(owner, columns_key)
    out: list[tuple[str, Any]] = []
    for column in columns or []:
        get = column.get if isinstance(column, dict) else lambda k, c=column: getattr(c, k, None)
        key = get("key")
        computed = get("type") == "row-number" or get("vat") or get("sum")
        if not computed and isinstance(key, str):
            out.append((key, column))
    return out


def _grid_values(node: Node, owner: Any, name: str, out: dict[str, str]) -> None:
    """A table's rows as the grid holds them: ``rows.0.<key>`` for each typed cell."""
    columns_key = node.columns_path.rsplit(".", 1)[-1]
    typed = _typed_columns(owner, columns_key)
    keys = [k for k, _ in typed]
    rows = owner.get("rows") if isinstance(owner, dict) else getattr(owner, "cells", None)
    for i, row in enumerate(rows or []):
        if isinstance(row, str):  # pasted from Excel (tabs) or typed with ";"
            row = [v.strip() for v in row.split("\t" if "\t" in row else ";")]  # noqa: PLW2901
        if isinstance(row, list):
            row = dict(zip(keys, row, strict=False))  # noqa: PLW2901
        for key, column in typed:
            out[f"{name}.{i}.{key}"] = cell_text(
                column, row.get(key) if isinstance(row, dict) else None
            )


def cell_text(column: Any, value: Any) -> str:
    """A table cell as a clerk types it: "1 500,00", "21 %", "05.12.2013."."""
    if value is None:
        return ""
    if isinstance(value, date):
        return _as_text(value)
    kind = getattr(column, "type", None)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        if kind == "percent":
            text = format_percent(Decimal(value), getattr(column, "places", None))
        elif kind in ("amount", "decimal"):
            text = format_number(Decimal(value), column.decimals)
        else:
            text = format_number(value) if isinstance(value, int) else str(value)
        return text.replace("\u00a0", " ")
    return str(value)


def _values(nodes: list[Node], obj: Any, prefix: str, out: dict[str, str]) -> None:
    for node in nodes:
        key = node.path.rsplit(".", 1)[-1]
        name = f"{prefix}{key}"
        if node.kind == "grid":
            _grid_values(node, obj, name, out)
            continue
        value = obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)
        if node.text_field and isinstance(value, str):
            value = {node.text_field: value}
        if node.kind == "field":
            out[name] = node.default if value is None else _as_text(value)
        elif node.kind == "group":
            _values(node.children, value if value is not None else {}, f"{name}.", out)
        else:
            assert node.item is not None
            for i, item in enumerate(value or []):
                if node.item.kind == "field":
                    out[f"{name}.{i}"] = _as_text(item)
                else:
                    if node.item.text_field and isinstance(item, str):
                        item = {node.item.text_field: item}  # noqa: PLW2901
                    _values(node.item.children, item, f"{name}.{i}.", out)


# --- submitted strings → data ---------------------------------------------------------


def check_names(kind: str, values: dict[str, str]) -> None:
    """Refuse a form with names no input of ``kind`` has, or too many or too long values."""
    if len(values) > MAX_FIELDS:
        raise FormError(f"too many fields ({len(values)}; at most {MAX_FIELDS})")
    for name, value in values.items():
        if not _NAME.fullmatch(name) or not known_input(kind, name):
            raise FormError(f"no such field: {name[:80]!r}")
        if any(int(i) >= MAX_ITEMS for i in _INDEX.findall(name)):
            raise FormError(f"list position too large in {name!r}")
        if len(value) > MAX_VALUE_CHARS:
            raise FormError(f"value of {name!r} is longer than {MAX_VALUE_CHARS} characters")


def form_to_data(values: dict[str, str], kind: str) -> dict[str, Any]:
    """Submitted inputs (dotted names) → the nested data the model of ``kind`` validates.

    Empty inputs are left out (the model's default applies); an optional group
    (decision, signature, contact …) holding only its defaults is left out; list
    rows are kept as they are, even empty ones (the clerk removes a row with its
    button, and an empty row's error says so). Browsers send line ends as CRLF:
    they are read as the LF a YAML file holds.
    """
    check_names(kind, values)
    root: dict[str, Any] = {}
    for name, raw in values.items():
        value = raw.replace("\r\n", "\n")
        parts = name.split(".")
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    defaults = _defaults(kind)
    for group in _optional_groups(kind):
        _prune_group(root, group.split("."), defaults)
    return {"kind": kind, **_clean(root)}


def _prune_group(
    node: dict[str, Any], parts: list[str], defaults: dict[str, str], done: str = ""
) -> None:
    """Remove every instance of an optional group whose inputs hold only defaults."""
    head, *rest = parts
    path = f"{done}.{head}" if done else head
    children = [v for k, v in node.items() if k.isdigit()] if head == "#" else [node.get(head)]
    for child in children:
        if isinstance(child, dict) and rest:
            _prune_group(child, rest, defaults, path)
    group = node.get(head)
    if (
        head != "#"
        and not rest
        and isinstance(group, dict)
        and _only_defaults(group, defaults, path)
    ):
        node.pop(head)


def _only_defaults(node: Any, defaults: dict[str, str], path: str) -> bool:
    """Whether every input under ``node`` is empty or shows its default."""
    if isinstance(node, dict):
        return all(
            _only_defaults(v, defaults, f"{path}.{'#' if k.isdigit() else k}")
            for k, v in node.items()
        )
    return node in ("", defaults.get(path, ""))


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    """Nested inputs → data: digit keys become lists (every row kept), "" leaves out a field."""
    out: dict[str, Any] = {}
    for key, value in node.items():
        if value == "":
            continue
        out[key] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if value and all(k.isdigit() for k in value):
        return [_plain(value[k]) for k in sorted(value, key=int)]
    return _clean(value)

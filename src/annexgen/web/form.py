"""The form of each annex kind, made from its model, and the way back to data.

Every field a kind's model holds becomes an input named by its dotted path in
the data (``costs.0.amount``, ``decision.date``, ``labels.applicant``), so that
the form can hold everything a YAML file can (issue 14: loss-free) and tests
and scripts can address any input. Lists are repeatable groups whose rows are
added, removed and moved in the page; their inputs carry a path pattern
(``costs.#.amount``) that the page numbers.

The Latvian words — labels, help lines, row names, the words for each choice —
are in ``lv.toml`` beside this module; a kind's row labels come from the
registry (:attr:`Kind.labels <annexgen.model.kinds.base.Kind.labels>`).

Values travel as text both ways: :func:`form_values` writes an annex as the
strings the inputs show (amounts "19 700,00 EUR", dates "05.12.2013."), and
:func:`form_to_data` turns submitted strings back into the plain data the
models validate, refusing names no input of the kind has.
"""

from __future__ import annotations

import re
import tomllib
import typing
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from annexgen.model.fields import MAX_ITEMS, AlsoText, Money
from annexgen.model.introspect import unwrap
from annexgen.model.kinds import REGISTRY

__all__ = [
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


class FormError(ValueError):
    """A submitted form that no page of ours could have sent (answered with 400)."""


@dataclass(slots=True)
class Node:
    """One part of a form: an input (``field``), a group, a list or a set of row labels."""

    kind: Literal["field", "group", "list"]
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
    item_name: str = ""  # "aktivitāte"
    item_acc: str = ""  # "aktivitāti"
    min_items: int = 0
    optional_group: bool = False
    text_field: str = ""  # a group that YAML may also write as one string (AlsoText)

    @property
    def depth(self) -> int:
        return self.path.count(".")


@cache
def catalog() -> dict[str, Any]:
    """The Latvian words of the form (``lv.toml``)."""
    text = (resources.files("annexgen.web") / "lv.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _entry(model: type[BaseModel], name: str) -> dict[str, Any]:
    fields = catalog()["fields"]
    for klass in model.__mro__:
        entry = fields.get(klass.__name__, {}).get(name)
        if entry is not None:
            return {"label": entry} if isinstance(entry, str) else dict(entry)
    return {}


def _row_labels(model: type[BaseModel]) -> dict[str, str]:
    for kind in REGISTRY.values():
        if kind.model is model:
            return dict(kind.labels)
    return {}


def _kind_labels() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind in REGISTRY.values():
        out.update(kind.labels)
    return out


def label_of(model: type[BaseModel], name: str) -> str:
    """The Latvian label of ``model.name``; a row field's default is its registry label."""
    entry = _entry(model, name)
    if "label" in entry:
        return str(entry["label"])
    rows = _row_labels(model)
    if name in rows:
        return rows[name]
    raise KeyError(f"no Latvian label for {model.__name__}.{name} in annexgen/web/lv.toml")


def choices_of(model: type[BaseModel], name: str, values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(value, words) for each value of a choice field, never the bare code word."""
    words = catalog().get("choices", {}).get(f"{model.__name__}.{name}")
    if words is None and all(v in _kind_labels() for v in values):
        words = _kind_labels()  # a kind's row keys: their labels as the seeds print them
    if words is None or any(v not in words for v in values):
        raise KeyError(f"no Latvian words for the choices of {model.__name__}.{name}")
    return [(v, words[v]) for v in values]


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Money):
        return money_as_text(value)
    if isinstance(value, date):
        return f"{value.day:02d}.{value.month:02d}.{value.year}."
    return str(value)


def _decimal(value: Decimal) -> str:
    whole, _, cents = f"{value:.2f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    return " ".join([whole, *groups]) + "," + cents


def money_as_text(money: Money) -> str:
    """An amount as a clerk types it: "19 700,00 EUR", "1 000,00 LVL (1 422,87 EUR)"."""
    text = f"{_decimal(money.amount)} {money.currency}"
    if money.eur is not None:
        text += f" ({_decimal(money.eur)} EUR)"
    return text


def _widget(tp: Any, entry: dict[str, Any]) -> Widget:
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
    return "textarea" if entry.get("long") else "text"


def _field_node(model: type[BaseModel], name: str, info: FieldInfo, path: str, tp: Any) -> Node:
    entry = _entry(model, name)
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
        label_of(model, name),
        help=str(entry.get("help", "")),
        required=info.is_required(),
        widget=widget,
        choices=choices,
        default=_as_text(default) if not isinstance(default, list | dict) else "",
        placeholder=str(entry.get("placeholder", "")),
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


def _node(model: type[BaseModel], name: str, info: FieldInfo, path: str) -> Node:
    tp, is_list = unwrap(info.annotation)
    entry = _entry(model, name)
    if is_list:
        words = catalog().get("lists", {}).get(f"{model.__name__}.{name}", {})
        item = _item(model, name, info, tp, f"{path}.#")
        return Node(
            "list",
            path,
            label_of(model, name),
            help=str(entry.get("help", "")),
            required=_min_items(info) > 0,
            item=item,
            item_name=str(words.get("item", "rinda")),
            item_acc=str(words.get("acc", "rindu")),
            min_items=_min_items(info),
        )
    if typing.get_origin(tp) is dict:  # row labels: one input per row key
        keys = typing.get_args(typing.get_args(tp)[0])
        rows = _kind_labels()
        children = [
            Node("field", f"{path}.{key}", rows.get(key, key), placeholder=rows.get(key, ""))
            for key in keys
        ]
        return Node("group", path, label_of(model, name), help=str(entry.get("help", "")),
                    children=children, optional_group=True)  # fmt: skip
    if isinstance(tp, type) and issubclass(tp, BaseModel) and tp is not Money:
        return Node(
            "group",
            path,
            label_of(model, name),
            help=str(entry.get("help", "")),
            required=info.is_required(),
            children=_children(tp, f"{path}."),
            optional_group=not info.is_required(),
            text_field=_text_field(tp),
        )
    return _field_node(model, name, info, path, tp)


def _text_field(model: type[BaseModel]) -> str:
    return str(getattr(model, "_text_field", "")) if issubclass(model, AlsoText) else ""


def _item(model: type[BaseModel], name: str, info: FieldInfo, tp: Any, path: str) -> Node:
    words = catalog().get("lists", {}).get(f"{model.__name__}.{name}", {})
    label = str(words.get("item", "rinda")).capitalize()
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


@cache
def form_for(kind: str) -> list[Node]:
    """The form of ``kind``, top-down in the order the annex reads."""
    model = REGISTRY[kind].model
    nodes = {node.path: node for node in _children(model, "")}
    middle = [n for p, n in nodes.items() if p not in _FIRST + _LAST]
    return (
        [nodes[p] for p in _FIRST if p in nodes] + middle + [nodes[p] for p in _LAST if p in nodes]
    )


def _walk(nodes: list[Node]) -> typing.Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)
        if node.item is not None:
            yield from _walk([node.item])


@cache
def input_paths(kind: str) -> frozenset[str]:
    """Every input's path pattern (``costs.#.amount``) in the form of ``kind``."""
    return frozenset(n.path for n in _walk(form_for(kind)) if n.kind == "field")


@cache
def _defaults(kind: str) -> dict[str, str]:
    return {n.path: n.default for n in _walk(form_for(kind)) if n.kind == "field"}


@cache
def _optional_groups(kind: str) -> tuple[str, ...]:
    """Optional groups, deepest first (a group inside another is judged first)."""
    groups: list[str] = [
        n.path for n in _walk(form_for(kind)) if n.kind == "group" and n.optional_group
    ]
    return tuple(sorted(groups, key=lambda p: -p.count(".")))


_INDEX: Final = re.compile(r"(?<=\.)[0-9]{1,4}(?=\.|$)")
_NAME: Final = re.compile(r"[a-z_]{1,40}(?:\.(?:[a-z_]{1,40}|[0-9]{1,4})){0,8}")


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
    _values(form_for(kind), annex, "", out)
    if out.get("rows_from") and any(k.startswith("rows.") for k in out):
        out["rows_from"] = out["sheet"] = ""  # the rows were read from it: now they are here
    return out


def _cells(row: dict[str, Any], owner: Any) -> str:
    """A table row as the form holds it: the typed cells, tab-separated (as Excel pastes)."""
    columns = getattr(owner, "columns", None) or []
    typed = [c.key for c in columns if not getattr(c, "computed", False)] or list(row)
    return "\t".join(_cell(row.get(key)) for key in typed)


def _cell(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _values(nodes: list[Node], obj: Any, prefix: str, out: dict[str, str]) -> None:
    for node in nodes:
        key = node.path.rsplit(".", 1)[-1]
        name = f"{prefix}{key}"
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
                    out[f"{name}.{i}"] = (
                        _cells(item, obj) if isinstance(item, dict) else _as_text(item)
                    )
                else:
                    if node.item.text_field and isinstance(item, str):
                        item = {node.item.text_field: item}  # noqa: PLW2901
                    _values(node.item.children, item, f"{name}.{i}.", out)


# --- submitted strings → data ---------------------------------------------------------


def check_names(kind: str, values: dict[str, str]) -> None:
    """Refuse a form with names no input of ``kind`` has, or too many or too long values."""
    if len(values) > MAX_FIELDS:
        raise FormError(f"too many fields ({len(values)}; at most {MAX_FIELDS})")
    known = input_paths(kind)
    for name, value in values.items():
        if not _NAME.fullmatch(name) or pattern_of(name) not in known:
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

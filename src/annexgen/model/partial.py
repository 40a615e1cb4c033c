"""Cross-checks for an annex that does not validate: every part that parsed.

A clerk fixes a file in rounds. If an unknown key or a bad date stopped the
cross-checks, the amount whose words disagree with its figure would appear
only in the next round, after the first errors are fixed (issue 10). So when
the annex as a whole fails, the parts that are valid on their own — each
field, each cost line, each text — are validated one by one and the
cross-checks (:mod:`annexgen.model.checks`) run on what they make up.

Nothing here may invent a problem the complete annex would not have:

* a part that failed is left out (``None``), and a finding whose path lies
  inside a failed part or contains one is dropped;
* a list with a failed item is incomplete, so checks over the whole list
  (funding sources against the total, activity numbering) would judge the
  wrong list: its findings come from each valid item checked on its own, and
  only those that point into that item are kept.

The partial annex is built without validation (``model_construct``) and only
the cross-checks ever see it. A :class:`~annexgen.model.fields.Money` is never
built in part: its checks need its amount and currency together.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from annexgen.errors import Finding
from annexgen.model.checks import findings_by_path
from annexgen.model.fields import Money
from annexgen.model.introspect import models_in

__all__ = ["partial_findings"]

Path = tuple[str | int, ...]


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator for one field alone, with its constraints (e.g. ``max_length``)."""
    info = model.model_fields[name]
    field_type: Any = Annotated[info.annotation, info]
    return TypeAdapter(field_type)


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _list_item(annotation: Any) -> Any | None:
    """The item type when ``annotation`` is a list (through Optional and Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _list_item(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        lists = [a for a in typing.get_args(annotation) if _list_item(a) is not None]
        return _list_item(lists[0]) if len(lists) == 1 else None
    if origin is list:
        return typing.get_args(annotation)[0]
    return None


def _buildable(annotation: Any) -> type[BaseModel] | None:
    """The one model a mapping in this field can be built as, part by part."""
    models = models_in(annotation)
    if len(models) == 1 and not issubclass(models[0], Money):
        return models[0]
    return None


class _Salvage:
    def __init__(self) -> None:
        self.failed: list[Path] = []

    def model(self, model: type[BaseModel], data: dict[str, Any], path: Path) -> BaseModel:
        values: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            if name not in data:
                if info.is_required():
                    values[name] = None  # reported as missing; nothing to check
                continue
            here = (*path, name)
            try:
                values[name] = _field_adapter(model, name).validate_python(data[name])
            except ValidationError:
                values[name] = self.value(info.annotation, data[name], here)
                if values[name] is None and not info.is_required():
                    # what the checks expect there: [] for a list, the default options
                    values[name] = info.get_default(call_default_factory=True)
        return model.model_construct(**values)

    def value(self, annotation: Any, raw: Any, path: Path) -> Any:
        """What of a failed value is valid: a model's fields, a list's items
        (``None`` for an item with nothing valid), or ``None``."""
        item_type = _list_item(annotation)
        if item_type is not None:
            if not isinstance(raw, list):
                self.failed.append(path)
                return None
            items = []
            for i, item in enumerate(raw):
                try:
                    items.append(_adapter(item_type).validate_python(item))
                except ValidationError:
                    items.append(self.value(item_type, item, (*path, i)))
            return items
        model = _buildable(annotation)
        if model is not None and isinstance(raw, dict):
            return self.model(model, raw, path)
        self.failed.append(path)
        return None


def _touches(path: Path, failed: list[Path]) -> bool:
    """Whether ``path`` lies inside a failed part or contains one."""
    return any(path[: len(f)] == f or f[: len(path)] == path for f in failed)


def partial_findings(
    model: type[BaseModel], data: dict[str, Any], failed: list[Path]
) -> list[tuple[Path, Finding]]:
    """Cross-check findings of ``data`` (which does not validate as ``model``) that
    hold whatever its failing parts turn out to be, each with its field path;
    ``failed`` are the paths the validation errors name (unknown keys, missing
    fields, bad values)."""
    salvage = _Salvage()
    annex = salvage.model(model, data, ())
    gone = [*failed, *salvage.failed]
    incomplete = {
        name
        for name in model.model_fields
        if isinstance(data.get(name), list) and any(f[:1] == (name,) and len(f) > 1 for f in gone)
    }
    whole = annex.model_copy(update={name: [] for name in incomplete})
    found = [(p, f) for p, f in findings_by_path(whole) if not p or p[0] not in incomplete]
    for name in sorted(incomplete):
        for i, item in enumerate(getattr(annex, name) or ()):
            if item is None:
                continue
            alone = whole.model_copy(update={name: [item]})
            found += [
                ((name, i, *p[2:]), f) for p, f in findings_by_path(alone) if p[:2] == (name, 0)
            ]
    return [(p, f) for p, f in found if not _touches(p, gone)]

"""``--public``: the published annex, with personal data replaced.

Councils publish decisions and their annexes; personal data (a contact
person's name, phone, e-mail) must not be published (document-rules §3.1).
Which fields are personal is declared once, on the models: a field with
:data:`~annexgen.model.fields.PERSONAL` in its JSON-schema extras, a row
whose ``personal`` flag is set (its ``personal_fields`` say which of its texts
go), and a table column whose ``personal`` flag is set (a model with
``personal_columns = (columns field, rows field)``: the cells under that
column's ``key`` go). This module reads those marks and nothing else, so a new personal field
is hidden the moment it is marked — no renderer, template or web page decides.

Redaction works on the model, before any wording: every later step (the
template context, ``data`` for custom templates, the document properties)
sees only the placeholder.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from annexgen.model.fields import AnnexBase
from annexgen.model.introspect import models_in

__all__ = ["is_personal", "personal_paths", "redact"]

_A = TypeVar("_A", bound=AnnexBase)


def is_personal(model: type[BaseModel], name: str) -> bool:
    """Whether field ``name`` of ``model`` is marked as personal data."""
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get("personal") is True


def _redact(value: Any, placeholder: str) -> Any:
    if isinstance(value, list):
        return [_redact(item, placeholder) for item in value]
    if not isinstance(value, BaseModel):
        return value
    model = type(value)
    row_is_personal = getattr(value, "personal", False) is True
    row_fields: tuple[str, ...] = getattr(model, "personal_fields", ())
    update: dict[str, Any] = {}
    for name in model.model_fields:
        current = getattr(value, name)
        if is_personal(model, name) or (row_is_personal and name in row_fields):
            if current not in (None, ""):
                update[name] = placeholder
        else:
            redacted = _redact(current, placeholder)
            if redacted is not current:
                update[name] = redacted
    update.update(_redact_columns(value, placeholder))
    return value.model_copy(update=update) if update else value


def _personal_keys(value: BaseModel) -> tuple[str, set[str]] | None:
    """(rows field, keys of the personal columns) of a table model, else ``None``."""
    marks: tuple[str, str] | None = getattr(type(value), "personal_columns", None)
    if marks is None:
        return None
    columns_field, rows_field = marks
    keys = {c.key for c in getattr(value, columns_field) if getattr(c, "personal", False) is True}
    return rows_field, keys


def _redact_columns(value: BaseModel, placeholder: str) -> dict[str, Any]:
    """The rows of a table with the cells of personal columns replaced."""
    found = _personal_keys(value)
    if found is None or not found[1]:
        return {}
    rows_field, keys = found
    rows = [
        {k: placeholder if k in keys and v not in (None, "") else v for k, v in row.items()}
        for row in getattr(value, rows_field)
    ]
    return {rows_field: rows}


def redact(annex: _A) -> _A:
    """A copy of ``annex`` with every personal value replaced by its placeholder.

    The placeholder is the annex's ``options.personal_placeholder``
    ("[personas dati]" by default). Empty values stay empty: a missing phone
    number does not become a placeholder line.
    """
    result: _A = _redact(annex, annex.options.personal_placeholder)
    return result


def personal_paths(
    model: type[BaseModel], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every field path of ``model`` that redaction may replace (for tests and docs).

    Rows with a ``personal`` flag contribute their ``personal_fields``; list
    items are written as the list's name.
    """
    row_fields: tuple[str, ...] = getattr(model, "personal_fields", ())
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        if is_personal(model, name) or name in row_fields:
            yield path
            continue
        for sub in models_in(info.annotation):
            yield from personal_paths(sub, path)

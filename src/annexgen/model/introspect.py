"""Reading the models' own type annotations: which models a field can hold.

Error messages ("did you mean …"), redaction, template check and the web form
all walk the models by their annotations; ``Optional``, ``Annotated``, lists
and unions are peeled here, once.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

__all__ = ["models_in", "unwrap"]


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The Pydantic models a field can hold, through Optional, Annotated, list and unions."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin in (typing.Annotated, list, typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            args = args[:1]
        return [m for arg in args for m in models_in(arg)]
    return []


def unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, is_list) with Optional and Annotated removed; other unions → ``str``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return unwrap(args[0]) if len(args) == 1 else (str, False)
    if origin is list:
        inner, _ = unwrap(typing.get_args(annotation)[0])
        return inner, True
    return annotation, False

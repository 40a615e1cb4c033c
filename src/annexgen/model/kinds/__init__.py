"""The registry of annex kinds: the one list of what annexgen can make.

Loading (the ``kind:`` discriminator), rendering (template and body), template
check, extract, ``annexgen new`` and the web form read :data:`REGISTRY`; none of
them names a kind of its own. Adding a kind means writing its module (model and
:class:`~annexgen.model.kinds.base.Kind` record), its template and skeleton, and
adding it to the tuple below.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Union

from pydantic import Field

from annexgen.model.fields import AnnexBase
from annexgen.model.kinds import generic, project_announcement, project_description, table
from annexgen.model.kinds.base import Body, Kind

__all__ = ["KINDS", "REGISTRY", "Annex", "Body", "Kind", "get_kind", "kind_of"]

#: Every kind, in the order people see them (web form, ``annexgen new``).
REGISTRY: Final[dict[str, Kind]] = {
    kind.name: kind
    for kind in (project_description.KIND, generic.KIND, project_announcement.KIND, table.KIND)
}

#: The kind names, as written in YAML.
KINDS: Final[tuple[str, ...]] = tuple(REGISTRY)

#: Any annex: the models of the registry, told apart by ``kind``. Typed as ``Any``
#: for mypy (the union is built from the registry); code that holds one annex
#: uses :class:`~annexgen.model.fields.AnnexBase`.
Annex: Final[Any] = Annotated[
    Union[tuple(k.model for k in REGISTRY.values())],  # noqa: UP007 - built at run time
    Field(discriminator="kind"),
]


def get_kind(name: str) -> Kind:
    """The registry entry for ``name``; ``KeyError`` for an unknown kind."""
    return REGISTRY[name]


def kind_of(annex: AnnexBase) -> Kind:
    """The registry entry of an annex model."""
    return REGISTRY[annex.kind]

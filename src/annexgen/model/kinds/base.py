"""What the rest of annexgen needs to know about one kind of annex.

A kind is its model (the data), its phrasing (how the data becomes the body
of the document), its bundled template and YAML skeleton, its row labels and
its name for people. Loading, rendering, template check, extract, ``new`` and
the web form all read this record; none of them lists the kinds itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annexgen.model.fields import AnnexBase

__all__ = ["Body", "Kind"]

#: The kind's part of the template context: ``title``, and any of ``rows``,
#: ``paragraphs``, ``blocks``, ``disclaimer`` (see docs/templates.md).
Body = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of annex, as the registry (:mod:`annexgen.model.kinds`) lists it."""

    #: as written in YAML (``kind: project-description``)
    name: str
    #: the Pydantic model; its ``kind`` field is ``Literal[name]``
    model: type[AnnexBase]
    #: the kind's name for clerks (the web form): an English message id, marked ``N_()``
    #: and shown through the catalog (``gettext(kind.title)``)
    title: str
    #: phrases a validated annex of this kind as its part of the template context
    body: Callable[[Any], Body]
    #: row key → label as the seeds print it (only kinds with labelled rows)
    labels: Mapping[str, str] = field(default_factory=dict)
    #: strings of the body, beyond the shared keys, that the bundled template must
    #: print (the lost-text check of :func:`annexgen.word.context.expected_texts`)
    texts: Callable[[Body], Iterable[str]] | None = None

    @property
    def template(self) -> str:
        """File name of the bundled Word template (``templates/``)."""
        return f"{self.name}.docx"

    @property
    def skeleton(self) -> str:
        """File name of the commented YAML skeleton (``annexgen/skeletons/``)."""
        return f"{self.name}.yaml"

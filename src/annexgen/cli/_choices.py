"""A ``click.Choice`` whose choices are computed on first use.

``annexgen --help`` and ``annexgen words 19700`` must not pay for importing
the models, pydantic or docxtpl just to list choices that only matter when
one command parses its own options (issue 11: start-up). The choices come
from the one place that owns them (the registry of kinds, annexgen.lv).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property

import click

__all__ = ["LazyChoice"]


class LazyChoice(click.Choice):  # type: ignore[type-arg,unused-ignore]
    """Choices from ``load()``, called the first time click needs them."""

    def __init__(self, load: Callable[[], Sequence[str]], case_sensitive: bool = True) -> None:
        self._load = load
        self.case_sensitive = case_sensitive

    @cached_property
    def choices(self) -> Sequence[str]:  # type: ignore[override]
        return tuple(self._load())

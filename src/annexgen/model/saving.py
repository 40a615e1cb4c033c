"""Annex models → YAML text that :mod:`annexgen.model.loading` reads back to an equal model.

The public entry point is :func:`annexgen.model.loading.annex_to_yaml` (web form
downloads, scripts); :func:`dump_annex` adds the ``$schema`` comment line.

Why it exists: the web form and programs build annexes as models, and clerks
keep them as YAML files; both directions must agree, or a file saved by one
tool would mean something else when checked by another. The output follows
the same rules as hand-written files (reliability §2.6): no tags, anchors or
aliases; every value is written so that reading it back as a string gives the
same text (PyYAML quotes anything its resolver would type, e.g. ``NO``,
``0700``, ``12:30``); keys in model order; values equal to their default are
left out, so a saved file is as short as one a clerk would write.
"""

from __future__ import annotations

from typing import Any, Final

import yaml
from pydantic import BaseModel

__all__ = ["SCHEMA_COMMENT", "dump_annex", "dump_data"]

#: First line of saved files and examples: lets editors validate and complete them.
SCHEMA_COMMENT: Final = "# yaml-language-server: $schema=annexgen.schema.json\n"


#: Line width that never folds a paragraph: one line per value, as clerks write them.
_NO_FOLDING: Final = 1_000_000


class _Dumper(yaml.SafeDumper):
    """Safe dumper that never writes anchors, even for values that repeat."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text as a literal block (readable, like the examples) when YAML
    # can hold it exactly; the emitter falls back to a quoted scalar otherwise.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_annex(annex: BaseModel, *, schema_comment: bool = True) -> str:
    """YAML for ``annex`` (any annex model); ``load_annex_text`` of it equals ``annex``.

    Amounts are written as plain decimal text ("19700.00"), dates as ISO
    ("2013-12-05"), so the file is exact and unambiguous rather than pretty.
    """
    return (SCHEMA_COMMENT if schema_comment else "") + dump_data(
        annex.model_dump(mode="json", exclude_defaults=True)
    )


def dump_data(data: dict[str, Any]) -> str:
    """YAML for plain annex data (e.g. what ``annexgen extract`` read), written the same way."""
    if "kind" in data:  # the first thing a reader (and the schema) needs
        data = {"kind": data["kind"], **{k: v for k, v in data.items() if k != "kind"}}
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=_NO_FOLDING,
        default_flow_style=False,
    )

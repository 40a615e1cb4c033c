"""``annexgen schema`` — the JSON Schema of annex YAML files, for editors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annexgen.cli._language import ClerkCommand
from annexgen.i18n import N_


def schema_text() -> str:
    """The schema as committed in ``schema/annexgen.schema.json`` (stable formatting)."""
    from annexgen.model.loading import annex_json_schema  # noqa: PLC0415 - start-up

    return json.dumps(annex_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


HELP = N_(
    "Print the JSON Schema of annex YAML files.\n"
    "\n"
    "Point your editor at it for autocompletion and validation. With the YAML extension "
    "(yaml-language-server), save the schema next to your annexes and start each annex file "
    "with this line:\n"
    "\n"
    "\b\n"
    "# yaml-language-server: $schema=annexgen.schema.json\n"
    "\n"
    "\b\n"
    "Example:\n"
    "  annexgen schema -o annexgen.schema.json"
)


@click.command(cls=ClerkCommand, help=HELP)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Write to a file."),
)
def schema(output: Path | None) -> None:
    """The committed schema's exact text (stable formatting), to stdout or atomically to -o."""
    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        from annexgen.output import write_atomic  # noqa: PLC0415 - start-up: only when run

        write_atomic(output, text.encode("utf-8"))

"""The ``annexgen`` command line: a thin layer over the library.

Each command lives in its own module and only translates arguments into
library calls and results into output. Errors are translated in one place,
the group's handler (:class:`annexgen.cli._common.AnnexgenGroup`): one line
per problem on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import click

from annexgen.about import VERSION
from annexgen.cli import (
    batch,
    check,
    extract,
    lint,
    new,
    render,
    schema,
    serve,
    template,
    words,
)
from annexgen.cli._common import AnnexgenGroup


@click.group(cls=AnnexgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(VERSION, prog_name="annexgen")
def main() -> None:
    """Generate Latvian council decision annexes (Word/PDF) from YAML."""


main.add_command(batch.batch)
main.add_command(check.check)
main.add_command(extract.extract)
main.add_command(lint.lint)
main.add_command(new.new)
main.add_command(render.render)
main.add_command(schema.schema)
main.add_command(serve.serve)
main.add_command(template.template)
main.add_command(words.words)

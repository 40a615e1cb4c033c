"""The ``annexgen`` command line: a thin layer over the library.

Each command lives in its own module and only translates arguments into
library calls and results into output, in the clerk's language
(:mod:`annexgen.cli._language`). Errors are translated in one place,
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
from annexgen.cli._language import LANG_OPTION, speak_through_the_catalog
from annexgen.i18n import N_

speak_through_the_catalog()


@click.group(
    cls=AnnexgenGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("Generate Latvian council decision annexes (Word/PDF) from YAML."),
)
@click.version_option(VERSION, prog_name="annexgen")
@LANG_OPTION
def main() -> None:
    """The ``annexgen`` group; the commands are added below, each from its module."""


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

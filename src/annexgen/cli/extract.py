"""``annexgen extract`` — read an existing annex (.docx or .txt) back into YAML."""

from __future__ import annotations

from pathlib import Path

import click

from annexgen.cli._common import EXIT_OK
from annexgen.cli._language import ClerkCommand
from annexgen.errors import Location, OutputError
from annexgen.i18n import N_

HELP = N_(
    "Read an existing annex FILE (.docx or .txt) into annexgen YAML.\n"
    "\n"
    'Lines starting with "# CHECK:" say what could not be understood or looked wrong (for '
    "example an amount whose words disagree with its figure). An existing -o file is never "
    "overwritten without --force: it may be the YAML you have been correcting.\n"
    "\n"
    "\b\n"
    "Examples:\n"
    "  annexgen extract vecais-pielikums.docx -o pielikums.yaml\n"
    "  annexgen check pielikums.yaml"
)


@click.command(cls=ClerkCommand, help=HELP)
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Write the YAML here."),
)
@click.option("--force", is_flag=True, help=N_("Overwrite the -o file if it exists."))
def extract(file: Path, output: Path | None, force: bool) -> None:
    """The YAML to stdout, or atomically to -o; never over a file without --force."""
    from annexgen.output import write_atomic  # noqa: PLC0415 - start-up: only when run
    from annexgen.reading.extract import extract_yaml  # noqa: PLC0415

    if output is not None and output.exists() and not force:
        raise OutputError(code="output-exists-extract", location=Location(str(output)))
    text = extract_yaml(file)  # errors: one line each, exit code (annexgen.cli._common)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"{file} → {output}", err=True)
    raise SystemExit(EXIT_OK)

"""``annexgen extract`` — read an existing annex (.docx or .txt) back into YAML."""

from __future__ import annotations

from pathlib import Path

import click

from annexgen.cli._common import EXIT_INVALID, EXIT_OK
from annexgen.errors import AnnexgenError


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the YAML here."
)
def extract(file: Path, output: Path | None) -> None:
    """Read an existing annex FILE (.docx or .txt) into annexgen YAML.

    Lines starting with "# CHECK:" say what could not be understood or looked
    wrong (for example an amount whose words disagree with its figure).

    \b
    Examples:
      annexgen extract vecais-pielikums.docx -o pielikums.yaml
      annexgen check pielikums.yaml
    """
    from annexgen.output import write_atomic  # noqa: PLC0415 - start-up: only when run
    from annexgen.reading.extract import extract_yaml  # noqa: PLC0415

    try:
        text = extract_yaml(file)
    except AnnexgenError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(EXIT_INVALID) from err
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
    raise SystemExit(EXIT_OK)

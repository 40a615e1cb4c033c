"""``annexgen check`` — validate YAML annex files and print every finding."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from annexgen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    FORMAT_OPTION,
    count_errors,
    failing,
    files_phrase,
    print_findings,
)
from annexgen.cli._language import ClerkCommand
from annexgen.i18n import N_, gettext

if TYPE_CHECKING:
    from annexgen.errors import Finding


HELP = N_(
    "Check YAML annex FILES and print every problem, one per line.\n"
    "\n"
    "Each line reads file:line:column: field: severity: message [code]. Errors come first, "
    "warnings (funding that does not add up, no decision …) after.\n"
    "\n"
    "Exit code 0 when every file is valid, 1 when any file has an error (or, with --strict, "
    "a warning).\n"
    "\n"
    "\b\n"
    "Example:\n"
    "  annexgen check examples/*.yaml"
)


@click.command(cls=ClerkCommand, help=HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@FORMAT_OPTION
@click.option("--strict", is_flag=True, help=N_("Treat warnings as errors (exit 1)."))
def check(files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Every finding of every file, then one summary line on stderr (scripts read stdout)."""
    from annexgen.model.loading import check_file  # noqa: PLC0415 - start-up: only when run

    findings: list[Finding] = []
    bad_files = 0
    for path in files:
        found = check_file(path)
        findings += found
        bad_files += failing(found, strict=strict)
    print_findings(findings, fmt)
    if fmt == "text":
        summary = gettext("{files} checked: {valid} valid, {bad} with problems ({counts})")
        click.echo(
            summary.format(
                files=files_phrase(len(files)),
                valid=len(files) - bad_files,
                bad=bad_files,
                counts=count_errors(findings),
            ),
            err=True,
        )
    raise SystemExit(EXIT_INVALID if bad_files else EXIT_OK)

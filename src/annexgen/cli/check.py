"""``annexgen check`` — validate YAML annex files and print every finding."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from annexgen.cli._common import EXIT_INVALID, EXIT_OK, FORMAT_OPTION, failing, print_findings

if TYPE_CHECKING:
    from annexgen.errors import Finding


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@FORMAT_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
def check(files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Check YAML annex FILES and print every problem, one per line.

    Each line reads file:line:column: field: severity: message [code]. Errors
    come first, warnings (funding that does not add up, no decision …) after.

    Exit code 0 when every file is valid, 1 when any file has an error
    (or, with --strict, a warning).

    \b
    Example:
      annexgen check examples/*.yaml
    """
    from annexgen.model.loading import check_file  # noqa: PLC0415 - start-up: only when run

    findings: list[Finding] = []
    bad_files = 0
    for path in files:
        found = check_file(path)
        findings += found
        bad_files += failing(found, strict=strict)
    print_findings(findings, fmt)
    if fmt == "text":
        errors = sum(f.severity == "error" for f in findings)
        click.echo(
            f"{len(files)} file(s) checked: {len(files) - bad_files} valid, {bad_files} with "
            f"problems ({errors} error(s), {len(findings) - errors} warning(s))",
            err=True,
        )
    raise SystemExit(EXIT_INVALID if bad_files else EXIT_OK)

"""``annexgen lint`` — check existing annexes (.docx, .txt) without any YAML."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from annexgen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    FORMAT_OPTION,
    failing,
    print_findings,
    unreadable,
)
from annexgen.errors import DocumentError

if TYPE_CHECKING:
    from annexgen.errors import Finding


def _print_rules(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from annexgen.reading.lint import rules_text  # noqa: PLC0415 - start-up: only when asked

    click.echo(rules_text(), nl=False)
    ctx.exit(EXIT_OK)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@FORMAT_OPTION
@click.option("--strict", is_flag=True, help="Warnings (style) fail too (exit 1).")
@click.option(
    "--rules",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_rules,
    help="List the rules (code, severity, what it finds, its source) and exit.",
)
def lint(files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Check Word (.docx) and text (.txt) annexes for wrong amounts, dates and typography.

    Errors (words that disagree with figures, wrong agreement, wrong LVL→EUR
    rate, dates in the wrong case) are printed first; warnings about style
    (legacy spacing, decimal points, quotation marks) after them. Each line
    reads file:position: severity: message (suggest: correction) [rule]; see
    every rule with: annexgen lint --rules

    Exit code 0 when no file has an error (with --strict: no finding at all),
    1 otherwise; a file that cannot be read counts as failed.

    \b
    Example:
      annexgen lint old/*.docx notes.txt
    """
    from annexgen.reading.lint import lint_file  # noqa: PLC0415 - start-up: only when run

    findings: list[Finding] = []
    failed = 0
    unread = 0
    for path in files:
        try:
            found = lint_file(path)
        except DocumentError as err:
            found = [unreadable(err, str(path))]
            unread += 1
        findings += found
        failed += failing(found, strict=strict)
    print_findings(findings, fmt)
    if fmt == "text":
        errors = sum(f.severity == "error" for f in findings) - unread
        warnings = len(findings) - errors - unread
        click.echo(
            f"{len(files)} file(s) linted: {len(files) - failed} passed, {failed} failed "
            f"({errors} error(s), {warnings} warning(s), {unread} unreadable)",
            err=True,
        )
    raise SystemExit(EXIT_INVALID if failed else EXIT_OK)

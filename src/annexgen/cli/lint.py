"""``annexgen lint`` — check existing annexes (.docx, .txt) without any YAML."""

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
    unreadable,
)
from annexgen.cli._language import ClerkCommand
from annexgen.errors import DocumentError
from annexgen.i18n import N_, gettext

if TYPE_CHECKING:
    from annexgen.errors import Finding


def _print_rules(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from annexgen.reading.lint import rules_text  # noqa: PLC0415 - start-up: only when asked

    click.echo(rules_text(), nl=False)
    ctx.exit(EXIT_OK)


HELP = N_(
    "Check Word (.docx) and text (.txt) annexes for wrong amounts, dates and typography.\n"
    "\n"
    "Errors (words that disagree with figures, wrong agreement, wrong LVL→EUR rate, dates in "
    "the wrong case) are printed first; warnings about style (legacy spacing, decimal points, "
    "quotation marks) after them. Each line reads file:position: severity: message (suggest: "
    "correction) [rule]; see every rule with: annexgen lint --rules\n"
    "\n"
    "Exit code 0 when no file has an error (with --strict: no finding at all), 1 otherwise; a "
    "file that cannot be read counts as failed.\n"
    "\n"
    "\b\n"
    "Example:\n"
    "  annexgen lint old/*.docx notes.txt"
)


@click.command(cls=ClerkCommand, help=HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@FORMAT_OPTION
@click.option("--strict", is_flag=True, help=N_("Warnings (style) fail too (exit 1)."))
@click.option(
    "--rules",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_rules,
    help=N_("List the rules (code, severity, what it finds, its source) and exit."),
)
def lint(files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Every finding of every file; an unreadable file is a finding of its own and fails."""
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
        read = [f for f in findings if f.code != "unreadable-document"]
        summary = gettext(
            "{files} linted: {passed} passed, {failed} failed ({counts}, {unread} unreadable)"
        )
        click.echo(
            summary.format(
                files=files_phrase(len(files)),
                passed=len(files) - failed,
                failed=failed,
                counts=count_errors(read),
                unread=unread,
            ),
            err=True,
        )
    raise SystemExit(EXIT_INVALID if failed else EXIT_OK)

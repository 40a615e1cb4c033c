"""``annexgen lint`` — check existing annexes (.docx, .txt) without any YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annexgen.cli._common import EXIT_INVALID, EXIT_OK
from annexgen.errors import DocumentError

if TYPE_CHECKING:
    from annexgen.reading.lint import LintFinding


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object with every finding and unreadable file, for machines.",
)
@click.option("--strict", is_flag=True, help="Style findings fail too (exit 1).")
def lint(files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Check Word (.docx) and text (.txt) annexes for wrong amounts, dates and typography.

    Errors (words that disagree with figures, wrong agreement, wrong LVL→EUR
    rate, dates in the wrong case) are printed first; style findings (legacy
    spacing, decimal points, quotation marks) after them. Each line reads
    file:position: severity rule: message (suggest: correction). The rules
    are listed in docs/lint-rules.md.

    Exit code 0 when no file has an error (with --strict: no finding at all),
    1 otherwise; a file that cannot be read counts as failed.

    \b
    Example:
      annexgen lint old/*.docx notes.txt
    """
    from annexgen.reading.lint import lint_file  # noqa: PLC0415 - start-up: only when run

    findings: list[LintFinding] = []
    unreadable: list[DocumentError] = []
    failed: set[str] = set()
    for path in files:
        try:
            found = lint_file(path)
        except DocumentError as err:
            unreadable.append(err)
            failed.add(str(path))
            continue
        findings += found
        if any(f.severity == "error" or strict for f in found):
            failed.add(str(path))
    errors = [f for f in findings if f.severity == "error"]
    styles = [f for f in findings if f.severity == "style"]
    if fmt == "json":
        payload = {
            "files": len(files),
            "failed": sorted(failed),
            "unreadable": [{"file": e.file, "message": e.message} for e in unreadable],
            "errors": [f.as_dict() for f in errors],
            "style": [f.as_dict() for f in styles],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for problem in unreadable:
            click.echo(f"{problem.file}: error unreadable: {problem.message}")
        for f in errors:
            click.echo(str(f))
        if styles:
            if errors or unreadable:
                click.echo("")
            for f in styles:
                click.echo(str(f))
        click.echo(
            f"{len(files)} file(s) linted: {len(files) - len(failed)} passed, "
            f"{len(failed)} failed ({len(errors)} error(s), {len(styles)} style finding(s), "
            f"{len(unreadable)} unreadable)",
            err=True,
        )
    raise SystemExit(EXIT_INVALID if failed else EXIT_OK)

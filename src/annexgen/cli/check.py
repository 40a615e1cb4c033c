"""``annexgen check`` — validate YAML annex files and print every problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annexgen.cli._common import EXIT_INVALID, EXIT_OK

if TYPE_CHECKING:
    from annexgen.errors import Problem


def _as_dict(p: Problem) -> dict[str, object]:
    loc = p.location
    return {
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "field": loc.field,
        "severity": p.severity,
        "message": p.message,
    }


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object per problem, for editors and CI.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
def check(files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Check YAML annex FILES; print every problem as file:line:column: field: message.

    Exit code 0 when every file is valid, 1 when any file has an error
    (or, with --strict, a warning).

    \b
    Example:
      annexgen check examples/*.yaml
    """
    from annexgen.model.loading import check_file  # noqa: PLC0415 - start-up: only when run

    all_problems: list[Problem] = []
    bad_files = 0
    for path in files:
        problems = check_file(path)
        all_problems += problems
        failing = [p for p in problems if p.severity == "error" or strict]
        bad_files += bool(failing)
        if fmt == "text":
            for p in problems:
                prefix = "" if p.severity == "error" else "warning: "
                where = str(p.location)
                click.echo(f"{where}: {prefix}{p.message}")
    errors = sum(p.severity == "error" for p in all_problems)
    warnings = len(all_problems) - errors
    if fmt == "json":
        click.echo(json.dumps([_as_dict(p) for p in all_problems], ensure_ascii=False, indent=2))
    else:
        click.echo(
            f"{len(files)} file(s) checked: {len(files) - bad_files} valid, {bad_files} with "
            f"problems ({errors} error(s), {warnings} warning(s))",
            err=True,
        )
    raise SystemExit(EXIT_INVALID if bad_files else EXIT_OK)

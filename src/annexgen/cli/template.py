"""``annexgen template`` — work with Word templates."""

from __future__ import annotations

from pathlib import Path

import click

from annexgen.cli._common import EXIT_INVALID, EXIT_OK


@click.group()
def template() -> None:
    """Check Word templates before using them with --template."""


@template.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def check(files: tuple[Path, ...]) -> None:
    """Check .docx templates: Jinja syntax, unknown variables, split tags, a trial render.

    \b
    Example:
      annexgen template check my-template.docx
    """
    from annexgen.word.template_check import check_template  # noqa: PLC0415 - start-up

    failed = False
    for path in files:
        for problem in check_template(path):
            prefix = "" if problem.severity == "error" else "warning: "
            click.echo(f"{problem.location}: {prefix}{problem.message}")
            failed = failed or problem.severity == "error"
    raise SystemExit(EXIT_INVALID if failed else EXIT_OK)

"""``annexgen template`` — work with Word templates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from annexgen.cli._common import EXIT_INVALID, EXIT_OK, FORMAT_OPTION, failing, print_findings
from annexgen.cli._language import ClerkCommand, ClerkGroup
from annexgen.i18n import N_

if TYPE_CHECKING:
    from annexgen.errors import Finding


@click.group(cls=ClerkGroup, help=N_("Check Word templates before using them with --template."))
def template() -> None:
    """The group of template commands."""


CHECK_HELP = N_(
    "Check .docx templates: Jinja syntax, unknown variables, split tags, a trial render.\n"
    "\n"
    "Each line reads file: place: severity: message [code]. Exit code 0 when no template has "
    "an error (with --strict: no finding at all), 1 otherwise.\n"
    "\n"
    "\b\n"
    "Example:\n"
    "  annexgen template check my-template.docx"
)


@template.command("check", cls=ClerkCommand, help=CHECK_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@FORMAT_OPTION
@click.option("--strict", is_flag=True, help=N_("Warnings (split tags) fail too (exit 1)."))
def check(files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Every finding of every template; a template with an error fails the run."""
    from annexgen.word.template_check import check_template  # noqa: PLC0415 - start-up

    findings: list[Finding] = []
    failed = False
    for path in files:
        found = check_template(path)
        findings += found
        failed = failed or failing(found, strict=strict)
    print_findings(findings, fmt)
    raise SystemExit(EXIT_INVALID if failed else EXIT_OK)

"""What every command shares: exit codes, the one error handler, printing findings.

Exit codes are part of the contract for batch jobs:

* 0 — everything asked for was done and is valid;
* 1 — the input (data, template, document) has errors; they were all printed;
* 2 — the command line itself was wrong (click's usage errors);
* 3 — an environment problem: missing LibreOffice, an output that cannot be
  written (no such folder, no permission, a file that exists without --force);
* 130 — interrupted (Ctrl+C); finished files are kept, no partial file is left.

The handler is the ``invoke`` of the ``annexgen`` group, so it wraps every
command, present and future: an :class:`~annexgen.errors.AnnexgenError` or an
``OSError`` becomes one ``error: …`` line per problem on stderr and its exit
code — never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, Final

import click

from annexgen.cli._language import ClerkGroup
from annexgen.errors import (
    AnnexgenError,
    ConversionError,
    DataError,
    Finding,
    Location,
    OutputError,
)
from annexgen.i18n import N_, gettext, ngettext
from annexgen.messages import format_param, os_reason

__all__ = [
    "EXIT_ENVIRONMENT",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "FORMAT_OPTION",
    "AnnexgenGroup",
    "count_errors",
    "error_lines",
    "exit_code",
    "failing",
    "finding_line",
    "print_findings",
    "severity_word",
    "unreadable",
]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
EXIT_ENVIRONMENT: Final = 3
EXIT_INTERRUPTED: Final = 130


def pdf_options(command: Any) -> Any:
    """The PDF options ``render`` and ``batch`` share, declared once (both reach the
    same office pool and the same export options)."""
    options = [
        click.option(
            "--pdf", is_flag=True, help=N_("Also make a PDF of every .docx (needs LibreOffice).")
        ),
        click.option("--pdf-a", is_flag=True, help=N_("Make the PDFs as PDF/A-2b, for archives.")),
        click.option(
            "--pdf-ua",
            is_flag=True,
            help=N_(
                "Make the PDFs as PDF/UA-1, for publishing "
                "(all PDFs are tagged; combines with --pdf-a)."
            ),
        ),
        click.option(
            "--office-workers",
            type=click.IntRange(min=1),
            help=N_("LibreOffice processes converting in parallel (default: one per core)."),
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def files_phrase(count: int) -> str:
    """ "1 file", "3 files" — "1 fails", "3 faili" — for the commands' summaries."""
    return ngettext("{count} file", "{count} files", count).format(count=count)


def exit_code(err: BaseException) -> int:
    """The exit code an error ends a command with (see the module docstring)."""
    if isinstance(err, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(err, ConversionError | OutputError | OSError):
        return EXIT_ENVIRONMENT
    return EXIT_INVALID


def error_lines(err: BaseException) -> list[str]:
    """The error as the lines a person reads: one per problem, no traceback."""
    if isinstance(err, DataError):
        return [finding_line(f) for f in err.findings]
    if isinstance(err, AnnexgenError):
        return [gettext("error: {message}").format(message=err)]
    if isinstance(err, OSError):
        where = f"{err.filename}: " if err.filename else ""
        return [gettext("error: {message}").format(message=where + format_param(os_reason(err)))]
    return [gettext("interrupted")]


class AnnexgenGroup(ClerkGroup):
    """The ``annexgen`` group: runs a command and maps what it raises to an exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's own main, except that Ctrl-C is 130 wherever it lands.

        click turns a ``KeyboardInterrupt`` outside the command (while the
        arguments are parsed, or before the command's first line) into
        "Aborted!" and exit code 1 — the code of invalid input; a batch job
        must be able to tell an interrupted run from a failed one.
        """
        if kwargs.get("standalone_mode", True) is False:
            return super().main(*args, **kwargs)
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Abort:
            click.echo(gettext("interrupted"), err=True)
            sys.exit(EXIT_INTERRUPTED)
        except click.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        # without standalone mode click hands back ``ctx.exit(n)`` as ``n`` (and a
        # finished command's return value, which is None here): exit with it
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (AnnexgenError, OSError, KeyboardInterrupt) as err:
            for line in error_lines(err):
                click.echo(line, err=True)
            ctx.exit(exit_code(err))


FORMAT_OPTION: Final = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_(
        "json: a list of findings (code, severity, file, line, column, place, field, "
        "message, suggestion, excerpt, params), for editors and CI."
    ),
)

#: how a finding's severity is written in a line (``--format json`` keeps the code word)
_SEVERITY_WORDS: Final = {"error": N_("error"), "warning": N_("warning")}


def severity_word(severity: str) -> str:
    """``error`` / ``warning`` in the current language (``kļūda`` / ``brīdinājums``)."""
    return gettext(_SEVERITY_WORDS[severity])


def finding_line(f: Finding) -> str:
    """One finding as one line, the same in check, lint and template check.

    ``file:line:column: place: field: severity: message (suggestion) [code]`` —
    the compiler convention editors jump to; the code is the key to look up
    (``annexgen lint --rules``) and to filter on.
    """
    where = str(f.location)
    head = f"{where}: " if where else ""
    return f"{head}{severity_word(f.severity)}: {f.text} [{f.code}]"


def print_findings(findings: Iterable[Finding], fmt: str) -> None:
    """Findings to stdout: errors first, then warnings after a blank line; or JSON."""
    found = list(findings)
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=2))
        return
    errors = [f for f in found if f.severity == "error"]
    warnings = [f for f in found if f.severity != "error"]
    for f in errors:
        click.echo(finding_line(f))
    if errors and warnings:
        click.echo("")
    for f in warnings:
        click.echo(finding_line(f))


def count_errors(findings: Iterable[Finding]) -> str:
    """``3 errors, 1 warning`` (``3 kļūdas, 1 brīdinājums``): the close of a summary."""
    found = list(findings)
    errors = sum(f.severity == "error" for f in found)
    warnings = len(found) - errors
    return gettext("{errors}, {warnings}").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )


def failing(findings: Iterable[Finding], *, strict: bool) -> bool:
    """Whether findings fail a file: any error, or with ``--strict`` any finding."""
    return any(f.severity == "error" or strict for f in findings)


def unreadable(err: AnnexgenError, file: str) -> Finding:
    """A document that cannot be read, as a finding of its file (lint, template check)."""
    return Finding("unreadable-document", location=Location(file), params={"reason": err.reason})

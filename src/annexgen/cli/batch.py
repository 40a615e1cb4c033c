"""``annexgen batch`` — render a folder of YAML annexes into a folder of Word files."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

import click

from annexgen.cli._common import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, pdf_options
from annexgen.cli._language import ClerkCommand
from annexgen.i18n import N_, get_language, gettext

if TYPE_CHECKING:
    from annexgen.jobs.batch import BatchReport, ItemResult

#: what happened to a file, as a line says it (the status itself is the report's word)
_STATUS: Final = {
    "rendered": N_("rendered"),
    "skipped": N_("skipped"),
    "failed": N_("failed"),
    "would render": N_("would render"),
}


def _status(status: str) -> str:
    """The status word, padded so that the file names line up (a dry run's longer word
    just pushes its own line)."""
    width = max(len(gettext(_STATUS[word])) for word in ("rendered", "skipped", "failed")) + 1
    return f"{gettext(_STATUS.get(status, status)):<{width}}"


def _line(result: ItemResult, out_dir: Path) -> str:
    """``rendered  a/b.yaml → out/a/b.docx``: what happened, the input, where its .docx is."""
    line = f"{_status(result.status)} {result.relative}"
    if result.output:
        line += f" → {out_dir.joinpath(*result.output.split('/'))}"
    return line


def _plain_progress(out_dir: Path) -> Callable[[ItemResult], None]:
    """One line per file on stdout (failures with their reasons on stderr)."""

    def show(result: ItemResult) -> None:
        if result.status == "failed":
            click.echo(f"{_status('failed')} {result.relative}\n{result.message}", err=True)
        else:
            click.echo(_line(result, out_dir))

    return show


def _summary(report: BatchReport, *, rich_output: bool) -> None:
    rows = [
        (gettext("rendered"), report.count("rendered")),
        (gettext("skipped (unchanged)"), report.count("skipped")),
        (gettext("failed"), report.count("failed")),
    ]
    if report.count("would render"):
        rows.insert(0, (gettext("would render (dry run)"), report.count("would render")))
    if report.pdf_count:
        rows.append((gettext("PDF files"), report.pdf_count))
    seconds = f"{report.seconds:.2f}"
    if get_language() == "lv":
        seconds = seconds.replace(".", ",")  # document-rules §2.1: a decimal comma
    if rich_output:
        from rich.console import Console  # noqa: PLC0415 - only on a terminal
        from rich.table import Table  # noqa: PLC0415

        table = Table(title=gettext("annexgen batch — {seconds} s").format(seconds=seconds))
        table.add_column(gettext("result"))
        table.add_column(gettext("files"), justify="right")
        for name, count in rows:
            table.add_row(name, str(count))
        Console(stderr=True).print(table)
    else:
        parts = ", ".join(f"{name}: {count}" for name, count in rows)
        summary = gettext("summary: {parts} in {seconds} s")
        click.echo(summary.format(parts=parts, seconds=seconds), err=True)


HELP = N_(
    "Render every YAML annex under IN_DIR into the folder given with -o.\n"
    "\n"
    "Only changed files are rendered again (a manifest in that folder remembers what was made "
    "from what); a bad file is reported and the rest still render. Each line says what "
    "happened to a file and where its .docx is. Exit code 0 when everything is fine, 1 when "
    "any file failed, 3 when LibreOffice is needed but missing, 130 when interrupted.\n"
    "\n"
    "\b\n"
    "Examples:\n"
    "  annexgen batch examples -o out\n"
    "  annexgen batch lemumi/ -o publicesanai/ --public --pdf"
)


@click.command(cls=ClerkCommand, help=HELP)
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help=N_(
        "Folder the .docx files go to (created if missing); the folder structure of IN_DIR is kept."
    ),
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help=N_("Parallel workers (default: all cores).")
)
@click.option("--force", is_flag=True, help=N_("Render everything, even unchanged files."))
@click.option("--dry-run", is_flag=True, help=N_("Check the files and say what would be rendered."))
@pdf_options
@click.option("--public", is_flag=True, help=N_("Publication versions: personal data replaced."))
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=N_("Your own .docx template instead of the bundled ones."),
)
def batch(
    in_dir: Path,
    out_dir: Path,
    jobs: int | None,
    pdf: bool,
    pdf_a: bool,
    pdf_ua: bool,
    office_workers: int | None,
    force: bool,
    dry_run: bool,
    public: bool,
    template: Path | None,
) -> None:
    """A progress bar on a terminal, one line per file otherwise (CI logs, pipes)."""
    from annexgen.jobs.batch import run_batch  # noqa: PLC0415 - start-up: only when run

    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    # errors that stop the whole batch go to the one handler (annexgen.cli._common)
    if interactive:
        from rich.markup import escape  # noqa: PLC0415 - only on a terminal
        from rich.progress import Progress  # noqa: PLC0415

        with Progress(transient=True) as bar:
            task = bar.add_task(gettext("rendering"), total=None)

            def advance(result: ItemResult) -> None:
                bar.advance(task)
                if result.status == "failed":
                    failed = escape(gettext("failed"))
                    bar.console.print(f"[red]{failed}[/red] {escape(result.message)}")
                elif result.status != "skipped":
                    line = _line(result, out_dir)
                    bar.console.print(escape(line), highlight=False)

            report = run_batch(
                in_dir, out_dir, jobs=jobs, force=force, dry_run=dry_run, public=public,
                pdf=pdf, pdf_a=pdf_a, pdf_ua=pdf_ua, template=template, progress=advance,
                office_workers=office_workers,
            )  # fmt: skip
    else:
        report = run_batch(
            in_dir, out_dir, jobs=jobs, force=force, dry_run=dry_run, public=public,
            pdf=pdf, pdf_a=pdf_a, pdf_ua=pdf_ua, template=template,
            progress=_plain_progress(out_dir), office_workers=office_workers,
        )  # fmt: skip
    _summary(report, rich_output=interactive)
    if report.interrupted:
        click.echo(
            gettext("interrupted: finished files are kept, no partial file was left"), err=True
        )
        raise SystemExit(EXIT_INTERRUPTED)
    raise SystemExit(EXIT_OK if report.ok else EXIT_INVALID)

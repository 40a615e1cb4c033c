"""``annexgen batch`` — render a folder of YAML annexes into a folder of Word files."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annexgen.cli._common import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK

if TYPE_CHECKING:
    from annexgen.jobs.batch import BatchReport, ItemResult


def _line(result: ItemResult, out_dir: Path) -> str:
    """``rendered  a/b.yaml → out/a/b.docx``: what happened, the input, where its .docx is."""
    line = f"{result.status:<9} {result.relative}"
    if result.output:
        line += f" → {out_dir.joinpath(*result.output.split('/'))}"
    return line


def _plain_progress(out_dir: Path) -> Callable[[ItemResult], None]:
    """One line per file on stdout (failures with their reasons on stderr)."""

    def show(result: ItemResult) -> None:
        if result.status == "failed":
            click.echo(f"failed    {result.relative}\n{result.message}", err=True)
        else:
            click.echo(_line(result, out_dir))

    return show


def _summary(report: BatchReport, *, rich_output: bool) -> None:
    rows = [
        ("rendered", report.count("rendered")),
        ("skipped (unchanged)", report.count("skipped")),
        ("failed", report.count("failed")),
    ]
    if report.count("would render"):
        rows.insert(0, ("would render (dry run)", report.count("would render")))
    if report.pdf_count:
        rows.append(("PDF files", report.pdf_count))
    if rich_output:
        from rich.console import Console  # noqa: PLC0415 - only on a terminal
        from rich.table import Table  # noqa: PLC0415

        table = Table(title=f"annexgen batch — {report.seconds:.2f} s")
        table.add_column("result")
        table.add_column("files", justify="right")
        for name, count in rows:
            table.add_row(name, str(count))
        Console(stderr=True).print(table)
    else:
        parts = ", ".join(f"{name}: {count}" for name, count in rows)
        click.echo(f"summary: {parts} in {report.seconds:.2f} s", err=True)


@click.command()
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the .docx files go to (created if missing); the folder structure of "
    "IN_DIR is kept.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Parallel workers (default: all cores)."
)
@click.option(
    "--pdf", is_flag=True, help="Also make PDFs (LibreOffice started once, kept for the batch)."
)
@click.option("--pdf-a", is_flag=True, help="Make the PDFs as PDF/A-2b, for archives.")
@click.option(
    "--pdf-ua",
    is_flag=True,
    help="Make the PDFs as PDF/UA-1, for publishing (all PDFs are tagged; combines with --pdf-a).",
)
@click.option(
    "--office-workers",
    type=click.IntRange(min=1),
    help="LibreOffice processes converting in parallel (default: one per core).",
)
@click.option("--force", is_flag=True, help="Render everything, even unchanged files.")
@click.option("--dry-run", is_flag=True, help="Check the files and say what would be rendered.")
@click.option("--public", is_flag=True, help="Publication versions: personal data replaced.")
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your own .docx template instead of the bundled ones.",
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
    """Render every YAML annex under IN_DIR into the folder given with -o.

    Only changed files are rendered again (a manifest in that folder remembers
    what was made from what); a bad file is reported and the rest still render.
    Each line says what happened to a file and where its .docx is.
    Exit code 0 when everything is fine, 1 when any file failed, 3 when
    LibreOffice is needed but missing, 130 when interrupted.

    \b
    Examples:
      annexgen batch examples -o out
      annexgen batch lemumi/ -o publicesanai/ --public --pdf
    """
    from annexgen.jobs.batch import run_batch  # noqa: PLC0415 - start-up: only when run

    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    # errors that stop the whole batch go to the one handler (annexgen.cli._common)
    if interactive:
        from rich.markup import escape  # noqa: PLC0415 - only on a terminal
        from rich.progress import Progress  # noqa: PLC0415

        with Progress(transient=True) as bar:
            task = bar.add_task("rendering", total=None)

            def advance(result: ItemResult) -> None:
                bar.advance(task)
                if result.status == "failed":
                    bar.console.print(f"[red]failed[/red] {escape(result.message)}")
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
        click.echo("interrupted: finished files are kept, no partial file was left", err=True)
        raise SystemExit(EXIT_INTERRUPTED)
    raise SystemExit(EXIT_OK if report.ok else EXIT_INVALID)

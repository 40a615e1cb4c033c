"""``annexgen render`` — YAML annex files to Word (and PDF)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annexgen.cli._common import EXIT_OK, error_lines, exit_code, pdf_options
from annexgen.cli._language import ClerkCommand
from annexgen.errors import AnnexgenError, ConversionError
from annexgen.i18n import N_, gettext

if TYPE_CHECKING:
    from annexgen.word.office import OfficePool

HELP = N_(
    "Render YAML annex FILES to Word documents.\n"
    "\n"
    "Every file is rendered even if an earlier one fails; the exit code is 1 when any input "
    "was invalid and 3 when output or PDF conversion failed. An existing output is never left "
    "half-written. With --pdf, LibreOffice is started once and kept for all FILES, which are "
    "converted in parallel.\n"
    "\n"
    "\b\n"
    "Examples:\n"
    "  annexgen render examples/*.yaml --out-dir out\n"
    "  annexgen render annex.yaml -o out/annex.docx --pdf\n"
    "  annexgen render annex.yaml --public --template my-template.docx"
)


@click.command(cls=ClerkCommand, help=HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Output .docx (only with one FILE); default: FILE with .docx."),
)
@click.option(
    "-d",
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Write FILE.docx for every FILE into this folder (created if missing)."),
)
@pdf_options
@click.option(
    "--public",
    is_flag=True,
    help=N_("Publication version: personal data replaced (default output FILE.public.docx)."),
)
@click.option(
    "--e-signed/--no-e-signed",
    default=None,
    help=N_(
        "Signed with a secure e-signature: no signature gap, adds the e-signature sentence "
        "(overrides e_signed in the YAML)."
    ),
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=N_("Your own .docx template instead of the bundled one."),
)
def render(
    files: tuple[Path, ...],
    output: Path | None,
    out_dir: Path | None,
    pdf: bool,
    pdf_a: bool,
    pdf_ua: bool,
    office_workers: int | None,
    public: bool,
    e_signed: bool | None,
    template: Path | None,
) -> None:
    """One bad file does not stop the others; the worst exit code wins."""
    if output is not None and len(files) > 1:
        raise click.UsageError(gettext("-o/--output needs exactly one FILE"))
    if output is not None and out_dir is not None:
        raise click.UsageError(gettext("give -o/--output or -d/--out-dir, not both"))
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    from annexgen.word.office import OfficePool, default_workers  # noqa: PLC0415

    want_pdf = pdf or pdf_a or pdf_ua

    def one(path: Path, pool: OfficePool | None) -> tuple[int, list[str], list[str]]:
        """Exit code, stdout lines and stderr lines for one file."""
        target = output
        if out_dir is not None:
            target = out_dir / default_output(Path(path.name), public=public)
        try:
            written = render_file(
                path, target, template=template, public=public, pdf=pdf, pdf_a=pdf_a,
                pdf_ua=pdf_ua, e_signed=e_signed, pool=pool,
            )  # fmt: skip
        except (AnnexgenError, OSError) as err:  # report, go on with the next file
            return exit_code(err), [], error_lines(err)
        lines = [str(written)] + ([str(written.with_suffix(".pdf"))] if want_pdf else [])
        return EXIT_OK, lines, []

    def results(pool: OfficePool | None) -> Iterator[tuple[int, list[str], list[str]]]:
        if pool is None or len(files) == 1:
            yield from (one(path, pool) for path in files)
            return
        # one thread per office; the messages still come out in the order of FILES
        from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

        with ThreadPoolExecutor(pool.workers) as threads:
            yield from threads.map(lambda path: one(path, pool), files)

    code = EXIT_OK
    with OfficePool(min(office_workers or default_workers(), len(files)), warm=True) as pool:
        if want_pdf:
            # LibreOffice starts (and warms up) while Python loads the renderer
            with contextlib.suppress(ConversionError):  # not installed: each file says so
                pool.start()
        from annexgen.jobs.single import default_output, render_file  # noqa: PLC0415 - start-up

        for status, lines, errors in results(pool if want_pdf else None):
            for line in errors:
                click.echo(line, err=True)
            for line in lines:
                click.echo(line)
            code = max(code, status)
    raise SystemExit(code)

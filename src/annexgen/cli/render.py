"""``annexgen render`` — YAML annex files to Word (and PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from annexgen.cli._common import EXIT_OK, error_lines, exit_code
from annexgen.cli._language import ClerkCommand
from annexgen.errors import AnnexgenError
from annexgen.i18n import N_, gettext

HELP = N_(
    "Render YAML annex FILES to Word documents.\n"
    "\n"
    "Every file is rendered even if an earlier one fails; the exit code is 1 when any input "
    "was invalid and 3 when output or PDF conversion failed. An existing output is never left "
    "half-written.\n"
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
@click.option(
    "--pdf", is_flag=True, help=N_("Also write a PDF next to the .docx (needs LibreOffice).")
)
@click.option("--pdf-a", is_flag=True, help=N_("Write the PDF as PDF/A-2b, for archives."))
@click.option(
    "--pdf-ua",
    is_flag=True,
    help=N_(
        "Write the PDF as PDF/UA-1, for publishing (every PDF is tagged; combines with --pdf-a)."
    ),
)
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
    public: bool,
    e_signed: bool | None,
    template: Path | None,
) -> None:
    """One bad file does not stop the others; the worst exit code wins."""
    from annexgen.jobs.single import default_output, render_file  # noqa: PLC0415 - start-up

    if output is not None and len(files) > 1:
        raise click.UsageError(gettext("-o/--output needs exactly one FILE"))
    if output is not None and out_dir is not None:
        raise click.UsageError(gettext("give -o/--output or -d/--out-dir, not both"))
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    code = EXIT_OK
    for path in files:
        target = output
        if out_dir is not None:
            target = out_dir / default_output(Path(path.name), public=public)
        try:
            written = render_file(
                path,
                target,
                template=template,
                public=public,
                pdf=pdf,
                pdf_a=pdf_a,
                pdf_ua=pdf_ua,
                e_signed=e_signed,
            )
        except (AnnexgenError, OSError) as err:  # report, go on with the next file
            for line in error_lines(err):
                click.echo(line, err=True)
            code = max(code, exit_code(err))
            continue
        click.echo(str(written))
        if pdf or pdf_a or pdf_ua:
            click.echo(str(written.with_suffix(".pdf")))
    raise SystemExit(code)

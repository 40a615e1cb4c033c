"""One YAML file in, its .docx (and PDF) out: what ``annexgen render`` does per file."""

from __future__ import annotations

from pathlib import Path

from annexgen.model.loading import load_annex
from annexgen.output import write_atomic
from annexgen.word.office import OfficePool
from annexgen.word.pdf import docx_to_pdf
from annexgen.word.render import render

__all__ = ["default_output", "render_file"]


def default_output(yaml_path: Path, *, public: bool = False) -> Path:
    """``annex.yaml`` → ``annex.docx`` (``annex.public.docx`` for the published version)."""
    return yaml_path.with_suffix(".public.docx" if public else ".docx")


def render_file(
    yaml_path: str | Path,
    out_path: str | Path | None = None,
    *,
    template: str | Path | None = None,
    public: bool = False,
    pdf: bool = False,
    pdf_a: bool = False,
    pdf_ua: bool = False,
    e_signed: bool | None = None,
    pool: OfficePool | None = None,
) -> Path:
    """Load a YAML annex, render it, write the .docx (and .pdf) atomically.

    Returns the path of the .docx. Raises :class:`~annexgen.errors.DataError`
    for bad YAML (nothing is written), :class:`~annexgen.errors.TemplateError`
    or :class:`~annexgen.errors.RenderError` for template problems,
    :class:`~annexgen.errors.ConversionError` when a PDF was asked for and
    LibreOffice is missing or fails (the .docx is then written). ``pdf_a`` and
    ``pdf_ua`` (PDF/A-2b, PDF/UA-1; both at once is fine) imply ``pdf``; every
    PDF is tagged. ``e_signed`` overrides the YAML's ``e_signed`` when given.
    The PDF is made in ``pool`` (default: the process-wide pool of persistent
    offices).
    """
    source = Path(yaml_path)
    annex = load_annex(source)
    if e_signed is not None:  # the command line overrides the YAML
        annex = annex.model_copy(update={"e_signed": e_signed})
    target = Path(out_path) if out_path is not None else default_output(source, public=public)
    data = render(annex, template, public=public)
    write_atomic(target, data)
    if pdf or pdf_a or pdf_ua:
        pdf_data = docx_to_pdf(data, pdf_a=pdf_a, pdf_ua=pdf_ua, pool=pool, name=str(source))
        write_atomic(target.with_suffix(".pdf"), pdf_data)
    return target

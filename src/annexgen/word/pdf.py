"""PDF through a real, headless LibreOffice — the persistent offices of :mod:`.office`.

LibreOffice is optional: annexgen makes Word files without it, and only
``--pdf`` needs it. Every PDF is written into a private folder first and moved
into place only once LibreOffice has finished and the file is checked to be a
PDF (reliability §2.13: LibreOffice has been known to report success without
writing anything), so an old PDF never passes for a new one and a failure never
leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from annexgen.errors import ConversionError, Location
from annexgen.messages import Phrase
from annexgen.word.office import INSTALL_HINT, OfficePool, find_soffice, shared_pool

__all__ = ["INSTALL_HINT", "convert_to_pdf", "docx_to_pdf", "export_options", "find_soffice"]


def export_options(*, pdf_a: bool = False, pdf_ua: bool = False) -> dict[str, bool | int]:
    """The filter data of LibreOffice's PDF export (``writer_pdf_Export``) — the one
    place that says how annexgen's PDFs are made, whatever drives LibreOffice.

    Every PDF is tagged (structure tree, ``/Lang`` from the document language,
    title from the document properties): councils publish annexes on their
    websites, which must be accessible (document-rules §3.2, MK 445/2020,
    EN 301 549). ``pdf_a``: PDF/A-2b for archives; ``pdf_ua``: PDF/UA-1 (LibreOffice
    then also checks its accessibility rules and writes the ``pdfuaid`` mark).
    LibreOffice 7.4 makes both at once: PDF/A-2b metadata *and* the PDF/UA-1 mark.
    Fonts are always embedded (LibreOffice embeds the subsets it uses).
    """
    options: dict[str, bool | int] = {"UseTaggedPDF": True}
    if pdf_a:
        options["SelectPdfVersion"] = 2
    if pdf_ua:
        options["PDFUACompliance"] = True
    return options


def convert_to_pdf(
    sources: Sequence[Path],
    out_dir: Path,
    *,
    timeout: float | None = None,
    pdf_a: bool = False,
    pdf_ua: bool = False,
    pool: OfficePool | None = None,
) -> list[Path]:
    """Convert .docx files to ``out_dir/STEM.pdf``, in parallel in the pool's offices.

    Returns the PDF paths in the order of ``sources``; raises
    :class:`ConversionError` naming every file that produced no PDF (the
    others are still written). Two sources with the same name would produce one
    PDF and are refused. Without ``pool``, a pool is made for the call, with as
    many offices as there are files and cores, and closed again.
    """
    names: dict[str, Path] = {}
    for source in sources:
        stem = Path(source).stem
        if stem in names:
            raise ConversionError(
                code="pdf-name-clash",
                params={"name": f"{stem}.pdf", "first": str(names[stem]), "second": str(source)},
                location=Location(str(source)),
            )
        names[stem] = Path(source)
    own = pool is None
    if pool is None:
        pool = OfficePool(max(1, min(len(sources), os.cpu_count() or 1)))
    try:
        pool.check()
        if not sources:
            return []
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".annexgen-pdf-", dir=out_dir) as private:
            jobs = [(Path(s), Path(private) / f"{n:06d}.pdf") for n, s in enumerate(sources)]
            failures = []
            pdfs = [out_dir / f"{Path(s).stem}.pdf" for s in sources]
            names_given = [str(s) for s in sources]
            results = pool.convert_many(
                jobs,
                filter_data=export_options(pdf_a=pdf_a, pdf_ua=pdf_ua),
                names=names_given,
                timeout=timeout,
            )
            for index, error in results:
                if error is None:
                    os.replace(jobs[index][1], pdfs[index])  # same file system: a rename
                else:
                    failures.append(error)
            if failures:
                reasons: list[Phrase | str] = [
                    Phrase(e.code, e.params) if e.code else e.message for e in failures
                ]
                raise ConversionError(
                    code="conversion-failures",
                    params={"failures": reasons},
                    location=failures[0].location,
                )
    finally:
        if own:
            pool.close()
    return pdfs


def docx_to_pdf(
    data: bytes,
    *,
    pdf_a: bool = False,
    pdf_ua: bool = False,
    timeout: float | None = None,
    pool: OfficePool | None = None,
    name: str = "annex.docx",
) -> bytes:
    """The PDF of one in-memory .docx (the library API, ``render_file`` and the web form).

    Without ``pool`` the process-wide :func:`~annexgen.word.office.shared_pool`
    is used, so a program that makes many PDFs one by one pays for starting
    LibreOffice once.
    """
    pool = pool or shared_pool()
    pool.check()
    with tempfile.TemporaryDirectory(prefix="annexgen-pdf-") as tmp:
        source = Path(tmp) / "annex.docx"
        source.write_bytes(data)
        target = Path(tmp) / "annex.pdf"
        pool.convert(
            source,
            target,
            filter_data=export_options(pdf_a=pdf_a, pdf_ua=pdf_ua),
            name=name,
            timeout=timeout,
        )
        return target.read_bytes()

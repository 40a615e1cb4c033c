"""PDF through a real, headless LibreOffice.

LibreOffice is optional: annexgen makes Word files without it, and only
``--pdf`` needs it. Two of its habits shape this module (reliability §2.13):
``soffice`` exits 0 even when it could not load a file — so every expected
PDF is checked to exist — and it refuses to start a second instance on the
same user profile — so each call gets its own throw-away profile. Many files
are converted by one ``soffice`` start, since starting the office is most of
the cost (0.87 s a file when done one by one).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from annexgen.errors import ConversionError, Location
from annexgen.messages import MESSAGES, Param

__all__ = ["INSTALL_HINT", "convert_to_pdf", "docx_to_pdf", "export_options", "find_soffice"]

#: what to do without LibreOffice (the English of the ``libreoffice-missing`` message)
INSTALL_HINT = MESSAGES["libreoffice-missing"]


def export_options(*, pdf_a: bool = False, pdf_ua: bool = False) -> dict[str, bool | int]:
    """The filter data of LibreOffice's PDF export (``writer_pdf_Export``) — the one
    place that says how annexgen's PDFs are made, whatever drives LibreOffice.

    Every PDF is tagged (structure tree, ``/Lang`` from the document language,
    title from the document properties): councils publish annexes on their
    websites, which must be accessible (document-rules §3.2, MK 445/2020,
    EN 301 549). ``pdf_a``: PDF/A-2b for archives; ``pdf_ua``: PDF/UA-1 (LibreOffice
    then also checks its accessibility rules and writes the ``pdfuaid`` mark).
    LibreOffice 7.4 makes both at once: PDF/A-2b metadata *and* the PDF/UA-1 mark.
    """
    options: dict[str, bool | int] = {"UseTaggedPDF": True}
    if pdf_a:
        options["SelectPdfVersion"] = 2
    if pdf_ua:
        options["PDFUACompliance"] = True
    return options


def _convert_to_argument(options: dict[str, bool | int]) -> str:
    """``--convert-to`` with filter data, in the JSON form LibreOffice 7.4+ reads."""
    typed = {
        name: {"type": "boolean", "value": str(value).lower()}
        if isinstance(value, bool)
        else {"type": "long", "value": str(value)}
        for name, value in options.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(typed, separators=(",", ":"))


def find_soffice() -> str | None:
    """Path of the LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _stop(process: subprocess.Popen[str]) -> None:
    """Stop soffice *and* the office process it started.

    ``soffice`` is a launcher (oosplash) that starts ``soffice.bin``; killing
    only the launcher on a timeout left the office running and holding the
    files. It runs in its own session, so the whole group is stopped.
    """
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except ProcessLookupError:  # pragma: no cover - already gone
        pass
    process.communicate()


def convert_to_pdf(
    sources: Sequence[Path],
    out_dir: Path,
    *,
    timeout: float = 300,
    pdf_a: bool = False,
    pdf_ua: bool = False,
) -> list[Path]:
    """Convert .docx files to PDF in ``out_dir`` with one LibreOffice start.

    Returns the PDF paths in the order of ``sources``; raises
    :class:`ConversionError` naming every file that produced no PDF.

    LibreOffice writes into a private folder first and only the PDFs it made
    there are moved into ``out_dir``: checking for ``out_dir/NAME.pdf`` alone
    would let an old PDF from an earlier run pass for a new one. Two sources
    with the same name would produce one PDF and are refused.
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
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(code="libreoffice-missing")
    if not sources:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="annexgen-lo-") as profile,
        tempfile.TemporaryDirectory(prefix=".annexgen-pdf-", dir=out_dir) as private,
    ):
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            _convert_to_argument(export_options(pdf_a=pdf_a, pdf_ua=pdf_ua)),
            "--outdir",
            private,
            *(str(s) for s in sources),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as err:
            _stop(process)
            raise ConversionError(
                code="libreoffice-timeout", params={"seconds": round(timeout)}
            ) from err
        except BaseException:  # Ctrl-C: leave no office running behind us
            _stop(process)
            raise
        made = [Path(private) / f"{stem}.pdf" for stem in names]
        missing = [str(s) for s, pdf in zip(sources, made, strict=True) if not pdf.is_file()]
        if missing:
            detail = (stderr or stdout).strip().splitlines()
            files: dict[str, Param] = {"files": missing}
            raise ConversionError(
                code="libreoffice-no-pdf-because" if detail else "libreoffice-no-pdf",
                params={**files, "reason": detail[-1]} if detail else files,
                location=Location(missing[0]),
            )
        pdfs = [out_dir / pdf.name for pdf in made]
        for pdf, target in zip(made, pdfs, strict=True):
            os.replace(pdf, target)  # same folder tree: a rename, never a half-written PDF
    return pdfs


def docx_to_pdf(
    data: bytes, *, pdf_a: bool = False, pdf_ua: bool = False, timeout: float = 120
) -> bytes:
    """The PDF of one in-memory .docx (for the library API and the web form)."""
    with tempfile.TemporaryDirectory(prefix="annexgen-pdf-") as tmp:
        source = Path(tmp) / "annex.docx"
        source.write_bytes(data)
        (pdf,) = convert_to_pdf(
            [source], Path(tmp) / "out", pdf_a=pdf_a, pdf_ua=pdf_ua, timeout=timeout
        )
        return pdf.read_bytes()

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

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from annexgen.errors import ConversionError, Location

__all__ = ["INSTALL_HINT", "convert_to_pdf", "docx_to_pdf", "find_soffice"]

INSTALL_HINT = (
    "PDF output needs LibreOffice. Install it (Debian/Ubuntu: "
    "sudo apt-get install libreoffice-writer-nogui; Windows/macOS: libreoffice.org) "
    "or leave out --pdf to get the Word file only."
)

# LibreOffice's PDF export filter; PDF/A-2b for archives (SelectPdfVersion 2).
_PDF_FILTER = "pdf:writer_pdf_Export"
_PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def find_soffice() -> str | None:
    """Path of the LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(
    sources: Sequence[Path], out_dir: Path, *, timeout: float = 300, pdf_a: bool = False
) -> list[Path]:
    """Convert .docx files to PDF in ``out_dir`` with one LibreOffice start.

    Returns the PDF paths in the order of ``sources``; raises
    :class:`ConversionError` naming every file that produced no PDF.

    LibreOffice writes into a private folder inside ``out_dir``; only PDFs it
    really produced are then moved (atomically) to their final names. So a
    PDF left in ``out_dir`` by an earlier run can never pass for a new one,
    and a failed or interrupted run leaves no half-written PDF behind.
    """
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(INSTALL_HINT)
    if not sources:
        return []
    stems: dict[str, Path] = {}
    for source in sources:
        other = stems.setdefault(Path(source).stem, Path(source))
        if other != Path(source):
            raise ConversionError(
                f"{other} and {source} would both become {Path(source).stem}.pdf; "
                "convert them in separate calls or rename one",
                location=Location(str(source)),
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".annexgen-pdf-", dir=out_dir))
    try:
        detail = _run_soffice(soffice, sources, staging, timeout=timeout, pdf_a=pdf_a)
        made = [staging / (Path(s).stem + ".pdf") for s in sources]
        missing = [str(s) for s, pdf in zip(sources, made, strict=True) if not _is_pdf(pdf)]
        if missing:
            raise ConversionError(
                f"LibreOffice made no PDF for {', '.join(missing)}"
                + (f": {detail}" if detail else ""),
                location=Location(missing[0]),
            )
        pdfs = [out_dir / pdf.name for pdf in made]
        for pdf, target in zip(made, pdfs, strict=True):
            os.replace(pdf, target)
        return pdfs
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def _run_soffice(
    soffice: str, sources: Sequence[Path], out_dir: Path, *, timeout: float, pdf_a: bool
) -> str:
    """Run one headless LibreOffice; return the last line it printed (for error messages).

    ``soffice`` is a launcher: the office itself (``soffice.bin``) is its child.
    It runs in a session of its own so that a timeout or Ctrl-C stops the whole
    group — otherwise the office keeps running, and keeps writing into the
    profile folder being deleted.
    """
    with tempfile.TemporaryDirectory(prefix="annexgen-lo-", ignore_cleanup_errors=True) as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            _PDFA_FILTER if pdf_a else _PDF_FILTER,
            "--outdir",
            str(out_dir),
            *(str(s) for s in sources),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=hasattr(os, "killpg"),
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as err:
            _stop(process)
            raise ConversionError(f"LibreOffice did not finish within {timeout:g} s") from err
        except BaseException:
            _stop(process)
            raise
    lines = (stderr or stdout).strip().splitlines()
    return lines[-1] if lines else ""


def _stop(process: subprocess.Popen[str]) -> None:
    """Kill LibreOffice and every process it started, and reap it."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows
        process.kill()
    process.communicate()


def docx_to_pdf(data: bytes, *, pdf_a: bool = False, timeout: float = 120) -> bytes:
    """The PDF of one in-memory .docx (for the library API and the web form)."""
    with tempfile.TemporaryDirectory(prefix="annexgen-pdf-") as tmp:
        source = Path(tmp) / "annex.docx"
        source.write_bytes(data)
        (pdf,) = convert_to_pdf([source], Path(tmp) / "out", pdf_a=pdf_a, timeout=timeout)
        return pdf.read_bytes()

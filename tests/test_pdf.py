"""A real LibreOffice opens every rendered example (reliability §2.13, §4 row 21)."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from annexgen.errors import ConversionError
from annexgen.model.loading import load_annex
from annexgen.word import pdf as pdf_module
from annexgen.word.pdf import convert_to_pdf, docx_to_pdf
from annexgen.word.render import render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

# What pdftotext must find in each example's PDF: the title, the amount in words
# (latvian-language §1–§2), the signatory (document-rules §1.5).
EXPECTED = {
    "000": ["Ar saskarsmi pret atkarībām", "deviņpadsmit tūkstoši septiņi simti eiro"],
    "001": ["Darbīgās kopienas", "simt piecpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi"],
    "002": ["Atbalsts jauniešu centru darbības", "3 mēneši"],
    "003": ["Integrācijas inkubators", "viens tūkstotis latu", "J. Lāčplēsis",
            "2013. gada 5. decembra sēdes"],
    "004": ["sāk īstenot projektu LLI-402", "Eiropas Savienības oficiālo nostāju"],
    # tables (issue 16): the total row, the total in words, a VAT row, the approval mark
    "005": ["Finansējuma sadalījums", "Kopā 28 150,00 23 200,50",
            "divdesmit trīs tūkstoši divi simti eiro 50 centu", "J. Rozenbergs"],
    "006": ["APSTIPRINĀTS ar Cēsu novada domes 2025. gada 27. marta lēmumu Nr. 113",
            "(sēdes prot. Nr. 5, 13. §)", "Skatuves tērpu noma 1 komplekts 12,40 2,60 15,00"],
}  # fmt: skip


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").replace("\u00a0", " ").split())


@pytest.mark.libreoffice
def test_every_example_converts_and_reads_back(tmp_path: Path) -> None:
    sources = []
    for path in EXAMPLES:
        target = tmp_path / f"{path.stem}.docx"
        target.write_bytes(render(load_annex(path)))
        sources.append(target)
    pdfs = convert_to_pdf(sources, tmp_path / "pdf")  # one LibreOffice start for all
    for path, pdf in zip(EXAMPLES, pdfs, strict=True):
        assert pdf.read_bytes().startswith(b"%PDF")
        text = _pdf_text(pdf)
        for expected in EXPECTED[path.name[:3]]:
            assert expected in text, (path.name, expected)


@pytest.mark.libreoffice
def test_pdf_uses_the_template_font_for_latvian_letters(tmp_path: Path) -> None:
    # reliability §2.11: no fallback font for ā č ē ģ ī ķ ļ ņ š ū ž
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(docx_to_pdf(render(load_annex(EXAMPLES[3]))))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode()
    families = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()}
    assert families
    assert all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in families), families


@pytest.mark.libreoffice
def test_a_broken_file_is_reported_not_ignored(tmp_path: Path) -> None:
    # soffice exits 0 for files it cannot load; we must notice the missing PDF
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip")
    with pytest.raises(ConversionError, match=r"broken\.docx"):
        convert_to_pdf([broken], tmp_path / "out")


def test_missing_libreoffice_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ConversionError, match="apt-get install libreoffice-writer-nogui"):
        docx_to_pdf(b"")


@pytest.mark.libreoffice
def test_an_old_pdf_never_passes_for_a_new_one(tmp_path: Path) -> None:
    # reliability §2.13: soffice exits 0 and writes nothing for a file it cannot load;
    # a PDF left in the output folder by an earlier run must not count as its output
    out = tmp_path / "out"
    out.mkdir()
    (out / "annex.pdf").write_bytes(b"%PDF old")
    broken = tmp_path / "annex.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip")
    with pytest.raises(ConversionError, match=r"annex\.docx"):
        convert_to_pdf([broken], out)
    assert (out / "annex.pdf").read_bytes() == b"%PDF old"  # untouched, and not returned
    assert sorted(p.name for p in out.iterdir()) == ["annex.pdf"]  # no private folder left


def test_two_sources_with_one_name_are_refused(tmp_path: Path) -> None:
    # both would become x.pdf: one PDF for two documents, silently
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(ConversionError, match=r"x\.pdf"):
        convert_to_pdf([tmp_path / "a" / "x.docx", tmp_path / "b" / "x.docx"], tmp_path / "out")


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a killed orphan may linger as a zombie until PID 1 reaps it


def _slow_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Stand-in launcher: a shell that starts a long-lived child and waits for it."""
    pidfile = tmp_path / "child.pid"
    launcher = tmp_path / "soffice"
    launcher.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pidfile}\nwait\n")
    launcher.chmod(0o755)
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: str(launcher))
    source = tmp_path / "a.docx"
    source.write_bytes(b"")
    return source, pidfile


def _assert_stopped(pidfile: Path) -> None:
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see processes")
def test_timeout_stops_the_whole_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # soffice is a launcher that starts soffice.bin; a timeout must stop both
    source, pidfile = _slow_office(tmp_path, monkeypatch)
    with pytest.raises(ConversionError, match="did not finish within 1 s"):
        convert_to_pdf([source], tmp_path / "out", timeout=1)
    _assert_stopped(pidfile)
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.skipif(
    not hasattr(signal, "SIGALRM") or not Path("/proc").is_dir(), reason="needs SIGALRM and /proc"
)
def test_ctrl_c_stops_the_whole_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 5: Ctrl-C leaves nothing behind — no office process, no private folder
    source, pidfile = _slow_office(tmp_path, monkeypatch)

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.alarm(1)
        with pytest.raises(KeyboardInterrupt):
            convert_to_pdf([source], tmp_path / "out", timeout=30)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    _assert_stopped(pidfile)
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.libreoffice
def test_awkward_values_survive_into_the_pdf(tmp_path: Path) -> None:
    # reliability §4 rows 1, 2, 8, 21: the document LibreOffice reads holds the values
    # exactly — a file Word would repair, or text after "<select>" lost, shows up here
    from annexgen.model.kinds.project_description import ProjectDescription  # noqa: PLC0415

    values = {
        "applicant": "Jānis & Co <select> ]]> &amp; {{ 7*7 }} {_{ x }_}",
        "goal": "Mērķis \"pēdiņās\" un 'vienpēdiņās' — ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž",
        "description": "Pēc <b>šī</b> teksta nekas nepazūd.",
    }
    annex = ProjectDescription.model_validate(
        {
            "kind": "project-description",
            "project_name": "A & B <c>",
            "decision": {"council": "Daugavpils pilsētas domes", "date": "2013-12-05"},
            "signatory": {"position": "Priekšsēdētājs", "name": "Jānis Lāčplēsis"},
            **values,
        }
    )
    source = tmp_path / "awkward.docx"
    source.write_bytes(render(annex))
    (pdf,) = convert_to_pdf([source], tmp_path / "pdf")
    text = _pdf_text(pdf)
    for value in [*values.values(), "Projekta „A & B <c>” apraksts", "J. Lāčplēsis"]:
        assert value in text, value

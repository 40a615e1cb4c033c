"""A real LibreOffice opens every rendered example (reliability §2.13, §4 row 21).

What the PDFs hold; the pool of offices and its faults are tested in test_office.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from annexgen.errors import ConversionError
from annexgen.model.loading import load_annex
from annexgen.word.office import OfficePool
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
    pdfs = convert_to_pdf(sources, tmp_path / "pdf")  # in parallel, in persistent offices
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


@pytest.mark.libreoffice
def test_missing_uno_bridge_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # LibreOffice without its Python bridge (Debian: python3-uno) cannot be driven
    python = tmp_path / "python3"
    python.write_text("#!/bin/sh\nexit 1\n")  # a Python that cannot import uno
    python.chmod(0o755)
    monkeypatch.setenv("ANNEXGEN_UNO_PYTHON", str(python))
    with OfficePool(1) as pool, pytest.raises(ConversionError, match="install python3-uno"):
        docx_to_pdf(b"", pool=pool)


@pytest.mark.libreoffice
def test_pdf_a_is_pdf_a_2b_with_every_font_embedded(tmp_path: Path) -> None:
    # --pdf-a: PDF/A-2b for archives; Latvian letters must survive (latvian-language §1)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(docx_to_pdf(render(load_annex(EXAMPLES[3])), pdf_a=True))
    meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, check=True)
    xmp = meta.stdout.decode()
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode()
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows
    assert all(row[-5] == "yes" for row in rows), fonts  # the "emb" column
    assert "J. Lāčplēsis" in _pdf_text(pdf)
    assert "Integrācijas inkubators romu bērnu un jauniešu atbalstam" in _pdf_text(pdf)


@pytest.mark.libreoffice
def test_plain_pdf_embeds_its_fonts_too(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(docx_to_pdf(render(load_annex(EXAMPLES[0]))))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode()
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows
    assert all(row[-5] == "yes" for row in rows), fonts
    assert b"pdfaid" not in pdf.read_bytes()  # PDF/A only when asked for


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

"""``--pdf`` of ``render`` and ``batch`` with persistent offices (issue 15)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from annexgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

pytestmark = pytest.mark.libreoffice


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").replace("\u00a0", " ").split())


def test_render_many_files_to_pdf_in_parallel_keeps_their_order(tmp_path: Path) -> None:
    for path in (ROOT / "examples").iterdir():  # with the tables some examples read
        shutil.copy(path, tmp_path / path.name)
    sources = [tmp_path / path.name for path in EXAMPLES]
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: project-description\n", encoding="utf-8")
    files = [*sources[:2], broken, *sources[2:]]
    result = CliRunner().invoke(
        main, ["render", *map(str, files), "--pdf", "--office-workers", "2"]
    )
    assert result.exit_code == 1, result.stderr  # the broken file, and only it
    expected = []
    for path in [*sources[:2], *sources[2:]]:
        expected += [str(path.with_suffix(".docx")), str(path.with_suffix(".pdf"))]
    assert result.stdout.splitlines() == expected
    assert "broken.yaml" in result.stderr
    # latvian-language §1: the letters come back out of the PDF
    assert "J. Lāčplēsis" in _pdf_text(tmp_path / "003-integracijas-inkubators.pdf")


def test_batch_pdf_a_with_one_office(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for path in EXAMPLES[:3]:
        shutil.copy(path, src / path.name)
    result = CliRunner().invoke(
        main, ["batch", str(src), "-o", str(tmp_path / "out"), "--pdf-a", "--office-workers", "1"]
    )
    assert result.exit_code == 0, result.stderr
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert [p.stem for p in pdfs] == [p.stem for p in EXAMPLES[:3]]
    for pdf in pdfs:
        xmp = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, check=True)
        assert "<pdfaid:part>2</pdfaid:part>" in xmp.stdout.decode()
    assert "Darbīgās kopienas" in _pdf_text(pdfs[1])


def test_office_workers_must_be_positive(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", "x.yaml", "--pdf", "--office-workers", "0"])
    assert result.exit_code == 2

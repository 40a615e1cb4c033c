"""The table kind's Word files are ones Word opens: the template and every annex (issue 16).

The bundled ``table.docx`` holds template tags only in text (``{%tc %}`` and
``{%tr %}`` loops in cells and rows of their own); widths, alignment, the
„Kopā” span and the landscape page are applied after rendering by the layout
step (:mod:`annexgen.word.layout`). :mod:`tests.wordml` holds what Word
requires, written from ECMA-376; the first test proves it fails the kind of
template the table kind first shipped with.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from lxml import etree

from annexgen.model.loading import load_annex
from annexgen.word.render import render, render_docxtpl
from tests.test_table import HEAD, WIDE
from tests.wordml import package_problems, problems

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NBSP = "\u00a0"
NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EXAMPLES = ["005-nvo-finansejums.yaml", "006-cenradis.yaml"]
#: A4 and the margins of document-rules §1.9 (30 mm left, 15 mm right), in twips,
#: written out here rather than taken from the code under test.
A4_W, A4_H, LEFT, RIGHT = 11906, 16838, 1701, 850


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def _wide(tmp_path: Path) -> Path:
    path = tmp_path / "wide.yaml"
    path.write_text(HEAD + WIDE, encoding="utf-8")
    return path


def test_the_checker_finds_what_word_refuses() -> None:
    # the first table template: Jinja between cells and inside attributes, tcPr out of order
    xml = (
        f'<w:document xmlns:w="{NS}"><w:body><w:tbl><w:tblPr>'
        '<w:tblW w:w="{{ table.width }}" w:type="dxa"/></w:tblPr><w:tblGrid>'
        '{% for c in cols %}<w:gridCol w:w="{{ c.width }}"/>{% endfor %}</w:tblGrid>'
        '<w:tr>{% for c in cols %}<w:tc><w:tcPr><w:shd w:val="clear"/><w:tcW w:w="10"/>'
        '</w:tcPr><w:p><w:pPr><w:jc w:val="{{ c.align }}"/></w:pPr></w:p></w:tc>{% endfor %}'
        '</w:tr></w:tbl><w:sectPr><w:pgMar w:top="1"/><w:pgSz w:w="1" w:orient="wide"/>'
        "</w:sectPr></w:body></w:document>"
    ).encode()
    found = "\n".join(problems(xml))
    assert "w='{{ table.width }}' is not a valid value" in found
    assert "text '{% for c in cols %}' in an element-only element" in found
    assert "text '{% endfor %}' between elements" in found
    assert "val='{{ c.align }}' is not a valid value" in found
    assert "tcW comes after what follows it in tcPr" in found
    assert "pgSz comes after what follows it in sectPr" in found
    assert "orient='wide' is not a valid value" in found
    assert "a cell must end with a paragraph" not in found


def test_the_bundled_table_template_is_valid_wordml() -> None:
    data = (ROOT / "templates" / "table.docx").read_bytes()
    assert package_problems(data) == []
    body = _part(data, "word/document.xml")
    tags = [t.text for t in body.iter(f"{W}t") if t.text and "{" in t.text]
    assert "{%tc for cell in row %}" in tags
    assert "{%tr for row in table.rows %}" in tags
    for element in body.iter():  # no tag anywhere but in text
        assert not any("{" in value for value in element.attrib.values()), element.tag


@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("name", EXAMPLES)
def test_rendered_table_annexes_are_valid_wordml_on_both_paths(name: str, public: bool) -> None:
    annex = load_annex(ROOT / "examples" / name)
    fast, reference = render(annex, public=public), render_docxtpl(annex, public=public)
    assert package_problems(fast) == []
    assert package_problems(reference) == []
    with zipfile.ZipFile(io.BytesIO(fast)) as a, zipfile.ZipFile(io.BytesIO(reference)) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_a_landscape_annex_turns_the_page_and_moves_the_signature_tab(tmp_path: Path) -> None:
    annex = load_annex(_wide(tmp_path))
    for data in (render(annex), render_docxtpl(annex)):
        assert package_problems(data) == []
        root = _part(data, "word/document.xml")
        size = root.find(f"{W}body/{W}sectPr/{W}pgSz")
        assert size is not None
        assert (size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient")) == (
            str(A4_H), str(A4_W), "landscape")  # fmt: skip
        margins = root.find(f"{W}body/{W}sectPr/{W}pgMar")
        assert margins is not None
        assert (margins.get(f"{W}left"), margins.get(f"{W}right")) == (str(LEFT), str(RIGHT))
        grid = [int(c.get(f"{W}w") or 0) for c in root.iter(f"{W}gridCol")]
        assert sum(grid) == A4_H - LEFT - RIGHT
        # the signature's name stays at the right margin (document-rules §1.5)
        styles = _part(data, "word/styles.xml")
        signature = styles.find(f"{W}style[@{W}styleId='Signature']")
        assert signature is not None
        tabs = [(t.get(f"{W}val"), t.get(f"{W}pos")) for t in signature.iter(f"{W}tab")]
        assert tabs == [("right", str(A4_H - LEFT - RIGHT))]


def test_a_portrait_annex_keeps_the_templates_styles(tmp_path: Path) -> None:
    annex = load_annex(ROOT / "examples" / "006-cenradis.yaml")
    template = ROOT / "templates" / "table.docx"
    with zipfile.ZipFile(template) as zf:
        styles = zf.read("word/styles.xml")
    with zipfile.ZipFile(io.BytesIO(render(annex))) as zf:
        assert zf.read("word/styles.xml") == styles
        root = etree.fromstring(zf.read("word/document.xml"))
    grid = [int(c.get(f"{W}w") or 0) for c in root.iter(f"{W}gridCol")]
    assert sum(grid) == A4_W - LEFT - RIGHT
    for row in root.findall(f".//{W}tbl/{W}tr"):  # every cell as wide as its grid column
        preferred = [c.find(f"{W}tcPr/{W}tcW") for c in row.findall(f"{W}tc")]
        assert len(preferred) == len(grid)  # a price list has no „Kopā” row
        assert all(
            w is None or int(w.get(f"{W}w") or 0) == g for w, g in zip(preferred, grid, strict=True)
        )


def test_a_template_with_other_margins_gets_a_table_as_wide_as_its_text(tmp_path: Path) -> None:
    # a clerk opens table.docx (python-docx stands in for Word here), sets 25 mm margins
    document = docx.Document(str(ROOT / "templates" / "table.docx"))
    section = document.sections[-1]
    section.left_margin = section.right_margin = Mm(25)
    document.save(str(tmp_path / "mine.docx"))
    annex = load_annex(ROOT / "examples" / "005-nvo-finansejums.yaml")
    data = render(annex, tmp_path / "mine.docx")
    root = _part(data, "word/document.xml")
    margins = root.find(f"{W}body/{W}sectPr/{W}pgMar")
    assert margins is not None
    width = A4_W - int(margins.get(f"{W}left") or 0) - int(margins.get(f"{W}right") or 0)
    assert width == A4_W - 2 * 1417  # 25 mm as python-docx writes it
    grid = [int(c.get(f"{W}w") or 0) for c in root.iter(f"{W}gridCol")]
    assert sum(grid) == width
    assert render(annex, tmp_path / "mine.docx") == data


@pytest.mark.libreoffice
def test_the_template_saved_again_by_an_office_suite_still_renders(tmp_path: Path) -> None:
    # LibreOffice opens the bundled template and saves it as Word 2007 XML, as a clerk
    # would after adapting it; the saved file renders the same table
    shutil.copy(ROOT / "templates" / "table.docx", tmp_path / "mine.docx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"),
         str(tmp_path / "mine.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = tmp_path / "out" / "mine.docx"
    annex = load_annex(ROOT / "examples" / "005-nvo-finansejums.yaml")

    def table(data: bytes) -> list[list[str]]:
        rows = docx.Document(io.BytesIO(data)).tables[0].rows
        return [[c.text for c in row.cells] for row in rows]

    assert table(render(annex, saved)) == table(render(annex))
    root = _part(render(annex, saved), "word/document.xml")
    grid = [int(c.get(f"{W}w") or 0) for c in root.iter(f"{W}gridCol")]
    assert sum(grid) == A4_W - LEFT - RIGHT


@pytest.mark.libreoffice
def test_a_landscape_annex_prints_landscape_with_the_name_at_the_right_margin(
    tmp_path: Path,
) -> None:
    from annexgen.word.pdf import convert_to_pdf  # noqa: PLC0415

    source = tmp_path / "wide.docx"
    source.write_bytes(render(load_annex(_wide(tmp_path))))
    (pdf,) = convert_to_pdf([source], tmp_path / "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert size is not None
    assert (round(float(size[1])), round(float(size[2]))) == (842, 595)  # A4 turned: 297 × 210 mm
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    page = etree.fromstring(boxes.encode(), etree.XMLParser(recover=True))
    words = {w.text: float(w.get("xMax") or 0) for w in page.iter("{*}word")}
    # "J. Lāčplēsis" ends at the right margin: 841.89 pt − 15 mm (42.52 pt)
    assert abs(words["Lāčplēsis"] - (841.89 - 42.52)) < 3, words["Lāčplēsis"]


def test_the_web_preview_aligns_and_spans_like_the_document() -> None:
    from annexgen.web.pages import render_fragment  # noqa: PLC0415
    from annexgen.word.context import build_context  # noqa: PLC0415

    ctx = build_context(load_annex(ROOT / "examples" / "005-nvo-finansejums.yaml"))
    html = render_fragment("document.html", ctx=ctx, complete=True)
    assert '<td class="align-center">1.</td>' in html  # row numbers centred
    assert '<td class="align-left">Biedrība „Ābele”</td>' in html
    assert f'<td class="align-right">1{NBSP}500,00</td>' in html  # figures right
    # the „Kopā” label spans the four columns before the first total
    assert '<td class="align-left" colspan="4">Kopā</td>' in html
    assert f'<td class="align-right">23{NBSP}200,50</td></tr>' in html

"""Reading existing documents: every piece of text once, with a position a clerk can find.

The .docx files are real Word packages built with python-docx (and, for the
parts python-docx cannot write — text boxes, content controls, tracked
deletions — with the WordprocessingML that Word itself writes).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from annexgen.errors import DocumentError
from annexgen.reading.documents import DocumentRow, TextBlock, read_document, read_text
from tests.seeds import require_seeds

W = nsdecls("w")


def _positions(path: Path) -> list[tuple[str, str]]:
    return [(b.position, b.text) for b in read_document(path).blocks]


def test_docx_body_tables_headers_and_footers_in_order(tmp_path: Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Pielikums"
    d.sections[0].footer.paragraphs[0].text = "lapa 1"
    d.add_paragraph("Projekta „X” apraksts")
    d.add_paragraph("")  # empty paragraphs count (Word numbers them too) but are not blocks
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Projekta ilgums"
    table.cell(0, 1).text = "Līdz 2015. gada 30. septembrim"
    table.cell(1, 0).text = "Projekta izmaksas"
    table.cell(1, 1).text = "1000,00 EUR"
    table.cell(1, 1).add_paragraph("otrā rindkopa")
    d.add_paragraph("Priekšsēdētājs\tJ. Lāčplēsis")
    path = tmp_path / "a.docx"
    d.save(str(path))

    assert _positions(path) == [
        ("paragraph 1", "Projekta „X” apraksts"),
        ("table 1 row 1 cell 1", "Projekta ilgums"),
        ("table 1 row 1 cell 2", "Līdz 2015. gada 30. septembrim"),
        ("table 1 row 2 cell 1", "Projekta izmaksas"),
        ("table 1 row 2 cell 2", "1000,00 EUR\notrā rindkopa"),
        ("paragraph 3", "Priekšsēdētājs\tJ. Lāčplēsis"),
        ("header 1 paragraph 1", "Pielikums"),
        ("footer 1 paragraph 1", "lapa 1"),
    ]
    rows = read_document(path).rows
    assert rows == (
        DocumentRow("Projekta ilgums", "Līdz 2015. gada 30. septembrim", "table 1 row 1"),
        DocumentRow("Projekta izmaksas", "1000,00 EUR\notrā rindkopa", "table 1 row 2"),
    )


def test_docx_nested_table_text_box_content_control_and_deletions(tmp_path: Path) -> None:
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Izmaksas"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Kopā"
    inner.cell(0, 1).text = "19 700,00 EUR"
    body = d.element.body
    sect = body[-1]
    # A text box as Word writes it: the DrawingML copy and a VML fallback copy.
    box = f"<w:txbxContent {W}><w:p><w:r><w:t>Pielikums Nr.610</w:t></w:r></w:p></w:txbxContent>"
    sect.addprevious(
        parse_xml(
            f'<w:p {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
            ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
            ' xmlns:v="urn:schemas-microsoft-com:vml">'
            "<w:r><w:t>Enkurs</w:t></w:r>"
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f"<wps:txbx>{box}</wps:txbx>"
            "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
            f"{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        )
    )
    # A block-level content control (python-docx's Document.paragraphs misses it).
    sect.addprevious(
        parse_xml(
            f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Lēmums Nr.1</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        )
    )
    # Tracked changes: deleted text is not in the document any more; inserted text is.
    sect.addprevious(
        parse_xml(
            f'<w:p {W}><w:r><w:t xml:space="preserve">summa </w:t></w:r>'
            '<w:del w:id="1" w:author="a"><w:r><w:delText>111</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>115</w:t></w:r></w:ins>'
            "<w:r><w:tab/><w:t>EUR</w:t></w:r></w:p>"
        )
    )
    path = tmp_path / "b.docx"
    d.save(str(path))

    assert _positions(path) == [
        ("table 1 row 1 cell 1", "Izmaksas"),
        ("table 1 row 1 cell 2 table 1 row 1 cell 1", "Kopā"),
        ("table 1 row 1 cell 2 table 1 row 1 cell 2", "19 700,00 EUR"),
        ("paragraph 1", "Enkurs"),
        ("paragraph 1 text box 1 paragraph 1", "Pielikums Nr.610"),  # once, not twice
        ("paragraph 2", "Lēmums Nr.1"),
        ("paragraph 3", "summa 115\tEUR"),
    ]


def test_text_blocks_are_lines_with_line_numbers() -> None:
    doc = read_text("Pielikums\n\nProjekta ilgums\tLīdz 2015. gada 30. septembrim\r\n")
    assert doc.blocks == (
        TextBlock("Pielikums", "line 1", 1),
        TextBlock("Projekta ilgums\tLīdz 2015. gada 30. septembrim", "line 3", 3),
    )
    assert doc.rows == (
        DocumentRow("Projekta ilgums", "Līdz 2015. gada 30. septembrim", "line 3", 3),
    )


def test_text_is_nfc() -> None:
    decomposed = "Li\u0304dz"  # "Līdz" typed as i + combining macron
    assert read_text(decomposed).blocks[0].text == "Līdz"


@pytest.mark.parametrize(
    ("seed", "labels"),
    [
        # inline layout "Label<TAB>Value" (seeds 000 and 003)
        ("000", ["Projekta pieteicējs", "Projekta ilgums", "Projekta mērķis",
                 "Projekta apraksts", "Projekta izmaksas", "Projekta mērķa grupa",
                 "Projekta aktivitātes", "Kontakpersona:"]),
        ("003", ["Projekta pieteicējs", "Projekta ilgums", "Projekta mērķis",
                 "Projekta apraksts", "Projekta izmaksas", "Projekta mērķa grupa",
                 "Projekta aktivitātes"]),
        # "<TAB>Label" / "<TAB>Value" layout, labels broken over lines (seeds 001, 002)
        ("001", ["Projekta pieteicējs", "Projekta ilgums", "Projekta mērķis",
                 "Projekta apraksts", "Projekta izmaksas", "Projekta mērķa grupa",
                 "Projekta aktivitātes"]),
        ("002", ["Projekta pieteicējs:", "Projekta īstenošanas laiks:", "Projekta izmaksas:",
                 "Projekta vispārīgais mērķis:", "Projekta tiešā mērķauditorija:",
                 "Projekta pamatojums", "Projekta aktivitātes:"]),
    ],
)  # fmt: skip
def test_seed_rows(seed: str, labels: list[str]) -> None:
    doc = read_document(next(require_seeds().glob(f"{seed}_*.txt")))
    assert [r.label for r in doc.rows] == labels


def test_seed_001_values_keep_continuation_lines() -> None:
    doc = read_document(next(require_seeds().glob("001_*.txt")))
    costs = next(r for r in doc.rows if r.label == "Projekta izmaksas")
    assert costs.line == 19
    assert costs.value.startswith("Britu Padomes Latvijā (British Council)")
    assert "Daugavpils domes līdzfinansējums 2020.g. – 1000.00 EUR" in costs.value
    assert costs.value.endswith("(video un foto materiāli).")
    activities = next(r for r in doc.rows if r.label == "Projekta aktivitātes")
    assert activities.value.splitlines()[-1].startswith("6. Sociālās uzņēmējdarbības")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.docx", None, "file not found"),
        ("missing.txt", None, "file not found"),
        ("a.pdf", b"%PDF-1.4", "expected .docx or .txt"),
        ("broken.docx", b"not a zip", r"not a Word \(.docx\) file: not a ZIP package"),
        ("latin.txt", "Līdz".encode("cp1257"), r"not UTF-8 text \(byte 0xee at offset 1\)"),
    ],
)
def test_unreadable_files_are_clear_errors(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DocumentError, match=expected) as info:
        read_document(path)
    assert info.value.location.file == str(path)


def test_zip_without_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(DocumentError, match=r"\[Content_Types\].xml is missing"):
        read_document(path)


def test_utf16_and_bom_text_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffLīdz".encode())
    (tmp_path / "b.txt").write_text("Līdz", encoding="utf-16")
    assert read_document(tmp_path / "a.txt").blocks[0].text == "Līdz"
    assert read_document(tmp_path / "b.txt").blocks[0].text == "Līdz"

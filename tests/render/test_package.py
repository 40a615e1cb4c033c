"""The Word-package layer both render paths stand on (issue 11): what it refuses, what it
writes, what it verifies. Packages are built here with zipfile and lxml, read back with
zipfile and python-docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from annexgen.errors import RenderError, TemplateError
from annexgen.word import package as package_module
from annexgen.word.compiled import compile_template
from annexgen.word.package import Package
from annexgen.word.render import render, render_docxtpl
from annexgen.word.templates import bundled_template
from tests.render.helpers import paragraphs, template_with
from tests.render.test_both_paths import seen
from tests.render.test_render import _annex

KIND = "project-description"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _rezip(data: bytes, edit: dict[str, bytes | None]) -> bytes:
    """``data`` with parts replaced (or dropped, for ``None``) and new parts added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename not in edit:
                dst.writestr(info, src.read(info))
        for name, content in edit.items():
            if content is not None:
                dst.writestr(name, content)
    return out.getvalue()


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name).decode("utf-8")


def _bundled_with(name: str, old: str, new: str) -> bytes:
    data = bundled_template(KIND)
    xml = _part(data, name)
    assert old in xml
    return _rezip(data, {name: xml.replace(old, new).encode("utf-8")})


# --- what is not a Word document is refused, by both paths, naming the file -------------


def _only_text() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "hello")
    return out.getvalue()


NOT_WORD = {
    "plain text": (b"hello", "not a ZIP package"),
    "a ZIP of something else": (_only_text(), "[Content_Types].xml is missing"),
    "no main document": (
        _rezip(bundled_template(KIND), {"word/document.xml": None}),
        "its main document word/document.xml is missing",
    ),
    "a .dotx": (
        _bundled_with(
            "[Content_Types].xml", f"{WORD}.document.main+xml", f"{WORD}.template.main+xml"
        ),
        "it is a Word template file (.dotx); save it as a Word document (.docx)",
    ),
    "a .docm": (
        _bundled_with(
            "[Content_Types].xml",
            f"{WORD}.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
        ),
        "it is a macro-enabled document (.docm)",
    ),
    "broken XML": (
        _bundled_with("word/styles.xml", "</w:styles>", "</w:style>"),
        "word/styles.xml is not well-formed XML",
    ),
    "a DTD with an entity": (  # an external entity could pull a local file into the output
        _bundled_with(
            "word/document.xml",
            "<w:document ",
            '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ',
        ),
        "word/document.xml declares a DTD",
    ),
}


@pytest.mark.parametrize("case", sorted(NOT_WORD))
@pytest.mark.parametrize("path", [render, render_docxtpl], ids=["fast", "docxtpl"])
def test_what_is_not_a_word_document_is_refused(case: str, path: object, tmp_path: Path) -> None:
    data, why = NOT_WORD[case]
    file = tmp_path / "mine.docx"
    file.write_bytes(data)
    with pytest.raises(TemplateError) as info:
        path(_annex(), file)  # type: ignore[operator]
    assert str(info.value).startswith(f"{file}: not a Word (.docx) file: ")
    assert why in str(info.value)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_module, "MAX_UNPACKED", 10_000)  # the real limit is 256 MB
    with pytest.raises(TemplateError, match="unpacks to more than"):
        Package.read(bundled_template(KIND), "big.docx")


# --- one zip writer: same parts, same bytes ------------------------------------------------


def test_the_zip_writer_keeps_parts_and_order_and_is_deterministic() -> None:
    data = _rezip(bundled_template(KIND), {"word/media/ģerbonis.png": b"\x89PNG not really"})
    package = Package.read(data, "t.docx")
    written = package.to_bytes()
    assert Package.read(data, "t.docx").to_bytes() == written  # same input, same bytes
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(written)) as b:
        assert b.testzip() is None  # every CRC right
        assert b.namelist() == a.namelist()  # the non-ASCII name too (UTF-8 flag)
        assert all(b.read(n) == a.read(n) for n in a.namelist())
        assert {i.date_time for i in b.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_both_paths_write_the_template_member_order() -> None:
    names = zipfile.ZipFile(io.BytesIO(bundled_template(KIND))).namelist()
    for data in (render(_annex()), render_docxtpl(_annex())):
        assert zipfile.ZipFile(io.BytesIO(data)).namelist() == names


# --- one core-properties writer ---------------------------------------------------------------


def test_a_template_without_core_properties_gets_them_on_both_paths() -> None:
    core = "docProps/core.xml"
    data = bundled_template(KIND)
    types = _part(data, "[Content_Types].xml")
    rels = _part(data, "_rels/.rels")
    stripped = _rezip(
        data,
        {
            core: None,
            "[Content_Types].xml": etree.tostring(_without(types, "PartName", f"/{core}")),
            "_rels/.rels": etree.tostring(_without(rels, "Target", core)),
        },
    )
    assert compile_template(stripped, "t").supported
    fast, reference = render(_annex(title="A & B"), stripped), render_docxtpl(_annex(), stripped)
    properties = docx.Document(io.BytesIO(fast)).core_properties
    assert properties.title == "A & B"
    assert properties.created is not None
    assert properties.created.date().isoformat() == "2013-12-05"
    assert _part(fast, "[Content_Types].xml").count(core) == 1
    assert seen(render(_annex(), stripped)) == seen(reference)


def _without(xml: str, attribute: str, value: str) -> etree._Element:
    root = etree.fromstring(xml.encode("utf-8"))
    for element in list(root):
        if element.get(attribute) == value:
            root.remove(element)
    return root


def test_the_templates_own_properties_do_not_carry_over() -> None:
    # a clerk's template says who wrote it and when it was last printed; the annex must not
    core = _part(bundled_template(KIND), "docProps/core.xml").replace(
        "</cp:coreProperties>",
        "<dc:description>mans melnraksts</dc:description>"
        "<cp:lastPrinted>2020-01-01T00:00:00Z</cp:lastPrinted></cp:coreProperties>",
    )
    template = _rezip(bundled_template(KIND), {"docProps/core.xml": core.encode("utf-8")})
    for data in (render(_annex(), template), render_docxtpl(_annex(), template)):
        properties = docx.Document(io.BytesIO(data)).core_properties
        assert properties.comments == ""
        assert properties.last_printed is None
        assert properties.author == "Daugavpils pilsētas domes"


# --- the part preparation reads a template as Word would --------------------------------------


def test_a_pretty_printed_template_renders_like_the_original() -> None:
    # LibreOffice and hand tools write whitespace between elements; Word does not
    xml = _part(bundled_template(KIND), "word/document.xml")
    pretty = etree.tostring(etree.fromstring(xml.encode("utf-8")), pretty_print=True)
    assert pretty.count(b"\n") > 100
    template = _rezip(bundled_template(KIND), {"word/document.xml": pretty})
    annex = _annex(goal="Mērķis\tar tabulāciju\nun rindu")
    assert seen(render(annex, template)) == seen(render(annex))
    assert seen(render_docxtpl(annex, template)) == seen(render(annex))


# --- one verification ---------------------------------------------------------------------------


def test_a_template_that_breaks_the_xml_is_caught_on_the_fast_path() -> None:
    # "| safe" switches escaping off: the "<" lands raw in the XML
    template = template_with(KIND, "{{ title }}", "{{ '&lt;x' | safe }}")
    with pytest.raises(RenderError, match=r"word/document\.xml is not well-formed"):
        render(_annex(), template)


def test_python_docx_must_open_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    # the first document of each template is opened with python-docx; a failure there
    # is a RenderError, not a traceback
    def refuse(stream: object) -> None:
        raise KeyError("no main document part")

    monkeypatch.setattr(package_module.docx, "Document", refuse)
    template = template_with(KIND, "{{ title }}", "{{ title }} ")  # a template not yet opened
    with pytest.raises(RenderError, match="does not open"):
        render(_annex(), template)


# --- what only docxtpl does goes through docxtpl, and is finished the same way -----------------

TC_CELL = (
    '<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr><w:p><w:r>'
    '<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'
)


@pytest.mark.parametrize(
    ("items", "cells", "grid"),
    [
        # four cells in a three-column grid: the table keeps its 3000 twips, four of 750
        ("mark.lines", 4, [750, 750, 750, 750]),
        # one cell: the two columns no row reaches go, their width to the one left
        ("mark.lines[:1]", 1, [3000]),
    ],
)
def test_a_column_loop_renders_on_the_fast_path_with_docxtpls_grid(
    items: str, cells: int, grid: list[int]
) -> None:
    # {%tc %}: the cell repeats; the layout step repairs the grid as docxtpl does
    table = (
        '<w:tbl><w:tblPr><w:tblW w:w="3000" w:type="dxa"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/>'
        "</w:tblGrid><w:tr>"
        + TC_CELL.format(text=f"{{%tc for line in {items} %}}")
        + TC_CELL.format(text="{{ line }}")
        + TC_CELL.format(text="{%tc endfor %}")
        + "</w:tr></w:tbl><w:p/>"
    )
    template = _bundled_with("word/document.xml", "<w:body>", "<w:body>" + table)
    compiled = compile_template(template, "t")
    assert compiled.supported, compiled.needs_docxtpl
    assert compiled.column_loops
    fast, reference = render(_annex(), template), render_docxtpl(_annex(), template)
    nbsp = "\u00a0"
    lines = ["Pielikums", "Daugavpils pilsētas domes", f"2013.{nbsp}gada 5.{nbsp}decembra sēdes",
             f"lēmumam Nr.{nbsp}610"]  # fmt: skip
    for data in (fast, reference):
        row = docx.Document(io.BytesIO(data)).tables[0].rows[0]
        assert [c.text for c in row.cells] == lines[:cells]
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            root = etree.fromstring(zf.read("word/document.xml"))
        first = root.find(f".//{W}tblGrid")
        assert first is not None
        assert [int(c.get(f"{W}w") or 0) for c in first] == grid
    assert fast == render(_annex(), template)  # deterministic
    assert "Projekta „Tests” apraksts" in paragraphs(fast)


def test_a_docxtpl_path_error_names_the_paragraph() -> None:
    template = _bundled_with(
        "word/document.xml", "<w:body>", "<w:body><w:p><w:r><w:drawing/></w:r></w:p>"
    )
    template = _rezip(
        template,
        {
            "word/document.xml": _part(template, "word/document.xml")
            .replace("{{ title }}", "Virsraksts: {{ title | quotd }}")
            .encode("utf-8")
        },
    )
    assert not compile_template(template, "t").supported  # an image in the body
    with pytest.raises(TemplateError) as info:
        render(_annex(), template)
    assert "near 'Virsraksts: {{ title | quotd }}'" in str(info.value)
    assert "quotd" in str(info.value)

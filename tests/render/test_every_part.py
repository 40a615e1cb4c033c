"""The same awkward value in every part of a document (reliability §2.1, §2.12, §4 row 1).

docxtpl treats parts differently: the body through a *recovering* parser,
headers and footers through a strict one, footnotes written back *unparsed*,
core properties through python-docx (double escaping). A template that puts
one variable in the body, a table, the header, the footer and a footnote must
give back exactly the same text in each, or fail loudly.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from annexgen.word.compiled import compile_template
from annexgen.word.package import document_paragraphs
from annexgen.word.render import render
from annexgen.word.templates import bundled_template
from tests.render.test_render import NASTY, _annex

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

HEADER = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}">'
    '<w:p><w:r><w:t xml:space="preserve">H:{{ title }}</w:t></w:r></w:p></w:hdr>'
)
FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve">N:{{ title }}</w:t></w:r></w:p></w:footnote></w:footnotes>'
)


def _template_with_header_and_footnote(footnote: bool = True) -> bytes:
    """The bundled template plus a header (and a footnote) that print the title.

    With a footnote the template takes the full docxtpl path; without, the
    compiled fast path renders the header itself.
    """
    src = zipfile.ZipFile(io.BytesIO(bundled_template("project-description")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            xml = src.read(info.filename).decode("utf-8")
            if info.filename == "[Content_Types].xml":
                xml = xml.replace(
                    "</Types>",
                    f'<Override PartName="/word/header9.xml" ContentType="{CT}.header+xml"/>'
                    f'<Override PartName="/word/footnotes.xml" ContentType="{CT}.footnotes+xml"/>'
                    "</Types>",
                )
            elif info.filename == "word/_rels/document.xml.rels":
                xml = xml.replace(
                    "</Relationships>",
                    f'<Relationship Id="rId90" Type="{REL}/header" Target="header9.xml"/>'
                    f'<Relationship Id="rId91" Type="{REL}/footnotes" Target="footnotes.xml"/>'
                    "</Relationships>",
                )
            elif info.filename == "word/document.xml":
                title = '<w:t xml:space="preserve">{{ title }}</w:t></w:r>'
                assert title in xml
                xml = xml.replace(
                    title, title + '<w:r><w:footnoteReference w:id="1"/></w:r>', 1
                ).replace(  # this header in place of the bundled page-number header
                    '<w:headerReference w:type="default" r:id="rId4"/>',
                    '<w:headerReference w:type="default" r:id="rId90"/>',
                )
            dst.writestr(info, xml.encode("utf-8"))
        dst.writestr("word/header9.xml", HEADER.encode("utf-8"))
        dst.writestr("word/footnotes.xml", FOOTNOTES.encode("utf-8"))
    if footnote:
        return out.getvalue()
    return _without_footnote(out.getvalue())


def _without_footnote(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "word/footnotes.xml":
                continue
            xml = src.read(info.filename).decode("utf-8")
            xml = xml.replace('<w:r><w:footnoteReference w:id="1"/></w:r>', "")
            xml = xml.replace(
                f'<Override PartName="/word/footnotes.xml" ContentType="{CT}.footnotes+xml"/>', ""
            )
            xml = xml.replace(
                f'<Relationship Id="rId91" Type="{REL}/footnotes" Target="footnotes.xml"/>', ""
            )
            dst.writestr(info, xml.encode("utf-8"))
    return out.getvalue()


def _part_text(data: bytes, name: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return list(document_paragraphs(etree.fromstring(zf.read(name))))


@pytest.mark.parametrize("value", NASTY)
def test_value_comes_back_exactly_in_every_part(value: str) -> None:
    template = _template_with_header_and_footnote()
    assert not compile_template(template, "t").supported  # footnotes: the docxtpl path
    data = render(_annex(title=value, applicant=value), template)
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [value]
    assert document.tables[0].rows[0].cells[1].text == value  # table cell
    assert document.sections[0].header.paragraphs[0].text == f"H:{value}"
    assert f"N:{value}" in _part_text(data, "word/footnotes.xml")
    assert document.core_properties.title == value  # once escaped, not twice


@pytest.mark.parametrize("value", NASTY)
def test_value_comes_back_exactly_in_the_header_on_the_fast_path(value: str) -> None:
    template = _template_with_header_and_footnote(footnote=False)
    assert compile_template(template, "t").supported
    document = docx.Document(io.BytesIO(render(_annex(title=value), template)))
    assert document.sections[0].header.paragraphs[0].text == f"H:{value}"
    assert document.core_properties.title == value

"""Property: the fast path and the docxtpl path give the same document (issue 11).

The fast path (:mod:`annexgen.word.compiled`) implements docxtpl's tags itself;
the docxtpl path lets docxtpl do them. Both are read back with python-docx and
compared on what a reader of the annex sees: paragraph text and style, run
formatting (bold, italic, underline, size), tables (rows, cells, header rows,
alignment), headers and footers, and the core properties. The fallback is
forced with :func:`render_docxtpl`, never left to image detection.

Two kinds of template: the bundled one of each kind, and a clerk-edited one made
here with python-docx (python-docx's own default document, bold and italic
runs, a tag Word split across differently formatted runs, a table with a
repeated header row and right-aligned cells, a header and a footer) — built
without any of annexgen's code.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Pt
from hypothesis import given, settings
from lxml import etree
from pydantic import TypeAdapter

from annexgen.model.kinds import Annex
from annexgen.word.compiled import compile_template
from annexgen.word.render import render, render_docxtpl
from tests.strategies import ANNEX_DATA

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ANNEX = TypeAdapter(Annex)
CORE_PROPERTIES = ["title", "subject", "keywords", "author", "language", "created", "modified",
                   "last_modified_by", "revision", "category", "comments"]  # fmt: skip

# --- what a reader sees ----------------------------------------------------------------


def _spans(paragraph: Any) -> list[tuple[str, Any, Any, Any, Any]]:
    """Runs as (text, bold, italic, underline, size), neighbours with equal format merged.

    Where one path splits a run in two and the other does not, the reader sees
    the same thing; empty runs are invisible too.
    """
    spans: list[tuple[str, Any, Any, Any, Any]] = []
    for run in paragraph.runs:
        if not run.text:
            continue
        look = (run.bold, run.italic, run.underline, run.font.size)
        if spans and spans[-1][1:] == look:
            spans[-1] = (spans[-1][0] + run.text, *look)
        else:
            spans.append((run.text, *look))
    return spans


def _paragraph(paragraph: Any) -> tuple[str, str, Any, list[Any]]:
    return (paragraph.text, paragraph.style.name, paragraph.alignment, _spans(paragraph))


def _blocks(container: Any) -> list[Any]:
    out: list[Any] = []
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):
            out.append(("table", [[_blocks(cell) for cell in row.cells] for row in item.rows]))
        else:
            out.append(_paragraph(item))
    return out


def _header_rows(data: bytes) -> list[list[bool]]:
    """Per table, which rows repeat as a header row (w:tblHeader), read from the XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return [
        [row.find(f"{W}trPr/{W}tblHeader") is not None for row in table.iter(f"{W}tr")]
        for table in root.iter(f"{W}tbl")
    ]


def seen(data: bytes) -> dict[str, Any]:
    """Everything compared between the two paths, read back with python-docx."""
    document = docx.Document(io.BytesIO(data))
    core = document.core_properties
    return {
        "body": _blocks(document),
        "tables": [[[c.text for c in row.cells] for row in t.rows] for t in document.tables],
        "header rows": _header_rows(data),
        "headers": [_blocks(s.header) for s in document.sections],
        "footers": [_blocks(s.footer) for s in document.sections],
        "core": {name: getattr(core, name) for name in CORE_PROPERTIES},
    }


# --- a clerk's template, made with python-docx alone ---------------------------------


def _run(paragraph: Any, text: str, **look: Any) -> None:
    run = paragraph.add_run(text)
    for name, value in look.items():
        if name == "size":
            run.font.size = Pt(value)
        else:
            setattr(run, name, value)


@cache
def clerk_template() -> bytes:
    """python-docx's default document, edited as a clerk would, with tags for every kind."""
    document = docx.Document()
    add = document.add_paragraph
    add("{%p if mark %}")
    add("{%p for line in mark.lines %}")
    _run(add(), "{{ line }}", italic=True)
    add("{%p endfor %}")
    add("{%p endif %}")
    heading = document.add_heading("", level=1)
    _run(heading, "Nosaukums: ", bold=False)
    _run(heading, "{{ ti", bold=True)  # Word split the tag when "tle }}" was formatted
    _run(heading, "tle }}", bold=True, italic=True)
    intro = add()
    _run(intro, "Temats: ")
    _run(intro, "{{ properties.subject }}", underline=True)
    _run(intro, " (", size=10)
    _run(intro, "{{ kind }}", bold=True, size=10)
    _run(intro, ")", size=10)
    # printed tabs and line breaks take the formatting of the run they are printed in
    _run(add(), '{{ kind ~ "\\t" ~ title }}', bold=True, size=13)
    _run(add(), '{{ (mark.lines if mark else ["-"]) | join("\\n") }}', italic=True, underline=True)

    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    head, loop, body = table.rows
    for cell, text in zip(
        head.cells, ["{{ table_header.label }}", "{{ table_header.value }}", "Nr."], strict=True
    ):
        _run(cell.paragraphs[0], text, bold=True)
    head._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeats on each page
    loop.cells[0].paragraphs[0].add_run("{%tr for row in rows %}")
    _run(body.cells[0].paragraphs[0], "{{ row.label }}", bold=True)
    value = body.cells[1].paragraphs[0]
    _run(value, '{{ row.paragraphs | join("\\n") }}')
    _run(value, "{% for e in row.entries %} {{ e }};{% endfor %}", italic=True)
    number = body.cells[2].paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(number, "{{ loop.index }}", size=11)
    end = table.add_row()
    end.cells[0].paragraphs[0].add_run("{%tr endfor %}")

    add("{%p for text in paragraphs %}")
    _run(add(), "{{ text }}", italic=True)
    add("{%p endfor %}")
    add("{%p for block in blocks %}")
    _run(add(), '{{ block.text or block.bullets | join("\\n") }}')
    add("{%p endfor %}")
    add("{%p if disclaimer %}")
    _run(add(), "{{ disclaimer }}", size=9)
    add("{%p endif %}")
    add("{%p if signature %}")
    signed = add()
    _run(signed, "{{ signature.position }}")
    _run(signed, "\t")
    _run(signed, "{{ signature.name }}", bold=True)
    add("{%p endif %}")
    add("{%p if e_signed %}")
    _run(add(), "{{ e_signature_mark }}", bold=True, underline=True)
    add("{%p endif %}")

    section = document.sections[0]
    _run(section.header.paragraphs[0], "{{ properties.keywords }}", italic=True, size=9)
    footer = section.footer.paragraphs[0]
    _run(footer, "{{ title }} — ")
    _run(footer, "{{ properties.author }}", bold=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_clerk_template_takes_the_fast_path() -> None:
    # otherwise the comparison below would compare the docxtpl path with itself
    compiled = compile_template(clerk_template(), "clerk.docx")
    assert compiled.supported, compiled.needs_docxtpl


# --- the properties ----------------------------------------------------------------------


@given(ANNEX_DATA)
def test_both_paths_give_the_same_document_with_the_bundled_template(data: dict[str, Any]) -> None:
    annex = ANNEX.validate_python(data)
    for public in (False, True):
        fast, reference = render(annex, public=public), render_docxtpl(annex, public=public)
        assert seen(fast) == seen(reference)


@settings(max_examples=60)
@given(ANNEX_DATA)
def test_both_paths_give_the_same_document_with_a_clerks_template(data: dict[str, Any]) -> None:
    annex = ANNEX.validate_python(data)
    template = clerk_template()
    fast, reference = render(annex, template), render_docxtpl(annex, template)
    assert seen(fast) == seen(reference)

"""Property: any text a model accepts comes out of the document *exactly* where it belongs.

reliability §2.14 / §4 rows 1–8 and issue 4 ("arbitrary Unicode text in every
field either round-trips exactly or is refused with a clear error").
``test_render.py`` checks that each piece is *somewhere* in the text; here each
location is read back on its own and compared for equality, so a value that
lost a character — or gained one — cannot hide behind a longer paragraph that
happens to contain it.
"""

from __future__ import annotations

import io

import docx
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from annexgen.word.render import render
from tests.render.test_render import _annex

NBSP = "\u00a0"

# Arbitrary Unicode, weighted towards what breaks XML and templates.
TRICKY = st.sampled_from(
    ["&", "<", ">", '"', "'", "]]>", "&amp;", "<select>", "{{", "}}", "{%", "%}", "{_{", "}_}",
     "\n", "\n\n", "\t", " ", "  ", NBSP, "ā", "Ž", "ķ", "„", "”", "\x0b", "\x0c", "\x00",
     "\ufffe", "\u2028"]
)  # fmt: skip
TEXT = st.lists(st.one_of(TRICKY, st.text(st.characters(codec="utf-8"), max_size=8)), max_size=8)


def _cell_paragraphs(data: bytes, label: str) -> list[str] | None:
    table = docx.Document(io.BytesIO(data)).tables[0]
    for row in table.rows:
        if row.cells[0].text == label:
            return [p.text for p in row.cells[1].paragraphs]
    return None


def _split(value: str) -> list[str]:
    # docs/templates.md (rows.paragraphs): a blank line starts a new paragraph of the
    # cell, a single line break stays a line break inside the paragraph
    return [p.strip("\n") for p in value.split("\n\n") if p.strip("\n")]


@given(st.builds("".join, TEXT), st.builds("".join, TEXT))
def test_title_and_table_cell_round_trip_exactly(title: str, applicant: str) -> None:
    try:
        annex = _annex(title=title or "x", applicant=applicant)
    except ValidationError as err:
        message = str(err)  # refused: the field and the offending code point are named
        assert "title" in message or "applicant" in message
        assert "U+" in message, message
        return
    data = render(annex)
    document = docx.Document(io.BytesIO(data))
    heading = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    # an empty title falls back to the generated one (document-rules §1.8)
    expected_title = annex.title or "Projekta „Tests” apraksts"
    assert heading == [expected_title]
    cell = _cell_paragraphs(data, "Projekta pieteicējs")
    if _split(annex.applicant):
        assert cell == _split(annex.applicant)
    else:
        assert cell is None  # an empty value leaves its row out
    assert document.core_properties.title == expected_title


@given(st.builds("".join, TEXT))
def test_annex_mark_line_round_trips_exactly(council: str) -> None:
    try:
        annex = _annex(decision={"council": council, "date": "2013-12-05", "number": "610"})
    except ValidationError as err:
        message = str(err)
        assert "council" in message
        return
    paragraphs = [p.text for p in docx.Document(io.BytesIO(render(annex))).paragraphs]
    assert paragraphs[:4] == [
        "Pielikums",
        annex.decision.council if annex.decision else None,
        f"2013.{NBSP}gada 5.{NBSP}decembra sēdes",
        f"lēmumam Nr.{NBSP}610",
    ]

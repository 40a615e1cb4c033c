"""Rendering: reliability notes §2.1–§2.5, §2.12–§2.13 and §4 rows 1, 2, 8–11, 18, 21;
layout per document-rules §0 and the seeds."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from annexgen.errors import DataError, TemplateError
from annexgen.jobs.single import render_file
from annexgen.model.kinds.project_description import ProjectDescription
from annexgen.model.loading import load_annex, load_annex_text
from annexgen.word.render import render, render_docxtpl
from tests.render.helpers import paragraphs, template_with, text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
NBSP = "\u00a0"


def _annex(**fields: object) -> ProjectDescription:
    base: dict[str, object] = {
        "kind": "project-description",
        "project_name": "Tests",
        "decision": {"council": "Daugavpils pilsētas domes", "date": "2013-12-05", "number": "610"},
        "signatory": {
            "position": "Daugavpils pilsētas domes priekšsēdētājs",
            "name": "Jānis Lāčplēsis",
        },
        "applicant": "Biedrība",
    }
    base.update(fields)
    return ProjectDescription.model_validate(base)


# --- the examples ----------------------------------------------------------------


# Fields whose values are not printed as written: options, row keys, codes, and the
# signatory (printed as "J. Lāčplēsis", checked in test_seed_003_layout).
NOT_PRINTED = {
    "options",
    "labels",
    "order",
    "kind",
    "role",
    "currency",
    "signatory",
    # table annexes: column keys and types, the source file, totals to check
    "key",
    "type",
    "align",
    "orientation",
    "rows_from",
    "sheet",
    "sum",
    "vat",
    "stated",
    "column",
    "act",
}  # fmt: skip  (act: "lēmumu" in an approval mark)


def _model_strings(value: object) -> list[str]:
    if isinstance(value, BaseModel):
        return [
            s
            for name in type(value).model_fields
            if name not in NOT_PRINTED
            for s in _model_strings(getattr(value, name))
        ]
    if isinstance(value, list):
        return [s for v in value for s in _model_strings(v)]
    if isinstance(value, str):
        return [value]
    return []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_renders_with_every_text(path: Path) -> None:
    annex = load_annex(path)
    data = render(annex)
    body = text(data)
    for value in _model_strings(annex):
        for piece in value.split("\n\n"):
            assert piece in body, piece[:70]


def test_seed_003_layout() -> None:
    data = render(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml"))
    paras = paragraphs(data)
    # document-rules §1.7: one element per line, top right; genitive date + "sēdes"; Nr. + NBSP
    assert paras[:4] == [
        "Pielikums",
        "Daugavpils pilsētas domes",
        f"2013.{NBSP}gada 5.{NBSP}decembra sēdes",
        f"lēmumam Nr.{NBSP}610",
    ]
    assert "Projekta „Integrācijas inkubators romu bērnu un jauniešu atbalstam” apraksts" in paras
    # latvian-language §6.2: "līdz" takes the dative
    assert f"Līdz 2015.{NBSP}gada 30.{NBSP}septembrim" in paras
    # §11 and §2: lats with their euro equivalent, "viens tūkstotis latu"
    assert (
        f"Daugavpils pašvaldības ieguldītais līdzfinansējums- 1{NBSP}000,00{NBSP}LVL "
        f"(viens tūkstotis latu) (1{NBSP}422,87{NBSP}EUR)."
    ) in paras
    # document-rules §1.5: position left, "J. Lāčplēsis" at a right tab stop
    assert f"Daugavpils pilsētas domes priekšsēdētājs\tJ.{NBSP}Lāčplēsis" in paras
    document = docx.Document(io.BytesIO(data))
    heading = next(p for p in document.paragraphs if p.text.startswith("Projekta „"))
    assert heading.style.name == "Heading 1"  # a real heading (EN 301 549)
    numbered = list(document.tables[0].rows[-1].cells[1].paragraphs)
    assert [p.style.name for p in numbered] == ["List Number"] * 3  # real, restarting list


def test_seed_amounts_are_written_correctly() -> None:
    # seed 000 wrote "19 700.00 EUR (…)": decimal comma, NBSP grouping (document-rules §2.1)
    body = text(render(load_annex(ROOT / "examples" / "000-hugs-not-drugs.yaml")))
    assert f"19{NBSP}700,00{NBSP}EUR (deviņpadsmit tūkstoši septiņi simti eiro)." in body
    # seed 001 wrote 115 029 as "simt vienpadsmit …" (= 111 029); generated words are right
    body = text(render(load_annex(ROOT / "examples" / "001-darbigas-kopienas.yaml")))
    assert (
        f"115{NBSP}029,00{NBSP}EUR (simt piecpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi)"
    ) in body
    assert "vienpadsmit tūkstoši" not in body
    # seed 002: "3 mēneši" (agreement: latvian-language §2)
    body = text(render(load_annex(ROOT / "examples" / "002-jauniesu-centri.yaml")))
    assert "3 mēneši" in body


def test_accessibility_and_properties() -> None:
    data = render(load_annex(ROOT / "examples" / "003-integracijas-inkubators.yaml"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = zf.read("word/styles.xml").decode()
        document_xml = zf.read("word/document.xml").decode()
    assert 'w:lang w:val="lv-LV"' in styles
    assert "<w:tblHeader/>" not in document_xml  # the seeds have no header row (issue 18)
    core = docx.Document(io.BytesIO(data)).core_properties
    assert (
        core.title == "Projekta „Integrācijas inkubators romu bērnu un jauniešu atbalstam” apraksts"
    )
    assert (
        core.subject
        == "Pielikums Daugavpils pilsētas domes 2013. gada 5. decembra sēdes lēmumam Nr. 610"
    )
    assert "lēmums Nr. 610" in core.keywords
    assert core.language == "lv-LV"
    assert core.created is not None
    assert core.created.date().isoformat() == "2013-12-05"


def test_same_input_gives_identical_bytes() -> None:
    annex = load_annex(ROOT / "examples" / "000-hugs-not-drugs.yaml")
    first = render(annex)
    assert render(annex) == first
    assert render(load_annex(ROOT / "examples" / "000-hugs-not-drugs.yaml")) == first
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- user data never breaks the XML (reliability §2.1, §4 rows 1, 2, 8) ----------------

NASTY = ["Jānis & Co", "a < b > c", '"quoted" \'single\'', "]]>", "&amp; literal", "<select>",
         "<b>bold?</b>", "{{ 7*7 }}", "{% if true %}x{% endif %}", "  two  spaces  ", "19\u00a0700",
         "line\nbreak", "tab\there", "{_{ x }_} {_% y %_}"]  # fmt: skip


@pytest.mark.parametrize("value", NASTY)
def test_values_round_trip_exactly_everywhere(value: str) -> None:
    annex = _annex(
        title=f"Title {value}",
        applicant=value,
        goal=f"Goal {value} end",
        decision={"council": f"Council {value}", "date": "2013-12-05", "number": "610"},
    )
    data = render(annex)
    paras = paragraphs(data)
    assert value in paras  # table cell, exact
    assert f"Goal {value} end" in paras  # nothing after the value lost
    assert f"Council {value}" in paras  # annex mark
    assert f"Title {value}" in paras  # heading
    assert docx.Document(io.BytesIO(data)).core_properties.title == f"Title {value}"  # not &amp;
    assert paras[-1].endswith(f"J.{NBSP}Lāčplēsis")  # nothing after it lost either


@pytest.mark.parametrize("value", ["{_{ x }_}", "a {_% if %_} b", "}_}{_{"])
def test_docxtpl_brace_escapes_in_data_are_not_rewritten(value: str) -> None:
    # docxtpl turns "{_{" into "{{" over the whole rendered XML, values included; the
    # data must come out as written (reliability §4 row 8) on both render paths
    annex = _annex(applicant=value, title=value)
    for data in (render(annex), render_docxtpl(annex)):
        assert value in paragraphs(data)
        assert docx.Document(io.BytesIO(data)).core_properties.title == value


def test_brace_escapes_in_a_template_still_print_braces() -> None:
    # docxtpl's documented escape for a literal "{{" in a template keeps working
    literal = "{_{ not a tag }_} {_% nor this %_}"
    template = template_with("project-description", "{{ title }}", literal)
    for data in (render(_annex(), template), render_docxtpl(_annex(), template)):
        assert "{{ not a tag }} {% nor this %}" in paragraphs(data)


@pytest.mark.parametrize("value", NASTY)
def test_values_round_trip_in_the_header(value: str) -> None:
    # reliability §2.1/§2.12: headers and footers are rendered separately by docxtpl
    template = template_with(
        "project-description", "<w:t>2</w:t>", "<w:t>{{ title }}</w:t>", "word/header1.xml"
    )
    data = render(_annex(title=value), template)
    header = docx.Document(io.BytesIO(data)).sections[0].header
    assert header.paragraphs[0].text == value


def test_control_characters_are_refused_before_rendering() -> None:
    # §4 rows 3–4: refused with the field named, never silently stripped
    with pytest.raises(ValidationError, match="applicant") as info:
        _annex(applicant="a\x0cb")
    assert "U+000C" in str(info.value)


def _blank_line_paragraphs(text: str) -> list[str]:
    """A row's text as paragraphs: a blank line starts a new one (README, "Writing
    the YAML"); empty pieces make no paragraph, an empty text one empty paragraph."""
    pieces = [p.strip("\n") for p in text.split("\n\n")]
    return [p for p in pieces if p] or [""]


SIGNER = f"A.{NBSP}Ozola"
COSTS = f"10,00{NBSP}EUR (desmit eiro 00 centu)"  # 10 in words, latvian-language §6

# Where a piece of text can go, the field name an error must mention, and the exact
# paragraphs the document must hold for it, one after another.
FIELDS: dict[str, tuple[Callable[[str], dict[str, Any]], Callable[[str], list[str]]]] = {
    "title": (lambda v: {"title": v}, lambda v: [v]),
    "applicant": (lambda v: {"applicant": v}, _blank_line_paragraphs),
    "description": (lambda v: {"description": v}, _blank_line_paragraphs),
    "council": (lambda v: {"decision": {"council": v}}, lambda v: ["Pielikums", v]),
    "position": (
        lambda v: {"signatory": {"position": v, "name": "Anna Ozola"}},
        lambda v: [f"{v}\t{SIGNER}"],
    ),
    "activities": (lambda v: {"activities": ["Pirmā", v]}, lambda v: ["Pirmā", v]),
    "costs": (
        lambda v: {"costs": [{"text": v, "amount": "10", "after": f" {v}"}]},
        lambda v: [f"{v} {COSTS} {v}"],
    ),
    "contact": (lambda v: {"contact": {"name": v}}, lambda v: ["Kontaktpersona", v]),
    "extra_rows": (
        lambda v: {"extra_rows": [{"label": v, "text": v}]},
        lambda v: [v, *_blank_line_paragraphs(v)],
    ),
}


def _run_of(expected: list[str], paras: list[str]) -> bool:
    return any(paras[i : i + len(expected)] == expected for i in range(len(paras)))


@given(
    value=st.text(st.characters(codec="utf-8"), min_size=1, max_size=60),
    field=st.sampled_from(sorted(FIELDS)),
)
def test_any_text_in_any_field_round_trips_or_is_refused(value: str, field: str) -> None:
    # Framed by words, so that a value of spaces or line breaks alone is looked for
    # where it belongs, not found anywhere in the body (issue 10).
    framed = f"Sākums {value} beigas"
    build, expected = FIELDS[field]
    try:
        annex = _annex(**build(framed))
    except ValidationError as err:
        message = str(err)
        assert field in message
        return
    written = unicodedata.normalize("NFC", framed.replace("\r\n", "\n").replace("\r", "\n"))
    paras = paragraphs(render(annex))
    assert _run_of(expected(written), paras), (expected(written), paras)


@pytest.mark.parametrize("value", [" ", "   ", "\n", "\t", NBSP, "\n\n", " \n\n "])
@pytest.mark.parametrize("field", sorted(FIELDS))
def test_whitespace_alone_is_kept_where_it_was_written(value: str, field: str) -> None:
    framed = f"Sākums {value} beigas"
    build, expected = FIELDS[field]
    paras = paragraphs(render(_annex(**build(framed))))
    assert _run_of(expected(framed), paras), (expected(framed), paras)


# Pieces that mean something to XML, Jinja or docxtpl. Random Unicode almost never
# produces them, and docxtpl's own rewriting of "{_{" went unnoticed for that reason.
TRICKY = ["{_{", "}_}", "{_%", "%_}", "{{", "}}", "{%", "%}", "{#", "#}", "{%p", "{{r",
          "&", "&amp;", "&#38;", "<", ">", "]]>", "<select>", "<w:t>", '"', "'", "„", "”",
          "\\", "\t", NBSP, " ", "ā", "Ž", "😀"]  # fmt: skip
tricky_text = st.lists(
    st.one_of(
        st.sampled_from(TRICKY),
        st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=12,
).map("".join)


@given(value=tricky_text)
def test_tricky_text_round_trips_exactly_on_both_paths_or_is_refused(value: str) -> None:
    # reliability §4 rows 1, 2, 8: exact round trip in body, table and core properties
    try:
        annex = _annex(applicant=value, title=value)
    except ValidationError as err:
        message = str(err)
        assert "applicant" in message or "title" in message
        return
    expected = unicodedata.normalize("NFC", value)
    for data in (render(annex), render_docxtpl(annex)):
        assert expected in paragraphs(data)  # the applicant cell, exactly
        assert docx.Document(io.BytesIO(data)).core_properties.title == expected


# --- templates are code: sandbox, strictness (§2.4, §2.5, §4 rows 9–11) ---------------


def test_template_injection_is_blocked() -> None:
    payload = "{{ cycler.__init__.__globals__.os.getpid() }}"
    template = template_with("project-description", "{{ title }}", payload)
    with pytest.raises(TemplateError, match="unsafe"):
        render(_annex(), template)


def test_unknown_variable_is_named() -> None:
    template = template_with("project-description", "{{ title }}", "{{ titel }}")
    with pytest.raises(TemplateError, match="titel"):
        render(_annex(), template)


@pytest.mark.parametrize("render_path", [render, render_docxtpl])
def test_unknown_attribute_names_the_paragraph_and_the_file(
    render_path: object, tmp_path: Path
) -> None:
    # §2.4: a runtime error names what a clerk can find in Word: the paragraph text,
    # and the template file, even when the same content was rendered before from bytes
    source = template_with("project-description", "{{ title }}", "Nosaukums: {{ data.projekt }}")
    path = tmp_path / "mans.docx"
    path.write_bytes(source)
    with pytest.raises(TemplateError):
        render(_annex(), source)  # cached under another name
    with pytest.raises(TemplateError) as info:
        render_path(_annex(), path)  # type: ignore[operator]
    message = str(info.value)
    assert "no attribute 'projekt'" in message
    assert "near 'Nosaukums: {{ data.projekt }}'" in message
    assert str(path) in message


def test_tag_split_across_runs_still_renders() -> None:
    split = '{{ ti</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">tle }}'
    template = template_with("project-description", "{{ title }}", split)
    assert "Projekta „Tests” apraksts" in paragraphs(render(_annex(), template))


def test_custom_template_can_use_model_data_and_filters() -> None:
    custom = (
        "{{ data.decision.date | date_lv('locative') }} {{ 19700 | amount }} "
        "{{ '1000' | amount_words('LVL', 'none') }} {{ data.project_name | quoted }} "
        "{{ 'Dzintra Ozola' | short_name }}"
    )
    template = template_with("project-description", "{{ title }}", custom)
    body = text(render(_annex(), template))
    assert (
        f"2013.{NBSP}gada 5.{NBSP}decembrī 19{NBSP}700,00{NBSP}EUR viens tūkstotis latu "
        f"„Tests” Dz.{NBSP}Ozola"
    ) in body


# --- public and e-signed versions (document-rules §1.6, §3.1) ---------------------------


def test_public_version_hides_personal_data() -> None:
    annex = load_annex(ROOT / "examples" / "000-hugs-not-drugs.yaml")
    body = text(render(annex, public=True))
    for secret in ("Evelīna Balode", "65425102", "28336093", "evelina.balode@inbox.lv"):
        assert secret not in body
    assert "[personas dati], eksperte projektu jautājumos" in body
    assert "Evelīna Balode" in text(render(annex))


def test_e_signed_version() -> None:
    paras_plain = paragraphs(render(_annex()))
    paras_signed = paragraphs(render(_annex(e_signed=True)))
    mark = "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU"
    assert paras_signed[-1] == mark
    assert mark not in paras_plain

    # no gap for a handwritten signature: the gap paragraph is left out
    def gaps(data: bytes) -> int:
        document = docx.Document(io.BytesIO(data))
        return sum(p.style.name == "Signature Gap" for p in document.paragraphs)

    assert (gaps(render(_annex())), gaps(render(_annex(e_signed=True)))) == (1, 0)


def test_acting_signatory() -> None:
    # document-rules §1.5: "p. i." under the position, then the actual signer
    paras = paragraphs(
        render(
            _annex(signatory={"position": "Priekšsēdētājs", "name": "Anna Ozola", "acting": True})
        )
    )
    assert paras[-2:] == ["Priekšsēdētājs", f"p. i.\tA.{NBSP}Ozola"]


# --- files -----------------------------------------------------------------------------


def test_render_file_is_atomic_and_keeps_old_output_on_failure(tmp_path: Path) -> None:
    src = tmp_path / "a.yaml"
    src.write_text((ROOT / "examples" / "003-integracijas-inkubators.yaml").read_text("utf-8"))
    out = render_file(src)
    assert out == tmp_path / "a.docx"
    good = out.read_bytes()
    src.write_text("kind: project-description\n")  # now invalid
    with pytest.raises(DataError):
        render_file(src)
    assert out.read_bytes() == good
    src.write_text((ROOT / "examples" / "003-integracijas-inkubators.yaml").read_text("utf-8"))
    bad_template = tmp_path / "bad.docx"
    bad_template.write_bytes(template_with("project-description", "{{ title }}", "{{ nope }}"))
    with pytest.raises(TemplateError):
        render_file(src, template=bad_template)
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.yaml", "bad.docx"]


def test_generic_annex_renders() -> None:
    annex = load_annex_text(
        "kind: generic\ntitle: Plāns & grafiks\nrows:\n  - label: Vieta\n    text: Laukums\n"
        "paragraphs:\n  - Pirmā rindkopa.\n  - Otrā <rindkopa>.\n"
    )
    paras = paragraphs(render(annex))
    assert "Plāns & grafiks" in paras
    assert paras.index("Vieta") < paras.index("Laukums") < paras.index("Otrā <rindkopa>.")


# --- the fast path against the reference docxtpl path (issue 5) ------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("public", [False, True])
def test_fast_path_gives_the_same_document_as_docxtpl(path: Path, public: bool) -> None:
    annex = load_annex(path)
    fast = render(annex, public=public)
    reference = render_docxtpl(annex, public=public)
    assert paragraphs(fast) == paragraphs(reference)
    fast_doc = docx.Document(io.BytesIO(fast))
    ref_doc = docx.Document(io.BytesIO(reference))
    assert [p.style.name for p in fast_doc.paragraphs] == [p.style.name for p in ref_doc.paragraphs]
    for attr in ("title", "subject", "keywords", "author", "language", "created", "modified"):
        assert getattr(fast_doc.core_properties, attr) == getattr(ref_doc.core_properties, attr)
    with zipfile.ZipFile(io.BytesIO(fast)) as a, zipfile.ZipFile(io.BytesIO(reference)) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())


# --- a project name typed with its own quotation marks (issue 10, document-rules §1.11) --


@pytest.mark.parametrize(
    "typed",
    ["Ābele", "„Ābele”", "„Ābele“", '"Ābele"', "“Ābele”", "«Ābele»", " „Ābele” ", "„„Ābele””"],
)
def test_quotes_typed_around_the_name_are_not_doubled(typed: str) -> None:
    annex = _annex(project_name=typed)
    assert annex.project_name == "Ābele"  # what check, saving and templates' data see
    assert "Projekta „Ābele” apraksts" in paragraphs(render(annex))


@pytest.mark.parametrize(
    ("typed", "style", "quoted"),
    [
        # §1.11: a name inside the name keeps its marks, double like the outer ones,
        # in the document's one style
        ('Programmas "Erasmus+" projekts', "lv", "„Programmas „Erasmus+” projekts”"),
        ("Programmas “Erasmus+” projekts", "lv", "„Programmas „Erasmus+” projekts”"),
        ("Programmas „Erasmus+” projekts", "en", "“Programmas “Erasmus+” projekts”"),
        ("„Programmas „Erasmus+” projekts”", "straight", '"Programmas "Erasmus+" projekts"'),
        # two quoted names are not one name in quotes
        ("„Ābele” un „Bērzs”", "lv", "„„Ābele” un „Bērzs””"),
        ("Bērnu fonds “O'Neill”", "lv", "„Bērnu fonds „O'Neill””"),
    ],
)
def test_quotes_inside_the_name_follow_the_document_style(
    typed: str, style: str, quoted: str
) -> None:
    annex = _annex(project_name=typed, options={"quotes": style})
    assert f"Projekta {quoted} apraksts" in paragraphs(render(annex))


@pytest.mark.parametrize("typed", ["„Ābele", "Ābele”", '"Ābele', "„Ābele” un „Bērzs"])
def test_a_quotation_mark_without_its_pair_is_refused(typed: str) -> None:
    text = f"kind: project-description\nproject_name: '{typed}'\n"
    with pytest.raises(DataError) as info:
        load_annex_text(text, "a.yaml")
    (problem,) = info.value.findings
    assert str(problem).startswith("a.yaml:2:15: project_name: the quotation mark")
    assert "has no pair" in problem.message


def test_the_announcement_disclaimer_does_not_double_the_marks_either() -> None:
    source = (ROOT / "examples" / "004-risk-free.yaml").read_text(encoding="utf-8")
    annex = load_annex_text(source)
    typed = annex.model_copy(
        update={"project": annex.project.model_copy(update={"name": f"„{annex.project.name}”"})}
    )
    assert text(render(typed)) == text(render(annex))


def test_an_announcement_with_a_decision_carries_the_annex_mark() -> None:
    # every kind prints the annex mark when the annex belongs to a decision (rules §1.2);
    # the announcement template once had no mark, and such an annex failed to render
    from annexgen.model.fields import Decision  # noqa: PLC0415
    from annexgen.model.loading import skeleton  # noqa: PLC0415

    text = skeleton("project-announcement")
    annex = load_annex_text(text, "a.yaml").model_copy(
        update={"decision": Decision(council="Daugavpils pilsētas domes", number="610")}
    )
    lines = paragraphs(render(annex))
    assert lines[:3] == ["Pielikums", "Daugavpils pilsētas domes", "lēmumam Nr.\u00a0610"]
    assert render(annex.model_copy(update={"decision": None}))  # and without one, none

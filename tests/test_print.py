"""The printed annex (issue 18): full pages, labels kept with their text, the seeds'
look by default, a repeated header row on request, tagged PDFs and PDF/UA-1.

Layout is measured on real PDFs from a real LibreOffice, by the positions of the
words (``pdftotext -bbox``): the lowest line of every page but the last must be
in the lowest fifth of the text area, wherever the table happens to break. The
PDF's accessibility structure is read with pikepdf, the .docx with python-docx.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import subprocess
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pikepdf
import pytest
import yaml
from click.testing import CliRunner
from docx.shared import Emu
from lxml import etree

from annexgen.cli import main
from annexgen.jobs.batch import MANIFEST_NAME, run_batch
from annexgen.model.loading import load_annex, load_annex_text
from annexgen.word.pdf import convert_to_pdf, export_options
from annexgen.word.render import render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PT_PER_MM = 72 / 25.4
MARGIN = 20 * PT_PER_MM  # top and bottom margin, document-rules §1.9
MAX_EMPTY = 0.2  # issue 18: no page before the last ends more than a fifth empty
XHTML = "{http://www.w3.org/1999/xhtml}"
HEADER = {"Sadaļa", "Saturs"}  # the optional header row (issue 18)


# --- reading a PDF's pages --------------------------------------------------------


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Page:
    height: float
    words: list[Word]

    @property
    def body(self) -> list[Word]:
        """Words inside the top and bottom margins (the page number is above)."""
        return [w for w in self.words if w.y0 >= MARGIN - 1 and w.y1 <= self.height - MARGIN + 1]

    @property
    def empty_share(self) -> float:
        """How much of the text area is left empty below the lowest line."""
        top, bottom = MARGIN, self.height - MARGIN
        lowest = max((w.y1 for w in self.body), default=top)
        return (bottom - lowest) / (bottom - top)


def read_pages(pdf: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True)
    root = etree.fromstring(out.stdout, etree.XMLParser(recover=False))
    return [
        Page(
            float(page.get("height")),
            [
                Word(*(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")), w.text or "")
                for w in page.iter(f"{XHTML}word")
            ],
        )
        for page in root.iter(f"{XHTML}page")
    ]


def lines(words: list[Word]) -> list[float]:
    """The tops of the distinct lines of some words, top to bottom."""
    tops: list[float] = []
    for y in sorted(w.y0 for w in words):
        if not tops or y - tops[-1] > 3:
            tops.append(y)
    return tops


# --- the annexes: every example and generated long ones ---------------------------


def _sentences() -> list[str]:
    """Real Latvian sentences from the seed examples, for long generated annexes."""
    found: list[str] = []
    for path in EXAMPLES[:4]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("goal", "description", "target_group"):
            text = data.get(key) or ""
            found += [s.strip().rstrip(".") + "." for s in text.split(". ") if len(s) > 40]
    return found


def _long_description(extra: int, *, header_row: bool = False) -> str:
    """A project description of three pages or more; ``extra`` sentences in the goal
    move every row further down, so that across variants the table breaks at
    different places in different rows."""
    s = _sentences()
    data: dict[str, Any] = {
        "kind": "project-description",
        "decision": {"council": "Daugavpils pilsētas domes", "date": "2024-03-14", "number": "7"},
        "signatory": {"position": "Domes priekšsēdētājs", "name": "J. Lāčplēsis"},
        "project_name": f"Garais apraksts {extra}",
        "applicant": "Daugavpils pilsētas Izglītības pārvalde",
        "duration": {"until": "2026-12-31"},
        "goal": " ".join(s[: 1 + extra]),
        "description": "\n".join(" ".join(s[i : i + 4]) for i in range(0, 12, 4)),
        "target_group": " ".join(s[3:5]),
        "activities": [s[(i * 3) % len(s)] + " " + s[(i * 3 + 1) % len(s)] for i in range(14)],
        "contact": {"name": "Anna Ozola", "phone": "+371 65400000", "email": "a@example.lv"},
        "extra_rows": [{"label": "Sagaidāmie rezultāti", "text": " ".join(s[5:13])}],
    }
    if header_row:
        data["options"] = {"header_row": True}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _long_generic() -> str:
    s = _sentences()
    data = {
        "kind": "generic",
        "title": "Nolikums par projektu konkursu",
        "rows": [{"label": f"{n}. sadaļa", "text": " ".join(s[n : n + 3])} for n in range(9)],
        "paragraphs": [" ".join(s[n : n + 2]) for n in range(0, 16, 2)],
        "signatory": {"position": "Domes priekšsēdētājs", "name": "J. Lāčplēsis"},
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


LONG: dict[str, str] = {
    **{f"long-{n}": _long_description(n) for n in range(0, 12, 2)},
    "long-header": _long_description(3, header_row=True),
    "long-generic": _long_generic(),
}


def _docx_of(name: str) -> bytes:
    if name in LONG:
        return render(load_annex_text(LONG[name], f"{name}.yaml"))
    return render(load_annex(ROOT / "examples" / f"{name}.yaml"))


ALL = [p.stem for p in EXAMPLES] + list(LONG)


@cache
def _converted(folder: str) -> dict[str, tuple[bytes, Path]]:
    """Every annex as .docx and PDF, from one LibreOffice start."""
    out = Path(folder)
    sources = []
    for name in ALL:
        source = out / f"{name}.docx"
        source.write_bytes(_docx_of(name))
        sources.append(source)
    pdfs = convert_to_pdf(sources, out / "pdf")
    return {n: (s.read_bytes(), p) for n, s, p in zip(ALL, sources, pdfs, strict=True)}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, Path]]:
    return _converted(str(tmp_path_factory.mktemp("print")))


# --- layout -----------------------------------------------------------------------


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ALL)
def test_page_numbers_top_centre_from_page_2(
    converted: dict[str, tuple[bytes, Path]], name: str
) -> None:
    # document-rules §1.9 (MK 916): "multi-page documents numbered from the second
    # page, Arabic numerals, top centre" — in the top margin, centred on the text area
    left, right = 30 * PT_PER_MM, 15 * PT_PER_MM  # margins, document-rules §1.9
    for number, page in enumerate(read_pages(converted[name][1]), start=1):
        above = [w for w in page.words if w.y1 <= MARGIN]
        below = [w for w in page.words if w.y0 >= page.height - MARGIN]
        assert below == [], (name, number)
        if number == 1:
            assert above == [], name
            continue
        assert [w.text for w in above] == [str(number)], (name, number)
        middle = (above[0].x0 + above[0].x1) / 2
        width = 595.3  # A4 in points
        assert abs(middle - (left + (width - right - left) / 2)) < 3, (name, number, middle)


def test_long_annexes_are_long() -> None:
    # the generated annexes really make several pages: the checks below see breaks
    for name, text in LONG.items():
        assert len(text) > 6000, name


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ALL)
def test_no_page_before_the_last_ends_more_than_a_fifth_empty(
    converted: dict[str, tuple[bytes, Path]], name: str
) -> None:
    pages = read_pages(converted[name][1])
    if name in LONG:
        assert len(pages) >= 3, name
    for number, page in enumerate(pages[:-1], 1):
        assert page.empty_share <= MAX_EMPTY, (name, number, f"{page.empty_share:.0%} empty")


def _label_edge(data: bytes) -> float:
    """x of the border between label and text column, from the .docx (in points)."""
    document = docx.Document(io.BytesIO(data))
    left = document.sections[0].left_margin
    width = document.tables[0].columns[0].width
    assert left is not None
    assert width is not None
    return float(Emu(left + width).pt)


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", [n for n in ALL if n not in {"long-generic", "004-risk-free"}])
def test_a_label_is_never_left_at_the_foot_of_a_page_without_its_text(
    converted: dict[str, tuple[bytes, Path]], name: str
) -> None:
    data, pdf = converted[name]
    edge = _label_edge(data)
    pages = read_pages(pdf)
    breaks = 0
    for page, following in itertools.pairwise(pages):
        body = [w for w in page.body if w.text not in HEADER]  # a repeated header row
        after = [w for w in following.body if w.text not in HEADER]
        labels = lines([w for w in body if w.x1 < edge])
        values = [w for w in body if w.x0 > edge]
        if not labels:  # the page is the middle of one long row
            continue
        # the lowest label (all its lines) and the lines of its text on this page
        top = labels[-1]
        while len(labels) > 1 and labels[-1] - labels[-2] < 20:
            labels.pop()
            top = labels[-1]
        here = lines([w for w in values if w.y0 >= top - 2])
        next_labels = lines([w for w in after if w.x1 < edge])
        first_label = next_labels[0] if next_labels else following.height
        continued = lines([w for w in after if w.x0 > edge and w.y0 < first_label - 2])
        if continued:  # the row broke across the pages
            breaks += 1
            assert len(here) >= 2, (name, "label with fewer than two lines of its text")
    if name.startswith("long-"):
        assert breaks, f"{name}: no row broke across pages, the test saw nothing"


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    "name", [p.stem for p in EXAMPLES if "\nkind: table\n" not in p.read_text(encoding="utf-8")]
)  # table annexes repeat their header row on every page (issue 16)
def test_the_seeds_look_no_header_row(converted: dict[str, tuple[bytes, Path]], name: str) -> None:
    # the seeds (tests/fixtures/seeds) have no "Sadaļa | Saturs" row
    words = {w.text for page in read_pages(converted[name][1]) for w in page.words}
    assert "Sadaļa" not in words
    assert "<w:tblHeader/>" not in _document_xml(converted[name][0])


@pytest.mark.libreoffice
def test_header_row_on_request_repeats_on_every_page(
    converted: dict[str, tuple[bytes, Path]],
) -> None:
    data, pdf = converted["long-header"]
    pages = read_pages(pdf)
    assert len(pages) >= 3
    edge = _label_edge(data)
    for number, page in enumerate(pages, 1):
        if not any(w.x1 < edge for w in page.body):
            continue  # the table has ended before this page
        assert [w.text for w in page.body].count("Sadaļa") == 1, number
        if number > 1:  # the table's first line on every further page
            top = min(w.y0 for w in page.body)
            first = [w.text for w in page.body if w.y0 - top < 3]
            assert first == ["Sadaļa", "Saturs"], (number, first)
    # accessible: the header cells are table headers in the tagged PDF too
    assert _structure(pdf).count("/TH") == 2


# --- the Word file stays accessible (document-rules §3.2) -------------------------


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("name", ALL)
def test_docx_title_heading_and_language(name: str) -> None:
    data = _docx_of(name)
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == 1
    assert document.core_properties.title == headings[0]
    assert document.core_properties.language == "lv-LV"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = etree.fromstring(zf.read("word/styles.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    langs = {el.get(f"{w}val") for el in styles.iter(f"{w}lang")}
    assert langs == {"lv-LV"}


def test_docx_header_row_is_marked_when_asked_for() -> None:
    document = docx.Document(io.BytesIO(_docx_of("long-header")))
    first = document.tables[0].rows[0]
    assert [c.text for c in first.cells] == ["Sadaļa", "Saturs"]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    header_rows = [
        n
        for n, r in enumerate(document.tables[0].rows)
        if r._tr.find(f"{w}trPr/{w}tblHeader") is not None
    ]
    assert header_rows == [0]  # a table header, repeated on every page


def test_short_rows_do_not_break_long_ones_may() -> None:
    document = docx.Document(io.BytesIO(_docx_of("long-4")))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    kept = {
        r.cells[0].text: r._tr.find(f"{w}trPr/{w}cantSplit") is not None
        for r in document.tables[0].rows
    }
    assert kept["Projekta ilgums"] is True  # one line
    assert kept["Projekta pieteicējs"] is True
    assert kept["Projekta aktivitātes"] is False  # fourteen activities: a page or more
    assert kept["Projekta apraksts"] is False


# --- tagged PDF, PDF/UA-1 and PDF/A-2b -------------------------------------------


def _structure(pdf: Path) -> list[str]:
    """The structure types of the tagged PDF, depth first (reading order)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(str(node.S))
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                for kid in kids:
                    walk(kid)
            elif isinstance(kids, pikepdf.Dictionary):
                walk(kids)

    with pikepdf.open(pdf) as doc:
        role_map = doc.Root.StructTreeRoot.get("/RoleMap", pikepdf.Dictionary())
        roles = {str(k): str(v) for k, v in role_map.items()}
        walk(doc.Root.StructTreeRoot)
    return [roles.get(s, s) for s in found]


def _xmp(pdf: Path) -> str:
    with pikepdf.open(pdf) as doc:
        return str(doc.open_metadata())


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ALL)
def test_every_pdf_is_tagged_with_language_and_title(
    converted: dict[str, tuple[bytes, Path]], name: str
) -> None:
    data, pdf = converted[name]
    title = docx.Document(io.BytesIO(data)).core_properties.title
    with pikepdf.open(pdf) as doc:
        assert "/StructTreeRoot" in doc.Root
        assert doc.Root.MarkInfo.Marked is True
        assert str(doc.Root.Lang) == "lv-LV"
        assert str(doc.docinfo.Title) == title  # from the document properties
        assert doc.Root.ViewerPreferences.DisplayDocTitle is True  # title, not file name
    kinds = _structure(pdf)
    # reading order: the heading first (after the annex mark), then the body in order
    assert kinds.count("/H1") == 1
    if "/Table" in kinds:
        assert kinds.index("/H1") < kinds.index("/Table")
        rows = len(docx.Document(io.BytesIO(data)).tables[0].rows)
        assert kinds.count("/TR") == rows
    assert "pdfuaid" not in _xmp(pdf)  # PDF/UA only on request


def test_export_options_are_libreoffice_filter_data() -> None:
    # names and values from LibreOffice's PDF export filter (filter/source/pdf/pdfexport.cxx)
    assert export_options() == {"UseTaggedPDF": True}
    assert export_options(pdf_a=True) == {"UseTaggedPDF": True, "SelectPdfVersion": 2}
    assert export_options(pdf_ua=True) == {"UseTaggedPDF": True, "PDFUACompliance": True}
    assert export_options(pdf_a=True, pdf_ua=True) == {
        "UseTaggedPDF": True,
        "SelectPdfVersion": 2,
        "PDFUACompliance": True,
    }


def _ids(xmp: str) -> dict[str, str]:
    """pdfaid/pdfuaid values, as elements or as attributes of the XMP."""
    found = dict(re.findall(r"<(pdfu?aid:\w+)>([^<]*)<", xmp))
    found.update(re.findall(r'(pdfu?aid:\w+)="([^"]*)"', xmp))
    return found


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--pdf-ua"], {"pdfuaid:part": "1"}),
        (
            ["--pdf-a", "--pdf-ua"],
            {"pdfuaid:part": "1", "pdfaid:part": "2", "pdfaid:conformance": "B"},
        ),
    ],
)
def test_render_pdf_ua_and_pdf_a(
    tmp_path: Path, flags: list[str], expected: dict[str, str]
) -> None:
    source = ROOT / "examples" / "003-integracijas-inkubators.yaml"
    out = tmp_path / "a.docx"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out), *flags])
    assert result.exit_code == 0, result.output
    pdf = out.with_suffix(".pdf")
    assert _ids(_xmp(pdf)) == expected
    with pikepdf.open(pdf) as doc:  # still tagged, with language and title
        assert "/StructTreeRoot" in doc.Root
        assert str(doc.Root.Lang) == "lv-LV"
    assert "dc:title" in _xmp(pdf)  # PDF/UA: the title in the XMP metadata too


@pytest.mark.libreoffice
def test_batch_pdf_ua_reaches_the_pdfs_and_the_manifest(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.yaml").write_bytes(EXAMPLES[3].read_bytes())
    out = tmp_path / "out"
    report = run_batch(source, out, pdf_ua=True, jobs=1)
    assert report.ok
    assert report.pdf_count == 1
    assert _ids(_xmp(out / "a.pdf")) == {"pdfuaid:part": "1"}
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["items"]["a.docx"]["pdf_ua"] is True
    # the same options again: skipped; without --pdf-ua the PDF is another output
    command = ["batch", str(source), "-o", str(out), "--dry-run"]
    same = CliRunner().invoke(main, [*command, "--pdf-ua"])
    other = CliRunner().invoke(main, [*command, "--pdf"])
    assert (same.exit_code, other.exit_code) == (0, 0)
    assert "skipped         a.yaml" in same.output or "skipped   a.yaml" in same.output
    assert "would render a.yaml" in other.output

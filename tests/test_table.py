"""The table kind (issue 16): rows from YAML, CSV and Excel; exact arithmetic; layout.

Spreadsheets are written here by the test itself (bytes in Windows-1257, a
workbook through openpyxl with float cells), and every expected figure is
computed independently, in whole cents, from the data the test generated.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from babel.numbers import format_decimal
from lxml import etree
from openpyxl import Workbook

from annexgen.errors import DataError
from annexgen.jobs.batch import run_batch
from annexgen.lv.approval import act_after_ar, approved_form
from annexgen.lv.figures import format_number, format_percent, parse_number
from annexgen.model.kinds.table import TableAnnex
from annexgen.model.loading import check_data, check_file, load_annex, load_annex_text
from annexgen.word.render import render, render_docxtpl

NBSP = "\u00a0"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parent.parent

HEAD = """kind: table
decision: {council: Cēsu novada domes, date: 2025-03-27, number: "112"}
signatory: {position: Cēsu novada domes priekšsēdētājs, name: Jānis Lāčplēsis}
title: Finansējuma sadalījums nevalstisko organizāciju projektiem 2025. gadā
"""
ALLOCATION = """columns:
  - {key: nr, label: "Nr. p. k.", type: row-number}
  - {key: recipient, label: "Saņēmējs", type: text}
  - {key: amount, label: "Summa, EUR", type: amount, total: true}
"""


def _lv_cents(cents: int) -> str:
    """Cents as Excel on a Latvian Windows displays them: 1 234,56 (NBSP groups)."""
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", NBSP) + f",{rest:02d}"


def _write(folder: Path, yaml_text: str, name: str = "a.yaml") -> Path:
    path = folder / name
    path.write_text(yaml_text, encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    return [str(p) for p in check_file(path) if p.severity == "error"]


def _tables(data: bytes) -> list[list[list[str]]]:
    document = docx.Document(io.BytesIO(data))
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def _document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


# --- CSV as Excel writes it on a Latvian Windows -------------------------------------


def _recipients(n: int) -> list[tuple[str, int]]:
    names = ["Ābele", "Ķirsis", "Ūdensroze", "Čiekurs", "Žagata", "Šķūnis", "Ņieburs", "Ģērbonis"]
    return [
        (f"Biedrība „{names[i % 8]} {i + 1}”", 10_000 + i * 123_457 % 500_000) for i in range(n)
    ]


def test_32_row_csv_in_windows_1257_with_semicolons(tmp_path: Path) -> None:
    rows = _recipients(32)
    lines = ["Nr. p. k.;Saņēmējs;Summa, EUR"]
    lines += [f"{i}.;{name};{_lv_cents(cents)}" for i, (name, cents) in enumerate(rows, 1)]
    raw = ("\r\n".join(lines) + "\r\n").encode("cp1257")
    assert b"\xa0" in raw
    assert "Ā".encode("cp1257") in raw
    (tmp_path / "saņēmēji.csv").write_bytes(raw)
    path = _write(tmp_path, HEAD + ALLOCATION + "rows_from: saņēmēji.csv\n")
    annex = load_annex(path)
    assert isinstance(annex, TableAnnex)
    assert len(annex.cells) == 32
    assert annex.cells[0]["recipient"] == "Biedrība „Ābele 1”"
    assert [r["amount"] for r in annex.cells] == [Decimal(c) / 100 for _, c in rows]
    expected_total = sum(c for _, c in rows)
    assert annex.totals == {"amount": Decimal(expected_total) / 100}
    tables = _tables(render(annex))
    assert tables[0][0] == ["Nr. p. k.", "Saņēmējs", "Summa, EUR"]
    assert tables[0][32] == ["32.", rows[31][0], _lv_cents(rows[31][1])]
    assert tables[0][33][-1] == _lv_cents(expected_total)  # the „Kopā” row
    assert tables[0][33][0] == "Kopā"


def test_csv_utf8_with_bom_commas_and_quoted_decimal_commas(tmp_path: Path) -> None:
    text = 'Saņēmējs,"Summa, EUR"\r\n"Biedrība ""A""","1 500,50"\r\nB,"2,25"\r\n'
    (tmp_path / "r.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    annex = load_annex(_write(tmp_path, HEAD + ALLOCATION + "rows_from: r.csv\n"))
    assert [(r["recipient"], r["amount"]) for r in annex.cells] == [
        ('Biedrība "A"', Decimal("1500.50")),
        ("B", Decimal("2.25")),
    ]
    assert annex.totals["amount"] == Decimal("1502.75")


def test_csv_header_by_key_and_extra_blank_lines(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("recipient;amount\n\nA;1\n;;\nB;2,5\n", encoding="utf-8")
    annex = load_annex(_write(tmp_path, HEAD + ALLOCATION + "rows_from: r.csv\n"))
    assert [r["nr"] for r in annex.cells] == [1, 2]
    assert annex.totals["amount"] == Decimal("3.50")


def test_every_bad_cell_is_reported_at_file_row_column_all_at_once(tmp_path: Path) -> None:
    lines = ["Nr. p. k.;Saņēmējs;Summa, EUR", "1;A;12,345", "2;B;abc", "3;C;10,00", "5;D;1"]
    (tmp_path / "r.csv").write_bytes("\r\n".join(lines).encode("cp1257"))
    path = _write(tmp_path, HEAD + ALLOCATION + "rows_from: r.csv\n")
    errors = _errors(path)
    csv = str(tmp_path / "r.csv")
    assert len(errors) == 3, errors
    assert errors[0].startswith(f"{csv}:2:3: C2 Summa, EUR: 12,345 has more decimals than 2")
    assert errors[1].startswith(f"{csv}:3:3: C3 Summa, EUR: expected a number like 1 234,56")
    assert errors[2] == (
        f"{csv}:5:1: A5 Nr. p. k.: the file says 5., but the row's position gives 4. "
        "(difference +1.)"
    )
    with pytest.raises(DataError) as caught:
        load_annex(path)
    assert len(caught.value.findings) == 3


def test_unknown_and_missing_header_columns(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("Saņemējs;Piezīmes\nA;x\n", encoding="utf-8")
    errors = _errors(_write(tmp_path, HEAD + ALLOCATION + "rows_from: r.csv\n"))
    csv = str(tmp_path / "r.csv")
    assert any(
        e.startswith(f"{csv}:1:1: A1: the header 'Saņemējs' names no column (did you mean "
                     "'Saņēmējs'?)") for e in errors
    )  # fmt: skip
    assert any(
        e.startswith(f"{csv}:1:2: B1: the header 'Piezīmes' names no column") for e in errors
    )
    assert f"{csv}:1: header: the header has no column 'Summa, EUR' (or 'amount')" in errors


def test_a_file_in_neither_utf8_nor_windows_1257_is_refused(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_bytes("Saņēmējs;Summa, EUR\nA;1\n".encode() + b"\x81\xff\n")
    errors = _errors(_write(tmp_path, HEAD + ALLOCATION + "rows_from: r.csv\n"))
    assert errors == [
        f"{tmp_path / 'r.csv'}:3: neither UTF-8 nor Windows-1257 text (byte 0x81); save it from "
        "Excel as 'CSV UTF-8' or 'CSV (semikolu atdalīts)'"
    ]


def test_sheet_total_row_is_checked_not_printed(tmp_path: Path) -> None:
    text = "Saņēmējs;Summa, EUR\nA;1 000,00\nB;234,56\nKopā;1 234,65\n"
    (tmp_path / "r.csv").write_bytes(text.encode("cp1257"))
    errors = _errors(_write(tmp_path, HEAD + ALLOCATION + "rows_from: r.csv\n"))
    assert errors == [
        f"{tmp_path / 'r.csv'}:4:2: B4 Summa, EUR: the stated total of 'Summa, EUR' is "
        f"1{NBSP}234,65, but the rows add up to 1{NBSP}234,56 (difference +0,09)"
    ]


@pytest.mark.parametrize("name", ["../r.csv", "/etc/passwd.csv", "r.txt"])
def test_rows_from_stays_beside_the_yaml(tmp_path: Path, name: str) -> None:
    errors = _errors(_write(tmp_path, HEAD + ALLOCATION + f"rows_from: {name}\n"))
    assert len(errors) == 1
    assert errors[0].startswith(f"{tmp_path / 'a.yaml'}:9:12: rows_from: ")


def test_rows_from_needs_a_yaml_file_on_disk() -> None:
    # web uploads and check_data have no folder: no file is ever read for them
    with pytest.raises(DataError, match="reads a file beside a YAML file"):
        load_annex_text(HEAD + ALLOCATION + "rows_from: r.csv\n", "upload.yaml")
    data = {
        "kind": "table", "title": "T", "rows_from": "r.csv",
        "columns": [{"key": "a", "label": "A"}],
    }  # fmt: skip
    assert check_data(data)[0] is None


# --- Excel ---------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[object]], *, sheet: str = "Lapa1") -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Titullapa"
    first.append(["nekas"])
    ws = book.create_sheet(sheet)
    for row in rows:
        ws.append(row)
    ws["D2"].number_format = "0%"
    book.save(path)


def _replace_in_zip(path: Path, member: str, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    parts[member] = parts[member].decode().replace(old, new).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


PRICES = """columns:
  - {key: service, label: Pakalpojums}
  - {key: price, label: "Cena bez PVN, EUR", type: amount}
  - {key: vat, label: "PVN 21 %, EUR", type: amount, vat: {of: price, rate: 21}}
  - {key: rate, label: "Likme", type: percent}
  - {key: gross, label: "Cena ar PVN, EUR", type: amount, sum: [price, vat], total: true}
rows_from: cenas.xlsx
sheet: Cenas
"""


def test_xlsx_float_cells_are_read_as_the_clerk_sees_them(tmp_path: Path) -> None:
    # typed 12,4 · =0,1+0,2 · =ROUND(45*21%;2) · =60+12,6: binary floats in the file
    floats = [12.4, 0.1 + 0.2, 9.45, 60 + 12.6]
    rows: list[list[object]] = [["Pakalpojums", "Cena bez PVN, EUR", "PVN 21 %, EUR", "Likme"]]
    rows += [[f"P{i}", value, None, 0.21] for i, value in enumerate(floats)]
    _workbook(tmp_path / "cenas.xlsx", rows, sheet="Cenas")
    # openpyxl writes 16 significant digits; Excel writes up to 17: put in what Excel
    # itself saves for =0,1+0,2, so the reader meets every form of float expansion
    _replace_in_zip(tmp_path / "cenas.xlsx", "xl/worksheets/sheet2.xml",
                    "<v>0.3</v>", "<v>0.30000000000000004</v>")  # fmt: skip
    with zipfile.ZipFile(tmp_path / "cenas.xlsx") as zf:
        sheet_xml = zf.read("xl/worksheets/sheet2.xml").decode()
    for expansion in ("0.30000000000000004", "9.449999999999999", "72.59999999999999"):
        assert f"<v>{expansion}</v>" in sheet_xml
    annex = load_annex(_write(tmp_path, HEAD + PRICES))
    assert [r["price"] for r in annex.cells] == [
        Decimal("12.40"), Decimal("0.30"), Decimal("9.45"), Decimal("72.60")
    ]  # fmt: skip
    assert annex.cells[0]["rate"] == Decimal(21)  # 21 % formatted cell holds 0.21
    assert annex.cells[1]["rate"] == Decimal("0.21")  # unformatted: what it says
    # VAT per row, half up: 12,40 × 21 % = 2,604 → 2,60; 0,30 → 0,063 → 0,06;
    # 9,45 → 1,9845 → 1,98; 72,60 → 15,246 → 15,25
    assert [r["vat"] for r in annex.cells] == [
        Decimal(v) for v in ("2.60", "0.06", "1.98", "15.25")
    ]
    assert annex.totals["gross"] == Decimal("15.00") + Decimal("0.36") + Decimal("11.43") + Decimal(
        "87.85"
    )
    table = _tables(render(annex))[0]
    assert table[1] == ["P0", "12,40", "2,60", f"21{NBSP}%", "15,00"]


def test_xlsx_first_sheet_by_default_and_unknown_sheet(tmp_path: Path) -> None:
    _workbook(tmp_path / "cenas.xlsx", [["Pakalpojums"]], sheet="Cenas")
    path = _write(tmp_path, HEAD + PRICES.replace("sheet: Cenas", "sheet: Cena"))
    assert _errors(path) == [
        f"{path}:11:12: rows_from: {tmp_path / 'cenas.xlsx'}: no sheet 'Cena'; the workbook "
        "has: Titullapa, Cenas"
    ]
    path = _write(tmp_path, HEAD + PRICES.replace("sheet: Cenas\n", ""))
    assert any("the header 'nekas' names no column" in e for e in _errors(path))


def test_xlsx_cell_with_more_decimals_than_an_amount_names_the_cell(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Pakalpojums", "Cena bez PVN, EUR", "Likme"], ["A", 12.345],
                                ["B", 1]]  # fmt: skip
    _workbook(tmp_path / "cenas.xlsx", rows, sheet="Cenas")
    errors = _errors(_write(tmp_path, HEAD + PRICES))
    assert errors == [
        f"{tmp_path / 'cenas.xlsx'}:2:2: B2 Cena bez PVN, EUR: 12,345 has more decimals than 2: "
        "an amount has 2; round it where it is typed (in Excel: =ROUND(…; 2))"
    ]


def test_computed_cells_given_in_the_sheet_must_agree(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Pakalpojums", "Cena bez PVN, EUR", "PVN 21 %, EUR", "Likme"],
                                ["A", 0.5, 0.1]]  # fmt: skip
    _workbook(tmp_path / "cenas.xlsx", rows, sheet="Cenas")
    # 0,50 × 21 % = 0,105 → 0,11 half up (a float would give 0,10: 0.5*0.21 < 0.105)
    assert round(0.5 * 0.21, 2) == 0.1
    assert _errors(_write(tmp_path, HEAD + PRICES)) == [
        f"{tmp_path / 'cenas.xlsx'}:2:3: C2 PVN 21 %, EUR: the file says 0,10, but 21{NBSP}% of "
        "'price' gives 0,11 (difference −0,01)"
    ]


# --- YAML rows, totals, words -------------------------------------------------------


def test_yaml_rows_errors_at_their_line_and_column(tmp_path: Path) -> None:
    text = (
        HEAD
        + ALLOCATION
        + (
            "rows:\n"
            '  - {recipient: A, amount: "1,5"}\n'
            '  - {recipient: B, amout: "2"}\n'
            '  - {recipient: C, amount: "2.001"}\n'
            '  - ["D", "3"]\n'
            '  - ["E"]\n'
        )
    )
    errors = _errors(_write(tmp_path, text))
    name = tmp_path / "a.yaml"
    assert errors == [
        f"{name}:11:27: rows[1].amout: no column 'amout' (did you mean 'amount'?); "
        "columns: nr, recipient, amount",
        f"{name}:12:28: rows[2].amount: 2,001 has more decimals than 2: an amount has 2; "
        "round it where it is typed (in Excel: =ROUND(…; 2))",
        f"{name}:14:5: rows[4]: this row has 1 values; the columns to fill are 2 "
        "(recipient, amount)",
    ]


def test_stated_total_that_differs_gives_both_figures_and_the_difference(tmp_path: Path) -> None:
    text = (
        HEAD
        + ALLOCATION
        + (
            'rows:\n  - {recipient: A, amount: "12 000,00"}\n  - {recipient: B, amount: "345,76"}\n'
            'total: {label: Kopā, stated: "12 345,67"}\n'
        )
    )
    assert _errors(_write(tmp_path, text)) == [
        f"{tmp_path / 'a.yaml'}:12:30: total.stated: the stated total of 'Summa, EUR' is "
        f"12{NBSP}345,67, but the rows add up to 12{NBSP}345,76 (difference −0,09)"
    ]


@pytest.mark.parametrize(
    ("cents", "words"),
    [
        ("digits", "trīs tūkstoši septiņi simti piecdesmit eiro 50 centu"),
        # latvian-language §2: after 50 the genitive plural, „centu”
        ("words", "trīs tūkstoši septiņi simti piecdesmit eiro un piecdesmit centu"),
    ],
)
def test_total_in_words_under_the_table(tmp_path: Path, cents: str, words: str) -> None:
    text = (
        HEAD
        + ALLOCATION
        + (
            'rows:\n  - {recipient: A, amount: "1 500,00"}\n'
            '  - {recipient: B, amount: "2 250,50"}\n'
            f"total: {{in_words: true}}\noptions: {{cents: {cents}}}\n"
        )
    )
    data = render(load_annex(_write(tmp_path, text)))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert f"Kopā: 3{NBSP}750,50{NBSP}EUR ({words})" in paragraphs


def test_columns_are_checked_before_any_row(tmp_path: Path) -> None:
    text = HEAD + (
        "columns:\n"
        "  - {key: a, label: A, type: amount, total: true}\n"
        "  - {key: b, label: B, type: text, total: true}\n"
        "  - {key: c, label: C, type: amount, vat: {of: d, rate: 21}}\n"
        "  - {key: e, label: E, type: amount, sum: [e]}\n"
        "rows: [[1, x]]\n"
    )
    errors = _errors(_write(tmp_path, text))
    assert [e.split(": ", 2)[1:] for e in errors] == [
        ["columns[0].total", "the first column holds the 'Kopā' label; put the total in a "
         "later column"],
        ["columns[1].total", "a text column cannot have a total; totals are for integer, "
         "decimal and amount columns"],
        ["columns[2].vat", "no column 'd'; columns: a, b, c, e"],
        ["columns[3].sum", "a column cannot be computed from itself"],
    ]  # fmt: skip


# --- layout, both render paths, --public ---------------------------------------------


WIDE = """columns:
  - {key: nr, label: "Nr. p. k.", type: row-number}
  - {key: name, label: "Nekustamā īpašuma nosaukums"}
  - {key: address, label: "Adrese"}
  - {key: cadastre, label: "Kadastra apzīmējums"}
  - {key: owner, label: "Īpašnieks", personal: true}
  - {key: area, label: "Platība, m²", type: decimal, places: 2, total: true}
  - {key: value, label: "Kadastrālā vērtība, EUR", type: amount, total: true}
  - {key: share, label: "Daļa", type: percent}
  - {key: since, label: "Reģistrēts", type: date}
rows:
  - [Dzīvojamā māja „Priedes”, "Rīgas iela 1, Cēsis", "42010030101001", Anna Ozola,
     "1 234,5", "85 000,00", "50", "2019-05-01"]
  - [Noliktava, "Lapu iela 2, Cēsis", "42010030102", Pēteris Bērziņš,
     "310", "12 500,00", "100 %", "01.02.2020."]
"""


def test_wide_table_turns_the_page_and_keeps_numbers_right(tmp_path: Path) -> None:
    data = render(load_annex(_write(tmp_path, HEAD + WIDE)))
    root = _document_xml(data)
    size = root.find(f".//{W}sectPr/{W}pgSz")
    assert size is not None
    assert (size.get(f"{W}w"), size.get(f"{W}orient")) == ("16838", "landscape")
    grid = [int(c.get(f"{W}w") or 0) for c in root.iter(f"{W}gridCol")]
    assert len(grid) == 9
    assert sum(grid) == 16838 - 1701 - 850  # the full landscape text width
    rows = root.findall(f".//{W}tbl/{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    first = rows[1].findall(f"{W}tc")
    aligns = [c.find(f".//{W}jc").get(f"{W}val") for c in first]  # type: ignore[union-attr]
    assert aligns == ["center", "left", "left", "left", "left", "right", "right", "right",
                      "center"]  # fmt: skip
    total = rows[-1]
    assert total.find(f".//{W}gridSpan").get(f"{W}val") == "5"  # type: ignore[union-attr]
    assert all(r.find(f"{W}rPr/{W}b") is not None for r in total.iter(f"{W}r"))  # bold
    table = _tables(data)[0]
    assert table[1][5:] == [f"1{NBSP}234,50", f"85{NBSP}000,00", f"50{NBSP}%", "01.05.2019."]
    assert table[3][0] == "Kopā"
    assert table[3][5:7] == [f"1{NBSP}544,50", f"97{NBSP}500,00"]


def test_narrow_table_stays_portrait(tmp_path: Path) -> None:
    text = HEAD + ALLOCATION + 'rows:\n  - {recipient: A, amount: "1"}\n'
    root = _document_xml(render(load_annex(_write(tmp_path, text))))
    size = root.find(f".//{W}sectPr/{W}pgSz")
    assert size is not None
    assert (size.get(f"{W}w"), size.get(f"{W}orient")) == ("11906", None)  # portrait: default
    assert sum(int(c.get(f"{W}w") or 0) for c in root.iter(f"{W}gridCol")) == 11906 - 1701 - 850


def test_both_render_paths_give_the_same_document_text(tmp_path: Path) -> None:
    annex = load_annex(_write(tmp_path, HEAD + WIDE))
    fast, reference = render(annex), render_docxtpl(annex)
    assert _tables(fast) == _tables(reference)
    paragraphs = [
        [p.text for p in docx.Document(io.BytesIO(d)).paragraphs] for d in (fast, reference)
    ]
    assert paragraphs[0] == paragraphs[1]


def test_public_hides_personal_columns_only(tmp_path: Path) -> None:
    annex = load_annex(_write(tmp_path, HEAD + WIDE))
    public = _tables(render(annex, public=True))[0]
    assert [row[4] for row in public[1:3]] == ["[personas dati]", "[personas dati]"]
    assert public[1][1] == "Dzīvojamā māja „Priedes”"
    text = "".join(p.text for p in docx.Document(io.BytesIO(render(annex, public=True))).paragraphs)
    assert "Ozola" not in str(public)
    assert "Ozola" not in text
    assert _tables(render(annex))[0][1][4] == "Anna Ozola"


# --- the approval mark ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "word"),
    [
        ("Pašvaldības nolikums", "APSTIPRINĀTS"),
        ("Kārtība, kādā piešķir pabalstus", "APSTIPRINĀTA"),
        ("Saistošie noteikumi Nr. 3", "APSTIPRINĀTI"),
        ("Projekta izmaksas", "APSTIPRINĀTAS"),
        ("Maksas pakalpojumu cenrādis", "APSTIPRINĀTS"),  # maksas: genitive here
        ("Nezināms", "APSTIPRINĀTS"),
    ],
)
def test_approved_agrees_with_the_document(title: str, word: str) -> None:
    assert approved_form(title) == word


def test_approval_mark_lines(tmp_path: Path) -> None:
    # document-rules §1.7: "APSTIPRINĀTI ar Balvu novada Domes 2021.gada 28.janvāra lēmumu
    # (sēdes prot. Nr.1, 1.§)", in today's spacing
    text = HEAD.replace(
        'number: "112"}', 'number: "112", protocol: "1", item: "1", approval: true}'
    ).replace("Finansējuma sadalījums", "Saistošie noteikumi par finansējuma sadalījumu")
    text += ALLOCATION + 'rows:\n  - {recipient: A, amount: "1"}\n'
    data = render(load_annex(_write(tmp_path, text)))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert paragraphs[:5] == [
        "APSTIPRINĀTI",
        "ar Cēsu novada domes",
        f"2025.{NBSP}gada 27.{NBSP}marta",
        f"lēmumu Nr.{NBSP}112",
        f"(sēdes prot. Nr.{NBSP}1, 1.{NBSP}§)",
    ]


@pytest.mark.parametrize(
    ("dative", "after_ar"),
    [("lēmumam", "lēmumu"), ("rīkojumam", "rīkojumu"), ("noteikumiem", "noteikumiem"),
     ("domes sēdei", "domes sēdi")],
)  # fmt: skip
def test_act_after_ar(dative: str, after_ar: str) -> None:
    assert act_after_ar(dative) == after_ar


# --- figures -------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "7", "999.5", "1000", "1234.56", "1234567.89", "-1500"])
def test_format_number_agrees_with_babel(value: str) -> None:
    # document-rules §2.1: decimal comma, groups of three with NBSP (Babel's lv locale)
    expected = format_decimal(Decimal(value), format="#,##0.00", locale="lv")
    assert format_number(Decimal(value), 2) == expected.replace("-", "\u2212")


def test_percent_and_number_parsing() -> None:
    assert format_percent(Decimal("21")) == f"21{NBSP}%"
    assert format_percent(Decimal("12.5")) == f"12,5{NBSP}%"
    assert parse_number(f"1{NBSP}234,56") == Decimal("1234.56")
    assert parse_number("−12,5") == Decimal("-12.5")
    with pytest.raises(ValueError, match="not a number"):
        parse_number("1.234,56")


# --- batch ---------------------------------------------------------------------------


def test_batch_renders_again_when_the_spreadsheet_changes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("005-nvo-finansejums.yaml", "005-nvo-finansejums.csv"):
        shutil.copy(ROOT / "examples" / name, src / name)
    out = tmp_path / "out"
    assert run_batch(src, out, jobs=1).count("rendered") == 1
    assert run_batch(src, out, jobs=1).count("skipped") == 1
    csv = src / "005-nvo-finansejums.csv"
    csv.write_bytes(re.sub(rb"Anna Ozola", "Anna Kalna".encode("cp1257"), csv.read_bytes()))
    again = run_batch(src, out, jobs=1)
    assert again.count("rendered") == 1
    assert "Anna Kalna" in str(_tables((out / "005-nvo-finansejums.docx").read_bytes()))


# --- existing documents: extract and lint ---------------------------------------------


def _budget_docx(path: Path, total: str) -> Path:
    """A budget annex as councils type it: the one-line approval mark, a table, „Kopā”."""
    document = docx.Document()
    document.add_paragraph(
        "APSTIPRINĀTI ar Balvu novada Domes 2021.gada 28.janvāra lēmumu (sēdes prot. Nr.1, 1.§)"
    )
    document.add_paragraph("Balvu novada pašvaldības budžeta izdevumi 2021. gadam")
    table = document.add_table(rows=0, cols=3)
    budget = [
        ["Nr.", "Izdevumi", "Summa, EUR"],
        ["1.", "Izglītība", "8 250 000,00"],
        ["2.", "Sociālā aizsardzība", "2 100 500,50"],
        ["3.", "Kultūra", "649 499,50"],
    ]
    for row in budget:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    cells = table.add_row().cells
    merged = cells[0].merge(cells[1])  # „Kopā” spans two columns, as clerks merge it
    merged.text = "Kopā"
    cells[2].text = total
    document.add_paragraph("Domes priekšsēdētājs\tA. Kazinovskis")
    document.save(str(path))
    return path


def test_lint_reports_a_kopa_row_that_does_not_add_up(tmp_path: Path) -> None:
    from annexgen.reading.lint import lint_file  # noqa: PLC0415

    good = _budget_docx(tmp_path / "good.docx", "11 000 000,00")
    assert [f for f in lint_file(good) if f.code == "table-total"] == []
    bad = _budget_docx(tmp_path / "bad.docx", "11 000 100,00")
    (finding,) = [f for f in lint_file(bad) if f.code == "table-total"]
    assert finding.severity == "error"
    assert finding.location.place == "table 1 row 5 cell 3"
    assert finding.message == (
        "table 1, row 5 ('Kopā'): the row says 11 000 100,00 but column 3 adds up to "
        "11 000 000,00 (difference 100,00)"
    )
    assert finding.suggestion == f"11{NBSP}000{NBSP}000,00"


def test_lint_pavisam_sums_the_subtotals(tmp_path: Path) -> None:
    from annexgen.reading.documents import Document, DocumentTable  # noqa: PLC0415
    from annexgen.reading.lint import lint_document  # noqa: PLC0415

    rows = (("A", "1,00"), ("B", "2,00"), ("Kopā", "3,00"), ("C", "4,00"), ("Kopā:", "4,00"),
            ("Pavisam kopā", "7,50"))  # fmt: skip
    findings = lint_document(Document("t.docx", (), (), (DocumentTable("table 1", rows),)))
    assert [(f.location.place, f.excerpt, f.suggestion) for f in findings] == [
        ("table 1 row 6 cell 2", "7,50", "7,00")
    ]


def test_extract_reads_a_typed_budget_as_a_table_annex(tmp_path: Path) -> None:
    from annexgen.reading.extract import extract, extract_yaml  # noqa: PLC0415

    data = extract(_budget_docx(tmp_path / "b.docx", "11 000 000,00")).data
    assert data["kind"] == "table"
    assert data["decision"] == {
        "approval": True,
        "council": "Balvu novada Domes",
        "date": "2021-01-28",
        "protocol": "1",
        "item": "1",
    }  # fmt: skip  (APSTIPRINĀTI agrees with "izdevumi": not repeated)
    assert data["title"] == "Balvu novada pašvaldības budžeta izdevumi 2021. gadam"
    assert [c["label"] for c in data["columns"]] == ["Nr.", "Izdevumi", "Summa, EUR"]
    assert [c.get("type", "text") for c in data["columns"]] == ["row-number", "text", "amount"]
    assert data["total"]["stated"] == "11 000 000,00"
    annex = load_annex_text(extract_yaml(tmp_path / "b.docx"))
    assert annex.totals == {"summa_eur": Decimal("11000000.00")}
    assert annex.signatory.name == "A. Kazinovskis"


@pytest.mark.parametrize("name", ["005-nvo-finansejums.yaml", "006-cenradis.yaml"])
def test_render_then_extract_prints_the_same_table(name: str, tmp_path: Path) -> None:
    from annexgen.reading.extract import extract_yaml  # noqa: PLC0415

    original = load_annex(ROOT / "examples" / name)
    (tmp_path / "a.docx").write_bytes(render(original))
    again = load_annex_text(extract_yaml(tmp_path / "a.docx"))
    assert isinstance(again, TableAnnex)
    assert again.decision == original.decision
    assert again.signatory is not None
    assert original.signatory is not None
    assert again.signatory.printed_name == original.signatory.printed_name
    assert again.signatory.position == original.signatory.position
    assert (again.title, again.intro, again.notes) == (original.title, original.intro,
                                                       original.notes)  # fmt: skip
    assert [c.label for c in again.columns] == [c.label for c in original.columns]
    assert [c.type for c in again.columns] == [c.type for c in original.columns]
    keys = [(c.key, d.key) for c, d in zip(original.columns, again.columns, strict=True)]
    assert [[row[k] for k, _ in keys] for row in original.cells] == [
        [row[k] for _, k in keys] for row in again.cells
    ]
    assert list(again.totals.values()) == list(original.totals.values())
    assert _tables(render(again)) == _tables(render(original))


def test_extract_falls_back_to_a_generic_annex_not_an_empty_shell(tmp_path: Path) -> None:
    from annexgen.reading.extract import extract, extract_yaml  # noqa: PLC0415

    document = docx.Document()
    for text in ("Pielikums", "Balvu novada domes", "2021. gada 28. janvāra sēdes",
                 "lēmumam Nr. 12", "Saistošie noteikumi par pašvaldības nodevām",
                 "1. Noteikumi nosaka nodevas.", "2. Nodevu maksā pirms pakalpojuma."):  # fmt: skip
        document.add_paragraph(text)
    document.save(str(tmp_path / "r.docx"))
    data = extract(tmp_path / "r.docx").data
    assert data["kind"] == "generic"
    assert data["title"] == "Saistošie noteikumi par pašvaldības nodevām"
    assert data["paragraphs"] == [
        "1. Noteikumi nosaka nodevas.",
        "2. Nodevu maksā pirms pakalpojuma.",
    ]
    assert data["decision"]["number"] == "12"
    assert load_annex_text(extract_yaml(tmp_path / "r.docx")).kind == "generic"

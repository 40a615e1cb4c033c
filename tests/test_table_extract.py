"""Extract reads a table annex back to the same model, computed columns included (issue 16).

A rendered table prints every figure, the computed ones too; extract finds
which columns are VAT of another (21, 12 or 5 %, rounded half up per row) or
the sum of others in every row, and writes them back as ``vat:``/``sum:`` so
that loading computes and checks them again. Expected figures are worked out
here in whole cents, independently of annexgen's arithmetic.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest

from annexgen.model.kinds.table import TableAnnex
from annexgen.model.loading import load_annex, load_annex_text
from annexgen.reading.extract import extract, extract_yaml
from annexgen.word.render import render

ROOT = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"


def _document_model(annex: TableAnnex) -> dict[str, Any]:
    """What a table annex *is*, with column keys replaced by their positions.

    Keys are the YAML's names for columns, which a printed table does not show
    (extract derives them from the labels). The signatory as printed ("J. Rozenbergs").
    Not compared: ``personal`` (a
    printed name does not say it is personal data) and ``total.stated`` (a
    figure the YAML gives to be checked: extract states every figure of the
    „Kopā” row, so that loading checks each).
    """
    position = {c.key: i for i, c in enumerate(annex.columns)}
    columns = [
        {
            "label": c.label,
            "type": c.type,
            "decimals": c.decimals,
            "total": c.total,
            "vat": (position[c.vat.of], c.vat.rate) if c.vat else None,
            "sum": [position[k] for k in c.sum] if c.sum else None,
            "align": c.align,
        }
        for c in annex.columns
    ]
    total = annex.total
    return {
        "decision": annex.decision,
        "signatory": (signatory.position, signatory.printed_name, signatory.acting)
        if (signatory := annex.signatory)
        else None,
        "title": annex.title,
        "intro": annex.intro,
        "notes": annex.notes,
        "currency": annex.currency,
        "options": annex.options,
        "orientation": annex.orientation,
        "columns": columns,
        "cells": [[row[c.key] for c in annex.columns] for row in annex.cells],
        "totals": {position[k]: v for k, v in annex.totals.items()},
        "total": None
        if total is None
        else (total.label, total.in_words, position.get(annex._words_column() or "")),
    }


@pytest.mark.parametrize("name", ["005-nvo-finansejums.yaml", "006-cenradis.yaml"])
def test_render_extract_load_gives_the_same_model(name: str, tmp_path: Path) -> None:
    original = load_annex(ROOT / "examples" / name)
    (tmp_path / "a.docx").write_bytes(render(original))
    again = load_annex_text(extract_yaml(tmp_path / "a.docx"))
    assert isinstance(again, TableAnnex)
    assert _document_model(again) == _document_model(original)


def test_the_price_list_comes_back_with_its_vat_and_sum(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(render(load_annex(ROOT / "examples" / "006-cenradis.yaml")))
    data = extract(tmp_path / "a.docx").data
    columns = {c["label"]: c for c in data["columns"]}
    price = columns["Cena bez PVN, EUR"]["key"]
    vat = columns["PVN 21 %, EUR"]
    assert vat["vat"] == {"of": price, "rate": 21}
    assert columns["Cena ar PVN, EUR"]["sum"] == [price, vat["key"]]
    # computed cells are computed again on loading, not written in the rows
    assert all(vat["key"] not in row for row in data["rows"])


def _cents(cents: int) -> str:
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", NBSP) + f",{rest:02d}"


def _vat_cents(cents: int, rate: int) -> int:
    """VAT in whole cents, rounded half up, with integers only."""
    return (cents * rate * 2 + 100) // 200


def _typed_table(path: Path, rows: list[list[str]]) -> Path:
    """A table as a clerk types it in Word (python-docx, not annexgen)."""
    document = docx.Document()
    document.add_paragraph("Maksas pakalpojumu cenrādis")
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(str(path))
    return path


@pytest.mark.parametrize("rate", [21, 12, 5])
def test_each_latvian_vat_rate_is_recognised(rate: int, tmp_path: Path) -> None:
    prices = [4_500, 2_050, 1_005, 999, 12_345_67]  # 10,05 × 5 % = 0,5025 → 0,50
    header = ["Pakalpojums", "Cena, EUR", f"PVN {rate} %, EUR", "Kopā ar PVN, EUR"]
    rows = [header] + [
        [f"Pakalpojums {i}", _cents(p), _cents(_vat_cents(p, rate)),
         _cents(p + _vat_cents(p, rate))]
        for i, p in enumerate(prices, 1)
    ]  # fmt: skip
    data = extract(_typed_table(tmp_path / "t.docx", rows)).data
    keys = [c["key"] for c in data["columns"]]
    assert data["columns"][2]["vat"] == {"of": keys[1], "rate": rate}
    assert data["columns"][3]["sum"] == [keys[1], keys[2]]
    annex = load_annex_text(extract_yaml(tmp_path / "t.docx"))
    assert [row[keys[2]] for row in annex.cells] == [
        Decimal(_vat_cents(p, rate)) / 100 for p in prices
    ]


def test_a_column_of_three_summands_and_no_false_vat(tmp_path: Path) -> None:
    # 2025 = state + municipality + EU funds; no column is 21, 12 or 5 % of another
    parts = [(10_000, 3_300, 50_000), (700, 0, 1_400), (123_456, 7_890, 0)]
    header = ["Pasākums", "Valsts, EUR", "Pašvaldība, EUR", "ES fondi, EUR", "Kopā, EUR"]
    rows = [header] + [
        [f"Pasākums {i}", *(_cents(c) for c in p), _cents(sum(p))] for i, p in enumerate(parts, 1)
    ]
    data = extract(_typed_table(tmp_path / "t.docx", rows)).data
    keys = [c["key"] for c in data["columns"]]
    assert data["columns"][4]["sum"] == keys[1:4]
    assert not any("vat" in c for c in data["columns"])
    assert not any("sum" in c for c in data["columns"][:4])


def test_a_column_that_differs_in_one_row_is_not_computed(tmp_path: Path) -> None:
    rows = [
        ["Pakalpojums", "Cena, EUR", "PVN, EUR", "Ar PVN, EUR"],
        ["A", "100,00", "21,00", "121,00"],
        ["B", "200,00", "42,00", "243,00"],  # a typing error: 242,00
    ]
    data = extract(_typed_table(tmp_path / "t.docx", rows)).data
    assert data["columns"][2]["vat"] == {"of": data["columns"][1]["key"], "rate": 21}
    assert "sum" not in data["columns"][3]  # kept as typed, so the error stays visible
    assert [row[data["columns"][3]["key"]] for row in data["rows"]] == ["121,00", "243,00"]


def test_text_rules_read_labels_and_cells_not_keys_and_types(tmp_path: Path) -> None:
    from annexgen.model.checks import _free_text  # noqa: PLC0415
    from annexgen.model.loading import check_text  # noqa: PLC0415

    text = (ROOT / "examples" / "006-cenradis.yaml").read_text(encoding="utf-8")
    text = text.replace('label: "Pakalpojums"', 'label: "Pakalpojums (Nr.5)"')
    paths = [path for path, _ in _free_text(load_annex(ROOT / "examples" / "006-cenradis.yaml"))]
    assert ("columns", 1, "label") in paths
    assert ("rows", 0, "service") in paths  # the cells
    assert not [p for p in paths if p[-1] in ("key", "type", "of", "orientation", "rows_from")]
    assert not [p for p in paths if p[:1] == ("columns",) and "sum" in p]
    (tmp_path / "006-cenradis.xlsx").write_bytes(
        (ROOT / "examples" / "006-cenradis.xlsx").read_bytes()
    )
    findings = check_text(text, "c.yaml", base_dir=tmp_path)
    assert [(f.code, f.location.field) for f in findings if f.code == "nr-spacing"] == [
        ("nr-spacing", "columns[1].label")
    ]


def test_a_text_repeated_in_cells_is_reported_in_each() -> None:
    from annexgen.model.loading import check_text  # noqa: PLC0415

    text = """kind: table
title: Cenrādis
columns:
  - {key: service, label: Pakalpojums}
  - {key: unit, label: Mērvienība}
rows:
  - {service: Zāle, unit: "telpa Nr.5"}
  - {service: Kopēšana, unit: "telpa Nr.5"}
"""
    found = [(f.code, f.location.field, f.location.line) for f in check_text(text, "c.yaml")]
    assert ("nr-spacing", "rows[0].unit", 7) in found
    assert ("nr-spacing", "rows[1].unit", 8) in found

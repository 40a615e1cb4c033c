"""``annexgen extract`` (issue 6): existing annexes back into the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annexgen.cli import main
from annexgen.model.loading import check_text, load_annex, load_annex_text
from annexgen.reading.extract import extract, extract_yaml
from annexgen.word.render import render
from tests.seeds import require_seeds

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTIONS = sorted((ROOT / "examples").glob("00[0-3]-*.yaml"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
#: Table examples read their rows from a spreadsheet; extract gives them back inline
#: (tests/test_table.py compares what they print instead of the model).
EXAMPLES = [p for p in EXAMPLES if "\nkind: table\n" not in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_render_then_extract_gives_the_same_model(path: Path, tmp_path: Path) -> None:
    annex = load_annex(path)
    docx = tmp_path / "annex.docx"
    docx.write_bytes(render(annex))
    assert load_annex_text(extract_yaml(docx)) == annex


def test_seed_003_text_file() -> None:
    (seed,) = require_seeds().glob("003_*.txt")
    data = extract(seed).data
    # legacy "2013.gada 5.decembra sēde" and the "lēmumu Nr.610" typo are read
    assert data["decision"] == {
        "council": "Daugavpils pilsētas domes",
        "date": "2013-12-05",
        "number": "610",
    }
    assert data["duration"] == {"until": "2015-09-30"}
    assert data["costs"][0]["amount"] == {"amount": "1000.00", "currency": "LVL", "eur": "1422.87"}
    assert data["signatory"] == {
        "position": "Daugavpils pilsētas domes priekšsēdētājs",
        "name": "J.Lāčplēsis",
    }
    assert len(data["activities"]) == 3


def test_seed_001_wrong_words_become_a_check_comment() -> None:
    (seed,) = require_seeds().glob("001_*.txt")
    text = extract_yaml(seed)
    assert "# CHECK: costs: '115 029.00EUR (simt vienpadsmit" in text
    assert "the words say 111029.00, the figure 115029.00" in text
    annex = load_annex_text(text)
    assert str(annex.costs[0].amount.amount) == "115029.00"


@pytest.mark.parametrize("number", ["000", "001", "002", "003"])
def test_every_seed_annex_extracts_to_valid_yaml(number: str) -> None:
    (seed,) = require_seeds().glob(f"{number}_*.txt")
    assert [str(p) for p in check_text(extract_yaml(seed)) if p.severity == "error"] == []


def test_cli(tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(render(load_annex(DESCRIPTIONS[3])))
    out = tmp_path / "a.yaml"
    result = CliRunner().invoke(main, ["extract", str(docx), "-o", str(out)])
    assert result.exit_code == 0
    assert load_annex(out) == load_annex(DESCRIPTIONS[3])
    missing = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.docx")])
    assert missing.exit_code == 1


def test_seed_004_press_release_extracts_to_the_example() -> None:
    # the EU-funding sentence is parsed back into the project facts it is made from
    (seed,) = require_seeds().glob("004_*.txt")
    extracted = load_annex_text(extract_yaml(seed))
    assert extracted == load_annex(ROOT / "examples" / "004-risk-free.yaml")


def test_announcement_with_an_unusual_disclaimer_keeps_it(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(
        "Virsraksts „Projekts”\n\nTeksts.\n\n"
        "Šo projektu finansē Eiropas Savienība, un citi vārdi.\n",
        encoding="utf-8",
    )
    result = extract(text)
    assert result.data["kind"] == "project-announcement"
    assert result.data["disclaimer"] == "Šo projektu finansē Eiropas Savienība, un citi vārdi."
    assert result.notes

"""``annexgen extract`` (issue 6): existing annexes back into the models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annexgen.cli import main
from annexgen.messages import format_param
from annexgen.model.loading import check_text, load_annex, load_annex_text
from annexgen.reading.documents import read_document
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
    assert "the words say 111 029,00, the figure 115 029,00" in text
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


# --- published annexes (--public): the placeholder is recognised, never kept as data ---

_PLACEHOLDER = "[personas dati]"  # Options.personal_placeholder's default, as the docs give it
_CONTACT_PERSONAL = ("name", "phone", "mobile", "email")  # what the Contact model marks


def _blanked(annex: Any) -> tuple[Any, list[str]]:
    """``annex`` with every personal value it has emptied, and those fields' paths:
    what an honest reading of its published copy can give back."""
    update: dict[str, Any] = {}
    fields: list[str] = []
    contact = getattr(annex, "contact", None)
    if contact is not None:
        gone = [k for k in _CONTACT_PERSONAL if getattr(contact, k)]
        update["contact"] = contact.model_copy(update=dict.fromkeys(gone, ""))
        fields += [f"contact.{k}" for k in gone]
    rows = getattr(annex, "extra_rows", [])
    if any(r.personal for r in rows):
        update["extra_rows"] = [
            r.model_copy(update={"text": ""}) if r.personal else r for r in rows
        ]
        fields += [f"extra_rows[{i}].text" for i, r in enumerate(rows) if r.personal]
    return annex.model_copy(update=update), fields


def _check_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("# CHECK:")]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_public_render_then_extract_leaves_personal_fields_empty(
    path: Path, tmp_path: Path
) -> None:
    annex = load_annex(path)
    docx = tmp_path / "annex.public.docx"
    docx.write_bytes(render(annex, public=True))
    text = extract_yaml(docx)
    expected, fields = _blanked(annex)
    data = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert "personas" not in data  # neither '[personas' nor 'dati]' left as a value
    assert load_annex_text(text) == expected
    for field_path in fields:  # each emptied field is named on its own CHECK line
        assert any(line.startswith(f"# CHECK: {field_path}:") for line in _check_lines(text))
    if fields:
        assert _PLACEHOLDER in "\n".join(_check_lines(text))


def test_public_example_000_contact_is_empty_not_garbage(tmp_path: Path) -> None:
    # issue 10: extract gave email '[personas', position '… dati] dati] dati]'
    docx = tmp_path / "a.docx"
    docx.write_bytes(render(load_annex(DESCRIPTIONS[0]), public=True))
    contact = extract(docx).data["contact"]
    assert contact == {
        "name": "",
        "position": "eksperte projektu jautājumos",
        "phone": "",
        "mobile": "",
        "email": "",
    }


@pytest.mark.parametrize("custom", ["[dzēsts]", "nav publiskojams, DVDR"])
def test_a_custom_placeholder_the_document_reveals_is_recognised(
    custom: str, tmp_path: Path
) -> None:
    # the same words in the name, phone, mobile and e-mail slots cannot be real data
    source = (
        DESCRIPTIONS[0]
        .read_text(encoding="utf-8")
        .replace(
            "options:\n",
            "extra_rows:\n  - label: 'Atbildīgā persona:'\n    text: Anna Liepa\n"
            "    after: contact\n    personal: true\n"
            f"options:\n  personal_placeholder: '{custom}'\n",
        )
    )
    annex = load_annex_text(source)
    docx = tmp_path / "a.docx"
    docx.write_bytes(render(annex, public=True))
    text = extract_yaml(docx)
    extracted = load_annex_text(text)
    expected, fields = _blanked(annex)
    assert extracted == expected  # options.personal_placeholder kept for the next --public
    assert extracted.options.personal_placeholder == custom
    assert extracted.contact.position == "eksperte projektu jautājumos"
    assert extracted.extra_rows[0].personal
    assert extracted.extra_rows[0].text == ""
    assert [line.split(":")[1].strip() for line in _check_lines(text)][-len(fields) :] == fields


def test_a_placeholder_given_by_the_caller(tmp_path: Path) -> None:
    # a lone name cannot reveal itself as a placeholder; the caller may say what it is
    source = tmp_path / "a.txt"
    source.write_text(
        "Projekta „Ābele” apraksts\n\nKontaktpersona:\tXXX, projektu vadītāja\n",
        encoding="utf-8",
    )
    assert extract(source).data["contact"]["name"] == "XXX"
    result = extract(source, placeholder="XXX")
    assert result.data["contact"] == {"name": "", "position": "projektu vadītāja"}
    assert result.data["options"] == {"personal_placeholder": "XXX"}
    assert any(format_param(note).startswith("contact.name:") for note in result.notes)


@pytest.mark.parametrize("style", ["lv", "en"])
def test_a_name_inside_the_project_name_extracts_back(style: str, tmp_path: Path) -> None:
    # document-rules §1.11: nested quotes are double; the title is not an override
    name = {"lv": "Programmas „Erasmus+” projekts", "en": "Programmas “Erasmus+” projekts"}
    example = load_annex(DESCRIPTIONS[3])
    options = example.options.model_copy(update={"quotes": style})
    annex = example.model_copy(update={"project_name": name[style], "options": options})
    docx = tmp_path / "a.docx"
    docx.write_bytes(render(annex))
    data = extract(docx).data
    assert data["project_name"] == name[style]
    assert "title" not in data
    assert load_annex_text(extract_yaml(docx)) == annex


def test_each_amount_keeps_its_own_cents_noun(tmp_path: Path) -> None:
    # issue 12: seed 001 writes "00 eiro centi" on one line and "00 eirocenti" on the next
    # (latvian-language §4 accepts both); extract keeps each, and a render prints each back.
    (seed,) = require_seeds().glob("001_*.txt")
    annex = load_annex_text(extract_yaml(seed))
    assert annex.options.minor_word == "eiro centi"
    assert [line.minor_word for line in annex.costs if line.amount is not None] == [
        None,
        "eirocenti",
    ]
    docx = tmp_path / "001.docx"
    docx.write_bytes(render(annex))
    text = " ".join(b.text for b in read_document(docx).blocks)
    assert "deviņi eiro 00 eiro centi)" in text.replace("\u00a0", " ")
    assert "viens tūkstotis eiro 00 eirocenti)" in text.replace("\u00a0", " ")


def test_a_signatory_typed_with_the_legacy_initial_stays_as_typed(tmp_path: Path) -> None:
    # issue 12: "J.Lāčplēsis" (document-rules §1.5 legacy form) is what the document says;
    # extract does not retype it (the signature line prints it in today's form)
    text = tmp_path / "a.txt"
    (seed,) = require_seeds().glob("003_*.txt")
    text.write_text(seed.read_text("utf-8").replace("J.Lāčplēsis", "A.K.Kariņš"), "utf-8")
    assert extract(text).data["signatory"]["name"] == "A.K.Kariņš"
    assert extract(seed).data["signatory"]["name"] == "J.Lāčplēsis"

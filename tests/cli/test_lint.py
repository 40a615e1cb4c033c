"""``annexgen lint`` from the command line: formats, exit codes, unreadable files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from annexgen.cli import main
from tests.seeds import require_seeds


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _seed(prefix: str) -> str:
    return str(next(require_seeds().glob(f"{prefix}_*.txt")))


def test_seed_001_fails_with_the_known_error_first() -> None:
    code, out, err = invoke("lint", _seed("001"))
    assert code == 1
    lines = out.splitlines()
    # errors first, then a blank line, then the style warnings
    assert lines[0] == (
        f"{_seed('001')}:20:110: error: the figure is 115 029,00 but the words "
        "say 111 029,00 (difference −4 000,00; thousands group 115 vs 111) "
        "(suggest: simt piecpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi) [amount-words]"
    )
    assert lines[1] == ""
    assert all(": warning: " in line for line in lines[2:])
    assert len(lines[2:]) == 6
    assert "1 file linted: 0 passed, 1 failed (1 error, 6 warnings, 0 unreadable)" in err


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_seeds_without_errors_pass_unless_strict(prefix: str) -> None:
    code, out, _ = invoke("lint", _seed(prefix))
    assert code == 0
    assert ": error: " not in out
    assert out.strip()  # each of these seeds has style findings
    code, _, _ = invoke("lint", "--strict", _seed(prefix))
    assert code == 1


def test_many_files_and_a_missing_one(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Projekta ilgums\tLīdz 2015. gada 30. septembrim\n", encoding="utf-8")
    missing = tmp_path / "missing.docx"
    code, out, err = invoke("lint", str(clean), str(missing))
    assert code == 1
    assert out.splitlines() == [
        f"{missing}: error: cannot read the document: file not found [unreadable-document]"
    ]
    assert "2 files linted: 1 passed, 1 failed (0 errors, 0 warnings, 1 unreadable)" in err
    code, out, _ = invoke("lint", str(clean))
    assert (code, out) == (0, "")


def test_json_format(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Ilgums\tlīdz 2015. gada 30. septembris; Nr.5\n", encoding="utf-8")
    code, out, _ = invoke("lint", "--format", "json", str(bad), str(tmp_path / "nope.txt"))
    assert code == 1
    data = json.loads(out)
    # the same objects as check --format json: one list, in file order
    assert data[0] == {
        "code": "date-case",
        "severity": "error",
        "file": str(bad),
        "line": 1,
        "column": 13,
        "place": None,
        "field": None,
        "message": "'līdz' needs the date in the dative, not the nominative",
        "suggestion": "2015. gada 30. septembrim",
        "excerpt": "2015. gada 30. septembris",
        "params": {
            "word": "līdz",
            "required": {"code": "case-dative", "params": {}},
            "found": {"code": "case-nominative", "params": {}},
        },
    }  # fmt: skip
    assert [(f["code"], f["severity"], f["excerpt"], f["suggestion"]) for f in data[1:2]] == [
        ("nr-spacing", "warning", "Nr.5", "Nr. 5")
    ]
    assert data[2]["code"] == "unreadable-document"
    assert data[2]["file"] == str(tmp_path / "nope.txt")
    assert data[2]["message"] == "cannot read the document: file not found"
    assert len(data) == 3


def test_docx_positions_in_the_human_format(tmp_path: Path) -> None:
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Projekta izmaksas"
    table.cell(0, 1).text = "LVL 1000 (tūkstotis lati) (EUR 1422,87)"
    path = tmp_path / "a.docx"
    d.save(str(path))
    code, out, _ = invoke("lint", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{path}: table 1 row 1 cell 2: error: 'tūkstotis lati': after 1000 "
        "the noun is 'latu' (suggest: latu) [noun-agreement]"
    ]


def test_rules_are_listed_for_an_installed_copy() -> None:
    # issue 10: --help pointed to docs/lint-rules.md, which the wheel does not ship
    code, out, _ = invoke("lint", "--rules")
    assert code == 0
    rows = [line.split()[:2] for line in out.splitlines() if not line.startswith(" ")]
    assert rows[0] == ["amount-words", "error"]
    assert ["quotes", "warning"] in rows
    # the rule table of docs/lint-rules.md, id by id and in its order
    doc = (Path(__file__).resolve().parents[2] / "docs" / "lint-rules.md").read_text("utf-8")
    documented = re.findall(r"^\| `([a-z-]+)` \| ", doc, re.MULTILINE)
    assert [rule for rule, _ in rows] == documented
    assert "source: latvian-language §10" in out
    # each rule with an example it accepts and one it reports
    assert "right: 19 700,00 EUR (deviņpadsmit tūkstoši septiņi simti eiro)" in out
    assert "wrong: līdz 2024. gada 30. jūnijs" in out
    code, out, _ = invoke("lint", "--help")
    assert "annexgen lint --rules" in out
    assert "docs/lint-rules.md" not in out


def test_no_files_is_a_usage_error() -> None:
    code, _, err = invoke("lint")
    assert code == 2
    assert "Missing argument" in err

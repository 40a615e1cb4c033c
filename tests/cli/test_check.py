"""``annexgen check``, ``schema`` and ``new`` from the command line (reliability §4 row 22)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annexgen.cli import main
from annexgen.cli.schema import schema_text
from annexgen.model.kinds import KINDS

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "seed-001-wrong-words.yaml"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_examples_are_valid() -> None:
    code, out, err = invoke("check", *map(str, sorted((ROOT / "examples").glob("*.yaml"))))
    assert code == 0
    assert "7 files checked: 7 valid, 0 with problems" in err
    assert "warning: activities are numbered 1., 2., 2., 3." in out


def test_strict_makes_warnings_fail() -> None:
    code, _, _ = invoke("check", "--strict", str(ROOT / "examples" / "000-hugs-not-drugs.yaml"))
    assert code == 1


def test_seed_001_error_exits_1_with_location(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text((ROOT / "examples" / "003-integracijas-inkubators.yaml").read_text("utf-8"))
    code, out, err = invoke("check", str(FIXTURE), str(good))
    assert code == 1
    assert (
        f"{FIXTURE}:8:11: costs[0].text: error: the figure is 115 029,00 but the words say "
        "111 029,00 (difference −4 000,00; thousands group 115 vs 111) "
        "(suggest: simt piecpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi) [amount-words]"
    ) in out.splitlines()
    # the text rules of lint run on the field too: "115 029.00EUR" has a decimal point
    assert "2 files checked: 1 valid, 1 with problems (1 error, 1 warning)" in err


def test_json_format() -> None:
    code, out, _ = invoke("check", "--format", "json", str(FIXTURE))
    assert code == 1
    (problem,) = [p for p in json.loads(out) if p["severity"] == "error"]
    assert problem["line"] == 8
    assert problem["field"] == "costs[0].text"
    assert problem["severity"] == "error"
    # latvian-language §10: the values apart from the prose, exact (no float)
    assert problem["code"] == "amount-words"
    assert problem["params"]["figure"] == "115029.00"
    assert problem["params"]["words_value"] == "111029.00"
    assert problem["params"]["groups"] == [
        {"code": "group-thousands", "params": {"figure": 115, "words": 111}}
    ]
    assert problem["message"].startswith("the figure is 115 029,00 but the words say 111 029,00")
    assert problem["file"] == str(FIXTURE)


def test_missing_file_and_no_arguments(tmp_path: Path) -> None:
    code, out, _ = invoke("check", str(tmp_path / "nope.yaml"))
    assert code == 1
    assert "cannot read the file" in out
    assert invoke("check")[0] == 2


def _shape(schema: dict[str, object]) -> dict[str, tuple[list[str], list[str]]]:
    """Model → (properties, required): what editors use, independent of the exact
    way a Pydantic release spells each type."""
    defs = schema["$defs"]
    assert isinstance(defs, dict)
    return {
        name: (sorted(d.get("properties", {})), sorted(d.get("required", [])))
        for name, d in defs.items()
    }


def test_schema_is_committed_and_current(tmp_path: Path) -> None:
    committed = (ROOT / "schema" / "annexgen.schema.json").read_text(encoding="utf-8")
    hint = "run: annexgen schema -o schema/annexgen.schema.json"
    assert _shape(json.loads(committed)) == _shape(json.loads(schema_text())), hint
    code, out, _ = invoke("schema")
    assert code == 0
    assert json.loads(out)["title"] == "annexgen annex"
    target = tmp_path / "s.json"
    assert invoke("schema", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == schema_text()


@pytest.mark.parametrize("kind", KINDS)
def test_new_skeleton_passes_check(kind: str, tmp_path: Path) -> None:
    code, out, _ = invoke("new", kind)
    assert code == 0
    assert out.startswith("# yaml-language-server: $schema=annexgen.schema.json")
    path = tmp_path / "new.yaml"
    path.write_text(out, encoding="utf-8")
    code, out, _ = invoke("check", "--strict", str(path))
    assert (code, out) == (0, "")


def test_new_rejects_unknown_kind() -> None:
    assert invoke("new", "minutes")[0] == 2


def test_every_command_has_help() -> None:
    for name, command in main.commands.items():
        assert command.help, name
        code, out, _ = invoke(name, "--help")
        assert code == 0
        assert "Usage:" in out

"""examples/ reproduces the seed documents: every text in an example occurs verbatim
in its seed (spacing aside), and every example passes `annexgen check`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel

from annexgen.cli import main
from annexgen.model.kinds.project_announcement import ProjectAnnouncement, disclaimer
from annexgen.model.loading import check_file, load_annex
from tests.seeds import require_seeds

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
#: The examples that reproduce a seed document (the others show features, e.g. tables).
SEED_EXAMPLES = [
    p for p in EXAMPLES if p.read_text(encoding="utf-8").splitlines()[1].startswith("# Seed ")
]

# Values that are data, not text copied from the seed (dates, amounts, options, labels
# chosen by us, and fields that the seed only implies — see each example's header).
NOT_VERBATIM = {
    "kind", "until", "months", "amount", "number", "cents", "minor_word", "quotes", "role",
    "in_words", "council", "date", "code", "short_name", "programme", "responsible", "name",
    "position", "phone", "mobile", "email", "order", "options", "act",
}  # fmt: skip


def _strings(value: object, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, BaseModel):
        out: list[tuple[str, str]] = []
        for name in type(value).model_fields:
            if name not in NOT_VERBATIM:
                out += _strings(getattr(value, name), name)
        return out
    if isinstance(value, list):
        return [s for item in value for s in _strings(item, key)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item, key)]
    if isinstance(value, str) and key not in NOT_VERBATIM:
        return [(key, value)]
    return []


def _squash(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text).strip()


def test_one_example_per_seed() -> None:
    assert [p.name[:3] for p in SEED_EXAMPLES] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_passes_check(path: Path) -> None:
    assert [str(p) for p in check_file(path) if p.severity == "error"] == []
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/annexgen.schema.json\n"
    )


@pytest.mark.parametrize("path", SEED_EXAMPLES, ids=lambda p: p.name)
def test_example_texts_are_verbatim_from_the_seed(path: Path) -> None:
    (seed,) = require_seeds().glob(f"{path.name[:3]}_*.txt")
    seed_text = _squash(seed.read_text(encoding="utf-8").replace("**", ""))
    annex = load_annex(path)
    texts = _strings(annex)
    assert len(texts) >= 3
    for key, text in texts:
        for paragraph in re.split(r"\n+", text):
            assert _squash(paragraph) in seed_text, f"{key}: {paragraph[:60]!r}"


def test_announcement_disclaimer_matches_seed_004() -> None:
    annex = load_annex(ROOT / "examples" / "004-risk-free.yaml")
    assert isinstance(annex, ProjectAnnouncement)
    (seed,) = require_seeds().glob("004_*.txt")
    last_paragraph = seed.read_text(encoding="utf-8").strip().split("\n\n")[-1]
    assert disclaimer(annex) == last_paragraph


def _seed_text(number: str) -> str:
    (seed,) = require_seeds().glob(f"{number}_*.txt")
    return _squash(seed.read_text(encoding="utf-8").replace("**", ""))


@pytest.mark.parametrize(
    ("example", "numbers"),
    [  # read off the seeds by hand: 000 has two activities numbered "2.", 001 skips 5
        ("000-hugs-not-drugs.yaml", ["1.", "2.", "2.", "3."]),
        ("001-darbigas-kopienas.yaml", ["1.", "2.", "3.", "4.", "6."]),
    ],
)
def test_irregular_activity_numbers_are_kept_verbatim(example: str, numbers: list[str]) -> None:
    annex = load_annex(ROOT / "examples" / example)
    assert [a.number for a in annex.activities] == numbers
    seed_text = _seed_text(example[:3])
    for activity in annex.activities:
        assert _squash(f"{activity.number} {activity.text}") in seed_text
    # accepted, but the clerk is told (a warning, not an error)
    warnings = [p.message for p in check_file(ROOT / "examples" / example)]
    assert any("instead of 1, 2, 3" in w for w in warnings)


def test_contact_person_of_seed_000_is_verbatim() -> None:
    # the fields --public blanks (document-rules §3.1) must still be the seed's own
    annex = load_annex(ROOT / "examples" / "000-hugs-not-drugs.yaml")
    contact = annex.contact
    seed_text = _seed_text("000")
    assert _squash(f"{contact.name}, {contact.position} Tālr.: {contact.phone}") in seed_text
    assert _squash(f"Mob.: {contact.mobile} E-pasts: {contact.email}") in seed_text


def test_seed_001_wrong_words_fixture_is_the_seed_text() -> None:
    # the fixture must carry the clerk's text exactly, or catching it proves nothing
    path = ROOT / "tests" / "fixtures" / "seed-001-wrong-words.yaml"
    text = yaml.safe_load(path.read_text(encoding="utf-8"))["costs"][0]["text"]
    assert "115 029.00EUR (simt vienpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi)" in text
    assert _squash(text) in _seed_text("001")


def test_the_checked_in_schema_is_what_annexgen_schema_prints() -> None:
    # the examples' editors read schema/annexgen.schema.json: one source, the models —
    # regenerate with `annexgen schema > schema/annexgen.schema.json`
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    checked_in = (ROOT / "schema" / "annexgen.schema.json").read_text("utf-8")
    assert json.loads(result.stdout) == json.loads(checked_in)

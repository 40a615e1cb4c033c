"""YAML → models: reliability notes §2.6 and §4 rows 12–16, with located errors."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from annexgen.errors import DataError
from annexgen.loading import MAX_FILE_BYTES, check_file, check_text, load_annex, load_annex_text
from annexgen.models import ProjectDescription

HEAD = (
    "kind: project-description\nproject_name: X\ndecision:\n  council: Daugavpils pilsētas domes\n"
)


def errors(text: str) -> list[str]:
    return [str(p) for p in check_text(text, "a.yaml") if p.severity == "error"]


# --- §2.6c implicit typing: the schema, not YAML, decides ---------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("NO", "NO"), ("yes", "yes"), ("on", "on"), ("0700", "0700"), ("0123", "0123"),
     ("08", "08"), ("12:30", "12:30"), ("1_000", "1_000"), ("1e3", "1e3"), ("12.30", "12.30"),
     ("2024-01-05", "2024-01-05"), ("~", "~"), ("null", "null")],
)  # fmt: skip
def test_text_fields_keep_what_was_written(value: str, expected: str) -> None:
    annex = load_annex_text(HEAD + f"applicant: {value}\n")
    assert annex.applicant == expected


def test_money_keeps_trailing_zero_and_precision() -> None:
    annex = load_annex_text(HEAD + "costs:\n  - amount: 12.30\n")
    assert annex.costs[0].amount.amount == Decimal("12.30")
    assert str(annex.costs[0].amount.amount) == "12.30"
    assert errors(HEAD + "costs:\n  - amount: 1234567.123456789012345\n") == [
        "a.yaml:6:13: costs[0].amount.amount: amount has more than two decimals: "
        "'1234567.123456789012345'"
    ]


def test_underscore_numbers_are_not_amounts() -> None:
    (msg,) = errors(HEAD + "costs:\n  - amount: 1_000\n")
    assert msg.startswith("a.yaml:6:13: costs[0].amount")


def test_dates_are_parsed_by_the_schema() -> None:
    annex = load_annex_text(HEAD.replace("domes\n", "domes\n  date: 2024-01-05\n"))
    assert str(annex.decision.date) == "2024-01-05"
    (msg,) = errors(HEAD.replace("domes\n", "domes\n  date: 2024-02-30\n"))
    assert msg.startswith("a.yaml:5:9: decision.date: expected a date like 2013-12-05")
    assert "'2024-02-30'" in msg


def test_booleans_only_where_the_model_wants_one() -> None:
    annex = load_annex_text(HEAD + "e_signed: yes\n")
    assert annex.e_signed is True
    (msg,) = errors(HEAD + "e_signed: maybe\n")
    assert msg.startswith("a.yaml:5:11: e_signed:")


# --- §2.6a/b: nothing executes, nothing expands --------------------------------------


def test_python_tags_are_refused_without_execution(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = HEAD + f"applicant: !!python/object/apply:os.system ['touch {marker}']\n"
    msgs = errors(text)
    assert msgs
    assert "tags" in msgs[0]
    assert msgs[0].startswith("a.yaml:5:")
    assert not marker.exists()


def test_anchors_and_aliases_are_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    msgs = errors(bomb)
    assert "a.yaml:1:4: b[0]: YAML anchors and aliases (&name, *name) are not allowed" in "\n".join(
        msgs
    )
    (msg,) = errors(HEAD + "goal: *x\n")
    assert "aliases" in msg
    scalar = errors(HEAD + "goal: &g text\ndescription: *g\n")
    assert any("anchors and aliases" in m for m in scalar)


def test_alias_bomb_does_not_expand() -> None:
    # reliability §2.6b: ten levels of 9× aliases would be 9^10 values if expanded
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 10):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    msgs = errors("\n".join(lines) + "\n")
    assert any("anchors and aliases" in m for m in msgs)


def test_oversize_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(HEAD.encode() + b"goal: " + b"a" * MAX_FILE_BYTES + b"\n")
    (problem,) = check_file(big)
    assert "limit is 1024 KiB" in problem.message
    ok = tmp_path / "ok.yaml"
    ok.write_text(HEAD, encoding="utf-8")
    assert [p for p in check_file(ok) if p.severity == "error"] == []


# --- §4 row 15: duplicate keys, unknown keys, wrong nesting ---------------------------


def test_duplicate_keys() -> None:
    assert errors(HEAD + "goal: a\ngoal: b\n") == [
        "a.yaml:6:1: goal: duplicate key 'goal' (first given on line 5)"
    ]


def test_unknown_keys_suggest_the_right_one() -> None:
    assert errors(HEAD + "aplicant: A\n") == [
        "a.yaml:5:1: aplicant: unknown field 'aplicant' (did you mean 'applicant'?)"
    ]
    assert errors(HEAD + "contact:\n  name: A\n  emial: a@b.lv\n") == [
        "a.yaml:7:3: contact.emial: unknown field 'emial' (did you mean 'email'?)"
    ]
    assert errors(HEAD + "labels:\n  gaol: Mērķis\n") == [
        "a.yaml:6:3: labels.gaol: unknown row 'gaol' (did you mean 'goal'?)"
    ]


def test_wrong_nesting_and_missing_fields() -> None:
    msgs = errors("kind: project-description\ndecision: Daugavpils\n")
    assert "a.yaml:1:1: project_name: required field 'project_name' is missing" in msgs
    assert any(m.startswith("a.yaml:2:11: decision:") for m in msgs)
    assert errors("kind: minutes\n") == [
        "a.yaml:1:7: kind: 'kind' must be one of: project-description, generic, "
        "project-announcement"
    ]
    assert "a mapping" in errors("- a\n- b\n")[0]


def test_every_error_of_a_file_at_once() -> None:
    text = (
        HEAD
        + "titel: x\ngoal: a\ngoal: b\nduration:\n  until: 2024-02-30\ncosts:\n  - amount: -5\n"
    )
    msgs = errors(text)
    assert len(msgs) == 4
    lines = [int(m.split(":")[1]) for m in msgs]
    assert lines == sorted(lines)


def test_syntax_errors_are_located() -> None:
    (msg,) = errors(HEAD + "goal: [unclosed\n")
    assert msg.startswith("a.yaml:6:1: not valid YAML")


def test_control_characters_in_yaml_are_located() -> None:
    (msg,) = errors(HEAD + 'goal: "a\\vb"\n')
    assert msg.startswith("a.yaml:5:7: goal: character U+000B")


def test_empty_and_multi_document_files() -> None:
    assert errors("") == ["a.yaml: the file is empty"]
    assert "exactly one" in errors(HEAD + "---\n" + HEAD)[0]


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(HEAD.encode("utf-8") + "goal: ā\n".encode("utf-16"))
    (problem,) = check_file(path)
    assert "UTF-8" in problem.message


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (problem,) = check_file(tmp_path / "nope.yaml")
    assert "cannot read" in problem.message
    with pytest.raises(DataError):
        load_annex(tmp_path / "nope.yaml")


# --- cross-checks --------------------------------------------------------------------


def test_seed_001_wrong_words_are_caught() -> None:
    fixture = Path(__file__).parent / "fixtures" / "seed-001-wrong-words.yaml"
    problems = [p for p in check_file(fixture) if p.severity == "error"]
    assert len(problems) == 1
    message = problems[0].message
    assert "115\u00a0029,00" in message
    assert "111\u00a0029,00" in message
    assert "difference −4\u00a0000,00" in message
    assert problems[0].location.field == "costs[0].text"
    assert problems[0].location.line == 8  # the "text: |-" line


def test_funding_sources_must_add_up() -> None:
    text = HEAD + (
        "costs:\n  - role: total\n    amount: 1000\n  - role: source\n    amount: 600\n"
        "  - role: source\n    amount: 300\n"
    )
    (p,) = check_text(text, "a.yaml")
    assert p.severity == "warning"
    assert "add up to 900,00" in p.message.replace("\u00a0", " ")


def test_lats_euro_pair_must_use_the_legal_rate() -> None:
    (msg,) = errors(HEAD + "costs:\n  - amount: LVL 1000 (EUR 1422,88)\n")
    assert "EUR 1422.87" in msg
    assert msg.startswith("a.yaml:6:13: costs[0].amount.eur")


# --- round trip ------------------------------------------------------------------------

SAFE_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
).filter(lambda s: s == s.rstrip("\n"))


@given(name=SAFE_TEXT, applicant=SAFE_TEXT, goal=SAFE_TEXT, cents=st.integers(0, 10**8))
def test_model_to_yaml_and_back(name: str, applicant: str, goal: str, cents: int) -> None:
    data = {
        "kind": "project-description",
        "project_name": name,
        "applicant": applicant,
        "goal": goal,
        "costs": [{"role": "total", "amount": f"{Decimal(cents) / 100:.2f} EUR"}],
    }
    text = yaml.safe_dump(data, allow_unicode=True)
    annex = load_annex_text(text)
    assert isinstance(annex, ProjectDescription)
    assert annex.project_name == unicodedata.normalize("NFC", name)
    assert annex.applicant == unicodedata.normalize("NFC", applicant)
    assert annex.costs[0].amount is not None
    assert annex.costs[0].amount.amount == Decimal(cents) / 100

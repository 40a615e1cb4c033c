"""YAML → models: reliability notes §2.6 and §4 rows 12–16, with located errors."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from annexgen.errors import DataError
from annexgen.model.kinds import Annex
from annexgen.model.kinds.project_description import ProjectDescription
from annexgen.model.loading import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    annex_json_schema,
    annex_to_yaml,
    check_file,
    check_text,
    load_annex,
    load_annex_text,
)
from tests.strategies import ANNEX_DATA

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


@pytest.mark.parametrize("value", ["1_2", "1e1", "3.0", "+3", "0x1", "twelve", "-3"])
def test_whole_numbers_are_digits_only(value: str) -> None:
    # §4 row 14: Pydantic's own int parsing reads "1_2" as 12; the schema says digits
    (msg,) = errors(HEAD + f"duration:\n  months: {value}\n")
    assert msg.startswith("a.yaml:6:11: duration.months: expected a whole number written")


def test_whole_numbers_with_leading_zero_are_decimal() -> None:
    # §4 row 14: 08 and 0700 are decimal numbers here, never octal
    annex = load_annex_text(HEAD + "duration:\n  months: 08\n")
    assert annex.duration.months == 8
    (msg,) = errors(HEAD.replace("domes\n", "domes\n  annex_number: 0700\n"))
    assert msg == "a.yaml:5:17: decision.annex_number: the number must be at most 99"


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
    # §4 row 13: refused from the event stream, each with its place and field
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    msgs = errors(bomb)
    assert msgs[:3] == [
        "a.yaml:1:4: a: YAML anchors (&name) are not allowed; write the value out",
        "a.yaml:2:4: b: YAML anchors (&name) are not allowed; write the value out",
        "a.yaml:2:8: b[0]: YAML aliases (*name) are not allowed; write the value out",
    ]
    assert errors(HEAD + "goal: *x\n") == [
        "a.yaml:5:7: goal: YAML aliases (*name) are not allowed; write the value out"
    ]
    assert errors(HEAD + "goal: &g text\ndescription: *g\n") == [
        "a.yaml:5:7: goal: YAML anchors (&name) are not allowed; write the value out",
        "a.yaml:6:14: description: YAML aliases (*name) are not allowed; write the value out",
    ]


def test_an_anchor_without_alias_is_refused_too() -> None:
    assert errors(HEAD + "activities:\n  - &first Pirmā\n") == [
        "a.yaml:6:5: activities[0]: YAML anchors (&name) are not allowed; write the value out"
    ]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1000, 100_000])
def test_deep_nesting_is_refused_without_crashing(depth: int) -> None:
    # 1 000 levels raised RecursionError and 100 000 crashed the interpreter in
    # libyaml's composer before the depth check existed.
    text = "kind: generic\ntitle: x\nparagraphs: " + "[" * depth + "]" * depth + "\n"
    (msg,) = errors(text)
    assert msg.startswith("a.yaml:3:")
    assert msg.endswith(f"lists and mappings are nested more than {MAX_DEPTH} deep")


def test_nesting_at_the_cap_is_only_a_schema_error() -> None:
    nested = "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1)
    (msg,) = errors("kind: generic\ntitle: x\nparagraphs: " + nested + "\n")
    assert "nested more than" not in msg
    assert msg.startswith("a.yaml:3:14: paragraphs[0]: expected text but YAML read a list")


def test_alias_bomb_does_not_expand() -> None:
    # reliability §2.6b: ten levels of 9× aliases would be 9^10 values if expanded
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 10):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    msgs = errors("\n".join(lines) + "\n")
    assert msgs[0] == "a.yaml:1:5: l0: YAML anchors (&name) are not allowed; write the value out"
    assert len(msgs) == 10  # a bounded list, not one line per alias


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
        "project-announcement, table"
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


# §4 row 3 in a file: the YAML reader refuses raw control characters with only
# "position 110"; they are found first and reported with line, column and field.
RAW_FORBIDDEN = [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF]


@pytest.mark.parametrize("code", RAW_FORBIDDEN, ids=lambda c: f"U+{c:04X}")
def test_raw_control_characters_in_a_file_are_located(code: int) -> None:
    (msg,) = errors(HEAD + f"goal: ab{chr(code)}cd\n")
    assert msg.startswith(f"a.yaml:5:9: goal: character U+{code:04X}")


def test_raw_control_characters_in_block_text_and_other_errors_together() -> None:
    text = HEAD + "goal: |\n  line one\n  line\x0ctwo\n\x07aplicant: A\n"
    assert errors(text) == [
        "a.yaml:7:7: goal: character U+000C FORM FEED (docxtpl would insert a page break) "
        "cannot appear in a Word document; remove it",
        "a.yaml:8:1: character U+0007 BELL (docxtpl would start a new paragraph) "
        "cannot appear in a Word document; remove it",
        "a.yaml:8:1: \ufffdaplicant: unknown field '\ufffdaplicant' (did you mean 'applicant'?)",
    ]


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
    assert "115 029,00" in message
    assert "111 029,00" in message
    assert "difference −4 000,00" in message
    # latvian-language §10: the values travel as numbers, for other languages and JSON
    assert problems[0].code == "amount-words"
    assert problems[0].params["figure"] == Decimal("115029.00")
    assert problems[0].params["difference"] == Decimal("-4000.00")
    assert problems[0].location.field == "costs[0].text"
    assert problems[0].location.line == 8  # the "text: |-" line


def test_funding_sources_must_add_up() -> None:
    text = HEAD + (
        "costs:\n  - role: total\n    amount: 1000\n  - role: source\n    amount: 600\n"
        "  - role: source\n    amount: 300\n"
    )
    (p,) = check_text(text, "a.yaml")
    assert p.severity == "warning"
    assert "add up to 900,00" in p.message
    assert (p.code, p.params) == (
        "funding-sum",
        {"sum": Decimal("900.00"), "total": Decimal("1000.00")},
    )


def test_lats_euro_pair_must_use_the_legal_rate() -> None:
    (msg,) = errors(HEAD + "costs:\n  - amount: LVL 1000 (EUR 1422,88)\n")
    assert "is EUR 1 422,87 at the fixed rate 0,702804" in msg
    assert msg.startswith("a.yaml:6:13: costs[0].amount.eur")


# --- round trip ------------------------------------------------------------------------

SAFE_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
).filter(lambda s: s == s.rstrip("\n"))


#: A project name loses quotation marks and spaces around it, and a mark without its
#: pair is refused (tests/render/test_render.py); names free of both round-trip as is.
NAME = SAFE_TEXT.filter(lambda s: s == s.strip() and not set(s) & set("„”“\"«»'"))


@given(name=NAME, applicant=SAFE_TEXT, goal=SAFE_TEXT, cents=st.integers(0, 10**8))
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


# --- the JSON Schema editors validate against ------------------------------------------

JSON_SCHEMA_KEYWORDS = {
    "$schema", "$defs", "$ref", "title", "description", "type", "properties", "required",
    "additionalProperties", "items", "anyOf", "oneOf", "allOf", "enum", "const", "default",
    "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "format",
    "discriminator", "propertyNames", "pattern",
    "personal",  # annexgen's marker for personal data (document-rules §3.1)
}  # fmt: skip


def _keywords(schema: object) -> set[str]:
    """Keywords used in a schema, walking only into subschemas (not names or data)."""
    found: set[str] = set()
    if not isinstance(schema, dict):
        return found
    for key, value in schema.items():
        found.add(key)
        if key in ("properties", "$defs"):
            for sub in value.values():
                found |= _keywords(sub)
        elif key in ("items", "additionalProperties", "propertyNames"):
            found |= _keywords(value)
        elif key in ("anyOf", "oneOf", "allOf"):
            for sub in value:
                found |= _keywords(sub)
    return found


def test_schema_uses_only_json_schema_keywords() -> None:
    # yaml-language-server ignores what it does not know: a Pydantic-only "ge"
    # would silently stop editors from flagging annex_number: 0.
    schema = annex_json_schema()
    assert _keywords(schema) - JSON_SCHEMA_KEYWORDS == set()
    duration = schema["$defs"]["Duration"]["anyOf"][1]
    months = duration["properties"]["months"]["anyOf"][0]
    assert (months["minimum"], months["maximum"]) == (1, 1200)


@given(ANNEX_DATA)
def test_any_annex_survives_yaml_dump_and_load(data: dict[str, Any]) -> None:
    # reliability §2.6 "Test": model → YAML → model is the identity, for every
    # kind and field, with text that YAML 1.1 would otherwise retype.
    annex = TypeAdapter(Annex).validate_python(data)
    text = annex_to_yaml(annex)
    assert load_annex_text(text) == annex


# --- libyaml and pure-Python PyYAML must read files the same way ------------------------


@pytest.fixture(params=["libyaml", "python"])
def composer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "python":
        monkeypatch.delattr(yaml, "CBaseLoader", raising=False)
    elif not hasattr(yaml, "CBaseLoader"):  # pragma: no cover
        pytest.skip("PyYAML built without libyaml")
    return str(request.param)


def test_empty_value_means_absent_with_either_composer(composer: str) -> None:
    # libyaml marks a plain empty scalar with style "" where PyYAML uses None;
    # "applicant:" with nothing after it was read as "" with libyaml.
    assert load_annex_text(HEAD + "applicant:\n").applicant is None
    assert load_annex_text(HEAD + 'applicant: ""\n').applicant == ""
    assert errors("kind: project-description\nproject_name:\n") == [
        "a.yaml:2:14: project_name: this is empty; write a value here"
    ]


def test_structure_is_refused_the_same_with_either_composer(composer: str) -> None:
    assert errors(HEAD + "goal: &g text\n") == [
        "a.yaml:5:7: goal: YAML anchors (&name) are not allowed; write the value out"
    ]
    assert errors(HEAD + "goal: a\ngoal: b\n") == [
        "a.yaml:6:1: goal: duplicate key 'goal' (first given on line 5)"
    ]
    deep = "kind: generic\ntitle: x\nparagraphs: " + "[" * 5000 + "]" * 5000 + "\n"
    assert errors(deep)[0].endswith(f"nested more than {MAX_DEPTH} deep")
    assert errors(HEAD + "goal: a\x0cb\n")[0].startswith("a.yaml:5:8: goal: character U+000C")


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("options:\n  cents: word\n",
         "a.yaml:6:10: options.cents: 'word' is not one of: none, digits, words "
         "(did you mean 'words'?)"),
        ("costs:\n  - role: cofinancing\n",
         "a.yaml:6:11: costs[0].role: 'cofinancing' is not one of: total, source, "
         "co_financing, note (did you mean 'co_financing'?)"),
        ("order: [goal, aplicant]\n", "(did you mean 'applicant'?)"),
    ],
)  # fmt: skip
def test_misspelt_choices_suggest_the_right_one(yaml_text: str, expected: str) -> None:
    # §4 row 15: a typo in a value gets the same help as a typo in a key
    (msg,) = errors(HEAD + yaml_text)
    assert msg.startswith(expected) or msg.endswith(expected)

"""One finding type, one table of messages: what issue 13 needs to translate by code."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from jinja2 import TemplateRuntimeError, UndefinedError

from annexgen.errors import (
    AnnexgenError,
    DataError,
    Finding,
    Location,
    TemplateError,
    TextError,
    field_path,
)
from annexgen.messages import (
    MESSAGES,
    SUGGESTIONS,
    Phrase,
    format_param,
    json_param,
    placeholders,
    render_message,
)
from annexgen.model.loading import check_data, check_text, skeleton
from annexgen.reading.lint import RULES
from annexgen.word.environment import template_error


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_template_is_prose_with_named_placeholders(code: str) -> None:
    template = MESSAGES[code]
    names = placeholders(template)  # raises on {0}, {x!r}, {x:>5}
    assert all(name.isidentifier() for name in names)
    assert template == template.strip()
    assert not template.endswith("."), "messages are clauses; the caller adds punctuation"


@pytest.mark.parametrize("template", ["{0} apples", "{x!r}", "{x:>5}"])
def test_placeholders_refuse_what_a_translator_cannot_keep(template: str) -> None:
    with pytest.raises(ValueError, match="plain name"):
        placeholders(template)


def test_suggestion_templates_offer_only_the_suggestion() -> None:
    for code, template in SUGGESTIONS.items():
        assert placeholders(template) == ["suggestion"], code
        assert code == "suggest" or code in MESSAGES


def test_params_are_values_formatted_once() -> None:
    # document-rules §2.1: amounts with a space between thousands and a decimal comma
    assert format_param(Decimal("115029.00")) == "115 029,00"
    assert format_param(Decimal("-4000.00")) == "−4 000,00"
    assert format_param(2013) == "2013"  # years and line numbers are not grouped
    assert format_param(date(2013, 12, 5)) == "2013-12-05"
    assert format_param(["a", "b"]) == "a, b"
    groups = [Phrase("group-thousands", {"figure": 115, "words": 111}),
              Phrase("group-cents", {"figure": "00", "words": "05"})]  # fmt: skip
    assert format_param(groups) == "thousands group 115 vs 111; cents 00 vs 05"


def test_json_params_keep_exact_values() -> None:
    params = {"sum": Decimal("17850.00"), "on": date(2013, 12, 5), "n": 3, "opts": ["a"]}
    assert json.loads(json.dumps({k: json_param(v) for k, v in params.items()})) == {
        "sum": "17850.00", "on": "2013-12-05", "n": 3, "opts": ["a"]
    }  # fmt: skip


def test_a_finding_renders_its_message_from_code_and_params() -> None:
    f = Finding(
        "unknown-field",
        location=Location("a.yaml", 2, 1, "titel"),
        params={"field": "titel"},
        suggestion="title",
    )
    assert f.message == "unknown field 'titel'"
    assert f.text == "unknown field 'titel' (did you mean 'title'?)"
    assert str(f) == "a.yaml:2:1: titel: unknown field 'titel' (did you mean 'title'?)"
    assert f.severity == "error"
    assert hash(f) == hash(Finding("unknown-field", location=f.location, params={"field": "x"},
                                   suggestion="title"))  # fmt: skip


def test_a_finding_with_an_unknown_code_or_missing_param_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="no message template"):
        Finding("no-such-code")
    with pytest.raises(ValueError, match="needs the params field"):
        Finding("unknown-field")
    with pytest.raises(ValueError, match="no message template"):
        render_message("no-such-code", {})


def test_location_with_a_place_in_a_document() -> None:
    assert str(Location("a.docx", place="table 1 row 3 cell 2")) == "a.docx: table 1 row 3 cell 2"
    assert str(Location("a.txt", 7, 5)) == "a.txt:7:5"
    assert field_path(("costs", 0, "amount")) == "costs[0].amount"
    assert field_path(()) == ""


def test_errors_with_a_code_become_findings_with_the_same_code() -> None:
    err = TextError(code="text-too-long", params={"length": 10001, "limit": 10000})
    assert isinstance(err, AnnexgenError)
    assert isinstance(err, ValueError)
    assert str(err) == "text is 10001 characters long; the limit is 10000"
    f = err.finding(Location(field="goal"))
    assert (f.code, f.params, str(f)) == (
        "text-too-long", {"length": 10001, "limit": 10000},
        "goal: text is 10001 characters long; the limit is 10000",
    )  # fmt: skip
    plain = AnnexgenError("something broke").finding()
    assert (plain.code, plain.message) == ("invalid-value", "something broke")


# --- every producer speaks Finding, with codes ---------------------------------------------


def test_every_template_is_used_and_every_lint_rule_has_one() -> None:
    def code_of(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        if path.name == "messages.py" and "_FORMATTER: Final" in text:  # functions, no tables
            return text[text.index("_FORMATTER: Final") :]
        return text

    source = "\n".join(
        code_of(p) for p in (Path(__file__).resolve().parents[1] / "src" / "annexgen").rglob("*.py")
    )
    unused = [code for code in MESSAGES if f'"{code}"' not in source]
    assert unused == []
    assert set(RULES) <= set(MESSAGES)


def test_yaml_findings_carry_codes_and_suggestions() -> None:
    text = "kind: project-description\nproject_name: X\ntitel: x\ndecision:\n  date: 2013-13-45\n"
    found = {f.code: f for f in check_text(text, "a.yaml")}
    assert found["unknown-field"].params == {"field": "titel"}
    assert found["unknown-field"].suggestion == "title"
    assert str(found["unknown-field"]) == (
        "a.yaml:3:1: titel: unknown field 'titel' (did you mean 'title'?)"
    )
    assert found["missing-field"].params == {"field": "council"}


def test_the_input_gate_speaks_through_the_loader_with_its_own_code() -> None:
    # reliability §2.12: U+000B (Shift+Enter) cannot go into the document; the
    # TextError of the gate reaches the clerk as a finding with code and position
    annex, findings = check_data(
        {"kind": "project-description", "project_name": "A\x0bB"}, "<form>"
    )
    assert annex is None
    (f,) = [f for f in findings if f.severity == "error"]
    assert (f.code, f.params["position"], f.location.field) == (
        "forbidden-character", 2, "project_name"
    )  # fmt: skip
    assert "Shift+Enter" in f.message


def test_an_unknown_kind_is_a_data_error_with_a_finding() -> None:
    with pytest.raises(DataError) as info:
        skeleton("project-descripton")
    (f,) = info.value.findings
    assert f.code == "unknown-kind"
    assert f.suggestion == "project-description"
    assert not isinstance(info.value, ValueError)  # an annexgen error, not a bare ValueError


def test_template_errors_are_chosen_by_class_not_by_name() -> None:
    class StricterUndefined(UndefinedError):
        """A subclass: comparing class names as strings would call it a generic error."""

    err = template_error(StricterUndefined("'x' is undefined"), "t.docx")
    assert isinstance(err, TemplateError)
    assert err.code == "template-undefined"
    assert str(err) == "t.docx: the template uses an unknown variable: 'x' is undefined"
    other = template_error(TemplateRuntimeError("boom"), "t.docx")
    assert (other.code, other.message) == (
        "template-error",
        "template error (TemplateRuntimeError): boom",
    )

"""Cross-checks inside free text (annexgen.checks), values from the docs and seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from annexgen.model.loading import check_data, check_text

HEAD = (
    "kind: project-description\nproject_name: X\ndecision:\n  council: Daugavpils pilsētas domes\n"
)


def errors(text: str) -> list[str]:
    return [str(p) for p in check_text(text, "a.yaml") if p.severity == "error"]


# latvian-language §11: LVL → EUR at 0,702804, to the cent; worked values from that section.
@pytest.mark.parametrize(
    "text",
    [
        # seed 003, verbatim
        "Daugavpils pašvaldības ieguldītais līdzfinansējums- LVL 1000 (viens tūkstotis latu) "
        "(EUR 1422,87).",
        "summa 500 LVL (711,44 EUR)",
        "summa LVL 5000 (EUR 7114,36)",
        "summa 10 Ls (EUR 14,23)",
    ],
)
def test_lats_euro_pairs_in_text_that_agree_pass(text: str) -> None:
    assert errors(HEAD + f"goal: {text}\n") == []


@pytest.mark.parametrize(
    ("text", "eur", "expected"),
    [
        ("LVL 1000 (viens tūkstotis latu) (EUR 1422,88)", "1 422,88", "1 422,87"),
        # §11: rounded to the cent; a third decimal is not the legal conversion either
        ("LVL 1000 (EUR 1422,872)", "1 422,872", "1 422,87"),
        ("700 LVL (995,01 EUR)", "995,01", "996,01"),
        ("LVL 1000 (EUR 1420)", "1 420,00", "1 422,87"),  # inverse rate 1,42 (§11)
    ],
)
def test_lats_euro_pairs_in_text_that_disagree_are_errors(
    text: str, eur: str | None, expected: str | None
) -> None:
    msgs = errors(HEAD + f"description: {text}\n")
    if eur is None:
        assert msgs == []
        return
    (msg,) = msgs
    assert msg.startswith("a.yaml:5:14: description: ")
    assert (
        f"is EUR {expected} at the fixed rate 0,702804 (LVL ÷ 0,702804, rounded half up), "
        f"not EUR {eur}" in msg
    )


# --- every problem in one run (issue 10): cross-checks on the parts that parsed ---------

_WRONG_WORDS = "Kopā 1000 EUR (viens simts eiro)"  # 1 000 in figures, 100 in words


def test_unknown_key_bad_date_and_wrong_words_are_reported_together() -> None:
    # before: only the first two, the words-vs-figure mismatch one fix later
    text = (
        "kind: project-description\nproject_name: Ābele\ncolour: zaļa\n"
        "decision:\n  council: Daugavpils pilsētas domes\n  date: 2013-02-30\n"
        f"description: {_WRONG_WORDS}\n"
    )
    assert [m.split(": ", 2)[:2] for m in errors(text)] == [
        ["a.yaml:3:1", "colour"],
        ["a.yaml:6:9", "decision.date"],
        ["a.yaml:7:14", "description"],
    ]
    assert "the figure is 1 000,00 but the words say 100,00" in errors(text)[2]


def test_a_cost_line_that_parses_is_checked_beside_one_that_does_not() -> None:
    text = HEAD + (
        "costs:\n"
        "  - role: total\n    amount: 1000\n"
        f"  - role: source\n    amount: 1000\n    text: '{_WRONG_WORDS}'\n"
        "  - role: source\n    amount: abc\n"
    )
    problems = check_text(text, "a.yaml")
    assert [(p.location.field, p.severity) for p in problems] == [
        ("costs[1].text", "error"),  # a whole cost line, valid on its own
        ("costs[2].amount", "error"),
    ]
    # no "funding sources add up to 1 000,00, but the total is …": the list is incomplete


def test_no_decision_warning_when_the_decision_is_there_but_wrong() -> None:
    text = "kind: project-description\nproject_name: X\ndecision:\n  council: D\n  numbr: 1\n"
    assert [str(p) for p in check_text(text, "a.yaml")] == [
        "a.yaml:5:3: decision.numbr: unknown field 'numbr' (did you mean 'number'?)"
    ]


def test_a_structural_problem_does_not_hide_the_cross_checks() -> None:
    text = HEAD + f"goal: a\ngoal: b\ndescription: {_WRONG_WORDS}\n"
    assert [p.location.field for p in check_text(text, "a.yaml")] == ["goal", "description"]


def test_the_web_form_gets_the_cross_checks_of_the_parts_too() -> None:
    data = {"kind": "project-description", "project_name": "X", "colour": "zaļa",
            "decision": {"council": "D"}, "description": _WRONG_WORDS}  # fmt: skip
    annex, problems = check_data(data)
    assert annex is None
    assert [p.location.field for p in problems] == ["colour", "description"]


ROOT = Path(__file__).resolve().parent.parent
FILES = [
    *sorted((ROOT / "examples").glob("*.yaml")),
    ROOT / "tests/fixtures/seed-001-wrong-words.yaml",
]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_an_unknown_key_adds_its_error_and_changes_no_finding(path: Path) -> None:
    # the parts' cross-checks are the whole annex's: nothing invented, nothing lost
    text = path.read_text(encoding="utf-8")
    folder = path.parent  # table examples read their rows from a file beside them
    clean = [(p.severity, str(p)) for p in check_text(text, "a.yaml", base_dir=folder)]
    # (a key with no near match: "colour" would suggest a table's "columns")
    unknown = ("error", f"a.yaml:{text.count(chr(10)) + 1}:1: qqq: unknown field 'qqq'")
    broken = [
        (p.severity, str(p)) for p in check_text(text + "qqq: zaļa\n", "a.yaml", base_dir=folder)
    ]
    assert broken == sorted([unknown, *clean], key=lambda p: (p[0], int(p[1].split(":")[1])))


# --- funding: sources and the council's co-financing make the total (issue 10) ----------


def _costs(*lines: tuple[str, str]) -> str:
    return HEAD + "costs:\n" + "".join(f"  - role: {r}\n    amount: {a}\n" for r, a in lines)


def test_sources_and_co_financing_that_make_the_total_pass() -> None:
    # the figures: 17 850 from the programme + 3 150 co-financing = 21 000
    text = _costs(("total", "21000"), ("source", "17850"), ("co_financing", "3150"))
    assert check_text(text, "a.yaml") == []


def test_co_financing_already_inside_the_sources_passes() -> None:
    # "tai skaitā pašvaldības līdzfinansējums": listed, but part of the sources' sum
    text = _costs(("total", "21000"), ("source", "21000"), ("co_financing", "3150"))
    assert check_text(text, "a.yaml") == []


def test_funding_that_does_not_make_the_total_names_both_parts() -> None:
    text = _costs(("total", "21000"), ("source", "17850"), ("co_financing", "2000"))
    (p,) = check_text(text, "a.yaml")
    assert p.severity == "warning"
    assert p.location.field == "costs[0].amount"
    assert p.code == "funding-sum-co-financing"
    assert p.message == (
        "funding sources (17 850,00 EUR) and co-financing (2 000,00 EUR) add up to "
        "19 850,00 EUR, but the total is 21 000,00 EUR"
    )


def test_lats_co_financing_counts_in_euro() -> None:
    # seed 003's LVL 1000 is EUR 1422,87 at the legal rate (latvian-language §11)
    text = _costs(("total", "5000"), ("source", "3577.13"), ("co_financing", "LVL 1000"))
    assert check_text(text, "a.yaml") == []

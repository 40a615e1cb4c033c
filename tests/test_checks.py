"""Cross-checks inside free text (annexgen.checks), values from the docs and seeds."""

from __future__ import annotations

import pytest

from annexgen.model.loading import check_text

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
        ("LVL 1000 (EUR 1422,872)", None, None),  # 3 decimals: not a pair, not checked
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

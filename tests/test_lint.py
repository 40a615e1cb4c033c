"""The linter on the seed annexes, on the §10 reference texts and on known faults.

Expected values come from the shared docs (cited per test) and from reading the
seed texts by hand, never from the linter's own output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annexgen.lint import RULES, LintFinding, lint_file, lint_text
from tests.seeds import require_seeds


def _seed(prefix: str) -> Path:
    return next(require_seeds().glob(f"{prefix}_*.txt"))


def _summary(findings: list[LintFinding]) -> list[tuple[int | None, str, str, str | None]]:
    return [(f.line, f.rule, f.excerpt, f.suggestion) for f in findings]


# --- seeds -----------------------------------------------------------------------


def test_seed_001_has_exactly_the_known_error() -> None:
    # latvian-language §10: 115 029.00 written as "simt vienpadsmit …" = 111 029.
    findings = lint_file(_seed("001"))
    errors = [f for f in findings if f.severity == "error"]
    assert len(errors) == 1
    (err,) = errors
    assert err.rule == "amount-words"
    assert err.line == 20
    assert err.excerpt == "simt vienpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi"
    assert "115 029,00" in err.message
    assert "111 029,00" in err.message
    assert "−4 000,00" in err.message  # §10: diff=-4000.00 (words − figure)
    assert "thousands group 115 vs 111" in err.message
    # §10: "The correct text is simt piecpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi"
    assert err.suggestion == "simt piecpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi"
    assert err.column == 110


def test_seed_001_style_findings() -> None:
    styles = [f for f in lint_file(_seed("001")) if f.severity == "style"]
    assert _summary(styles) == [
        # document-rules §1.11: “…” is the EU/English form; annexes use „…”
        (2, "quotes", "“Darbīgās kopienas”", "„Darbīgās kopienas”"),
        # latvian-language §6.1: a space after every ordinal dot
        (8, "date-spacing", "2021.gada 28.februārim", "2021. gada 28. februārim"),
        (16, "quotes", "“Izglītības iniciatīvu centrs”", "„Izglītības iniciatīvu centrs”"),
        # document-rules §2.1: decimal comma
        (20, "decimal-point", "115 029.00EUR", "115 029,00 EUR"),
        (21, "decimal-point", "1000.00 EUR", "1000,00 EUR"),
    ]


def test_seed_000_no_errors_and_its_style_findings() -> None:
    findings = lint_file(_seed("000"))
    assert _summary(findings) == [
        # "Līdz 2018.gada 31. augustam": dative after līdz is right (§6.2), spacing legacy
        (7, "date-spacing", "2018.gada 31. augustam", "2018. gada 31. augustam"),
        (8, "nr-spacing", "Nr.2", "Nr. 2"),  # document-rules §1.10
        (10, "decimal-point", "19 700.00 EUR", "19 700,00 EUR"),  # §2.1
    ]


def test_seed_002_no_errors_and_its_style_findings() -> None:
    findings = lint_file(_seed("002"))
    assert _summary(findings) == [
        (1, "nr-spacing", "Nr.233", "Nr. 233"),
        (23, "date-spacing", "2013.gadā", "2013. gadā"),
        (26, "date-spacing", "2012.gadā", "2012. gadā"),
    ]


def test_seed_003_no_errors_and_its_style_findings() -> None:
    # LVL 1000 (viens tūkstotis latu) (EUR 1422,87) is right: §11 and §2.
    findings = lint_file(_seed("003"))
    assert _summary(findings) == [
        (5, "date-spacing", "2013.gada 5.decembra", "2013. gada 5. decembra"),
        (6, "nr-spacing", "Nr.610", "Nr. 610"),
        (11, "date-spacing", "2015.gada 30.septembrim", "2015. gada 30. septembrim"),
    ]


def test_seed_004_no_errors_and_its_style_findings() -> None:
    findings = lint_file(_seed("004"))
    title = "Riska grupas jauniešu sociālā integrācija, balstoties uz sporta aktivitātēm"
    assert _summary(findings) == [
        (1, "quotes", "“risk-free”", "„risk-free”"),
        (3, "quotes", f"“{title}”", f"„{title}”"),
        (16, "quotes", f"“{title}”", f"„{title}”"),
        (16, "date-spacing", "2020.gadam", "2020. gadam"),
    ]


def test_every_rule_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "lint-rules.md").read_text("utf-8")
    for rule in RULES.values():
        assert f"`{rule.id}`" in doc, rule.id
        assert rule.severity in {"error", "style"}


@pytest.mark.parametrize(
    "text",
    [
        "19 700,00 EUR (deviņpadsmit tūkstoši septiņi simti eiro)",
        "Līdz 2015. gada 30. septembrim",
    ],
)
def test_correct_text_is_clean(text: str) -> None:
    assert lint_text(text) == []

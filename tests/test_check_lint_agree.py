"""``check`` and ``lint`` give the same verdict on the same text (issue 12).

Both run the Latvian text rules of :mod:`annexgen.lv.rules`, ``lint`` on a line
of a document and ``check`` on a free-text field of a YAML annex. Sentences
with amounts and dates, right and wrong, are generated here and each must get
the same findings (code and severity) from both, and ``check`` must put them at
the field's line in the YAML.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from annexgen.lv import CASES, amount_to_words, format_amount, format_date, lvl_to_eur
from annexgen.model.loading import check_text
from annexgen.reading.lint import lint_text

HEAD = "kind: project-description\nproject_name: X\ndecision:\n  council: D\n"

_amounts = st.decimals(min_value=Decimal(0), max_value=Decimal("99999999.99"), places=2)
_wrong_by = st.sampled_from([Decimal(0), Decimal(1), Decimal(1000), Decimal("0.05")])


@st.composite
def _amount_phrase(draw: st.DrawFn) -> str:
    amount = draw(_amounts)
    currency = draw(st.sampled_from(["EUR", "LVL"]))
    said = amount + draw(_wrong_by)  # the words say this; equal to the figure or not
    words = amount_to_words(
        said,
        currency,
        cents=draw(st.sampled_from(["digits", "words"])),
        style=draw(st.sampled_from(["municipal", "normative", "financial"])),
    )
    if draw(st.booleans()):  # a scale word that does not agree (LL §1.2)
        words = words.replace("tūkstoši", "tūkstotis").replace("simti", "simts")
    figure = format_amount(amount, currency)
    if draw(st.booleans()):  # a decimal point, as old documents have it
        figure = figure.replace(",", ".")
    text = f"{figure} ({words})"
    if currency == "LVL":
        eur = lvl_to_eur(amount) + draw(st.sampled_from([Decimal(0), Decimal("0.01")]))
        text += f" ({format_amount(eur, 'EUR')})"
    return text


@st.composite
def _date_phrase(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
    before = draw(st.sampled_from(["līdz ", "no ", "sākot ar ", "uz ", "pēc ", "", "domes "]))
    after = draw(st.sampled_from(["", " sēdes lēmums", " ieskaitot", " plkst. 12.00", " beigām"]))
    case = draw(st.sampled_from(CASES))
    written = format_date(day, case, nbsp=draw(st.booleans()))
    if draw(st.booleans()):  # the legacy unspaced form
        written = written.replace(". ", ".").replace(".\u00a0", ".")
    return f"{before}{written}{after}"


_sentences = st.lists(
    st.one_of(_amount_phrase(), _date_phrase(), st.sampled_from(["Kopā", "un", "projekta"])),
    min_size=1,
    max_size=4,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(sentence=_sentences)
def test_check_and_lint_agree_on_a_goal_text(sentence: str) -> None:
    linted = sorted((f.code, f.severity, f.excerpt) for f in lint_text(sentence))
    yaml = HEAD + f"goal: {json.dumps(sentence, ensure_ascii=False)}\n"
    checked = [f for f in check_text(yaml, "a.yaml") if f.location.field == "goal"]
    assert sorted((f.code, f.severity, f.excerpt) for f in checked) == linted
    assert all((f.location.file, f.location.line) == ("a.yaml", 5) for f in checked)
    lint_fails = any(f.severity == "error" for f in lint_text(sentence))
    assert lint_fails == any(f.severity == "error" for f in checked)


def test_a_goal_with_a_date_in_the_wrong_case_is_reported_by_check() -> None:
    # the issue's own example: "līdz 2024. gada 30. jūnijs" (LL §6.2: līdz + dative)
    yaml = HEAD + "goal: Sasniegt mērķi līdz 2024. gada 30. jūnijs.\n"
    (finding,) = check_text(yaml, "a.yaml")
    assert (finding.code, finding.severity, str(finding.location)) == (
        "date-case", "error", "a.yaml:5:7: goal",
    )  # fmt: skip
    assert finding.suggestion == "2024. gada 30. jūnijam"
    assert finding.excerpt == "2024. gada 30. jūnijs"


def test_check_reports_the_issue_sentences_lint_reported_alone() -> None:
    # issue 12: these were errors for lint but passed check
    for text, code in [
        ("1000 lati (EUR 1400,00)", "lvl-eur-rate"),
        ("LVL 1000 (1400,00 €)", "lvl-eur-rate"),
        ("19 700,00 EUR (devinpadsmit tūkstoši septiņi simti eiro)", "amount-words-unreadable"),
        ("2000 EUR (divi tūkstotis eiro)", "scale-agreement"),
    ]:
        found = check_text(HEAD + f"description: {json.dumps(text, ensure_ascii=False)}\n")
        assert [f.code for f in found] == [code], text
        assert [f.code for f in lint_text(text)] == [code], text


def test_check_leaves_the_quotation_marks_an_annex_chose() -> None:
    # DR §1.11: “…” and "…" are allowed styles; options.quotes chooses one for the annex
    text = 'goal: Biedrība "Zaļā josta" un “Otra”\n'
    codes = [f.params["marks"] for f in check_text(HEAD + text) if f.code == "quotes"]
    assert codes == ['"…"', "“…”"]
    chosen = HEAD + text + "options:\n  quotes: straight\n"
    assert [f.params["marks"] for f in check_text(chosen) if f.code == "quotes"] == ["“…”"]


def test_check_leaves_the_signatory_name_to_the_signature_line() -> None:
    # DR §1.5: the signature prints "J. Lāčplēsis" whatever was typed, so no style finding
    yaml = HEAD + "signatory:\n  position: Priekšsēdētājs\n  name: J.Lāčplēsis\n"
    assert check_text(yaml) == []
    assert [f.code for f in lint_text("Priekšsēdētājs J.Lāčplēsis")] == ["initial-spacing"]

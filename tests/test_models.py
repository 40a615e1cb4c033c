"""Models used directly from Python (developers), without YAML."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from annexgen.model.fields import Decision, Money, Signatory
from annexgen.model.kinds import Annex
from annexgen.model.kinds.project_description import Duration, ProjectDescription

ANNEX: TypeAdapter[ProjectDescription] = TypeAdapter(Annex)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "amount", "currency"),
    [
        ("19700", "19700.00", "EUR"),
        ("19 700,00 EUR", "19700.00", "EUR"),
        ("19 700.00 EUR", "19700.00", "EUR"),
        ("19\u00a0700,00\u00a0EUR", "19700.00", "EUR"),
        ("LVL 1000", "1000.00", "LVL"),
        ("1000 lvl", "1000.00", "LVL"),
        ("10 €", "10.00", "EUR"),
        (Decimal("12.30"), "12.30", "EUR"),
        (1000, "1000.00", "EUR"),
        ({"amount": "3 899,20", "currency": "EUR"}, "3899.20", "EUR"),
    ],
)
def test_money_accepts(value: object, amount: str, currency: str) -> None:
    money = Money.model_validate(value)
    assert (money.amount, money.currency) == (Decimal(amount), currency)
    assert str(money.amount) == amount  # two places, exactly


@pytest.mark.parametrize(
    ("value", "message"),
    [  # reliability §4 row 16
        (0.1 + 0.2, "float"),
        (12.5, "float"),
        ("2.675", "more than two decimals"),
        ("-5 EUR", "negative"),
        ("1000000000000", "too large"),
        ("12345678901234567890123", "too large"),
        ("19 700 USD", "unknown currency"),
        ("EUR 5 EUR", "expected an amount"),
        ("nine euro", "expected an amount"),
        ({"amount": "5", "currency": "EUR", "eur": "5"}, "only for amounts in another currency"),
    ],
)
def test_money_rejects(value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Money.model_validate(value)


def test_lats_with_stated_euro() -> None:
    # seed 003: "LVL 1000 (…) (EUR 1422,87)"; latvian-language §11
    money = Money.model_validate("LVL 1000 (EUR 1422,87)")
    assert money.eur == Decimal("1422.87")
    assert money.eur_equivalent == Decimal("1422.87")


def test_duration_forms() -> None:
    assert Duration.model_validate({"until": "2015-09-30"}).until == date(2015, 9, 30)
    assert Duration.model_validate({"until": "30.09.2015."}).until == date(2015, 9, 30)
    assert Duration.model_validate({"until": "2015. gada 30. septembris"}).until == date(
        2015, 9, 30
    )
    assert Duration.model_validate("3 mēneši").text == "3 mēneši"
    with pytest.raises(ValidationError, match="exactly one"):
        Duration.model_validate({"until": "2015-09-30", "months": "3"})
    with pytest.raises(ValidationError, match="both start and end"):
        Duration.model_validate({"start": "2015-09-30"})
    with pytest.raises(ValidationError, match="after end"):
        Duration.model_validate({"start": "2016-01-01", "end": "2015-09-30"})


def test_decision_and_signatory() -> None:
    d = Decision.model_validate({"council": "Daugavpils pilsētas domes", "date": "2013-12-05"})
    assert d.act == "lēmumam"
    assert d.meeting is True
    with pytest.raises(ValidationError):
        Decision.model_validate({"council": "X", "annex_number": "0"})
    s = Signatory(position="priekšsēdētājs", name="Jānis Lāčplēsis")
    assert s.acting is False


def test_discriminated_union_and_extra_fields() -> None:
    annex = ANNEX.validate_python({"kind": "project-description", "project_name": "X"})
    assert isinstance(annex, ProjectDescription)
    with pytest.raises(ValidationError, match="Extra inputs"):
        ANNEX.validate_python({"kind": "project-description", "project_name": "X", "titel": "y"})
    with pytest.raises(ValidationError):
        ANNEX.validate_python({"kind": "minutes", "title": "X"})


def test_order_must_cover_rows_with_content() -> None:
    data = {"kind": "project-description", "project_name": "X", "applicant": "A", "goal": "G"}
    with pytest.raises(ValidationError, match="leaves out rows"):
        ANNEX.validate_python({**data, "order": ["goal"]})
    annex = ANNEX.validate_python({**data, "order": ["goal", "applicant"]})
    assert annex.order == ["goal", "applicant"]


def test_text_fields_pass_the_gate() -> None:
    with pytest.raises(ValidationError, match="U\\+000C"):
        ANNEX.validate_python({"kind": "project-description", "project_name": "a\x0cb"})


def test_personal_fields_are_marked_in_the_schema() -> None:
    schema = TypeAdapter(Annex).json_schema()
    contact = schema["$defs"]["Contact"]["properties"]
    assert {k for k, v in contact.items() if v.get("personal")} == {
        "name",
        "phone",
        "mobile",
        "email",
    }


def test_lists_are_capped() -> None:
    # reliability §4 row 20: cap and cap + 1
    base = {"kind": "project-description", "project_name": "X"}
    ANNEX.validate_python({**base, "activities": ["a"] * 1000})
    with pytest.raises(ValidationError, match="at most 1000"):
        ANNEX.validate_python({**base, "activities": ["a"] * 1001})


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2013-12-05", date(2013, 12, 5)),
        ("05.12.2013.", date(2013, 12, 5)),
        ("5.12.2013", date(2013, 12, 5)),
        # document-rules §1.4: the verbal form, also the legacy unspaced one
        ("2013. gada 5. decembris", date(2013, 12, 5)),
        ("2013.gada 5.decembris", date(2013, 12, 5)),
    ],
)
def test_dates_in_the_forms_clerks_write(written: str, expected: date) -> None:
    assert Decision(council="X", date=written).date == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "written",
    # reliability §2.6c: numbers must not become dates. Pydantic alone reads "0" as
    # 1970-01-01 and "86400" as 1970-01-02 (Unix timestamps).
    ["0", "86400", "0700", "08", "12:30", "12.30", "20131205", "2013-12-05T00:00:00", "NO"],
)
def test_numbers_and_datetimes_are_not_dates(written: str) -> None:
    with pytest.raises(ValidationError, match="expected a date like 2013-12-05"):
        Decision(council="X", date=written)  # type: ignore[arg-type]


def test_impossible_dates_name_the_value() -> None:
    with pytest.raises(ValidationError, match="'2024-02-30' is not a real date"):
        Decision(council="X", date="2024-02-30")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"'31\.04\.2015\.' is not a real date"):
        Duration.model_validate({"until": "31.04.2015."})


@pytest.mark.parametrize(("written", "months"), [("3", 3), ("08", 8), (" 12 ", 12), (6, 6)])
def test_counts_are_decimal_digits(written: object, months: int) -> None:
    # "08" is eight, never an octal error; "0700" would be 700, never 448 (§2.6c)
    assert Duration.model_validate({"months": written}).months == months


@pytest.mark.parametrize("written", ["1_000", "+5", "1e3", "12.0", "-1", "3 mēneši", True, 2.0])
def test_counts_refuse_other_number_syntax(written: object) -> None:
    with pytest.raises(ValidationError, match="whole number"):
        Duration.model_validate({"months": written})


@pytest.mark.parametrize(
    ("name", "printed"),
    [  # document-rules §1.5: initial + "." + U+00A0 + surname; digraph initials Dz., Dž.
        ("Jānis Lāčplēsis", "J.\u00a0Lāčplēsis"),
        ("J. Lāčplēsis", "J.\u00a0Lāčplēsis"),
        ("J.Lāčplēsis", "J.\u00a0Lāčplēsis"),  # legacy unspaced form (seed 003) normalised
        ("Arturs Krišjānis Kariņš", "A.\u00a0K.\u00a0Kariņš"),  # §1.5 "A. K. Kariņš"
        ("Dzintra Ozola", "Dz.\u00a0Ozola"),
        ("Džohars Dudajevs", "Dž.\u00a0Dudajevs"),  # §1.5 "Džohars – Dž."
        ("Lāčplēsis", "Lāčplēsis"),
    ],
)
def test_signatory_printed_name(name: str, printed: str) -> None:
    signatory = Signatory(position="Daugavpils pilsētas domes priekšsēdētājs", name=name)
    assert signatory.printed_name == printed


def test_signatory_name_that_cannot_be_printed_is_refused_at_load_time() -> None:
    with pytest.raises(ValidationError, match="name"):
        Signatory(position="Priekšsēdētājs", name="   ")


def test_acting_signatory_gets_p_i() -> None:
    # document-rules §1.5 (MK 916 21. punkts): "p. i." under the position title
    s = Signatory(position="priekšsēdētājs", name="Anna Bērziņa", acting=True)
    assert (s.acting_mark, s.printed_name) == ("p. i.", "A.\u00a0Bērziņa")
    assert Signatory(position="priekšsēdētājs", name="Anna Bērziņa").acting_mark is None


def test_signatory_name_with_an_empty_initial_is_refused() -> None:
    with pytest.raises(ValidationError, match="initial"):
        Signatory(position="priekšsēdētājs", name="Anna--Marija Bērziņa")

"""Errors must say where, in the ``file:line:column: field: message`` order editors read."""

from __future__ import annotations

from annexgen.errors import DataError, LanguageError, Location, Problem, UnknownWordError


def test_location_prints_known_parts_only() -> None:
    assert str(Location("a.yaml", 3, 7, "costs.total")) == "a.yaml:3:7: costs.total"
    assert str(Location("a.yaml", 3)) == "a.yaml:3"
    assert str(Location(field="title")) == "title"
    assert str(Location()) == ""


def test_data_error_lists_every_problem() -> None:
    err = DataError(
        [
            Problem("expected a date", Location("x.yaml", 2, 5, "decision.date")),
            Problem("unknown field", Location("x.yaml", 9, 1, "titel")),
        ]
    )
    assert str(err).splitlines() == [
        "x.yaml:2:5: decision.date: expected a date",
        "x.yaml:9:1: titel: unknown field",
    ]
    assert err.location.line == 2


def test_language_errors_are_value_errors() -> None:
    err = UnknownWordError("devinpadsmit", "devinpadsmit eiro", position=0)
    assert isinstance(err, LanguageError)
    assert isinstance(err, ValueError)
    assert "devinpadsmit" in str(err)

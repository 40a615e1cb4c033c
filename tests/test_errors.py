"""Errors must say where, in the ``file:line:column: field: message`` order editors read."""

from __future__ import annotations

import pytest

from annexgen.errors import DataError, Finding, LanguageError, Location, UnknownWordError


def test_location_prints_known_parts_only() -> None:
    assert str(Location("a.yaml", 3, 7, "costs.total")) == "a.yaml:3:7: costs.total"
    assert str(Location("a.yaml", 3)) == "a.yaml:3"
    assert str(Location(field="title")) == "title"
    assert str(Location()) == ""


def test_data_error_lists_every_problem() -> None:
    err = DataError(
        [
            Finding("empty-value", location=Location("x.yaml", 2, 5, "decision.date")),
            Finding(
                "unknown-field",
                location=Location("x.yaml", 9, 1, "titel"),
                params={"field": "titel"},
                suggestion="title",
            ),
        ]
    )
    assert str(err).splitlines() == [
        "x.yaml:2:5: decision.date: this is empty; write a value here",
        "x.yaml:9:1: titel: unknown field 'titel' (did you mean 'title'?)",
    ]
    assert err.location.line == 2
    assert [f.code for f in err.findings] == ["empty-value", "unknown-field"]


def test_a_data_error_says_what_is_wrong() -> None:
    # DataError([]) used to stand for "something, somewhere": now it must name a finding
    with pytest.raises(ValueError, match="at least one finding"):
        DataError([])


def test_language_errors_are_value_errors() -> None:
    err = UnknownWordError("devinpadsmit", "devinpadsmit eiro", position=0)
    assert isinstance(err, LanguageError)
    assert isinstance(err, ValueError)
    assert "devinpadsmit" in str(err)

"""Hypothesis strategies for whole annexes, as a clerk or a program could write them.

Values are raw (NFD letters, CRLF, NBSP, "NO", "0700", "{{ x }}" all possible);
the models' input gate decides what they become, so tests compare models, not
the raw values.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from annexgen.lv import lvl_to_eur
from annexgen.model.kinds.project_description import ROW_KEYS

# Anything the text gate accepts: no surrogates, no C0/C1 controls but tab/LF/CR,
# no U+FFFE/U+FFFF (those are refused; tests/test_text.py covers them).
_CHARS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(
        chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
    )
    + "\ufffe\uffff",
)
_TRICKY = st.sampled_from(
    ["NO", "yes", "on", "0700", "12:30", "1_000", "12.30", "2024-02-30", "~", "null", "",
     "{{ 7*7 }}", "{% if %}", "a & b <c>", "  two  spaces ", "19\u00a0700", "- item", "# x",
     "key: value", "Dzintra", "a\r\nb", "\"quoted\"", "'single'"]
)  # fmt: skip
TEXT = st.one_of(_TRICKY, st.text(_CHARS, max_size=60))
NONEMPTY = TEXT.filter(lambda s: s.strip() != "")
#: A project name: the model takes quotation marks around it off and refuses a mark
#: without its pair (tests/render/test_render.py checks those); here, names without any.
PROJECT_NAME = TEXT.filter(lambda s: not set(s) & set('„”“"«»'))
DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def money(draw: st.DrawFn) -> dict[str, Any]:
    amount = Decimal(draw(st.integers(0, 10**13 - 1))) / 100
    currency = draw(st.sampled_from(["EUR", "LVL"]))
    result: dict[str, Any] = {"amount": f"{amount:.2f}", "currency": currency}
    if currency == "LVL" and draw(st.booleans()):
        result["eur"] = f"{lvl_to_eur(amount):.2f}"
    return result


@st.composite
def duration(draw: st.DrawFn) -> dict[str, Any]:
    form = draw(st.sampled_from(["until", "period", "months", "text"]))
    result: dict[str, Any]
    if form == "until":
        result = {"until": draw(DATES).isoformat()}
    elif form == "period":
        a, b = sorted([draw(DATES), draw(DATES)])
        result = {"start": a.isoformat(), "end": b.isoformat()}
    elif form == "months":
        result = {"months": str(draw(st.integers(1, 1200)))}
    else:
        result = {"text": draw(TEXT)}
    if draw(st.booleans()):
        result["note"] = draw(TEXT)
    return result


def _maybe(draw: st.DrawFn, data: dict[str, Any], key: str, strategy: Any) -> None:
    if draw(st.booleans()):
        data[key] = draw(strategy)


@st.composite
def common(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if draw(st.booleans()):
        decision: dict[str, Any] = {"council": draw(TEXT)}
        _maybe(draw, decision, "date", DATES.map(date.isoformat))
        _maybe(draw, decision, "number", TEXT)
        _maybe(draw, decision, "protocol", TEXT)
        _maybe(draw, decision, "item", TEXT)
        _maybe(draw, decision, "annex_number", st.integers(1, 99).map(str))
        _maybe(draw, decision, "act", TEXT)
        data["decision"] = decision
    if draw(st.booleans()):
        given = draw(st.sampled_from(["Jānis", "Dzintra", "Džons", "Anna-Marija", "A. K."]))
        data["signatory"] = {
            "position": draw(TEXT),
            "name": f"{given} {draw(st.sampled_from(['Lāčplēsis', 'Ozola', 'Kariņš']))}",
            "acting": draw(st.booleans()),
        }
    _maybe(draw, data, "e_signed", st.booleans())
    return data


@st.composite
def project_description(draw: st.DrawFn) -> dict[str, Any]:
    data = {"kind": "project-description", "project_name": draw(PROJECT_NAME), **draw(common())}
    for key in ("title", "applicant", "implementer", "partners", "goal", "description",
                "justification", "results"):  # fmt: skip
        _maybe(draw, data, key, TEXT)
    _maybe(draw, data, "duration", duration())
    cost_line = st.fixed_dictionaries(
        {"role": st.sampled_from(["note", "co_financing"]), "text": TEXT},
        optional={"amount": money(), "after": TEXT, "in_words": st.booleans()},
    )
    _maybe(draw, data, "costs", st.lists(cost_line, max_size=4))
    _maybe(
        draw,
        data,
        "target_group",
        st.fixed_dictionaries({"direct": TEXT}, optional={"indirect": TEXT}),
    )
    _maybe(draw, data, "activities", st.lists(st.builds(lambda t: {"text": t}, TEXT), max_size=5))
    _maybe(
        draw,
        data,
        "contact",
        st.fixed_dictionaries(
            {"name": TEXT}, optional=dict.fromkeys(("position", "phone", "mobile", "email"), TEXT)
        ),
    )
    _maybe(draw, data, "labels", st.dictionaries(st.sampled_from(ROW_KEYS), TEXT, max_size=3))
    extra = st.fixed_dictionaries(
        {"label": TEXT, "text": TEXT},
        optional={"after": st.sampled_from(ROW_KEYS), "personal": st.booleans()},
    )
    _maybe(draw, data, "extra_rows", st.lists(extra, max_size=3))
    return data


@st.composite
def generic(draw: st.DrawFn) -> dict[str, Any]:
    row = st.fixed_dictionaries({"label": TEXT, "text": TEXT}, optional={"personal": st.booleans()})
    data = {"kind": "generic", "title": draw(TEXT), **draw(common())}
    data["rows"] = draw(st.lists(row, min_size=1, max_size=4))
    _maybe(draw, data, "paragraphs", st.lists(TEXT, max_size=4))
    return data


@st.composite
def announcement(draw: st.DrawFn) -> dict[str, Any]:
    block = st.one_of(
        TEXT.map(lambda t: {"text": t}),
        st.lists(TEXT, min_size=1, max_size=3).map(lambda b: {"bullets": b}),
    )
    project = st.fixed_dictionaries(
        {"name": TEXT, "programme": TEXT, "responsible": TEXT},
        optional={"code": TEXT, "short_name": TEXT},
    )
    data = {"kind": "project-announcement", "title": draw(TEXT), **draw(common())}
    data["blocks"] = draw(st.lists(block, min_size=1, max_size=4))
    data["project"] = draw(project)
    _maybe(draw, data, "disclaimer", TEXT)
    return data


ANNEX_DATA = st.one_of(project_description(), generic(), announcement())

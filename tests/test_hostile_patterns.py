"""The patterns over user text that were rewritten to be linear (issue 17, item 1) still
mean what they meant.

Each rewrite is held against the pattern it replaced, kept here as the oracle and run
only on short text (where backtracking costs nothing): same matches, same values. How
fast they are on long text is ``tests/test_linear_time.py``'s business.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annexgen.model.fields import MAX_MONEY_TEXT, Money
from annexgen.model.kinds.project_announcement import ProjectAnnouncement, disclaimer
from annexgen.model.loading import check_text
from annexgen.reading.documents import _inline_row
from annexgen.reading.extract import _disclaimer
from annexgen.word.parts import tag_spans

# --- the old patterns, verbatim ----------------------------------------------------------

OLD_MONEY = re.compile(
    r"^\s*(?:(?P<code1>[A-Za-z]{3})\s+)?(?P<amount>[-\d][\d \u00a0.,]*?)"
    r"\s*(?P<code2>[A-Za-z]{3}|€)?\s*$"
)
OLD_STATED_EUR = re.compile(
    r"\s*\((?:EUR\s*(?P<a>[\d \u00a0.,]+?)|(?P<b>[\d \u00a0.,]+?)\s*EUR)\)\s*$"
)
OLD_DISCLAIMER = re.compile(
    r"^Projekts (?:(?P<code>\S+) )?(?P<open>[„“\"])(?P<name>.+?)[”“\"]"
    r"(?: \((?P<short>[^)]+)\))? tiek īstenots (?P<programme>.+?) ietvaros\. "
    r"Šo projektu finansē Eiropas Savienība\. Šis raksts ir sagatavots ar Eiropas Savienības "
    r"finansiālo atbalstu\. Par šī dokumenta saturu pilnībā atbild (?P<responsible>.+?), "
    r"un tas nekādos apstākļos nav uzskatāms par Eiropas Savienības oficiālo nostāju\.$"
)
OLD_INLINE_ROW = re.compile(r"^(?P<label>[^\t]*\S[^\t]*)\t+(?P<value>.*\S.*)$")
OLD_TAG = re.compile(r"\{\{.*?(?=\}\})|\{%.*?(?=%\})|\{#.*?(?=#\})", re.S)
OLD_CLOSED_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def old_money(data: str) -> dict[str, Any]:
    """``Money._from_text`` as it was before issue 17."""
    eur = None
    stated = OLD_STATED_EUR.search(data)
    if stated:
        eur = stated.group("a") or stated.group("b")
        data = data[: stated.start()]
    m = OLD_MONEY.match(data)
    if not m or (m.group("code1") and m.group("code2")):
        raise ValueError("not an amount")
    code = m.group("code1") or m.group("code2") or "EUR"
    result = {"amount": m.group("amount"), "currency": "EUR" if code == "€" else code}
    if eur is not None:
        result["eur"] = eur
    return result


def _outcome(function: Any, text: str) -> object:
    try:
        return function(text)
    except Exception as err:  # the kind of refusal does not matter, only that it is one
        return type(err).__mro__[-2].__name__


MONEY_TEXT = st.lists(
    st.sampled_from([*"0123456789 \u00a0.,-()€", "EUR", "LVL", "USD", "x", "\t"]), max_size=12
).map("".join)


@given(MONEY_TEXT)
def test_money_text_reads_as_before(text: str) -> None:
    def new(data: str) -> object:
        money = Money.model_validate(data)
        return (money.amount, money.currency, money.eur)

    def old(data: str) -> object:
        return (*Money.model_validate(old_money(data)).model_dump().values(),)

    assert _outcome(new, text) == _outcome(old, text)


@pytest.mark.parametrize(
    ("text", "amount", "currency", "eur"),
    [
        ("19 700,00 EUR", "19700.00", "EUR", None),
        ("LVL 1000 (EUR 1422,87)", "1000.00", "LVL", "1422.87"),
        ("1000 LVL  (1422,87 EUR) ", "1000.00", "LVL", "1422.87"),
        ("  € 5", None, None, None),
        ("5 €", "5.00", "EUR", None),
        ("19\u00a0700,00\u00a0EUR", "19700.00", "EUR", None),
    ],
)
def test_money_text_examples(text: str, amount: str | None, currency: str, eur: str | None) -> None:
    if amount is None:
        with pytest.raises(ValueError, match="expected an amount"):
            Money.model_validate(text)
        return
    money = Money.model_validate(text)
    assert (str(money.amount), money.currency) == (amount, currency)
    assert (str(money.eur) if money.eur is not None else None) == eur


def test_money_text_is_bounded_before_any_pattern_sees_it() -> None:
    longest = "LVL 1 000 000 000,00 (EUR 1 422 872 809,92)"
    assert Money.model_validate(longest).eur is not None
    padded = "1" + " " * (MAX_MONEY_TEXT - 2) + "x"  # the shape that took 38 s at 2 500
    with pytest.raises(ValueError, match="expected an amount"):
        Money.model_validate(padded)
    with pytest.raises(ValueError, match=f"got {MAX_MONEY_TEXT + 1} characters"):
        Money.model_validate("1" + " " * MAX_MONEY_TEXT)


# --- the EU disclaimer, read by hand ------------------------------------------------------

PIECE = st.lists(st.sampled_from([*'ab „“”"()-,.']), max_size=6).map("".join)
CODE = st.lists(st.sampled_from([*'ab„“”"()-,.']), max_size=4).map("".join)


@given(CODE, PIECE, PIECE, PIECE, PIECE, st.sampled_from(["„", "“", '"']),
       st.sampled_from(["”", "“", '"']))  # fmt: skip
def test_disclaimer_reads_as_the_old_pattern_did(
    code: str, name: str, short: str, programme: str, responsible: str, open_: str, close: str
) -> None:
    text = (
        f"Projekts {code + ' ' if code else ''}{open_}{name}{close}"
        f"{f' ({short})' if short else ''} tiek īstenots {programme} ietvaros. Šo projektu "
        "finansē Eiropas Savienība. Šis raksts ir sagatavots ar Eiropas Savienības finansiālo "
        f"atbalstu. Par šī dokumenta saturu pilnībā atbild {responsible}, un tas nekādos "
        "apstākļos nav uzskatāms par Eiropas Savienības oficiālo nostāju."
    )
    old = OLD_DISCLAIMER.match(text)
    expected = {k: v for k, v in old.groupdict().items() if v} if old else None
    assert _disclaimer(text) == expected


def test_the_disclaimer_the_renderer_writes_reads_back() -> None:
    for project in (
        {"name": "Risk-free", "code": "LLI-402", "short_name": "RF", "programme": "Interreg",
         "responsible": "Daugavpils pilsētas dome"},
        {"name": "Zaļā (josta)", "programme": "LIFE", "responsible": "X"},
    ):  # fmt: skip
        for quotes in ("lv", "en"):
            annex = ProjectAnnouncement.model_validate(
                {"kind": "project-announcement", "title": "T", "blocks": ["a"],
                 "project": project, "options": {"quotes": quotes}}
            )  # fmt: skip
            read = _disclaimer(disclaimer(annex))
            assert read is not None
            assert read["name"] == project["name"]
            assert read["programme"] == project["programme"]
            assert read["responsible"] == project["responsible"]
            assert read.get("code") == project.get("code")
            assert read.get("short") == project.get("short_name")


# --- rows of a text file, and template tags -----------------------------------------------


@given(st.text(st.sampled_from(list("ab \t\u00a0:")), max_size=12))
def test_inline_rows_read_as_before(line: str) -> None:
    old = OLD_INLINE_ROW.match(line)
    expected = (old["label"].strip(), old["value"].strip()) if old else None
    assert _inline_row(line) == expected


TAG_TEXT = st.text(st.sampled_from(list("{}%# a\n")), max_size=16)


@given(TAG_TEXT)
def test_tag_spans_are_the_old_matches(text: str) -> None:
    assert list(tag_spans(text)) == [m.span() for m in OLD_TAG.finditer(text)]
    assert list(tag_spans(text, closed=True)) == [m.span() for m in OLD_CLOSED_TAG.finditer(text)]


# --- refused characters, located in one pass --------------------------------------------


def test_control_characters_are_located_on_every_line() -> None:
    lines = ["kind: generic", "title: T", "paragraphs:"]
    lines += [f"  - p{n} \x01 x" for n in range(300)]
    lines.insert(1, "# a comment with \x02")
    findings = [f for f in check_text("\r\n".join(lines)) if f.code == "yaml-forbidden-character"]
    assert [(f.location.line, f.location.column) for f in findings] == [(2, 18)] + [
        (n + 5, 7 + len(str(n))) for n in range(300)
    ]
    assert findings[0].location.field is None  # a comment is no field
    assert [f.location.field for f in findings[1:4]] == [
        "paragraphs[0]", "paragraphs[1]", "paragraphs[2]"
    ]  # fmt: skip


def test_many_dates_on_one_line_keep_their_findings() -> None:
    from annexgen.reading.lint import lint_text  # noqa: PLC0415

    text = "līdz 2013.gada 5.decembrim " * 200 + "2014.gadā"
    findings = lint_text(text)
    spacing = [f for f in findings if f.code == "date-spacing"]
    assert len(spacing) == 201  # each legacy date, and the year alone at the end
    assert spacing[-1].excerpt == "2014.gadā"

"""Reliability notes §4, the rows about YAML and models (3–8, 12–16, 20), each driven
through the real loader, with the exact ``file:line:column: field.path: message``.

``test_text.py`` checks the gate function alone and ``test_loading.py`` the loader's
machinery; here every row is an input a clerk could really save, and the assertion is
what they would read on screen.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from annexgen.errors import DataError
from annexgen.model.fields import MAX_ITEMS
from annexgen.model.kinds import KINDS
from annexgen.model.kinds.project_description import ProjectDescription
from annexgen.model.loading import (
    MAX_FILE_BYTES,
    check_file,
    check_text,
    load_annex,
    load_annex_text,
    skeleton,
)
from annexgen.model.saving import dump_annex
from annexgen.model.text import MAX_TEXT_LENGTH, TextError, clean_text

ROOT = Path(__file__).resolve().parent.parent
HEAD = "kind: project-description\nproject_name: X\ndecision:\n  council: D\n"
#  line:  1                         2              3          4            → new keys on line 5


def errors(text: str) -> list[str]:
    return [str(p) for p in check_text(text, "a.yaml") if p.severity == "error"]


def load(text: str) -> ProjectDescription:
    annex = load_annex_text(text, "a.yaml")
    assert isinstance(annex, ProjectDescription)
    return annex


# --- rows 3 and 4: characters Word cannot hold, and \a \f that change structure -------

FORBIDDEN = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]


@pytest.mark.parametrize("code", FORBIDDEN, ids=lambda c: f"U+{c:04X}")
def test_row3_forbidden_character_is_named_with_field_and_place(code: int) -> None:
    # written as a YAML escape, the only way such a character gets through a YAML reader
    msgs = errors(HEAD + f'goal: "ab\\u{code:04X}c"\n')
    assert len(msgs) == 1
    assert msgs[0].startswith(f"a.yaml:5:7: goal: character U+{code:04X} ")
    assert "position 3" in msgs[0]


def _string_leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _string_leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _string_leaves(v, (*path, i))]
    return [path] if isinstance(value, str) else []


#: Keys whose strings are codes, amounts or dates, not free text (they fail with their own
#: message before the text gate would).
CODES = {"kind", "role", "currency", "number_style", "cents", "euro_spelling", "quotes",
         "date_spaces", "amount", "eur", "date", "until", "start", "end",
         # the table kind: column keys and types, file names, totals (issue 16)
         "key", "of", "type", "align", "orientation", "rows_from", "sheet", "stated",
         "column", "approved"}  # fmt: skip


def _free_text_paths(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    def is_row_key(path: tuple[Any, ...]) -> bool:
        return path[0] == "order" or (path[0] == "extra_rows" and path[-1] == "after")

    return [p for p in _string_leaves(data) if p[-1] not in CODES and not is_row_key(p)]


def _fmt(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


#: The examples plus the `annexgen new` skeletons, which fill the fields no seed uses
#: (generic rows, paragraphs), and a fixture that fills every project-description field.
SOURCES = [*(f"examples/{name}" for name in ("000-hugs-not-drugs.yaml", "002-jauniesu-centri.yaml",
           "003-integracijas-inkubators.yaml", "004-risk-free.yaml")),
           "tests/fixtures/every-field.yaml", *KINDS]  # fmt: skip


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("char", ["\x07", "\x0c", "\x0b", "\x00"], ids=["BEL", "FF", "VT", "NUL"])
def test_rows3_4_every_free_text_field_is_gated(source: str, char: str) -> None:
    if source.endswith(".yaml"):
        annex = load_annex(ROOT / source)
    else:
        annex = load_annex_text(skeleton(source))
    data = yaml.safe_load(dump_annex(annex))
    paths = _free_text_paths(data)
    assert len(paths) >= 5
    for path in paths:
        bad = yaml.safe_load(yaml.safe_dump(data))
        _set(bad, path, "ok" + char)
        text = yaml.safe_dump(bad, allow_unicode=True, sort_keys=False)
        node = yaml.compose(text)
        for part in path:  # where the clerk's editor would show the value
            if isinstance(part, str):
                node = {k.value: v for k, v in node.value}[part]
            else:
                node = node.value[part]
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        msgs = errors(text)
        assert len(msgs) == 1, msgs
        code = f"U+{ord(char):04X}"
        assert msgs[0].startswith(f"a.yaml:{line}:{column}: {_fmt(path)}: character {code} ")


def test_row4_structure_characters_never_reach_the_document() -> None:
    # reliability §2.3: docxtpl turns \a into a new paragraph and \f into a page break
    assert errors(HEAD + 'goal: "a\\ab"\n')[0].startswith("a.yaml:5:7: goal: character U+0007")
    assert errors(HEAD + 'goal: "a\\fb"\n')[0].startswith("a.yaml:5:7: goal: character U+000C")


# --- row 5: \n, \t, \r\n, \r ------------------------------------------------------------


def test_row5_line_breaks_and_tabs_survive_and_cr_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    body = HEAD + 'goal: |-\n  pirmā rinda\n  otrā\trinda\ndescription: "a\\r\\nb\\rc"\n'
    path.write_bytes(body.replace("\n", "\r\n").encode("utf-8"))  # saved by Notepad
    annex = load_annex(path)
    assert isinstance(annex, ProjectDescription)
    assert annex.goal == "pirmā rinda\notrā\trinda"
    assert annex.description == "a\nb\nc"


# --- row 6: spaces and NBSP -------------------------------------------------------------


def test_row6_spaces_and_nbsp_are_kept() -> None:
    annex = load(HEAD + 'goal: "  divas  atstarpes  "\napplicant: "19\u00a0700\u00a0EUR"\n')
    assert annex.goal == "  divas  atstarpes  "
    assert annex.applicant == "19\u00a0700\u00a0EUR"


# --- row 7: NFD Latvian -----------------------------------------------------------------

LATVIAN = "āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ"


def test_row7_nfd_text_is_stored_as_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", LATVIAN)
    assert nfd != LATVIAN
    path = tmp_path / "mac.yaml"
    path.write_text(
        HEAD + f"goal: {nfd}\nsignatory:\n  position: {nfd}\n  name: Ģirts Šķēle\n"
        f"labels:\n  goal: {nfd}\n",
        encoding="utf-8",
    )
    annex = load_annex(path)
    assert isinstance(annex, ProjectDescription)
    assert annex.signatory is not None
    assert annex.goal == annex.signatory.position == annex.labels["goal"] == LATVIAN
    nfd_name = unicodedata.normalize("NFD", "Ģirts Šķēle")
    assert load(HEAD.replace("X", nfd_name)).project_name == "Ģirts Šķēle"


# --- row 8: template syntax in data --------------------------------------------------


def test_row8_template_syntax_is_literal_text() -> None:
    annex = load(HEAD + "goal: '{{ 7*7 }}'\ndescription: \"{% for x in y %}{{ x }}{% endfor %}\"\n")
    assert annex.goal == "{{ 7*7 }}"
    assert annex.description == "{% for x in y %}{{ x }}{% endfor %}"


def test_row8_unquoted_braces_get_a_hint_to_quote() -> None:
    msgs = errors(HEAD + "goal: {{ x }}\n")
    assert msgs[0] == (
        "a.yaml:5:7: goal: expected text but YAML read a mapping (key: value); "
        "put text that starts with {, [ or contains ': ' in quotes"
    )


# --- row 12: tags ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!!binary aGVsbG8=",
     "!!int 5", "!!float 1.5", "!!timestamp 2024-01-05", "!custom x"],
)  # fmt: skip
def test_row12_tags_are_refused(tag: str) -> None:
    (msg,) = errors(HEAD + f"applicant: {tag}\n")
    assert msg.startswith("a.yaml:5:12: applicant: YAML tags like ")
    assert msg.endswith("are not allowed")


def test_row12_explicit_str_tag_is_just_text() -> None:
    assert load(HEAD + "applicant: !!str 0700\n").applicant == "0700"


# --- row 13: size cap before parsing ----------------------------------------------------


def test_row13_file_size_cap_and_cap_plus_one(tmp_path: Path) -> None:
    filler = MAX_FILE_BYTES - len(HEAD) - len("goal: \n")
    at_cap = tmp_path / "cap.yaml"
    at_cap.write_text(HEAD + "goal: " + "a" * filler + "\n", encoding="ascii")
    assert at_cap.stat().st_size == MAX_FILE_BYTES
    (problem,) = check_file(at_cap)  # read and parsed: only the text-length limit applies
    assert "limit is 10000" in problem.message
    assert (problem.location.line, problem.location.field) == (5, "goal")
    over = tmp_path / "over.yaml"
    over.write_bytes(b"{" * (MAX_FILE_BYTES + 1))  # would be a YAML error if it were parsed
    (problem,) = check_file(over)
    assert problem.message == f"file is {MAX_FILE_BYTES + 1} bytes; the limit is 1024 KiB"


# --- row 14: YAML 1.1 implicit types — the schema decides --------------------------------

LOOKALIKES = ["NO", "yes", "on", "0700", "0123", "08", "12:30", "1_000", "1e3", "12.30",
              "2024-01-05", "2024-02-30"]  # fmt: skip


@pytest.mark.parametrize("written", LOOKALIKES)
def test_row14_in_a_text_field_is_the_text(written: str) -> None:
    assert load(HEAD + f"applicant: {written}\n").applicant == written


MONEY = {"0700": "700.00", "0123": "123.00", "08": "8.00", "12.30": "12.30"}


@pytest.mark.parametrize("written", LOOKALIKES)
def test_row14_in_an_amount(written: str) -> None:
    text = HEAD + f"costs:\n  - amount: {written}\n"
    if written in MONEY:  # leading zeros are decimal (never octal); 12.30 keeps its zero
        amount = load(text).costs[0].amount
        assert amount is not None
        assert str(amount.amount) == MONEY[written]
    else:
        (msg,) = errors(text)
        assert msg.startswith("a.yaml:6:13: costs[0].amount")
        assert repr(written) in msg


@pytest.mark.parametrize("written", LOOKALIKES)
def test_row14_in_a_date(written: str) -> None:
    text = HEAD.replace("D\n", f"D\n  date: {written}\n")
    if written == "2024-01-05":
        assert str(load(text).decision.date) == "2024-01-05"  # type: ignore[union-attr]
        return
    (msg,) = errors(text)
    assert msg.startswith("a.yaml:5:9: decision.date: expected a date like 2013-12-05")
    assert repr(written) in msg


COUNTS = {"0700": 700, "0123": 123, "08": 8}  # decimal, never octal (YAML 1.1: 448, 83)


@pytest.mark.parametrize("written", LOOKALIKES)
def test_row14_in_a_count(written: str) -> None:
    text = HEAD + f"duration:\n  months: {written}\n"
    if COUNTS.get(written):
        assert load(text).duration.months == COUNTS[written]  # type: ignore[union-attr]
        return
    (msg,) = errors(text)
    assert msg.startswith("a.yaml:6:11: duration.months: expected a whole number written with")


BOOLS = {"NO": False, "yes": True, "on": True}


@pytest.mark.parametrize("written", LOOKALIKES)
def test_row14_in_a_switch(written: str) -> None:
    text = HEAD + f"e_signed: {written}\n"
    if written in BOOLS:  # a yes/no field: here the words mean yes and no
        assert load(text).e_signed is BOOLS[written]
    else:
        (msg,) = errors(text)
        assert msg == f"a.yaml:5:11: e_signed: expected yes or no (true or false), got '{written}'"


# --- row 15: duplicate keys, unknown keys, wrong nesting --------------------------------


def test_row15_wrong_nesting_is_located() -> None:
    # said in annexgen's words (and the clerk's language), not pydantic's
    assert errors(HEAD + "costs: {amount: 5}\n") == [
        "a.yaml:5:8: costs: expected a list here (lines that start with '- '), not '{amount: '5'}'"
    ]
    assert errors(HEAD + "contact:\n  - name: A\n") == [
        "a.yaml:6:3: contact: expected fields here (name: value on lines of their own), "
        "not '[{name: A}]'"
    ]
    flow = "kind: project-description\nproject_name: X\ndecision: {council: D, numbr: 610}\n"
    assert errors(flow) == [
        "a.yaml:3:24: decision.numbr: unknown field 'numbr' (did you mean 'number'?)"
    ]


def test_row15_duplicate_keys_inside_lists_are_located() -> None:
    assert errors(HEAD + "costs:\n  - amount: 5\n    amount: 6\n") == [
        "a.yaml:7:5: costs[0].amount: duplicate key 'amount' (first given on line 6)"
    ]


# --- row 16: money ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2.675", "more than two decimals: '2.675'"),
        ("0.30000000000000004", "more than two decimals"),  # 0.1 + 0.2 as a float prints
        ("12345678901234567890123", "too large"),
        ("-5", "negative"),
        ("1000000000000", "too large"),
        ("19 700 USD", "unknown currency"),
    ],
)
def test_row16_bad_amounts_are_refused_where_written(written: str, message: str) -> None:
    (msg,) = errors(HEAD + f"costs:\n  - amount: {written}\n")
    assert msg.startswith("a.yaml:6:13: costs[0].amount")
    assert message in msg


@pytest.mark.parametrize(
    ("written", "amount"),
    [("19700", "19700.00"), ("19 700,00", "19700.00"), ("19 700.00", "19700.00"),
     ("19\u00a0700", "19700.00"), ("999999999999.99", "999999999999.99"), ("0", "0.00")],
)  # fmt: skip
def test_row16_amounts_are_exact_decimals(written: str, amount: str) -> None:
    money = load(HEAD + f"costs:\n  - amount: {written}\n").costs[0].amount
    assert money is not None
    assert money.amount == Decimal(amount)
    assert str(money.amount) == amount


# --- row 20: a 9-million-character field, 10 000 list items, cap and cap + 1 ---------------


def test_row20_huge_field_is_refused_with_the_limit_not_truncated() -> None:
    with pytest.raises(TextError, match=f"9000000 characters long; the limit is {MAX_TEXT_LENGTH}"):
        clean_text("ā" * 9_000_000)
    with pytest.raises(DataError) as info:
        load(HEAD + "goal: " + "ā" * (MAX_TEXT_LENGTH + 1) + "\n")
    assert str(info.value) == (
        f"a.yaml:5:7: goal: text is {MAX_TEXT_LENGTH + 1} characters long; "
        f"the limit is {MAX_TEXT_LENGTH}"
    )
    assert load(HEAD + "goal: " + "ā" * MAX_TEXT_LENGTH + "\n").goal == "ā" * MAX_TEXT_LENGTH


@pytest.mark.parametrize("items", [MAX_ITEMS, MAX_ITEMS + 1, 10_000])
def test_row20_list_cap(items: int) -> None:
    text = HEAD + "activities:\n" + "  - a\n" * items
    if items <= MAX_ITEMS:
        assert len(load(text).activities) == items
        return
    assert errors(text) == [
        f"a.yaml:6:3: activities: too many entries: at most {MAX_ITEMS} allowed, here {items}"
    ]


# --- cross-check from the issue: a period must not end before it starts ------------------


def test_period_start_after_end_is_located() -> None:
    assert errors(HEAD + "duration:\n  start: 2016-01-01\n  end: 2015-09-30\n") == [
        "a.yaml:6:3: duration: start 2016-01-01 is after end 2015-09-30"
    ]
    same_day = load(HEAD + "duration:\n  start: 2015-09-30\n  end: 30.09.2015.\n").duration
    assert same_day is not None
    assert same_day.start == same_day.end

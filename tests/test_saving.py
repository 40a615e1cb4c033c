"""Model → YAML → model is the identity (reliability §2.6 test: "a hypothesis round-trip:
generate a model, dump it to YAML, load it back, assert equality").

The strategies cover every field of every annex kind, with text drawn from any
character the input gate accepts — Latvian letters, NBSP, tabs, inner line breaks,
U+2028, quotes, ``{{ }}``, ``&<>`` and strings YAML 1.1 would type (NO, 0700, 12:30).
"""

from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from annexgen.lv import CURRENCIES, lvl_to_eur
from annexgen.model.fields import Decision, Money, Options, Signatory
from annexgen.model.kinds.generic import GenericAnnex, GenericRow
from annexgen.model.kinds.project_announcement import Block, ProjectAnnouncement, ProjectInfo
from annexgen.model.kinds.project_description import (
    ROW_KEYS,
    Activity,
    Contact,
    CostLine,
    Duration,
    ExtraRow,
    ProjectDescription,
    TargetGroup,
)
from annexgen.model.loading import check_text, load_annex, load_annex_text
from annexgen.model.saving import SCHEMA_COMMENT, dump_annex
from annexgen.model.text import TextError, clean_text

ROOT = Path(__file__).resolve().parent.parent

YAML_LOOKALIKES = ["NO", "yes", "on", "0700", "0123", "08", "12:30", "1_000", "1e3", "12.30",
                   "2024-01-05", "2024-02-30", "~", "null", "", " ", "- a", "a: b", "#x", "*a",
                   "&a", "!!python/object", "{{ x }}", "{% if %}", "a & b <c>"]  # fmt: skip


def _clean(s: str) -> str | None:
    try:
        return clean_text(s)
    except TextError:
        return None


ANY_TEXT = (
    st.one_of(
        st.sampled_from(YAML_LOOKALIKES),
        st.text(
            st.characters(
                blacklist_categories=("Cs",),
                # C0/C1 controls are refused by the gate; tab and line feed are text
                blacklist_characters="".join(map(chr, [*range(0, 9), *range(11, 32)]))
                + "".join(map(chr, range(0x7F, 0xA0)))
                + "\ufffe\uffff",
            ),
            max_size=30,
        ),
    )
    .map(_clean)
    .filter(lambda s: s is not None)
)
TEXT = typing.cast(st.SearchStrategy[str], ANY_TEXT)
#: The model takes quotation marks around a project name off and refuses a mark without
#: its pair (tests/render/test_render.py); the round trip uses names without any.
PROJECT_NAME = TEXT.filter(lambda s: not set(s) & set('„”“"«»'))
NAME = st.sampled_from(["Jānis Lāčplēsis", "J. Lāčplēsis", "Dzintra Ozola", "A. K. Kariņš"])
DATES = st.dates(date(1990, 1, 1), date(2100, 12, 31))
CENTS = st.integers(0, 10**13 - 1).map(lambda c: Decimal(c) / 100)


@st.composite
def money(draw: st.DrawFn) -> Money:
    currency = draw(st.sampled_from(sorted(CURRENCIES)))
    amount = draw(CENTS)
    eur = lvl_to_eur(amount) if currency == "LVL" and draw(st.booleans()) else None
    return Money(amount=amount, currency=currency, eur=eur)


def opt(strategy: st.SearchStrategy[typing.Any]) -> st.SearchStrategy[typing.Any]:
    return st.none() | strategy


DECISION = st.builds(
    Decision,
    council=TEXT,
    date=opt(DATES),
    number=opt(TEXT),
    protocol=opt(TEXT),
    item=opt(TEXT),
    annex_number=opt(st.integers(1, 99)),
    act=TEXT,
    meeting=st.booleans(),
)
SIGNATORY = st.builds(Signatory, position=TEXT, name=NAME, acting=st.booleans())
OPTIONS = st.builds(
    Options,
    number_style=st.sampled_from(typing.get_args(Options.model_fields["number_style"].annotation)),
    cents=st.sampled_from(typing.get_args(Options.model_fields["cents"].annotation)),
    minor_word=opt(TEXT),
    euro_spelling=st.sampled_from(["eiro", "euro"]),
    quotes=st.sampled_from(["lv", "en", "straight"]),
    date_spaces=st.sampled_from(["nbsp", "space"]),
    personal_placeholder=TEXT,
)
COMMON = {
    "decision": opt(DECISION),
    "signatory": opt(SIGNATORY),
    "e_signed": st.booleans(),
    "options": OPTIONS,
}


@st.composite
def duration(draw: st.DrawFn) -> Duration:
    form = draw(st.sampled_from(["until", "period", "months", "text"]))
    note = draw(opt(TEXT))
    if form == "until":
        return Duration(until=draw(DATES), note=note)
    if form == "period":
        start, end = sorted([draw(DATES), draw(DATES)])
        return Duration(start=start, end=end, note=note)
    if form == "months":
        return Duration(months=draw(st.integers(1, 1200)), note=note)
    return Duration(text=draw(TEXT), note=note)


@st.composite
def costs(draw: st.DrawFn) -> list[CostLine]:
    """Cost lines that pass the cross-checks: one total at most, and a total or a
    source always has an amount (a cost line that breaks them is tested in test_loading)."""
    lines = []
    for i in range(draw(st.integers(0, 4))):
        role = draw(st.sampled_from(["total", "source", "co_financing", "note"]))
        if role == "total" and i > 0:
            role = "note"
        amount = draw(money() if role in ("total", "source") else opt(money()))
        lines.append(
            CostLine(role=role, text=draw(TEXT), amount=amount, after=draw(TEXT),
                     in_words=draw(st.booleans()))
        )  # fmt: skip
    return lines


@st.composite
def activities(draw: st.DrawFn) -> list[Activity]:
    """Numbered all or none (the cross-check refuses a mix)."""
    numbered = draw(st.booleans())
    return [
        Activity(number=draw(TEXT.filter(bool)) if numbered else None, text=draw(TEXT))
        for _ in range(draw(st.integers(0, 4)))
    ]


ROW_KEY = st.sampled_from(ROW_KEYS)
PROJECT_DESCRIPTION = st.builds(
    ProjectDescription,
    kind=st.just("project-description"),
    project_name=PROJECT_NAME,
    title=opt(TEXT),
    applicant=opt(TEXT),
    implementer=opt(TEXT),
    partners=opt(TEXT),
    duration=opt(duration()),
    goal=opt(TEXT),
    description=opt(TEXT),
    justification=opt(TEXT),
    costs=costs(),
    target_group=opt(st.builds(TargetGroup, direct=TEXT, indirect=opt(TEXT))),
    activities=activities(),
    results=opt(TEXT),
    contact=opt(
        st.builds(
            Contact,
            name=TEXT,
            position=opt(TEXT),
            phone=opt(TEXT),
            mobile=opt(TEXT),
            email=opt(TEXT),
        )
    ),
    labels=st.dictionaries(ROW_KEY, TEXT, max_size=3),
    extra_rows=st.lists(
        st.builds(ExtraRow, label=TEXT, text=TEXT, after=opt(ROW_KEY), personal=st.booleans()),
        max_size=3,
    ),
    **COMMON,
)
GENERIC = st.builds(
    GenericAnnex,
    kind=st.just("generic"),
    title=TEXT,
    rows=st.lists(
        st.builds(GenericRow, label=TEXT, text=TEXT, personal=st.booleans()), min_size=1, max_size=3
    ),
    paragraphs=st.lists(TEXT, max_size=3),
    **COMMON,
)
ANNOUNCEMENT = st.builds(
    ProjectAnnouncement,
    kind=st.just("project-announcement"),
    title=TEXT,
    blocks=st.lists(
        st.builds(Block, text=TEXT) | st.builds(Block, bullets=st.lists(TEXT, max_size=3)),
        min_size=1,
        max_size=3,
    ),
    project=st.builds(
        ProjectInfo,
        name=TEXT,
        code=opt(TEXT),
        short_name=opt(TEXT),
        programme=TEXT,
        responsible=TEXT,
    ),
    disclaimer=opt(TEXT),
    **COMMON,
)


@given(PROJECT_DESCRIPTION | GENERIC | ANNOUNCEMENT)
def test_any_annex_survives_yaml(annex: ProjectDescription) -> None:
    text = dump_annex(annex)
    assert load_annex_text(text) == annex


@given(PROJECT_DESCRIPTION)
def test_saved_files_hold_no_tags_anchors_or_typed_scalars(annex: ProjectDescription) -> None:
    text = dump_annex(annex)
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        assert getattr(event, "anchor", None) is None
        assert not isinstance(event, yaml.AliasEvent)
        if isinstance(event, yaml.ScalarEvent):
            assert event.tag is None, event.tag  # no !!python/…, no explicit types


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_examples_survive_yaml(path: Path) -> None:
    annex = load_annex(path)
    text = dump_annex(annex)
    assert text.startswith(SCHEMA_COMMENT + "kind: ")
    # a table's rows_from names a file beside the YAML: the saved file is read from there
    assert load_annex_text(text, base_dir=path.parent) == annex
    # saving does not change what `annexgen check` says about the file
    before = [
        (p.severity, p.location.field, p.message)
        for p in check_text(path.read_text(), base_dir=path.parent)
    ]
    after = [
        (p.severity, p.location.field, p.message) for p in check_text(text, base_dir=path.parent)
    ]
    assert sorted(after, key=str) == sorted(before, key=str)  # lines move, findings do not


def test_values_yaml_would_retype_are_quoted() -> None:
    # reliability §2.6c: a saved "NO" must read back as the text NO, also with safe_load
    annex = ProjectDescription(kind="project-description", project_name="NO", applicant="0700")
    loaded = yaml.safe_load(dump_annex(annex))
    assert (loaded["project_name"], loaded["applicant"]) == ("NO", "0700")

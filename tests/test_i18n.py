"""The clerk's language (issue 13): the catalog is complete, Latvian is the default.

The catalog is read here as a translator leaves it (``.po``, through Babel),
independently of how annexgen loads it; the message ids come from running
``pybabel extract`` over the source with the README's command.
"""

from __future__ import annotations

import asyncio
import re
import string
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from annexgen import i18n
from annexgen.errors import Finding, Location
from annexgen.i18n import (
    get_language,
    language_from_environment,
    ngettext,
    set_language,
    use_language,
)
from annexgen.lv import format_date
from annexgen.messages import MESSAGES, Phrase, format_param, render_message

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "src" / "annexgen" / "locale" / "lv" / "LC_MESSAGES" / "annexgen.po"
#: the README's extraction command (README.md, "Translations"), run from the checkout
EXTRACT = "pybabel extract -F babel.cfg -k N_ -c TRANSLATORS: --add-location=file"


def _catalog() -> Catalog:
    with PO.open("rb") as fp:
        return read_po(fp, domain="annexgen")


def _entries() -> list[Message]:
    return [m for m in _catalog() if m.id]


def _ids(m: Message) -> list[str]:
    return list(m.id) if isinstance(m.id, tuple | list) else [m.id]


def _strings(m: Message) -> list[str]:
    return list(m.string) if isinstance(m.string, tuple | list) else [m.string]


def _brace_names(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def _percent_names(text: str) -> list[str]:
    return sorted(re.findall(r"%\((\w+)\)s", text))


def _label(m: Message) -> str:
    return f"{m.context}|{_ids(m)[0][:50]}"


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """No language variable set, no language chosen: a clerk's fresh terminal."""
    for name in ("ANNEXGEN_LANG", *i18n.LOCALE_VARIABLES):
        monkeypatch.delenv(name, raising=False)
    set_language(None)
    yield monkeypatch
    set_language(None)


# --- the catalog is complete -----------------------------------------------------------


def test_the_catalog_speaks_latvian_with_babels_plural_rules() -> None:
    catalog = _catalog()
    assert str(catalog.locale) == "lv"
    # latvian-language §2: one / other / zero, as Babel (CLDR) has them for lv
    assert catalog.plural_forms == get_plural("lv").plural_forms
    assert catalog.num_plurals == 3


@pytest.mark.parametrize("entry", _entries(), ids=_label)
def test_every_message_has_a_latvian_translation_with_the_same_placeholders(
    entry: Message,
) -> None:
    assert not entry.fuzzy, "a fuzzy translation is not used: check it and drop the flag"
    strings = _strings(entry)
    assert all(s.strip() for s in strings), "untranslated"
    ids = _ids(entry)
    for text in strings:
        for names in (_brace_names, _percent_names):
            assert names(text) == names(ids[-1]) or names(text) == names(ids[0]), text
        assert text.count("\b") == ids[0].count("\b"), "click's no-rewrap marks stay"
    if entry.context != "skeleton":
        for text in strings:  # clerks read „…”, not '…' (document-rules §1.11)
            assert "'" not in text, text


def test_the_catalog_holds_exactly_what_the_source_says(tmp_path: Path) -> None:
    pot = tmp_path / "annexgen.pot"
    command = [sys.executable, "-m", "babel.messages.frontend", *EXTRACT.split()[1:]]
    subprocess.run([*command, "-o", str(pot), "."], cwd=ROOT, check=True, capture_output=True)
    with pot.open("rb") as fp:
        source = {(m.context, _ids(m)[0]) for m in read_po(fp) if m.id}
    catalog = {(m.context, _ids(m)[0]) for m in _entries()}
    assert sorted(source - catalog, key=str) == [], "run the README's update step"
    assert sorted(catalog - source, key=str) == [], "obsolete entries: update --ignore-obsolete"


def test_the_readme_gives_the_extract_command() -> None:
    assert EXTRACT in (ROOT / "README.md").read_text(encoding="utf-8")


# --- every message in both languages -----------------------------------------------------

_AMOUNTS = {"figure", "words_value", "difference", "lvl", "expected", "eur", "sum", "total",
            "sources", "co_financing", "stated", "computed"}  # fmt: skip
_COUNTS = {"size", "limit", "byte", "first_line", "position", "length", "row", "column",
           "number", "line", "count"}  # fmt: skip
_LISTS = {"options", "numbers", "variables", "fields", "filters"}


def _sample(name: str) -> object:
    if name in _AMOUNTS:
        return Decimal("1422.87")
    if name in _COUNTS:
        return 21
    if name in _LISTS:
        return ["a", "b"]
    if name == "groups":
        return [Phrase("group-cents", {"figure": "00", "words": "05"})]
    if name in {"required", "found"}:
        return Phrase("case-dative")
    if name == "date":
        return date(2013, 12, 5)
    return "x"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_renders_in_both_languages(code: str) -> None:
    params = {name: _sample(name) for name in _brace_names(MESSAGES[code])}
    with use_language("en"):
        english = render_message(code, params)  # type: ignore[arg-type]
    with use_language("lv"):
        latvian = render_message(code, params)  # type: ignore[arg-type]
    for text in (english, latvian):
        assert not [name for name in params if f"{{{name}}}" in text], text
    prose = re.sub(r"\{\w+\}", "", MESSAGES[code])
    if re.search(r"[a-z]", prose):  # not a bare "{reason}" or "{code} {name}"
        assert latvian != english


def test_a_finding_speaks_the_language_of_the_moment_it_is_read() -> None:
    # the brief's example: "trūkst lauka „project_name”"
    f = Finding("missing-field", location=Location("a.yaml", 3, 1, "project_name"),
                params={"field": "project_name"})  # fmt: skip
    with use_language("lv"):
        assert str(f) == "a.yaml:3:1: project_name: trūkst lauka „project_name”"
    with use_language("en"):
        assert str(f) == "a.yaml:3:1: project_name: required field 'project_name' is missing"
    f = Finding("unknown-field", params={"field": "titel"}, suggestion="title")
    with use_language("lv"):
        assert f.text == "nezināms lauks „titel” (varbūt „title”?)"


def test_amounts_and_dates_in_messages_are_written_the_latvian_way() -> None:
    # document-rules §2.1: "1 422,87" (a plain space in messages, for terminals and grep)
    with use_language("lv"):
        text = render_message(
            "lvl-eur-rate",
            {"lvl": Decimal("1000.00"), "expected": Decimal("1422.87"), "eur": Decimal("1420")},
        )
        assert text.startswith("1 000,00 LVL pēc fiksētā kursa 0,702804 ir 1 422,87 EUR")
        # dates in words, as annexgen.lv writes the nominative (latvian-language §6)
        assert format_param(date(2013, 12, 5)) == format_date(date(2013, 12, 5), nbsp=False)
        assert format_param(date(2024, 3, 1)) == "2024. gada 1. marts"
    with use_language("en"):
        assert format_param(date(2013, 12, 5)) == "2013-12-05"


@pytest.mark.parametrize(
    ("n", "words"),
    # latvian-language §2: …1 (not 11) singular; 0, 10–19, …0 genitive plural; else plural
    [
        (0, "0 kļūdu"),
        (1, "1 kļūda"),
        (2, "2 kļūdas"),
        (10, "10 kļūdu"),
        (11, "11 kļūdu"),
        (19, "19 kļūdu"),
        (21, "21 kļūda"),
        (22, "22 kļūdas"),
        (101, "101 kļūda"),
        (111, "111 kļūdu"),
    ],
)
def test_counts_take_the_latvian_plural_form(n: int, words: str) -> None:
    with use_language("lv"):
        assert ngettext("{count} error", "{count} errors", n).format(count=n) == words
    with use_language("en"):
        english = ngettext("{count} error", "{count} errors", n).format(count=n)
        assert english == (f"{n} error" if n == 1 else f"{n} errors")


# --- which language ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, "lv"),  # nothing set: the clerk's language
        ({"LANG": "C.UTF-8"}, "lv"),
        ({"LANG": "POSIX"}, "lv"),
        ({"LANG": "C"}, "lv"),
        ({"LANG": "de_DE.UTF-8"}, "lv"),
        ({"LANG": "lv_LV.UTF-8"}, "lv"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "lv_LV.UTF-8"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "lv"),  # the first one set decides
        ({"LANGUAGE": "de:en", "LANG": "lv_LV.UTF-8"}, "en"),  # a list: first one we speak
        ({"LANGUAGE": "lv:en", "LC_ALL": "en_US.UTF-8"}, "lv"),
        ({"ANNEXGEN_LANG": "en", "LANG": "lv_LV.UTF-8"}, "en"),
        ({"ANNEXGEN_LANG": "lv", "LANG": "en_US.UTF-8"}, "lv"),
        ({"ANNEXGEN_LANG": "EN"}, "en"),
    ],
)
def test_the_language_comes_from_the_environment(
    environment: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    assert language_from_environment(variables) == expected
    for name, value in variables.items():
        environment.setenv(name, value)
    assert get_language() == expected


def test_set_language_and_a_block_win_over_the_environment(
    environment: pytest.MonkeyPatch,
) -> None:
    environment.setenv("ANNEXGEN_LANG", "en")
    set_language("lv")
    assert get_language() == "lv"
    with use_language("en"):
        assert get_language() == "en"
    assert get_language() == "lv"
    set_language(None)
    assert get_language() == "en"
    with pytest.raises(ValueError, match="not 'de'"):
        set_language("de")


def test_a_block_holds_for_its_own_thread_only(environment: pytest.MonkeyPatch) -> None:
    seen: dict[str, str] = {}
    inside = threading.Event()
    done = threading.Event()

    def other() -> None:
        inside.wait(5)
        seen["other thread"] = get_language()
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    with use_language("en"):
        inside.set()
        done.wait(5)
        seen["this thread"] = get_language()
    thread.join(5)
    assert seen == {"other thread": "lv", "this thread": "en"}


def test_a_block_holds_for_its_own_asyncio_task(environment: pytest.MonkeyPatch) -> None:
    async def speak(lang: str, wait: asyncio.Event, go: asyncio.Event) -> str:
        with use_language(lang):
            go.set()
            await wait.wait()  # the other task runs its block meanwhile
            return Finding("empty-file").message

    async def both() -> list[str]:
        a, b = asyncio.Event(), asyncio.Event()
        return list(await asyncio.gather(speak("en", b, a), speak("lv", a, b)))

    assert asyncio.run(both()) == ["the file is empty", "fails ir tukšs"]


# --- no English left at a raise site ----------------------------------------------------

#: the errors whose words reach a person (str(), findings, the CLI's one handler)
_PERSON_FACING = {
    "AnnexgenError", "ConversionError", "DataError", "DocumentError", "FieldError",
    "LanguageError", "OutputError", "RenderError", "TemplateError", "TextError",
    "UnknownWordError", "TabularError", "UsageError",
}  # fmt: skip
#: layers whose ValueErrors become findings (Pydantic validators, the language core)
_VALIDATING = ("model", "lv")


def _prose_raises() -> list[str]:
    import ast  # noqa: PLC0415

    found = []
    for path in sorted((ROOT / "src" / "annexgen").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        layer = path.relative_to(ROOT / "src" / "annexgen").parts[0]
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            watched = name in _PERSON_FACING or (name == "ValueError" and layer in _VALIDATING)
            args = node.exc.args
            first = args[0] if args else None
            prose = isinstance(first, ast.JoinedStr) or (
                isinstance(first, ast.Constant) and " " in str(first.value)  # a code has none
            )
            if watched and prose:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    return found


def test_no_raise_site_hands_a_person_english_prose() -> None:
    # issue 13: every such error carries a code and params, so it is read in Latvian
    assert _prose_raises() == []


@pytest.mark.parametrize(
    ("place", "latvian"),
    [
        ("table 1 row 3 cell 2", "1. tabula, 3. rinda, 2. šūna"),
        ("header 1 paragraph 1", "1. galvene, 1. rindkopa"),
        ("line 4", "4. rinda"),
        ("body paragraph 3 'Projekta {{ x }'", "pamatteksts, 3. rindkopa „Projekta {{ x }”"),
        ("near 'Kopā'", "pie „Kopā”"),
        ("somewhere else", "somewhere else"),  # not a place annexgen made: as written
    ],
)
def test_places_in_documents_read_the_latvian_way(place: str, latvian: str) -> None:
    where = Location("a.docx", place=place)
    with use_language("lv"):
        assert str(where) == f"a.docx: {latvian}"
    with use_language("en"):
        assert str(where) == f"a.docx: {place}"


def test_a_jinja_environment_gets_gettext_for_the_current_language() -> None:
    # the web form's API: one environment, the language chosen per request (block)
    from jinja2 import Environment  # noqa: PLC0415

    env = Environment(autoescape=True)
    i18n.install_jinja(env)
    page = env.from_string(
        "{{ _('Usage:') }} {{ ngettext('{count} error', '{count} errors', n) }}"
        "{% trans %}Options{% endtrans %}"
    )
    with use_language("lv"):
        assert page.render(n=21) == "Lietošana: {count} kļūdaOpcijas"
    with use_language("en"):
        assert page.render(n=21) == "Usage: {count} errorsOptions"

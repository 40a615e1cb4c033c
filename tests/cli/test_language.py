"""The command line speaks the clerk's Latvian unless asked for English (issue 13).

Each test starts ``annexgen`` as a clerk's terminal would — a fresh process with
the environment under test (the suite's own ``ANNEXGEN_LANG=en`` removed) — and
reads what it prints.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from annexgen.i18n import LOCALE_VARIABLES
from annexgen.model.kinds import KINDS

ROOT = Path(__file__).resolve().parents[2]

#: a YAML file with one mistake of each common sort (YAML structure apart)
BAD = """\
kind: project-description
decision:
  council: Daugavpils pilsētas domes
  date: 2013-02-30
  number: "610"
titel: X
applicant: Biedrība
duration:
  months: drei
costs:
  - role: total
    text: "Projekta kopējais finansējums –"
    amount: "19 700,555 EUR"
  - role: source
    text: "Programma – 115 029,00 EUR (simt vienpadsmit tūkstoši divdesmit deviņi eiro 00 centu)"
activities:
  - number: 1
    text: Viens.
  - number: 3
    text: Trīs.
"""

#: mistakes of shape (YAML read a list where one value belongs …) and words that
#: cannot be read — each once passed pydantic's or the reader's English through
BAD_SHAPES = """\
kind: project-description
decision:
  council: Daugavpils pilsētas domes
  date: [2013, 12]
  number: "610"
project_name: Projekts
applicant: Biedrība
signatory: {position: Priekšsēdētājs, name: J. Lāčplēsis}
goal: >-
  Atbalsts 19 700,00 EUR (devinpadsmit tūkstoši septiņi simti eiro)
  un 1000 EUR (viens tūkstotis latu).
costs:
  - role: total
    text: "Projekta kopējais finansējums –"
    amount: [19700]
activities: Viens.
"""

#: words of English prose; none of them is Latvian (codes and YAML keys are checked apart)
ENGLISH = re.compile(
    r"\b(the|is|are|not|no|of|in|a|an|must|expected|missing|unknown|field|error|errors|"
    r"warning|warnings|file|files|checked|valid|with|problems|did|you|mean|amount|words|"
    r"figure|date|number|like|got)\b",
    re.IGNORECASE,
)
#: what stays as written in every language: [codes], field paths, quoted input
_NOT_PROSE = re.compile(r"\[[a-z0-9-]+\]|„[^”]*”|'[^']*'|\"[^\"]*\"|\([^()]*\d[^()]*\)")


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"ANNEXGEN_LANG", *LOCALE_VARIABLES}}
    return subprocess.run(
        [str(Path(sys.executable).parent / "annexgen"), *args],  # the installed command
        capture_output=True, text=True, env={**base, **(env or {})}, cwd=cwd, check=False,
    )  # fmt: skip


def prose(line: str, where: str) -> str:
    """The words of a finding line after its location, without codes and quoted input."""
    return _NOT_PROSE.sub(" ", line.removeprefix(where))


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_mistakes_of_shape_and_unreadable_words_are_latvian_too(tmp_path: Path) -> None:
    path = tmp_path / "shapes.yaml"
    path.write_text(BAD_SHAPES, encoding="utf-8")
    result = run("check", str(path), env={"LANG": "C.UTF-8"})
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line]
    codes = {line.rsplit("[", 1)[-1].rstrip("]") for line in lines}
    assert {"date-expected", "list-expected", "amount-words-unreadable", "amount-currency"} <= codes
    for line in lines:
        m = re.match(
            rf"{re.escape(str(path))}:(\d+):(\d+): ([\w.\[\]]+): (kļūda|brīdinājums): ", line
        )
        assert m is not None, line
        assert not ENGLISH.search(prose(line, m.group())), line


def test_a_c_locale_gets_latvian_with_the_location_kept(bad: Path) -> None:
    result = run("check", str(bad), env={"LANG": "C.UTF-8"})
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert len(lines) >= 6, result.stdout
    for line in lines:
        # file:line:column: field: severity: message [code] — the compiler convention
        m = re.match(
            rf"{re.escape(str(bad))}:(\d+):(\d+): ([\w.\[\]]+): (kļūda|brīdinājums): ", line
        )
        assert m is not None, line
        assert not ENGLISH.search(prose(line, m.group())), line
    text = result.stdout
    assert "decision.date: kļūda: „2013-02-30” nav īsts datums" in text
    assert "titel: kļūda: nezināms lauks „titel” (varbūt „title”?) [unknown-field]" in text
    assert "trūkst lauka „project_name” [missing-field]" in text
    # latvian-language §10: the figure and the words, amounts written the Latvian way
    assert "skaitlis ir 115 029,00, bet vārdiem rakstīts 111 029,00" in text
    summary = result.stderr.strip()
    assert summary.startswith("pārbaude: 1 fails; derīgi: 0, ar problēmām: 1 (")
    assert not ENGLISH.search(summary), summary


def test_annexgen_lang_en_gets_english(bad: Path) -> None:
    result = run("check", str(bad), env={"ANNEXGEN_LANG": "en", "LANG": "lv_LV.UTF-8"})
    assert "titel: error: unknown field 'titel' (did you mean 'title'?) [unknown-field]" in (
        result.stdout
    )
    assert "required field 'project_name' is missing" in result.stdout
    assert result.stderr.startswith("1 file checked: 0 valid, 1 with problems (")


@pytest.mark.parametrize(
    ("args", "env", "english"),
    [
        (["--lang", "en"], {}, True),
        (["--lang", "lv"], {"ANNEXGEN_LANG": "en"}, False),  # the option wins
        ([], {"LANGUAGE": "en_GB:lv"}, True),
        ([], {"LC_ALL": "en_US.UTF-8"}, True),
        ([], {"LC_ALL": "C", "LANG": "en_US.UTF-8"}, False),  # gettext's order
        ([], {}, False),  # no locale at all: the clerk's language
    ],
)
def test_the_language_is_chosen_as_the_issue_says(
    bad: Path, args: list[str], env: dict[str, str], english: bool
) -> None:
    result = run(*args, "check", str(bad), env=env)
    assert ("unknown field 'titel'" in result.stdout) is english
    assert ("nezināms lauks „titel”" in result.stdout) is not english


def test_help_of_every_command_a_clerk_uses_is_latvian() -> None:
    for command in ("new", "check", "render", "lint", "extract", "serve"):
        result = run(command, "--help")
        assert result.returncode == 0, result.stderr
        text = result.stdout
        assert text.startswith("Lietošana: annexgen"), text
        assert "Opcijas:" in text
        assert "Parāda šo palīdzību un beidz darbu." in text
        assert not re.search(r"\b(the|Show|Usage|Options)\b", text), (command, text)
    top = run("--help").stdout
    assert "Komandas:" in top
    assert "Pārbauda YAML pielikumu failus" in top
    english = run("--lang", "en", "check", "--help").stdout
    assert english.startswith("Usage: annexgen check")
    assert "Treat warnings as errors" in english


def test_click_usage_errors_are_latvian() -> None:
    result = run("check")
    assert result.returncode == 2
    assert "Kļūda: Trūkst argumenta 'FILES...'." in result.stderr
    assert "Palīdzība: annexgen check --help" in result.stderr
    result = run("render", "--nope", "x.yaml")
    assert "Kļūda: Nav tādas opcijas: '--nope'." in result.stderr


@pytest.mark.parametrize("kind", KINDS)
def test_skeletons_speak_latvian_and_stay_the_same_yaml(kind: str, tmp_path: Path) -> None:
    latvian = run("new", kind).stdout
    english = run("--lang", "en", "new", kind).stdout
    assert latvian != english
    assert yaml.safe_load(latvian) == yaml.safe_load(english)  # keys and values untouched
    assert "ŠIS_FAILS" in latvian
    comments = [line.split("#", 1)[1] for line in latvian.splitlines() if "#" in line]
    for comment in comments:
        words = comment.replace("yaml-language-server: $schema=annexgen.schema.json", "")
        assert not re.search(r"\b(the|Replace|then|run|optional|automatically)\b", words), comment
    path = tmp_path / "new.yaml"
    path.write_text(latvian, encoding="utf-8")
    check = run("check", str(path), cwd=ROOT / "examples")
    assert check.returncode == 0, check.stdout + check.stderr


def test_lint_findings_summary_and_plurals_are_latvian(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(
        "Līdz 2015. gada 30. septembris: 21 000,00 EUR (divdesmit viens tūkstotis eiro).\n"
        "Lēmums Nr.5.\n",
        encoding="utf-8",
    )
    result = run("lint", str(text))
    assert f"{text}:1:6: kļūda: pēc „Līdz” datumam jābūt datīvā, nevis nominatīvā" in (
        result.stdout
    )
    assert ": brīdinājums: aiz „Nr.” nav atstarpes (ieteikums: Nr. 5) [nr-spacing]" in (
        result.stdout
    )
    # latvian-language §2: 1 kļūda, 1 brīdinājums
    assert result.stderr.strip() == (
        "pārbaude: 1 fails; bez kļūdām: 0, ar kļūdām: 1 (1 kļūda, 1 brīdinājums, nenolasāmi: 0)"
    )


def test_environment_errors_are_latvian(tmp_path: Path) -> None:
    example = ROOT / "examples" / "003-integracijas-inkubators.yaml"
    target = tmp_path / "nav" / "tādas" / "x.docx"
    result = run("render", str(example), "-o", str(target))
    assert result.returncode == 3
    assert result.stderr.startswith(f"kļūda: {target}: mapē {target.parent} nevar ierakstīt:")
    assert "nav tāda faila vai mapes" in result.stderr

"""Values are refused or kept exactly, never silently changed (issue 17, item 6), and the odd
ends of item 7: file names in extracted YAML, a full disk, lone surrogates, limits said."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import annexgen
from annexgen.cli import main
from annexgen.errors import AnnexgenError, DataError, LanguageError
from annexgen.lv import to_money
from annexgen.model.loading import check_text, load_annex_text
from annexgen.output import safe_name, write_atomic
from annexgen.reading.extract import extract, extract_yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "000-hugs-not-drugs.yaml"
BASE = "kind: generic\ntitle: {title}\nparagraphs: [a]\n"


# --- line breaks YAML reads on its own ---------------------------------------------------


@pytest.mark.parametrize("spelling", ["a\x85 b", "|\n  a\x85 b"])
def test_a_raw_nel_is_refused_with_its_place_like_the_escaped_one(spelling: str) -> None:
    findings = check_text(BASE.format(title=spelling))
    refused = [f for f in findings if f.code == "yaml-forbidden-character"]
    assert len(refused) == 1
    assert refused[0].location.field == "title"
    assert "U+0085 NEXT LINE" in refused[0].message
    escaped = check_text(BASE.format(title='"a\\Nb"'))  # the same character, escaped
    assert [f.code for f in escaped if f.severity == "error"] == ["forbidden-character"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_raw_line_separator_is_refused_and_an_escaped_one_kept(separator: str) -> None:
    # raw, YAML folds the line and drops the spaces after it: "a\u2028 b" read as "a\u2028b"
    findings = check_text(BASE.format(title=f"a{separator} b"))
    assert [f.code for f in findings if f.severity == "error"] == ["yaml-line-separator"]
    escape = {"\u2028": "\\L", "\u2029": "\\P"}[separator]
    annex = load_annex_text(BASE.format(title=f'"a{escape} b"'))
    assert annex.title == f"a{separator} b"


# --- amounts: a minus zero, digits of other scripts ---------------------------------------


@pytest.mark.parametrize("amount", ["-0", "-0,00", "LVL -0", "-0.00 EUR", "- 0"])
def test_minus_zero_is_refused(amount: str) -> None:
    text = (
        "kind: project-description\nproject_name: P\ntitle: T\napplicant: A\n"
        f"costs:\n  - role: total\n    amount: '{amount}'\n"
    )
    with pytest.raises(DataError, match=r"negative|not an amount"):
        load_annex_text(text)
    with pytest.raises(LanguageError, match="negative"):
        to_money(Decimal("-0"))


@pytest.mark.parametrize(
    "amount", ["1٠5", "١٠٠", "१००", "１００", "1\u06f05,00 EUR", "LVL ٣"]
)  # Arabic-Indic, Devanagari, full-width digits
def test_digits_of_other_scripts_are_refused_not_read_as_numbers(amount: str) -> None:
    with pytest.raises(LanguageError, match="not an amount"):
        to_money(amount.split(maxsplit=1)[0] if " " in amount else amount)
    text = f"kind: project-description\nproject_name: P\ntitle: T\napplicant: A\ncosts:\n  - role: total\n    amount: '{amount}'\n"  # noqa: E501
    with pytest.raises(DataError):
        load_annex_text(text)


def test_dates_with_digits_of_other_scripts_are_refused() -> None:
    text = BASE.format(title="T") + "decision: {council: D, date: '٢٠١٣-١٢-٠٥', number: '1'}\n"
    with pytest.raises(DataError, match="date"):
        load_annex_text(text)


# --- item 7: odd ends ----------------------------------------------------------------------


@pytest.mark.parametrize("breaker", ["\n", "\r", "\x85", "\u2028", "\u2029"])
def test_a_file_name_cannot_write_yaml_into_extracted_output(tmp_path: Path, breaker: str) -> None:
    name = f"vecais{breaker}e_signed: true{breaker}x.txt"
    path = tmp_path / name
    path.write_text("Pielikums\n\tProjekta nosaukums\n\tTests\n", encoding="utf-8")
    text = extract_yaml(path)
    data = yaml.safe_load(text)
    assert "e_signed" not in data
    first = text.splitlines()[0]
    assert first.startswith("# extracted by annexgen from vecais\\u")
    assert "e_signed: true" in first


def test_extract_onto_a_full_disk_is_an_annexgen_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Pielikums\n\tProjekta nosaukums\n\tTests\n", encoding="utf-8")
    target = tmp_path / "a.yaml"

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(target)])
    assert result.exit_code == 3  # the environment's fault, not the input's
    assert "no space left" in result.stderr.lower()
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == [source]  # no file, no temporary left


def test_output_onto_a_pipe_or_folder_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    with pytest.raises(annexgen.OutputError, match="not a regular file"):
        write_atomic(fifo, b"x")
    assert fifo.is_fifo()  # still the pipe: nothing replaced it
    source = tmp_path / "a.txt"
    source.write_text("Pielikums\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(fifo), "--force"])
    assert result.exit_code == 3
    assert "not a regular file" in result.output


def test_extract_to_a_full_standard_output_says_so(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Pielikums\n\tProjekta nosaukums\n\tTests\n", encoding="utf-8")
    if not Path("/dev/full").exists():  # pragma: no cover - not Linux
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "annexgen", "extract", str(source)],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "no space left" in result.stderr.lower()


LONE = "\ud800"


@pytest.mark.parametrize(
    "call",
    [
        lambda: check_text(BASE.format(title="a" + LONE)),
        lambda: load_annex_text(BASE.format(title="a" + LONE)),
        lambda: annexgen.load_annex(f"/tmp/annex{LONE}.yaml"),
        lambda: annexgen.check_file(f"/tmp/annex{LONE}.yaml"),
        lambda: annexgen.render_file(f"/tmp/annex{LONE}.yaml"),
        lambda: annexgen.lint_file(f"/tmp/annex{LONE}.txt"),
        lambda: extract(f"/tmp/annex{LONE}.docx"),
        lambda: annexgen.amount_to_words("1" + LONE),
        lambda: annexgen.words_to_number("viens" + LONE),
        lambda: write_atomic(Path(f"/tmp/out{LONE}.docx"), b"x"),
    ],
)
def test_a_lone_surrogate_is_refused_as_an_annexgen_error(call: object) -> None:
    try:
        result = call()  # type: ignore[operator]
    except AnnexgenError:
        return
    findings = result if isinstance(result, list) else []
    assert any(f.severity == "error" for f in findings), result


def test_lone_surrogates_are_located_and_names_made_safe() -> None:
    findings = check_text(BASE.format(title="a" + LONE))
    refused = [f for f in findings if f.code == "yaml-forbidden-character"]
    assert refused[0].location.field == "title"
    assert safe_name("a" + LONE + "b") == "a_b"

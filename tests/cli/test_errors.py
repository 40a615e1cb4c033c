"""One error handler for every command: one clear line, the documented exit code (issue 10, 11).

And the sharp edges a newcomer hit on the command line (issue 10): ``extract -o``
overwrote files, ``batch`` did not say where the .docx went, help texts that
pointed nowhere or broke when copied.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import docx
import pytest
from click.testing import CliRunner, Result

from annexgen.cli import main
from annexgen.cli._common import EXIT_ENVIRONMENT, EXIT_INVALID, EXIT_OK
from tests.render.helpers import template_with

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "003-integracijas-inkubators.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_one_clear_line(result: Result, code: int, *words: str) -> str:
    """The command ended with ``code``, said so in one line, and raised nothing else."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: "), line
    for word in words:
        assert word in line
    return line


@pytest.fixture
def old_annex(tmp_path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Projekta nosaukums\t„Ābele”")
    path = tmp_path / "vecais.docx"
    d.save(str(path))
    return path


# --- the one handler: environment problems are exit 3, in one line ------------------------


def test_extract_into_a_missing_folder_is_one_line_and_exit_3(
    old_annex: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "x.yaml"
    result = run("extract", str(old_annex), "-o", str(target))
    assert_one_clear_line(result, EXIT_ENVIRONMENT, str(target), "no such file or folder")
    assert not target.parent.exists()


def test_schema_into_a_missing_folder_is_one_line_and_exit_3(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "s.json"
    result = run("schema", "-o", str(target))
    assert_one_clear_line(result, EXIT_ENVIRONMENT, str(target), "no such file or folder")


def test_render_into_a_missing_folder_is_exit_3(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "x.docx"
    result = run("render", str(EXAMPLE), "-o", str(target))
    assert_one_clear_line(result, EXIT_ENVIRONMENT, str(target), "no such file or folder")


def test_a_language_error_is_exit_1_in_one_line() -> None:
    result = run("words", "--parse", "devinpadsmit eiro")
    assert_one_clear_line(result, EXIT_INVALID, "devinpadsmit")


def test_data_errors_print_one_line_per_finding(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: project-description\ntitel: x\ndecision: {date: 2013-13-45}\n")
    result = run("render", str(bad))
    assert result.exit_code == EXIT_INVALID
    lines = result.stderr.strip().splitlines()
    assert len(lines) >= 2
    assert all(": error: " in line and line.endswith("]") for line in lines), lines
    assert any("[unknown-field]" in line for line in lines)


# --- extract -o never overwrites without --force ---------------------------------------------


def test_extract_refuses_to_overwrite_without_force(old_annex: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("# my corrections\n", encoding="utf-8")
    result = run("extract", str(old_annex), "-o", str(mine))
    assert_one_clear_line(result, EXIT_ENVIRONMENT, str(mine), "--force")
    assert mine.read_text(encoding="utf-8") == "# my corrections\n"  # nothing lost
    result = run("extract", str(old_annex), "-o", str(mine), "--force")
    assert result.exit_code == EXIT_OK, result.output
    replaced = mine.read_text(encoding="utf-8")
    assert "# my corrections" not in replaced
    assert "\nkind: " in replaced  # what extract read, written
    assert "„Ābele”" in replaced
    assert f"{old_annex} → {mine}" in result.stderr


def test_extract_to_a_new_file_needs_no_force(old_annex: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    assert run("extract", str(old_annex), "-o", str(new)).exit_code == EXIT_OK
    assert "\nkind: " in new.read_text(encoding="utf-8")


# --- batch says where each .docx went --------------------------------------------------------


def test_batch_lines_name_the_output_of_each_file(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    (tree / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLE, tree / "a.yaml")
    shutil.copy(EXAMPLE, tree / "sub" / "b.yaml")
    out = tmp_path / "out"
    result = run("batch", str(tree), "-o", str(out), "--jobs", "1")
    assert result.exit_code == EXIT_OK, result.output
    lines = sorted(result.stdout.splitlines())
    assert lines == [
        f"rendered  a.yaml → {out / 'a.docx'}",
        f"rendered  sub/b.yaml → {out / 'sub' / 'b.docx'}",
    ]
    for line in lines:  # the named files are really there
        assert Path(line.split(" → ")[1]).is_file()
    again = run("batch", str(tree), "-o", str(out), "--jobs", "1")
    assert f"skipped   a.yaml → {out / 'a.docx'}" in again.stdout.splitlines()


# --- help texts ------------------------------------------------------------------------------


def test_schema_help_gives_the_editor_line_ready_to_copy() -> None:
    out = run("schema", "--help").stdout
    assert "`" not in out
    # yaml-language-server reads exactly this comment; click must not rewrap it
    assert "  # yaml-language-server: $schema=annexgen.schema.json" in out.splitlines()


def test_batch_help_names_the_option_it_has() -> None:
    out = run("batch", "--help").stdout
    assert "OUT_DIR" not in out
    assert "-o, --out-dir" in out


def test_every_command_help_is_clean() -> None:
    # no reST markup and no docs path an installed copy does not have
    commands = ["batch", "check", "extract", "lint", "new", "render", "schema", "serve", "words"]
    for args in [[c] for c in commands] + [["template", "check"]]:
        out = run(*args, "--help").stdout
        assert "``" not in out, args
        assert "docs/" not in out, args


# --- template check speaks the same findings -------------------------------------------------


def test_template_check_json_is_the_same_finding_objects(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(template_with("project-description", "{{ title }}", "{{ titel }}"))
    result = run("template", "check", "--format", "json", str(path))
    assert result.exit_code == EXIT_INVALID
    (finding,) = json.loads(result.stdout)
    assert finding["code"] == "template-unknown-variable"
    assert finding["severity"] == "error"
    assert finding["params"]["variable"] == "titel"
    assert "title" in finding["params"]["variables"]
    assert finding["message"].startswith("unknown variable 'titel'; available: ")
    assert set(finding) == {
        "code", "severity", "file", "line", "column", "place", "field", "message",
        "suggestion", "excerpt", "params",
    }  # fmt: skip


# --- Ctrl-C is 130 wherever it lands ------------------------------------------------------


def test_ctrl_c_while_arguments_are_parsed_is_an_interruption_not_a_failure() -> None:
    # click turned a KeyboardInterrupt outside the command (argument parsing, the
    # moments before the command's first line) into "Aborted!" and exit code 1 —
    # the code of invalid input; a batch job must tell the two apart
    from annexgen.cli._common import EXIT_INTERRUPTED, AnnexgenGroup  # noqa: PLC0415

    def interrupt(ctx: object, param: object, value: object) -> object:
        raise KeyboardInterrupt

    group = AnnexgenGroup("annexgen")

    @group.command()
    @click.option("--slow", callback=interrupt, expose_value=False, is_eager=True)
    def probe() -> None:
        """A command whose option is being parsed when Ctrl-C comes."""

    result = CliRunner().invoke(group, ["probe", "--slow", "x"])
    assert result.exit_code == EXIT_INTERRUPTED, result.output
    assert "interrupted" in result.stderr
    assert "Aborted!" not in result.output
    # and a usage error is still click's own exit code 2 with its message
    result = CliRunner().invoke(group, ["nosuch"])
    assert result.exit_code == 2
    assert "No such command" in result.stderr

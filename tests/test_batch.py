"""Batch regeneration (issue 5): safe names, incremental runs, failures, atomicity."""

from __future__ import annotations

import dataclasses
import inspect
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from annexgen.cli import main
from annexgen.jobs import batch as batch_module
from annexgen.jobs.batch import MANIFEST_NAME, OutputOptions, plan_batch, run_batch, safe_name
from tests.render.helpers import paragraphs, template_with

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: the examples plus one nested copy (the tree fixture)
IN_TREE = len(list(EXAMPLES.glob("*.yaml"))) + 1


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The examples in a nested input folder."""
    src = tmp_path / "in"
    (src / "2013" / "decembris").mkdir(parents=True)
    for pattern in ("*.yaml", "*.csv", "*.xlsx"):  # table examples read the files beside them
        for path in sorted(EXAMPLES.glob(pattern)):
            shutil.copy(path, src / path.name)
    shutil.copy(
        EXAMPLES / "003-integracijas-inkubators.yaml", src / "2013" / "decembris" / "610.yaml"
    )
    return src


@pytest.mark.parametrize(
    ("name", "safe"),
    [  # reliability §2.9 and §4 row 19
        ("Lēmums Nr. 12/3", "Lēmums Nr. 12_3"),
        ("a:b", "a_b"),
        ("CON", "CON_"),
        ("nul.docx", "nul.docx_"),
        ("COM1", "COM1_"),
        ("a.", "a"),
        ("a ", "a"),
        ("..", "_"),
        ("", "_"),
        ("a\x00b", "a_b"),
        ('x<>"|?*', "x______"),
        ("ā" * 300, "ā" * 120),
    ],
)
def test_safe_name(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_safe_name_is_nfc() -> None:
    assert safe_name(unicodedata.normalize("NFD", "Ģirts")) == "Ģirts"


def test_output_tree_mirrors_input(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_batch(tree, out, jobs=2)
    assert report.ok
    assert report.count("rendered") == IN_TREE
    produced = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx"))
    assert produced == [
        "000-hugs-not-drugs.docx",
        "001-darbigas-kopienas.docx",
        "002-jauniesu-centri.docx",
        "003-integracijas-inkubators.docx",
        "004-risk-free.docx",
        "005-nvo-finansejums.docx",
        "006-cenradis.docx",
        "2013/decembris/610.docx",
    ]
    assert "lēmumam Nr.\u00a0610" in paragraphs((out / "2013/decembris/610.docx").read_bytes())


def test_unchanged_rerun_renders_nothing_and_changes_are_noticed(
    tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch(tree, out, jobs=1)
    before = {p: p.read_bytes() for p in out.rglob("*.docx")}
    again = run_batch(tree, out, jobs=1)
    assert again.count("skipped") == IN_TREE
    assert again.count("rendered") == 0
    assert {p: p.read_bytes() for p in out.rglob("*.docx")} == before
    # change one input: only it is rendered
    changed = tree / "004-risk-free.yaml"
    changed.write_text(changed.read_text("utf-8").replace("kick-off", "sākuma"), "utf-8")
    third = run_batch(tree, out, jobs=1)
    assert [r.relative for r in third.results if r.status == "rendered"] == ["004-risk-free.yaml"]
    # a deleted output is made again; --force renders all
    (out / "000-hugs-not-drugs.docx").unlink()
    assert run_batch(tree, out, jobs=1).count("rendered") == 1
    assert run_batch(tree, out, jobs=1, force=True).count("rendered") == IN_TREE
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert set(manifest["items"]) == {p.relative_to(out).as_posix() for p in out.rglob("*.docx")}


def test_template_change_renders_again(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    template = tmp_path / "mine.docx"
    template.write_bytes(template_with("project-description", "{{ title }}", "A {{ title }}"))
    sub = tmp_path / "one"
    sub.mkdir()
    shutil.copy(EXAMPLES / "003-integracijas-inkubators.yaml", sub / "a.yaml")
    assert run_batch(sub, out, template=template).count("rendered") == 1
    assert run_batch(sub, out, template=template).count("skipped") == 1
    template.write_bytes(template_with("project-description", "{{ title }}", "B {{ title }}"))
    assert run_batch(sub, out, template=template).count("rendered") == 1


def test_a_bad_file_fails_alone_and_damages_nothing(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(tree, out, jobs=1)
    good = (out / "003-integracijas-inkubators.docx").read_bytes()
    (tree / "003-integracijas-inkubators.yaml").write_text("kind: project-description\ntitel: x\n")
    report = run_batch(tree, out, jobs=2)
    assert not report.ok
    (failure,) = [r for r in report.results if r.status == "failed"]
    assert "003-integracijas-inkubators.yaml:2:1: titel: unknown field 'titel'" in failure.message
    assert (out / "003-integracijas-inkubators.docx").read_bytes() == good  # old output kept
    assert not [p for p in out.rglob("*") if p.name.startswith(".") and p.suffix == ".tmp"]
    # the failed item is not recorded as done: fixing the file renders it next time
    shutil.copy(
        EXAMPLES / "003-integracijas-inkubators.yaml", tree / "003-integracijas-inkubators.yaml"
    )
    assert run_batch(tree, out).count("rendered") == 1


def test_colliding_names_are_refused(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "004-risk-free.yaml", src / "a:b.yaml")
    shutil.copy(EXAMPLES / "004-risk-free.yaml", src / "a_b.yaml")
    shutil.copy(EXAMPLES / "004-risk-free.yaml", src / "ok.yaml")
    items, failures = plan_batch(src, tmp_path / "out")
    assert [i.relative for i in items] == ["ok.yaml"]
    assert sorted(f.relative for f in failures) == ["a:b.yaml", "a_b.yaml"]
    assert "would all be written to a_b.docx" in failures[0].message


def test_output_inside_input_is_not_read_back(tree: Path) -> None:
    out = tree / "out"
    run_batch(tree, out, jobs=1)
    (out / "stray.yaml").write_text("not: an annex\n")
    assert run_batch(tree, out, jobs=1).count("failed") == 0


def test_dry_run_writes_nothing_but_still_validates(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tree / "bad.yaml").write_text("kind: nope\n")
    report = run_batch(tree, out, dry_run=True)
    assert report.count("would render") == IN_TREE
    assert report.count("failed") == 1
    assert not out.exists()


def test_interrupt_keeps_finished_files_and_leaves_no_partial_file(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real = batch_module._render_one
    calls = []

    def interrupted(task: object) -> object:
        calls.append(task)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(task)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "_render_one", interrupted)
    report = run_batch(tree, out, jobs=1)
    assert report.interrupted
    assert report.count("rendered") == 2
    assert len(list(out.rglob("*.docx"))) == 2
    assert not list(out.rglob("*.tmp"))
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert len(manifest["items"]) == 2  # the next run renders only the rest
    monkeypatch.undo()
    assert run_batch(tree, out, jobs=1).count("rendered") == IN_TREE - 2


def test_cli_batch_exit_codes_and_summary(tree: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", str(tree), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0
    assert f"summary: rendered: {IN_TREE}, skipped (unchanged): 0, failed: 0" in result.stderr
    (tree / "bad.yaml").write_text("kind: project-description\n")
    result = runner.invoke(main, ["batch", str(tree), "-o", str(out)])
    assert result.exit_code == 1
    assert f"skipped (unchanged): {IN_TREE}, failed: 1" in result.stderr
    assert "bad.yaml:1:1: project_name: required field 'project_name' is missing" in result.stderr
    assert runner.invoke(main, ["batch", str(tmp_path / "missing"), "-o", str(out)]).exit_code == 2


@pytest.mark.libreoffice
def test_batch_pdf(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("003-integracijas-inkubators.yaml", "004-risk-free.yaml"):
        shutil.copy(EXAMPLES / name, src / name)
    out = tmp_path / "out"
    report = run_batch(src, out, pdf=True)
    assert report.ok
    assert report.pdf_count == 2
    for name in ("003-integracijas-inkubators.pdf", "004-risk-free.pdf"):
        assert (out / name).read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [MANIFEST_NAME]
    # a re-run skips items whose PDF exists too
    assert run_batch(src, out, pdf=True).count("skipped") == 2


@pytest.mark.libreoffice
def test_batch_pdf_a(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "003-integracijas-inkubators.yaml", src / "a.yaml")
    report = run_batch(src, tmp_path / "out", pdf_a=True)
    assert report.pdf_count == 1
    pdf = (tmp_path / "out" / "a.pdf").read_bytes()
    # PDF/A identification in the XMP metadata: part 2, conformance B
    assert b"pdfaid:part" in pdf
    assert b"2</pdfaid:part>" in pdf or b'pdfaid:part="2"' in pdf


# --- the manifest key holds every option that changes the output (issue 10) -------------

#: run_batch's parameters that change how it works, never what it writes. Listed here,
#: by hand: a new parameter is either one of these or an OutputOptions field, or this fails.
_NOT_OUTPUT = {
    "in_dir", "out_dir", "jobs", "force", "dry_run", "progress", "office_workers", "pool",
}  # fmt: skip


def test_every_run_batch_option_is_either_keyed_or_known_not_to_change_output() -> None:
    parameters = set(inspect.signature(run_batch).parameters)
    keyed = {f.name for f in dataclasses.fields(OutputOptions)}
    assert parameters - _NOT_OUTPUT == keyed


@pytest.mark.parametrize(
    "change",
    [{"public": True}, {"pdf": True}, {"pdf_a": True}, {"pdf_ua": True}, {"template": "mine"}],
    ids=lambda c: next(iter(c)),
)
def test_each_output_option_changes_the_key(change: dict[str, object], tmp_path: Path) -> None:
    if "template" in change:
        template = tmp_path / "mine.docx"
        template.write_bytes(b"any content: the key is its SHA-256")
        change = {"template": template}
    plain = OutputOptions().manifest_key()
    assert OutputOptions(**change).manifest_key() != plain  # type: ignore[arg-type]
    assert OutputOptions().manifest_key() == plain  # and the key is stable


def test_a_public_run_after_a_normal_one_renders_again(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    sub = tmp_path / "one"
    sub.mkdir()
    shutil.copy(EXAMPLES / "000-hugs-not-drugs.yaml", sub / "a.yaml")
    assert run_batch(sub, out).count("rendered") == 1
    assert run_batch(sub, out, public=True).count("rendered") == 1
    assert run_batch(sub, out, public=True).count("skipped") == 1


@pytest.mark.libreoffice
def test_pdf_then_pdf_a_makes_pdf_a(tmp_path: Path) -> None:
    # issue 10: the second run skipped every file and no PDF/A was made
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "003-integracijas-inkubators.yaml", src / "a.yaml")
    out = tmp_path / "out"
    assert run_batch(src, out, pdf=True).pdf_count == 1
    assert b"pdfaid:part" not in (out / "a.pdf").read_bytes()
    second = run_batch(src, out, pdf=True, pdf_a=True)
    assert second.count("rendered") == 1
    assert second.pdf_count == 1
    assert b"pdfaid:part" in (out / "a.pdf").read_bytes()
    assert run_batch(src, out, pdf=True, pdf_a=True).count("skipped") == 1

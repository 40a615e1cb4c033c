"""A batch over a hostile folder (issue 17, item 5): it reads only regular files inside the
folder, reports every file and folder it cannot read (exit 1) and renders the rest; its
workers die with it; a re-run removes what a killed run left behind."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from annexgen.cli import main
from annexgen.jobs import batch as batch_module
from annexgen.jobs.batch import plan_batch, remove_stale_temporaries, run_batch
from annexgen.output import safe_name

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "000-hugs-not-drugs.yaml"
SECRET = "SLEPENS-SATURS-7301"


def _folder(tmp_path: Path, *names: str) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name in names:
        shutil.copy(EXAMPLE, src / name)
    return src


def _statuses(report: batch_module.BatchReport) -> dict[str, tuple[str, str]]:
    return {r.relative: (r.status, r.message) for r in report.results}


def test_upper_case_suffixes_are_annexes(tmp_path: Path) -> None:
    src = _folder(tmp_path, "a.YAML", "b.Yaml", "c.yml", "d.YML", "notes.txt")
    items, failures = plan_batch(src, tmp_path / "out")
    assert [i.relative for i in items] == ["a.YAML", "b.Yaml", "c.yml", "d.YML"]
    assert failures == []


def test_windows_device_names_with_superscript_digits_are_made_safe(tmp_path: Path) -> None:
    assert safe_name("COM¹") == "COM¹_"
    assert safe_name("lpt³.backup") == "lpt³.backup_"
    assert safe_name("CONIN$") == "CONIN$_"
    src = _folder(tmp_path, "COM¹.yaml")
    items, _ = plan_batch(src, tmp_path / "out")
    assert [i.output for i in items] == ["COM¹_.docx"]


def test_a_link_to_a_file_outside_is_refused_and_its_content_never_rendered(
    tmp_path: Path,
) -> None:
    src = _folder(tmp_path, "good.yaml")
    secret = tmp_path / "secret.yaml"
    secret.write_text(EXAMPLE.read_text(encoding="utf-8").replace("DPIP", SECRET), "utf-8")
    (src / "leak.yaml").symlink_to(secret)
    (src / "zero.yaml").symlink_to("/dev/zero")
    (src / "inside.yaml").symlink_to(src / "good.yaml")
    out = tmp_path / "out"
    report = run_batch(src, out, jobs=1)
    statuses = _statuses(report)
    assert statuses["leak.yaml"] == (
        "failed",
        "leak.yaml: is a link to a file outside the input folder",
    )
    assert statuses["zero.yaml"][0] == "failed"
    assert statuses["good.yaml"][0] == statuses["inside.yaml"][0] == "rendered"
    assert not report.ok
    assert sorted(p.name for p in out.glob("*.docx")) == ["good.docx", "inside.docx"]
    for docx_file in out.glob("*.docx"):
        assert SECRET.encode() not in docx_file.read_bytes()


def test_folder_links_outside_are_refused_inside_are_read_once(tmp_path: Path) -> None:
    src = _folder(tmp_path, "a.yaml")
    (src / "sub").mkdir()
    shutil.copy(EXAMPLE, src / "sub" / "b.yaml")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(EXAMPLE, outside / "secret.yaml")
    (src / "out-link").symlink_to(outside, target_is_directory=True)
    (src / "in-link").symlink_to(src / "sub", target_is_directory=True)
    (src / "sub" / "loop").symlink_to(src, target_is_directory=True)  # a cycle
    items, failures = plan_batch(src, tmp_path / "out")
    assert sorted(i.relative for i in items) == ["a.yaml", "in-link/b.yaml", "sub/b.yaml"]
    assert [(f.relative, f.message) for f in failures] == [
        ("out-link", "out-link: is a link to a folder outside the input folder")
    ]


def test_pipes_and_sockets_are_refused_at_once(tmp_path: Path) -> None:
    """A FIFO named .yaml hung batch and check forever; run in a process so that
    a regression fails here instead of hanging the suite."""
    src = _folder(tmp_path, "good.yaml")
    os.mkfifo(src / "pipe.yaml")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(src / "sock.yaml"))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "annexgen", "batch", str(src), "-o", str(tmp_path / "out")],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        check = subprocess.run(
            [sys.executable, "-m", "annexgen", "check", str(src / "pipe.yaml")],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    finally:
        server.close()
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    output = result.stdout + result.stderr
    assert "pipe.yaml: is not a regular file" in output
    assert "sock.yaml: is not a regular file" in output
    assert (tmp_path / "out" / "good.docx").is_file()
    assert check.returncode == 1
    assert "not a regular file (a named pipe)" in check.stdout + check.stderr


def test_an_unreadable_file_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions mean nothing to root (the CI), so the refusal is the OS's, injected."""
    src = _folder(tmp_path, "a.yaml", "locked.yaml", "z.yaml")
    real_open = os.open

    def guarded_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith("locked.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded_open)
    report = run_batch(src, tmp_path / "out", jobs=1)
    statuses = _statuses(report)
    assert statuses["locked.yaml"][0] == "failed"
    assert "permission denied" in statuses["locked.yaml"][1]
    assert statuses["a.yaml"][0] == statuses["z.yaml"][0] == "rendered"
    assert not report.ok


def test_an_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _folder(tmp_path, "a.yaml")
    (src / "locked").mkdir()
    shutil.copy(EXAMPLE, src / "locked" / "b.yaml")
    real_scandir = os.scandir

    def guarded_scandir(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "locked: cannot read the folder: permission denied" in result.output


def test_a_rerun_removes_stale_temporaries_only(tmp_path: Path) -> None:
    src = _folder(tmp_path, "a.yaml")
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    stale = [out / ".a.docx.k3j_x9q2.tmp", out / "sub" / ".b.docx.00000000.tmp"]
    kept = [out / ".notes.tmp", out / "a.tmp", out / ".a.docx.short.tmp"]
    staging = out / ".annexgen-pdf-x1y2z3"  # a killed PDF stage's folder, with a half PDF
    (staging / "pdf").mkdir(parents=True)
    (staging / "pdf" / "000000.pdf").write_bytes(b"%PDF-half")
    keep_folder = out / "annexgen-pdf-notes"  # a clerk's own folder of a similar name
    keep_folder.mkdir()
    for path in stale + kept:
        path.write_bytes(b"half a file")
    run_batch(src, out, jobs=1)
    assert [p for p in stale if p.exists()] == []
    assert not staging.exists()
    assert keep_folder.is_dir()
    assert all(p.exists() for p in kept)
    assert remove_stale_temporaries(out) == []


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
def test_workers_die_with_a_killed_batch(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n in range(400):
        shutil.copy(EXAMPLE, src / f"a{n:03d}.yaml")
    batch = subprocess.Popen(
        [sys.executable, "-m", "annexgen", "batch", str(src), "-o", str(tmp_path / "out"),
         "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = _children(batch.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the batch never started its workers"
        batch.send_signal(signal.SIGKILL)
        batch.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [w for w in workers if _alive(w)] == []
    finally:
        for pid in [batch.pid, *workers]:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)

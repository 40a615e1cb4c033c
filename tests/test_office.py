"""The pool of persistent offices with real LibreOffice processes, and its faults (issue 15).

Faults are made for real, from outside, the way they happen: an office that
hangs is a ``soffice.bin`` stopped with SIGSTOP; an office that crashes is one
killed with SIGKILL (or ended with SIGTERM, after which it exits 0) while it
holds the document open; a parent that dies is a process killed with SIGKILL.
Processes are found through /proc, and only ours: each test's offices carry
its own temporary folder in their command line.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from annexgen.errors import ConversionError
from annexgen.model.loading import load_annex
from annexgen.word.office import OfficePool, _check_pdf
from annexgen.word.render import render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "003-integracijas-inkubators.yaml"

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see processes"),
]


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").replace("\u00a0", " ").split())


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a killed orphan may linger as a zombie until PID 1 reaps it


def _gone(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(_running(p) for p in pids)


def _processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line contains ``text`` (our offices and helpers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if text in cmdline and _running(int(entry.name)):
            found.append(int(entry.name))
    return found


@pytest.fixture
def own_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Profiles of this test's offices go under its own folder (TMPDIR), and are checked."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    import tempfile  # noqa: PLC0415

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    yield folder
    assert _gone(_processes_mentioning(str(folder)), 10), "an office outlived its test"


def _docx(folder: Path, name: str = "annex.docx", *, pages: int = 1) -> Path:
    """A real annex; ``pages`` > 1 adds activities so that LibreOffice needs a while."""
    annex = load_annex(EXAMPLE)
    if pages > 1:
        data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
        extra = [f"Papildu aktivitāte Nr. {n}: ģimeņu iesaistīšana." for n in range(40 * pages)]
        data["activities"] += extra
        annex = type(annex).model_validate(data)
    path = folder / name
    path.write_bytes(render(annex))
    return path


def _opens(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False


class _Crasher:
    """Ends each office with ``signum`` while it has ``source`` open, ``times`` times."""

    def __init__(self, pool: OfficePool, source: Path, signum: int, times: int) -> None:
        self.pool, self.source, self.signum, self.left = pool, source.resolve(), signum, times
        self.victims: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set() and self.left:
            for pid in self.pool.office_pids:
                if pid not in self.victims and _opens(pid, self.source):
                    os.kill(pid, self.signum)
                    self.victims.append(pid)
                    self.left -= 1
            time.sleep(0.001)

    def __enter__(self) -> _Crasher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def test_one_office_is_started_lazily_and_reused(own_tmp: Path) -> None:
    sources = [_docx(own_tmp, f"a{n}.docx") for n in range(3)]
    with OfficePool(4) as pool:
        assert pool.pids == []  # nothing runs before the first document
        seen = set()
        for n, source in enumerate(sources):
            target = own_tmp / f"a{n}.pdf"
            pool.convert(source, target)
            assert "Integrācijas inkubators" in _pdf_text(target)
            seen.add(tuple(pool.office_pids))
        assert len(seen) == 1  # the same office, three times: one at a time needs one
        assert len(pool.office_pids) == 1
        pids = pool.pids
    assert _gone(pids)


def test_documents_are_converted_in_parallel_offices(own_tmp: Path) -> None:
    sources = [_docx(own_tmp, f"a{n}.docx", pages=3) for n in range(4)]
    jobs = [(source, own_tmp / f"a{n}.pdf") for n, source in enumerate(sources)]
    with OfficePool(2) as pool:
        assert [error for _, error in pool.convert_many(jobs)] == [None] * 4
        assert len(pool.office_pids) == 2
    for _, target in jobs:
        assert "Papildu aktivitāte Nr. 119" in _pdf_text(target)


def test_a_hung_document_is_stopped_and_its_office_replaced(own_tmp: Path) -> None:
    source = _docx(own_tmp)
    with OfficePool(1) as pool:
        pool.convert(source, own_tmp / "first.pdf")
        (hung,) = pool.office_pids
        before = pool.pids
        os.kill(hung, signal.SIGSTOP)  # from outside, a hang looks exactly like this
        with pytest.raises(ConversionError, match=r"annex\.docx.*did not finish within 2 s"):
            pool.convert(source, own_tmp / "hung.pdf", timeout=2)
        assert _gone(before)  # the stopped office and its helper were killed
        assert not (own_tmp / "hung.pdf").exists()
        pool.convert(source, own_tmp / "after.pdf")  # a new office takes over
        assert pool.office_pids != [hung]
        assert "J. Lāčplēsis" in _pdf_text(own_tmp / "after.pdf")


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_an_office_that_dies_while_converting_is_replaced_and_the_document_retried(
    own_tmp: Path, signum: int
) -> None:
    # SIGTERM: LibreOffice shuts down cleanly and exits 0 without writing the PDF
    source = _docx(own_tmp, pages=8)
    target = own_tmp / "annex.pdf"
    with OfficePool(1) as pool, _Crasher(pool, source, signum, times=1) as crasher:
        pool.convert(source, target)
        assert len(crasher.victims) == 1
        assert pool.office_pids
        assert pool.office_pids != crasher.victims
    assert "Papildu aktivitāte Nr. 319" in _pdf_text(target)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_an_office_that_dies_twice_fails_the_document_by_name(own_tmp: Path, signum: int) -> None:
    source = _docx(own_tmp, "lēmums-610.docx", pages=8)
    target = own_tmp / "annex.pdf"
    with OfficePool(1) as pool, _Crasher(pool, source, signum, times=2) as crasher:
        with pytest.raises(ConversionError, match=r"lēmums-610\.docx.*also when tried again"):
            pool.convert(source, target)
        assert len(crasher.victims) == 2  # tried once more, in a new office, not more
    assert not target.exists()


def test_a_file_libreoffice_cannot_open_is_an_error_not_a_crash(own_tmp: Path) -> None:
    broken = own_tmp / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip")
    with OfficePool(1) as pool:
        pool.convert(_docx(own_tmp), own_tmp / "ok.pdf")
        office = pool.office_pids
        with pytest.raises(ConversionError, match=r"broken\.docx: LibreOffice made no PDF"):
            pool.convert(broken, own_tmp / "broken.pdf")
        assert pool.office_pids == office  # the office is fine and kept
    assert not (own_tmp / "broken.pdf").exists()


def test_success_without_a_pdf_is_an_error(tmp_path: Path) -> None:
    # reliability §2.13: "done" is checked against the file, never believed
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    for target in (tmp_path / "missing.pdf", empty):
        with pytest.raises(ConversionError, match=r"x\.docx: .*wrote no PDF"):
            _check_pdf(target, "x.docx")


_PARENT = """
import json, sys, threading, time
from pathlib import Path
from annexgen.word.office import OfficePool
pool = OfficePool(2)
source, folder = Path(sys.argv[1]), Path(sys.argv[2])
def convert(name):
    for n in range(1000):
        pool.convert(source, folder / f"{name}{n}.pdf")
for name in "ab":
    threading.Thread(target=convert, args=(name,), daemon=True).start()
while len(pool.office_pids) < 2:  # both offices started and busy
    time.sleep(0.01)
print(json.dumps(pool.pids), flush=True)
threading.Event().wait()
"""


def test_a_parent_killed_with_sigkill_leaves_no_office_behind(own_tmp: Path) -> None:
    # issue 15: SIGKILL gives annexgen no chance to clean up; the helpers notice
    source = _docx(own_tmp, pages=3)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with subprocess.Popen(
        [sys.executable, "-c", _PARENT, str(source), str(own_tmp)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    ) as parent:
        try:
            assert parent.stdout is not None
            pids = json.loads(parent.stdout.readline())
            ours = _processes_mentioning(str(own_tmp))
        finally:
            parent.kill()
    assert len(pids) == 4, pids  # two helpers, two offices, converting
    assert set(ours) >= set(pids)
    assert _gone(ours), [p for p in ours if _running(p)]
    assert not list(own_tmp.glob("annexgen-office-*"))  # profiles removed too


def test_ctrl_c_during_a_pdf_batch_leaves_no_office_behind(own_tmp: Path, tmp_path: Path) -> None:
    # Ctrl-C in a terminal sends SIGINT to the foreground process group
    src = tmp_path / "in"
    src.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for n in range(60):
        (src / f"a{n:02d}.yaml").write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CI": "1"}
    batch = subprocess.Popen(
        [sys.executable, "-m", "annexgen", "batch", str(src), "-o", str(tmp_path / "out"),
         "--pdf", "--office-workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list((tmp_path / "out").glob("*.pdf")):
            time.sleep(0.01)
        offices = _processes_mentioning(str(own_tmp))
        assert offices, "no office was running"
        os.killpg(batch.pid, signal.SIGINT)
        _, err = batch.communicate(timeout=60)
    finally:
        if batch.poll() is None:  # the test failed: leave nothing running
            os.killpg(batch.pid, signal.SIGKILL)
            batch.communicate()
    assert batch.returncode == 130, err
    assert "interrupted" in err
    assert _gone(offices)
    assert not list((tmp_path / "out").glob(".annexgen-pdf-*"))  # no private folder left
    assert not list(own_tmp.glob("annexgen-office-*"))


def test_a_batch_item_whose_pdf_fails_is_reported_by_name_and_redone_next_time(
    own_tmp: Path, tmp_path: Path
) -> None:
    from annexgen.jobs.batch import MANIFEST_NAME, run_batch  # noqa: PLC0415

    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    for name in ("a.yaml", "b.yaml", "sub/c.yaml"):
        (src / name).write_text(text, encoding="utf-8")
    with OfficePool(2) as pool:
        # the office that opens sub/c.docx dies, and so does the one it is retried in
        with _Crasher(pool, out / "sub" / "c.docx", signal.SIGKILL, times=2):
            report = run_batch(src, out, pdf=True, pool=pool)
        failed = [r for r in report.results if r.status == "failed"]
        assert [r.relative for r in failed] == ["sub/c.yaml"]
        assert "sub/c.yaml" in failed[0].message
        assert "also when tried again" in failed[0].message
        assert report.pdf_count == 2
        assert (out / "a.pdf").is_file()
        assert (out / "b.pdf").is_file()
        assert not (out / "sub" / "c.pdf").exists()
        manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["items"]
        assert sorted(manifest) == ["a.docx", "b.docx"]  # c is done again next time
        again = run_batch(src, out, pdf=True, pool=pool)
    assert [(r.relative, r.status) for r in again.results] == [
        ("a.yaml", "skipped"), ("b.yaml", "skipped"), ("sub/c.yaml", "rendered"),
    ]  # fmt: skip
    assert "Integrācijas inkubators" in _pdf_text(out / "sub" / "c.pdf")
    assert not list(out.glob(".annexgen-pdf-*"))


def test_a_new_profile_is_kept_as_the_seed_of_later_ones(
    own_tmp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a new profile costs LibreOffice a second start; later offices copy a finished one
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = _docx(own_tmp)
    with OfficePool(1) as pool:
        pool.convert(source, own_tmp / "first.pdf")
    (seed,) = (tmp_path / "cache" / "annexgen").iterdir()
    assert seed.name.startswith("office-profile-")
    assert (seed / "user" / "extensions").is_dir()
    assert not (seed / "user" / "registrymodifications.xcu").exists()  # settings: always ours
    with OfficePool(1) as pool:
        pool.convert(source, own_tmp / "second.pdf")  # from the seed
    assert "J. Lāčplēsis" in _pdf_text(own_tmp / "second.pdf")
    assert [p.name for p in (tmp_path / "cache" / "annexgen").iterdir()] == [seed.name]

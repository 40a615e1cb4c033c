"""A pool of persistent headless LibreOffice processes, driven over UNO.

Starting LibreOffice costs about a second; converting a small annex in an
office that is already running costs about 50 ms. So every PDF annexgen makes
goes through an :class:`OfficePool`: up to ``workers`` offices (one per core by
default), each started the first time it is needed and then kept for the next
document. ``annexgen batch --pdf``, ``annexgen render --pdf`` of many files
and ``annexgen serve`` (which starts its offices with the server) share this
one code path; a single ``render --pdf`` simply uses a pool of one.

Each office is a ``soffice.bin`` with its own profile folder (LibreOffice
refuses a second instance on one profile) and its own UNO pipe, run by a small
helper script (:mod:`annexgen.word._office_helper`) under the Python that has
LibreOffice's ``uno`` module — Debian's ``python3-uno`` — which need not be the
Python annexgen runs in. The helper and its office form one process group.

Faults (reliability §2.13) and what the pool does about them:

* a document that hangs: after ``timeout`` seconds the office is killed and
  replaced; the document fails with its name in the message;
* an office that crashes (or is killed) while converting: a new office is
  started and the document is tried once more, then it fails;
* an office that answers "done" but wrote no PDF, or something that is not a
  PDF: an error, never a silent success;
* Ctrl-C, :meth:`OfficePool.close` or the end of the program: every office is
  killed; if annexgen itself dies (even by SIGKILL), each helper notices that
  its parent is gone, kills its office and removes its profile folder.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from annexgen.errors import ConversionError, Location, TemplateError
from annexgen.messages import MESSAGES

__all__ = [
    "DEFAULT_TIMEOUT",
    "INSTALL_HINT",
    "UNO_HINT",
    "OfficePool",
    "default_workers",
    "find_office",
    "find_soffice",
    "find_uno_python",
    "shared_pool",
    "start_shared_pool",
]

#: what to do without LibreOffice, or without its Python bridge (the English of the
#: ``libreoffice-missing`` and ``libreoffice-no-uno`` messages)
INSTALL_HINT: Final = MESSAGES["libreoffice-missing"]
UNO_HINT: Final = MESSAGES["libreoffice-no-uno"]
#: seconds one document may take before its office is declared hung
DEFAULT_TIMEOUT: Final = 120.0
#: seconds an office may take to start (a first start creates its profile)
START_TIMEOUT: Final = 60.0
_HELPER: Final = Path(__file__).with_name("_office_helper.py")
_UNO_PYTHON_ENV: Final = "ANNEXGEN_UNO_PYTHON"


def find_soffice() -> str | None:
    """Path of the LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def find_office() -> str | None:
    """The office program itself (``soffice.bin``), else the ``soffice`` launcher.

    The launcher is a shell script that starts ``oosplash``, which starts
    ``soffice.bin``; starting ``soffice.bin`` directly saves both and leaves
    one process to watch. The launcher still works (the helper's process group
    is killed as a whole), so it is the fallback.
    """
    soffice = find_soffice()
    if soffice is None:
        return None
    real = Path(soffice).resolve()
    for name in ("soffice.bin", "soffice.exe"):
        candidate = real.with_name(name)
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return str(real)


@functools.cache
def _imports_uno(python: str) -> bool:
    try:
        done = subprocess.run(
            [python, "-c", "import uno"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def find_uno_python() -> str | None:
    """A Python that can ``import uno``: ours, LibreOffice's own, or the system's.

    ``ANNEXGEN_UNO_PYTHON`` names one explicitly. LibreOffice's Windows and
    macOS builds ship a Python next to ``soffice``; Debian's ``python3-uno``
    belongs to ``/usr/bin/python3``.
    """
    explicit = os.environ.get(_UNO_PYTHON_ENV)
    if explicit:
        return explicit if _imports_uno(explicit) else None
    if importlib.util.find_spec("uno") is not None:
        return sys.executable
    # where the bridge is known to live: found by looking, without starting a
    # Python to try (that costs 0.05 - 0.1 s, on every command)
    known: list[tuple[Path, Path]] = []
    soffice = find_soffice()
    if soffice is not None:
        program = Path(soffice).resolve().parent
        known += [(program / name, program / "uno.py") for name in ("python", "python.exe")]
    known.append((Path("/usr/bin/python3"), Path("/usr/lib/python3/dist-packages/uno.py")))
    for python, bridge in known:
        if python.is_file() and bridge.is_file():
            return str(python)
    for python in (Path("/usr/bin/python3"), Path("/usr/local/bin/python3")):
        if python.is_file() and _imports_uno(str(python)):
            return str(python)
    return None


def default_workers() -> int:
    """One office per core: each converts one document at a time on one core."""
    return os.cpu_count() or 1


class _Gone(Exception):
    """The helper (and so its office) stopped answering: it crashed or was killed."""


class _Hung(Exception):
    """No answer within the timeout."""


class _Office:
    """One helper process and the office it runs; used by one thread at a time.

    Creating it only starts the helper (which starts its office on its own), so
    that offices can be started before the batch forks its render workers —
    no threads exist yet then. :meth:`wait_ready` collects the helper's "ready".
    """

    def __init__(
        self, python: str, program: str, start_timeout: float, warm: str, seed: str
    ) -> None:
        self._replies: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=20)
        self.start_timeout = start_timeout
        self._deadline = time.monotonic() + start_timeout + 10
        self.ready = False
        self.early = False  # started ahead by OfficePool.start, before any document
        self.office_pid: int | None = None
        self.profile = tempfile.mkdtemp(prefix="annexgen-office-")
        self.pipe = f"annexgen-{Path(self.profile).name}"  # unique, like the profile
        self.process = subprocess.Popen(
            [
                python,
                str(_HELPER),
                program,
                self.profile,
                self.pipe,
                str(start_timeout),
                warm,
                seed,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own group: one signal stops helper and office
        )

    def wait_ready(self) -> None:
        """Wait until the office answers; raise :class:`ConversionError` if it never will."""
        if self.ready:
            return
        threading.Thread(target=self._read_replies, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        try:
            ready = self._reply(max(0.0, self._deadline - time.monotonic()))
        except _Hung:
            self.kill()
            raise ConversionError(
                code="office-start-timeout", params={"seconds": round(self.start_timeout)}
            ) from None
        except _Gone:
            self.kill()
            detail = self._detail()
            if detail is None:
                raise ConversionError(code="office-start-failed") from None
            raise ConversionError(
                code="office-start-failed-because", params={"reason": detail}
            ) from None
        if not ready.get("ready"):
            self.kill()
            raise ConversionError(
                code="office-start-failed-because", params={"reason": str(ready.get("error"))}
            )
        self.office_pid = int(ready["pid"])
        self.ready = True

    def _read_replies(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with contextlib.suppress(ValueError):
                self._replies.put(json.loads(line))
        self._replies.put(None)

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._stderr.append(line.decode("utf-8", "replace").rstrip())

    def _detail(self) -> str | None:
        lines = [line for line in self._stderr if line.strip()]
        return lines[-1].strip() if lines else None

    def _reply(self, timeout: float) -> dict[str, Any]:
        try:
            reply = self._replies.get(timeout=timeout)
        except queue.Empty:
            raise _Hung from None
        if reply is None:
            raise _Gone
        return reply

    def request(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode("utf-8"))
            self.process.stdin.flush()
        except OSError:
            raise _Gone from None
        return self._reply(timeout)

    @property
    def pids(self) -> list[int]:
        """The helper's and the office's process ids (for tests and diagnostics)."""
        return [self.process.pid] + ([self.office_pid] if self.office_pid else [])

    def kill(self) -> None:
        """Stop the office at once, then its helper; nothing of either stays behind.

        The office goes first, and the helper — no longer blocked on it — reaps
        it, removes the profile and exits by itself within milliseconds; a
        helper that does not is killed with everything in its process group.
        Twice is harmless: once the helper is reaped its pid may belong to
        someone else, so nothing is signalled again.
        """
        if self.process.returncode is not None:
            return
        if self.office_pid and _parent_of(self.office_pid) == self.process.pid:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(self.office_pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            assert self.process.stdin is not None
            self.process.stdin.close()  # an idle helper reads the end and stops its office
        try:
            self.process.wait(timeout=2)  # it stops its office first, then itself
        except subprocess.TimeoutExpired:  # stuck: not yet reaped, so the group is still its
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if hasattr(os, "killpg"):
                    os.killpg(self.process.pid, signal.SIGKILL)
                else:  # pragma: no cover - Windows
                    self.process.kill()
        self._reap()

    def _reap(self) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        shutil.rmtree(self.profile, ignore_errors=True)
        if hasattr(os, "getuid"):  # the socket file a killed office leaves
            with contextlib.suppress(OSError):
                os.unlink(f"/tmp/OSL_PIPE_{os.getuid()}_{self.pipe}")


#: every open pool, closed when the program ends (strong references: a pool
#: dropped without close() still has its offices stopped)
_POOLS: set[OfficePool] = set()


def _parent_of(pid: int) -> int | None:
    """The parent of ``pid`` (Linux), so that a reused pid is never killed by mistake."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


@atexit.register
def _close_all() -> None:
    for pool in list(_POOLS):
        pool.close()


class OfficePool:
    """Up to ``workers`` persistent offices, shared by the threads that convert.

    Thread-safe: call :meth:`convert` from as many threads as there are
    workers and the documents are converted in parallel. Use it as a context
    manager (or call :meth:`close`): closing kills every office. ``warm``: each
    new office first converts a bundled template, so that the first real
    document does not pay for loading the filters (for the web form, where
    someone waits for that first PDF; a batch gains nothing from it).
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
        warm: bool = False,
    ) -> None:
        if workers is not None and workers < 1:
            raise ValueError("an office pool needs at least one worker")
        self.workers = workers or default_workers()
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.warm = warm
        self._idle: list[_Office] = []
        self._busy: set[_Office] = set()
        self._closed = False
        self._lock = threading.Condition()
        _POOLS.add(self)

    # --- life cycle --------------------------------------------------------------

    def _find(self) -> tuple[str, str]:
        """LibreOffice and a Python with ``uno``, or the error that says what to install.

        Looked up each time (a few file look-ups; the ``import uno`` probe is
        cached), so a pool notices LibreOffice being installed or removed.
        """
        program = find_office()
        if program is None:
            raise ConversionError(code="libreoffice-missing")
        python = find_uno_python()
        if python is None:
            raise ConversionError(code="libreoffice-no-uno")
        return python, program

    def check(self) -> None:
        """Raise :class:`ConversionError` now if no office could be started at all."""
        self._find()

    def start(self, count: int | None = None) -> None:
        """Start offices now, so that the first documents find them warm.

        Returns at once and starts no thread: each helper starts its office
        on its own, and the first conversion waits for it to be ready. A start
        that fails is tried again by the document that needs the office, which
        then reports the error with its name.
        """
        python, program = self._find()
        with self._lock:
            missing = min(count or self.workers, self.workers) - self._size()
            for _ in range(max(0, missing)):
                office = self._new_office(python, program)
                office.early = True
                self._idle.append(office)

    def _size(self) -> int:
        return len(self._idle) + len(self._busy)

    def _new_office(self, python: str, program: str) -> _Office:
        warm = _warm_document() if self.warm else ""
        return _Office(python, program, self.start_timeout, warm, _seed_folder(program))

    def _acquire(self) -> _Office:
        python, program = self._find()
        with self._lock:
            while True:
                if self._closed:
                    raise ConversionError(code="office-pool-closed")
                if self._idle:
                    office = self._idle.pop()
                    self._busy.add(office)
                    break
                if self._size() < self.workers:
                    office = self._new_office(python, program)
                    self._busy.add(office)
                    break
                self._lock.wait()
        try:
            office.wait_ready()
        except ConversionError:
            self._discard(office)
            if office.early:
                return self._acquire()  # started ahead and failed: one fresh start, in full
            raise
        return office

    def _release(self, office: _Office) -> None:
        with self._lock:
            self._busy.discard(office)
            if self._closed:
                office.kill()
            else:
                self._idle.append(office)
            self._lock.notify_all()

    def _discard(self, office: _Office) -> None:
        office.kill()
        with self._lock:
            self._busy.discard(office)
            self._lock.notify_all()

    def close(self) -> None:
        """Stop every office; conversions still waiting fail. Safe to call twice."""
        _POOLS.discard(self)
        with self._lock:
            self._closed = True
            offices = self._idle + list(self._busy)
            self._idle = []
            self._lock.notify_all()
        for office in offices:
            office.kill()

    def __enter__(self) -> OfficePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pids(self) -> list[int]:
        """Process ids of every running helper and office."""
        with self._lock:
            return [pid for office in [*self._idle, *self._busy] for pid in office.pids]

    @property
    def office_pids(self) -> list[int]:
        """Process ids of the offices (``soffice.bin``) that have answered."""
        with self._lock:
            offices = [*self._idle, *self._busy]
            return [office.office_pid for office in offices if office.office_pid]

    # --- converting ----------------------------------------------------------------

    def convert(
        self,
        source: str | Path,
        target: str | Path,
        *,
        filter_data: dict[str, Any] | None = None,
        name: str | None = None,
        timeout: float | None = None,
    ) -> None:
        """Convert the .docx ``source`` into the PDF ``target``, in one of the offices.

        ``target`` is overwritten; write it to a private place and move it
        when complete. ``name`` is how errors call the document (default: the
        source path); ``timeout`` overrides the pool's. Raises
        :class:`ConversionError` naming the document.
        """
        limit = timeout or self.timeout
        source, target = Path(source).resolve(), Path(target).resolve()
        label = name or str(source)
        request = {
            "source": str(source),
            "target": str(target),
            "filter_data": filter_data or {},
        }
        for attempt in (1, 2):
            try:
                office = self._acquire()
            except ConversionError as err:
                raise ConversionError(
                    code="office-file-problem",
                    params={"file": label, "reason": err.reason},
                    location=Location(label),
                ) from err
            try:
                reply = office.request(request, limit)
            except _Hung:
                self._discard(office)
                raise ConversionError(
                    code="office-timeout",
                    params={"file": label, "seconds": f"{limit:g}"},
                    location=Location(label),
                ) from None
            except _Gone:
                reply = {"ok": False, "crashed": True, "error": "LibreOffice stopped"}
            except BaseException:  # Ctrl-C while waiting: this office is in an unknown state
                self._discard(office)
                raise
            if reply.get("crashed"):
                self._discard(office)
                if attempt == 1:
                    continue  # a new office, one more try
                raise ConversionError(
                    code="office-crashed",
                    params={"file": label, "reason": str(reply.get("error"))},
                    location=Location(label),
                )
            self._release(office)
            if not reply.get("ok"):
                raise ConversionError(
                    code="office-no-pdf",
                    params={"file": label, "reason": str(reply.get("error"))},
                    location=Location(label),
                )
            _check_pdf(target, label)
            return

    def convert_many(
        self,
        jobs: list[tuple[Path, Path]],
        *,
        filter_data: dict[str, Any] | None = None,
        names: list[str] | None = None,
        timeout: float | None = None,
    ) -> Iterator[tuple[int, ConversionError | None]]:
        """Convert many documents in parallel; yield ``(index, error or None)`` in order.

        Ctrl-C (or leaving the loop early) stops the pool's offices.
        """
        from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

        def one(index: int) -> ConversionError | None:
            source, target = jobs[index]
            try:
                self.convert(
                    source,
                    target,
                    filter_data=filter_data,
                    name=names[index] if names else None,
                    timeout=timeout,
                )
            except ConversionError as err:
                return err
            return None

        executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="office")
        futures = [executor.submit(one, n) for n in range(len(jobs))]
        try:
            for index, future in enumerate(futures):
                yield index, future.result()
        except KeyboardInterrupt:
            self.close()  # the offices stop; the threads waiting on them return at once
            raise
        finally:
            executor.shutdown(wait=True, cancel_futures=True)


def _check_pdf(target: Path, label: str) -> None:
    """LibreOffice said it was done: make sure there is a PDF (reliability §2.13)."""
    try:
        with target.open("rb") as pdf:
            head = pdf.read(5)
    except OSError:
        head = b""
    if head != b"%PDF-":
        raise ConversionError(
            code="office-no-pdf-written", params={"file": label}, location=Location(label)
        )


@functools.cache
def _seed_key(program: str) -> str:
    binary = Path(program).resolve()
    stat = binary.stat()
    identity = f"{binary}|{stat.st_size}|{stat.st_mtime_ns}|".encode() + _HELPER.read_bytes()
    return hashlib.sha256(identity).hexdigest()[:16]


def _seed_folder(program: str) -> str:
    """Where a ready-made profile for this LibreOffice is kept between runs ("" if nowhere).

    In the user's cache folder (``$XDG_CACHE_HOME``, else ``~/.cache``), named
    after the office program and the helper (whose settings it holds), so an
    upgrade of either starts from a fresh profile. Offices copy it, never use it.
    """
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        folder = base / "annexgen"
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder / f"office-profile-{_seed_key(program)}")
    except (OSError, RuntimeError):  # no home, read-only: every office makes its own
        return ""


def _warm_document() -> str:
    """A bundled template: a new office converts it first, off the clock of any request.

    The first document an office opens pays for loading the Word import and
    the PDF export (about 0.1 s); the template is a real .docx with the
    same styles and fonts as the annexes.
    """
    from annexgen.word.templates import template_path  # noqa: PLC0415 - loads the registry

    try:
        return str(template_path("generic"))
    except TemplateError:  # warming up is optional
        return ""


_shared: OfficePool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> OfficePool:
    """The process-wide pool used when the caller does not bring one (library calls)."""
    global _shared  # noqa: PLW0603 - one lazily made pool per process
    with _shared_lock:
        if _shared is None or _shared._closed:
            _shared = OfficePool()
        return _shared


def start_shared_pool(count: int = 1) -> None:
    """Start ``count`` warm offices in the process-wide pool now, before the first PDF.

    For a process that will make PDFs one at a time and wants the first one
    fast: each worker of ``annexgen serve`` calls it when it starts. Without
    LibreOffice it does nothing; the first PDF then says what to install.
    """
    pool = shared_pool()
    pool.warm = True
    with contextlib.suppress(ConversionError):
        pool.start(count)

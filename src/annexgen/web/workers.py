"""A small pool of worker processes with a time limit for each job.

Why processes, not threads: validating, rendering, reading an uploaded .docx
and making a PDF are CPU-bound Python (and regular expressions, which hold the
GIL for a whole match). In a thread one hostile request would still stall the
event loop; in a worker process it only occupies that worker, and when a job
runs past its time limit the worker is killed and replaced (issue 17 item 4),
so the page (``GET /``) keeps answering at once.

Workers are fresh interpreters (:func:`main`: the server
may run threads, which ``fork`` would copy half-way, and ``spawn`` would re-run
the server's main script), each in its own process group so that a killed job
takes whatever it started with it; they leave their loop when the
pipe to the server closes, so none outlives the server. Each worker keeps one
LibreOffice running for its PDFs (:func:`annexgen.word.office.start_shared_pool`);
that office's helper stops it as soon as the worker is gone, killed or not.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any, BinaryIO, Final, cast

__all__ = ["Busy", "JobTimeout", "WorkerPool"]

#: Modules a worker imports as soon as it starts.
WARM_IMPORTS: Final = (
    "annexgen.web.jobs",
    "annexgen.word.context",
    "annexgen.word.render",
    "annexgen.reading.extract",
    "annexgen.reading.lint",
)
#: How long a request may wait for a free worker before "busy" is answered.
QUEUE_WAIT: Final = 30.0


class JobTimeout(Exception):
    """The job ran past its time limit; its worker was killed and replaced."""


class Busy(Exception):
    """Every worker stayed busy for longer than the request may wait."""


def _read_exact(stream: BinaryIO, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            raise EOFError("the pipe closed")
        data += chunk
    return data


def _send(stream: BinaryIO, value: Any) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(payload)) + payload)
    stream.flush()


def _receive(stream: BinaryIO) -> Any:
    (size,) = struct.unpack(">Q", _read_exact(stream, 8))
    return pickle.loads(_read_exact(stream, size))


def serve(source: BinaryIO, sink: BinaryIO) -> None:
    """Worker loop: run each (function, args) received and send back the outcome.

    Ends when the server closes the pipe (or dies): no worker outlives it.
    """
    while True:
        try:
            function, args = _receive(source)
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            outcome: tuple[bool, Any] = (True, function(*args))
        except Exception as err:
            outcome = (False, err)
        try:
            _send(sink, outcome)
        except (pickle.PicklingError, TypeError, AttributeError) as err:
            _send(sink, (False, RuntimeError(f"{type(err).__name__}: {err}")))


class _Worker:
    """One worker process (``python -m annexgen.web.workers``) in its own process group."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from annexgen.web.workers import main; main()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,  # killed as a group, with anything it started
        )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.stdin = cast(BinaryIO, self.process.stdin)
        self.stdout = cast(BinaryIO, self.process.stdout)

    def call(self, function: Callable[..., Any], args: tuple[Any, ...], timeout: float) -> Any:
        _send(self.stdin, (function, args))
        ready, _, _ = select.select([self.stdout], [], [], timeout)
        if not ready:
            raise JobTimeout
        ok, value = _receive(self.stdout)
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.stdin.close()
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self.stdout.close()


class WorkerPool:
    """``size`` worker processes; :meth:`run` sends one job and awaits its result."""

    def __init__(self, size: int = 2) -> None:
        self.size = size
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._slots: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    def _take(self) -> _Worker:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return _Worker()  # started lazily, at most ``size`` (the semaphore)

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(worker)
                return
        worker.stop()

    def _call(self, function: Callable[..., Any], args: tuple[Any, ...], timeout: float) -> Any:
        worker = self._take()
        try:
            result = worker.call(function, args, timeout)
        except (JobTimeout, EOFError, OSError, pickle.UnpicklingError):
            worker.stop()  # killed mid-job or dead: never reused
            raise
        except BaseException:
            self._give_back(worker)  # the job raised; the worker is fine
            raise
        self._give_back(worker)
        return result

    async def run(self, function: Callable[..., Any], *args: Any, timeout: float) -> Any:
        """``function(*args)`` in a worker; :class:`JobTimeout` past ``timeout`` seconds.

        ``function`` must be importable (a module-level function) and its
        arguments and result picklable.
        """
        loop = asyncio.get_running_loop()
        if self._slots is None or self._loop is not loop:
            self._slots, self._loop = asyncio.Semaphore(self.size), loop
        try:
            await asyncio.wait_for(self._slots.acquire(), QUEUE_WAIT)
        except TimeoutError:
            raise Busy from None
        try:
            return await asyncio.to_thread(self._call, function, args, timeout)
        except (EOFError, OSError) as err:
            raise JobTimeout from err  # the worker died (out of memory, killed)
        finally:
            self._slots.release()

    def warm(self) -> None:
        """Start the workers now, so that the first request does not wait for them."""
        with self._lock:
            missing = self.size - len(self._idle)
        for _ in range(max(0, missing)):
            worker = _Worker()
            self._give_back(worker)

    def close(self) -> None:
        """Stop every idle worker; busy ones stop when their job ends."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()


def main() -> None:
    """Entry point of a worker: answers go to a private copy of stdout; anything a
    library prints goes to stderr instead of into the answers."""
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    from annexgen.word.office import start_shared_pool  # noqa: PLC0415

    start_shared_pool()  # one warm LibreOffice per worker, kept for every PDF it makes
    for module in WARM_IMPORTS:  # while the worker is idle, not during the first request
        importlib.import_module(module)
    serve(sys.stdin.buffer, answers)

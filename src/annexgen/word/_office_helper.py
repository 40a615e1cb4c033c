"""One persistent LibreOffice, driven over UNO, for :mod:`annexgen.word.office`.

This file is run as a script by the Python that has LibreOffice's ``uno``
module (Debian: ``python3-uno``, i.e. ``/usr/bin/python3``), which is often not
the Python annexgen runs in — so it imports nothing from annexgen, only the
standard library and ``uno``.

It starts one ``soffice.bin`` with a private profile folder and a private UNO
pipe, connects to it, then converts documents one at a time as the parent asks
on stdin (one JSON object a line) and answers on stdout (one JSON object a
line). Nothing else may be written to stdout.

No office may outlive annexgen (reliability §2.13): the office is started with
a parent-death signal, and a watchdog thread stops the office, removes the
profile and exits as soon as the parent process is gone or closes the pipe —
also when the parent was killed with SIGKILL and could not clean up.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from typing import Any

import uno  # type: ignore[import-not-found]  # only in LibreOffice's Python
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

# soffice.bin asks to be started again (exit code 81) after it has created a
# new profile; the launcher script normally does that.
_RESTART_CODE = 81
_START_ATTEMPTS = 3
_PR_SET_PDEATHSIG = 1

# Settings written into each new profile before the office first reads it.
# LibreOffice runs a graphics self-test (about 0.8 s) on every start until the
# profile records that this version has been started before — which a killed
# office never gets to write — so the profile says so from the start (any
# version at least as new as the installed one will do). The rest spares work
# no one sees, each document: no first-start wizard, no recent-documents list,
# no lock files in private folders, no spell checking or word collection for
# autocompletion after loading (about 3 % of the time a document takes).
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion"
 oor:op="fuse"><value>99.9</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun"
 oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/History"><prop oor:name="PickListSize"
 oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking"
 oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/SpellChecking"><prop oor:name="IsSpellAuto"
 oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/AutoFunction/Completion"><prop oor:name="Enable"
 oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _property(name: str, value: Any) -> Any:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _die_with_parent() -> None:  # pragma: no cover - runs in the forked child
    """Ask Linux to kill the office when this helper dies, even by SIGKILL."""
    try:
        import ctypes  # noqa: PLC0415

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the watchdog below still stops the office


class Office:
    """One ``soffice.bin`` process and the UNO connection to it."""

    def __init__(self, executable: str, profile: str, pipe: str, seed: str = "") -> None:
        self.executable = executable
        self.profile = profile
        self.pipe = pipe
        self.seed = seed
        self.process: subprocess.Popen[bytes] | None = None
        self.desktop: Any = None
        self.log = os.path.join(profile, "office.log")

    def _spawn(self) -> subprocess.Popen[bytes]:
        command = [
            self.executable,
            f"-env:UserInstallation={uno.systemPathToFileUrl(self.profile)}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
        ]
        with open(self.log, "ab") as log:
            return subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,  # noqa: PLW1509
            )

    def start(self, deadline: float) -> None:
        if self.seed and os.path.isdir(self.seed):
            with contextlib.suppress(OSError):  # a seed is only a head start
                shutil.copytree(self.seed, self.profile, dirs_exist_ok=True)
        os.makedirs(os.path.join(self.profile, "user"), exist_ok=True)
        settings = os.path.join(self.profile, "user", "registrymodifications.xcu")
        with open(settings, "w", encoding="utf-8") as file:
            file.write(_PROFILE_SETTINGS)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        attempts = 0
        self.process = self._spawn()
        while True:
            try:
                context = resolver.resolve(url)
                break
            except Exception:  # NoConnectException until the office listens
                code = self.process.poll()
                if code is not None:
                    attempts += 1
                    if code != _RESTART_CODE or attempts >= _START_ATTEMPTS:
                        raise RuntimeError(
                            f"LibreOffice exited with code {code} while starting"
                        ) from None
                    self._save_seed()  # the new profile is complete and nothing uses it
                    self.process = self._spawn()
                elif time.monotonic() > deadline:
                    raise RuntimeError("LibreOffice did not start in time") from None
                time.sleep(0.02)
        self.desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )

    def _save_seed(self) -> None:
        """Keep a copy of a freshly made profile, so that later offices skip making one.

        A new profile costs LibreOffice a second start (it exits with code 81
        after registering its bundled extensions): 0.2 - 1 s on a busy machine.
        The copy is made while the profile is quiet, between the two starts,
        into a temporary folder renamed into place (another office may be
        doing the same; the first rename wins).
        """
        if not self.seed or os.path.isdir(self.seed):
            return
        partial = f"{self.seed}.{os.getpid()}.tmp"
        try:
            skip = shutil.ignore_patterns("registrymodifications.xcu", "office.log", "*.pdf")
            shutil.copytree(self.profile, partial, ignore=skip)
            os.rename(partial, self.seed)
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)

    def alive(self) -> bool:
        """The office process runs and still answers over UNO."""
        if self.process is None or self.process.poll() is not None:
            return False
        try:
            self.desktop.getComponents()
        except Exception:  # the bridge is gone: DisposedException and friends
            return False
        return True

    def convert(self, source: str, target: str, filter_data: dict[str, Any]) -> None:
        """Open ``source`` hidden and read-only, export it as PDF to ``target``."""
        load = (
            _property("Hidden", True),
            _property("ReadOnly", True),
            _property("MacroExecutionMode", 0),  # NEVER_EXECUTE
            _property("UpdateDocMode", 0),  # NO_UPDATE: no links fetched
        )
        document = self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source), "_blank", 0, load
        )
        if document is None:
            raise ValueError("LibreOffice could not open it")
        try:
            data = uno.Any(
                "[]com.sun.star.beans.PropertyValue",
                tuple(_property(k, v) for k, v in sorted(filter_data.items())),
            )
            store = (_property("FilterName", "writer_pdf_Export"), _property("FilterData", data))
            uno.invoke(document, "storeToURL", (uno.systemPathToFileUrl(target), store))
        finally:
            with contextlib.suppress(Exception):
                document.close(True)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _watch_parent(office: Office, parent: int) -> None:
    """Stop everything when annexgen is gone (its pid is no longer our parent)."""
    while True:
        time.sleep(0.2)
        if os.getppid() != parent:
            _shutdown(office, 1)


def pipe_file(pipe: str) -> str:
    """The socket file of a UNO pipe; a killed office leaves it behind."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return f"/tmp/OSL_PIPE_{uid}_{pipe}"


_SHUTDOWN = threading.Lock()


def _shutdown(office: Office, code: int) -> None:
    """Stop the office, remove its traces, exit — once, whichever thread comes first.

    The other threads block here until the process is gone: the main thread
    must not finish (and end the daemon watchdog halfway through removing the
    profile) while the watchdog cleans up.
    """
    _SHUTDOWN.acquire()
    try:
        office.stop()
        shutil.rmtree(office.profile, ignore_errors=True)
        with contextlib.suppress(OSError):
            os.unlink(pipe_file(office.pipe))
    finally:
        os._exit(code)


def _error_text(err: BaseException) -> str:
    text = getattr(err, "Message", "") or str(err) or type(err).__name__
    return " ".join(str(text).split())[:500]


def _warm_up(office: Office, document: str) -> None:
    """Convert one document nobody waits for: the next one finds the filters loaded."""
    if not document:
        return
    with contextlib.suppress(Exception):
        office.convert(document, os.path.join(office.profile, "warm.pdf"), {})


def _serve(office: Office, start_timeout: float, warm: str) -> int:
    """Start the office, then convert what the parent asks; the exit code when done."""
    try:
        office.start(time.monotonic() + start_timeout)
        _warm_up(office, warm)
    except Exception as err:
        _send({"ready": False, "error": _error_text(err)})
        return 1
    assert office.process is not None
    _send({"ready": True, "pid": office.process.pid})
    for line in sys.stdin:
        request = json.loads(line)
        try:
            office.convert(request["source"], request["target"], request.get("filter_data", {}))
        except Exception as err:
            crashed = not office.alive()
            _send({"ok": False, "crashed": crashed, "error": _error_text(err)})
            if crashed:
                return 1
            continue
        # done; the parent checks that the PDF is there (an office that died
        # right after is noticed by the next document, which is tried again)
        _send({"ok": True})
    return 0  # stdin closed: the parent is done with us


def main() -> None:
    # program, profile folder, pipe name (both unique, chosen by the parent, which
    # also removes them if this helper is killed), start timeout, warm-up document,
    # seed profile folder ("" for none)
    executable, profile, pipe, start_timeout, warm, seed = sys.argv[1:7]
    parent = os.getppid()
    office = Office(executable, profile, pipe, seed)
    threading.Thread(target=_watch_parent, args=(office, parent), daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: _shutdown(office, 1))
    code = 1
    try:
        code = _serve(office, float(start_timeout), warm)
    finally:  # also when writing to a parent that is gone fails
        _shutdown(office, code)


if __name__ == "__main__":
    main()

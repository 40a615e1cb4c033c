"""Writing results to disk without ever leaving a half-written file.

A crash, a full disk or Ctrl-C in the middle of a save must not destroy the
previous good annex (reliability notes §2.8: docxtpl's own save turned a
36 KB document into a 2.6 KB broken one). So: write to a temporary file in
the *same* directory, flush and fsync it, then ``os.replace`` it over the
target — an atomic rename on POSIX and Windows — and fsync the directory.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Final

from annexgen.errors import Location, OutputError
from annexgen.messages import os_reason

__all__ = ["MAX_STEM", "safe_name", "sync_dir", "write_atomic"]

#: Longest file or folder name written (before the extension).
MAX_STEM: Final = 120
#: Device names Windows reserves, with any extension. Windows counts the superscript
#: digits ¹ ² ³ as digits here: "COM¹.yaml" is a device too (issue 17).
_RESERVED: Final = re.compile(
    r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE
)
_BAD_CHARS: Final = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SURROGATES: Final = re.compile("[\ud800-\udfff]")


def safe_name(name: str) -> str:
    """A file or folder name that is valid and unambiguous on Windows and Linux.

    Forbidden characters become ``_`` (visible, so ``12/3`` does not silently
    turn into ``123``), trailing dots and spaces go, reserved device names get
    a ``_`` suffix, the result is NFC and at most :data:`MAX_STEM` characters.
    """
    text = unicodedata.normalize("NFC", name)
    text = _BAD_CHARS.sub("_", text).rstrip(" .")
    text = _SURROGATES.sub("_", text)  # no file system holds a lone surrogate
    if not text.strip(" ."):
        text = "_"
    if _RESERVED.match(text):
        text += "_"
    return text[:MAX_STEM].rstrip(" .") or "_"


def write_atomic(target: str | Path, data: bytes, *, sync_directory: bool = True) -> None:
    """Replace ``target`` with ``data`` atomically; on any failure the old file stays.

    ``sync_directory=False`` leaves the directory fsync to the caller — a batch
    syncs each output directory once at the end (:func:`sync_directory`).
    """
    path = Path(target)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        if path.exists() and not path.is_file():
            # never replace a device, a pipe or a folder (as root, /dev/full would go)
            raise OutputError(code="output-not-a-file", location=Location(str(path)))
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except UnicodeEncodeError as err:
        raise OutputError(code="output-bad-name", location=Location(str(path))) from err
    except OSError as err:
        raise OutputError(
            code="output-folder-unwritable",
            params={"folder": str(directory), "reason": os_reason(err)},
            location=Location(str(path)),
        ) from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException as err:  # also KeyboardInterrupt: never leave the temp file
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(err, PermissionError):
            raise OutputError(code="output-in-use", location=Location(str(path))) from err
        if isinstance(err, OSError):
            raise OutputError(
                code="output-unwritable",
                params={"reason": os_reason(err)},
                location=Location(str(path)),
            ) from err
        raise
    if sync_directory:
        sync_dir(directory)


def sync_dir(directory: str | Path) -> None:
    """Make renames in ``directory`` durable (POSIX; a no-op where unsupported)."""
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

"""Reading a user's file: regular files only, never more than a limit.

Why one function: every command that reads a file someone handed it (YAML,
a template, an old annex for ``lint`` or ``extract``) met the same traps
(issue 17): a FIFO named ``annex.yaml`` blocks ``open`` forever, ``/dev/zero``
linked as ``annex.yaml`` reads until memory runs out, and a size taken from
``stat`` before reading can be wrong (``/proc`` files say 0). So the file is
opened without blocking, must be a regular file, and is read up to its limit
plus one byte — never more — whatever ``stat`` said.

Each refusal is an ``OSError`` whose ``phrase`` is its message (code and values),
which :func:`annexgen.messages.os_reason` gives to every caller that reports an
unreadable file, in the clerk's language.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Final

from annexgen.messages import Phrase

__all__ = ["MAX_YAML_BYTES", "BadFileName", "NotRegularFile", "TooLarge", "read_bounded"]

#: Largest YAML annex file read (the longest seed annex is about 4 KB). Here, below
#: everything, so that a batch can hash inputs within it without loading the model;
#: :data:`annexgen.model.loading.MAX_FILE_BYTES` is this.
MAX_YAML_BYTES: Final = 1024 * 1024


class TooLarge(OSError):
    """The file holds more than ``limit`` bytes (``size`` is at least ``limit + 1``).

    An ``OSError`` (``EFBIG``), so that code which reports unreadable files
    reports this one too, in these words.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"the file is {size} bytes; the limit is {limit}")
        self.size = size
        self.limit = limit
        self.phrase = Phrase("os-too-large", {"size": size, "limit": limit})


class NotRegularFile(OSError):
    """A FIFO, device, socket or directory where a file was expected."""

    def __init__(self, what: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({what})")
        self.what = what
        self.phrase = Phrase(_PHRASES.get(what, "os-device"))


class BadFileName(OSError):
    """A file name no file system can hold (a lone surrogate, U+D800–U+DFFF)."""

    def __init__(self) -> None:
        super().__init__(errno.EINVAL, "the file name is not valid text (a lone surrogate)")
        self.phrase = Phrase("os-bad-name")


#: the message (annexgen.messages) of each kind of file that is not a regular one
_PHRASES: Final = {
    "a folder": "os-is-a-folder",
    "a named pipe": "os-pipe",
    "a device": "os-device",
    "a socket": "os-socket",
}


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes.

    Raises :class:`TooLarge`, :class:`NotRegularFile` or the ``OSError`` of
    opening or reading (missing file, no permission).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise NotRegularFile("a folder") from None
    except UnicodeEncodeError:  # a lone surrogate in a name from a program, not a disk
        raise BadFileName() from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(_what(mode))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        total = max(size, _size_on_disk(path))
        raise TooLarge(total, limit)
    return b"".join(chunks)


def _size_on_disk(path: str | Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # pragma: no cover - removed meanwhile
        return 0

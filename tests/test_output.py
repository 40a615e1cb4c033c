"""Atomic writes: reliability notes §2.8 and §4 row 18."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annexgen import output
from annexgen.errors import OutputError
from annexgen.output import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["a.docx"]
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"previous good annex")

    def broken_fsync(fd: int) -> None:
        raise exc

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    with pytest.raises(OutputError if isinstance(exc, OSError) else KeyboardInterrupt):
        write_atomic(target, b"half")
    assert target.read_bytes() == b"previous good annex"
    assert os.listdir(tmp_path) == ["a.docx"]  # no temp file left behind


def test_unwritable_directory(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "missing" / "a.docx", b"x")

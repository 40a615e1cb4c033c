"""Hostile Word packages and text files: refused with a clear error before any parsing
(issue 17, item 2), in every command that reads one — lint, extract, ``render --template``
and ``template check`` — through the one reader (``Package.read``).

Every package here is made by hand from a real python-docx document; each is a kind of
file an outside review used against annexgen (zip bombs, odd ZIP members, odd XML).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from annexgen.cli import main
from annexgen.errors import DocumentError
from annexgen.reading import documents
from annexgen.reading.documents import read_document
from annexgen.word import package as package_module

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "000-hugs-not-drugs.yaml"


def _docx(*paragraphs: str) -> bytes:
    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The package with each member passed through ``change`` (``None`` drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            new = change(info.filename, src.read(info))
            if new is not None:
                dst.writestr(info.filename, new, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _body(xml: bytes, inner: bytes) -> bytes:
    """document.xml with ``inner`` put first in the body."""
    return xml.replace(b"<w:body>", b"<w:body>" + inner, 1)


def _bomb(paragraphs: int) -> bytes:
    empty = b"<w:p/>" * paragraphs
    return _rewrite(
        _docx("Pielikums"),
        lambda n, d: _body(d, empty) if n == "word/document.xml" else d,
    )


def _set_flag(data: bytes, member: str, flag: int) -> bytes:
    """Set a general-purpose flag bit of ``member`` in its local and central headers."""
    raw = bytearray(data)
    name = member.encode()
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (i := raw.find(signature, start)) >= 0:
            start = i + 4
            name_at = i + (30 if signature == b"PK\x03\x04" else 46)
            if raw[name_at : name_at + len(name)] == name:
                (flags,) = struct.unpack_from("<H", raw, i + offset)
                struct.pack_into("<H", raw, i + offset, flags | flag)
    return bytes(raw)


def _set_method(data: bytes, member: str, method: int) -> bytes:
    raw = bytearray(data)
    name = member.encode()
    for signature, offset, name_offset in ((b"PK\x03\x04", 8, 30), (b"PK\x01\x02", 10, 46)):
        start = 0
        while (i := raw.find(signature, start)) >= 0:
            start = i + 4
            if raw[i + name_offset : i + name_offset + len(name)] == name:
                struct.pack_into("<H", raw, i + offset, method)
    return bytes(raw)


def _member(name: str, new: bytes) -> Callable[[bytes], bytes]:
    def make(data: bytes) -> bytes:
        return _rewrite(data, lambda n, d: new if n == name else d)

    return make


def _in_document(change: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def make(data: bytes) -> bytes:
        return _rewrite(data, lambda n, d: change(d) if n == "word/document.xml" else d)

    return make


#: name → (how the package is made from a good one, words the error must contain)
BAD_PACKAGES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "malformed-rels": (_member("word/_rels/document.xml.rels", b"<Relationships"), "well-formed"),
    "undefined-entity": (
        _in_document(lambda x: _body(x, b"<w:p><w:r><w:t>&nope;</w:t></w:r></w:p>")),
        "well-formed",
    ),
    "dtd": (
        _in_document(lambda x: x.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY a "b">]>', 1)),
        "DTD",
    ),
    "compression-99": (lambda d: _set_method(d, "word/document.xml", 99), "ZIP"),
    "encrypted-flag": (lambda d: _set_flag(d, "word/document.xml", 0x1), "password"),
    "truncated": (lambda d: d[: len(d) // 2], "ZIP"),
    "utf16-lone-surrogate": (
        _member(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-16"?><w:document/>'.encode("utf-16-le")
            + b"\x00\xd8a\x00",
        ),
        "well-formed",
    ),
    "zip-bomb-ratio": (lambda d: _bomb(400_000), "packed"),
    "not-a-zip": (lambda d: b"PK\x03\x04 this is not a zip", "ZIP"),
}


def _write(tmp_path: Path, name: str) -> Path:
    make, _ = BAD_PACKAGES[name]
    path = tmp_path / f"{name}.docx"
    path.write_bytes(make(_docx("Pielikums", "Projekta „Tests” apraksts")))
    return path


@pytest.mark.parametrize("name", sorted(BAD_PACKAGES))
def test_lint_and_extract_refuse_a_bad_package_clearly(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name)
    expected = BAD_PACKAGES[name][1]
    with pytest.raises(DocumentError, match=expected) as info:
        read_document(path)
    assert info.value.location.file == str(path)
    for command in (["lint", str(path)], ["extract", str(path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code in (1, 2), (command, result.output)
        assert "Traceback" not in result.output
        assert expected in result.stderr + result.stdout, result.output


@pytest.mark.parametrize("name", sorted(BAD_PACKAGES))
def test_templates_refuse_a_bad_package_clearly(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name)
    expected = BAD_PACKAGES[name][1]
    check = CliRunner().invoke(main, ["template", "check", str(path)])
    render = CliRunner().invoke(
        main, ["render", str(EXAMPLE), "--template", str(path), "-o", str(tmp_path / "o.docx")]
    )
    for result in (check, render):
        assert result.exit_code != 0
        assert "Traceback" not in result.output
        assert expected in result.output, result.output
    assert not (tmp_path / "o.docx").exists()


def test_a_zip_bomb_is_refused_from_its_directory_before_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_bomb(400_000))  # 2.4 MB of empty paragraphs packed into a few KB
    unpacked: list[str] = []
    real_read = zipfile.ZipFile.read

    def read(self: zipfile.ZipFile, name: object, *args: object) -> bytes:
        unpacked.append(str(name))
        return real_read(self, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "read", read)
    with pytest.raises(DocumentError, match=r"word/document.xml is packed \d+:1, more than 100:1"):
        read_document(path)
    assert unpacked == []


def test_part_and_tag_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.docx"
    path.write_bytes(_docx(*["Rinda"] * 300))
    read_document(path)  # within the limits
    monkeypatch.setattr(package_module, "MAX_TAGS", 1000)
    with pytest.raises(DocumentError, match="its XML has more than 1000 tags"):
        read_document(path)
    monkeypatch.setattr(package_module, "MAX_TAGS", 2_000_000)
    monkeypatch.setattr(package_module, "MAX_PART", 10_000)
    with pytest.raises(DocumentError, match="unpacks to more than 0 MB"):
        read_document(path)


def test_paragraph_and_character_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.docx"
    path.write_bytes(_docx(*[f"Rinda {n}" for n in range(50)]))
    monkeypatch.setattr(documents, "MAX_BLOCKS", 50)
    assert len(read_document(path).blocks) == 50  # at the limit
    monkeypatch.setattr(documents, "MAX_BLOCKS", 49)
    with pytest.raises(DocumentError, match="more than 49 paragraphs, cells or lines"):
        read_document(path)
    text = tmp_path / "long.txt"
    text.write_text("a" * 101, encoding="utf-8")
    monkeypatch.setattr(documents, "MAX_DOCUMENT_CHARS", 100)
    with pytest.raises(DocumentError, match="more than 100 characters of text"):
        read_document(text)


def test_input_size_limit_is_checked_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Līdz 2013. gada 5. decembrim\n" * 100, encoding="utf-8")
    with pytest.raises(DocumentError, match="lint and extract read at most"):
        read_document(path)
    result = CliRunner().invoke(main, ["lint", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_utf16_text_with_a_lone_surrogate_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe" + "Līdz ".encode("utf-16-le") + b"\x00\xd8" + b"a\x00")
    with pytest.raises(DocumentError, match="broken UTF-16 text"):
        read_document(path)
    for command in ("lint", "extract"):
        result = CliRunner().invoke(main, [command, str(path)])
        assert result.exit_code == 1
        assert "broken UTF-16 text" in result.output
        assert "Traceback" not in result.output


def test_a_named_pipe_is_refused_not_waited_for(tmp_path: Path) -> None:
    import os  # noqa: PLC0415

    if not hasattr(os, "mkfifo"):  # pragma: no cover - Windows
        pytest.skip("no named pipes here")
    fifo = tmp_path / "annex.txt"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(fifo)  # on a FIFO, open() alone would block forever

"""Helpers for render tests: read documents back, make modified templates."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx

from annexgen.word.templates import bundled_template


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph of the body, table cells included, in document order."""
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []

    def walk(items: Any) -> None:
        for item in items:
            if hasattr(item, "rows"):
                for row in item.rows:
                    for cell in row.cells:
                        walk(cell.iter_inner_content())
            else:
                out.append(item.text)

    walk(document.iter_inner_content())
    return out


def text(data: bytes) -> str:
    return "\n".join(paragraphs(data))


def template_with(kind: str, old: str, new: str, part: str = "word/document.xml") -> bytes:
    """The bundled template with ``old`` replaced by ``new`` in one XML part."""
    src = zipfile.ZipFile(io.BytesIO(bundled_template(kind)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == part:
                xml = content.decode("utf-8")
                assert old in xml, old
                content = xml.replace(old, new, 1).encode("utf-8")
            dst.writestr(info, content)
    return out.getvalue()

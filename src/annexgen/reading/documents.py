"""Read existing annexes (.docx or plain text) as located pieces of text.

Why a module of its own: both ``annexgen lint`` and ``annexgen extract`` read
documents that *anyone* made — Word files typed by clerks, text copied out of
them — and both must say *where* something is ("table 1 row 5 cell 2",
"line 12"), because a clerk fixes the document, not our model of it.

Two views of one document:

* :attr:`Document.blocks` — every piece of text in reading order, each with a
  human position: body paragraphs, table cells (nested tables too), paragraphs
  inside text boxes (Word puts annex marks there), headers and footers. The
  linter scans these.
* :attr:`Document.rows` — the label/value pairs of the annex table: a Word
  table row (first cell = label, the other cells = value) or, in text files
  laid out like the seeds, ``Label<TAB>Value`` lines and the looser
  ``<TAB>Label`` / ``<TAB>Value`` layout with continuation lines. The
  extractor maps these to model fields.

The .docx text is taken from the WordprocessingML directly rather than from
``Paragraph.text``: python-docx skips paragraphs inside block-level content
controls (``w:sdt``) and text boxes, and text boxes appear twice in the XML
(``mc:Choice`` and its ``mc:Fallback``); reading the XML once, on purpose,
gets each piece of text exactly once.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from lxml import etree

from annexgen.errors import DocumentError, TemplateError
from annexgen.inputs import NotRegularFile, TooLarge, read_bounded
from annexgen.messages import Param, os_reason
from annexgen.word.package import Package, parse_strict

__all__ = [
    "MAX_BLOCKS",
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_CHARS",
    "Document",
    "DocumentRow",
    "DocumentTable",
    "TextBlock",
    "read_document",
    "read_package",
    "read_text",
]

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One piece of text and where it is.

    ``position`` is what a clerk can find in Word ("paragraph 12",
    "table 1 row 3 cell 2", "header 1 paragraph 1") or in a text editor
    ("line 7"). ``line`` is the 1-based line number for text files (``None``
    for .docx); a finding at offset *k* of ``text`` is at column *k + 1*.
    """

    text: str
    position: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A label/value pair of the annex table, as written (not yet interpreted)."""

    label: str
    value: str
    position: str
    line: int | None = None
    #: the value's paragraphs (cell paragraphs, or value lines of a text file);
    #: ``value`` joins them with line breaks. Derived, so not part of equality.
    paragraphs: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class DocumentTable:
    """A Word table as a grid: one string per grid column (merged cells: text in the
    first column they span, ``""`` in the others). For lint rules and extract that
    need columns — a „Kopā” row's figure sits under the column it sums."""

    position: str  # "table 2"
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: its source path, text blocks, label/value rows and tables."""

    path: str
    blocks: tuple[TextBlock, ...]
    rows: tuple[DocumentRow, ...] = field(default=())
    tables: tuple[DocumentTable, ...] = field(default=())


#: Largest file ``lint`` and ``extract`` read (a .docx with photos is a few MB; the
#: text of a long annex a few dozen KB). Refused before reading (issue 17: a
#: 50 MB .txt took 69 s and 1.65 GB).
MAX_DOCUMENT_BYTES: Final = 32 * 1024 * 1024
#: Most characters of text read from one document (about 600 pages).
MAX_DOCUMENT_CHARS: Final = 2_000_000
#: Most pieces of text (paragraphs, table cells, lines) read from one document.
MAX_BLOCKS: Final = 100_000


def read_document(path: str | Path) -> Document:
    """Read a .docx or .txt file; :class:`DocumentError` says why one cannot be read."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in {".docx", ".txt", ".text"}:
        if not p.suffix:
            raise DocumentError(code="document-no-extension", file=str(p))
        raise DocumentError(code="document-wrong-type", params={"suffix": p.suffix}, file=str(p))
    data = _read_bytes(p)
    if suffix == ".docx":
        document = _read_docx(data, p)
    else:
        document = read_text(_decode(data, p), path=str(p))
    _check_volume(document)
    return document


def _check_volume(document: Document) -> None:
    if len(document.blocks) > MAX_BLOCKS:
        raise DocumentError(
            file=document.path, code="document-too-many-blocks", params={"limit": MAX_BLOCKS}
        )
    if sum(len(b.text) for b in document.blocks) > MAX_DOCUMENT_CHARS:
        raise DocumentError(
            file=document.path,
            code="document-too-much-text",
            params={"limit": MAX_DOCUMENT_CHARS},
        )


def _read_bytes(path: Path) -> bytes:
    try:
        return read_bounded(path, MAX_DOCUMENT_BYTES)
    except FileNotFoundError:
        raise DocumentError(code="document-not-found", file=str(path)) from None
    except NotRegularFile as err:
        if err.what == "a folder":
            raise DocumentError(code="os-is-a-folder", file=str(path)) from None
        reason: dict[str, Param] = {"reason": os_reason(err)}
        raise DocumentError(code="unreadable-file", params=reason, file=str(path)) from None
    except TooLarge as err:
        params: dict[str, Param] = {"size": err.size, "limit": MAX_DOCUMENT_BYTES // 2**20}
        raise DocumentError(file=str(path), code="document-too-large", params=params) from None
    except OSError as err:
        raise DocumentError(
            code="unreadable-file", params={"reason": os_reason(err)}, file=str(path)
        ) from None


# --- plain text ------------------------------------------------------------------


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:  # a lone surrogate, an odd number of bytes
            params: dict[str, Param] = {"reason": err.reason, "byte": err.start}
            raise DocumentError(
                file=str(path), code="document-broken-utf16", params=params
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # Guessing a code page (cp1257?) could silently turn "ā" into garbage
        # that then "passes" the checks; refusing is the honest answer.
        raise DocumentError(
            code="document-not-utf8",
            params={"byte": f"0x{data[err.start]:02x}", "offset": err.start},
            file=str(path),
        ) from None


def _inline_row(line: str) -> tuple[str, str] | None:
    """``Label<TAB>Value`` on one line: (label, value), both stripped, or ``None``.

    By hand rather than by a pattern: the pattern this replaces (label, tabs and
    value, each with a non-space somewhere) tried every split of a line without
    a tab and took minutes on one long line (issue 17); this reads it once.
    """
    label, tab, rest = line.partition("\t")
    value = rest.lstrip("\t")
    if not tab or not label.strip() or not value.strip():
        return None
    return label.strip(), value.strip()


def read_text(text: str, *, path: str = "<text>") -> Document:
    """Read text laid out like the seed files: one block per line, plus rows.

    Rows come in two layouts (both occur in the seeds): ``Label<TAB>Value`` on
    one line, and a label line starting with a tab followed by a value line
    starting with a tab, where lines without a leading tab continue the label
    (only directly after it) or the value (until the next tab line).
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    blocks = tuple(
        TextBlock(line, f"line {n}", n) for n, line in enumerate(lines, start=1) if line.strip()
    )
    return Document(path, blocks, tuple(_text_rows(lines)))


def _text_rows(lines: list[str]) -> Iterator[DocumentRow]:
    label: list[str] | None = None
    value: list[str] | None = None
    start = 0

    def finish() -> DocumentRow | None:
        if label is None or value is None:
            return None
        return DocumentRow(
            " ".join(part for part in label if part),
            "\n".join(value).strip(),
            f"line {start}",
            start,
            tuple(v.strip() for v in value if v.strip()),
        )

    for n, line in enumerate(lines, start=1):
        inline = _inline_row(line)
        if inline and not line.startswith("\t"):
            row = finish()
            if row:
                yield row
            label = value = None
            yield DocumentRow(inline[0], inline[1], f"line {n}", n, (inline[1],))
        elif line.startswith("\t"):
            if label is None or value is not None:
                row = finish()
                if row:
                    yield row
                label, value, start = [line.strip()], None, n
            else:
                value = [line.strip()]
        elif label is not None and value is None:
            if line.strip():
                label.append(line.strip())
        elif value is not None:
            value.append(line.rstrip())
    row = finish()
    if row:
        yield row


# --- Word ------------------------------------------------------------------------


_HEADER: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def read_package(data: bytes, path: str | Path) -> Package:
    """A .docx through the one reader of Word packages (:meth:`Package.read`: its size,
    ratio and tag limits, no DTDs, no encrypted members), as a :class:`DocumentError`."""
    try:
        return Package.read(data, str(path))
    except TemplateError as err:  # the same words and code as for a template
        raise DocumentError(file=str(path), code=err.code, params=err.params) from None


def _read_docx(data: bytes, path: Path) -> Document:
    package = read_package(data, path)
    main = package.main_part
    rels = {
        rid: part
        for rid, kind, part in package.relationships(main)
        if kind in (_HEADER, _FOOTER) and part in package
    }
    root = _parse(package[main], path)
    body = root.find(_w("body"))
    if body is None:
        raise DocumentError(code="not-word-document", params={"part": "w:body"}, file=str(path))
    reader = _DocxReader()
    blocks: list[TextBlock] = []
    rows: list[DocumentRow] = []
    reader.read_container(body, "", blocks, rows)
    tables = tuple(reader.grids)
    # Headers and footers, per section, in document order; each part once.
    seen: set[str] = set()
    counters = {"header": 0, "footer": 0}
    for ref in root.iter(_w("headerReference"), _w("footerReference")):
        rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        target = rels.get(rid or "")
        if target is None or target in seen:
            continue
        seen.add(target)
        kind = "header" if ref.tag == _w("headerReference") else "footer"
        counters[kind] += 1
        part_root = _parse(package[target], path)
        _DocxReader().read_container(part_root, f"{kind} {counters[kind]} ", blocks, rows)
    return Document(str(path), tuple(blocks), tuple(rows), tables)


def _parse(data: bytes, path: Path) -> etree._Element:
    try:
        root: etree._Element = parse_strict(data)
    except etree.XMLSyntaxError as err:  # pragma: no cover - Package.read parsed it already
        raise DocumentError(
            code="broken-xml", params={"reason": str(err)}, file=str(path)
        ) from None
    return root


_SKIP: Final = frozenset(
    {_w("pPr"), _w("rPr"), _w("del"), _w("instrText"), _w("txbxContent"), f"{{{_MC}}}Fallback"}
)


class _DocxReader:
    """Walks one story (body, header, footer) and numbers what it finds."""

    def __init__(self) -> None:
        self.paragraphs = 0
        self.tables = 0
        self.grids: list[DocumentTable] = []

    def read_container(
        self, node: etree._Element, prefix: str, blocks: list[TextBlock], rows: list[DocumentRow]
    ) -> None:
        for child in node:
            if child.tag == _w("p"):
                self.paragraphs += 1
                where = f"{prefix}paragraph {self.paragraphs}"
                self._paragraph(child, where, blocks)
            elif child.tag == _w("tbl"):
                self.tables += 1
                self._table(child, f"{prefix}table {self.tables}", blocks, rows)
            elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
                self.read_container(child, prefix, blocks, rows)

    def _paragraph(self, p: etree._Element, where: str, blocks: list[TextBlock]) -> None:
        text = paragraph_text(p)
        if text.strip():
            blocks.append(TextBlock(text, where))
        boxes = [
            box
            for box in p.iter(_w("txbxContent"))
            if not any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors())
        ]
        for n, box in enumerate(boxes, start=1):
            inner = _DocxReader()
            inner.read_container(box, f"{where} text box {n} ", blocks, [])

    def _table(
        self, tbl: etree._Element, where: str, blocks: list[TextBlock], rows: list[DocumentRow]
    ) -> None:
        grid: list[tuple[str, ...]] = []
        for r, tr in enumerate(tbl.iter(_w("tr")), start=1):
            if next(tr.iterancestors(_w("tbl"))) is not tbl:
                continue  # a row of a nested table; read with its own table
            cells: list[str] = []
            cell_paragraphs: list[tuple[str, ...]] = []
            spans: list[int] = []
            for c, tc in enumerate(_cells(tr), start=1):
                span = tc.find(f"{_w('tcPr')}/{_w('gridSpan')}")
                value = span.get(_w("val"), "1") if span is not None else "1"
                spans.append(min(int(value), 64) if value.isdigit() and value != "0" else 1)
                cell_where = f"{where} row {r} cell {c}"
                inner = _DocxReader()
                cell_blocks: list[TextBlock] = []
                inner.read_container(tc, f"{cell_where} ", cell_blocks, rows)
                # A cell is one block (its paragraphs joined by line breaks) so
                # a position names the cell; nested tables/text boxes stay apart.
                own = [b for b in cell_blocks if _is_cell_paragraph(b, cell_where)]
                text = "\n".join(b.text for b in own)
                cells.append(text)
                cell_paragraphs.append(tuple(b.text for b in own if b.text.strip()))
                if text.strip():
                    blocks.append(TextBlock(text, cell_where))
                blocks.extend(b for b in cell_blocks if b not in own)
            grid.append(
                tuple(
                    t for text, n in zip(cells, spans, strict=True) for t in (text, *[""] * (n - 1))
                )
            )
            if len(cells) >= 2 and cells[0].strip():
                value = "\n".join(c for c in cells[1:] if c.strip())
                paragraphs = tuple(p for ps in cell_paragraphs[1:] for p in ps)
                label, position = cells[0].strip(), f"{where} row {r}"
                rows.append(DocumentRow(label, value.strip(), position, None, paragraphs))
        self.grids.append(DocumentTable(where, tuple(grid)))


def _is_cell_paragraph(block: TextBlock, cell_where: str) -> bool:
    rest = block.position.removeprefix(f"{cell_where} ")
    return rest.startswith("paragraph ") and " " not in rest.removeprefix("paragraph ")


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == _w("tc"):
            yield child
        elif child.tag in (_w("sdt"), _w("customXml")):
            yield from child.iter(_w("tc"))


def paragraph_text(p: etree._Element) -> str:
    """The visible text of one ``w:p``: runs, tabs, breaks, inserted text.

    Deleted text (tracked changes), field instructions, text boxes (read
    separately) and the compatibility fallback copy are skipped.
    """
    out: list[str] = []
    _collect(p, out)
    return unicodedata.normalize("NFC", "".join(out))


def _collect(node: etree._Element, out: list[str]) -> None:
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP or tag == _w("p"):
            continue
        if tag == _w("t"):
            out.append(child.text or "")
        elif tag == _w("tab") and node.tag == _w("r"):
            out.append("\t")
        elif tag in (_w("br"), _w("cr")):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("\u2011")
        else:
            _collect(child, out)

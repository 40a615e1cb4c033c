"""Rows from the clerk's spreadsheet: a .csv as Excel saves it, or the .xlsx itself.

Clerks keep allocation tables and price lists in Excel. On a Latvian Windows
"Save as CSV" writes Windows-1257 (or UTF-8, with or without a BOM, for
"CSV UTF-8"), separates cells with ``;`` (the list separator of a locale whose
decimal mark is the comma) and writes numbers as they are displayed:
``1 500,00`` with a no-break space. All of that is read here; nothing is
guessed that could change a value: a file that is neither UTF-8 nor
Windows-1257 is refused, not decoded as something else.

An .xlsx is read with openpyxl, values only (``data_only``): a formula's
result is the value Excel saved with the file; no formula is ever evaluated
here. Excel stores numbers as binary floats: a price typed as 12,4 is the
float 12.4000000000000003552…; it is read as Excel shows it, to the 15
significant digits Excel itself keeps (12,4), never as the float's expansion.

This module only *reads*: every cell keeps its place (row, column, as Excel
numbers them) so that the table kind can report each bad value at
``file:row:column``; what a cell must hold is the kind's business.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Final

from annexgen.messages import Param, Phrase, format_param, os_reason
from annexgen.model.fields import MAX_ITEMS

__all__ = [
    "MAX_COLUMNS",
    "MAX_TABLE_BYTES",
    "SUFFIXES",
    "Sheet",
    "SheetCell",
    "TabularError",
    "column_letter",
    "read_sheet",
]

#: Largest spreadsheet accepted (a 1 000-row price list is about 100 KB).
MAX_TABLE_BYTES: Final = 5 * 1024 * 1024
#: Most columns a table may have (A4 landscape holds about 15 readable ones).
MAX_COLUMNS: Final = 40
#: What ``rows_from`` may name.
SUFFIXES: Final = (".csv", ".xlsx")

CellValue = str | int | Decimal | date | None


def column_letter(column: int) -> str:
    """1 → ``A``, 27 → ``AA``: how Excel names a column."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class SheetCell:
    """One cell as the file holds it, and where it is (1-based, as Excel counts)."""

    value: CellValue
    row: int
    column: int
    #: an .xlsx cell formatted as a percentage: Excel stores 21 % as 0.21
    percent: bool = False

    @property
    def ref(self) -> str:
        """``C5``: the cell as the clerk finds it in Excel."""
        return f"{column_letter(self.column)}{self.row}"


@dataclass(frozen=True, slots=True)
class Sheet:
    """The header row and the data rows of one table file."""

    file: str
    header: tuple[SheetCell, ...]
    rows: tuple[tuple[SheetCell, ...], ...]


class TabularError(Exception):
    """A table file that cannot be read at all; ``row``/``column`` when known.

    ``reason`` is the phrase of the message (code and params), so that the
    table kind reports it in the reader's language; ``message`` is its words now.
    """

    def __init__(
        self,
        code: str,
        params: Mapping[str, Param] | None = None,
        *,
        row: int | None = None,
        column: int | None = None,
    ) -> None:
        self.reason = Phrase(code, dict(params or {}))
        super().__init__(format_param(self.reason))
        self.row = row
        self.column = column

    @property
    def message(self) -> str:
        """What is wrong, in the current language."""
        return format_param(self.reason)


def read_sheet(path: Path, *, sheet: str | None = None, name: str | None = None) -> Sheet:
    """Read a .csv or .xlsx table; the first non-empty row is the header.

    ``sheet`` picks an .xlsx worksheet by name (default: the first one).
    ``name`` is how messages name the file (default: the path).
    Raises :class:`TabularError` when the file cannot be read as a table.
    """
    shown = name or str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        if not suffix:
            raise TabularError("tabular-no-extension")
        raise TabularError("tabular-type", {"suffix": suffix})
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise TabularError("document-not-found") from None
    except OSError as err:
        raise TabularError("unreadable-file", {"reason": os_reason(err)}) from None
    if size > MAX_TABLE_BYTES:
        raise TabularError("file-too-large", {"size": size, "limit": MAX_TABLE_BYTES // 1024})
    if suffix == ".csv":
        if sheet is not None:
            raise TabularError("tabular-sheet-xlsx")
        rows = _csv_rows(path)
    else:
        rows = _xlsx_rows(path, sheet)
    rows = [r for r in rows if any(c.value not in (None, "") for c in r)]
    if not rows:
        raise TabularError("tabular-no-rows")
    header, data = rows[0], rows[1:]
    if len(data) > MAX_ITEMS:
        raise TabularError("tabular-too-many-rows", {"count": len(data), "limit": MAX_ITEMS})
    width = max(len(r) for r in rows)
    if width > MAX_COLUMNS:
        raise TabularError("tabular-too-many-columns", {"count": width, "limit": MAX_COLUMNS})
    return Sheet(shown, tuple(header), tuple(tuple(r) for r in data))


# --- CSV -----------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or cp1257."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1257")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise TabularError(
            "tabular-encoding", {"byte": f"0x{raw[err.start]:02x}"}, row=line
        ) from None


def _delimiter(first_line: str) -> str:
    """``;`` (Latvian Excel), ``,`` or a tab, whichever the header row uses most."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def _csv_rows(path: Path) -> list[list[SheetCell]]:
    text = unicodedata.normalize("NFC", _decode(path.read_bytes()))
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first), strict=True)
    rows: list[list[SheetCell]] = []
    line = 1
    try:
        for record in reader:
            rows.append([SheetCell(v, line, c) for c, v in enumerate(record, start=1)])
            line = reader.line_num + 1
    except csv.Error as err:
        raise TabularError("tabular-bad-csv", {"reason": str(err)}, row=line) from None
    return rows


# --- XLSX ----------------------------------------------------------------------------


def _excel_number(value: float) -> Decimal:
    """A float as Excel shows it: 15 significant digits, then exact (12.4 → 12,4)."""
    return Decimal(format(value, ".15g")).normalize()


def _xlsx_value(value: object, fmt: str) -> tuple[CellValue, bool]:
    if value is None or isinstance(value, str):
        return value, False
    if isinstance(value, bool):
        return ("PATIESS" if value else "APLAMS"), False  # the table reports a text
    percent = "%" in fmt
    if isinstance(value, int):
        return Decimal(value) if percent else value, percent
    if isinstance(value, float):
        return _excel_number(value), percent
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            return value.isoformat(sep=" "), False  # a time of day: not a date cell
        return value.date(), False
    if isinstance(value, date):
        return value, False
    return str(value), False


def _xlsx_rows(path: Path, sheet: str | None) -> list[list[SheetCell]]:
    import zipfile  # noqa: PLC0415

    from openpyxl import load_workbook  # noqa: PLC0415 - only tables from Excel need it
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise TabularError("tabular-bad-xlsx", {"reason": str(err)}) from None
    try:
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            raise TabularError(
                "tabular-no-sheet", {"sheet": sheet, "sheets": list(book.sheetnames)}
            )
        rows: list[list[SheetCell]] = []
        for r, cells in enumerate(worksheet.iter_rows(min_row=1, min_col=1), start=1):
            if r > MAX_ITEMS + 50:
                raise TabularError("tabular-sheet-too-many-rows", {"limit": MAX_ITEMS})
            row: list[SheetCell] = []
            for c, cell in enumerate(cells, start=1):
                value, percent = _xlsx_value(
                    cell.value, str(getattr(cell, "number_format", "") or "")
                )
                if isinstance(value, str):
                    value = unicodedata.normalize("NFC", value)
                row.append(SheetCell(value, r, c, percent))
            while row and row[-1].value in (None, ""):
                row.pop()
            rows.append(row)
        return rows
    finally:
        book.close()

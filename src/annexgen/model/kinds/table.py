"""A table annex: allocation tables, price lists with VAT, estimates (issue 16).

Most annexes a council adopts are tables with a „Kopā” row, and clerks keep
their numbers in Excel. This module is the whole kind:

* the data — :class:`TableAnnex`: typed :class:`Column` s and rows written in
  the YAML or read (``rows_from``) from a .csv/.xlsx beside it
  (:mod:`annexgen.model.tabular`);
* the arithmetic — every cell parsed by its column's type into an exact
  :class:`~decimal.Decimal` (never a float), ``vat`` and ``sum`` columns
  computed per row and rounded half up, the total row computed and a
  ``stated`` total checked against it; no formula written by a user is ever
  evaluated, only the two named operations;
* the phrasing — :func:`body`: figures in the Latvian format (``1 234,56``),
  the total in words, column widths and the page orientation.

Every bad cell is reported, all at once, where the clerk can find it:
``annex.yaml:12:18: rows[3].amount`` for rows in the YAML,
``saņēmēji.csv:5:3: C5 Summa, EUR`` for rows from a file.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, ClassVar, Final, Literal, cast

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from annexgen.errors import AnnexgenError, FieldError, LanguageError
from annexgen.i18n import N_
from annexgen.lv import get_currency
from annexgen.lv.figures import (
    format_number,
    format_percent,
    format_short_date,
    is_total_label,
    parse_number,
    round_half_up,
)
from annexgen.messages import Param, Phrase, format_param
from annexgen.model.fields import MAX_ITEMS, AnnexBase, Date, Model, Money, Text
from annexgen.model.kinds.base import Body, Kind
from annexgen.model.tabular import SUFFIXES, SheetCell, TabularError, read_sheet
from annexgen.model.text import clean_text
from annexgen.model.wording import money_text

__all__ = [
    "COLUMN_TYPES",
    "KIND",
    "Column",
    "ColumnType",
    "TableAnnex",
    "Total",
    "Vat",
    "body",
    "table_texts",
]

ColumnType = Literal["text", "row-number", "integer", "decimal", "amount", "percent", "date"]
#: Every column type, in the order the documentation lists them.
COLUMN_TYPES: Final[tuple[str, ...]] = ColumnType.__args__  # type: ignore[attr-defined]
_NUMERIC: Final = frozenset({"integer", "decimal", "amount", "percent"})
_SUMMABLE: Final = frozenset({"integer", "decimal", "amount"})
#: Most decimals a ``decimal`` or ``percent`` column may have.
MAX_PLACES: Final = 6

Key = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        max_length=40,
        description="A short name for the column: letters, digits, _ (e.g. 'amount')",
    ),
]


def _rate(value: object) -> object:
    if isinstance(value, str):
        try:
            return parse_number(value.strip().removesuffix("%").strip())
        except LanguageError:
            raise  # a ValueError with its own code: the loader reports it as this field's
    if isinstance(value, float):
        raise FieldError(code="table-rate-float", params={"value": repr(value)})
    return value


Rate = Annotated[
    Decimal,
    BeforeValidator(_rate),
    Field(ge=0, le=100),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"type": "string"}],
            "description": "Percent, e.g. 21 or '12,5'",
        }
    ),
]


class Vat(Model):
    """A VAT column: ``rate`` percent of column ``of``, per row, rounded half up."""

    of: Key
    rate: Rate


class Column(Model):
    """One column: what its cells hold and how they are printed.

    ``vat`` and ``sum`` make a computed column; ``total`` adds its sum to the
    „Kopā” row; ``personal`` hides its cells in the published (``--public``)
    version (document-rules §3.1).
    """

    #: Not printed as typed: the text rules (model/checks.py) leave them alone.
    not_printed: ClassVar[frozenset[str]] = frozenset({"key", "type", "align", "vat", "sum"})

    key: Key
    label: Text
    type: ColumnType = "text"
    places: Annotated[int, Field(ge=0, le=MAX_PLACES)] | None = Field(
        default=None, description="Decimals of a 'decimal' (default 2) or 'percent' column"
    )
    total: bool = Field(default=False, description="Sum this column in the total row")
    personal: bool = Field(default=False, description="Personal data: hidden with --public")
    vat: Vat | None = Field(default=None, description="Computed: VAT of another column")
    sum: Annotated[list[Key], Field(min_length=1, max_length=40)] | None = Field(
        default=None, description="Computed: the sum of other columns in the row"
    )
    align: Literal["left", "center", "right"] | None = Field(
        default=None, description="Default: numbers right, text left, row numbers centred"
    )

    @property
    def computed(self) -> bool:
        """Whether the cells are computed (``vat``, ``sum``, ``row-number``), not typed."""
        return self.vat is not None or self.sum is not None or self.type == "row-number"

    @property
    def decimals(self) -> int:
        """How many decimals the column's figures have (``None``: as written, percent)."""
        if self.type == "amount":
            return 2
        if self.type == "decimal":
            return 2 if self.places is None else self.places
        if self.type == "percent":
            return MAX_PLACES if self.places is None else self.places
        return 0


class Total(Model):
    """The „Kopā” row: its label, the total in words, and a total to check."""

    not_printed: ClassVar[frozenset[str]] = frozenset({"column"})  # a column key

    label: Text = "Kopā"
    in_words: bool = Field(default=False, description="Write the total in words under the table")
    column: Key | None = Field(
        default=None, description="Which total goes in words (default: the last amount total)"
    )
    stated: Text | dict[str, Text] | None = Field(
        default=None,
        description="The total as the decision states it, e.g. '12 345,67'; checked "
        "(a mapping column key → total when several columns have totals, also written "
        "on one line as 'price: 100,00; vat: 21,00')",
    )

    @field_validator("stated", mode="before")
    @classmethod
    def _stated_on_one_line(cls, value: object) -> object:
        """``price: 100,00; vat: 21,00`` → a mapping: how one text box (the web form)
        holds the totals of several columns. An amount never holds a colon."""
        if not isinstance(value, str) or ":" not in value:
            return value
        pairs = [part.partition(":") for part in value.split(";") if part.strip()]
        return {key.strip(): text.strip() for key, _, text in pairs}


Cell = str | int | Decimal | date | None
_DATE: Final[TypeAdapter[date]] = TypeAdapter(Date)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a cell came from: a YAML path, or a file, row and column."""

    path: tuple[str | int, ...]
    file: str | None = None
    row: int | None = None
    column: int | None = None
    ref: str = ""


_FROM: Final = ("rows_from",)
#: Where a cell came from: a place in a file, or the path of a YAML value.
_Where = _Place | tuple[str | int, ...]
#: A row as read, before parsing: each cell's value and where it came from.
_RawRow = dict[str, tuple[Any, _Where]]


class _Problems:
    """Every problem of a table, collected, then raised as one ValidationError."""

    def __init__(self) -> None:
        self.items: list[InitErrorDetails] = []

    def add(self, place: _Place | tuple[str | int, ...], why: Phrase | Exception) -> None:
        """A problem at ``place``: a phrase, or an error whose phrase it carries."""
        if isinstance(place, tuple):
            place = _Place(place)
        phrase = _phrase(why)
        ctx: dict[str, Any] = {"message": format_param(phrase), "phrase": phrase}
        if place.file is not None:
            ctx.update(file=place.file, line=place.row, column=place.column, field=place.ref)
        self.items.append(
            InitErrorDetails(
                type=PydanticCustomError("annex_table", "{message}", ctx),
                loc=place.path,
                input=None,
            )
        )

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError.from_exception_data("TableAnnex", self.items)


def _phrase(why: Phrase | Exception) -> Phrase:
    """The phrase of a problem: itself, an annexgen error's, or a library's words quoted."""
    if isinstance(why, Phrase):
        return why
    if isinstance(why, AnnexgenError) and why.code is not None:
        return Phrase(why.code, why.params)
    if isinstance(why, TabularError):
        return why.reason
    return Phrase("library-words", {"words": str(why)})


def _unknown(codes: tuple[str, str], word: str, options: Iterable[str], **params: Param) -> Phrase:
    """``no column 'x' (did you mean 'y'?)``: the first code's phrase, or the second's when
    a close match can be suggested."""
    known = list(options)
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return Phrase(codes[1], {**params, "options": known, "suggestion": close[0]})
    return Phrase(codes[0], {**params, "options": known})


_NO_COLUMN: Final = ("table-no-column", "table-no-column-suggest")
_NO_HEADER: Final = ("table-header-unknown", "table-header-unknown-suggest")


def _normal(label: str) -> str:
    """A header as compared: NFC, spaces collapsed (NBSP too), case-folded."""
    return " ".join(unicodedata.normalize("NFC", label).replace("\u00a0", " ").split()).casefold()


class TableAnnex(AnnexBase):
    """A table annex: a title, typed columns, rows, and a computed „Kopā” row.

    Rows are written in the YAML (``rows``: mappings by column key, or lists
    in column order) or read from a .csv/.xlsx beside it (``rows_from``,
    ``sheet``) whose header row names the columns by label or key.
    """

    #: ``--public`` replaces the cells of columns whose ``personal`` flag is set
    #: (redaction reads this: columns field, rows field).
    personal_columns: ClassVar[tuple[str, str]] = ("columns", "rows")
    #: Not printed as typed (file names, settings, column keys): no text rules.
    not_printed: ClassVar[frozenset[str]] = frozenset(
        {"kind", "rows_from", "sheet", "orientation", "currency"}
    )

    kind: Literal["table"]
    title: Text
    intro: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = Field(
        default=[], description="Paragraphs before the table"
    )
    columns: Annotated[list[Column], Field(min_length=1, max_length=40)]
    rows: Annotated[list[dict[str, Any] | list[Any] | str], Field(max_length=MAX_ITEMS)] = Field(
        default=[],
        description="Rows: mappings by column key, or lists in column order, or one text "
        "with the values separated by tabs or ';' (as pasted from Excel)",
    )
    rows_from: Text | None = Field(
        default=None, description="A .csv or .xlsx file beside the YAML holding the rows"
    )
    sheet: Text | None = Field(default=None, description="The .xlsx sheet (default: the first)")
    total: Total | None = Field(default=None, description="The „Kopā” row")
    notes: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = Field(
        default=[], description="Paragraphs after the table"
    )
    currency: str = Field(default="EUR", description="Currency of the amount columns")
    orientation: Literal["auto", "portrait", "landscape"] = Field(
        default="auto", description="auto: landscape when the columns do not fit portrait"
    )

    _totals: dict[str, Decimal] = PrivateAttr(default_factory=dict)
    _source: Path | None = PrivateAttr(default=None)

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        try:
            return get_currency(value).code
        except LanguageError:
            raise  # a ValueError with its own code: reported as this field's finding

    @model_validator(mode="after")
    def _cells(self, info: ValidationInfo) -> TableAnnex:
        problems = _Problems()
        self._check_columns(problems)
        problems.raise_if_any()
        source_rows = self._source_rows(info.context, problems)  # bad rows left out, reported
        stated_rows: list[_RawRow] = []
        rows: list[dict[str, Cell]] = []
        order = _computation_order(self.columns)
        for raw in source_rows:
            if self.rows_from is not None and _is_total_row(raw):
                stated_rows.append(raw)  # the sheet's own „Kopā” row: checked, not printed
                continue
            rows.append(self._parse_row(raw, len(rows) + 1, order, problems))
        if not rows and not problems.items:
            problems.add(("rows",), Phrase("table-no-rows"))
        problems.raise_if_any()
        self.rows = cast(Any, rows)  # parsed: typed cells by column key (see .cells)
        self._totals = self._compute_totals(stated_rows, problems)
        problems.raise_if_any()
        return self

    # --- columns ---------------------------------------------------------------------

    def _check_columns(self, problems: _Problems) -> None:
        by_key: dict[str, Column] = {}
        for i, column in enumerate(self.columns):
            if column.key in by_key:
                problems.add(("columns", i, "key"), Phrase("table-key-twice", {"key": column.key}))
            by_key[column.key] = column
        for i, column in enumerate(self.columns):
            where: tuple[str | int, ...] = ("columns", i)
            if column.vat is not None and column.sum is not None:
                problems.add(where, Phrase("table-vat-and-sum"))
            if column.computed and column.type not in ("amount", "decimal", "row-number"):
                problems.add((*where, "type"), Phrase("table-computed-type"))
            if column.places is not None and column.type not in ("decimal", "percent"):
                problems.add((*where, "places"), Phrase("table-places"))
            if column.total and column.type not in _SUMMABLE:
                problems.add((*where, "total"), Phrase("table-total-type", {"type": column.type}))
            if column.total and i == 0:
                problems.add((*where, "total"), Phrase("table-total-first"))
            if column.personal and (column.total or column.computed):
                problems.add((*where, "personal"), Phrase("table-personal-computed"))
            inputs = [column.vat.of] if column.vat else list(column.sum or [])
            for key in inputs:
                field = "vat" if column.vat else "sum"
                other = by_key.get(key)
                if other is None:
                    problems.add((*where, field), _unknown(_NO_COLUMN, key, by_key, key=key))
                elif other.type not in _SUMMABLE:
                    problems.add(
                        (*where, field),
                        Phrase("table-column-not-number", {"key": key, "type": other.type}),
                    )
                elif other.personal:
                    problems.add((*where, field), Phrase("table-column-personal", {"key": key}))
                elif key == column.key:
                    problems.add((*where, field), Phrase("table-computed-itself"))
        if sum(c.type == "row-number" for c in self.columns) > 1:
            problems.add(("columns",), Phrase("table-row-numbers"))
        if not problems.items:
            try:
                _computation_order(self.columns)
            except ValueError as err:
                problems.add(("columns",), err)
        total = self.total
        if total is not None and total.column is not None:
            chosen = by_key.get(total.column)
            if chosen is None or not chosen.total:
                totals = [c.key for c in self.columns if c.total]
                phrase = (
                    Phrase("table-total-column", {"column": total.column, "totals": totals})
                    if totals
                    else Phrase("table-total-column-none", {"column": total.column})
                )
                problems.add(("total", "column"), phrase)
        if total is not None and not any(c.total for c in self.columns):
            problems.add(("total",), Phrase("table-total-needs-column"))

    # --- where the rows come from ---------------------------------------------------

    def _source_rows(self, context: Any, problems: _Problems) -> list[_RawRow]:
        if self.rows_from is not None:
            if self.rows:
                problems.add(("rows_from",), Phrase("table-rows-twice"))
                return []
            return self._file_rows(context, problems)
        if self.sheet is not None:
            problems.add(("sheet",), Phrase("table-sheet-alone"))
        return list(self._yaml_rows(problems))

    def _yaml_rows(self, problems: _Problems) -> Iterator[_RawRow]:
        keys = [c.key for c in self.columns]
        typed = [c.key for c in self.columns if not c.computed]
        for i, raw in enumerate(self.rows):
            if isinstance(raw, str):  # pasted from Excel (tabs) or typed with ';'
                raw = [v.strip() for v in raw.split("\t" if "\t" in raw else ";")]  # noqa: PLW2901
            if isinstance(raw, list):
                if len(raw) != len(typed):
                    values: dict[str, Param] = {
                        "count": len(raw), "expected": len(typed), "columns": typed
                    }  # fmt: skip
                    problems.add(("rows", i), Phrase("table-row-values", values))
                    continue
                yield {  # a place is made only for a cell with a problem (_Problems.add)
                    k: (v, ("rows", i, j)) for j, (k, v) in enumerate(zip(typed, raw, strict=True))
                }
                continue
            for key in raw:
                if key not in keys:
                    unknown = _unknown(_NO_COLUMN, str(key), keys, key=str(key))
                    problems.add(("rows", i, key), unknown)
            yield {k: (v, ("rows", i, k)) for k, v in raw.items() if k in keys}

    def _file_rows(self, context: Any, problems: _Problems) -> list[_RawRow]:
        assert self.rows_from is not None
        base = context.get("base_dir") if isinstance(context, dict) else None
        relative = Path(self.rows_from)
        if base is None:
            problems.add(("rows_from",), Phrase("table-rows-from-no-file"))
            return []
        if relative.is_absolute() or ".." in relative.parts or relative.drive:
            problems.add(("rows_from",), Phrase("table-rows-from-folder"))
            return []
        if relative.suffix.lower() not in SUFFIXES:
            problems.add(("rows_from",), Phrase("table-rows-from-type"))
            return []
        path = Path(base) / relative
        shown = str(path)
        try:
            sheet = read_sheet(path, sheet=self.sheet, name=shown)
        except TabularError as err:
            if err.row is None:
                problems.add(
                    ("rows_from",),
                    Phrase("table-file-problem", {"file": shown, "reason": err.reason}),
                )
            else:
                problems.add(_Place(("rows_from",), shown, err.row, err.column), err)
            return []
        self._source = path
        return self._map_header(sheet.file, sheet.header, sheet.rows, problems)

    def _map_header(
        self,
        file: str,
        header: tuple[SheetCell, ...],
        rows: tuple[tuple[SheetCell, ...], ...],
        problems: _Problems,
    ) -> list[_RawRow]:
        names: dict[str, Column] = {}
        for column in self.columns:
            names.setdefault(_normal(column.label), column)
            names.setdefault(_normal(column.key), column)
        mapped: dict[int, Column] = {}
        for cell in header:
            name = str(cell.value or "").strip()
            if not name:
                continue
            named = names.get(_normal(name))
            place = _Place(("rows_from",), file, cell.row, cell.column, cell.ref)
            if named is None:
                labels = [c.label for c in self.columns]
                problems.add(place, _unknown(_NO_HEADER, name, labels, name=name))
            elif named in mapped.values():
                problems.add(place, Phrase("table-header-twice", {"label": named.label}))
            else:
                mapped[cell.column] = named
        first = header[0].row if header else 1
        for column in self.columns:
            if not column.computed and column not in mapped.values():
                problems.add(
                    _Place(("rows_from",), file, first, None, "header"),
                    Phrase("table-header-missing", {"label": column.label, "key": column.key}),
                )
        out = []
        for cells in rows:
            row: _RawRow = {}
            for cell in cells:
                target = mapped.get(cell.column)
                if target is not None:
                    ref = f"{cell.ref} {target.label}"
                    row[target.key] = (cell, _Place(_FROM, file, cell.row, cell.column, ref))
                elif cell.value not in (None, ""):
                    place = _Place(_FROM, file, cell.row, cell.column, cell.ref)
                    problems.add(
                        place, Phrase("table-value-no-header", {"value": repr(cell.value)})
                    )
            out.append(row)
        return out

    # --- cells -----------------------------------------------------------------------

    def _parse_row(
        self,
        raw: _RawRow,
        number: int,
        order: list[Column],
        problems: _Problems,
    ) -> dict[str, Cell]:
        row: dict[str, Cell] = {}
        given: dict[str, tuple[Cell, _Where]] = {}
        for column in self.columns:
            key = column.key
            if key not in raw:
                row[key] = None
                continue
            value, place = raw[key]
            try:
                parsed = _parse_cell(column, value)
            except ValueError as err:
                problems.add(place, err)
                parsed = None
            if column.computed:
                given[key] = (parsed, place)
            row[key] = parsed
        for column in order:
            if column.type == "row-number":
                value = number
            elif column.vat is not None:
                base = row.get(column.vat.of)
                value = (
                    round_half_up(base * column.vat.rate / 100, column.decimals)
                    if isinstance(base, Decimal | int)
                    else None
                )
            else:
                parts = [row.get(k) for k in column.sum or []]
                value = (
                    round_half_up(sum((Decimal(p) for p in parts), Decimal(0)), column.decimals)  # type: ignore[arg-type]
                    if all(isinstance(p, Decimal | int) for p in parts)
                    else None
                )
            written, place = given.get(column.key, (None, ()))
            if written is not None and value is not None and written != value:
                differs: dict[str, Param] = {
                    "written": _figure(column, written),
                    "how": _how(column),
                    "value": _figure(column, value),
                    "difference": _signed(column, Decimal(written) - Decimal(value)),  # type: ignore[arg-type]
                }
                problems.add(place, Phrase("table-computed-differs", differs))
            row[column.key] = value
        return row

    # --- totals ----------------------------------------------------------------------

    def _compute_totals(
        self, stated_rows: list[_RawRow], problems: _Problems
    ) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = {}
        for column in self.columns:
            if column.total:
                cells = [r[column.key] for r in self.cells]
                total = sum((Decimal(v) for v in cells if isinstance(v, int | Decimal)), Decimal(0))
                totals[column.key] = round_half_up(total, column.decimals)
        for raw in stated_rows:  # a „Kopā” row in the sheet: its figures must be ours
            for column in self.columns:
                if column.key not in raw or column.key not in totals:
                    continue
                value, place = raw[column.key]
                try:
                    written = _parse_cell(column, value)
                except ValueError as err:
                    problems.add(place, err)
                    continue
                if written is not None and written != totals[column.key]:
                    problems.add(place, _total_message(column, written, totals[column.key]))  # type: ignore[arg-type]
        summary = self.total
        if summary is None:
            return totals
        by_key = {c.key: c for c in self.columns}
        stated = summary.stated
        if isinstance(stated, str):
            key = self._words_column()
            stated = {key: stated} if key else {}
            where: dict[str, tuple[str | int, ...]] = dict.fromkeys(stated, ("total", "stated"))
        else:
            where = {k: ("total", "stated", k) for k in stated or {}}
        for key, text in (stated or {}).items():
            found = by_key.get(key)
            if found is None or key not in totals:
                problems.add(where[key], Phrase("table-not-total-column", {"key": key}))
                continue
            column = found
            try:
                figure = round_half_up(parse_number(text), column.decimals)
                if figure != parse_number(text):
                    raise LanguageError(
                        code="too-many-decimals", params={"value": text, "places": column.decimals}
                    )
            except LanguageError as err:
                problems.add(where[key], err)
                continue
            if figure != totals[key]:
                problems.add(where[key], _total_message(column, figure, totals[key]))
        if summary.in_words:
            key = self._words_column()
            words = by_key.get(key) if key else None
            if words is None or words.type != "amount":
                problems.add(("total", "in_words"), Phrase("table-words-needs-amount"))
            elif not Decimal(0) <= totals[words.key] < 10**12:
                problems.add(("total", "in_words"), Phrase("table-words-negative"))
        return totals

    def _words_column(self) -> str | None:
        """The column whose total is stated and written in words."""
        if self.total is not None and self.total.column is not None:
            return self.total.column
        amounts = [c.key for c in self.columns if c.total and c.type == "amount"]
        summed = [c.key for c in self.columns if c.total]
        return (amounts or summed or [None])[-1]  # type: ignore[list-item]

    @property
    def cells(self) -> list[dict[str, Cell]]:
        """The rows after validation: every cell typed, computed cells filled in."""
        return cast(list[dict[str, Cell]], self.rows)

    @property
    def totals(self) -> dict[str, Decimal]:
        """The computed total of every column with ``total: true``."""
        return dict(self._totals)

    def input_files(self) -> list[Path]:
        """The spreadsheet the rows were read from (a batch re-renders when it changes)."""
        return [self._source] if self._source is not None else []

    @model_serializer(mode="wrap")
    def _serialize(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if info.mode_is_json() and "rows" in data:
            if self.rows_from is not None:
                del data["rows"]  # they live in the file; a saved YAML reads it again
            else:  # what a clerk types: computed cells are computed again on loading
                typed = [c.key for c in self.columns if not c.computed]
                data["rows"] = [
                    {k: r[k] for k in typed if r.get(k) is not None} for r in data["rows"]
                ]
        return data


def _is_total_row(raw: _RawRow) -> bool:
    """A sheet row whose first filled cell says „Kopā” (or „Pavisam”)."""
    for value, _ in raw.values():
        shown = value.value if isinstance(value, SheetCell) else value
        if shown in (None, ""):
            continue
        return isinstance(shown, str) and is_total_label(shown)
    return False


def _computation_order(columns: list[Column]) -> list[Column]:
    """Computed columns, each after the columns it is computed from."""
    by_key = {c.key: c for c in columns}
    order: list[Column] = []
    state: dict[str, str] = {}

    def visit(column: Column, chain: list[str]) -> None:
        if state.get(column.key) == "done":
            return
        if state.get(column.key) == "visiting":
            raise FieldError(code="table-computed-cycle", params={"chain": " → ".join(chain)})
        state[column.key] = "visiting"
        for key in [column.vat.of] if column.vat else list(column.sum or []):
            if key in by_key:
                visit(by_key[key], [*chain, key])
        state[column.key] = "done"
        if column.computed:
            order.append(column)

    for column in columns:
        visit(column, [column.key])
    return order


# --- one cell ------------------------------------------------------------------------


def _parse_cell(column: Column, value: Any) -> Cell:
    """A cell's value as its column's type, or ``ValueError`` saying what was expected."""
    percent = False
    if isinstance(value, SheetCell):
        percent = value.percent
        value = value.value
    if isinstance(value, bool | dict | list):
        raise FieldError(code="table-cell-structure", params={"type": type(value).__name__})
    if isinstance(value, float):
        raise FieldError(code="table-cell-float", params={"value": repr(value)})
    if isinstance(value, str):
        value = clean_text(value)  # a TextError is a ValueError with its own code
        if not value.strip():
            return None
        if column.type != "text":
            value = value.strip()
    if value is None:
        return None
    kind = column.type
    if kind == "text":
        if isinstance(value, date):
            return format_short_date(value)
        return str(value)
    if kind == "date":
        if isinstance(value, date):
            return value
        try:
            return _DATE.validate_python(str(value))
        except ValidationError as err:
            cause = err.errors()[0].get("ctx", {}).get("error")
            if isinstance(cause, AnnexgenError):
                raise cause from None
            words = {"words": err.errors()[0]["msg"].removeprefix("Value error, ")}
            raise FieldError(code="library-words", params=words) from None
    if isinstance(value, date):
        raise FieldError(code="table-cell-date", params={"date": format_short_date(value)})
    number = _number(value, kind, percent)
    if kind in ("integer", "row-number"):
        if number != number.to_integral_value():
            raise FieldError(code="table-cell-whole", params={"value": repr(value)})
        return int(number)
    places = column.decimals
    rounded = round_half_up(number, places)
    if number != rounded:
        shown = format_number(number, _places_of(number))
        code = "table-cell-decimals-amount" if kind == "amount" else "table-cell-decimals"
        raise FieldError(code=code, params={"number": shown, "places": places})
    if kind == "percent":
        return number.quantize(Decimal(1)) if number == int(number) else number.normalize()
    return rounded


def _number(value: Any, kind: str, percent: bool) -> Decimal:
    if isinstance(value, int | Decimal):
        number = Decimal(value)
        return number * 100 if percent and kind == "percent" else number
    text = str(value)
    if kind == "row-number":
        text = text.removesuffix(".")  # "1." as tables number their rows
    if kind == "percent":
        text = text.removesuffix("%").strip()
    elif kind == "amount":
        code = text[-3:].upper()
        if len(text) > 4 and text[-4] in " \u00a0" and code.isalpha():
            text = text[:-4].strip()  # "1 500,00 EUR"
        text = text.removesuffix("€").strip()
    try:
        return parse_number(text)
    except LanguageError:
        example = {"amount": "1 234,56", "percent": "21 %", "integer": "12"}.get(kind, "12,5")
        raise FieldError(
            code="table-cell-number", params={"example": example, "value": repr(value)}
        ) from None


def _places_of(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


# --- phrasing ------------------------------------------------------------------------


def _figure(column: Column, value: Cell) -> str:
    """A cell as the table prints it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value  # text, or a placeholder put in by --public
    if isinstance(value, date):
        return format_short_date(value)
    kind = column.type
    if kind == "row-number":
        return f"{value}."
    if kind == "percent":
        return format_percent(Decimal(value), column.places)
    if kind == "integer":
        return format_number(int(value))
    return format_number(Decimal(value), column.decimals)


def _signed(column: Column, value: Decimal) -> str:
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return sign + _figure(column, abs(value))


def _how(column: Column) -> Phrase:
    if column.vat is not None:
        rate: dict[str, Param] = {"rate": format_percent(column.vat.rate), "of": column.vat.of}
        return Phrase("table-how-vat", rate)
    if column.sum is not None:
        return Phrase("table-how-sum", {"columns": " + ".join(f"'{k}'" for k in column.sum)})
    return Phrase("table-how-position")


def _total_message(column: Column, stated: Decimal, computed: Decimal) -> Phrase:
    params: dict[str, Param] = {
        "label": column.label,
        "stated": _figure(column, stated),
        "computed": _figure(column, computed),
        "difference": _signed(column, stated - computed),
    }
    return Phrase("table-stated-total", params)


def _alignment(column: Column) -> str:
    if column.align is not None:
        return column.align
    if column.type in ("row-number", "date"):
        return "center"
    return "right" if column.type in _NUMERIC else "left"


# Layout: A4 in twentieths of a point, margins 30/15/20/20 mm (document-rules §1.9),
# as templates/build_templates.py lays out the page.
PAGE_W: Final = 11906
PAGE_H: Final = 16838
MARGINS: Final = 1701 + 850
#: Cell margins left + right (the TableGrid style's 108 twips each).
CELL_PADDING: Final = 216
#: A text column is never narrower than this, unless its longest text is shorter.
MIN_TEXT_WIDTH: Final = 1400
#: Widths of Times New Roman characters at the table's 11 pt, in twips (an em is 220):
#: most letters and digits about half an em; these are narrower or wider.
_DEFAULT_CHAR: Final = 112
_NARROW: Final = "iljtf.,:;'!|()[] \u00a0\u2011"
_WIDE: Final = "mwMW%"
_CAPITAL: Final = "ABCDEFGHKNOPQRSTUVXYZĀČĒĢĪĶĻŅŠŪŽ"
#: How much each of those is narrower or wider than the usual character.
_DELTA: Final = {
    **{ord(c): -46 for c in _NARROW},
    **{ord(c): 78 for c in _WIDE},
    **{ord(c): 38 for c in _CAPITAL},
}


@functools.lru_cache(maxsize=8192)
def _text_width(text: str, bold: bool = False) -> int:
    """Estimated printed width of ``text`` at the table's 11 pt, in twips.

    A table has hundreds of cells: one dictionary look-up a character (ten
    times faster than counting each class with ``str.translate``), and words
    and figures that come again (units, names, round sums) are remembered.
    """
    delta = _DELTA.get
    width = len(text) * _DEFAULT_CHAR + sum([delta(ord(ch), 0) for ch in text])
    return width * 11 // 10 if bold else width


def _longest_word(text: str, bold: bool = False) -> int:
    if " " not in text and "\n" not in text:
        return _text_width(text, bold)
    return max((_text_width(w, bold) for w in text.split()), default=0)


def _layout(
    columns: list[Column], texts: list[list[str]], orientation: str
) -> tuple[list[int], bool]:
    """Column widths (twips) and whether the page is landscape.

    Each column needs at least its longest word (numbers never break: their
    groups are joined by no-break spaces) and a text column at least
    :data:`MIN_TEXT_WIDTH`; when that does not fit the portrait text width,
    the page turns (``orientation: auto``). Space left over goes to the
    columns whose text would otherwise wrap, in proportion to what they lack.
    """
    need: list[int] = []
    want: list[int] = []
    for i, column in enumerate(columns):
        cells = {row[i] for row in texts}  # each distinct text measured once
        full = max([_text_width(column.label, bold=True)] + [_text_width(t) for t in cells])
        if column.type == "text":
            words = {w for t in cells for w in t.split()}
            longest = max([_text_width(w) for w in words] or [0])
        else:  # figures: groups joined by no-break spaces, one word each
            longest = max([_text_width(t) for t in cells] or [0])
        words_width = max(_longest_word(column.label, bold=True), longest)
        minimum = words_width
        if column.type == "text":
            minimum = max(words_width, min(full, MIN_TEXT_WIDTH))
        need.append(minimum + CELL_PADDING)
        want.append(max(minimum, full) + CELL_PADDING)
    portrait = PAGE_W - MARGINS
    landscape = orientation == "landscape" or (orientation == "auto" and sum(need) > portrait)
    available = (PAGE_H if landscape else PAGE_W) - MARGINS
    if sum(need) >= available:
        widths = [n * available // sum(need) for n in need]
    else:
        extra = available - sum(need)
        lacking = [w - n for w, n in zip(want, need, strict=True)]
        if sum(lacking) > extra:
            short = sum(lacking)
            widths = [n + extra * lack // short for n, lack in zip(need, lacking, strict=True)]
        else:
            widths = list(want)
            rest = available - sum(widths)
            growing = [i for i, c in enumerate(columns) if c.type == "text"] or list(
                range(len(columns))
            )
            for i in growing:
                widths[i] += rest // len(growing)
    widths[-1] += available - sum(widths)  # rounding: the table spans the text width
    return widths, landscape


def body(annex: TableAnnex) -> Body:
    """The title, the paragraphs around the table, and the table as printed text.

    The template prints only text (``table.columns[].label``, ``table.rows``:
    lists of cell texts, ``table.total.cells``); the widths, alignments, the
    „Kopā” label's span and the page's orientation are here for the render
    pipeline's layout step (:mod:`annexgen.word.layout`), which applies them
    where Word keeps them — never as template tags inside XML attributes.
    """
    columns = annex.columns
    texts = [[_figure(c, row.get(c.key)) for c in columns] for row in annex.cells]
    total = None
    words = None
    totals = annex.totals
    if annex.total is not None or any(c.total for c in columns):
        label = annex.total.label if annex.total is not None else "Kopā"
        cells = [_figure(c, totals[c.key]) if c.key in totals else "" for c in columns]
        span = next(i for i, c in enumerate(columns) if c.total)
        total = {"label": label, "span": span, "cells": [label, *cells[span:]]}
        if annex.total is not None and annex.total.in_words:
            key = annex._words_column()
            assert key is not None
            money = Money(amount=totals[key], currency=annex.currency)
            words = f"{label}: {money_text(money, annex.options)}"
    measured = [*texts, *([cells] if total else [])]
    widths, landscape = _layout(columns, measured, annex.orientation)
    header = [
        {"label": c.label, "key": c.key, "width": w, "align": _alignment(c)}
        for c, w in zip(columns, widths, strict=True)
    ]
    table = {
        "columns": header,
        "rows": texts,
        "total": total,
        "words": words,
        "intro": list(annex.intro),
        "width": sum(widths),
    }
    width, height = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    page = {
        "width": width,
        "height": height,
        "landscape": landscape,
        "orient": "landscape" if landscape else "portrait",
        "text_width": width - MARGINS,
    }
    return {"title": annex.title, "table": table, "page": page, "paragraphs": list(annex.notes)}


def table_texts(ctx: Body) -> Iterator[str]:
    """Every string of the table the bundled template must print (the lost-text check)."""
    table = ctx.get("table")
    if not table:
        return
    yield from table["intro"]
    for column in table["columns"]:
        yield column["label"]
    for row in table["rows"]:
        yield from row
    if table["total"]:
        yield from table["total"]["cells"]
    if table["words"]:
        yield table["words"]


KIND: Final = Kind(
    name="table",
    model=TableAnnex,
    title=N_("Table (allocation, price list, estimate)"),
    body=body,
    texts=table_texts,
)

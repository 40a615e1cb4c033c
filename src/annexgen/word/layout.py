"""The layout step: what a Word template cannot hold as text, applied after rendering.

Word keeps column widths, alignment, merged cells and the page's orientation
in XML attributes, where a template tag would make the file one Word refuses
(or "repairs") — and one a clerk could no longer open to adapt. So templates
hold tags only in text, and this step of the render pipeline applies the
rest from the context, on both render paths (the fast one,
:mod:`annexgen.word.compiled`, and the docxtpl fallback), between rendering
and :func:`~annexgen.word.package.finish`:

* **column loops** — a row repeated per column with ``{%tc for %}`` gets as many
  grid columns as it has cells (:func:`repair_grids`, docxtpl's repair, so
  that the fast path can render such loops and give docxtpl's result);
* **the data table** — when a kind's ``body()`` puts a ``table`` in the context
  (the table kind, issue 16): the table whose row of cells reads the columns'
  labels gets the columns' widths, their alignment in the rows below it, its
  caption (the title), and a row with fewer cells than columns (the „Kopā”
  row) has its first cell span the columns it lacks (:func:`lay_out_table`);
* **the page** — ``page.landscape`` turns the last section's page, and the
  right-aligned tab stops at the old right margin (the signature's name)
  move to the new one, in the body and in the styles (:func:`turn_page`).

Every element written here is put where the WordprocessingML schema
(ECMA-376 part 1, §17) orders it inside its parent, with values of the
attribute's type (whole twips, ``ST_Jc`` names): Word refuses a document
whose elements are out of order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from copy import copy
from typing import Any, Final, cast

from lxml import etree

from annexgen.word.package import XML_DECLARATION, Package, parse_strict

__all__ = ["CHILD_ORDER", "lay_out", "lay_out_table", "repair_grids", "turn_page"]

W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W: Final = "{" + W + "}"
_STYLES_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

#: The schema's order of the children of the property elements this module
#: writes into (ECMA-376 part 1: CT_PPrBase + CT_PPr §17.3.1.26, CT_TcPr §17.4.70,
#: CT_TblPr §17.4.60, CT_SectPr §17.6.17). ``headerReference``/``footerReference``
#: come first in a section in any order; ``trPr`` is a choice in any order.
CHILD_ORDER: Final[dict[str, tuple[str, ...]]] = {
    "pPr": (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
        "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
        "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
        "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
        "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ),
    "tcPr": (
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
        "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns",
        "cellDel", "cellMerge", "tcPrChange",
    ),
    "tblPr": (
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
        "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
        "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
    ),
    "sectPr": (
        "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
        "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
        "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
        "printerSettings", "sectPrChange",
    ),
}  # fmt: skip
_RANK: Final = {
    parent: {name: i for i, name in enumerate(names)} for parent, names in CHILD_ORDER.items()
}
_RANK["sectPr"]["footerReference"] = _RANK["sectPr"]["headerReference"]
_RANK_BY_TAG: Final = {
    _W + parent: {_W + name: rank for name, rank in ranks.items()}
    for parent, ranks in _RANK.items()
}
_PPR_RANK: Final = _RANK_BY_TAG[_W + "pPr"]
_JC_RANK: Final = _PPR_RANK[_W + "jc"]
_AFTER: Final = len(_PPR_RANK)  # an element the schema list does not name: kept last
#: Alignments a column may ask for, as ``ST_Jc`` writes them (transitional names,
#: which Word 2007 and later and LibreOffice all read).
_JC: Final = {"left": "left", "center": "center", "right": "right"}
_RIGHT_TABS: Final = frozenset({"right", "end"})
_GRID_SPAN: Final = _W + "gridSpan"
_TC_PR: Final = _W + "tcPr"
_TC_W: Final = _W + "tcW"
_P: Final = _W + "p"
_NS: Final = {"w": W}
_COUNT_CELLS: Final = etree.XPath("count(w:tc)", namespaces=_NS)
_HAS_SPAN: Final = etree.XPath("boolean(w:tr/w:tc/w:tcPr/w:gridSpan)", namespaces=_NS)
_PPR: Final = _W + "pPr"
_JC_TAG: Final = _W + "jc"
_VAL: Final = _W + "val"


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _put(parent: Any, name: str, **values: str) -> Any:
    """``parent``'s child ``w:name`` with ``values`` set; made in schema order when missing.

    A table has hundreds of cells, and lxml's ``find`` parses its path each
    time: the children (a handful) are scanned directly, and a new element
    that belongs after all of them (the common case) is appended.
    """
    tag = _W + name
    for element in parent:
        if element.tag == tag:
            break
    else:
        element = parent.makeelement(tag)
        rank = _RANK_BY_TAG[parent.tag]
        mine = rank[tag]
        if not len(parent) or rank.get(parent[-1].tag, len(rank)) < mine:
            parent.append(element)
        else:
            for i, other in enumerate(parent):
                if rank.get(other.tag, len(rank)) > mine:
                    parent.insert(i, element)
                    break
    for key, value in values.items():
        element.set(_W + key, value)
    return element


def _properties(element: Any, name: str) -> Any:
    """The properties element (``w:pPr``, ``w:tcPr``, ``w:tblPr``) of ``element``: first."""
    tag = _W + name
    if len(element) and element[0].tag == tag:
        return element[0]
    for found in element:
        if found.tag == tag:
            return found
    found = element.makeelement(tag)
    element.insert(0, found)
    return found


def _span(properties: Any) -> int:
    """The grid columns a cell spans, from its ``w:tcPr`` (or ``None``)."""
    if properties is None:
        return 1
    for element in properties:
        if element.tag == _GRID_SPAN:
            value = element.get(_W + "val") or ""
            return max(1, int(value)) if value.isdigit() else 1
    return 1


def _cell_properties(cell: Any) -> Any:
    """A cell's ``w:tcPr`` or ``None``, without making one."""
    return cell[0] if len(cell) and cell[0].tag == _TC_PR else None


def _cell_text(cell: Any) -> str:
    return "".join(t.text or "" for t in cell.iter(_W + "t"))


# --- column loops -------------------------------------------------------------------------


def repair_grids(root: Any, *, done: Any = None) -> None:
    """Give every table as many grid columns as its widest row, keeping the table's width.

    What docxtpl does after a ``{%tc for %}`` loop (its documented behaviour,
    so that both render paths give the same grid): when a row has more cells
    than the grid has columns, the columns are scaled down and new ones of the
    new average width added; when no row fills the grid, the columns no row
    reaches are dropped and their width shared among the others. Widths are
    whole twips (``ST_TwipsMeasure``), cut down like docxtpl's. ``done``: a
    table already laid out (:func:`lay_out_table`), whose grid is right.
    """
    for table in root.iter(_W + "tbl"):
        grid = table.find(_W + "tblGrid")
        if grid is None or table is done:
            continue
        columns = grid.findall(_W + "gridCol")
        rows = table.findall(_W + "tr")
        counts = [int(cast(float, _COUNT_CELLS(r))) for r in rows]
        most_cells = max(counts, default=0)
        if most_cells > len(columns) and columns:
            widths = [float(c.get(_W + "w") or 0) for c in columns]
            width = sum(widths)
            if width > 0:
                old, new = width / len(columns), width / most_cells
                for column, w in zip(columns, widths, strict=True):
                    column.set(_W + "w", str(int(w * new / old)))
                for _ in range(most_cells - len(columns)):
                    etree.SubElement(grid, _W + "gridCol", {_W + "w": str(int(new))})
        columns = grid.findall(_W + "gridCol")
        reached = most_cells
        if _HAS_SPAN(table):
            reached = max(
                (sum(_span(_cell_properties(c)) for c in r.iterchildren(_W + "tc")) for r in rows),
                default=0,
            )
        extra = len(columns) - reached
        if extra > 0:
            removed = sum(float(c.get(_W + "w") or 0) for c in columns[-extra:])
            for column in columns[-extra:]:
                grid.remove(column)
            left = columns[:-extra]
            share = int(removed / len(left)) if left else 0
            for column in left:
                column.set(_W + "w", str(int(float(column.get(_W + "w") or 0) + share)))


# --- the data table -----------------------------------------------------------------------


def _find_table(root: Any, labels: Sequence[str]) -> tuple[Any, int] | None:
    """The first table with a row whose cells read ``labels``, and that row's index."""
    wanted = [" ".join(label.split()) for label in labels]
    for table in root.iter(_W + "tbl"):
        for i, row in enumerate(table.findall(_W + "tr")):
            cells = row.findall(_W + "tc")
            if (
                len(cells) == len(wanted)
                and [" ".join(_cell_text(c).split()) for c in cells] == wanted
            ):
                return table, i
    return None


def _fit(widths: Sequence[int], available: int) -> list[int]:
    """``widths`` scaled to ``available`` twips (a template with other margins)."""
    total = sum(widths)
    if total == available or total <= 0 or available <= 0:
        return list(widths)
    fitted = [w * available // total for w in widths]
    fitted[-1] += available - sum(fitted)
    return fitted


def _align(paragraphs: Iterable[tuple[Any, Any]], jc: Any) -> None:
    """Paragraphs (with their ``w:pPr`` or ``None``) aligned as the ``w:jc`` element ``jc``.

    ``w:jc`` comes late in ``w:pPr``: usually a copy of ``jc`` is simply
    appended (copying an element is twice as fast as making one).
    """
    for paragraph, found in paragraphs:
        ppr = found if found is not None else _properties(paragraph, "pPr")
        last = ppr[-1] if len(ppr) else None
        if last is None or _PPR_RANK.get(last.tag, _AFTER) < _JC_RANK:
            ppr.append(copy(jc))
        elif last.tag == _JC_TAG:
            last.set(_VAL, jc.get(_VAL))
        else:
            _put(ppr, "jc", val=jc.get(_VAL))


#: A cell as :func:`_cells` gathers it: a list of its ``w:tc``, its ``w:tcW`` (or
#: None), the grid columns it spans, and its paragraphs with their ``w:pPr``.
_TC, _WIDTH, _SPAN, _PARAGRAPHS = range(4)
_GATHERED: Final = tuple(_W + n for n in ("tr", "tc", "tcW", "gridSpan", "p", "pPr"))


def _cells(table: Any) -> list[list[list[Any]]]:
    """Every row's cells, gathered for the layout in one pass over the table.

    A table has hundreds of cells and lxml's per-element calls dominate: one
    ``iter`` over the elements that matter, in document order (a cell's
    ``tcPr`` before its paragraphs, a paragraph's ``pPr`` right after it),
    costs a third of walking rows, cells and properties. A table nested in a
    cell would confuse the order: such tables are walked row by row.
    """
    tr, tc, tcw, span, p, ppr = _GATHERED
    if next(table.iterdescendants(_W + "tbl"), None) is not None:
        return [
            [
                [cell, _child_of(_cell_properties(cell), tcw), _span(_cell_properties(cell)),
                 [(q, q[0] if len(q) and q[0].tag == ppr else None)
                  for q in cell.iterchildren(p)]]
                for cell in row.iterchildren(tc)
            ]
            for row in table.iterchildren(tr)
        ]  # fmt: skip
    rows: list[list[list[Any]]] = []
    cells: list[list[Any]] = []
    cell: list[Any] = [None, None, 1, []]
    paragraph = None
    for element in table.iter(tr, tc, tcw, span, p, ppr):
        tag = element.tag
        if tag == p:
            paragraph = element
            cell[_PARAGRAPHS].append((element, None))
        elif tag == ppr:
            if paragraph is not None and cell[_PARAGRAPHS]:
                cell[_PARAGRAPHS][-1] = (paragraph, element)
            paragraph = None
        elif tag == tc:
            cell = [element, None, 1, []]
            cells.append(cell)
        elif tag == tr:
            cells = []
            rows.append(cells)
        elif tag == tcw:
            cell[_WIDTH] = element
        else:
            value = element.get(_W + "val") or ""
            cell[_SPAN] = max(1, int(value)) if value.isdigit() else 1
    return rows


def _child_of(parent: Any, tag: str) -> Any:
    return None if parent is None else next(parent.iterchildren(tag), None)


def lay_out_table(
    root: Any, table_ctx: Mapping[str, Any], caption: str, text_width: int
) -> Any | None:
    """Apply the context's widths, alignment and spans to the data table; it, or None.

    ``table_ctx`` is the context's ``table``: ``columns`` with ``label``,
    ``width`` (twips) and ``align``; ``total`` with ``label`` (the „Kopā”
    row's first cell, which keeps the template's alignment). Widths are
    scaled to ``text_width`` when the template's margins differ.
    """
    columns = table_ctx["columns"]
    found = _find_table(root, [c["label"] for c in columns])
    if found is None:
        return None
    table, header = found
    widths = _fit([int(c["width"]) for c in columns], text_width)
    shown = [str(w) for w in widths]
    jcs = {v: etree.Element(_JC_TAG, {_VAL: v}) for v in _JC.values()}
    aligns = [jcs[_JC[str(c["align"])]] for c in columns]
    total = table_ctx.get("total")
    total_label = " ".join(str(total["label"]).split()) if total else None
    properties = _properties(table, "tblPr")
    _put(properties, "tblW", w=str(sum(widths)), type="dxa")
    _put(properties, "tblLayout", type="fixed")
    _put(properties, "tblCaption", val=caption)
    grid = table.find(_W + "tblGrid")
    if grid is None:
        grid = etree.Element(_W + "tblGrid")
        properties.addnext(grid)
    grid[:] = [etree.Element(_W + "gridCol", {_W + "w": w}) for w in shown]
    n = len(widths)
    rows = _cells(table)
    for index, row in enumerate(rows):
        if not row:
            continue
        spans = [cell[_SPAN] for cell in row]
        if sum(spans) < n:  # the „Kopā” label spans the columns before the totals
            first = row[0]
            spans[0] = first[_SPAN] = first[_SPAN] + n - sum(spans)
            _put(_properties(first[_TC], "tcPr"), "gridSpan", val=str(spans[0]))
            if first[_WIDTH] is None:
                first[_WIDTH] = _put(_properties(first[_TC], "tcPr"), "tcW")
        if sum(spans) != n:
            continue  # a row the template made otherwise: left as it is
        # the „Kopā” row's label keeps the template's alignment
        is_total = (
            index == len(rows) - 1
            and total_label is not None
            and total_label == " ".join(_cell_text(row[0][_TC]).split())
        )
        start = 0
        for position, cell in enumerate(row):
            span = cell[_SPAN]
            # a cell's preferred width, where the template gives one (Word writes one in
            # every cell) or it spans, is its columns' width; other cells take the grid's
            if cell[_WIDTH] is not None:
                width = shown[start] if span == 1 else str(sum(widths[start : start + span]))
                cell[_WIDTH].set(_W + "w", width)
                cell[_WIDTH].set(_W + "type", "dxa")
            if index > header and span == 1 and not (is_total and position == 0):
                _align(cell[_PARAGRAPHS], aligns[start])
            start += span
    return table


# --- the page -----------------------------------------------------------------------------


def _twips(element: Any, name: str) -> int:
    try:
        return int(element.get(_W + name) or 0)
    except ValueError:
        return 0


def turn_page(root: Any, landscape: bool) -> tuple[int, int] | None:
    """Turn the last section's page; ``(old, new)`` text widths when it turned, else None.

    Margins stay where they are (the left one is the binding edge,
    document-rules §1.9); only the page's width and height change places.
    """
    body = root.find(_W + "body")
    section = body.find(_W + "sectPr") if body is not None else None
    size = section.find(_W + "pgSz") if section is not None else None
    if section is None or size is None:
        return None
    width, height = _twips(size, "w"), _twips(size, "h")
    if (width > height) == landscape or not width or not height:
        return None
    margins = section.find(_W + "pgMar")
    sides = (_twips(margins, "left") + _twips(margins, "right")) if margins is not None else 0
    size.set(_W + "w", str(height))
    size.set(_W + "h", str(width))
    if landscape:
        size.set(_W + "orient", "landscape")
    else:
        size.attrib.pop(_W + "orient", None)
    return width - sides, height - sides


def text_width(root: Any) -> int | None:
    """Width between the margins of the last section's page, in twips."""
    body = root.find(_W + "body")
    section = body.find(_W + "sectPr") if body is not None else None
    size = section.find(_W + "pgSz") if section is not None else None
    if section is None or size is None:
        return None
    margins = section.find(_W + "pgMar")
    sides = (_twips(margins, "left") + _twips(margins, "right")) if margins is not None else 0
    return _twips(size, "w") - sides


def _move_right_tabs(root: Any, old: int, new: int) -> bool:
    """Right tab stops at ``old`` (the old right margin) move to ``new``."""
    moved = False
    for tab in root.iter(_W + "tab"):
        parent = tab.getparent()
        if (
            parent is not None
            and _local(parent) == "tabs"
            and tab.get(_W + "val") in _RIGHT_TABS
            and _twips(tab, "pos") == old
        ):
            tab.set(_W + "pos", str(new))
            moved = True
    return moved


# --- the step -----------------------------------------------------------------------------


def _serialise(root: Any) -> bytes:
    return XML_DECLARATION.encode("utf-8") + etree.tostring(root, encoding="UTF-8")


def lay_out(
    package: Package,
    produced: dict[str, bytes],
    ctx: Mapping[str, Any],
    *,
    column_loops: bool = False,
) -> tuple[dict[str, bytes], dict[str, Any]]:
    """``produced`` with the layout applied (see the module docstring), and the parts parsed.

    ``package`` is what the parts were rendered from (its styles are the
    template's); ``column_loops``: the body has ``{%tc %}`` loops that this
    render path left unrepaired (the fast path; docxtpl repairs its own).
    Nothing is parsed when there is nothing to do. The parsed parts (parsed
    strictly here, serialised by lxml) go to :func:`~annexgen.word.package.finish`,
    which then need not parse them again.
    """
    table = ctx.get("table")
    page = ctx.get("page")
    if not (column_loops or table or page):
        return produced, {}
    main = package.stories()[0].name  # the body (cached; main_part reads the rels)
    root = parse_strict(produced[main])
    out = dict(produced)
    parsed = {main: root}
    if page is not None:
        turned = turn_page(root, bool(page.get("landscape")))
        if turned is not None and turned[0] != turned[1]:
            old, new = turned
            _move_right_tabs(root, old, new)
            for styles in package.related(main, _STYLES_REL):
                styles_root = parse_strict(produced.get(styles) or package[styles])
                if _move_right_tabs(styles_root, old, new):
                    out[styles] = _serialise(styles_root)
                    parsed[styles] = styles_root
    laid = None
    if table:
        width = text_width(root)
        caption = str(ctx.get("title") or "")
        laid = lay_out_table(root, table, caption, width or int(table["width"]))
    if column_loops:  # the other tables of the body (the data table's grid is set)
        repair_grids(root, done=laid)
    out[main] = _serialise(root)
    return out, parsed

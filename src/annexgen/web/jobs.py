"""The work the web form hands to its worker processes (:mod:`annexgen.web.workers`).

Each function takes and returns plain picklable values, runs the same library
code as the command line (``check``, ``render``, ``extract``, ``lint``) and
never touches the event loop. What a clerk reads comes back in the language
of the request (:func:`speaking` runs a job in it; findings by their code,
:mod:`annexgen.web.messages`) and tied to the input it is about.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import BaseModel, ValidationError

from annexgen.errors import AnnexgenError, DataError, Finding
from annexgen.i18n import gettext, ngettext, use_language
from annexgen.model.kinds import REGISTRY
from annexgen.model.loading import check_data, load_annex_text
from annexgen.model.saving import dump_annex
from annexgen.model.tabular import SUFFIXES as SHEET_SUFFIXES
from annexgen.output import safe_name
from annexgen.web.form import (
    cell_text,
    form_to_data,
    form_values,
    grids,
    group_paths,
    known_input,
)
from annexgen.web.messages import words_of
from annexgen.web.pages import render_fragment

__all__ = [
    "Refused",
    "Unreadable",
    "check_document",
    "make_docx",
    "make_pdf",
    "make_yaml",
    "open_file",
    "open_files",
    "speaking",
    "validate",
]

#: Placeholder shown in previews where a required text is still missing.
_MISSING: Final = "…"


def speaking(lang: str, function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in the clerk's language ``lang`` (the request's): every word a
    job returns — findings, notes, fragments of the page — is made in it."""
    with use_language(lang):
        return function(*args)


def _dotted(field: str | None) -> str:
    return (field or "").replace("[", ".").replace("]", "")


def _target(kind: str, path: str) -> str:
    """The input (or group) a problem at ``path`` is shown next to: the longest known prefix."""
    groups = group_paths(kind)
    parts = path.split(".") if path else []
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if known_input(kind, candidate) or _pattern(candidate) in groups:
            return candidate
    return ""


def _pattern(name: str) -> str:
    return ".".join("#" if p.isdigit() else p for p in name.split("."))


def problems_by_input(kind: str, problems: list[Finding]) -> dict[str, list[dict[str, str]]]:
    """Messages in the current language keyed by the input name (or group path; "" for
    the whole annex)."""
    out: dict[str, list[dict[str, str]]] = {}
    for problem in problems:
        target = _target(kind, _dotted(problem.location.field))
        out.setdefault(target, []).append(
            {"severity": problem.severity, "message": words_of(problem)}
        )
    return out


def _best_effort(kind: str, data: dict[str, Any]) -> tuple[BaseModel | None, set[str]]:
    """A model for previews even while some fields are wrong.

    Wrong values are left out and missing texts shown as "…", so the clerk sees
    the rest of the document while fixing one field. Lists whose rows had to be
    dropped are returned, so that no preview is shown against the wrong row.
    """
    model = REGISTRY[kind].model
    unreliable: set[str] = set()
    for _ in range(6):
        try:
            return model.model_validate(data), unreliable
        except ValidationError as err:
            for error in err.errors(include_url=False):
                _drop(data, tuple(error["loc"]), error["type"] == "missing", unreliable)
        except (ValueError, AnnexgenError):
            return None, unreliable
    return None, unreliable


def _drop(data: Any, loc: tuple[Any, ...], missing: bool, unreliable: set[str]) -> None:
    """Leave out the value an error is about (or put "…" where a text is missing)."""
    container: Any = None
    key: Any = None
    node: Any = data
    walked: list[str] = []
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            container, key, node = node, part, node[part]
        elif missing and isinstance(node, dict) and part == loc[-1]:
            node[part] = _MISSING
            return
        else:
            break
        walked.append(str(part))
    if isinstance(container, dict):
        container.pop(key, None)
    elif isinstance(container, list):
        container.pop(key)
        unreliable.add(".".join(walked[:-1]))


def _previews(annex: BaseModel, ctx: dict[str, Any], unreliable: set[str]) -> dict[str, str]:
    """What the document says for each part of the form, keyed by input or group name."""
    out: dict[str, str] = {}
    if ctx["mark"]:
        out["decision"] = "\n".join(ctx["mark"]["lines"])
    if ctx["signature"]:
        sig = ctx["signature"]
        out["signatory"] = "\n".join(
            p for p in (sig["position"], sig.get("acting"), sig["name"]) if p
        )
    for name in ("title", "project_name"):
        if name in type(annex).model_fields:
            out[name] = ctx["title"]
    generic = 0
    for row in ctx["rows"]:
        key = row["key"]
        if key == "row":  # the generic annex's rows, in list order
            out[f"rows.{generic}"] = f"{row['label']}\n" + "\n".join(row["paragraphs"])
            generic += 1
            continue
        if key not in type(annex).model_fields:
            continue
        texts = row["paragraphs"] or [f"{i}. {e}" for i, e in enumerate(row["entries"], 1)]
        out[key] = f"{row['label']}\n" + "\n".join(texts)
        items = getattr(annex, key)
        if isinstance(items, list) and len(items) == len(texts) and key not in unreliable:
            for i, text in enumerate(texts):
                out[f"{key}.{i}"] = text
    if "rows" in unreliable:
        out = {k: v for k, v in out.items() if not k.startswith("rows.")}
    for i, block in enumerate(ctx["blocks"]):
        if "blocks" not in unreliable:
            out[f"blocks.{i}"] = block["text"] or "\n".join(f"• {b}" for b in block["bullets"])
    if ctx["disclaimer"]:
        out["project"] = ctx["disclaimer"]
        out["disclaimer"] = ctx["disclaimer"]
    out.update(_computed_cells(annex))
    return out


def _computed_cells(annex: BaseModel) -> dict[str, str]:
    """A table's computed cells (VAT, sums, row numbers) as the grid shows them, read-only."""
    out: dict[str, str] = {}
    for grid in grids(str(getattr(annex, "kind"))):  # noqa: B009 - every annex has a kind
        columns = getattr(annex, grid.columns_path, [])
        computed = [c for c in columns if getattr(c, "computed", False)]
        for i, row in enumerate(getattr(annex, "cells", [])):
            for column in computed:
                out[f"{grid.path}.{i}.{column.key}"] = cell_text(column, row.get(column.key))
    return out


def _status(ok: bool, problems: list[Finding]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    if ok:
        return gettext("No errors: the document can be downloaded.")
    return ngettext("{count} error to correct.", "{count} errors to correct.", errors).format(
        count=errors
    )


def validate(kind: str, values: dict[str, str]) -> dict[str, Any]:
    """Check the form like ``annexgen check``; previews of what the document will say."""
    from annexgen.word.context import build_context  # noqa: PLC0415 - worker side only

    data = form_to_data(values, kind)
    annex, problems = check_data(data)
    ok = annex is not None and not any(p.severity == "error" for p in problems)
    unreliable: set[str] = set()
    if annex is None:
        annex, unreliable = _best_effort(kind, form_to_data(values, kind))
    previews: dict[str, str] = {}
    document = ""
    if annex is not None:
        try:
            ctx = build_context(annex)
        except (ValueError, AnnexgenError):
            ctx = None
        if ctx is not None:
            previews = _previews(annex, ctx, unreliable)
            document = render_fragment("document.html", ctx=ctx, complete=ok)
    return {
        "ok": ok,
        "status": _status(ok, problems),
        "problems": problems_by_input(kind, problems),
        "findings": [p.as_dict() for p in problems],  # the same as `check --format json`
        "previews": previews,
        "document": document,
    }


class Refused(Exception):
    """The form's data has errors: nothing is made; the problems go back to the page."""

    def __init__(self, problems: dict[str, list[dict[str, str]]]) -> None:
        super().__init__(problems)  # the args are what crosses back from the worker
        self.problems = problems


def _valid(kind: str, values: dict[str, str]) -> Any:
    annex, problems = check_data(form_to_data(values, kind))
    if annex is None or any(p.severity == "error" for p in problems):
        raise Refused(problems_by_input(kind, problems))
    return annex


def make_docx(kind: str, values: dict[str, str]) -> tuple[bytes, str]:
    """The .docx ``annexgen render`` makes from the same data, and its title."""
    from annexgen.word.render import render  # noqa: PLC0415 - worker side only

    annex = _valid(kind, values)
    return render(annex), _title(annex)


def make_pdf(kind: str, values: dict[str, str]) -> tuple[bytes, str]:
    """The PDF of :func:`make_docx`'s document (tagged, like ``render --pdf``)."""
    from annexgen.word.pdf import docx_to_pdf  # noqa: PLC0415 - worker side only
    from annexgen.word.render import render  # noqa: PLC0415

    annex = _valid(kind, values)
    return docx_to_pdf(render(annex), timeout=PDF_TIMEOUT), _title(annex)


#: LibreOffice's own limit for one PDF inside a worker (the worker's is a little longer).
PDF_TIMEOUT: Final = 60.0


def make_yaml(kind: str, values: dict[str, str]) -> tuple[bytes, str]:
    """The YAML file ``annexgen check``, ``render`` and ``batch`` read."""
    annex = _valid(kind, values)
    return dump_annex(annex).encode("utf-8"), _title(annex)


def _title(annex: Any) -> str:
    return str(getattr(annex, "project_name", None) or getattr(annex, "title", "") or "pielikums")


class Unreadable(Exception):
    """An opened file that cannot be read; ``lines`` say why, in the clerk's language."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.lines = lines


_ANNEX_SUFFIXES: Final = (".yaml", ".yml", ".docx", ".txt")


def _suffix(name: str, allowed: tuple[str, ...] = _ANNEX_SUFFIXES + SHEET_SUFFIXES) -> str:
    lower = name.lower()
    for suffix in allowed:
        if lower.endswith(suffix):
            return suffix
    raise Unreadable([gettext("Open a .yaml, .docx or .txt file (a table's rows: .csv, .xlsx).")])


def open_file(name: str, raw: bytes) -> dict[str, Any]:
    """One file: a YAML annex, or an old .docx/.txt annex read by ``extract``."""
    return open_files([(name, raw)])


def open_files(
    files: list[tuple[str, bytes]], kind: str = "", values: dict[str, str] | None = None
) -> dict[str, Any]:
    """Files the clerk opened at once, as form values.

    One annex — a YAML file, or an old .docx/.txt annex read by ``extract`` —
    with, for a table, the .csv/.xlsx its ``rows_from`` names; or only that
    spreadsheet, for the table already in the form (``kind`` and ``values``).
    Rows read from a spreadsheet are then in the form: the YAML downloaded
    holds them (``rows:``) and no longer names the file.
    """
    annexes = [(n, r) for n, r in files if _suffix(n) in _ANNEX_SUFFIXES]
    sheets = [(n, r) for n, r in files if _suffix(n) in SHEET_SUFFIXES]
    if len(annexes) > 1:
        raise Unreadable([gettext("Open one annex at a time (with its .csv or .xlsx file).")])
    if annexes:
        name, raw = annexes[0]
        if _suffix(name) in (".yaml", ".yml"):
            return _open_yaml(name, raw, sheets)
        return _open_document(name, raw)
    if kind != "table" or values is None:
        first = gettext(
            "Open the table's YAML file first, then its .csv or .xlsx file — or both together."
        )
        raise Unreadable([first])
    data = form_to_data(values, kind)
    data.pop("rows", None)
    data["rows_from"] = _sheet_name(sheets[0][0])
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return _open_yaml(gettext("the form"), text.encode("utf-8"), sheets[:1])


def _sheet_name(name: str) -> str:
    """The name a spreadsheet is saved under for the annex to read: no folders, safe."""
    return safe_name(Path(name.replace("\\", "/")).name)


def _open_yaml(name: str, raw: bytes, sheets: list[tuple[str, bytes]]) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable([gettext("The file is not UTF-8 text; save it as UTF-8.")]) from None
    with tempfile.TemporaryDirectory(prefix="annexgen-web-") as folder:
        for sheet_name, sheet_raw in sheets:
            (Path(folder) / _sheet_name(sheet_name)).write_bytes(sheet_raw)
        try:
            annex = load_annex_text(text, name, base_dir=folder if sheets else None)
        except DataError as err:
            waiting = _rows_elsewhere(text, err, sheets)
            if waiting is not None:
                return waiting
            raise Unreadable([_located(p) for p in err.findings]) from None
    notes: list[str] = []
    source = getattr(annex, "rows_from", None)
    if source:
        notes.append(
            gettext(
                "The rows of {file} are now in the form. The YAML file you download holds "
                "them itself (rows:) and no longer reads {file}."
            ).format(file=source)
        )
    return {"kind": annex.kind, "values": form_values(annex), "notes": notes}


def _rows_elsewhere(
    text: str, err: DataError, sheets: list[tuple[str, bytes]]
) -> dict[str, Any] | None:
    """A table whose only problem is its rows file, not opened with it: the form gets
    the rest, and the clerk is asked for the file."""
    if sheets or any((p.location.field or "") != "rows_from" for p in err.findings):
        return None
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or data.get("kind") != "table":
        return None
    source = str(data.get("rows_from", ""))
    note = gettext(
        "The rows of this table are in {file}. Open that file too (Open file…), or type "
        "the rows in the table."
    ).format(file=source)
    return {"kind": "table", "values": form_values(data, "table"), "notes": [note],
            "needs": source}  # fmt: skip


def _open_document(name: str, raw: bytes) -> dict[str, Any]:
    from annexgen.reading.extract import extract  # noqa: PLC0415 - worker side only

    suffix = _suffix(name)
    with tempfile.TemporaryDirectory(prefix="annexgen-web-") as folder:
        path = Path(folder) / f"document{suffix}"  # never a name taken from the request
        path.write_bytes(raw)
        try:
            extracted = extract(path)
        except AnnexgenError as err:
            raise Unreadable([_unreadable(err)]) from None
    notes = [words_of(note) for note in extracted.notes]
    kind = str(extracted.data.get("kind", ""))
    if kind not in REGISTRY:
        raise Unreadable([gettext("No known kind of annex was found in the document.")])
    annex, _ = check_data(extracted.data)
    values = form_values(annex) if annex is not None else form_values(extracted.data, kind)
    return {"kind": kind, "values": values, "notes": notes}


def _unreadable(err: AnnexgenError) -> str:
    return gettext("The document cannot be read: {reason}").format(reason=words_of(err))


def _located(problem: Finding) -> str:
    where = problem.location
    parts = []
    if where.file and Path(where.file).suffix.lower() in SHEET_SUFFIXES:
        parts.append(Path(where.file).name)
    if where.line:
        parts.append(gettext("line {line}").format(line=where.line))
    if where.field:
        parts.append(where.field)
    return ": ".join([*parts, words_of(problem)])


def _report_line(name: str, finding: Finding) -> str:
    """One line of the downloaded report: where, how bad, what, the correction."""
    loc = finding.location
    where = f"{loc.line}:{loc.column}" if loc.line is not None else (loc.place or "")
    severity = gettext("error") if finding.severity == "error" else gettext("style")
    fix = (
        " (" + gettext("suggestion: {suggestion}").format(suggestion=finding.suggestion) + ")"
        if finding.suggestion is not None
        else ""
    )
    return f"{name}:{where}: {severity} {finding.code}: {words_of(finding)}{fix}"


def check_document(name: str, raw: bytes) -> dict[str, Any]:
    """Lint an old .docx/.txt annex: its text with each finding marked, and a report."""
    from annexgen.reading.documents import read_document  # noqa: PLC0415 - worker side only
    from annexgen.reading.lint import lint_document, lint_text  # noqa: PLC0415

    suffix = _suffix(name)
    if suffix not in (".docx", ".txt"):
        raise Unreadable([gettext("To check a document, open a .docx or .txt file.")])
    with tempfile.TemporaryDirectory(prefix="annexgen-web-") as folder:
        path = Path(folder) / f"document{suffix}"
        path.write_bytes(raw)
        try:
            document = read_document(path)
        except AnnexgenError as err:
            raise Unreadable([_unreadable(err)]) from None
        report = [_report_line(name, f) for f in lint_document(document)]
    blocks = []
    count = 0
    for block in document.blocks:
        findings = lint_text(block.text)
        marks = []
        for f in findings:
            count += 1
            start = (f.location.column or 1) - 1
            end = start + len(f.excerpt or "")
            marks.append(
                {
                    "id": count,
                    "start": start,
                    "end": end,
                    "rule": f.code,
                    "severity": f.severity,
                    "message": words_of(f),
                    "suggestion": f.suggestion,
                    "excerpt": block.text[start:end],
                }
            )
        blocks.append({"position": block.position, "text": block.text, "marks": marks})
    html = render_fragment("findings.html", blocks=blocks, name=name, count=count)
    return {"count": count, "html": html, "report": "\n".join(report) + ("\n" if report else "")}

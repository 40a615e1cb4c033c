"""The work the web form hands to its worker processes (:mod:`annexgen.web.workers`).

Each function takes and returns plain picklable values, runs the same library
code as the command line (``check``, ``render``, ``extract``, ``lint``) and
never touches the event loop. What a clerk reads comes back in Latvian
(:mod:`annexgen.web.messages`) and tied to the input it is about.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel, ValidationError

from annexgen.errors import AnnexgenError, DataError, Finding
from annexgen.model.kinds import REGISTRY
from annexgen.model.loading import check_data, load_annex_text
from annexgen.model.saving import dump_annex
from annexgen.web.form import form_to_data, form_values, input_paths, pattern_of
from annexgen.web.messages import latvian
from annexgen.web.pages import render_fragment

__all__ = [
    "Refused",
    "Unreadable",
    "check_document",
    "make_docx",
    "make_pdf",
    "make_yaml",
    "open_file",
    "validate",
]

#: Placeholder shown in previews where a required text is still missing.
_MISSING: Final = "…"


def _dotted(field: str | None) -> str:
    return (field or "").replace("[", ".").replace("]", "")


def _target(kind: str, path: str, groups: set[str]) -> str:
    """The input (or group) a problem at ``path`` is shown next to: the longest known prefix."""
    known = input_paths(kind)
    parts = path.split(".") if path else []
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if pattern_of(candidate) in known or pattern_of(candidate) in groups:
            return candidate
    return ""


def _group_paths(kind: str) -> set[str]:
    from annexgen.web.form import _walk, form_for  # noqa: PLC0415 - private walk, same package

    return {n.path for n in _walk(form_for(kind)) if n.kind in ("group", "list")}


def problems_by_input(kind: str, problems: list[Finding]) -> dict[str, list[dict[str, str]]]:
    """Latvian messages keyed by the input name (or group path; "" for the whole annex)."""
    groups = _group_paths(kind)
    out: dict[str, list[dict[str, str]]] = {}
    for problem in problems:
        target = _target(kind, _dotted(problem.location.field), groups)
        out.setdefault(target, []).append(
            {"severity": problem.severity, "message": latvian(problem)}
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
    return out


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
    """An opened file that cannot be read; ``lines`` say why, in Latvian."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.lines = lines


_SUFFIXES: Final = (".yaml", ".yml", ".docx", ".txt")


def _suffix(name: str) -> str:
    lower = name.lower()
    for suffix in _SUFFIXES:
        if lower.endswith(suffix):
            return suffix
    raise Unreadable(["Atveriet .yaml, .docx vai .txt failu."])


def open_file(name: str, raw: bytes) -> dict[str, Any]:
    """A YAML annex, or an old .docx/.txt annex read by ``extract``, as form values."""
    from annexgen.reading.extract import extract  # noqa: PLC0415 - worker side only

    suffix = _suffix(name)
    notes: list[str] = []
    if suffix in (".yaml", ".yml"):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Unreadable(["Fails nav UTF-8 teksts; saglabājiet to kā UTF-8."]) from None
        try:
            annex = load_annex_text(text, "fails")
        except DataError as err:
            raise Unreadable([_located(p) for p in err.findings]) from None
        return {"kind": annex.kind, "values": form_values(annex), "notes": notes}
    with tempfile.TemporaryDirectory(prefix="annexgen-web-") as folder:
        path = Path(folder) / f"document{suffix}"  # never a name taken from the request
        path.write_bytes(raw)
        try:
            extracted = extract(path)
        except AnnexgenError as err:
            raise Unreadable([f"Dokumentu nevar nolasīt: {latvian(err)}"]) from None
    notes = [latvian(note) for note in extracted.notes]
    kind = str(extracted.data.get("kind", ""))
    if kind not in REGISTRY:
        raise Unreadable(["Dokumentā nav atrasts neviens zināms pielikuma veids."])
    annex, _ = check_data(extracted.data)
    values = form_values(annex) if annex is not None else form_values(extracted.data, kind)
    return {"kind": kind, "values": values, "notes": notes}


def _located(problem: Finding) -> str:
    where = problem.location
    place = f"{where.line}. rinda: " if where.line else ""
    field = f"{where.field}: " if where.field else ""
    return f"{place}{field}{latvian(problem)}"


def _report_line(name: str, finding: Finding) -> str:
    """One line of the downloaded report: where, how bad, what, the correction (Latvian)."""
    loc = finding.location
    where = f"{loc.line}:{loc.column}" if loc.line is not None else (loc.place or "")
    severity = "kļūda" if finding.severity == "error" else "stils"
    fix = f" (ieteikums: {finding.suggestion})" if finding.suggestion is not None else ""
    return f"{name}:{where}: {severity} {finding.code}: {latvian(finding)}{fix}"


def check_document(name: str, raw: bytes) -> dict[str, Any]:
    """Lint an old .docx/.txt annex: its text with each finding marked, and a report."""
    from annexgen.reading.documents import read_document  # noqa: PLC0415 - worker side only
    from annexgen.reading.lint import lint_document, lint_text  # noqa: PLC0415

    suffix = _suffix(name)
    if suffix not in (".docx", ".txt"):
        raise Unreadable(["Pārbaudei atveriet .docx vai .txt dokumentu."])
    with tempfile.TemporaryDirectory(prefix="annexgen-web-") as folder:
        path = Path(folder) / f"document{suffix}"
        path.write_bytes(raw)
        try:
            document = read_document(path)
        except AnnexgenError as err:
            raise Unreadable([f"Dokumentu nevar nolasīt: {latvian(err)}"]) from None
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
                    "message": latvian(f),
                    "suggestion": f.suggestion,
                    "excerpt": block.text[start:end],
                }
            )
        blocks.append({"position": block.position, "text": block.text, "marks": marks})
    html = render_fragment("findings.html", blocks=blocks, name=name, count=count)
    return {"count": count, "html": html, "report": "\n".join(report) + ("\n" if report else "")}

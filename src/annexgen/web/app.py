"""``annexgen serve``: a small web page where clerks fill in an annex.

Server-rendered HTML and a few lines of plain JavaScript (no front-end build):
the form is generated from the same Pydantic models as the YAML, with Latvian
labels; every change is validated by the same code as ``annexgen check`` and
the page shows each error next to its field, with live previews of amounts in
words and inflected dates. The clerk downloads the .docx, the PDF or the YAML
(so batch jobs and the web share one format), or uploads a YAML file to start.

Safe by default: binds to 127.0.0.1, limits request size, keeps nothing on
the server after the response, never builds a file path from user input, and
renders only the bundled templates (templates are code).
"""

from __future__ import annotations

import tempfile
import typing
from datetime import date
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape
from pydantic import BaseModel
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from annexgen.errors import AnnexgenError, ConversionError, DataError, Problem
from annexgen.lv import format_date
from annexgen.model.fields import Money, Options
from annexgen.model.introspect import unwrap
from annexgen.model.kinds import KINDS, REGISTRY
from annexgen.model.kinds.project_announcement import Block
from annexgen.model.kinds.project_description import Activity, TargetGroup
from annexgen.model.loading import check_data, load_annex_text
from annexgen.model.saving import dump_annex
from annexgen.model.wording import money_text
from annexgen.output import safe_name
from annexgen.reading.extract import extract_yaml
from annexgen.word.pdf import docx_to_pdf
from annexgen.word.render import render

__all__ = ["MAX_BODY_BYTES", "create_app", "form_to_data"]

MAX_BODY_BYTES: Final = 1024 * 1024
#: Latvian labels of the model fields (the form is generated from the models);
#: a kind's row labels come from the registry (:attr:`Kind.labels`).
LABELS: Final = {
    "project_name": "Projekta nosaukums", "title": "Virsraksts", "decision": "Lēmums",
    "council": "Dome (ģenitīvā, piem. „Daugavpils pilsētas domes”)", "date": "Sēdes datums",
    "number": "Numurs", "protocol": "Protokola Nr.", "item": "Darba kārtības punkts (§)",
    "annex_number": "Pielikuma Nr. (ja lēmumam ir vairāki)", "act": "Akta veids (datīvā)",
    "meeting": "Rakstīt „sēdes”", "signatory": "Parakstītājs", "position": "Amats",
    "name": "Vārds, uzvārds", "acting": "Paraksta pienākumu izpildītājs (p. i.)",
    "e_signed": "Parakstīts ar drošu elektronisko parakstu", "until": "Līdz",
    "start": "No", "end": "Līdz (perioda beigas)", "months": "Mēnešu skaits",
    "text": "Teksts", "note": "Piezīme (piem. „(2 gadi)”)", "role": "Summas loma",
    "amount": "Summa (piem. 19 700,00 EUR)", "after": "Teksts pēc summas",
    "in_words": "Summa arī vārdiem", "phone": "Tālrunis", "mobile": "Mobilais tālrunis",
    "email": "E-pasts", "rows": "Rindas", "label": "Nosaukums", "paragraphs": "Rindkopas",
    "personal": "Personas dati", "blocks": "Rindkopas", "project": "Projekts",
    "code": "Projekta kods", "short_name": "Īsais nosaukums",
    "programme": "Programma (ģenitīvā, pirms „ietvaros”)", "responsible": "Atbild par saturu",
    "disclaimer": "Atruna (ja atšķiras no standarta)", "options": "Valodas iestatījumi",
    "number_style": "Skaitļu stils", "cents": "Centi", "euro_spelling": "Valūtas vārds",
    "quotes": "Pēdiņas", "extra_rows": "Papildu rindas", "minor_word": "Vārds pēc centiem",
    "header_row": "Tabulai galvene „Sadaļa | Saturs” katrā lappusē",
}  # fmt: skip
_SKIP: Final = {"kind", "labels", "order", "date_spaces", "personal_placeholder", "bullets"}
_LONG: Final = {"goal", "description", "justification", "results", "text", "disclaimer", "after"}
_AS_TEXT: Final = (Money, Activity, TargetGroup, Block)  # models that accept one string


# --- form <-> data -------------------------------------------------------------------


def form_to_data(form: dict[str, str], kind: str) -> dict[str, Any]:
    """Dotted form names (``costs.0.amount``) → the nested data the models take.

    Empty inputs are left out (optional fields stay unset); list items that
    are entirely empty are dropped, so an unused "add" row does no harm.
    """
    root: dict[str, Any] = {"kind": kind}
    for name, value in form.items():
        if not value.strip() or name.startswith("_"):
            continue
        *parents, leaf = name.split(".")
        node: Any = root
        for part in parents:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):  # a name used both as a value and a group
                break
        else:
            node[leaf] = value
    data: dict[str, Any] = _lists(root)
    return _prune(data, REGISTRY[kind].model) if kind in REGISTRY else data


def _as_form_value(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _prune(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """Leave out groups the clerk did not touch.

    The form shows each group's defaults (``act: lēmumam``, the hidden "false"
    of a checkbox); a group holding nothing but those means "not given" —
    otherwise an untouched decision block would demand a council.
    """
    out = dict(data)
    for key, value in data.items():
        info = model.model_fields.get(key)
        if info is None or not isinstance(value, dict):
            continue
        sub, _ = unwrap(info.annotation)
        if not (isinstance(sub, type) and issubclass(sub, BaseModel)):
            continue
        pruned = _prune(value, sub)
        defaults = {
            name: _as_form_value(f.get_default(call_default_factory=True))
            for name, f in sub.model_fields.items()
            if not f.is_required()
        }
        if all(defaults.get(k) == v for k, v in pruned.items()):
            out.pop(key)
        else:
            out[key] = pruned
    return out


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if node and all(k.isdigit() for k in node):
        return [_lists(node[k]) for k in sorted(node, key=int) if node[k] not in ({}, "")]
    return {k: _lists(v) for k, v in node.items()}


def _input(name: str, label: str, tp: Any, value: Any) -> str:
    field = name.rsplit(".", 1)[-1]
    shown = "" if value is None else value
    if isinstance(shown, Money):
        shown = f"{shown.amount} {shown.currency}"
    elif isinstance(shown, Activity | Block | TargetGroup):
        shown = getattr(shown, "text", None) or getattr(shown, "direct", "") or ""
    elif isinstance(shown, date):
        shown = shown.isoformat()
    attrs = f'name="{escape(name)}" id="{escape(name)}"'
    if tp is bool:
        checked = " checked" if value else ""
        # an unchecked box sends nothing: the hidden "false" before it says so
        widget = (
            f'<input type="hidden" name="{escape(name)}" value="false">'
            f'<input type="checkbox" value="true" {attrs}{checked}>'
        )
    elif typing.get_origin(tp) is Literal:
        options = "".join(
            f"<option{' selected' if o == shown else ''}>{escape(o)}</option>"
            for o in ["", *typing.get_args(tp)]
        )
        widget = f"<select {attrs}>{options}</select>"
    elif tp is date:
        widget = f'<input type="date" {attrs} value="{escape(shown)}">'
    elif field in _LONG or tp in (Activity, TargetGroup, Block):
        widget = f'<textarea {attrs} rows="3">{escape(shown)}</textarea>'
    else:
        widget = f'<input type="text" {attrs} value="{escape(shown)}">'
    return (
        f'<div class="field"><label for="{escape(name)}">{escape(label)}</label>{widget}'
        f'<div class="preview" data-for="{escape(name)}"></div>'
        f'<div class="error" data-for="{escape(name)}"></div></div>'
    )


def _label(field_name: str) -> str:
    """The Latvian label of a field: the form's own, else a kind's row label."""
    if field_name in LABELS:
        return LABELS[field_name]
    rows = (k.labels[field_name] for k in REGISTRY.values() if field_name in k.labels)
    return next(rows, field_name)


def _fields(model: type[BaseModel], prefix: str, values: BaseModel | None) -> str:
    out = []
    # the language options are rarely changed: last, after the content
    names = sorted(model.model_fields, key=lambda n: n == "options")
    for field_name in names:
        info = model.model_fields[field_name]
        if field_name in _SKIP:
            continue
        name = f"{prefix}{field_name}"
        label = _label(field_name)
        tp, is_list = unwrap(info.annotation)
        if values is not None:
            value = getattr(values, field_name, None)
        else:  # a new form shows the defaults the model would use
            default = None if info.is_required() else info.get_default(call_default_factory=True)
            value = None if isinstance(default, BaseModel) else default
        nested = isinstance(tp, type) and issubclass(tp, BaseModel) and not issubclass(tp, _AS_TEXT)
        if is_list:
            items = list(value or [])
            rows = [_list_item(name, i, tp, item, nested) for i, item in enumerate(items)]
            template = _list_item(name, "__i__", tp, None, nested)
            out.append(
                f'<fieldset class="list" data-name="{escape(name)}">'
                f"<legend>{escape(label)}</legend>"
                f"{''.join(rows)}<template>{template}</template>"
                f'<button type="button" class="add">Pievienot</button>'
                f'<div class="error" data-for="{escape(name)}"></div></fieldset>'
            )
        elif nested:
            inner = _fields(tp, f"{name}.", value)
            out.append(
                f"<fieldset><legend>{escape(label)}</legend>{inner}"
                f'<div class="error" data-for="{escape(name)}"></div></fieldset>'
            )
        else:
            out.append(_input(name, label, tp, value))
    return "".join(out)


def _list_item(name: str, index: int | str, tp: Any, item: Any, nested: bool) -> str:
    prefix = f"{name}.{index}"
    if nested:
        return f'<div class="item">{_fields(tp, prefix + ".", item)}</div>'
    return f'<div class="item">{_input(prefix, "", tp, item)}</div>'


# --- pages -------------------------------------------------------------------------

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
fieldset{margin:1rem 0;border:1px solid #bbb}.field{margin:.5rem 0}
label{display:block;font-weight:600}input[type=text],textarea,select{width:100%}
.error{color:#b00020}.preview{color:#225}.item{border-left:3px solid #ddd;padding-left:.5rem}
.actions button{margin-right:.5rem}
"""

_SCRIPT = """
const form = document.querySelector('form.annex');
let timer;
function show(result) {
  document.querySelectorAll('.error,.preview').forEach(e => e.textContent = '');
  for (const [name, messages] of Object.entries(result.errors)) {
    const box = document.querySelector(`.error[data-for="${CSS.escape(name)}"]`)
      || document.getElementById('general');
    box.textContent += messages.join(' ');
  }
  for (const [name, text] of Object.entries(result.previews)) {
    const box = document.querySelector(`.preview[data-for="${CSS.escape(name)}"]`);
    if (box) box.textContent = text;
  }
  document.getElementById('status').textContent = result.ok ? 'Kļūdu nav.' : 'Ir kļūdas.';
}
function validate() {
  fetch('/validate', {method: 'POST', body: new FormData(form)}).then(r => r.json()).then(show);
}
form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(validate, 250); });
form.addEventListener('click', e => {
  if (!e.target.classList.contains('add')) return;
  const list = e.target.closest('fieldset.list');
  const n = list.querySelectorAll(':scope > .item').length;
  const html = list.querySelector('template').innerHTML.replaceAll('__i__', n);
  e.target.insertAdjacentHTML('beforebegin', html);
});
validate();
"""


def _page(title: str, body: str) -> HTMLResponse:
    html = (
        f'<!doctype html><html lang="lv"><head><meta charset="utf-8">'
        f"<title>{escape(title)} — annexgen</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(html)


def _form_page(kind: str, annex: BaseModel | None = None, notice: str = "") -> HTMLResponse:
    model = REGISTRY[kind].model
    body = (
        f'<p id="notice">{escape(notice)}</p>'
        f'<form class="annex" method="post" action="/docx">'
        f'<input type="hidden" name="_kind" value="{escape(kind)}">'
        f"{Markup(_fields(model, '', annex))}"
        f'<p id="general" class="error"></p><p id="status"></p>'
        f'<p class="actions"><button formaction="/docx">Lejupielādēt Word</button>'
        f'<button formaction="/pdf">Lejupielādēt PDF</button>'
        f'<button formaction="/yaml">Lejupielādēt YAML</button></p></form>'
        f"<script>{_SCRIPT}</script>"
    )
    return _page(REGISTRY[kind].title, body)


async def home(request: Request) -> Response:
    links = "".join(f'<li><a href="/new/{k}">{escape(REGISTRY[k].title)}</a></li>' for k in KINDS)
    upload = (
        '<form method="post" action="/upload" enctype="multipart/form-data">'
        '<label for="file">Vai sākt no esoša pielikuma (YAML vai Word)</label>'
        '<input type="file" id="file" name="file" accept=".yaml,.yml,.docx">'
        "<button>Augšupielādēt</button></form>"
    )
    return _page("Jauns pielikums", f"<ul>{links}</ul>{upload}")


async def new(request: Request) -> Response:
    kind = request.path_params["kind"]
    if kind not in REGISTRY:
        return HTMLResponse("Tāda pielikuma veida nav.", status_code=404)
    return _form_page(kind)


async def _read_form(request: Request) -> tuple[str, dict[str, str]]:
    limits = {"max_files": 1, "max_fields": 5000, "max_part_size": MAX_BODY_BYTES}
    async with request.form(**limits) as form:
        values = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    kind = values.get("_kind", "")
    if kind not in REGISTRY:
        raise DataError([], file="<form>")
    return kind, values


def _errors_by_input(problems: list[Any], names: set[str]) -> dict[str, list[str]]:
    """Put each problem next to the input it belongs to (longest matching name)."""
    out: dict[str, list[str]] = {}
    for problem in problems:
        path = (problem.location.field or "").replace("[", ".").replace("]", "")
        parts = path.split(".") if path else []
        target = ""
        for n in range(len(parts), 0, -1):
            candidate = ".".join(parts[:n])
            if candidate in names or any(k.startswith(candidate + ".") for k in names):
                target = candidate
                break
        prefix = "" if problem.severity == "error" else "Brīdinājums: "
        out.setdefault(target, []).append(prefix + problem.message)
    return out


def _previews(values: dict[str, str], options: Options) -> dict[str, str]:
    """Amounts in words and dates in their cases, as the document will print them."""
    previews: dict[str, str] = {}
    for name, value in values.items():
        if not value.strip():
            continue
        field = name.rsplit(".", 1)[-1]
        try:
            if field == "amount":
                previews[name] = money_text(Money.model_validate(value), options)
            elif field in ("date", "until", "start", "end"):
                d = date.fromisoformat(value)
                previews[name] = (
                    f"{format_date(d, 'genitive')} (… sēdes) · līdz {format_date(d, 'dative')}"
                )
        except (ValueError, AnnexgenError):
            continue
    return previews


async def validate(request: Request) -> Response:
    try:
        kind, values = await _read_form(request)
    except DataError:
        return JSONResponse({"ok": False, "errors": {"": ["unknown annex kind"]}, "previews": {}})
    annex, problems = check_data(form_to_data(values, kind))
    options = annex.options if annex is not None else Options()
    return JSONResponse(
        {
            "ok": annex is not None and not any(p.severity == "error" for p in problems),
            "errors": _errors_by_input(problems, set(values)),
            "previews": _previews(values, options),
        }
    )


def _download(data: bytes, filename: str, media_type: str) -> Response:
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{url_quote(filename)}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


async def _valid_annex(request: Request) -> tuple[Any, Response | None]:
    try:
        kind, values = await _read_form(request)
    except DataError:
        return None, _page("Kļūda", "<p>Nezināms pielikuma veids.</p>")
    annex, problems = check_data(form_to_data(values, kind))
    errors = [p for p in problems if p.severity == "error"]
    if annex is None or errors:
        items = "".join(f"<li>{escape(str(p))}</li>" for p in errors)
        response = _page("Pielikumā ir kļūdas", f"<ul>{items}</ul>")
        response.status_code = 422
        return None, response
    return annex, None


def _filename(annex: Any, suffix: str) -> str:
    title = getattr(annex, "project_name", None) or getattr(annex, "title", "pielikums")
    return safe_name(str(title))[:60] + suffix


async def download_docx(request: Request) -> Response:
    annex, error = await _valid_annex(request)
    if error is not None:
        return error
    media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return _download(render(annex), _filename(annex, ".docx"), media)


async def download_pdf(request: Request) -> Response:
    annex, error = await _valid_annex(request)
    if error is not None:
        return error
    try:
        pdf = docx_to_pdf(render(annex))
    except ConversionError as err:
        response = _page("PDF nav pieejams", f"<p>{escape(err.message)}</p>")
        response.status_code = 503
        return response
    return _download(pdf, _filename(annex, ".pdf"), "application/pdf")


async def download_yaml(request: Request) -> Response:
    annex, error = await _valid_annex(request)
    if error is not None:
        return error
    return _download(dump_annex(annex).encode("utf-8"), _filename(annex, ".yaml"), "text/yaml")


async def upload(request: Request) -> Response:
    length = int(request.headers.get("content-length") or 0)
    if length > MAX_BODY_BYTES:
        return HTMLResponse("Fails ir par lielu (vairāk nekā 1 MiB).", status_code=413)
    async with request.form(max_files=1, max_fields=10, max_part_size=MAX_BODY_BYTES) as form:
        upload_file = form.get("file")
        if not isinstance(upload_file, UploadFile):
            return HTMLResponse("Nav faila.", status_code=400)
        raw = await upload_file.read(MAX_BODY_BYTES + 1)
        name = upload_file.filename or "upload.yaml"
    if len(raw) > MAX_BODY_BYTES:
        return HTMLResponse("Fails ir par lielu (vairāk nekā 1 MiB).", status_code=413)
    lower = name.lower()
    if not lower.endswith((".yaml", ".yml", ".docx")):
        return HTMLResponse("Augšupielādējiet .yaml vai .docx failu.", status_code=415)
    try:
        text = _extract_upload(raw) if lower.endswith(".docx") else raw.decode("utf-8-sig")
        annex = load_annex_text(text, safe_name(name))
    except (DataError, UnicodeDecodeError) as err:
        items = "".join(f"<li>{escape(line)}</li>" for line in str(err).splitlines())
        response = _page("Failā ir kļūdas", f"<ul>{items}</ul>")
        response.status_code = 422
        return response
    return _form_page(annex.kind, annex, notice=f"Ielādēts: {safe_name(name)}")


def _extract_upload(raw: bytes) -> str:
    """YAML read from an uploaded Word annex (through a private temporary file)."""
    with tempfile.TemporaryDirectory(prefix="annexgen-upload-") as folder:
        path = Path(folder) / "upload.docx"  # never a name taken from the request
        path.write_bytes(raw)
        try:
            return extract_yaml(path)
        except AnnexgenError as err:
            raise DataError([Problem(f"cannot read the Word file: {err.message}")]) from err


class _LimitBody:
    """Refuse requests that announce a body larger than the limit (before reading it)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            length = headers.get(b"content-length", b"0")
            if length.isdigit() and int(length) > MAX_BODY_BYTES + 64 * 1024:
                response = Response("Request too large", status_code=413)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app() -> Any:
    """The web application (an ASGI app)."""
    app = Starlette(
        routes=[
            Route("/", home),
            Route("/new/{kind}", new),
            Route("/validate", validate, methods=["POST"]),
            Route("/docx", download_docx, methods=["POST"]),
            Route("/pdf", download_pdf, methods=["POST"]),
            Route("/yaml", download_yaml, methods=["POST"]),
            Route("/upload", upload, methods=["POST"]),
        ]
    )
    return _LimitBody(app)

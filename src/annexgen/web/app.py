"""``annexgen serve``: the web form where clerks fill in an annex, and a page that checks
old documents.

The pages are Jinja2 templates (``templates/``) with a stylesheet and plain
JavaScript (``static/``); the form of each kind is made from its model
(:mod:`annexgen.web.form`), so every field a YAML file can hold has an input.
Everything that takes time or reads the clerk's data — checking, previews,
rendering, PDF, reading an uploaded document — runs in worker processes with
a time limit (:mod:`annexgen.web.workers`, :mod:`annexgen.web.jobs`): the event
loop only parses requests and sends pages, so the form answers at once while
a PDF is being made.

Safe by default: binds to 127.0.0.1, answers only to its own host names,
refuses cross-origin writes, counts body bytes as they arrive, refuses form
names no input has and bytes that are not UTF-8, keeps nothing on the server,
never builds a path from the request, and renders only the bundled templates.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import AsyncIterator
from typing import Any, Final
from urllib.parse import parse_qsl, unquote
from urllib.parse import quote as url_quote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from annexgen.errors import ConversionError
from annexgen.model.kinds import REGISTRY
from annexgen.output import safe_name
from annexgen.web import jobs
from annexgen.web.form import MAX_FIELDS, FormError, check_names, form_for, form_to_data
from annexgen.web.pages import render_page
from annexgen.web.security import LOOPBACK_HOSTS, TOO_LARGE, Guard
from annexgen.web.workers import Busy, JobTimeout, WorkerPool

__all__ = ["MAX_BODY_BYTES", "create_app", "form_to_data"]

#: Largest request body: an uploaded document or a filled form.
MAX_BODY_BYTES: Final = 4 * 1024 * 1024
#: Time limits of the work done in workers, in seconds.
TIMEOUTS: Final = {"validate": 10.0, "docx": 30.0, "yaml": 10.0, "pdf": 90.0, "read": 30.0}

_MEDIA: Final = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "yaml": "application/yaml; charset=utf-8",
}
_MAKERS: Final = {"docx": jobs.make_docx, "pdf": jobs.make_pdf, "yaml": jobs.make_yaml}


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(
        render_page(name, **context), status_code=status, headers={"Cache-Control": "no-store"}
    )


async def home(request: Request) -> Response:
    return _page("home.html", title="Jauns pielikums", section="new", kinds=list(REGISTRY.values()))


async def new(request: Request) -> Response:
    kind = REGISTRY.get(request.path_params["kind"])
    if kind is None:
        return _page("message.html", 404, title="Tāda pielikuma veida nav", section="new",
                     lines=["Izvēlieties pielikuma veidu sākumlapā."])  # fmt: skip
    return _page("form.html", title=kind.title, section="new", kind=kind, nodes=form_for(kind.name))


async def check_page(request: Request) -> Response:
    return _page("check.html", title="Pārbaudīt dokumentu", section="check")


async def _body(request: Request) -> bytes:
    """The whole body, counted as it streams (the guard stops it past the limit)."""
    chunks = []
    try:
        async for chunk in request.stream():
            chunks.append(chunk)
    except ClientDisconnect:
        if request.scope.get(TOO_LARGE):
            raise HTTPException(413, "Fails vai veidlapa ir par lielu (virs 4 MiB).") from None
        raise
    return b"".join(chunks)


async def _form(request: Request) -> tuple[str, dict[str, str]]:
    """The annex kind and the inputs of a posted form; 400 for anything our page cannot send."""
    if request.headers.get("content-type", "").split(";")[0] != "application/x-www-form-urlencoded":
        raise HTTPException(415, "Gaidīti veidlapas dati.")
    body = await _body(request)
    try:
        pairs = parse_qsl(
            body.decode("ascii"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS + 1,
        )
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "Veidlapas dati nav UTF-8 teksts vai ir bojāti.") from None
    values = dict(pairs)
    if len(values) != len(pairs):
        raise HTTPException(400, "Kāds lauks veidlapā atkārtojas.")
    kind = values.pop("_kind", "")
    if kind not in REGISTRY:
        raise HTTPException(400, "Nezināms pielikuma veids.")
    try:
        check_names(kind, values)
    except FormError as err:
        raise HTTPException(400, f"Nederīgi veidlapas dati: {err}") from None
    return kind, values


async def _work(request: Request, what: str, function: Any, *args: Any) -> Any:
    pool: WorkerPool = request.app.state.pool
    try:
        return await pool.run(function, *args, timeout=TIMEOUTS[what])
    except JobTimeout:
        raise HTTPException(503, "Darbs ilga par ilgu un tika pārtraukts.") from None
    except Busy:
        raise HTTPException(503, "Serveris ir aizņemts; mēģiniet vēlreiz pēc brīža.") from None


async def validate(request: Request) -> Response:
    kind, values = await _form(request)
    result = await _work(request, "validate", jobs.validate, kind, values)
    return JSONResponse(result, headers={"Cache-Control": "no-store"})


_INVISIBLE: Final = frozenset({"Cc", "Cf", "Zl", "Zp"})


def download_name(title: str, suffix: str) -> str:
    """A file name from the annex title: no bidi or other invisible controls, safe everywhere."""
    visible = "".join(c for c in title if unicodedata.category(c) not in _INVISIBLE)
    return safe_name(" ".join(visible.split())[:60] or "pielikums") + suffix


def _download(data: bytes, filename: str, media_type: str) -> Response:
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{url_quote(filename)}"
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": disposition, "Cache-Control": "no-store"},
    )


async def make(request: Request) -> Response:
    what = request.url.path.strip("/")
    kind, values = await _form(request)
    try:
        data, title = await _work(request, what, _MAKERS[what], kind, values)
    except jobs.Refused as err:
        return JSONResponse({"ok": False, "problems": err.problems, "previews": {}, "document": ""},
                            status_code=422)  # fmt: skip
    except ConversionError as err:
        raise HTTPException(503, f"PDF nevar sagatavot: {err.message}") from None
    return _download(data, download_name(title, f".{what}"), _MEDIA[what])


def _upload_name(request: Request) -> str:
    try:
        name = unquote(request.headers.get("x-file-name", ""), errors="strict")
    except UnicodeDecodeError:
        name = ""
    return "".join(c for c in name if unicodedata.category(c) not in _INVISIBLE)[:200] or "fails"


async def open_file(request: Request) -> Response:
    name = _upload_name(request)
    raw = await _body(request)
    try:
        result = await _work(request, "read", jobs.open_file, name, raw)
    except jobs.Unreadable as err:
        return JSONResponse({"lines": err.lines}, status_code=422)
    return JSONResponse(result, headers={"Cache-Control": "no-store"})


async def check_document(request: Request) -> Response:
    name = _upload_name(request)
    raw = await _body(request)
    try:
        result = await _work(request, "read", jobs.check_document, name, raw)
    except jobs.Unreadable as err:
        return JSONResponse({"lines": err.lines}, status_code=422)
    return JSONResponse(result, headers={"Cache-Control": "no-store"})


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404 and request.method == "GET":
        return _page("message.html", 404, title="Lapa nav atrasta", section="new",
                     lines=["Šādas lapas nav."])  # fmt: skip
    return PlainTextResponse(str(exc.detail), status_code=exc.status_code)


async def _server_error(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("Servera kļūda; mēģiniet vēlreiz.", status_code=500)


def create_app(*, hosts: frozenset[str] | set[str] = LOOPBACK_HOSTS, workers: int = 2) -> Any:
    """The web application (an ASGI app) answering to ``hosts``, with ``workers`` processes."""
    pool = WorkerPool(workers)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool.warm()
        try:
            yield
        finally:
            pool.close()

    app = Starlette(
        routes=[
            Route("/", home),
            Route("/new/{kind}", new),
            Route("/check", check_page),
            Route("/validate", validate, methods=["POST"]),
            *(Route(f"/{what}", make, methods=["POST"]) for what in _MAKERS),
            Route("/open", open_file, methods=["POST"]),
            Route("/check-document", check_document, methods=["POST"]),
            Mount("/static", StaticFiles(packages=[("annexgen.web", "static")]), name="static"),
        ],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
        lifespan=lifespan,
    )
    app.state.pool = pool
    return Guard(app, hosts=frozenset(hosts), max_body=MAX_BODY_BYTES)

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

The language is Latvian unless the address says ``?lang=en`` (the switch at
the top of every page; the pages keep it in their links and requests). The
browser's ``Accept-Language`` is not asked: clerks' browsers are set up in
English as often as not, and the clerk — not the browser — chooses.
:class:`Language` speaks the request's language around everything the request
does, the work in the workers included (:func:`annexgen.web.jobs.speaking`).

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
from annexgen.i18n import DEFAULT_LANGUAGE, get_language, gettext, normalize_language, use_language
from annexgen.model.kinds import REGISTRY
from annexgen.output import safe_name
from annexgen.web import jobs
from annexgen.web.form import MAX_FIELDS, FormError, check_names, form_for, form_to_data
from annexgen.web.messages import words_of
from annexgen.web.pages import render_page
from annexgen.web.security import LOOPBACK_HOSTS, TOO_LARGE, Guard
from annexgen.web.workers import Busy, JobTimeout, WorkerPool

__all__ = ["MAX_BODY_BYTES", "Language", "create_app", "form_to_data"]

#: Largest request body: an uploaded document or a filled form.
MAX_BODY_BYTES: Final = 4 * 1024 * 1024
#: Most files opened at once: an annex and the spreadsheet its table reads.
MAX_FILES: Final = 4
#: Time limits of the work done in workers, in seconds.
TIMEOUTS: Final = {"validate": 10.0, "docx": 30.0, "yaml": 10.0, "pdf": 90.0, "read": 30.0}

_MEDIA: Final = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "yaml": "application/yaml; charset=utf-8",
}
_MAKERS: Final = {"docx": jobs.make_docx, "pdf": jobs.make_pdf, "yaml": jobs.make_yaml}


def request_language(query_string: bytes | str) -> str:
    """The language an address asks for: ``?lang=en`` is English, anything else Latvian."""
    raw = query_string.decode("latin-1") if isinstance(query_string, bytes) else query_string
    for key, value in parse_qsl(raw, keep_blank_values=True):
        if key == "lang":
            return normalize_language(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


class Language:
    """Speaks the request's language (:func:`request_language`) around the whole request."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.state: Any = None  # the application's state (its worker pool), for tests

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with use_language(request_language(scope.get("query_string", b""))):
            await self.app(scope, receive, send)


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = get_language()
    suffix = "?lang=en" if lang == "en" else ""
    return HTMLResponse(
        render_page(name, lang=lang, lang_query=suffix, **context),
        status_code=status,
        headers={"Cache-Control": "no-store", "Content-Language": lang},
    )


def _kinds() -> list[dict[str, str]]:
    return [{"name": k.name, "title": gettext(k.title)} for k in REGISTRY.values()]


async def home(request: Request) -> Response:
    return _page("home.html", title=gettext("New annex"), section="new", kinds=_kinds())


async def new(request: Request) -> Response:
    kind = REGISTRY.get(request.path_params["kind"])
    if kind is None:
        return _page("message.html", 404, title=gettext("No such kind of annex"), section="new",
                     lines=[gettext("Choose the kind of annex on the start page.")])  # fmt: skip
    title = gettext(kind.title)
    return _page("form.html", title=title, section="new", kind=kind, nodes=form_for(kind.name))


async def check_page(request: Request) -> Response:
    return _page("check.html", title=gettext("Check a document"), section="check")


async def _body(request: Request) -> bytes:
    """The whole body, counted as it streams (the guard stops it past the limit)."""
    chunks = []
    try:
        async for chunk in request.stream():
            chunks.append(chunk)
    except ClientDisconnect:
        _refuse_if_too_large(request)
        raise
    return b"".join(chunks)


def _refuse_if_too_large(request: Request) -> None:
    """A body cut off by the size guard is a 413 with its reason, not a lost client."""
    if request.scope.get(TOO_LARGE):
        raise HTTPException(413, gettext("The file or form is too large (over 4 MiB).")) from None


async def _form(request: Request) -> tuple[str, dict[str, str]]:
    """The annex kind and the inputs of a posted form; 400 for anything our page cannot send."""
    if request.headers.get("content-type", "").split(";")[0] != "application/x-www-form-urlencoded":
        raise HTTPException(415, gettext("Form data expected."))
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
        raise HTTPException(
            400, gettext("The form data is not UTF-8 text or is damaged.")
        ) from None
    return _checked_form(pairs)


def _checked_form(pairs: list[tuple[str, str]]) -> tuple[str, dict[str, str]]:
    values = dict(pairs)
    if len(values) != len(pairs):
        raise HTTPException(400, gettext("A field of the form is repeated."))
    kind = values.pop("_kind", "")
    if kind not in REGISTRY:
        raise HTTPException(400, gettext("Unknown kind of annex."))
    try:
        check_names(kind, values)
    except FormError as err:
        message = gettext("Form data that no page of this server sends: {reason}")
        raise HTTPException(400, message.format(reason=err)) from None
    return kind, values


async def _work(request: Request, what: str, function: Any, *args: Any) -> Any:
    pool: WorkerPool = request.app.state.pool
    try:
        return await pool.run(
            jobs.speaking, get_language(), function, *args, timeout=TIMEOUTS[what]
        )
    except JobTimeout:
        raise HTTPException(503, gettext("The work took too long and was stopped.")) from None
    except Busy:
        raise HTTPException(503, gettext("The server is busy; try again in a moment.")) from None


async def validate(request: Request) -> Response:
    kind, values = await _form(request)
    result = await _work(request, "validate", jobs.validate, kind, values)
    return JSONResponse(result, headers={"Cache-Control": "no-store"})


_INVISIBLE: Final = frozenset({"Cc", "Cf", "Zl", "Zp"})


def download_name(title: str, suffix: str) -> str:
    """A file name from the annex title: no bidi or other invisible controls, safe everywhere."""
    visible = "".join(c for c in title if unicodedata.category(c) not in _INVISIBLE)
    return safe_name(" ".join(visible.split())[:60] or gettext("annex")) + suffix


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
        message = gettext("The PDF cannot be made: {reason}").format(reason=words_of(err))
        raise HTTPException(503, message) from None
    return _download(data, download_name(title, f".{what}"), _MEDIA[what])


def _upload_name(request: Request) -> str:
    try:
        name = unquote(request.headers.get("x-file-name", ""), errors="strict")
    except UnicodeDecodeError:
        name = ""
    return _visible(name) or "file"


def _visible(name: str) -> str:
    return "".join(c for c in name if unicodedata.category(c) not in _INVISIBLE)[:200]


async def _files(request: Request) -> tuple[list[tuple[str, bytes]], str, dict[str, str] | None]:
    """The files of a multipart upload, and the form posted with them (if any)."""
    try:
        parts = await request.form(
            max_files=MAX_FILES, max_fields=MAX_FIELDS + 1, max_part_size=MAX_BODY_BYTES
        )
    except ClientDisconnect:
        _refuse_if_too_large(request)
        raise
    files: list[tuple[str, bytes]] = []
    pairs: list[tuple[str, str]] = []
    for key, value in parts.multi_items():
        if isinstance(value, str):
            pairs.append((key, value))
        elif key == "file":
            files.append((_visible(value.filename or "") or "file", await value.read()))
    await parts.close()
    if not files:
        raise HTTPException(400, gettext("No file was sent."))
    if not pairs:
        return files, "", None
    kind, values = _checked_form(pairs)
    return files, kind, values


async def open_file(request: Request) -> Response:
    """Open one file (the body, named by ``X-File-Name``) or several (multipart ``file``
    parts, with the form's own inputs when a spreadsheet is opened into the form)."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        files, kind, values = await _files(request)
        function: Any = jobs.open_files
        args: tuple[Any, ...] = (files, kind, values)
    else:
        function, args = jobs.open_file, (_upload_name(request), await _body(request))
    try:
        result = await _work(request, "read", function, *args)
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
        return _page("message.html", 404, title=gettext("Page not found"), section="new",
                     lines=[gettext("There is no such page.")])  # fmt: skip
    return PlainTextResponse(str(exc.detail), status_code=exc.status_code)


async def _server_error(request: Request, exc: Exception) -> Response:
    return PlainTextResponse(gettext("Server error; try again."), status_code=500)


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
    outer = Language(Guard(app, hosts=frozenset(hosts), max_body=MAX_BODY_BYTES))
    outer.state = app.state
    return outer

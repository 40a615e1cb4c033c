"""Annex models → Word documents, through docxtpl, without losing a character.

docxtpl is a good template language over Word and a poor guardian of data
(reliability notes §2): escaping is off by default, its body parser *recovers*
from broken XML by silently dropping text, templates are unsandboxed code,
missing variables render as nothing, and saves are neither atomic nor
reproducible. This module keeps docxtpl for what it does well and adds:

* one Jinja environment for everything — sandboxed, autoescaping,
  ``StrictUndefined`` — with the Latvian filters (:func:`make_environment`);
* compiled templates cached by source, so a batch compiles each template once;
* core properties (title, subject, keywords, dates) set from the data through
  python-docx, never templated (docxtpl double-escapes them);
* verification before success: every XML part re-parsed *strictly*, the file
  opened with python-docx, and every value of the context found in the text;
* byte-identical output: fixed zip timestamps, dates from the decision;
* atomic files (:func:`annexgen.output.write_atomic`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, Final

import docx
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateRuntimeError
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from annexgen.compiled import (
    compile_template,
    document_paragraphs,
    error_line,
    paragraph_context,
    resolve_brace_escapes,
)
from annexgen.context import build_context, quote
from annexgen.errors import LanguageError, Location, RenderError, TemplateError
from annexgen.loading import load_annex
from annexgen.lv import amount_to_words, format_amount, format_date, parse_date, short_name
from annexgen.models import GenericAnnex, ProjectAnnouncement, ProjectDescription
from annexgen.output import write_atomic
from annexgen.pdf import docx_to_pdf

__all__ = [
    "AnyAnnex",
    "bundled_template",
    "make_environment",
    "render",
    "render_context",
    "render_docxtpl",
    "render_file",
    "template_path",
]

AnyAnnex = ProjectDescription | GenericAnnex | ProjectAnnouncement

#: Zip timestamp of every member: the DOS epoch, as Word itself uses for
#: reproducible files (python-docx PR #810).
ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)
#: Core-property date when an annex has no decision date.
DEFAULT_DATE: Final = datetime(2000, 1, 1, tzinfo=UTC)


# --- filters ---------------------------------------------------------------------


def _to_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return parse_date(value)[0]
    raise LanguageError(f"not a date: {value!r}")


def _filter_amount(value: object, currency: str = "EUR") -> str:
    return format_amount(value, currency)  # type: ignore[arg-type]


def _filter_amount_words(
    value: object, currency: str = "EUR", cents: str = "digits", style: str = "municipal"
) -> str:
    return amount_to_words(value, currency, cents=cents, style=style)  # type: ignore[arg-type]


def _filter_date(value: object, case: str = "nominative") -> str:
    return format_date(_to_date(value), case)  # type: ignore[arg-type]


def _filter_quoted(value: object) -> str:
    return quote(str(value))


def _filter_short_name(value: object) -> str:
    return short_name(str(value))


class FilterError(TemplateRuntimeError):
    """A filter refused its input; becomes a :class:`TemplateError` naming the filter.

    Derived from Jinja's own error so the renderer reports it like any other
    template mistake (with the template's name), instead of letting a bare
    ``LanguageError`` out with no hint that the template, not the data, is at fault.
    """


def _guarded(name: str, function: Callable[..., str]) -> Callable[..., str]:
    @wraps(function)
    def guarded(value: object, *args: object) -> str:
        try:
            return function(value, *args)
        except (LanguageError, TypeError, ValueError) as err:
            raise FilterError(f"filter '{name}' cannot format {value!r}: {err}") from err

    return guarded


#: The filters every template may use; documented in docs/templates.md.
FILTERS: Final = {
    name: _guarded(name, function)
    for name, function in {
        "amount": _filter_amount,
        "amount_words": _filter_amount_words,
        "date_lv": _filter_date,
        "quoted": _filter_quoted,
        "short_name": _filter_short_name,
    }.items()
}


class _AnnexEnvironment(SandboxedEnvironment):
    """The sandbox, plus a cache of compiled templates keyed by their source.

    docxtpl compiles the whole document XML with ``from_string`` on every
    render; the XML of one template is the same every time, so compiling it
    once per process saves most of the Jinja work in a batch.
    """

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.filters.update(FILTERS)
        self._compiled: dict[str, Template] = {}

    def from_string(  # type: ignore[override]
        self, source: str, globals: Any = None, template_class: Any = None
    ) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            if len(self._compiled) > 64:
                self._compiled.clear()
            template = super().from_string(source)
            self._compiled[source] = template
        return template


@lru_cache(maxsize=1)
def make_environment() -> SandboxedEnvironment:
    """The only Jinja environment annexgen renders with (sandboxed, strict, escaping)."""
    return _AnnexEnvironment()


# --- templates ---------------------------------------------------------------------


def _templates_dir() -> Path:
    packaged = Path(str(resources.files("annexgen"))) / "templates"
    if packaged.is_dir():
        return packaged  # installed wheel: templates ship inside the package
    checkout = Path(__file__).resolve().parents[2] / "templates"
    if checkout.is_dir():
        return checkout  # source checkout or editable install
    raise TemplateError("the bundled templates are missing from this installation")


def template_path(kind: str) -> Path:
    """Path of the bundled template for an annex kind."""
    path = _templates_dir() / f"{kind}.docx"
    if not path.is_file():
        raise TemplateError(f"no bundled template for {kind!r}")
    return path


@lru_cache(maxsize=32)
def _template_bytes(path: str, mtime: float) -> bytes:
    return Path(path).read_bytes()


def bundled_template(kind: str) -> bytes:
    """Bytes of the bundled template for ``kind`` (read once per process)."""
    path = template_path(kind)
    return _template_bytes(str(path), path.stat().st_mtime)


def _read_template(template: str | Path | bytes | None, kind: str) -> tuple[bytes, str]:
    if template is None:
        return bundled_template(kind), f"bundled template {kind}.docx"
    if isinstance(template, bytes):
        return template, "template"
    path = Path(template)
    try:
        return _template_bytes(str(path), path.stat().st_mtime), str(path)
    except OSError as err:
        raise TemplateError(
            f"cannot read the template: {err.strerror}", location=Location(str(path))
        ) from err


# --- rendering ---------------------------------------------------------------------


def _expected_texts(ctx: dict[str, Any]) -> Iterator[str]:
    """Every string the document must contain, for the post-render check."""
    if ctx["mark"]:
        yield from ctx["mark"]["lines"]
    yield ctx["title"]
    for row in ctx["rows"]:
        yield row["label"]
        yield from row["paragraphs"]
        yield from row["entries"]
    yield from ctx["paragraphs"]
    for block in ctx["blocks"]:
        yield from block.get("bullets") or [block.get("text") or ""]
    if ctx["disclaimer"]:
        yield ctx["disclaimer"]
    if ctx["signature"]:
        yield ctx["signature"]["position"]
        yield ctx["signature"]["name"]
    if ctx["e_signed"]:
        yield ctx["e_signature_mark"]


def _verify(data: bytes, ctx: dict[str, Any], *, check_values: bool) -> None:
    """Prove the saved document is sound before anyone sees it (reliability §2.13)."""
    texts: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name in zf.namelist():
                if name.endswith((".xml", ".rels")):
                    root = etree.fromstring(zf.read(name))  # strict: no recover=True here
                    if name.startswith("word/"):
                        texts.extend(document_paragraphs(root))
        docx.Document(io.BytesIO(data))  # and python-docx can open it
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise RenderError(f"the rendered document is not well-formed: {err}") from err
    if not check_values:
        return
    text = "\n".join(texts)
    missing = [value for value in _expected_texts(ctx) if value and value not in text]
    if missing:
        raise RenderError(
            f"the rendered document lost text: {missing[0][:80]!r}"
            + (f" and {len(missing) - 1} more" if len(missing) > 1 else "")
        )


def _deterministic_zip(data: bytes) -> bytes:
    """Same members, same order, fixed timestamps: same input → same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def _set_properties(document: Any, props: dict[str, Any]) -> None:
    core = document.core_properties
    core.title = props["title"]
    core.subject = props["subject"]
    core.keywords = props["keywords"]
    core.author = props["author"] or "annexgen"
    core.last_modified_by = "annexgen"
    core.language = props["language"]
    core.comments = ""
    core.revision = 1
    when = props["date"]
    stamp = (
        datetime(when.year, when.month, when.day, tzinfo=UTC)
        if isinstance(when, date)
        else DEFAULT_DATE
    )
    core.created = stamp
    core.modified = stamp


def _plain(value: Any) -> Any:
    """Model data for custom templates: plain dicts/lists/str/Decimal/date only."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | Decimal | date | bool) or value is None:
        return value
    return str(value)  # pragma: no cover - the models hold nothing else


def render_context(annex: AnyAnnex, *, public: bool = False) -> dict[str, Any]:
    """The full template context: :func:`annexgen.context.build_context` plus ``data``.

    ``data`` is the annex itself as plain values (for custom templates); in
    public mode its personal fields are replaced too.
    """
    ctx = build_context(annex, public=public)
    data = _plain(annex.model_dump(mode="python"))
    if public:
        placeholder = annex.options.personal_placeholder
        contact = data.get("contact")
        if isinstance(contact, dict):
            for key in ("name", "phone", "mobile", "email"):
                if contact.get(key):
                    contact[key] = placeholder
        for row in [*data.get("extra_rows", []), *data.get("rows", [])]:
            if row.get("personal"):
                row["text"] = placeholder
    ctx["data"] = data
    ctx["table_header"] = {"label": "Sadaļa", "value": "Saturs"}
    return ctx


_PARA: Final = re.compile(r"<w:p([ >])")
_UNPARA: Final = re.compile(r"\n<w:p([ >])")
_XML_TAGS: Final = re.compile(r"<[^>]+>")


class _DocxTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl, except that it never rewrites rendered *data*.

    docxtpl's ``render_xml_part`` replaces ``{_{``, ``}_}``, ``{_%``, ``%_}``
    in the rendered XML, values included, so a clerk's ``"{_{ x }_}"`` came out
    as ``"{{ x }}"``. Here the escapes are resolved in the template source
    (:func:`annexgen.compiled.resolve_brace_escapes`) and the output is left
    as rendered; the rest is docxtpl's own per-part work.
    """

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        source = _PARA.sub(r"\n<w:p\1", resolve_brace_escapes(src_xml))
        self.current_rendering_part = part
        try:
            xml = (jinja_env or make_environment()).from_string(source).render(context)
        except JinjaTemplateError as err:
            lineno = error_line(err)
            if lineno is not None:  # the paragraphs around the error, for the message
                err.docx_context = paragraph_context(source, lineno, _XML_TAGS)  # type: ignore[attr-defined]
            raise
        return str(self.resolve_listing(_UNPARA.sub(r"<w:p\1", xml)))


def render(
    annex: AnyAnnex,
    template: str | Path | bytes | None = None,
    *,
    public: bool = False,
) -> bytes:
    """Render an annex to the bytes of a .docx file.

    ``template`` is a path to (or the bytes of) a custom .docx template; by
    default the bundled template for the annex kind. Raises
    :class:`TemplateError` for template problems (syntax, unknown variables,
    unsafe code) and :class:`RenderError` if the result fails verification.

    Uses the compiled fast path (:mod:`annexgen.compiled`); templates with
    images, footnotes or column loops go through :func:`render_docxtpl`.
    """
    source, name = _read_template(template, annex.kind)
    compiled = compile_template(source, name)
    if not compiled.supported:
        return render_docxtpl(annex, template, public=public)
    ctx = render_context(annex, public=public)
    expected = list(_expected_texts(ctx)) if template is None else None
    return compiled.render(ctx, expected)


def render_docxtpl(
    annex: AnyAnnex,
    template: str | Path | bytes | None = None,
    *,
    public: bool = False,
) -> bytes:
    """The reference path: docxtpl's own render and python-docx's save, then checks.

    Slower (the template is re-opened, every part re-serialised) but it handles
    everything docxtpl does; the fast path is tested against it.
    """
    source, name = _read_template(template, annex.kind)
    ctx = render_context(annex, public=public)
    tpl = _DocxTemplate(io.BytesIO(source))
    try:
        tpl.render(ctx, jinja_env=make_environment(), autoescape=True)
    except JinjaTemplateError as err:
        raise template_error(err, name) from err
    except zipfile.BadZipFile as err:
        raise TemplateError(f"not a Word (.docx) file: {err}", location=Location(name)) from err
    _set_properties(tpl.docx, ctx["properties"])
    buffer = io.BytesIO()
    tpl.save(buffer)
    data = _deterministic_zip(buffer.getvalue())
    _verify(data, ctx, check_values=template is None)
    return data


def template_error(err: JinjaTemplateError, name: str) -> TemplateError:
    where = ""
    context = getattr(err, "docx_context", None)
    if context is not None:
        lines = [line.strip() for line in context if line.strip()]
        if lines:
            where = f" near {' | '.join(lines)[:120]!r}"
    kind = type(err).__name__
    message = err.message or str(err)
    if kind == "UndefinedError":
        return TemplateError(
            f"the template uses an unknown variable: {message}{where}", location=Location(name)
        )
    if kind == "FilterError":
        return TemplateError(f"{message}{where}", location=Location(name))
    if kind == "SecurityError":
        return TemplateError(
            f"the template tried something unsafe: {message}", location=Location(name)
        )
    return TemplateError(f"template error ({kind}): {message}{where}", location=Location(name))


def default_output(yaml_path: Path, *, public: bool = False) -> Path:
    """``annex.yaml`` → ``annex.docx`` (``annex.public.docx`` for the published version)."""
    return yaml_path.with_suffix(".public.docx" if public else ".docx")


def render_file(
    yaml_path: str | Path,
    out_path: str | Path | None = None,
    *,
    template: str | Path | None = None,
    public: bool = False,
    pdf: bool = False,
    pdf_a: bool = False,
    e_signed: bool | None = None,
) -> Path:
    """Load a YAML annex, render it, write the .docx (and .pdf) atomically.

    Returns the path of the .docx. Raises :class:`~annexgen.errors.DataError`
    for bad YAML (nothing is written), :class:`TemplateError`/:class:`RenderError`
    for template problems, :class:`~annexgen.errors.ConversionError` when a PDF
    was asked for and LibreOffice is missing or fails (the .docx is then written).
    ``e_signed`` overrides the YAML's ``e_signed`` when given.
    """
    source = Path(yaml_path)
    annex = load_annex(source)
    if e_signed is not None:  # the command line overrides the YAML
        annex = annex.model_copy(update={"e_signed": e_signed})
    target = Path(out_path) if out_path is not None else default_output(source, public=public)
    data = render(annex, template, public=public)
    write_atomic(target, data)
    if pdf or pdf_a:
        write_atomic(target.with_suffix(".pdf"), docx_to_pdf(data, pdf_a=pdf_a))
    return target

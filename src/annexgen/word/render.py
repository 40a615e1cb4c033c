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
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

import docx
from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from lxml import etree

from annexgen.errors import Location, RenderError, TemplateError
from annexgen.model.fields import AnnexBase
from annexgen.word.compiled import compile_template, document_paragraphs
from annexgen.word.context import build_context, expected_texts
from annexgen.word.environment import (
    error_line,
    make_environment,
    paragraph_context,
    resolve_brace_escapes,
    template_error,
)
from annexgen.word.templates import bundled_template, read_template, template_path

__all__ = ["bundled_template", "render", "render_docxtpl", "template_path"]

#: Zip timestamp of every member: the DOS epoch, as Word itself uses for
#: reproducible files (python-docx PR #810).
ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)
#: Core-property date when an annex has no decision date.
DEFAULT_DATE: Final = datetime(2000, 1, 1, tzinfo=UTC)


# --- rendering ---------------------------------------------------------------------


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
    missing = [value for value in expected_texts(ctx) if value and value not in text]
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
    annex: AnnexBase,
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
    source, name = read_template(template, annex.kind)
    compiled = compile_template(source, name)
    if not compiled.supported:
        return render_docxtpl(annex, template, public=public)
    ctx = build_context(annex, public=public)
    expected = list(expected_texts(ctx)) if template is None else None
    return compiled.render(ctx, expected)


def render_docxtpl(
    annex: AnnexBase,
    template: str | Path | bytes | None = None,
    *,
    public: bool = False,
) -> bytes:
    """The reference path: docxtpl's own render and python-docx's save, then checks.

    Slower (the template is re-opened, every part re-serialised) but it handles
    everything docxtpl does; the fast path is tested against it.
    """
    source, name = read_template(template, annex.kind)
    ctx = build_context(annex, public=public)
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

"""The fast path: a template prepared once and rendered many times.

docxtpl's ``render`` + ``save`` re-opens the template with python-docx, parses
and re-serialises every part and re-compresses the package for each document
(issue 5 measured 17–21 ms per annex with a python-docx-made template). Most of
that work gives the same result every time. A :class:`CompiledTemplate` does it
once: it keeps docxtpl's own pre-processing (``patch_xml``) of the body and of
any header or footer with tags, compiles them once in the sandboxed
environment, and per document only

1. renders the compiled Jinja templates with docxtpl's ``render_xml_part``
   (so escaping, ``\\n``/``\\t`` handling and error messages are docxtpl's own);
2. writes ``docProps/core.xml`` from the data (escaped once, never templated);
3. re-parses every produced part *strictly* and checks that every value of the
   context is in the document text (the same checks as the docxtpl path);
4. zips the parts with fixed timestamps, in the template's member order.

Templates with features this path does not reproduce — images, footnotes or
``{%tc %}`` column loops — are marked ``supported = False`` and rendered by the
full docxtpl path instead.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from typing import Any, Final
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from lxml import etree

from annexgen.errors import Location, RenderError, TemplateError

__all__ = ["CompiledTemplate", "compile_template", "document_paragraphs"]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)
_XML_DECL: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_BODY: Final = re.compile(r"<w:body\b[^>]*>.*</w:body>", re.S)
_UNSUPPORTED: Final = re.compile(r"\{%-?\s*tc\b|<w:drawing\b|<w:pict\b")

_CORE: Final = (
    _XML_DECL
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>"
    "<dc:creator>{author}</dc:creator><cp:keywords>{keywords}</cp:keywords>"
    "<dc:language>{language}</dc:language><cp:lastModifiedBy>annexgen</cp:lastModifiedBy>"
    "<cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
    "</cp:coreProperties>"
)


def core_properties_xml(props: dict[str, Any]) -> bytes:
    """``docProps/core.xml`` from the context's properties, each value escaped once."""
    when = props.get("date")
    stamp = f"{when.isoformat()}T00:00:00Z" if isinstance(when, date) else "2000-01-01T00:00:00Z"
    values = {k: escape(str(props.get(k) or "")) for k in ("title", "subject", "keywords")}
    return _CORE.format(
        author=escape(str(props.get("author") or "annexgen")),
        language=escape(str(props.get("language") or "lv-LV")),
        stamp=stamp,
        **values,
    ).encode("utf-8")


def document_paragraphs(root: Any) -> Iterator[str]:
    """Text of every paragraph as python-docx reads it (tabs and line breaks kept)."""
    for p in root.iter(f"{_W}p"):
        parts: list[str] = []
        for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
            if el.tag == f"{_W}t":
                parts.append(el.text or "")
            elif el.tag == f"{_W}tab":
                parts.append("\t")
            elif el.get(f"{_W}type") in (None, "textWrapping"):
                parts.append("\n")
        yield "".join(parts)


class CompiledTemplate:
    """A .docx template ready to render many documents quickly."""

    def __init__(self, data: bytes, name: str) -> None:
        from annexgen.rendering import make_environment  # noqa: PLC0415 - avoids a cycle

        self.name = name
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                self.members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
            self._tpl = DocxTemplate(io.BytesIO(data))
            self._tpl.init_docx()
        except (zipfile.BadZipFile, KeyError, ValueError) as err:
            raise TemplateError(f"not a Word (.docx) file: {err}", location=Location(name)) from err
        self.env = make_environment()
        names = {n for n, _ in self.members}
        document = dict(self.members).get("word/document.xml", b"").decode("utf-8")
        body = _BODY.search(document)
        self.supported = (
            body is not None
            and "docProps/core.xml" in names
            and "word/footnotes.xml" not in names
            and not _UNSUPPORTED.search(document)
        )
        if not self.supported or body is None:
            return
        self._head, self._tail = document[: body.start()], document[body.end() :]
        self._body = self._tpl.patch_xml(self._tpl.get_xml())
        self._parts: dict[str, tuple[str, Any]] = {}
        for uri in (self._tpl.HEADER_URI, self._tpl.FOOTER_URI):
            for _, part in self._tpl.get_headers_footers(uri):
                xml = self._tpl.get_part_xml(part)
                if "{" in xml:
                    self._parts[str(part.partname).lstrip("/")] = (self._tpl.patch_xml(xml), part)

    def _render_part(self, source: str, part: Any, ctx: dict[str, Any]) -> str:
        try:
            return str(self._tpl.render_xml_part(source, part, ctx, self.env))
        except JinjaTemplateError as err:
            from annexgen.rendering import template_error  # noqa: PLC0415 - avoids a cycle

            raise template_error(err, self.name) from err

    def render(self, ctx: dict[str, Any], expected: list[str] | None = None) -> bytes:
        """Bytes of the .docx for ``ctx``; raises if any check fails.

        ``expected``: strings that must appear in the document text (the
        values of the annex); ``None`` skips that check (custom templates may
        legitimately leave values out).
        """
        body = self._render_part(self._body, self._tpl.docx._part, ctx)
        produced = {"word/document.xml": (self._head + body + self._tail).encode("utf-8")}
        for part_name, (source, part) in self._parts.items():
            produced[part_name] = (_XML_DECL + self._render_part(source, part, ctx)).encode()
        produced["docProps/core.xml"] = core_properties_xml(ctx["properties"])
        texts: list[str] = []
        for part_name, xml in produced.items():
            try:
                root = etree.fromstring(xml)  # strict: no recover=True here
            except etree.XMLSyntaxError as err:
                raise RenderError(f"the rendered {part_name} is not well-formed: {err}") from err
            if part_name != "docProps/core.xml":
                texts.extend(document_paragraphs(root))
        if expected:
            text = "\n".join(texts)
            missing = [value for value in expected if value and value not in text]
            if missing:
                raise RenderError(
                    f"the rendered document lost text: {missing[0][:80]!r}"
                    + (f" and {len(missing) - 1} more" if len(missing) > 1 else "")
                )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for member, content in self.members:
                info = zipfile.ZipInfo(member, date_time=ZIP_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, produced.get(member, content))
        return out.getvalue()


_CACHE: dict[str, CompiledTemplate] = {}


def compile_template(data: bytes, name: str) -> CompiledTemplate:
    """The compiled form of a template, made once per process and content."""
    key = hashlib.sha256(data).hexdigest()
    compiled = _CACHE.get(key)
    if compiled is None:
        if len(_CACHE) > 32:
            _CACHE.clear()
        compiled = _CACHE[key] = CompiledTemplate(data, name)
    return compiled

"""The fast path: a template prepared once and rendered many times.

docxtpl's ``render`` + ``save`` re-opens the template with python-docx, parses
and re-serialises every part and re-compresses the package for each document
(issue 5 measured 17–21 ms per annex with a python-docx-made template). Most of
that work gives the same result every time. A :class:`CompiledTemplate` does it
once: it keeps docxtpl's own pre-processing (``patch_xml``) of the body and of
any header or footer with tags, compiles them once in the sandboxed
environment, and per document only

1. renders the compiled Jinja templates as docxtpl's ``render_xml_part`` does
   (its ``\\n``/``\\t`` handling and error context), except that the brace
   escapes ``{_{ }_}`` are resolved in the template, never in the output;
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
import struct
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date
from typing import Any, Final, NamedTuple
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from lxml import etree

from annexgen.errors import Location, RenderError, TemplateError
from annexgen.word.environment import (
    error_line,
    make_environment,
    paragraph_context,
    resolve_brace_escapes,
    template_error,
)

__all__ = [
    "CompiledTemplate",
    "compile_template",
    "document_paragraphs",
]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_DECL: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_BODY: Final = re.compile(r"<w:body\b[^>]*>.*</w:body>", re.S)
_UNSUPPORTED: Final = re.compile(r"\{%-?\s*tc\b|<w:drawing\b|<w:pict\b")
_PARA: Final = re.compile(r"<w:p([ >])")
_UNPARA: Final = re.compile(r"\n<w:p([ >])")
_TAGS: Final = re.compile(r"<[^>]+>")
# --- a minimal deterministic zip writer -------------------------------------------
# zipfile's per-member bookkeeping costs more than the rendering itself here, and
# the template's unchanged parts can be compressed once. Format: PKWARE APPNOTE
# 4.3 (local header, data, central directory, end record), deflate, no extras.
_DOS_DATE: Final = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME: Final = 0


class _Deflated(NamedTuple):
    data: bytes
    crc: int
    size: int


def _deflate(raw: bytes) -> _Deflated:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Deflated(packer.compress(raw) + packer.flush(), zlib.crc32(raw), len(raw))


def _zip(entries: list[tuple[str, _Deflated]]) -> bytes:
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, entry in entries:
        encoded = name.encode("utf-8")
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.data), entry.size, len(encoded), 0,
        )  # fmt: skip
        record = struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, 0, 8, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.data), entry.size, len(encoded), 0, 0, 0, 0,
            0o100644 << 16, offset,
        )  # fmt: skip
        central.append(record + encoded)
        out += (header, encoded, entry.data)
        offset += len(header) + len(encoded) + len(entry.data)
    directory = b"".join(central)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0
    )
    return b"".join(out) + directory + end


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
        self._body = self._compile(self._tpl.patch_xml(self._tpl.get_xml()))
        self._parts: dict[str, Any] = {}
        for uri in (self._tpl.HEADER_URI, self._tpl.FOOTER_URI):
            for _, part in self._tpl.get_headers_footers(uri):
                xml = self._tpl.get_part_xml(part)
                if "{" in xml:
                    name = str(part.partname).lstrip("/")
                    self._parts[name] = self._compile(self._tpl.patch_xml(xml))
        self._static = {n: _deflate(c) for n, c in self.members}

    def _compile(self, patched: str) -> Any:
        """docxtpl's ``render_xml_part`` preparation, done once instead of per render."""
        source = _PARA.sub(r"\n<w:p\1", resolve_brace_escapes(patched))
        try:
            return source, self.env.from_string(source)
        except JinjaTemplateError as err:
            raise self._error(err, source) from err

    def _error(self, err: JinjaTemplateError, source: str) -> TemplateError:
        lineno = error_line(err)
        if lineno is not None:  # the paragraphs around the error, as docxtpl reports them
            err.docx_context = paragraph_context(source, lineno, _TAGS)  # type: ignore[attr-defined]
        return template_error(err, self.name)

    def _render_part(self, compiled: Any, ctx: dict[str, Any]) -> str:
        source, template = compiled
        try:
            xml = template.render(ctx)
        except JinjaTemplateError as err:
            raise self._error(err, source) from err
        xml = _UNPARA.sub(r"<w:p\1", xml)  # brace escapes were resolved in the source
        if any(ch in xml for ch in "\n\t\a\f"):  # only then is there anything to resolve
            xml = self._tpl.resolve_listing(xml)
        return str(xml)

    def render(self, ctx: dict[str, Any], expected: list[str] | None = None) -> bytes:
        """Bytes of the .docx for ``ctx``; raises if any check fails.

        ``expected``: strings that must appear in the document text (the
        values of the annex); ``None`` skips that check (custom templates may
        legitimately leave values out).
        """
        body = self._render_part(self._body, ctx)
        produced = {"word/document.xml": (self._head + body + self._tail).encode("utf-8")}
        for part_name, compiled in self._parts.items():
            produced[part_name] = (_XML_DECL + self._render_part(compiled, ctx)).encode()
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
        entries = [
            (name, _deflate(produced[name]) if name in produced else self._static[name])
            for name, _ in self.members
        ]
        return _zip(entries)


_CACHE: dict[tuple[str, str], CompiledTemplate] = {}


def compile_template(data: bytes, name: str) -> CompiledTemplate:
    """The compiled form of a template, made once per process, content and name.

    The name is part of the key because errors found while rendering name the
    template: the same bytes reached first as ``my.docx`` and later as
    ``other.docx`` must not report ``my.docx``.
    """
    key = (hashlib.sha256(data).hexdigest(), name)
    compiled = _CACHE.get(key)
    if compiled is None:
        if len(_CACHE) > 32:
            _CACHE.clear()
        compiled = _CACHE[key] = CompiledTemplate(data, name)
    return compiled

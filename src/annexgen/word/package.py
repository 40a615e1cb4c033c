"""The Word package layer: a .docx as ordered parts, in and out.

Both render paths (:mod:`annexgen.word.compiled`, the fast one, and the docxtpl
fallback in :mod:`annexgen.word.render`) and ``annexgen template check`` stand
on this module, so each of these things exists once:

* **reading** — :meth:`Package.read` turns bytes into the ordered parts of a
  Word document and refuses anything else (not a ZIP, no main document, a
  macro-enabled or template content type, a DTD, a member too large) with a
  :class:`~annexgen.errors.TemplateError` that names the file;
* **the story parts** — body, headers, footers and footnotes, found through the
  package's relationships (:meth:`Package.stories`), and their XML text as
  python-docx would hand it to docxtpl (:meth:`Package.source`);
* **the core properties** — ``docProps/core.xml`` written from the context's
  ``properties``, each value escaped exactly once, one default date
  (:func:`core_properties_xml`); never templated (docxtpl double-escapes them);
* **the zip writer** — :meth:`Package.to_bytes`: same parts, same bytes (fixed
  timestamps, the template's member order); unchanged parts are compressed once
  per template, not once per document;
* **the verification** — :func:`finish` re-parses every produced XML part
  *strictly*, proves python-docx opens the result and, for bundled templates,
  that every value of the annex is in the text (reliability §2.13).

No docxtpl here: what this layer needs of a Word package it reads itself.
"""

from __future__ import annotations

import io
import posixpath
import struct
import threading
import zipfile
import zlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, Final, NamedTuple
from xml.sax.saxutils import escape

import docx
from lxml import etree

from annexgen.errors import Location, RenderError, TemplateError
from annexgen.messages import Param, Phrase

__all__ = [
    "DEFAULT_DATE",
    "Package",
    "Story",
    "core_properties_xml",
    "document_paragraphs",
    "finish",
    "parse_strict",
]

W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W: Final = "{" + W + "}"
XML_DECLARATION: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CT: Final = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CORE_REL: Final = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
_CORE_TYPE: Final = "application/vnd.openxmlformats-package.core-properties+xml"
_WORD_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_MAIN_TYPE: Final = _WORD_TYPE + ".document.main+xml"
_OTHER_MAIN_TYPES: Final = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": Phrase("docx-is-docm"),
    _WORD_TYPE + ".template.main+xml": Phrase("docx-is-dotx"),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": Phrase("docx-is-dotm"),
}
CORE_PART: Final = "docProps/core.xml"

#: Core-property date when an annex has no decision date.
DEFAULT_DATE: Final = date(2000, 1, 1)
#: A template is a few dozen kilobytes; anything that unpacks to more than this is
#: refused before it is unpacked (a "zip bomb" must not take a batch worker down).
MAX_UNPACKED: Final = 256 * 1024 * 1024
#: Largest single part, unpacked (a photo in an annex is a few MB).
MAX_PART: Final = 64 * 1024 * 1024
#: Highest compression ratio of a part larger than :data:`RATIO_FROM` unpacked. Word's
#: XML packs about 10:1 and photos about 1:1; 25 000 000 empty paragraphs pack
#: 700:1 into 217 KB and took 56 s and 3.3 GB to read (issue 17).
MAX_RATIO: Final = 100
RATIO_FROM: Final = 1024 * 1024
#: Most XML tags (``<``) in all XML parts together, counted before anything is
#: parsed: parsing costs memory per element, not per byte. A long annex has a few
#: thousand; a 300-page Word document about 500 000.
MAX_TAGS: Final = 2_000_000


# --- XML ------------------------------------------------------------------------------

_parsers = threading.local()


def _parser(*, keep_blank: bool) -> etree.XMLParser:
    """lxml parsers are not thread-safe (the web app renders in threads): one per thread.

    Entities are never resolved and the network never reached: a template is
    untrusted input. ``keep_blank=False`` drops whitespace between elements as
    python-docx does, so a pretty-printed part prepares like a Word-saved one.
    """
    key = "blank" if keep_blank else "compact"
    parser = getattr(_parsers, key, None)
    if parser is None:
        parser = etree.XMLParser(
            remove_blank_text=not keep_blank, resolve_entities=False, no_network=True
        )
        setattr(_parsers, key, parser)
    return parser


def parse_strict(xml: bytes) -> Any:
    """Parse one part, or raise ``etree.XMLSyntaxError``; never *recover* (reliability §2.2)."""
    return etree.fromstring(xml, _parser(keep_blank=True))


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


_TEXT_TAGS: Final = tuple(f"{_W}{name}" for name in ("p", "t", "tab", "br", "cr"))


def story_text(root: Any) -> str:
    """All text of a part, a line break before each paragraph, in one pass.

    What the lost-text check searches: :func:`document_paragraphs` joined by
    line breaks, but a quarter of the cost, which every fast render pays.
    """
    paragraph, text, tab = _TEXT_TAGS[:3]
    out: list[str] = []
    for el in root.iter(*_TEXT_TAGS):
        tag = el.tag
        if tag == text:
            out.append(el.text or "")
        elif tag == paragraph:
            out.append("\n")
        elif tag == tab:
            out.append("\t")
        elif el.get(f"{_W}type") in (None, "textWrapping"):
            out.append("\n")
    return "".join(out)


# --- the zip writer -------------------------------------------------------------------
# zipfile's per-member bookkeeping costs more than the rendering itself, and a
# template's unchanged parts can be compressed once. Format: PKWARE APPNOTE 4.3
# (local header, data, central directory, end record), deflate, no extra fields.
_DOS_DATE: Final = (0 << 9) | (1 << 5) | 1  # 1980-01-01, as Word uses for reproducible files
_DOS_TIME: Final = 0
_UTF8_NAME: Final = 1 << 11


class _Deflated(NamedTuple):
    data: bytes
    crc: int
    size: int


def _deflate(raw: bytes) -> _Deflated:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Deflated(packer.compress(raw) + packer.flush(), zlib.crc32(raw), len(raw))


def _zip(entries: Iterable[tuple[str, _Deflated]]) -> bytes:
    out: list[bytes] = []
    central: list[bytes] = []
    offset = count = 0
    for name, entry in entries:
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAME
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.data), entry.size, len(encoded), 0,
        )  # fmt: skip
        record = struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, flags, 8, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.data), entry.size, len(encoded), 0, 0, 0, 0,
            0o100644 << 16, offset,
        )  # fmt: skip
        central.append(record + encoded)
        out += (header, encoded, entry.data)
        offset += len(header) + len(encoded) + len(entry.data)
        count += 1
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), offset, 0)
    return b"".join(out) + directory + end


# --- the package ----------------------------------------------------------------------


class Story(NamedTuple):
    """A part that holds text a template can print: its name and what it is."""

    name: str
    kind: str  # "body", "header", "footer", "footnotes", "endnotes"


_STORY_RELS: Final = {
    _OFFICE_REL + kind: kind for kind in ("header", "footer", "footnotes", "endnotes")
}


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


class Package:
    """A Word document as its parts, in member order; immutable once made.

    :meth:`replaced` makes a new package sharing the unchanged parts (and their
    compressed form) with this one, which is how a compiled template turns into
    many documents cheaply.
    """

    def __init__(
        self,
        parts: dict[str, bytes],
        name: str,
        *,
        _deflated: dict[str, _Deflated] | None = None,
        _base: Package | None = None,
    ) -> None:
        self._parts = parts
        self.name = name
        self._deflated = _deflated if _deflated is not None else {}
        self._base = _base
        self._stories: list[Story] | None = None
        self._opens = False  # python-docx has opened a document of this structure

    # reading ------------------------------------------------------------------------

    @classmethod
    def read(cls, data: bytes, name: str) -> Package:
        """The parts of a .docx, or :class:`TemplateError` saying why it is not one."""
        package = cls.unpack(data, name)
        package._check_word()
        return package

    @classmethod
    def unpack(cls, data: bytes, name: str) -> Package:
        """The parts of a ZIP package, without the Word checks of :meth:`read`.

        For a document a render path has just made: :func:`finish` verifies it.
        """
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                infos = [i for i in zf.infolist() if not i.is_dir()]
                cls._check_sizes(infos, name)
                parts = {i.filename: zf.read(i) for i in infos}
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as err:
            raise cls._refuse(name, Phrase("docx-not-zip", {"reason": str(err)})) from err
        except (OSError, ValueError) as err:  # truncated members, bad CRCs, odd headers
            raise cls._refuse(name, Phrase("docx-damaged-zip", {"reason": str(err)})) from err
        tags = sum(d.count(b"<") for n, d in parts.items() if n.endswith((".xml", ".rels")))
        if tags > MAX_TAGS:
            raise cls._refuse(name, Phrase("docx-too-many-tags", {"limit": MAX_TAGS}))
        return cls(parts, name)

    @classmethod
    def _check_sizes(cls, infos: list[zipfile.ZipInfo], name: str) -> None:
        """Refuse from the ZIP directory alone, before a byte is unpacked.

        zipfile never unpacks more than a member's declared size (a member that
        lies fails its CRC), so the declared sizes bound the memory.
        """
        if sum(i.file_size for i in infos) > MAX_UNPACKED:
            raise cls._refuse(name, Phrase("docx-too-large", {"limit": MAX_UNPACKED // 2**20}))
        for info in infos:
            if info.flag_bits & 0x1:
                raise cls._refuse(name, Phrase("docx-password"))
            if info.file_size > MAX_PART:
                params: dict[str, Param] = {"part": info.filename, "limit": MAX_PART // 2**20}
                raise cls._refuse(name, Phrase("docx-part-too-large", params))
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FROM and ratio > MAX_RATIO:
                params = {"part": info.filename, "ratio": int(ratio), "limit": MAX_RATIO}
                raise cls._refuse(name, Phrase("docx-ratio", params))

    @staticmethod
    def _refuse(name: str, why: Phrase) -> TemplateError:
        return TemplateError(
            location=Location(name),
            code="template-not-docx",
            params={"reason": why},
        )

    def _check_word(self) -> None:
        for part in ("[Content_Types].xml", "_rels/.rels"):
            if part not in self._parts:
                raise self._refuse(self.name, Phrase("docx-part-missing", {"part": part}))
        types = self._content_types()
        main = self.main_part
        if main not in self._parts:
            raise self._refuse(self.name, Phrase("docx-main-missing", {"part": main}))
        kind = types.get(main)
        if kind in _OTHER_MAIN_TYPES:
            what = _OTHER_MAIN_TYPES[kind]
            raise self._refuse(self.name, Phrase("docx-other-kind", {"what": what}))
        if kind != _MAIN_TYPE:
            raise self._refuse(
                self.name, Phrase("docx-not-body", {"part": main, "kind": str(kind)})
            )
        for part, data in self._parts.items():
            if part.endswith((".xml", ".rels")):
                self._xml(part, data)

    def _xml(self, part: str, data: bytes) -> Any:
        try:
            root = parse_strict(data)
        except etree.XMLSyntaxError as err:
            raise self._refuse(
                self.name, Phrase("docx-broken-part", {"part": part, "reason": str(err)})
            ) from err
        if root.getroottree().docinfo.doctype:
            raise self._refuse(self.name, Phrase("docx-dtd", {"part": part}))
        return root

    def _content_types(self) -> dict[str, str]:
        """Content type of every part named in an Override (by part name, no slash)."""
        root = parse_strict(self._parts["[Content_Types].xml"])
        return {
            o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
            for o in root.iter(f"{_CT}Override")
        }

    def _relationships(self, source: str) -> list[tuple[str, str]]:
        """``(type, part name)`` of the internal relationships of ``source`` ('' = package)."""
        return [(kind, part) for _, kind, part in self.relationships(source)]

    def relationships(self, source: str) -> list[tuple[str, str, str]]:
        """``(id, type, part name)`` of the internal relationships of ``source``
        ('' = the package), in the order of its ``.rels`` part."""
        rels = "_rels/.rels" if not source else _rels_name(source)
        if rels not in self._parts:
            return []
        folder = posixpath.dirname(source)
        out = []
        for rel in parse_strict(self._parts[rels]).iter(f"{_RELS}Relationship"):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Id", ""), rel.get("Type", ""), part))
        return out

    def related(self, source: str, kind: str) -> list[str]:
        """The parts ``source`` relates to by relationship type ``kind`` (a full URI)."""
        return [part for rel, part in self._relationships(source) if rel == kind]

    # parts ------------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        return list(self._parts)

    @property
    def parts(self) -> Mapping[str, bytes]:
        return self._parts

    def __getitem__(self, part: str) -> bytes:
        return self._parts[part]

    def __contains__(self, part: object) -> bool:
        return part in self._parts

    @property
    def main_part(self) -> str:
        for kind, part in self._relationships(""):
            if kind == _OFFICE_REL + "officeDocument":
                return part
        raise self._refuse(self.name, Phrase("docx-no-main"))

    def stories(self) -> list[Story]:
        """The body, then headers, footers, footnotes and endnotes, in relationship order."""
        if self._stories is None:
            if self._base is not None:
                self._stories = self._base.stories()
            else:
                main = self.main_part
                self._stories = [Story(main, "body")] + [
                    Story(part, _STORY_RELS[kind])
                    for kind, part in self._relationships(main)
                    if kind in _STORY_RELS and part in self._parts
                ]
        return self._stories

    def source(self, part: str) -> str:
        """The XML of a part as python-docx serialises it (no declaration, no blank text).

        Preparing templates from this form rather than the bytes in the file makes
        a pretty-printed part, or one with character references, read like the
        Word-saved original, as it does when docxtpl reads it through python-docx.
        """
        root = etree.fromstring(self._parts[part], _parser(keep_blank=False))
        return str(etree.tostring(root, encoding="unicode"))

    def replaced(self, changes: Mapping[str, bytes]) -> Package:
        """A new package with ``changes`` applied; new parts go at the end."""
        parts = dict(self._parts)
        parts.update(changes)
        deflated = {n: d for n, d in self._deflated.items() if n not in changes}
        return Package(parts, self.name, _deflated=deflated, _base=self)

    def ordered_like(self, other: Package) -> Package:
        """The same parts in ``other``'s member order (parts ``other`` lacks at the end)."""
        rank = {n: i for i, n in enumerate(other.names)}
        order = sorted(self._parts, key=lambda n: (rank.get(n, len(rank)), n))
        return Package({n: self._parts[n] for n in order}, self.name)

    # writing ---------------------------------------------------------------------------

    def compress(self) -> None:
        """Compress every part now (a compiled template does this once, up front)."""
        for part, data in self._parts.items():
            if part not in self._deflated:
                self._deflated[part] = _deflate(data)

    def to_bytes(self) -> bytes:
        """The .docx file: same parts, same bytes (fixed timestamps, member order kept)."""
        entries = []
        for part, data in self._parts.items():
            entry = self._deflated.get(part)
            if entry is None:
                entry = _deflate(data)
            entries.append((part, entry))
        return _zip(entries)

    # core properties ------------------------------------------------------------------

    def core_properties(self, props: Mapping[str, Any]) -> dict[str, bytes]:
        """The parts to change so that the document carries ``props`` (see the module doc).

        A package without a core-properties part (some tools write none) gets one,
        with its content type and relationship, as python-docx would add it.
        """
        changes = {CORE_PART: core_properties_xml(props)}
        if CORE_PART not in self._parts:
            types = parse_strict(self._parts["[Content_Types].xml"])
            etree.SubElement(
                types, f"{_CT}Override", PartName=f"/{CORE_PART}", ContentType=_CORE_TYPE
            )
            rels = parse_strict(self._parts["_rels/.rels"])
            used = {rel.get("Id") for rel in rels}
            rid = next(f"rIdCore{i}" for i in range(1, len(used) + 2) if f"rIdCore{i}" not in used)
            etree.SubElement(rels, f"{_RELS}Relationship", Id=rid, Type=_CORE_REL, Target=CORE_PART)
            for part, root in (("[Content_Types].xml", types), ("_rels/.rels", rels)):
                changes[part] = XML_DECLARATION.encode("utf-8") + etree.tostring(root)
        return changes


_CORE: Final = (
    XML_DECLARATION
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


def core_properties_xml(props: Mapping[str, Any]) -> bytes:
    """``docProps/core.xml`` from the context's properties, each value escaped once.

    Created and modified are the decision date (same input, same bytes), or
    :data:`DEFAULT_DATE`; nothing of the template's own properties (its author,
    its last-printed date) carries over into the annex.
    """
    when = props.get("date")
    stamp = (when if isinstance(when, date) else DEFAULT_DATE).isoformat() + "T00:00:00Z"
    values = {k: escape(str(props.get(k) or "")) for k in ("title", "subject", "keywords")}
    return _CORE.format(
        author=escape(str(props.get("author") or "annexgen")),
        language=escape(str(props.get("language") or "lv-LV")),
        stamp=stamp,
        **values,
    ).encode("utf-8")


# --- the verification -----------------------------------------------------------------


def _verify(
    document: Package,
    data: bytes,
    produced: Collection[str],
    expected: Iterable[str] | None,
    parsed: Mapping[str, Any],
) -> None:
    """Prove the document sound before anyone sees it (reliability §2.13).

    1. Every produced XML part parses *strictly* (``parsed``: parts the layout step
       parsed strictly and serialised with lxml, which are not parsed twice).
    2. python-docx opens the document. A compiled template's documents differ
       only in their produced parts, which step 1 parses; so python-docx opens
       the first document made from each template and vouches for the rest.
    3. ``expected`` (bundled templates: every value of the annex) is in the text
       of the produced story parts — a value lost anywhere fails the render.
    """
    stories = {s.name for s in document.stories()}
    texts: list[str] = []
    for part in produced:
        if not part.endswith((".xml", ".rels")):
            continue
        root = parsed.get(part)
        if root is None:
            try:
                root = parse_strict(document[part])
            except etree.XMLSyntaxError as err:
                why: dict[str, Param] = {"part": part, "reason": str(err)}
                raise RenderError(code="rendered-broken-part", params=why) from err
        if expected is not None and part in stories:
            texts.append(story_text(root))
    base = document._base or document
    if not base._opens:
        try:
            docx.Document(io.BytesIO(data))
        except Exception as err:  # python-docx raises many kinds; any of them means "broken"
            why = {"reason": str(err)}
            raise RenderError(code="rendered-does-not-open", params=why) from err
        base._opens = True
    if expected is None:
        return
    text = "\n".join(texts)
    # most values are whole paragraphs (a table's cells): a set finds them at once
    paragraphs = set(text.split("\n"))
    missing = [v for v in expected if v and v not in paragraphs and v not in text]
    if missing:
        lost: dict[str, Param] = {"text": missing[0][:80], "more": len(missing) - 1}
        code = "rendered-lost-texts" if len(missing) > 1 else "rendered-lost-text"
        raise RenderError(code=code, params=lost)


def finish(
    base: Package,
    produced: Mapping[str, bytes],
    properties: Mapping[str, Any],
    expected: Iterable[str] | None,
    parsed: Mapping[str, Any] | None = None,
) -> bytes:
    """``base`` with the rendered parts and the core properties, verified, as .docx bytes.

    The one way out of both render paths: ``produced`` are the parts a render
    path made (all of them, for the docxtpl fallback); ``expected`` the strings
    that must be in the text, or ``None`` for custom templates, which may
    legitimately leave values out.
    """
    changes = {**produced, **base.core_properties(properties)}
    document = base.replaced(changes)
    data = document.to_bytes()
    _verify(document, data, changes.keys(), expected, parsed or {})
    return data

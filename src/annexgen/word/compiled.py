"""The fast path: a template prepared once and rendered many times.

docxtpl's ``render`` + ``save`` re-opens the template with python-docx, parses
and re-serialises every part and re-compresses the package for each document
(issue 5 measured 17–21 ms per annex with a python-docx-made template). Most of
that work gives the same result every time. A :class:`CompiledTemplate` does it
once — reads the package (:class:`~annexgen.word.package.Package`), prepares
and compiles each story part that has tags (:class:`~annexgen.word.parts.PartTemplate`),
compresses the unchanged parts — and per document only renders those parts and
hands them to :func:`~annexgen.word.package.finish`, the same core properties,
verification and zip writer as the docxtpl fallback.

Both paths hand their parts to the layout step (:mod:`annexgen.word.layout`:
widths, alignment, spans, the page's orientation; grids after ``{%tc %}``
column loops) before finishing. Templates with what only docxtpl does —
images in the body, footnotes and the tags :func:`~annexgen.word.parts.docxtpl_only`
names — are marked ``supported = False`` and rendered by the docxtpl path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from annexgen.word.layout import lay_out
from annexgen.word.package import XML_DECLARATION, Package, finish
from annexgen.word.parts import PartTemplate, column_loops, docxtpl_only

__all__ = ["CompiledTemplate", "compile_template"]


class CompiledTemplate:
    """A .docx template ready to render many documents quickly."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self.package = Package.read(data, name)
        # docxtpl renders the body, headers, footers and footnotes; so does this path,
        # except footnotes (docxtpl writes them back unparsed; nothing to gain here)
        stories = [s for s in self.package.stories() if s.kind != "endnotes"]
        sources = {story.name: self.package.source(story.name) for story in stories}
        #: Why this template takes the docxtpl path, or ``None``.
        self.needs_docxtpl: str | None = None
        for story in stories:
            images = story.kind == "body"
            reason = "a footnote" if story.kind == "footnotes" else None
            reason = reason or docxtpl_only(sources[story.name], images=images)
            if reason:
                self.needs_docxtpl = f"{reason!r} in the {story.kind} ({story.name})"
                break
        self.supported = self.needs_docxtpl is None
        self._parts: dict[str, PartTemplate] = {}
        #: The body repeats cells with ``{%tc %}``: the layout step repairs its grids.
        self.column_loops = column_loops(sources[self.package.main_part])
        if not self.supported:
            return
        for story in stories:
            source = sources[story.name]
            if "{" in source or story.kind == "body":
                self._parts[story.name] = PartTemplate(source, name)
        self.package.compress()

    def render(self, ctx: dict[str, Any], expected: Iterable[str] | None = None) -> bytes:
        """Bytes of the .docx for ``ctx``; raises if any check fails.

        ``expected``: strings that must appear in the document text (the
        values of the annex); ``None`` skips that check (custom templates may
        legitimately leave values out).
        """
        produced = {
            part: (XML_DECLARATION + template.render(ctx)).encode("utf-8")
            for part, template in self._parts.items()
        }
        produced, parsed = lay_out(self.package, produced, ctx, column_loops=self.column_loops)
        return finish(self.package, produced, ctx["properties"], expected, parsed)


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

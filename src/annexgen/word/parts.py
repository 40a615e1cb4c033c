"""One template part (body, header, footer, footnotes) from Word XML to rendered XML.

The one preparation of template sources and the one part renderer, used by the
fast path (:mod:`annexgen.word.compiled`), by ``annexgen template check``, and
by the docxtpl fallback to say where an error is.

docxtpl's tag syntax (docs/templates.md) is implemented *here*, not borrowed
from docxtpl: its clean-up (``DocxTemplate.patch_xml``) and its line handling
(``resolve_listing``) are undocumented internals, so :func:`prepare` and
:func:`resolve_listing` do the same work themselves, for the tags annexgen
supports:

* a tag that Word split across runs (``{{ ti`` | ``tle }}``, or formatting
  between the two braces) is joined back into one run;
* ``{%p …%}``, ``{%tr …%}``, ``{%r …%}`` (and ``{{p …}}``, …) stand for the
  whole paragraph, table row or run they sit in, which they replace;
  ``{#p …#}`` and ``{#tr …#}`` remove theirs;
* ``{%- …`` and ``… -%}`` join the tag to the text before or after it;
* inside tags, Word's typographic quotes and ``&lt;``/``&gt;`` become what
  Jinja reads; text with a tag keeps its spaces (``xml:space="preserve"``);
* docxtpl's escapes for literal braces (``{_{ }_} {_% %_}``) become Jinja
  literals in the *source*, so data is never rewritten (reliability §4 row 8);
* one paragraph per source line, so an error names the paragraph a clerk can
  find in Word;
* after rendering, a tab, line break, ``\\a`` (new paragraph) or ``\\f`` (page
  break) in printed text becomes the Word element for it.

``{%tc …%}`` column loops stand for their cell like the other element tags;
the grid they leave too narrow is repaired by the layout step
(:func:`annexgen.word.layout.repair_grids`, found by :func:`column_loops`).
Tags only docxtpl implements — ``colspan``, ``cellbg``, ``vm``, ``hm``,
rich-text ``{{r}}`` — are reported by :func:`docxtpl_only`; such templates
take the docxtpl path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

from jinja2 import Template
from jinja2 import TemplateError as JinjaTemplateError

from annexgen.errors import AnnexgenError, Location, TemplateError
from annexgen.word.environment import (
    error_line,
    failure,
    make_environment,
    render_limits,
    template_error,
)

__all__ = [
    "PartTemplate",
    "column_loops",
    "docxtpl_only",
    "paragraph_context",
    "prepare",
    "resolve_brace_escapes",
    "resolve_listing",
    "tag_spans",
]

# --- preparation ------------------------------------------------------------------------

_SPLIT_DELIMITER: Final = re.compile(
    r"(?<=\{)(?:<[^>]*>)+(?=[{%#])"  # "{" <tags> "{" → "{{"
    r"|(?<=[}%#])(?:<[^>]*>)+(?=\})",  # "%" <tags> "}" → "%}"
    re.S,
)
_RUN_BREAK: Final = re.compile(r"</w:t>.*?<w:t(?:\s[^>]*)?>", re.S)
_BARE_TEXT_WITH_TAG: Final = re.compile(r"<w:t>(?=[^<]*\{[{%])")
_JOIN_BEFORE: Final = re.compile(r"</w:t>(?:(?!</w:t>).)*?\{%-", re.S)
_JOIN_AFTER: Final = re.compile(r"-%\}(?:(?!<w:t[ >]|\{%|\{\{|-%\}).)*?<w:t(?:\s[^>]*)?>", re.S)
_INSIDE_TAG: Final = re.compile(r"(?<=\{[{%])(.*?)(?=[}%]\})")
_TAG_TEXT: Final = {
    "&#8216;": "'", "&lt;": "<", "&gt;": ">", "“": '"', "”": '"', "‘": "'", "’": "'",
}  # fmt: skip
_TAG_TEXT_RE: Final = re.compile("|".join(re.escape(k) for k in _TAG_TEXT))


def _element_tag(element: str, opener: str, inside: str, closer: str) -> re.Pattern[str]:
    """The innermost ``<w:element>`` holding ``{%element …%}`` (``{{…}}``, ``{#…#}``)."""
    start = rf"<w:{element}[ >]"
    return re.compile(
        rf"{start}(?:(?!{start}).)*({opener}){element} ({inside}*{closer}).*?</w:{element}>", re.S
    )


_ELEMENT_TAGS: Final = [
    _element_tag(element, r"\{%|\{\{", "[^}%]", r"(?:%\}|\}\})")
    for element in ("tr", "tc", "p", "r")
] + [_element_tag(element, r"\{#", "[^}#]", r"#\}") for element in ("tr", "tc", "p")]

_DOCXTPL_ONLY: Final = re.compile(r"\{%-?\s*(?:colspan|cellbg|vm|hm)\b|\{[{%]r\s")
_COLUMN_LOOP: Final = re.compile(r"\{%-?tc\s")
_IMAGE: Final = re.compile(r"<w:drawing\b|<w:pict\b")

#: docxtpl's escapes for literal braces in a template, and Jinja expressions that
#: print the same characters. docxtpl turns ``{_{`` into ``{{`` *after* rendering,
#: over the whole output, so a value such as ``"{_{ x }_}"`` came out as
#: ``"{{ x }}"`` — data rewritten. Resolving the escapes in the template source
#: instead leaves rendered data alone.
BRACE_ESCAPES: Final = {
    "{_{": "{{ '{{' }}",
    "}_}": "{{ '}}' }}",
    "{_%": "{{ '{%' }}",
    "%_}": "{{ '%}' }}",
}
BRACE_ESCAPE: Final = re.compile("|".join(re.escape(k) for k in BRACE_ESCAPES))
_PARAGRAPH_START: Final = re.compile(r"<w:p([ >])")
_PARAGRAPH_LINE: Final = re.compile(r"\n<w:p([ >])")
_XML_TAGS: Final = re.compile(r"<[^>]+>")


_CLOSERS: Final = {"{": "}}", "%": "%}", "#": "#}"}


def tag_spans(xml: str, *, closed: bool = False) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every ``{{ …``, ``{% …``, ``{# …`` up to its closer (and
    including it when ``closed``), in one pass: what a lazy pattern per kind of tag
    (``\\{\\{.*?\\}\\}`` …) found before.

    The pattern tried every opener; one with no closer after it reads to the
    end, so "{{{{{{…" without "}}" was quadratic (issue 17). Here a kind of tag
    whose closer is not found once is not looked for again.
    """
    pos = 0
    dead: set[str] = set()
    while (i := xml.find("{", pos)) >= 0:
        kind = xml[i + 1 : i + 2]
        if kind in _CLOSERS and kind not in dead:
            j = xml.find(_CLOSERS[kind], i + 2)
            if j >= 0:
                end = j + 2 if closed else j
                yield i, end
                pos = end
                continue
            dead.add(kind)
        pos = i + 1


def _join_split_tags(xml: str) -> str:
    xml = _SPLIT_DELIMITER.sub("", xml)
    out: list[str] = []
    pos = 0
    for start, end in tag_spans(xml):
        out += (xml[pos:start], _RUN_BREAK.sub("", xml[start:end]))
        pos = end
    out.append(xml[pos:])
    return "".join(out)


def _before_last_closer(xml: str) -> int:
    """End of the last ``}}`` or ``%}``: no tag's inside reaches past it."""
    return max(xml.rfind("}}"), xml.rfind("%}")) + 2


def docxtpl_only(xml: str, *, images: bool) -> str | None:
    """What in this part only docxtpl renders, or ``None``.

    ``images``: count images too. In the body, docxtpl renumbers the drawing ids
    that a loop would duplicate; in headers and footers it does not, so a
    council's logo there does not need it.
    """
    found = _DOCXTPL_ONLY.search(_join_split_tags(xml)) or (images and _IMAGE.search(xml))
    return found.group(0).strip() if found else None


def column_loops(xml: str) -> bool:
    """Whether a part repeats table cells with ``{%tc for %}`` (its grid needs repair)."""
    return _COLUMN_LOOP.search(_join_split_tags(xml)) is not None


def resolve_brace_escapes(source: str) -> str:
    """Template source with docxtpl's ``{_{ }_} {_% %_}`` turned into Jinja literals."""
    return BRACE_ESCAPE.sub(lambda m: BRACE_ESCAPES[m.group(0)], source)


def prepare(xml: str) -> str:
    """Jinja source for one part's XML (as :meth:`Package.source` gives it).

    See the module docstring for what is done; the order matters: tags are
    joined before the element tags are found, and the brace escapes are
    resolved last, so that nothing above mistakes their output for a tag.
    """
    xml = _join_split_tags(xml)
    xml = _BARE_TEXT_WITH_TAG.sub('<w:t xml:space="preserve">', xml)
    xml = _JOIN_BEFORE.sub("{%", xml)
    xml = _JOIN_AFTER.sub("%}", xml)
    for pattern in _ELEMENT_TAGS:
        xml = pattern.sub(r"\1 \2", xml)
    # up to the last closer only: an opener with no closer after it would read to the end
    cut = _before_last_closer(xml)
    inside = _INSIDE_TAG.sub(
        lambda m: _TAG_TEXT_RE.sub(lambda t: _TAG_TEXT[t.group(0)], m[0]), xml[:cut]
    )
    xml = inside + xml[cut:]
    xml = resolve_brace_escapes(xml)
    return _PARAGRAPH_START.sub(r"\n<w:p\1", xml)


def paragraph_context(source: str, lineno: int) -> list[str]:
    """The text of the paragraph at ``lineno`` (one paragraph per line), for messages.

    docxtpl shows seven lines around the error, which puts the neighbours first;
    the paragraph itself is what a clerk must find in Word. An error at a line
    with no text (an unclosed block reported at the end) falls back to the window.
    """
    lines = source.splitlines()
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    # The line is one paragraph, then any tags the preparation moved out of the
    # tag-only rows and paragraphs that follow it ({%tr if … %}): separate items,
    # so that template_error can name the one the error is in.
    own = [t for t in (_XML_TAGS.sub("", part).strip() for part in line.split("</w:p>", 1)) if t]
    if own:
        return own
    start = max(lineno - 4, 0)
    return [_XML_TAGS.sub("", line) for line in lines[start : start + 7]]


# --- after rendering: tabs, line breaks, new paragraphs, page breaks in text ------------

_LISTING: Final = re.compile("[\t\n\a\f]")
_PARAGRAPH: Final = re.compile(r"<w:p(?:\s[^>]*?)?(?<!/)>.*?</w:p>", re.S)
_RUN: Final = re.compile(r"<w:r(?:\s[^>]*?)?(?<!/)>.*?</w:r>", re.S)
_TEXT: Final = re.compile(r"(<w:t(?:\s[^>]*?)?(?<!/)>)(.*?)</w:t>", re.S)
_PPR: Final = re.compile(r"<w:pPr>.*?</w:pPr>", re.S)
_RPR: Final = re.compile(r"<w:rPr>.*?</w:rPr>", re.S)
_OPEN_TEXT: Final = '<w:t xml:space="preserve">'


def _listing_text(ppr: str, rpr: str) -> Callable[[re.Match[str]], str]:
    replacements = {
        "\t": f"</w:t></w:r><w:r>{rpr}<w:tab/></w:r><w:r>{rpr}{_OPEN_TEXT}",
        "\n": f"</w:t><w:br/>{_OPEN_TEXT}",
        "\a": f"</w:t></w:r></w:p><w:p>{ppr}<w:r>{rpr}{_OPEN_TEXT}",
        "\f": (
            '</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>'
            f"<w:p>{ppr}<w:r>{rpr}{_OPEN_TEXT}"
        ),
    }

    def text(m: re.Match[str]) -> str:
        body = _LISTING.sub(lambda c: replacements[c.group(0)], m.group(2))
        return f"{m.group(1)}{body}</w:t>"

    return text


def resolve_listing(xml: str) -> str:
    """Printed tabs, line breaks, ``\\a`` and ``\\f`` as Word elements (docxtpl's meaning).

    A line break stays inside its run (``<w:br/>``); a tab becomes a tab run with
    the run's formatting; ``\\a`` starts a new paragraph with the paragraph's
    properties, ``\\f`` a page break. Only text inside ``<w:t>`` is touched.
    """
    if not _LISTING.search(xml):
        return xml

    def paragraph(p: re.Match[str]) -> str:
        if not _LISTING.search(p.group(0)):
            return p.group(0)
        ppr = _PPR.search(p.group(0))

        def run(r: re.Match[str]) -> str:
            rpr = _RPR.search(r.group(0))
            resolve = _listing_text(ppr.group(0) if ppr else "", rpr.group(0) if rpr else "")
            return _TEXT.sub(resolve, r.group(0))

        return _RUN.sub(run, p.group(0))

    return _PARAGRAPH.sub(paragraph, xml)


# --- the part renderer --------------------------------------------------------------------


class PartTemplate:
    """One prepared and compiled part; render it as often as needed.

    Errors, at compile or render time, become a :class:`TemplateError` naming the
    template file and the text of the paragraph the error is in.
    """

    def __init__(self, xml: str, template_name: str) -> None:
        self.template_name = template_name
        self.source = prepare(xml)
        self._env = make_environment()
        try:
            self._template: Template = self._env.from_string(self.source)
        except JinjaTemplateError as err:
            raise self.error(err) from err
        except RecursionError as err:  # "{{ {{ {{ …": the parser recurses per level
            raise TemplateError(code="template-nested", location=Location(template_name)) from err

    def error(self, err: JinjaTemplateError) -> TemplateError:
        """``err`` as a :class:`TemplateError` with the paragraph it happened in."""
        lineno = error_line(err)
        if lineno is not None:
            err.docx_context = paragraph_context(self.source, lineno)  # type: ignore[attr-defined]
        return template_error(err, self.template_name)

    def render(self, context: Mapping[str, Any]) -> str:
        """The rendered XML of the part, without an XML declaration."""
        try:
            with render_limits():
                xml = self._template.render(context)
        except AnnexgenError:
            raise
        except Exception as err:  # a template is code: whatever it raises is its failure
            raise self.error(failure(err)) from err
        return resolve_listing(_PARAGRAPH_LINE.sub(r"<w:p\1", xml))

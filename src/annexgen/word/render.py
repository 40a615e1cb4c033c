"""Annex models → Word documents, without losing a character.

docxtpl is a good template language over Word and a poor guardian of data
(reliability notes §2): escaping is off by default, its body parser *recovers*
from broken XML by silently dropping text, templates are unsandboxed code,
missing variables render as nothing, and saves are neither atomic nor
reproducible. annexgen renders with one pipeline over a small Word-package
layer (:mod:`annexgen.word.package`):

* the fast path (:mod:`annexgen.word.compiled`) prepares each template once with
  annexgen's own implementation of docxtpl's tags (:mod:`annexgen.word.parts`);
* the docxtpl path (:func:`render_docxtpl`) is used for what only docxtpl
  does — images in the body, footnotes, ``colspan``/``cellbg``/``vm``/``hm`` —
  through its public API (``DocxTemplate.render`` and ``save``) only;
* both hand the rendered parts to the layout step (:mod:`annexgen.word.layout`),
  which applies what a template cannot hold as text (column widths, alignment,
  spans, the page's orientation);
* both render in the one sandboxed, autoescaping, strict Jinja environment
  (:func:`~annexgen.word.environment.make_environment`), and both results go
  through the same core-properties writer (never templated: docxtpl
  double-escapes them), the same verification (every XML part re-parsed
  *strictly*, opened by python-docx, every value of the context found in the
  text) and the same deterministic zip writer (same input, same bytes);
* files are written atomically by the callers (:func:`annexgen.output.write_atomic`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from annexgen.errors import AnnexgenError, Location, TemplateError
from annexgen.model.fields import AnnexBase
from annexgen.word.compiled import compile_template
from annexgen.word.context import build_context, expected_texts
from annexgen.word.environment import (
    TemplateLimit,
    failure,
    make_environment,
    render_limits,
    template_error,
)
from annexgen.word.layout import lay_out
from annexgen.word.package import Package, finish
from annexgen.word.parts import BRACE_ESCAPE, PartTemplate
from annexgen.word.templates import bundled_template, read_template, template_path

__all__ = ["bundled_template", "render", "render_docxtpl", "template_path"]


# --- rendering ---------------------------------------------------------------------


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
    unsafe code, not a Word file) and :class:`RenderError` if the result fails
    verification.

    Uses the compiled fast path (:mod:`annexgen.word.compiled`); templates with
    what only docxtpl does go through :func:`render_docxtpl`.
    """
    source, name = read_template(template, annex.kind)
    compiled = compile_template(source, name)
    ctx = build_context(annex, public=public)
    expected = expected_texts(ctx) if template is None else None
    if not compiled.supported:
        return _render_docxtpl(compiled.package, source, ctx, expected)
    return compiled.render(ctx, expected)


def render_docxtpl(
    annex: AnnexBase,
    template: str | Path | bytes | None = None,
    *,
    public: bool = False,
) -> bytes:
    """The docxtpl path for any template: docxtpl renders, annexgen finishes.

    Slower (python-docx re-opens the template and re-serialises every part) but
    it does everything docxtpl does; :func:`render` uses it only where needed,
    and the tests hold the fast path to the same document.
    """
    source, name = read_template(template, annex.kind)
    ctx = build_context(annex, public=public)
    expected = expected_texts(ctx) if template is None else None
    return _render_docxtpl(Package.read(source, name), source, ctx, expected)


def _shield_brace_escapes(value: Any) -> Any:
    """A printed value that docxtpl's brace-escape replacement cannot rewrite.

    docxtpl turns ``{_{`` into ``{{`` (and so on) over the whole rendered XML,
    values included. In a value that contains one of these sequences, the
    underscore is written as the character reference ``&#95;``: the same text to
    every XML reader, but no longer the sequence docxtpl replaces.
    """
    if isinstance(value, str) and BRACE_ESCAPE.search(value):
        escaped = str(escape(value))
        return Markup(BRACE_ESCAPE.sub(lambda m: m.group(0).replace("_", "&#95;"), escaped))
    return value


@lru_cache(maxsize=1)
def _docxtpl_environment() -> SandboxedEnvironment:
    """The one environment, plus the shield above (Jinja applies it before escaping)."""
    return make_environment().overlay(finalize=_shield_brace_escapes)


def _render_docxtpl(
    template: Package, source: bytes, ctx: dict[str, Any], expected: Iterable[str] | None
) -> bytes:
    tpl = DocxTemplate(io.BytesIO(source))
    buffer = io.BytesIO()
    try:
        with render_limits():
            tpl.render(ctx, jinja_env=_docxtpl_environment(), autoescape=True)
        tpl.save(buffer)
    except TemplateLimit as err:  # a limit: rendering the parts again would only repeat it
        raise template_error(err, template.name) from err
    except JinjaTemplateError as err:
        raise _located(template, ctx, err) from err
    except AnnexgenError:
        raise
    except RecursionError as err:
        raise template_error(failure(err), template.name) from err
    except Exception as err:  # docxtpl and python-docx raise many kinds on odd templates
        raise TemplateError(
            code="docxtpl-failed",
            params={"reason": f"{type(err).__name__}: {err}"},
            location=Location(template.name),
        ) from err
    rendered = Package.unpack(buffer.getvalue(), template.name).ordered_like(template)
    produced, parsed = lay_out(rendered, dict(rendered.parts), ctx)  # docxtpl repaired grids
    return finish(rendered, produced, ctx["properties"], expected, parsed)


def _located(template: Package, ctx: dict[str, Any], err: JinjaTemplateError) -> TemplateError:
    """docxtpl's error, told as the fast path tells it: with the paragraph it is in.

    docxtpl does not say which part failed, nor (for errors found while
    rendering) which line; rendering the parts again with annexgen's own part
    renderer finds the same error and its paragraph.
    """
    for story in template.stories():
        if story.kind == "endnotes":
            continue
        try:
            PartTemplate(template.source(story.name), template.name).render(ctx)
        except TemplateError as located:
            return located
    return template_error(err, template.name)

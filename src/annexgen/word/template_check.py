"""``annexgen template check``: find what would break a clerk's own template.

Word is not a code editor, and docxtpl's known pitfalls (reliability §2.4,
feature anchors pain points 1, 3, 4, 12) all surface here before rendering:

* Jinja syntax errors, reported with the text of the paragraph they sit in
  (docxtpl reports a line of one-line XML);
* variables the annex context does not provide (they would fail the render);
* tags split across runs — Word splits text when formatting, spell-checking
  or tracking changes touch part of a tag; docxtpl repairs some splits, and
  a tag whose pieces are formatted differently is worth retyping;
* typographic quotes inside tags (Word's AutoCorrect turns "x" into „x”),
  which Jinja cannot read;
* attributes the context does not have (``data.contact.phnoe``,
  ``signature.nmae``), checked against the models themselves — the trial
  render below only sees the branches its sample data takes;
* finally a trial render with sample data, in the sandbox, which catches
  unsafe code and errors that only show when data flows.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from pathlib import Path
from typing import Any, Final

from jinja2 import TemplateSyntaxError, meta, nodes
from lxml import etree
from pydantic import BaseModel

from annexgen.errors import AnnexgenError, Finding, Location, TemplateError
from annexgen.messages import Param, os_reason
from annexgen.model.introspect import models_in
from annexgen.model.kinds import REGISTRY
from annexgen.model.loading import load_annex_text, skeleton
from annexgen.word.context import build_context
from annexgen.word.environment import (
    FILTERS,
    LIMIT_CODES,
    context_text,
    jinja_reason,
    make_environment,
)
from annexgen.word.package import Package
from annexgen.word.parts import paragraph_context, prepare, tag_spans
from annexgen.word.render import render

__all__ = ["check_template", "known_variables"]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SMART: Final = re.compile("[“”„‘’«»]")


@cache
def _sample_annex() -> Any:
    """The project-description skeleton, loaded once, when a template is first checked."""
    return load_annex_text(skeleton("project-description"), "sample")


@cache
def _kind_sample(kind: str) -> Any:
    """The skeleton of ``kind``, loaded once, for trial renders."""
    return load_annex_text(skeleton(kind), "sample")


@cache
def known_variables() -> frozenset[str]:
    """Top-level variables every template may use (see docs/templates.md)."""
    return frozenset(build_context(_sample_annex()))


def _chain(node: nodes.Expr) -> tuple[str, list[str]] | None:
    """``data.contact.email`` → ``("data", ["contact", "email"])``; list indexes skipped."""
    path: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            path.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            if isinstance(node.arg.value, str):
                path.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, path[::-1]
        else:
            return None


def _attribute_problem(
    root: str, path: list[str], sample: dict[str, Any]
) -> dict[str, Param] | None:
    """Params of a ``template-unknown-attribute`` finding, or None when the chain is known."""
    if root == "data":
        models: list[type[BaseModel]] = [kind.model for kind in REGISTRY.values()]
        for depth, attr in enumerate(path):
            fields = {name for m in models for name in m.model_fields}
            if attr not in fields:
                owner = ".".join(["data", *path[:depth]])
                return {"owner": owner, "field": attr, "fields": sorted(fields)}
            models = [t for m in models if attr in m.model_fields
                      for t in models_in(m.model_fields[attr].annotation)]  # fmt: skip
            if not models:
                return None  # a plain value (text, amount, date, …): not ours to check further
        return None
    value = sample.get(root)
    if isinstance(value, dict) and path and path[0] not in value:
        return {"owner": root, "field": path[0], "fields": sorted(value)}
    return None


def _unknown_attributes(ast: nodes.Template, where: str, name: str) -> list[Finding]:
    sample = build_context(_sample_annex())
    found: dict[tuple[Param, ...], Finding] = {}
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        chain = _chain(node)
        if chain is not None and chain[0] in known_variables():
            params = _attribute_problem(*chain, sample)
            if params:
                finding = Finding(
                    "template-unknown-attribute", location=Location(name, place=where),
                    params=params,
                )  # fmt: skip
                found.setdefault((params["owner"], params["field"]), finding)
    return list(found.values())


def _paragraph_problems(xml: str, where: str, name: str) -> list[Finding]:
    problems: list[Finding] = []
    root = etree.fromstring(xml.encode("utf-8"))
    for number, p in enumerate(root.iter(f"{_W}p"), start=1):
        runs = [t.text or "" for t in p.iter(f"{_W}t")]
        text = "".join(runs)
        if "{" not in text:
            continue
        starts, ends, pos = [], [], 0
        for run in runs:
            starts.append(pos)
            pos += len(run)
            ends.append(pos)
        loc = Location(name, place=f"{where} paragraph {number} '{text[:60]}'")
        leftover, pos = [], 0
        for start, end in tag_spans(text, closed=True):  # one pass (issue 17)
            leftover.append(text[pos:start])
            pos = end
            # runs are contiguous: the one a tag starts in is the only one it can fit in
            k = bisect.bisect_right(starts, start) - 1
            tag = {"tag": text[start:end]}
            if not (k >= 0 and end <= ends[k]):
                problems.append(Finding("template-split-tag", "warning", loc, tag))
            if _SMART.search(text[start:end]):
                problems.append(Finding("template-smart-quotes", "error", loc, tag))
        rest = "".join(leftover) + text[pos:]
        if "{{" in rest or "{%" in rest:
            problems.append(Finding("template-unclosed-tag", location=loc))
    return problems


def _syntax_problem(err: TemplateSyntaxError, source: str, where: str, name: str) -> Finding:
    """A syntax error located by the text of the paragraph it sits in."""
    words = err.message or str(err)
    text = context_text(paragraph_context(source, err.lineno or 0), words)
    loc = Location(name, place=f"{where} paragraph '{text[:80]}'")
    reason = jinja_reason(words)
    if words.startswith("No filter named"):
        params: dict[str, Param] = {"reason": reason, "filters": sorted(FILTERS)}
        return Finding("template-unknown-filter", location=loc, params=params)
    return Finding("template-syntax", location=loc, params={"reason": reason})


def _parts(package: Package) -> list[tuple[str, str]]:
    """``(where, XML)`` of every part a template's tags can be in, as the renderers see it."""
    return [(s.kind, package.source(s.name)) for s in package.stories() if s.kind != "endnotes"]


def check_template(path: str | Path) -> list[Finding]:
    """Every finding of a .docx template (errors and warnings); never raises for bad files."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
        parts = _parts(Package.read(data, name))
    except OSError as err:
        reason: dict[str, Param] = {"reason": os_reason(err)}
        return [Finding("template-unreadable", location=Location(name), params=reason)]
    except TemplateError as err:  # not a Word package, and why
        return [err.finding(Location(name))]
    env = make_environment()
    problems: list[Finding] = []
    for where, xml in parts:
        problems += _paragraph_problems(xml, where, name)
        source = prepare(xml)
        try:
            ast = env.parse(source)
            # Unknown filters and tests only surface when the code is generated, which
            # find_undeclared_variables does: it raises TemplateAssertionError (a kind
            # of TemplateSyntaxError) then, not parse().
            undeclared = meta.find_undeclared_variables(ast)
        except TemplateSyntaxError as err:
            problems.append(_syntax_problem(err, source, where, name))
            continue
        except RecursionError:  # "{{ {{ {{ …": Jinja's parser recurses per level
            problems.append(Finding("template-nested", location=Location(name, place=where)))
            continue
        problems += _unknown_attributes(ast, where, name)
        for variable in sorted(undeclared - known_variables()):
            params: dict[str, Param] = {
                "variable": variable, "variables": sorted(known_variables())
            }  # fmt: skip
            loc = Location(name, place=where)
            problems.append(Finding("template-unknown-variable", location=loc, params=params))
    if not any(p.severity == "error" for p in problems):
        # A template is made for one kind; it passes when the sample of some kind
        # (the registry's skeletons, in order) renders, else the first failure is shown.
        failures: list[AnnexgenError] = []
        for kind in REGISTRY:
            try:
                render(_kind_sample(kind), data)
            except TemplateError as err:
                failures.append(err)
                if err.code in LIMIT_CODES:  # the template itself runs away: say so, once
                    loc = Location(name, place=err.location.place)
                    problems.append(err.finding(loc))
                    return problems
            except AnnexgenError as err:
                failures.append(err)
            else:
                break
        else:
            first = failures[0]
            loc = Location(name, place=first.location.place)
            problems.append(
                Finding("template-trial-render", location=loc, params={"reason": first.reason})
            )
    return problems

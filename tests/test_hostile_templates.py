"""Clerks' templates are code: bounded in time and memory, every failure a template error
naming its paragraph (issue 17, item 3) — in ``render --template`` and ``template check``.

Each template is a real .docx made with python-docx: a title paragraph and one paragraph
with the hostile tag. The time limit is lowered for the test (a loop that would run for
minutes must stop at the limit, whatever the limit is).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from annexgen.cli import main
from annexgen.errors import TemplateError
from annexgen.model.loading import load_annex
from annexgen.word import environment
from annexgen.word.render import render, render_docxtpl
from annexgen.word.template_check import check_template

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "000-hugs-not-drugs.yaml"

#: name → (hostile paragraph, code of the error)
HOSTILE: dict[str, tuple[str, str]] = {
    "nested-ranges": (
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "template-range",
    ),
    "nested-small-ranges": (
        "{% for i in range(9000) %}{% for j in range(9000) %}{% endfor %}{% endfor %}",
        "template-too-slow",
    ),
    "lipsum": ("{{ lipsum(n=10**7) }}", "template-not-available"),
    "range-10-9": ("{{ range(10**9) | list | length }}", "template-range"),
    "string-times": ("{{ 'a' * 10**9 }}", "template-too-large"),
    "list-times": ("{{ ([1] * 10**8) | length }}", "template-too-large"),
    "power": ("{{ 2 ** 1000000 }}", "template-too-large"),
    "format-width": ("{{ '{:>1000000000}'.format(1) }}", "template-too-large"),
    "percent-width": ("{{ '%1000000000d' % 1 }}", "template-too-large"),
    "center-filter": ("{{ title | center(10**9) }}", "template-too-large"),
    "recursive-macro": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "template-recursion"),
    "macro-twice-per-level": (
        "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        "template-too-slow",
    ),
    "doubling": (
        "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s | length }}",
        "template-too-large",
    ),
    "include": ("{% include 'other.docx' %}", "template-not-available"),
    "import": ("{% import 'macros' as m %}", "template-not-available"),
    "extends": ("{% extends 'base' %}", "template-not-available"),
    "bad-filter-argument": ("{{ title | truncate(-1) }}", "template-failed"),
    "bad-wordwrap": ("{{ title | wordwrap(0) }}", "template-failed"),
    "nested-braces": ("{{" * 3000, "template-nested"),
}


@pytest.fixture(autouse=True)
def _short_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment, "TIME_LIMIT", 1.0)


def _template(tmp_path: Path, paragraph: str) -> Path:
    doc = docx.Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph(paragraph)
    path = tmp_path / "hostile.docx"
    doc.save(path)
    return path


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_render_stops_with_a_template_error(tmp_path: Path, name: str) -> None:
    paragraph, code = HOSTILE[name]
    path = _template(tmp_path, paragraph)
    annex = load_annex(EXAMPLE)
    with pytest.raises(TemplateError) as info:
        render(annex, path)
    assert info.value.code == code, info.value
    assert info.value.location.file == str(path)
    if code != "template-nested":  # the parser fails before there are paragraphs
        assert paragraph[:40] in (info.value.location.place or ""), info.value


@pytest.mark.parametrize("name", ["include", "string-times", "recursive-macro", "lipsum"])
def test_the_docxtpl_path_stops_the_same_way(tmp_path: Path, name: str) -> None:
    paragraph, code = HOSTILE[name]
    with pytest.raises(TemplateError) as info:
        render_docxtpl(load_annex(EXAMPLE), _template(tmp_path, paragraph))
    assert info.value.code == code, info.value


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_template_check_reports_instead_of_running_away(tmp_path: Path, name: str) -> None:
    paragraph, code = HOSTILE[name]
    findings = check_template(_template(tmp_path, paragraph))
    assert code in [f.code for f in findings if f.severity == "error"], findings
    assert all(f.location.file for f in findings)


@pytest.mark.parametrize("name", ["nested-ranges", "include", "bad-filter-argument"])
def test_cli_says_it_in_one_line(tmp_path: Path, name: str) -> None:
    paragraph, _ = HOSTILE[name]
    path = _template(tmp_path, paragraph)
    out = tmp_path / "out.docx"
    for args in (
        ["render", str(EXAMPLE), "--template", str(path), "-o", str(out)],
        ["template", "check", str(path)],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert str(path) in result.output
    assert not out.exists()


def test_limits_leave_ordinary_templates_alone(tmp_path: Path) -> None:
    """Loops, ranges and string operations of a sane size still work."""
    path = _template(
        tmp_path,
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ 'ab' * 3 }} {{ 2 ** 10 }} "
        "{{ '%02d' % 7 }} {{ '{:>4}'.format(5) }} {{ title | truncate(20) }}",
    )
    assert check_template(path) == []
    text = [p.text for p in docx.Document(__import__("io").BytesIO(
        render(load_annex(EXAMPLE), path))).paragraphs]  # fmt: skip
    assert text[1] == "012 ababab 1024 07    5 Daugavpils..."

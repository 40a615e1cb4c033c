"""Data that looks like docxtpl's brace escapes, and filters misused by a template.

reliability §4 row 8: ``{{ … }}`` in data is literal text. docxtpl also has
escapes for literal braces in *templates* (``{_{ }_} {_% %_}``) and resolves
them by a text replace over the rendered XML — which rewrote the same
sequences inside user data (``x{_{y`` → ``x{{y``): silently with a custom
template, as a baffling "lost text" error with a bundled one. The bundled
case is in ``test_render.py``; the silent one, and filters a template author
misuses, are here.
"""

from __future__ import annotations

import pytest

from annexgen.errors import TemplateError
from annexgen.word.render import render, render_docxtpl
from tests.render.helpers import paragraphs, template_with
from tests.render.test_render import _annex

ESCAPE_LOOKALIKES = ["x{_{y", "a}_}b", "{_% if %_}", "{_{ 7*7 }_}", "%_}{_{"]


@pytest.mark.parametrize("value", ESCAPE_LOOKALIKES)
@pytest.mark.parametrize("path", [render, render_docxtpl], ids=["fast", "docxtpl"])
def test_escape_lookalikes_round_trip_in_a_custom_template(value: str, path: object) -> None:
    # custom templates skip the "every value is in the text" check, so this is
    # where a silent rewrite would go unnoticed
    assert callable(path)
    template = template_with("project-description", "{{ title }}", "[{{ data.applicant }}]")
    assert f"[{value}]" in paragraphs(path(_annex(applicant=value), template))


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("{{ 'abc' | amount }}", "filter 'amount' cannot format 'abc'"),
        ("{{ 1.5 | amount }}", "filter 'amount' cannot format 1.5: money must be a Decimal"),
        ("{{ 1.5 | amount_words }}", "filter 'amount_words' cannot format 1.5"),
        ("{{ 5 | amount_words('XYZ') }}", "unknown currency 'XYZ'"),
        ("{{ title | date_lv }}", "filter 'date_lv' cannot format"),
        ("{{ data.decision.date | date_lv('bogus') }}", "unknown case 'bogus'"),
        ("{{ '' | short_name }}", "filter 'short_name'"),
    ],
)
def test_a_filter_misused_by_the_template_is_a_template_error(
    expression: str, message: str
) -> None:
    template = template_with("project-description", "{{ title }}", expression)
    with pytest.raises(TemplateError, match=r"^template: ") as info:
        render(_annex(), template)
    assert message in str(info.value)

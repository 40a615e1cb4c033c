"""The web form's HTML: Jinja2 templates and static files inside the package.

One autoescaping environment for every page and fragment (``templates/``);
no HTML is written in Python strings. Text from the clerk's data only ever
reaches a page through this environment's escaping. The environment has
gettext (``{% trans %}``, ``_()``, ``ngettext()``: :func:`annexgen.i18n.install_jinja`),
so a page's words can live in the catalog and follow
:func:`annexgen.i18n.use_language` around a render.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from annexgen.i18n import install_jinja

__all__ = ["environment", "render_fragment", "render_page"]


@cache
def environment() -> SandboxedEnvironment:
    """The page environment: autoescaped, sandboxed, undefined names are errors.

    It loads only the package's own page templates (never a clerk's Word
    template: those go through :mod:`annexgen.word.environment`); sandboxed all
    the same, so that nothing a page is given can be called into.
    """
    env = SandboxedEnvironment(
        loader=PackageLoader("annexgen.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    install_jinja(env)
    return env


def render_page(template: str, /, **context: Any) -> str:
    """A whole page."""
    return environment().get_template(template).render(**context)


def render_fragment(template: str, /, **context: Any) -> str:
    """A piece of a page (previews, findings) that the page's script puts in place."""
    return environment().get_template(template).render(**context)

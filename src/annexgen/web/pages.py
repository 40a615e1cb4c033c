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

from annexgen.i18n import gettext, install_jinja

__all__ = ["environment", "page_words", "render_fragment", "render_page"]


def page_words() -> dict[str, str]:
    """The words the page's script writes, in the current language (a JSON block in each
    page: the script has no catalog of its own). ``{name}`` marks a value the script fills."""
    return {
        "warning": gettext("Warning: {message}"),
        "inDocument": gettext("In the document: {text}"),
        "makingPdf": gettext("Making the PDF…"),
        "makingFile": gettext("Making the file…"),
        "fixFirst": gettext("Correct the errors first."),
        "downloaded": gettext("Downloaded: {name}"),
        "opened": gettext("Opened: {name}"),
        "draftRestored": gettext("The draft kept in this browser was restored."),
        "clearAll": gettext("Clear the whole form?"),
        "checking": gettext("Checking…"),
        "noFindings": gettext("No problems found."),
        "reportName": gettext("{name}-check.txt"),
        "cell": gettext("{column}, {row}"),
        "rowNumber": gettext("No."),
        "rowTools": gettext("Row"),
        "annex": gettext("annex"),
    }


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
    env.globals["page_words"] = page_words
    return env


def render_page(template: str, /, **context: Any) -> str:
    """A whole page."""
    return environment().get_template(template).render(**context)


def render_fragment(template: str, /, **context: Any) -> str:
    """A piece of a page (previews, findings) that the page's script puts in place."""
    return environment().get_template(template).render(**context)

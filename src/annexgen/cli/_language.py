"""The command line in the clerk's language: ``--lang``, translated help, click's own words.

Why help is translated when it is shown, not when it is written: click builds
every command when ``annexgen.cli`` is imported, before ``--lang`` or the
environment has been read — and a gettext call at import would also cost
start-up time. So help texts are marked ``N_("…")`` (the catalog gets them,
the code keeps the English) and :class:`ClerkCommand` / :class:`ClerkGroup`
look them up while formatting ``--help``.

Click's own words ("Usage:", "Options", "Missing argument …") come from
click's ``gettext`` calls; :func:`speak_through_the_catalog` points those at
annexgen's catalog, whose entries for them are listed in :data:`CLICK_TEXTS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

import click

from annexgen.i18n import LANGUAGES, N_, gettext, ngettext, set_language

__all__ = ["CLICK_TEXTS", "LANG_OPTION", "ClerkCommand", "ClerkGroup", "speak_through_the_catalog"]


def _choose(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None and not ctx.resilient_parsing:
        set_language(value)


#: ``annexgen --lang en …``: eager, so that it holds before any help is shown
LANG_OPTION: Final = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    is_eager=True,
    expose_value=False,
    callback=_choose,
    help=N_(
        "Language of messages and help: lv (default) or en. Also: ANNEXGEN_LANG=en, "
        "or an English locale (LANG=en_GB.UTF-8)."
    ),
)


@contextmanager
def _translated(command: click.Command, ctx: click.Context) -> Iterator[None]:
    """The command's and its options' help texts in the current language, for one format."""
    saved: list[tuple[Any, str, str]] = []
    targets: list[tuple[Any, str]] = [(command, "help"), (command, "short_help")]
    targets += [(command, "epilog")]
    targets += [(p, "help") for p in command.get_params(ctx) if isinstance(p, click.Option)]
    for owner, attr in targets:
        text = getattr(owner, attr, None)
        if text:
            saved.append((owner, attr, text))
            setattr(owner, attr, gettext(text))
    try:
        yield
    finally:
        for owner, attr, text in saved:
            setattr(owner, attr, text)


class ClerkCommand(click.Command):
    """A command whose help is looked up in the catalog when shown."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self, ctx):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        saved = self.help, self.short_help
        self.help = gettext(self.help) if self.help else self.help
        self.short_help = gettext(self.short_help) if self.short_help else self.short_help
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help, self.short_help = saved


class ClerkGroup(ClerkCommand, click.Group):
    """A group whose help is translated when shown (its commands translate their own
    one-line summaries: they are :class:`ClerkCommand` s)."""


#: click's own texts a clerk meets, for the catalog (msgids exactly as click
#: writes them; tests/cli/test_language.py shows them in Latvian)
CLICK_TEXTS: Final = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("default: {default}"),
    N_("required"),
    N_("Aborted!"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("Option {name!r} does not take a value."),
    N_("file"),
    N_("directory"),
    N_("path"),
)


def _click_plurals() -> None:  # pragma: no cover - never called: the catalog's view of them
    n = 2
    ngettext("Got unexpected extra argument ({args})",
             "Got unexpected extra arguments ({args})", n)  # fmt: skip
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", n)
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", n)
    ngettext("Option {name!r} requires an argument.",
             "Option {name!r} requires {nargs} arguments.", n)  # fmt: skip


_CLICK_MODULES: Final = ("core", "decorators", "exceptions", "formatting", "parser", "types")


def speak_through_the_catalog() -> None:
    """Make click's ``gettext``/``ngettext`` calls read annexgen's catalog.

    Click imports ``gettext`` and ``ngettext`` by name into each module and
    calls them at run time with English msgids; replacing those names is the
    one hook it has. The English stays English (the msgids), Latvian comes from
    the catalog. Called once, by ``annexgen.cli``: the command line's process.
    """
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]

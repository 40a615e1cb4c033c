"""``annexgen new`` — a commented YAML skeleton to start an annex from."""

from __future__ import annotations

import click

from annexgen.cli._choices import LazyChoice
from annexgen.cli._language import ClerkCommand
from annexgen.i18n import N_


def _kinds() -> tuple[str, ...]:
    from annexgen.model.kinds import KINDS  # noqa: PLC0415 - start-up: only when parsed

    return KINDS


HELP = N_(
    "Print a commented YAML skeleton for an annex of KIND.\n"
    "\n"
    "\b\n"
    "Example:\n"
    "  annexgen new project-description > my-annex.yaml"
)


@click.command(cls=ClerkCommand, help=HELP)
@click.argument("kind", type=LazyChoice(_kinds))
def new(kind: str) -> None:
    """The skeleton passes ``annexgen check`` as printed; its comments speak the clerk's
    language."""
    from annexgen.model.loading import skeleton  # noqa: PLC0415 - start-up: only when run

    click.echo(skeleton(kind), nl=False)

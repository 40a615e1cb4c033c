"""``annexgen new`` — a commented YAML skeleton to start an annex from."""

from __future__ import annotations

import click

from annexgen.model.kinds import KINDS
from annexgen.model.loading import skeleton


@click.command()
@click.argument("kind", type=click.Choice(list(KINDS)))
def new(kind: str) -> None:
    """Print a commented YAML skeleton for an annex of KIND.

    \b
    Example:
      annexgen new project-description > my-annex.yaml
    """
    click.echo(skeleton(kind), nl=False)

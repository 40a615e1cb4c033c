"""``annexgen new`` — a commented YAML skeleton to start an annex from."""

from __future__ import annotations

from importlib import resources

import click

from annexgen.models import KINDS


def skeleton(kind: str) -> str:
    """The commented example file for ``kind`` (it passes ``annexgen check`` as is)."""
    return (resources.files("annexgen") / "skeletons" / f"{kind}.yaml").read_text(encoding="utf-8")


@click.command()
@click.argument("kind", type=click.Choice(list(KINDS)))
def new(kind: str) -> None:
    """Print a commented YAML skeleton for an annex of KIND.

    \b
    Example:
      annexgen new project-description > my-annex.yaml
    """
    click.echo(skeleton(kind), nl=False)

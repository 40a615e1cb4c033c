"""``annexgen new`` — a commented YAML skeleton to start an annex from."""

from __future__ import annotations

import click

from annexgen.cli._choices import LazyChoice


def _kinds() -> tuple[str, ...]:
    from annexgen.model.kinds import KINDS  # noqa: PLC0415 - start-up: only when parsed

    return KINDS


@click.command()
@click.argument("kind", type=LazyChoice(_kinds))
def new(kind: str) -> None:
    """Print a commented YAML skeleton for an annex of KIND.

    \b
    Example:
      annexgen new project-description > my-annex.yaml
    """
    from annexgen.model.loading import skeleton  # noqa: PLC0415 - start-up: only when run

    click.echo(skeleton(kind), nl=False)

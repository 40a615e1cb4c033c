"""``annexgen words`` — placeholder until the Latvian core lands."""

from __future__ import annotations

import click


@click.command()
def words() -> None:
    """Spell an amount in Latvian words (or parse words back with --parse)."""
    raise click.ClickException("not implemented yet")

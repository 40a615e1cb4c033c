"""``annexgen serve`` — the web form for clerks."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(host: str, port: int) -> None:
    """Start the web form at http://127.0.0.1:8000 (only this computer can reach it).

    \b
    Example:
      annexgen serve
    """
    import uvicorn  # noqa: PLC0415 - only this command needs the web server

    from annexgen.web import create_app  # noqa: PLC0415

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other computers can reach this form", err=True)
    uvicorn.run(create_app(), host=host, port=port, log_level="info")

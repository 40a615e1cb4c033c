"""``annexgen serve`` — the web form for clerks."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--office-workers",
    type=click.IntRange(min=1),
    help="LibreOffice processes kept running for PDFs (default: one per core).",
)
def serve(host: str, port: int, office_workers: int | None) -> None:
    """Start the web form at http://127.0.0.1:8000 (only this computer can reach it).

    LibreOffice is started with the server and kept running, so a PDF takes
    a fraction of a second; the offices stop when the server stops.

    \b
    Example:
      annexgen serve
    """
    import uvicorn  # noqa: PLC0415 - only this command needs the web server

    from annexgen.web import create_app  # noqa: PLC0415

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other computers can reach this form", err=True)
    app = create_app(office_workers=office_workers)
    uvicorn.run(app, host=host, port=port, log_level="info")

"""``annexgen serve`` — the web form for clerks."""

from __future__ import annotations

import click

from annexgen.cli._language import ClerkCommand
from annexgen.i18n import N_, gettext

HELP = N_(
    "Start the web form at http://127.0.0.1:8000 (only this computer can reach it).\n"
    "\n"
    "\b\n"
    "Example:\n"
    "  annexgen serve"
)


@click.command(cls=ClerkCommand, help=HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help=N_("Address to listen on."))
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help=N_("Port to listen on."),
)
@click.option(
    "--allow-host",
    "allowed",
    multiple=True,
    metavar="NAME",
    help=N_(
        "Another host name the form answers to (besides 127.0.0.1, localhost and --host); "
        "requests naming any other host are refused."
    ),
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 32),
    help=N_("Worker processes for checking, rendering and PDFs."),
)
def serve(host: str, port: int, allowed: tuple[str, ...], workers: int) -> None:
    """Loopback by default: the form holds personal data and has no login."""
    import uvicorn  # noqa: PLC0415 - only this command needs the web server

    from annexgen.web import create_app  # noqa: PLC0415
    from annexgen.web.security import LOOPBACK_HOSTS, host_name  # noqa: PLC0415

    if host not in ("127.0.0.1", "localhost", "::1"):
        warning = gettext("warning: listening on {host}: other computers can reach this form")
        click.echo(warning.format(host=host), err=True)
    hosts = set(LOOPBACK_HOSTS) | {host_name(h) for h in allowed}
    if host not in ("0.0.0.0", "::"):
        hosts.add(host_name(host))
    uvicorn.run(create_app(hosts=hosts, workers=workers), host=host, port=port, log_level="info")

"""The web server's guard: who may ask, how much they may send, what the browser may do.

A pure ASGI middleware in front of every route (issue 17 item 4):

* **Host** must be one of the names the server answers to (the loopback names
  and the bound address): a page on another site cannot reach the form
  through DNS rebinding.
* **Cross-origin requests that change something are refused**: a POST whose
  ``Sec-Fetch-Site`` is not same-origin, or whose ``Origin`` is not this
  server, gets 403 — any web page a clerk visits could otherwise post to it.
* **Body size** is counted while the body streams in (chunked uploads
  included), not only taken from ``Content-Length``.
* **Security headers** on every response: a Content-Security-Policy that
  allows only this server's own scripts and styles and no framing,
  ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``, no referrer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Final

from annexgen.i18n import gettext

__all__ = ["LOOPBACK_HOSTS", "SECURITY_HEADERS", "TOO_LARGE", "Guard"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Names a browser on this computer uses for the server.
LOOPBACK_HOSTS: Final = frozenset({"127.0.0.1", "localhost", "::1"})

CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: Final = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
_SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})


#: Set in the request's scope when the guard cut its body off (the app answers 413).
TOO_LARGE: Final = "annexgen.body_too_large"


def host_name(host: str) -> str:
    """``127.0.0.1:8000`` → ``127.0.0.1``; ``[::1]:8000`` → ``::1``; lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """Refuses foreign hosts, cross-origin writes and oversized bodies; adds security headers."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str], max_body: int) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers") or []}
        host = headers.get(b"host", b"").decode("latin-1")
        refusal = self._refusal(scope, headers, host)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            if scope.get(TOO_LARGE):
                return {"type": "http.disconnect"}
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                # The rest is never read: the app sees the client gone and answers 413.
                scope[TOO_LARGE] = True
                return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, counted, guarded)

    def _refusal(
        self, scope: Scope, headers: dict[bytes, bytes], host: str
    ) -> tuple[int, str] | None:
        if host_name(host) not in self.hosts:
            return 400, gettext("Unknown server name (Host).")
        if scope["method"] in _SAFE_METHODS:
            return None
        site = headers.get(b"sec-fetch-site")
        if site is not None and site not in (b"same-origin", b"none"):
            return 403, gettext("A request from another site was refused.")
        origin = headers.get(b"origin")
        if origin is not None and origin.decode("latin-1").lower() not in (
            f"http://{host}".lower(),
            f"https://{host}".lower(),
        ):
            return 403, gettext("A request from another site was refused.")
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_body:
            return 413, gettext("The request is too large.")
        return None


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

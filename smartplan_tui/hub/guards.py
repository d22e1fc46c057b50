"""What every request to the hub passes first: body size, Origin, errors as one JSON line.

Why check `Origin`: the hub listens on the room's network, and any web page a participant
opens could otherwise post into the session from their browser (cross-site request
forgery). Browsers send `Origin` with every POST and every websocket; the hub accepts only
its own, the scheme://host:port of the links it printed. A request without `Origin` comes
from no web page (curl, a script) and still needs its cookie.
"""

from __future__ import annotations

import collections
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from smartplan_tui.i18n import _
from smartplan_tui.numbers import format_number

__all__ = ["MAX_BODY", "JoinLimiter", "error_response", "guards"]

#: The largest request body the hub reads (a SWOT item or a ballot is far smaller).
MAX_BODY = 65_536

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


#: Line breaks and runs of spaces, but not the no-break space a number is grouped with.
_BREAKS = re.compile("[ \t\r\n\f\v\u2028\u2029\x85]+")


def error_response(status: int, message: str) -> web.Response:
    """`{"error": "one line naming what is wrong"}` with `status`."""
    line = _BREAKS.sub(" ", message).strip()
    return web.json_response({"error": line}, status=status)


def guards(origins: Callable[[], frozenset[str]]) -> Any:
    """The middleware: 413 for big bodies, 403 for foreign origins, JSON for API errors."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("Origin")
            if origin is not None and origin not in origins():
                return error_response(403, _("Origin {origin} is not this hub's").format(
                    origin=origin[:80]))
            if request.content_length is not None and request.content_length > MAX_BODY:
                return _too_big()
        try:
            return await handler(request)
        except web.HTTPRequestEntityTooLarge:
            return _too_big()

    return middleware


def _too_big() -> web.Response:
    """413, in the request's language (the hub's `language` middleware runs outside this one)."""
    return error_response(413, _("the body is over {most} bytes").format(
        most=format_number(MAX_BODY, grouped=True)))


class JoinLimiter:
    """Wrong join codes per address: the 11th within a minute, and every join after it
    while the address stays over the limit, is refused (429) — the right code too, so the
    limit cannot be used to try codes faster."""

    def __init__(self, allowed: int = 10, window: float = 60.0) -> None:
        self.allowed = allowed
        self.window = window
        self._wrong: dict[str, collections.deque[float]] = {}

    def _recent(self, address: str) -> collections.deque[float]:
        now = time.monotonic()
        times = self._wrong.setdefault(address, collections.deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(self._wrong) > 10_000:  # forget idle addresses; a room has a few hundred
            for key in [k for k, v in self._wrong.items() if not v]:
                del self._wrong[key]
        return times

    def blocked(self, address: str) -> bool:
        return len(self._recent(address)) >= self.allowed

    def wrong(self, address: str) -> None:
        self._recent(address).append(time.monotonic())

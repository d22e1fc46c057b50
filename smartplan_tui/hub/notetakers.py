"""Note-takers: the full app in their browser, through textual-serve, behind a token.

textual-serve has no authentication: whoever reaches its websocket gets a process running
the app with the user's files. So every note-taker route (`/n/…`, and `/download/…`, where
textual.js fetches files the app delivers) needs the note-takers' cookie, which only the
printed link (`/n/login?token=…`, ≥ 128 random bits) sets, and the websocket also needs the
hub's own `Origin` — a page on another site could otherwise open one with the cookie.

textual-serve's handlers serve the page, its assets and downloads; the websocket handler is
ours (textual-serve's, plus a record of every app process) so that the hub can end them all
when it stops: no note-taker's process outlives the hub.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import secrets
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import web
from aiohttp.web_ws import WebSocketResponse
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from smartplan_tui.hub.guards import Handler
from smartplan_tui.hub.keys import sign, verify
from smartplan_tui.i18n import _, current_language, interface_language

__all__ = ["COOKIE", "NoteTakers"]

log = logging.getLogger("smartplan.hub")

COOKIE = "smartplan_notetaker"
#: How long a note-taker's app may take to quit, and then to end, before it is killed.
QUIT_SECONDS = 1.5
_TEMPLATES = Path(__file__).parent / "templates"
_STATICS = Path(textual_serve.__file__).parent / "static"


class _TrackedAppService(AppService):
    """textual-serve's app process, remembered while it runs."""

    def __init__(self, *args: Any, processes: set[asyncio.subprocess.Process],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._processes = processes

    async def _open_app_process(self, width: int = 80, height: int = 24
                                ) -> asyncio.subprocess.Process:
        process = await super()._open_app_process(width, height)
        self._processes.add(process)
        return process


class NoteTakers:
    """The note-takers' routes, their guard and their app processes."""

    def __init__(self, home: Path, session_id: str, title: str, *,
                 keys: Callable[[], tuple[str, str]], origins: Callable[[], frozenset[str]],
                 public_url: Callable[[], str]) -> None:
        self._keys = keys
        """(token, notetaker_key) now: they change when the note-takers are revoked."""
        self._origins = origins
        log_file = Path(home) / "hub" / "notetakers.log"
        # Each app is `exec`ed (no shell left behind) and its stderr goes to a private log:
        # textual-serve would copy it to the hub's stdout, where `--json` promises one line.
        self._argv = [sys.executable, "-m", "smartplan_tui.notetaker_app", "--home", str(home)]
        self._session_id = session_id
        self._log_file = log_file
        self.command = self.command_for("browser", interface_language())
        self._server = Server(self.command, title=f"SmartPlan — {title}",
                              statics_path=_STATICS, templates_path=_TEMPLATES)
        self._public_url = public_url
        self.processes: set[asyncio.subprocess.Process] = set()
        self.sockets: set[WebSocketResponse] = set()

    def command_for(self, author: str, language: str) -> str:
        """The shell command of one note-taker's app, speaking `language` (its browser's,
        as the hub chose it for the page), its edits by `author` in the history."""
        # `--lang` before the session: the app reads it before its screens are imported.
        command = shlex.join([*self._argv, "--lang", language, self._session_id,
                              "--author", author])
        return f"exec {command} 2>>{shlex.quote(str(self._log_file))}"

    def install(self, app: web.Application) -> None:
        templates = aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(_TEMPLATES),
                                         autoescape=True)
        # The page's texts, in the language the hub answers this browser in (`language`).
        templates.globals.update(_=_, page_language=current_language)
        app.add_routes([
            web.get("/n/login", self.login, name="notetaker-login"),
            web.get("/n/", self.index, name="index"),
            web.get("/n/ws", self.websocket, name="websocket"),
            web.get("/download/{key}", self._server.handle_download, name="download"),
            web.static("/n/static", _STATICS, name="static"),
        ])

    def _signed_in(self, request: web.Request) -> bool:
        return verify(self._keys()[1], request.cookies.get(COOKIE)) is not None

    def middleware(self) -> Any:
        """403 for every note-taker route without the cookie; the websocket also needs
        the hub's own Origin."""

        @web.middleware
        async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
            path = request.path
            if (path.startswith("/n/") and path != "/n/login") or path.startswith("/download/"):
                if not self._signed_in(request):
                    raise web.HTTPForbidden(text=_("Open the note-takers' link again.") + "\n")
                if path == "/n/ws" and request.headers.get("Origin") not in self._origins():
                    raise web.HTTPForbidden(
                        text=_("This websocket is for the hub's own page.") + "\n")
            return await handler(request)

        return guard

    async def login(self, request: web.Request) -> web.StreamResponse:
        token = request.query.get("token", "")
        if not hmac.compare_digest(token.encode(), self._keys()[0].encode()):
            raise web.HTTPForbidden(text=_("This note-takers' link is not (or no longer) "
                                           "valid; ask the facilitator for the new one.")
                                    + "\n")
        response = web.HTTPSeeOther("/n/")
        response.set_cookie(COOKIE, sign(self._keys()[1], secrets.token_urlsafe(12)),
                            httponly=True, samesite="Strict", path="/")
        # The token leaves the address bar (and the history) at once.
        response.headers["Referrer-Policy"] = "no-referrer"
        raise response

    async def index(self, request: web.Request) -> web.StreamResponse:
        self._server.public_url = self._public_url()
        return await self._server.handle_index(request)

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's websocket handler, with every app process remembered."""
        websocket = WebSocketResponse(heartbeat=15, timeout=1.0)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: _TrackedAppService | None = None
        self.sockets.add(websocket)
        try:
            await websocket.prepare(request)
            service = _TrackedAppService(
                self.command_for(f"browser {request.remote or '?'}", current_language()),
                write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self._server.download_manager,
                processes=self.processes)
            await service.start(width, height)
            await self._server._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:
            log.exception("a note-taker's connection failed")
        finally:
            self.sockets.discard(websocket)
            if service is not None:
                await self._end(service)
        return websocket

    async def _end(self, service: _TrackedAppService) -> None:
        """Ask the app to quit; end it if it does not within `QUIT_SECONDS`."""
        process = service._process
        with contextlib.suppress(TimeoutError, OSError, RuntimeError, ConnectionError):
            await asyncio.wait_for(asyncio.shield(service.stop()), QUIT_SECONDS)
        if process is not None:
            await _reap(process)
            self.processes.discard(process)

    async def close_all(self) -> None:
        """Close every note-taker's connection and end every app process (hub stopping,
        or the note-takers revoked)."""
        await asyncio.gather(*(websocket.close(message=b"the hub closed this connection")
                               for websocket in list(self.sockets)), return_exceptions=True)
        await asyncio.gather(*(_reap(p) for p in list(self.processes)))
        self.processes.clear()


async def _reap(process: asyncio.subprocess.Process) -> None:
    """Wait for an app process to end, ending it (TERM, then KILL) if it takes too long."""
    for signal_it in (None, process.terminate, process.kill):
        if process.returncode is not None:
            return
        if signal_it is not None:
            with contextlib.suppress(ProcessLookupError):
                signal_it()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), QUIT_SECONDS)

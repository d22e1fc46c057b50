"""The hub: one aiohttp application for both audiences, on the facilitator's laptop.

Why one application: participants and note-takers share the origin the hub prints, so one
Origin rule, one body limit and one place that stops everything (the note-takers' app
processes included) cover both; textual-serve's own server would be a second port, a
second origin and a second shutdown to get right.

Routes: `/j/{code}`, `/room…`, `/api/…`, `/assets/…` for participants (`participants`),
`/n/…` and `/download/…` for note-takers (`notetakers`), and `/hub/…` for the app on this
laptop (status, revoke, stop), which need the key in the hub's private state file.
Every answer, refusals included, is in the asker's language (`language`).
No access log is kept: the note-takers' link carries its token.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import os
import secrets
import signal
from collections.abc import Callable
from typing import Any

from aiohttp import web

from smartplan_tui.hub.guards import MAX_BODY, error_response, guards
from smartplan_tui.hub.keys import HubKeys
from smartplan_tui.hub.language import speaking
from smartplan_tui.hub.links import ANY_HOST, Links, origin_of, public_host, reaches_room
from smartplan_tui.hub.notetakers import NoteTakers
from smartplan_tui.hub.participants import Participants
from smartplan_tui.hub.state import Running, hub_file, read_keys, read_running, write_state
from smartplan_tui.hub.writer import StoreWorker
from smartplan_tui.i18n import _
from smartplan_tui.records import record
from smartplan_tui.store import SessionStore, StoreError

__all__ = ["DEFAULT_PORT", "Hub", "Ready", "run_hub"]

DEFAULT_PORT = 8765


@record
class Ready:
    """What the hub tells whoever started it once it listens."""

    links: Links
    lan: bool
    title: str

    def to_json(self) -> dict[str, str]:
        return {"participants": self.links.participants, "code": self.links.code,
                "notetakers": self.links.notetakers}


class Hub:
    """One session's hub: start it, then `stopped` is set when it should end."""

    def __init__(self, store: SessionStore, session_id: str, host: str = "127.0.0.1",
                 port: int = DEFAULT_PORT) -> None:
        self.store = store
        self.session_id = session_id
        self.host = host
        self.port = port
        self.state_path = hub_file(store.home, session_id)
        self.control_key = secrets.token_urlsafe(24)
        self.stopped = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._origin = ""
        self._lan = False
        self.keys = HubKeys()

    # ------------------------------------------------------------------ life

    async def start(self) -> Ready:
        """Open the session, listen, and record where (StoreError/OSError if it cannot)."""
        running = read_running(self.state_path)
        if running is not None and running.pid != os.getpid():
            raise StoreError(_("a hub for session {id} is running already (process {pid}): "
                               "{link}").format(id=repr(self.session_id), pid=running.pid,
                                                link=running.participants))
        handle = self.store.open(self.session_id)
        self.keys = read_keys(self.state_path) or HubKeys()
        self.worker = StoreWorker(handle)
        title = self.worker.view.session.info.title
        self.participants = Participants(self.worker, lambda: self.keys)
        self.notetakers = NoteTakers(
            self.store.home, self.session_id, title,
            keys=lambda: (self.keys.token, self.keys.notetaker_key),
            origins=self.origins, public_url=lambda: self._origin)
        app = web.Application(client_max_size=MAX_BODY,
                              middlewares=[speaking(), guards(self.origins),
                                           self.notetakers.middleware()])
        self.participants.install(app)
        self.notetakers.install(app)
        app.add_routes([web.get("/hub/status", self.status),
                        web.post("/hub/revoke", self.revoke),
                        web.post("/hub/stop", self.stop_request)])
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0,
                                     handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host if self.host not in ANY_HOST else None,
                           self.port, reuse_address=True)
        try:
            await site.start()
        except OSError:
            await self._runner.cleanup()
            raise
        port = _bound_port(site)
        shown = public_host(self.host)
        self._lan = reaches_room(shown)
        self._origin = origin_of(shown, port)
        control_host = "127.0.0.1" if self.host in ANY_HOST else self.host
        self._control_url = origin_of(control_host, port)
        self.worker.start()
        self.write_state()
        return Ready(self.links, self._lan, title)

    @property
    def links(self) -> Links:
        return Links(self._origin, self.keys.code, self.keys.token)

    def origins(self) -> frozenset[str]:
        return frozenset({self._origin})

    def write_state(self, *, running: bool = True) -> None:
        links = self.links
        entry = Running(os.getpid(), self._control_url, self.control_key, links.participants,
                        links.code, links.notetakers, self._lan)
        write_state(self.state_path, self.keys, entry if running else None)

    async def close(self) -> None:
        """End everything the hub started: note-takers' apps, the store thread, the server."""
        await self.notetakers.close_all()
        await self.worker.stop()
        if self._runner is not None:
            await self._runner.cleanup()
        with contextlib.suppress(OSError):
            self.write_state(running=False)

    # ------------------------------------------------------------------ control

    def _allowed(self, request: web.Request) -> bool:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ")
        return hmac.compare_digest(given.encode(), self.control_key.encode())

    def status_json(self) -> dict[str, Any]:
        links = self.links
        return {"participants": links.participants, "code": links.code,
                "notetakers": links.notetakers, "devices": len(self.participants.devices),
                "notetakers_connected": len(self.notetakers.sockets)}

    async def status(self, request: web.Request) -> web.StreamResponse:
        if not self._allowed(request):
            return _not_for_you()
        return web.json_response(self.status_json())

    async def revoke(self, request: web.Request) -> web.StreamResponse:
        """`{"devices": true}`: a new code, every phone out; `{"notetakers": true}`: a new
        note-takers' link, every note-taker's browser out."""
        if not self._allowed(request):
            return _not_for_you()
        try:
            doc = await request.json()
        except ValueError:
            doc = None
        if not isinstance(doc, dict) or not {"devices", "notetakers"} >= set(doc):
            return error_response(400, _('send {devices} and/or {notetakers}').format(
                devices='{"devices": true}', notetakers='{"notetakers": true}'))
        if doc.get("devices") is True:
            self.keys = self.keys.new_code()
            self.participants.forget_devices()
        if doc.get("notetakers") is True:
            self.keys = self.keys.new_token()
        self.write_state()
        if doc.get("notetakers") is True:
            await self.notetakers.close_all()
        return web.json_response(self.status_json())

    async def stop_request(self, request: web.Request) -> web.StreamResponse:
        if not self._allowed(request):
            return _not_for_you()
        self.stopped.set()
        return web.json_response({"stopping": True})


def _not_for_you() -> web.Response:
    """403 for a control endpoint without the key, in the asker's language."""
    return error_response(403, _("this is for the app on the hub's laptop"))


def _bound_port(site: web.TCPSite) -> int:
    server = site._server
    sockets = getattr(server, "sockets", None) or ()
    for sock in sockets:
        return int(sock.getsockname()[1])
    return int(site._port)


def run_hub(store: SessionStore, session_id: str, host: str, port: int,
            on_ready: Callable[[Ready], None]) -> None:
    """Serve until ctrl+c, SIGTERM or the app's stop; then end all it started and return."""

    async def main() -> None:
        hub = Hub(store, session_id, host, port)
        ready = await hub.start()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signum, hub.stopped.set)
        try:
            on_ready(ready)
            await hub.stopped.wait()
        finally:
            await hub.close()

    asyncio.run(main())

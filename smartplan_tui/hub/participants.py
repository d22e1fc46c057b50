"""The participants' routes: join by code, the page, and the API its script uses.

The contract (docs/format.md, "The participant API"): `GET /j/{code}` lets a device in
with an HttpOnly, SameSite=Strict cookie; `GET /api/room`, `POST /api/swot` and
`POST /api/ballot` need that cookie (401 without it or with one the hub did not sign).
The page posts the same edits as plain forms (`/room/swot`, `/room/ballot`) when scripts
are off; both kinds go through the same checks (`room_view`) and the same writer.

Each request is answered in its device's language (`language`: `?lang=`, its cookie,
`Accept-Language`, the interface's), set for every route of the hub by its middleware.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from smartplan_tui.hub import forms
from smartplan_tui.hub.guards import JoinLimiter, error_response
from smartplan_tui.hub.keys import HubKeys, device_tag, new_device_id, normal_code, sign, verify
from smartplan_tui.hub.language import COOKIE_SECONDS
from smartplan_tui.hub.page import added_notice, ballot_in_notice, page, unjoined_page
from smartplan_tui.hub.room_view import Refused, RoomView, parse_ballot, parse_swot
from smartplan_tui.hub.writer import AddSwot, CastBallot, StoreWorker
from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError
from smartplan_tui.store import loads

__all__ = ["COOKIE", "Participants"]

COOKIE = "smartplan_device"
ASSETS = Path(__file__).parent / "static"
_NO_STORE = {"Cache-Control": "no-store"}
#: The page's own rules: scripts and styles from the hub only, no frames, no other site.
PAGE_HEADERS = {
    **_NO_STORE,
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self' "
                                "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class Participants:
    """The routes of the phones in the room."""

    def __init__(self, worker: StoreWorker, keys: Callable[[], HubKeys]) -> None:
        self.worker = worker
        self._keys = keys
        self.limiter = JoinLimiter()
        self.devices: set[str] = set()
        """Devices that joined (or came back) since the hub started or last revoked."""

    def install(self, app: web.Application) -> None:
        app.add_routes([
            web.get("/j/{code}", self.join, name="join"),
            web.get("/room", self.page, name="room"),
            web.post("/room/swot", self.swot_form, name="room-swot"),
            web.post("/room/ballot", self.ballot_form, name="room-ballot"),
            web.get("/api/room", self.api_room, name="api-room"),
            web.post("/api/swot", self.api_swot, name="api-swot"),
            web.post("/api/ballot", self.api_ballot, name="api-ballot"),
            web.static("/assets", ASSETS, name="assets", append_version=False),
        ])

    def device(self, request: web.Request) -> str | None:
        """The device this request comes from, if the hub let it in (and not since revoked)."""
        device = verify(self._keys().device_key, request.cookies.get(COOKIE))
        if device is not None:
            self.devices.add(device)
        return device

    def forget_devices(self) -> None:
        self.devices.clear()

    def _tag(self, view: RoomView, device: str) -> str | None:
        return device_tag(self._keys(), device, view.vote.id) if view.vote is not None else None

    # ------------------------------------------------------------------ join

    async def join(self, request: web.Request) -> web.StreamResponse:
        address = request.remote or "?"
        if self.limiter.blocked(address):
            return web.Response(status=429, text=_("Too many wrong codes; wait a minute.") + "\n",
                                headers={"Retry-After": "60"})
        code = normal_code(request.match_info["code"])
        if code is None or not hmac.compare_digest(code, self._keys().code):
            self.limiter.wrong(address)
            return web.Response(status=404, text=_("No room has this code. Scan the QR code "
                                                   "on the screen again.") + "\n")
        device = self.device(request) or new_device_id()
        self.devices.add(device)
        response = web.HTTPSeeOther("/room", headers=_NO_STORE)
        response.set_cookie(COOKIE, sign(self._keys().device_key, device), httponly=True,
                            samesite="Strict", path="/", max_age=COOKIE_SECONDS)
        raise response

    # ------------------------------------------------------------------ the page

    async def page(self, request: web.Request) -> web.StreamResponse:
        device = self.device(request)
        if device is None:
            return _html(unjoined_page(), 401)
        view = self.worker.view
        tag = self._tag(view, device)
        done = request.query.get("done", "")
        notice = added_notice() if done == "swot" else ballot_in_notice() if done == "ballot" else ""
        return _html(page(view, view.mine.get(tag) if tag else None, notice=notice))

    async def swot_form(self, request: web.Request) -> web.StreamResponse:
        device = self.device(request)
        if device is None:
            return _html(unjoined_page(), 401)
        fields = dict(await request.post())
        draft = {k: v for k, v in fields.items() if isinstance(v, str)}
        try:
            await self._add_swot(forms.swot_doc(draft))
        except Refused as refused:
            return self._refused_page(device, refused, draft)
        raise web.HTTPSeeOther("/room?done=swot", headers=_NO_STORE)

    async def ballot_form(self, request: web.Request) -> web.StreamResponse:
        device = self.device(request)
        if device is None:
            return _html(unjoined_page(), 401)
        fields = {k: v for k, v in (await request.post()).items() if isinstance(v, str)}
        view = self.worker.view
        try:
            await self._cast(forms.ballot_doc(fields, view.vote), device)
        except Refused as refused:
            return self._refused_page(device, refused, fields)
        raise web.HTTPSeeOther("/room?done=ballot", headers=_NO_STORE)

    def _refused_page(self, device: str, refused: Refused,
                      draft: dict[str, str]) -> web.StreamResponse:
        """The page again, with what was typed kept and the reason it was refused."""
        view = self.worker.view
        tag = self._tag(view, device)
        return _html(page(view, view.mine.get(tag) if tag else None, error=refused.message,
                          draft=draft), refused.status)

    # ------------------------------------------------------------------ the API

    async def api_room(self, request: web.Request) -> web.StreamResponse:
        device = self.device(request)
        if device is None:
            return _unjoined()
        view = self.worker.view
        return web.json_response(view.for_device(self._tag(view, device)), headers=_NO_STORE)

    async def api_swot(self, request: web.Request) -> web.StreamResponse:
        if self.device(request) is None:
            return _unjoined()
        try:
            item_id = await self._add_swot(await _json_body(request))
        except Refused as refused:
            return error_response(refused.status, refused.message)
        return web.json_response({"id": item_id}, status=201, headers=_NO_STORE)

    async def api_ballot(self, request: web.Request) -> web.StreamResponse:
        device = self.device(request)
        if device is None:
            return _unjoined()
        try:
            doc = await _json_body(request)
            vote_id = await self._cast(doc, device)
        except Refused as refused:
            return error_response(refused.status, refused.message)
        view = self.worker.view
        tag = self._tag(view, device)
        mine = view.mine.get(tag) if tag and view.vote and view.vote.id == vote_id else None
        return web.json_response({"vote": vote_id, "my_ballot": mine}, headers=_NO_STORE)

    # ------------------------------------------------------------------ edits

    async def _add_swot(self, doc: Any) -> str:
        draft = parse_swot(doc)
        item_id: str = await self.worker.submit(AddSwot(draft))
        return item_id

    async def _cast(self, doc: Any, device: str) -> str:
        view = self.worker.view
        draft = parse_ballot(doc, view)
        tag = device_tag(self._keys(), device, draft.vote_id)
        await self.worker.submit(CastBallot(draft, tag))
        return draft.vote_id


async def _json_body(request: web.Request) -> Any:
    """The request's JSON, parsed as strictly as an imported file (no duplicate keys)."""
    body = await request.read()
    try:
        return loads(body, "body")
    except ModelError as error:
        raise Refused(400, str(error)) from None


def _unjoined() -> web.Response:
    return error_response(401, _("this device has not joined (or was sent away): open the "
                                 "join link again"))


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8",
                        headers=PAGE_HEADERS)

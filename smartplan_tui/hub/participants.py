"""The participants' routes: join by code, the page, and the API its script uses.

The contract (docs/format.md, "The participant API"): `GET /j/{code}` lets a device in
with an HttpOnly, SameSite=Strict cookie; `GET /api/room`, `POST /api/swot` and
`POST /api/ballot` need that cookie (401 without it or with one the hub did not sign).
The page posts the same edits as plain forms (`/room/swot`, `/room/ballot`) when scripts
are off; both kinds go through the same checks (`room_view`) and the same writer.

Each request is answered in its device's language: `?lang=` (remembered in a cookie), else
Latvian or Lithuanian when `Accept-Language` asks for one of them first, else the interface
language. A browser's English is taken as its default rather than a choice, so an
English-speaking phone still gets the room's language, as the facilitator set it.
"""

from __future__ import annotations

import functools
import hmac
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from smartplan_tui.hub import forms
from smartplan_tui.hub.guards import JoinLimiter, error_response
from smartplan_tui.hub.keys import HubKeys, device_tag, new_device_id, normal_code, sign, verify
from smartplan_tui.hub.page import added_notice, ballot_in_notice, page, unjoined_page
from smartplan_tui.hub.room_view import Refused, RoomView, parse_ballot, parse_swot
from smartplan_tui.hub.writer import AddSwot, CastBallot, StoreWorker
from smartplan_tui.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    _,
    interface_language,
    normalise_language,
    writing_in,
)
from smartplan_tui.model import ModelError
from smartplan_tui.store import loads

__all__ = ["COOKIE", "Participants"]

COOKIE = "smartplan_device"
LANGUAGE_COOKIE = "smartplan_lang"
#: A device stays in for two days: a workshop, and the morning after.
COOKIE_SECONDS = 2 * 24 * 3600
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


Handler = Callable[["Participants", web.Request], Awaitable[web.StreamResponse]]


def page_language(request: web.Request) -> str:
    """The language to answer `request` in: `?lang=`, its cookie, `Accept-Language` when it
    asks first for a language other than English, the interface's (a value SmartPlan does not
    speak is passed over)."""
    for value in (request.query.get("lang"), request.cookies.get(LANGUAGE_COOKIE)):
        code = normalise_language(value)
        if code is not None:
            return code
    asked = accepted_language(request.headers.get("Accept-Language", ""))
    return asked if asked not in (None, DEFAULT_LANGUAGE) else interface_language()


def accepted_language(header: str) -> str | None:
    """The first of SmartPlan's languages in an `Accept-Language` header, by its weight."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        tag, _sep, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        code = normalise_language(tag)
        if code is not None and weight > 0:
            ranked.append((-weight, i, code))
    return min(ranked)[2] if ranked else None


def _speaking(handler: Handler) -> Handler:
    """Run `handler` in the request's language; a `?lang=` is remembered for the next pages."""

    @functools.wraps(handler)
    async def answer(self: Participants, request: web.Request) -> web.StreamResponse:
        with writing_in(page_language(request)) as language:
            try:
                response = await handler(self, request)
            except web.HTTPException as redirect:  # a join or a form's redirect
                _remember(request, redirect, language)
                raise
        _remember(request, response, language)
        return response

    return answer


def _remember(request: web.Request, response: web.StreamResponse, language: str) -> None:
    if normalise_language(request.query.get("lang")) == language and language in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, language, httponly=True, samesite="Strict",
                            path="/", max_age=COOKIE_SECONDS)


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

    @_speaking
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

    @_speaking
    async def page(self, request: web.Request) -> web.StreamResponse:
        device = self.device(request)
        if device is None:
            return _html(unjoined_page(), 401)
        view = self.worker.view
        tag = self._tag(view, device)
        done = request.query.get("done", "")
        notice = added_notice() if done == "swot" else ballot_in_notice() if done == "ballot" else ""
        return _html(page(view, view.mine.get(tag) if tag else None, notice=notice))

    @_speaking
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

    @_speaking
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

    @_speaking
    async def api_room(self, request: web.Request) -> web.StreamResponse:
        device = self.device(request)
        if device is None:
            return _unjoined()
        view = self.worker.view
        return web.json_response(view.for_device(self._tag(view, device)), headers=_NO_STORE)

    @_speaking
    async def api_swot(self, request: web.Request) -> web.StreamResponse:
        if self.device(request) is None:
            return _unjoined()
        try:
            item_id = await self._add_swot(await _json_body(request))
        except Refused as refused:
            return error_response(refused.status, refused.message)
        return web.json_response({"id": item_id}, status=201, headers=_NO_STORE)

    @_speaking
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

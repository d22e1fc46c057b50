"""The language the hub answers a request in: one rule for every route, refusals included.

`?lang=` (remembered in a cookie), else Latvian or Lithuanian when `Accept-Language` asks for
one of them first, else the interface language. A browser's English is taken as its default
rather than a choice, so an English-speaking phone still gets the room's language, as the
facilitator set it. The middleware sets it (`i18n.writing_in`) around everything a request
runs, so the guards' refusals, the participants' pages and the note-takers' page all read
in the same language.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from smartplan_tui.i18n import DEFAULT_LANGUAGE, interface_language, normalise_language, writing_in

__all__ = ["COOKIE_SECONDS", "LANGUAGE_COOKIE", "accepted_language", "page_language", "speaking"]

LANGUAGE_COOKIE = "smartplan_lang"
#: A device, and the language it chose, stay for two days: a workshop, and the morning after.
COOKIE_SECONDS = 2 * 24 * 3600

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


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


def speaking() -> Any:
    """The middleware: run the request in its language; a `?lang=` is remembered."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        with writing_in(page_language(request)) as language:
            try:
                response = await handler(request)
            except web.HTTPException as answer:  # a join's or a form's redirect, a refusal
                _remember(request, answer, language)
                raise
        _remember(request, response, language)
        return response

    return middleware


def _remember(request: web.Request, response: web.StreamResponse, language: str) -> None:
    if response.prepared:  # a websocket's answer went out long ago
        return
    if normalise_language(request.query.get("lang")) == language:
        response.set_cookie(LANGUAGE_COOKIE, language, httponly=True, samesite="Strict",
                            path="/", max_age=COOKIE_SECONDS)

"""Note-takers: the full app through textual-serve, behind the token and the Origin check."""

from __future__ import annotations

import asyncio
import json
import logging
import os

import aiohttp
import pytest
from hub_support import client, eventually, make_session, running_hub

from smartplan_tui.hub.server import Hub
from smartplan_tui.store import SessionStore


async def _sign_in(hub: Hub) -> aiohttp.ClientSession:
    browser = client()
    async with browser.get(hub.links.notetakers, allow_redirects=False) as response:
        assert response.status == 303 and response.headers["Location"] == "/n/"
        cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    return browser


def _ws_url(hub: Hub) -> str:
    return hub.links.origin.replace("http:", "ws:") + "/n/ws?width=100&height=30"


async def test_every_notetaker_route_needs_the_cookie_the_link_sets(store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub:
        origin = hub.links.origin
        async with client() as stranger:
            for path in ("/n/", "/n/static/js/textual.js", "/download/x", "/n/ws"):
                async with stranger.get(origin + path) as r:
                    assert r.status == 403, path
            wrong = hub.links.notetakers[:-3] + "xyz"
            for link in (wrong, origin + "/n/login", origin + "/n/login?token="):
                async with stranger.get(link, allow_redirects=False) as r:
                    assert r.status == 403, link
                    assert "Set-Cookie" not in r.headers
        # The device cookie of a participant is no note-taker's cookie.
        async with client() as phone:
            await phone.get(hub.links.participants)
            async with phone.get(origin + "/n/") as r:
                assert r.status == 403
        async with await _sign_in(hub) as browser, browser.get(origin + "/n/") as page:
            assert page.status == 200
            html = await page.text()
        assert f'data-session-websocket-url="{origin.replace("http:", "ws:")}/n/ws"' in html
        assert "googleapis" not in html and "/n/static/js/textual.js" in html


async def test_the_websocket_needs_the_cookie_and_the_hubs_own_origin(store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub:
        own = hub.links.origin
        async with client() as stranger:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await stranger.ws_connect(_ws_url(hub), origin=own)
            assert refused.value.status == 403
        browser = await _sign_in(hub)
        for origin in ("http://evil.example", own.replace("127.0.0.1", "localhost"), None):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await browser.ws_connect(_ws_url(hub), origin=origin)
            assert refused.value.status == 403, origin
        assert hub.notetakers.processes == set()
        socket = await browser.ws_connect(_ws_url(hub), origin=own)
        assert socket._response.status == 101

        async def started() -> set[asyncio.subprocess.Process]:
            return hub.notetakers.processes

        [process] = await eventually(started)

        async def screen_shows(text: bytes) -> None:
            """Read what the app draws until `text` is among it (30 s at most)."""
            seen = b""
            async with asyncio.timeout(30):
                while text not in seen:
                    message = await socket.receive()
                    if message.type is aiohttp.WSMsgType.BINARY:
                        seen += message.data

        # The app draws the session, then a quick note typed in the browser is written
        # through the store, as from a second terminal.
        await screen_shows(b"Agenda")
        await socket.send_str(json.dumps(["stdin", "\x0e"]))  # ctrl+n
        await screen_shows(b"What was said or decided")  # the note's empty field
        await socket.send_str(json.dumps(["stdin", "Ferry at 9\r"]))

        async def stored() -> bool:
            notes = SessionStore(store.home).load(sid).notes
            return any(n.text == "Ferry at 9" for n in notes)

        await eventually(stored, 30)
        newest = SessionStore(store.home).open(sid).history()[0]
        assert (newest.by, newest.what) == ("browser 127.0.0.1", "Added note “Ferry at 9”")
        await socket.close()
        await browser.close()

        async def ended() -> bool:
            return process.returncode is not None and not hub.notetakers.processes

        await eventually(ended, 10)
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)


async def test_no_log_line_carries_the_token(store: SessionStore,
                                             caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    sid = make_session(store)
    async with running_hub(store, sid) as hub:
        async with await _sign_in(hub) as browser, browser.get(hub.links.origin + "/n/") as r:
            assert r.status == 200
        async with client() as stranger, stranger.get(hub.links.notetakers + "x") as r:
            assert r.status == 403
        token = hub.links.token
    # aiohttp's access log would name every path with its query: it is off.
    assert [r for r in caplog.records if r.name == "aiohttp.access"] == []
    assert not [record for record in caplog.records if token in record.getMessage()]


async def test_a_new_notetakers_link_shuts_every_notetaker_out_at_once(
        store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub:
        old_link = hub.links.notetakers
        browser = await _sign_in(hub)
        socket = await browser.ws_connect(_ws_url(hub), origin=hub.links.origin)

        async def started() -> set[asyncio.subprocess.Process]:
            return hub.notetakers.processes

        [process] = await eventually(started)
        headers = {"Authorization": f"Bearer {hub.control_key}"}
        async with client() as app, app.post(hub.links.origin + "/hub/revoke",
                                             json={"notetakers": True}, headers=headers) as r:
            assert r.status == 200
            new_link = (await r.json())["notetakers"]
        assert new_link != old_link
        async with asyncio.timeout(10):
            while (await socket.receive()).type is not aiohttp.WSMsgType.CLOSE:
                pass

        async def ended() -> bool:
            return process.returncode is not None

        await eventually(ended, 10)
        async with browser.get(hub.links.origin + "/n/") as r:
            assert r.status == 403
        async with browser.get(old_link, allow_redirects=False) as r:
            assert r.status == 403
        async with browser.get(new_link) as r:
            assert r.status == 200 and r.url.path == "/n/"
        await browser.close()

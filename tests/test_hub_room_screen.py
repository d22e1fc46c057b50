"""The Room screen (Pilot): what the room sees, and the hub started and stopped from the app."""

from __future__ import annotations

import os
from typing import Any

import aiohttp
import pytest
from hub_support import make_session
from textual.pilot import Pilot
from textual.widgets import Label, Static
from tui_support import settle

from smartplan_tui.app import make_app
from smartplan_tui.hub import control
from smartplan_tui.model import Room, RoomActivity
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.room import HOST_ENV, PORT_ENV, RoomScreen
from smartplan_tui.screens.widgets.choice_form import ChoiceForm
from smartplan_tui.store import SessionStore


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _room(store: SessionStore, sid: str) -> Room:
    return SessionStore(store.home).open(sid).room()


async def _until(pilot: Pilot[Any], check: Any, seconds: float = 20.0) -> None:
    """Let the app run (its workers, its one-second hub poll) until `check()` holds."""
    import time

    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s")
        await pilot.pause(0.05)


async def test_the_room_screen_sets_what_the_room_sees(store: SessionStore) -> None:
    sid = make_session(store)
    app = make_app(store.home, sid)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Room (phones join)" in titles  # in the command palette too
        await pilot.press("j")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        assert "No hub is running" in _text(screen, "#room-hub")
        assert "waiting for the facilitator" in _text(screen, "#room-activity")
        await pilot.press("w")
        await settle(pilot)
        assert _room(store, sid) == Room(RoomActivity.SWOT)
        assert "SWOT brainstorm" in _text(screen, "#room-activity")
        await pilot.press("m")  # names only for a vote
        await settle(pilot)
        assert _room(store, sid) == Room(RoomActivity.SWOT)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert _room(store, sid) == Room(RoomActivity.VOTE, "v1")
        assert "The room sees: the vote “Which first?”" in _text(screen, "#room-activity")
        assert "0 ballots counted" in _text(screen, "#room-progress")
        await pilot.press("m")
        await settle(pilot)
        assert _room(store, sid) == Room(RoomActivity.VOTE, "v1", names=True)
        assert "Still to vote" in _text(screen, "#room-progress") or \
            "Everybody has voted" in _text(screen, "#room-progress")
        await pilot.press("r", "ctrl+s")
        await settle(pilot)
        assert _room(store, sid) == Room(RoomActivity.RESULTS, "v1")
        # Another process (the command line) changes it: the screen follows.
        SessionStore(store.home).open(sid).set_room(Room())
        await _until(pilot, lambda: "waiting" in _text(screen, "#room-activity"))
        await pilot.press("o")
        await settle(pilot)
        assert _room(store, sid) == Room()


@pytest.mark.slow
async def test_the_hub_starts_shows_its_code_counts_devices_revokes_and_stops(
        store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOST_ENV, "127.0.0.1")
    monkeypatch.setenv(PORT_ENV, "0")
    sid = make_session(store)
    app = make_app(store.home, sid)
    async with app.run_test(size=(140, 50)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        await pilot.press("h")
        await _until(pilot, lambda: screen.hub is not None and screen.hub_status)
        running = control.find(store.home, sid)
        assert running is not None and running.pid == screen.hub.pid  # type: ignore[union-attr]
        code = screen.query_one("#room-code", Label).render()
        assert str(code).replace(" ", "") == f"Joincode{running.code}"
        qr = _text(screen, "#room-qr")
        assert qr.count("█") > 50
        assert "Only this laptop can reach it" in _text(screen, "#room-hub")
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as phone:
            async with phone.get(running.participants) as page:
                assert page.status == 200
            await _until(pilot, lambda: "1 device joined" in _text(screen, "#room-hub"))
            await pilot.press("x")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await _until(pilot, lambda: screen.hub_status.get("code") not in (None, running.code))
            async with phone.get(running.control_url + "/api/room") as r:
                assert r.status == 401  # sent away at once
        new_code = str(screen.query_one("#room-code", Label).render()).replace(" ", "")[8:]
        assert new_code != running.code
        await pilot.press("K")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await _until(pilot, lambda: screen.hub_status.get("notetakers") not in (
            None, running.notetakers))
        await pilot.press("h")
        await _until(pilot, lambda: screen.hub is None, 20)
        assert "No hub is running" in _text(screen, "#room-hub")
    with pytest.raises(ProcessLookupError):
        os.kill(running.pid, 0)

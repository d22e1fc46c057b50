"""Helpers for the hub's tests: a real hub on loopback, real HTTP clients, polling deadlines."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.hub.server import Hub
from smartplan_tui.model import Room, RoomActivity, SessionInfo, Vote, VoteMethod, VoteOption
from smartplan_tui.store import SessionStore

T = TypeVar("T")


@asynccontextmanager
async def running_hub(store: SessionStore, session_id: str) -> AsyncIterator[Hub]:
    """The hub of `session_id` on 127.0.0.1, on a free port, for the length of a test."""
    hub = Hub(store, session_id, "127.0.0.1", 0)
    await hub.start()
    try:
        yield hub
    finally:
        await hub.close()


def client() -> aiohttp.ClientSession:
    """A browser of its own: its own cookies (so its own device)."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def join(hub: Hub, session: aiohttp.ClientSession | None = None) -> aiohttp.ClientSession:
    """A device that joined by the printed link."""
    device = session or client()
    async with device.get(hub.links.participants, allow_redirects=False) as response:
        assert response.status == 303, response.status
    return device


async def eventually(check: Callable[[], Awaitable[T | None]], seconds: float = 5.0) -> T:
    """Poll `check` until it returns something truthy, or fail at the deadline."""
    deadline = time.monotonic() + seconds
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s")
        await asyncio.sleep(0.02)


def make_session(store: SessionStore, session_id: str = "room", *, method: VoteMethod =
                 VoteMethod.DOT, dots: int = 3, cap: int | None = 2,
                 options: tuple[str, ...] = ("Ports", "Cycling", "Office")) -> str:
    """A session with one open vote `v1`; returns its id."""
    store.create(SessionInfo(id=session_id, title="Coast <b>camp</b>"))
    handle = store.open(session_id)
    handle.add(VOTES, lambda i: Vote(
        i, "Which first?", method,
        tuple(VoteOption(chr(ord("A") + n), text) for n, text in enumerate(options)),
        dots, cap))
    return session_id


def show(store: SessionStore, session_id: str, activity: RoomActivity, vote: str = "",
         names: bool = False) -> None:
    """What the app or `smartplan room` would do: another handle writes the room."""
    SessionStore(store.home).open(session_id).set_room(Room(activity, vote, names))


async def room_of(hub: Hub, device: aiohttp.ClientSession) -> dict[str, Any]:
    async with device.get(hub.links.origin + "/api/room") as response:
        assert response.status == 200
        doc: dict[str, Any] = await response.json()
        return doc


async def shown(hub: Hub, device: aiohttp.ClientSession, activity: str,
                seconds: float = 5.0) -> dict[str, Any]:
    """The room once the device sees `activity` (the hub re-reads the session by itself)."""
    async def seen() -> dict[str, Any] | None:
        doc = await room_of(hub, device)
        return doc if doc["activity"] == activity else None

    return await eventually(seen, seconds)


def child_pids(pid: int) -> set[int]:
    """Every process whose parent is `pid` (Linux /proc): the note-takers' apps a hub starts."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found

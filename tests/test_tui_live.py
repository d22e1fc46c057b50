"""Live across processes: another process writes, the open screens show it within ~1 s."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_support import settle, type_into

from smartplan_tui.app import make_app
from smartplan_tui.model import Quadrant
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.store import SessionStore

ADD_IN_ANOTHER_PROCESS = """
import sys
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, SwotItem
from smartplan_tui.store import SessionStore
handle = SessionStore(sys.argv[1]).open("coast-camp")
item = handle.add(SWOT, lambda new_id: SwotItem(new_id, Quadrant.THREATS, sys.argv[2]))
print(item.id)
"""


async def _wait_until(pilot: Pilot[Any], condition: Any, limit: float = 2.5) -> float:
    """Seconds until `condition()` holds while the app runs (the one allowed wait).

    The app polls every 0.5 s; the limit leaves room for a busy test machine.
    """
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > limit:
            raise AssertionError(f"not shown within {limit} s")
        await asyncio.sleep(0.05)
    await pilot.pause()
    return time.monotonic() - start


def _threat_rows(board: SwotBoardScreen) -> list[str]:
    ql = board.quadrant_list(Quadrant.THREATS)
    return [ql.text_at(i) for i in range(ql.row_count)]


async def test_item_added_by_a_second_process_shows_on_the_open_board(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        board = app.screen
        assert isinstance(board, SwotBoardScreen)
        # The user is half-way through typing a card when the other process writes.
        await pilot.press("f2")
        await type_into(pilot, "half-typed card")
        text = "[i]Flooding[/i] of the old town (from the second terminal)"
        done = await asyncio.to_thread(subprocess.run, [
            sys.executable, "-c", ADD_IN_ANOTHER_PROCESS, str(demo_store.home), text],
            capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        await _wait_until(pilot, lambda: any(text in r for r in _threat_rows(board)))
        capture = board.query_one("#capture", Input)
        assert capture.value == "half-typed card"
        assert board.focused is capture
        assert board.quadrant_list(Quadrant.THREATS).border_title == "Threats (5)"


async def test_session_screen_counts_follow_another_process(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        before = len(SessionStore(demo_store.home).load("coast-camp").swot)
        done = await asyncio.to_thread(subprocess.run, [
            sys.executable, "-c", ADD_IN_ANOTHER_PROCESS, str(demo_store.home), "x"],
            capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        counts = app.screen.query_one("#counts")
        await _wait_until(pilot, lambda: f"{before + 1:>6}" in str(counts.render()))


async def test_each_live_screen_polls_once(
        demo_store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual runs every class's `on_mount`; a subclass calling super() doubled the poll."""
    from smartplan_tui.screens.live import LiveScreen

    polls: dict[LiveScreen, int] = {}
    set_interval = LiveScreen.set_interval

    def counted(screen: LiveScreen, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("name") == "session-poll":
            polls[screen] = polls.get(screen, 0) + 1
        return set_interval(screen, *args, **kwargs)

    monkeypatch.setattr(LiveScreen, "set_interval", counted)
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        seen = set()
        # The board and the notes open in their capture line: the first Esc leaves it.
        for key in ("", "w", "escape", "escape", "t", "escape", "l", "escape", "escape", "r",
                    "escape", "v"):
            if key:
                await pilot.press(key)
                await pilot.pause()
            screen = app.screen
            if isinstance(screen, LiveScreen):
                seen.add(type(screen).__name__)
                assert polls.get(screen) == 1, (type(screen).__name__, polls.get(screen))
        assert len(seen) >= 5, seen

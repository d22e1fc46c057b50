"""Helpers for the Pilot tests of the app."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from smartplan_tui.model import Session
from smartplan_tui.store import SessionStore


async def settle(pilot: Pilot[Any]) -> None:
    """Let messages, workers and screen switches finish (no sleeping).

    A worker may start another as it ends (a save that refreshes a list, from its thread),
    after `wait_for_complete` took its list of workers: wait again until none is left
    running (bounded, as a screen's poll starts one every half second).
    """
    for _ in range(10):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        if all(worker.is_finished for worker in pilot.app.workers):
            break
    await pilot.pause()


async def type_into(pilot: Pilot[Any], text: str) -> None:
    """Put `text` into the focused Input as if typed (fast for long texts)."""
    focused = pilot.app.screen.focused
    assert isinstance(focused, Input), f"focus is on {focused!r}, not an Input"
    focused.insert_text_at_cursor(text)
    await pilot.pause()


def toasts(app: App[Any], severity: str = "") -> list[str]:
    """The text of every notification on screen now (of one severity: "error", "warning",
    "information"), as the facilitator sees it; Textual keeps its own list private."""
    selector = f"Toast.-{severity}" if severity else "Toast"
    return [str(toast.render()) for toast in app.screen.query(selector)]


def stored(store: SessionStore, session_id: str = "coast-camp") -> Session:
    """The session as a fresh process would read it."""
    return SessionStore(store.home).load(session_id)

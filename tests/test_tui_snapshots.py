"""SVG snapshots of the main screens (pytest-textual-snapshot).

Each test has a data home of its own, given by a path relative to a temporary working
folder, so that the path shown on the home screen is the same on every run and runs in
parallel do not share one; the demo session has nothing running, so no clock shows on
screen. Update after a deliberate change with `pytest tests/test_tui_snapshots.py
--snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_support import settle

from smartplan_tui.app import make_app
from smartplan_tui.demo import ensure_demo
from smartplan_tui.store import SessionStore

HOME = Path("smartplan-snapshot-home")


@pytest.fixture
def snapshot_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SMARTPLAN_HOME", raising=False)
    ensure_demo(SessionStore(HOME))
    return HOME


def _after(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run


def test_home_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home), terminal_size=(100, 30),
                        run_before=_after())


def test_session_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home, "coast-camp"), terminal_size=(100, 30),
                        run_before=_after())


def test_swot_board_grid_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home, "coast-camp"), terminal_size=(120, 36),
                        run_before=_after("w", "escape", "down"))


def test_swot_board_tabs_at_80x24_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home, "coast-camp"), terminal_size=(80, 24),
                        run_before=_after("w", "f2", "f2", *"Ferry"))


def test_tows_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home, "coast-camp"), terminal_size=(100, 30),
                        run_before=_after("t"))


def test_projector_swot_at_80x24_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home, "coast-camp"), terminal_size=(80, 24),
                        run_before=_after("w", "f4"))


def test_projector_vote_at_120x36_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home, "coast-camp"), terminal_size=(120, 36),
                        run_before=_after("v", "f4"))


def test_guide_card_swot_at_80x24_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home, "coast-camp"), terminal_size=(80, 24),
                        run_before=_after("w", "f3"))


def test_guide_card_votes_at_120x36_snapshot(snap_compare: Any, snapshot_home: Path) -> None:
    assert snap_compare(make_app(snapshot_home, "coast-camp"), terminal_size=(120, 36),
                        run_before=_after("v", "f3"))


@pytest.fixture
def history_home(snapshot_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The demo with three changes by two authors, made at a fixed moment of a past day."""
    import time as clock

    from smartplan_tui.collection_registry import SWOT
    from smartplan_tui.exercises import swot

    monkeypatch.setenv("TZ", "UTC")
    clock.tzset()
    with monkeypatch.context() as fixed:
        fixed.setattr(clock, "time", lambda: 1_767_607_200.0)  # 2026-01-05 10:00 UTC
        facilitator = SessionStore(snapshot_home, author="terminal pts/1").open("coast-camp")
        note_taker = SessionStore(snapshot_home, author="browser 192.168.1.20").open("coast-camp")
        first = facilitator.load().swot[0]
        facilitator.update(SWOT, first.id, lambda item: swot.add_tag(item, "ferries"))
        note_taker.remove(SWOT, facilitator.load().swot[-1].id)
        facilitator.undo()
    yield snapshot_home
    monkeypatch.undo()
    clock.tzset()


def test_history_at_80x24_snapshot(snap_compare: Any, history_home: Path) -> None:
    assert snap_compare(make_app(history_home, "coast-camp"), terminal_size=(80, 24),
                        run_before=_after("ctrl+r"))


def test_history_at_120x36_snapshot(snap_compare: Any, history_home: Path) -> None:
    assert snap_compare(make_app(history_home, "coast-camp"), terminal_size=(120, 36),
                        run_before=_after("ctrl+r"))

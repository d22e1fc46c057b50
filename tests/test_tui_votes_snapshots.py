"""SVG snapshots of the voting and action-plan screens on the demo session.

Regenerate after an intended change with `pytest tests/test_tui_votes_snapshots.py
--snapshot-update` and look at the report before committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui_votes_steps import demo_app

from smartplan_tui.store import SessionStore

SnapCompare = Callable[..., bool]


def test_votes_screen_with_recount(demo_store: SessionStore, home: Path,
                                   snap_compare: SnapCompare) -> None:
    """v2 (Schulze) with its Borda recount beside it, at 120 columns."""
    assert snap_compare(demo_app(home), press=["v", "r", "enter"], terminal_size=(120, 34))


def test_ballot_entry_at_80x24(demo_store: SessionStore, home: Path,
                               snap_compare: SnapCompare) -> None:
    """The ranked-ballot dialog with a partly typed ranking, at the smallest size."""
    assert snap_compare(demo_app(home), press=["v", "c", "c", "b", "d", "a"],
                        terminal_size=(80, 24))


def test_action_plan_at_80x24(demo_store: SessionStore, home: Path,
                              snap_compare: SnapCompare) -> None:
    assert snap_compare(demo_app(home), press=["p"], terminal_size=(80, 24))


def test_action_form_smart_check(demo_store: SessionStore, home: Path,
                                 snap_compare: SnapCompare) -> None:
    async def open_form(pilot: Any) -> None:
        await pilot.press("p", "a")
        await pilot.pause()

    assert snap_compare(demo_app(home), run_before=open_form, terminal_size=(100, 30))

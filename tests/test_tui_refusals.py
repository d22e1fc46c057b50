"""A key that cannot act says why, in one warning line, instead of doing nothing."""

from __future__ import annotations

from pathlib import Path

from tui_support import settle, toasts
from tui_votes_steps import SIZE, demo_app, open_screen, press

from smartplan_tui.screens.actions import ActionPlanScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.store import SessionStore


async def test_open_on_an_item_without_exercise_says_so(demo_store: SessionStore,
                                                        home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.selected_item_id() == "ag1"  # "Welcome and introductions": no exercise
        await press(pilot, "o")
        assert app.screen is screen
        warnings = toasts(app, "warning")
        assert len(warnings) == 1 and "Welcome and introductions" in warnings[0]
        assert "no exercise" in warnings[0] and "\n" not in warnings[0].strip()


async def test_ballots_on_a_closed_vote_say_it_is_closed(demo_store: SessionStore,
                                                         home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)
        await press(pilot, "up")  # v1, closed in the demo
        await press(pilot, "b")
        assert app.screen is screen
        assert any("Vote “Which cross-border strategy should we p…” is closed" in t
                   and "c" in t for t in toasts(app, "warning"))
        await press(pilot, "w")  # and wall counts on it: closed too
        assert app.screen is screen
        assert len(toasts(app, "warning")) == 2


async def test_wall_counts_on_a_ranked_vote_say_they_are_for_dots(demo_store: SessionStore,
                                                                  home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)  # v2: an open Schulze vote
        await press(pilot, "w")
        assert app.screen is screen
        assert any("dot votes" in t for t in toasts(app, "warning"))


async def test_plan_keys_with_nothing_highlighted_say_so(demo_store: SessionStore,
                                                         home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_screen(pilot, "p", ActionPlanScreen)
        await press(pilot, "f", "f", "f", "f")  # a status no demo action has: an empty table
        before = len(toasts(app, "warning"))
        await press(pilot, "s")
        assert len(toasts(app, "warning")) == before + 1
        assert "No action" in toasts(app, "warning")[-1]

"""The projector view: the SWOT, a vote's results and the action plan for the wall screen."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Label, Static
from tui_support import settle, stored

from smartplan_tui.app import make_app
from smartplan_tui.collection_registry import ACTIONS, SWOT, VOTES
from smartplan_tui.model import Action, Ballot, Quadrant, SwotItem, Vote, VoteOption
from smartplan_tui.screens.actions import ActionPlanScreen
from smartplan_tui.screens.projector import PROJECTOR_KEY, PanelBody, ProjectorScreen
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.screens.widgets.commands import merged_bindings
from smartplan_tui.store import SessionStore

LONG_OPTIONS = (
    "A year-round passenger and freight ferry between Liepāja and Klaipėda with a joint "
    "timetable",
    "One cross-border tourist card for museums, beaches and buses from Ventspils to Nida",
    "Shared training centre for offshore wind technicians",
)


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool],
                     limit: float = 5.0) -> None:
    """Until `condition()` holds while the app polls the store (bounded: a failure, not a hang)."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > limit:
            raise AssertionError(f"not shown within {limit} s")
        await asyncio.sleep(0.05)
    await pilot.pause()


def headings(screen: Screen[object]) -> list[str]:
    return [str(label.render()) for label in screen.query(".projector-heading").results(Label)]


def items(screen: Screen[object]) -> list[str]:
    return [str(item.render()) for item in screen.query(".projector-item").results(Static)]


def hints(screen: Screen[object]) -> list[str]:
    return [str(hint.render()) if hint.display else ""
            for hint in screen.query(".projector-more").results(Label)]


@pytest.mark.parametrize("screen", [SwotBoardScreen, VotesScreen, ActionPlanScreen],
                         ids=lambda s: s.__name__)
def test_the_projector_has_the_same_key_on_every_screen_that_has_it(
        screen: type[Screen[object]]) -> None:
    bindings = [b for b in merged_bindings(screen) if PROJECTOR_KEY in b.key.split(",")]
    assert [(b.action, b.id) for b in bindings] == [("projector", "projector")]


async def test_the_swot_goes_to_the_wall_whole_and_says_what_is_below(
        demo_store: SessionStore) -> None:
    swot = stored(demo_store).swot
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press(PROJECTOR_KEY)  # from the capture line too
        await settle(pilot)
        wall = app.screen
        assert isinstance(wall, ProjectorScreen)
        assert headings(wall) == ["Strengths (4)", "Weaknesses (4)", "Opportunities (4)",
                                  "Threats (4)"]
        assert sorted(items(wall)) == sorted(item.text for item in swot)  # never cut
        # 80×24: not every item fits, and each panel says how many are below.
        shown = hints(wall)
        assert shown[0] == "↓ 2 more"
        bodies = list(wall.query(PanelBody))
        expected = [body.hidden_below() for body in bodies]
        assert shown == [f"↓ {n} more" if n else "" for n in expected]
        bodies[0].scroll_end(animate=False)
        await settle(pilot)
        assert hints(wall)[0] == ""
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SwotBoardScreen)


async def test_the_wall_follows_an_edit_made_in_another_terminal(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("w", PROJECTOR_KEY)
        await settle(pilot)
        wall = app.screen
        assert isinstance(wall, ProjectorScreen)
        other = SessionStore(demo_store.home).open("coast-camp")
        other.add(SWOT, lambda new_id: SwotItem(new_id, Quadrant.THREATS,
                                                "[b]Ice[/b] in the Curonian Lagoon"))
        await wait_until(pilot, lambda: "Threats (5)" in headings(wall))
        assert "[b]Ice[/b] in the Curonian Lagoon" in items(wall)  # literal, not markup


def add_long_vote(store: SessionStore, hidden: bool = False) -> Vote:
    options = tuple(VoteOption(letter, text) for letter, text in zip("ABC", LONG_OPTIONS,
                                                                     strict=True))
    ballots = (Ballot("p1", dots={"A": 1, "B": 2}), Ballot("p2", dots={"B": 3}),
               Ballot("p3", dots={"C": 3}))
    return store.open("coast-camp").add(VOTES, lambda new_id: Vote(
        new_id, "Which cross-border project goes into the 2028 programme first?",
        options=options, ballots=ballots, hidden=hidden))


async def test_a_votes_results_on_the_wall_wrap_long_option_names(
        demo_store: SessionStore) -> None:
    add_long_vote(demo_store)
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press(PROJECTOR_KEY)  # the new vote is the highlighted one
        await settle(pilot)
        wall = app.screen
        assert isinstance(wall, ProjectorScreen)
        title = str(wall.query_one("#projector-title", Static).render())
        assert title.startswith("Which cross-border project goes into the 2028 programme")
        assert headings(wall) == ["Dot voting · 3 ballots"]
        shown = items(wall)
        assert [line.splitlines()[0][:5] for line in shown] == ["1. B ", "2. C ", "3. A "]
        assert shown[0].startswith(f"1. B  {LONG_OPTIONS[1]}")
        assert shown[2].startswith(f"3. A  {LONG_OPTIONS[0]}")  # whole, wrapped
        assert shown[0].endswith(" 5 dots") and shown[2].endswith(" 1 dot")
        first = wall.query(".projector-item").results(Static)
        assert all(item.region.right <= 80 for item in first)
        assert any(item.region.height > 2 for item in wall.query(".projector-item"))


async def test_a_vote_without_ballots_says_so_on_the_wall_not_that_all_tie(
        demo_store: SessionStore) -> None:
    demo_store.open("coast-camp").add(VOTES, lambda new_id: Vote(
        new_id, "Which first?", options=(VoteOption("A", "Bus line"), VoteOption("B", "Brand"))))
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v", PROJECTOR_KEY)
        await settle(pilot)
        wall = app.screen
        assert headings(wall) == ["Dot voting · 0 ballots"]
        assert items(wall) == ["No ballot counted yet"]


async def test_hidden_results_stay_hidden_on_the_wall(demo_store: SessionStore) -> None:
    add_long_vote(demo_store, hidden=True)
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v", PROJECTOR_KEY)
        await settle(pilot)
        wall = app.screen
        assert headings(wall) == ["Results hidden · 3 ballots"]
        assert items(wall) == [f"{letter}  {text}" for letter, text in zip("ABC", LONG_OPTIONS,
                                                                          strict=True)]


async def test_the_action_plan_on_the_wall_shows_titles_and_owners_whole(
        demo_store: SessionStore) -> None:
    title = ("Commission a feasibility study for the Liepāja–Klaipėda ferry, "
             "including freight demand and port fees")
    handle = demo_store.open("coast-camp")
    for number in range(1, 5):
        handle.add(ACTIONS, lambda new_id, n=number: Action(new_id, f"Follow-up {n}"))
    handle.add(ACTIONS, lambda new_id: Action(
        new_id, title, owner="Kurzeme Planning Region, transport department"))
    actions = stored(demo_store).actions
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p", PROJECTOR_KEY)
        await settle(pilot)
        wall = app.screen
        assert isinstance(wall, ProjectorScreen)
        count = len(actions)
        assert headings(wall) == [f"{count} actions"]
        shown = items(wall)
        assert [line.split("\n")[0] for line in shown] == [a.title for a in actions]
        assert shown[-1] == (f"{title}\nKurzeme Planning Region, transport department · "
                             "planned")
        body = wall.query_one(PanelBody)
        below = [item for item in wall.query(".projector-item")
                 if item.region.height < item.outer_size.height - 1
                 or item.region.bottom > body.region.bottom]
        assert len(below) >= 2
        assert hints(wall) == [f"↓ {len(below)} more"]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ActionPlanScreen)

"""The facilitator's card on every exercise screen, and one key to the running item's exercise."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from textual.screen import Screen
from textual.widgets import Input
from tui_support import settle, stored, toasts, type_into

from smartplan_tui.app import RUNNING_KEY, make_app
from smartplan_tui.collection_registry import AGENDA
from smartplan_tui.exercises.guidance import CARDS, card_lines
from smartplan_tui.model import Quadrant, VoteMethod
from smartplan_tui.screens.actions import ActionPlanScreen
from smartplan_tui.screens.guide_card import GUIDE_KEY, GuideCard
from smartplan_tui.screens.home import HomeScreen
from smartplan_tui.screens.participants import ParticipantsScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.screens.tows import TowsScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.screens.widgets.commands import merged_bindings
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.store import SessionStore

GUIDED = (SessionScreen, SwotBoardScreen, TowsScreen, VotesScreen, ActionPlanScreen)


def card_text(screen: Screen[object]) -> str:
    return str(screen.query_one("#guide-text").render())


def start_item(store: SessionStore, item_id: str) -> None:
    """Mark one agenda item as running since a minute ago (as `s` does)."""
    started = datetime.now().astimezone() - timedelta(minutes=1)
    store.open("coast-camp").update(AGENDA, item_id, lambda item: replace(
        item, started_at=started, ended_at=None))


# ------------------------------------------------------------------ the cards' content


def test_every_exercise_and_voting_method_has_a_card_of_a_few_short_lines() -> None:
    assert {"swot", "tows", "actions"} | {m.value for m in VoteMethod} <= set(CARDS)
    for topic, card in CARDS.items():
        assert 4 <= len(card.steps) <= 6 and 2 <= len(card.questions) <= 4, topic
        assert all(len(text) <= 90 for text in (*card.steps, *card.questions, card.timing))
        lines = [line for _style, line in card_lines(card)]
        assert lines[0] == card.title and lines[1] == card.timing
        assert lines[3].startswith("1. ") and lines[-1].startswith("• ")


# ------------------------------------------------------------------ the key


@pytest.mark.parametrize("screen", GUIDED, ids=lambda s: s.__name__)
def test_the_card_has_the_same_free_key_on_every_screen(screen: type[Screen[object]]) -> None:
    bindings = [b for b in merged_bindings(screen) if GUIDE_KEY in b.key.split(",")]
    assert [(b.action, b.id) for b in bindings] == [("guide", "guide")]


async def test_the_swot_card_takes_the_side_and_the_board_stays_usable_at_80x24(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        board = app.screen
        assert isinstance(board, SwotBoardScreen)
        card = board.query_one(GuideCard)
        assert not card.display or card.region.width == 0
        await pilot.press(GUIDE_KEY)  # from the capture line: an F key is not text
        await settle(pilot)
        text = card_text(board)
        assert text.startswith("SWOT analysis\n")
        assert "What could hurt us in five years, and how likely is it?" in text
        # Beside the board, not over it; long, so it scrolls, and its end can be reached.
        quadrant = board.quadrant_list(Quadrant.STRENGTHS)
        assert card.region.x >= quadrant.region.right and card.region.right <= 80
        assert quadrant.region.width >= 40
        scroller = card.scroller
        assert scroller.region.bottom <= board.query_one(KeyBar).region.y
        assert scroller.max_scroll_y > 0
        scroller.scroll_end(animate=False)
        await settle(pilot)
        assert scroller.scroll_y == scroller.max_scroll_y
        # Typing goes on while the card is open.
        assert isinstance(board.focused, Input)
        await type_into(pilot, "Fast ferries to Karlskrona")
        await pilot.press("enter")
        await settle(pilot)
        assert stored(demo_store).swot[-1].text == "Fast ferries to Karlskrona"
        await pilot.press(GUIDE_KEY)
        await settle(pilot)
        assert not card.display or card.region.width == 0


async def test_the_votes_card_follows_the_highlighted_votes_method(
        demo_store: SessionStore) -> None:
    votes = stored(demo_store).votes
    assert [v.method for v in votes] == [VoteMethod.DOT, VoteMethod.SCHULZE]
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press(GUIDE_KEY)
        await settle(pilot)
        assert card_text(app.screen).startswith("Schulze method\n")  # the last vote
        await pilot.press("up")
        await settle(pilot)
        assert card_text(app.screen).startswith("Dot voting\n")
        assert "Keep results hidden (h) until the last ballot" in card_text(app.screen)


@pytest.mark.parametrize(("key", "title"), [("t", "TOWS strategies"), ("p", "Action plan")])
async def test_tows_and_the_action_plan_have_their_cards(demo_store: SessionStore, key: str,
                                                         title: str) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        await pilot.press(GUIDE_KEY)
        await settle(pilot)
        assert card_text(app.screen).startswith(title + "\n")


async def test_the_agenda_shows_the_card_of_the_highlighted_items_exercise(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press(GUIDE_KEY)  # "Welcome and introductions": no exercise
        await settle(pilot)
        assert toasts(app, "warning") == [
            "“Welcome and introductions” has no facilitator's card: cards are for SWOT, "
            "TOWS, votes and the action plan."]
        await pilot.press("down", "down", GUIDE_KEY)  # "TOWS strategies"
        await settle(pilot)
        assert card_text(app.screen).startswith("TOWS strategies\n")


# ------------------------------------------------------------------ the running item


async def test_one_key_opens_the_running_items_exercise_from_any_screen(
        demo_store: SessionStore) -> None:
    start_item(demo_store, "ag4")  # "Priority voting"
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ParticipantsScreen)
        await pilot.press(RUNNING_KEY)
        await settle(pilot)
        assert isinstance(app.screen, VotesScreen)
        await pilot.press(RUNNING_KEY)
        await settle(pilot)
        assert isinstance(app.screen, VotesScreen)
        assert toasts(app)[-1] == "“Priority voting” runs now: this is its screen."
        # The screens above the agenda were closed: Esc goes back to it.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        # Typing in the SWOT board's line: the key still works.
        start_item(demo_store, "ag5")
        await pilot.press("w")
        await settle(pilot)
        await pilot.press(RUNNING_KEY)
        await settle(pilot)
        assert isinstance(app.screen, ActionPlanScreen)


async def test_the_running_item_key_says_why_when_nothing_runs(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press(RUNNING_KEY)
        await settle(pilot)
        assert toasts(app, "warning") == [
            "Open a session first: the running item is on its agenda."]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press(RUNNING_KEY)
        await settle(pilot)
        assert isinstance(app.screen, TowsScreen)
        assert toasts(app, "warning")[-1] == (
            "No agenda item is running: press s on the agenda to start one.")

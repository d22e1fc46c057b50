"""Merged SWOT items show what they were made of; deleting what others take asks first."""

from __future__ import annotations

from typing import Any

from textual.widgets import Label, Static
from tui_support import settle, stored, toasts

from smartplan_tui.app import make_app
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import (
    Origin,
    Participant,
    Quadrant,
    Session,
    SessionInfo,
    SwotItem,
    TowsStrategy,
    TowsType,
    Vote,
    VoteOption,
)
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.screens.swot_forms import SwotItemForm
from smartplan_tui.screens.tows import TowsScreen
from smartplan_tui.store import SessionStore

SID = "ferry"


def _session(store: SessionStore) -> Session:
    session = Session(
        info=SessionInfo(id=SID, title="Ferry workshop"),
        participants=(Participant("p1", "Inga Ozola"), Participant("p2", "Jonas Petraitis")),
        swot=(SwotItem("s1", Quadrant.STRENGTHS, "Ferry link", author="p1"),
              SwotItem("s2", Quadrant.STRENGTHS, "Ferries to Sweden", author="p2"),
              SwotItem("s3", Quadrant.OPPORTUNITIES, "Baltic cruise tourism"),
              SwotItem("s4", Quadrant.WEAKNESSES, "Few buses")),
        tows=(TowsStrategy("t1", TowsType.SO, "Joint ferry marketing", ("s1", "s3")),),
        votes=(Vote("v1", "Top priorities", options=(
            VoteOption("A", "Better buses"), VoteOption("B", "Ferry link", "s1"),
            VoteOption("C", "Joint ferry marketing", "t1"))),))
    store.save_whole(session)
    return session


async def _board(pilot: Any) -> SwotBoardScreen:
    await pilot.press("w")
    await settle(pilot)
    await pilot.press("escape")  # out of the capture line, onto the quadrants
    await settle(pilot)
    board = pilot.app.screen
    assert isinstance(board, SwotBoardScreen)
    return board


def _rows(board: SwotBoardScreen, quadrant: Quadrant) -> list[str]:
    shown = board.quadrant_list(quadrant)
    return [shown.text_at(i) for i in range(shown.row_count)]


def _question(screen: Any) -> str:
    assert isinstance(screen, ConfirmScreen)
    return str(screen.query_one(".dialog-question", Label).render())


async def test_a_merge_shows_its_texts_on_the_board_and_in_the_edit_dialog(
        store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        board = await _board(pilot)
        await pilot.press("1", "space", "down", "g")
        await settle(pilot)
        [merged] = [i for i in stored(store, SID).swot if i.quadrant is Quadrant.STRENGTHS]
        assert merged.merged_from == (Origin("s1", "Ferry link", "p1"),
                                      Origin("s2", "Ferries to Sweden", "p2"))
        assert any("Merged “Ferries to Sweden” into “Ferry link”" in t for t in toasts(app))
        assert len(_rows(board, Quadrant.STRENGTHS)) == 1
        # x shows each merged text under the item, with its author's name.
        await pilot.press("x")
        await settle(pilot)
        rows = _rows(board, Quadrant.STRENGTHS)
        assert len(rows) == 3 and rows[0].startswith("Ferry link")
        assert "↳ Ferry link  — Inga Ozola" in rows[1]
        assert "↳ Ferries to Sweden  — Jonas Petraitis" in rows[2]
        # On an original's row the detail line shows that original whole, and the keys act
        # on the merged item: e edits it.
        await pilot.press("down", "down")
        await settle(pilot)
        assert str(board.query_one("#item-detail", Static).render()) == "Ferries to Sweden"
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SwotItemForm) and form.item.id == "s1"
        listed = str(form.query_one("#swot-merged-from", Static).render())
        assert listed.splitlines() == ["• Ferry link — Inga Ozola",
                                       "• Ferries to Sweden — Jonas Petraitis"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert len(_rows(board, Quadrant.STRENGTHS)) == 1


async def test_one_undo_takes_a_merge_back(store: SessionStore) -> None:
    before = _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(120, 36)) as pilot:
        await _board(pilot)
        await pilot.press("1", "down", "space", "up", "g")  # s1 merged into s2
        await settle(pilot)
        merged = stored(store, SID)
        assert merged.find(SWOT, "s1") is None
        assert merged.tows[0].links == ("s2", "s3")
        await pilot.press("u")
        await settle(pilot)
        after = stored(store, SID)
        assert after.swot == before.swot and after.tows == before.tows
        assert after.votes == before.votes


async def test_deleting_an_item_others_take_asks_naming_them(store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(120, 36)) as pilot:
        await _board(pilot)
        await pilot.press("1", "d")
        await settle(pilot)
        assert _question(app.screen) == (
            "“Ferry link” is used by strategy “Joint ferry marketing” (SO) and by option B "
            "of vote “Top priorities”. Delete it anyway?")
        await pilot.press("n")
        await settle(pilot)
        assert stored(store, SID).find(SWOT, "s1") is not None
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        after = stored(store, SID)
        assert after.find(SWOT, "s1") is None
        assert after.tows[0].links == ("s3",)


async def test_the_delete_question_lists_its_keys_and_enter_or_escape_deletes_nothing(
        store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(80, 24)) as pilot:
        await _board(pilot)
        await pilot.press("1", "d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        keys = dialog.query_one("#confirm-keys", Label)
        assert str(keys.render()) == "y Yes · n No · esc Cancel"
        assert keys.region.height == 1 and keys.region.right <= 80  # on screen at 80×24
        assert dialog.focused is dialog.query_one("#cancel")  # the safe answer by default
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SwotBoardScreen)
        assert stored(store, SID).find(SWOT, "s1") is not None


async def test_deleting_an_item_nobody_takes_does_not_ask(store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        board = await _board(pilot)
        await pilot.press("2", "d")
        await settle(pilot)
        assert app.screen is board
        assert stored(store, SID).find(SWOT, "s4") is None
        assert any("Deleted “Few buses”" in t for t in toasts(app))


async def test_deleting_a_strategy_a_vote_option_is_taken_from_names_the_option(
        store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TowsScreen)
        await pilot.press("d")
        await settle(pilot)
        assert _question(app.screen) == (
            "“Joint ferry marketing” is used by option C of vote “Top priorities”. "
            "Delete it anyway?")
        await pilot.press("y")
        await settle(pilot)
        after = stored(store, SID)
        assert after.tows == ()
        assert after.votes[0].options[2] == VoteOption("C", "Joint ferry marketing")

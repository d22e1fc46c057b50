"""Session-wide undo in the app: ctrl+z and ctrl+y across screens, and the History screen."""

from __future__ import annotations

from tui_support import settle, stored, toasts

from smartplan_tui.app import make_app
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.exercises import swot
from smartplan_tui.screens.history import HistoryScreen
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.screens.widgets.item_list import ItemList
from smartplan_tui.store import SessionStore

SESSION = "coast-camp"


def _history_rows(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HistoryScreen)
    rows = screen.query_one(ItemList)
    return [rows.text_at(i) for i in range(rows.row_count)]


async def test_undo_of_a_board_delete_survives_leaving_the_board_and_redo_works(
        demo_store: SessionStore) -> None:
    first = stored(demo_store).swot[0]
    app = make_app(demo_store.home, SESSION, author="terminal test")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("w", "escape")
        await settle(pilot)
        assert isinstance(app.screen, SwotBoardScreen)
        await pilot.press("1", "d", "y")  # it is linked from a strategy: confirmed first
        await settle(pilot)
        assert stored(demo_store).find(SWOT, first.id) is None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert stored(demo_store).swot[0] == first
        assert f"Undid: Deleted SWOT item “{first.text}”" in toasts(app)
        await pilot.press("escape")  # leave the board; the history stays with the session
        await settle(pilot)
        assert not isinstance(app.screen, SwotBoardScreen)
        await pilot.press("w", "escape")
        await settle(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert stored(demo_store).find(SWOT, first.id) is None
        assert f"Redid: Deleted SWOT item “{first.text}”" in toasts(app)
        board = app.screen
        assert isinstance(board, SwotBoardScreen)
        rows = board.quadrant_list(first.quadrant)
        assert first.text not in " ".join(rows.text_at(i) for i in range(rows.row_count))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("u")  # the same undo from the session screen
        await settle(pilot)
        assert stored(demo_store).swot[0] == first


async def test_history_lists_who_did_what_and_enter_undoes_the_highlighted_change(
        demo_store: SessionStore) -> None:
    original = stored(demo_store).find(SWOT, "s2")
    other = SessionStore(demo_store.home, author="browser tablet").open(SESSION)
    other.update(SWOT, "s2", lambda it: swot.edit_text(it, "[bold]Ferry[/bold] link\x1b"))
    app = make_app(demo_store.home, SESSION, author="terminal test")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        rows = _history_rows(app)
        assert "browser tablet" in rows[0]
        assert "Edited SWOT item “[bold]Ferry[/bold] link␛”" in rows[0]
        await pilot.press("enter")
        await settle(pilot)
        assert stored(demo_store).find(SWOT, "s2") == original
        rows = _history_rows(app)
        assert "terminal test" in rows[0]
        assert rows[0].endswith("Undid: Edited SWOT item “[bold]Ferry[/bold] link␛”")
        assert "Undid: Edited SWOT item “[bold]Ferry[/bold] link␛”" in toasts(app)


async def test_history_asks_before_overwriting_a_later_change_by_someone_else(
        demo_store: SessionStore) -> None:
    original = stored(demo_store).find(SWOT, "s3")
    mine = SessionStore(demo_store.home, author="terminal test").open(SESSION)
    mine.update(SWOT, "s3", lambda it: swot.edit_text(it, "Ferry link"))
    SessionStore(demo_store.home, author="phone p5").open(SESSION).update(
        SWOT, "s3", lambda it: swot.edit_text(it, "Ferry link, daily"))
    app = make_app(demo_store.home, SESSION, author="terminal test")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("down", "enter")  # my edit, changed since by the phone
        await settle(pilot)
        assert stored(demo_store).find(SWOT, "s3").text == "Ferry link, daily"
        question = str(app.screen.query_one(".dialog-question").render())
        assert "“Ferry link, daily” was changed since by phone p5" in question
        await pilot.press("y")
        await settle(pilot)
        assert stored(demo_store).find(SWOT, "s3") == original

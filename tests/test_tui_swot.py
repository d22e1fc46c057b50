"""The SWOT board: capture, edit, delete + undo, move, tag, author, merge, filter, 2,000 items."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widgets import Input, Select, Tabs
from tui_support import settle, stored, toasts, type_into

from smartplan_tui.app import make_app
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, Session, SessionInfo, SwotItem
from smartplan_tui.screens import swot_board
from smartplan_tui.screens.swot_board import QuadrantList, SwotBoardScreen
from smartplan_tui.screens.widgets.choice_form import LineForm
from smartplan_tui.screens.widgets.item_list import Row
from smartplan_tui.store import SessionStore
from smartplan_tui.text import quoted

MARKUP = "[bold]Ferry[/bold] to Karlskrona"


def _board(app: object) -> SwotBoardScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SwotBoardScreen)
    return screen


def _rows(board: SwotBoardScreen, quadrant: Quadrant) -> list[str]:
    ql = board.quadrant_list(quadrant)
    return [ql.text_at(i) for i in range(ql.row_count)]


async def _open_board(pilot: object) -> SwotBoardScreen:
    """Open the board and leave its capture line, so the letter keys act on the quadrants."""
    await pilot.press("w", "escape")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    return _board(pilot.app)  # type: ignore[attr-defined]


async def test_type_and_enter_adds_to_the_focused_quadrant(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        board = await _open_board(pilot)
        before = len(stored(demo_store).swot)
        await pilot.press("3", "i")
        await type_into(pilot, MARKUP)
        await pilot.press("enter")
        await settle(pilot)
        items = stored(demo_store).swot
        assert len(items) == before + 1
        assert (items[-1].quadrant, items[-1].text) == (Quadrant.OPPORTUNITIES, MARKUP)
        # Shown literally, the capture line empty and still focused for the next card.
        assert MARKUP in _rows(board, Quadrant.OPPORTUNITIES)[-1]
        capture = board.query_one("#capture", Input)
        assert capture.value == "" and board.focused is capture
        assert board.quadrant_list(Quadrant.OPPORTUNITIES).border_title == "Opportunities (5)"


async def test_blank_capture_adds_nothing(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_board(pilot)
        before = stored(demo_store).swot
        await pilot.press("i", "space", "space", "enter")
        await settle(pilot)
        assert stored(demo_store).swot == before


async def test_delete_and_undo_restore_the_item_and_its_tows_links(
        demo_store: SessionStore) -> None:
    session = stored(demo_store)
    first = session.swot[0]
    linked = [s.id for s in session.tows if first.id in s.links]
    assert linked, "the demo should link its first strength from a strategy"
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        board = await _open_board(pilot)
        await pilot.press("1", "d")
        await settle(pilot)
        await pilot.press("y")  # linked from a strategy: asked first
        await settle(pilot)
        after = stored(demo_store)
        assert after.find(SWOT, first.id) is None
        assert all(first.id not in s.links for s in after.tows)
        assert first.text not in " ".join(_rows(board, Quadrant.STRENGTHS))
        await pilot.press("u")
        await settle(pilot)
        restored = stored(demo_store)
        assert restored.swot[0] == first
        assert [s.id for s in restored.tows if first.id in s.links] == linked
        assert first.text in _rows(board, Quadrant.STRENGTHS)[0]


async def test_move_tag_author_and_edit(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        board = await _open_board(pilot)
        item = stored(demo_store).swot[0]
        # Tag.
        await pilot.press("1", "t")
        await settle(pilot)
        await type_into(pilot, "blue economy")
        await pilot.press("enter")
        await settle(pilot)
        assert "blue economy" in stored(demo_store).find(SWOT, item.id).tags
        # Author: the second participant.
        await pilot.press("a")
        await settle(pilot)
        people = stored(demo_store).participants
        app.screen.query_one(Select).value = people[1].id
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(demo_store).find(SWOT, item.id).author == people[1].id
        assert people[1].name in _rows(board, Quadrant.STRENGTHS)[0]
        # Edit the text (Enter on the list opens the form).
        await pilot.press("enter")
        await settle(pilot)
        text_input = app.screen.query_one("#swot-text", Input)
        text_input.value = "Ice-free ports all winter"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(demo_store).find(SWOT, item.id).text == "Ice-free ports all winter"
        # Move to threats.
        await pilot.press("m")
        await settle(pilot)
        app.screen.query_one(Select).value = "threats"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(demo_store).find(SWOT, item.id).quadrant is Quadrant.THREATS
        assert "Ice-free ports all winter" in " ".join(_rows(board, Quadrant.THREATS))


async def test_merge_two_items_keeps_both_texts(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        board = await _open_board(pilot)
        strengths = [i for i in stored(demo_store).swot if i.quadrant is Quadrant.STRENGTHS]
        await pilot.press("1", "space", "down", "g")
        await settle(pilot)
        session = stored(demo_store)
        assert session.find(SWOT, strengths[1].id) is None
        kept = session.find(SWOT, strengths[0].id)
        assert [o.text for o in kept.merged_from] == [strengths[0].text, strengths[1].text]
        assert board.quadrant_list(Quadrant.STRENGTHS).row_count == len(strengths) - 1


async def test_merge_without_a_mark_explains(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await _open_board(pilot)
        before = stored(demo_store).swot
        await pilot.press("1", "g")
        await settle(pilot)
        assert stored(demo_store).swot == before
        assert any("Mark an item first" in text for text in toasts(app, "warning"))


async def test_filter_by_tag_shows_counts(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        board = await _open_board(pilot)
        tourism = [i for i in stored(demo_store).swot if "tourism" in i.tags]
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one(Select).value = "tourism"
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = sum(board.quadrant_list(q).row_count for q in Quadrant)
        assert shown == len(tourism)
        assert "of" in str(board.quadrant_list(Quadrant.STRENGTHS).border_title)


async def test_tabs_at_80x24_show_one_quadrant(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        board = await _open_board(pilot)
        assert board.has_class("narrow")
        assert board.query_one(Tabs).display
        visible = [q for q in Quadrant if board.quadrant_list(q).display]
        assert visible == [Quadrant.STRENGTHS]
        await pilot.press("4")
        await settle(pilot)
        assert [q for q in Quadrant if board.quadrant_list(q).display] == [Quadrant.THREATS]
        assert board.query_one(Tabs).active == "tab-threats"
        await pilot.press("i")
        await type_into(pilot, "Storm surges")
        await pilot.press("enter")
        await settle(pilot)
        assert stored(demo_store).swot[-1].quadrant is Quadrant.THREATS


async def test_control_characters_and_long_texts_survive(demo_store: SessionStore) -> None:
    nasty = "Bell\x07 tab\t[red]x[/red] " + "long " * 10_000
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        board = await _open_board(pilot)
        await pilot.press("2", "i")
        await type_into(pilot, nasty)
        await pilot.press("enter")
        await settle(pilot)
        assert stored(demo_store).swot[-1].text == nasty
        row = _rows(board, Quadrant.WEAKNESSES)[-1]
        assert "\x07" not in row and "␇" in row and "[red]x[/red]" in row


def _big_session(n: int) -> Session:
    quadrants = list(Quadrant)
    return Session(info=SessionInfo(id="big", title="Big board"), swot=tuple(
        SwotItem(f"s{i}", quadrants[i % 4], f"Item {i} " + "words " * (i % 7), tags=("t",))
        for i in range(1, n + 1)))


async def test_two_thousand_items_mount_four_lists_not_two_thousand_widgets(
        store: SessionStore) -> None:
    store.save_whole(_big_session(2000))
    app = make_app(store.home, "big")
    async with app.run_test(size=(120, 36)) as pilot:
        board = await _open_board(pilot)
        assert sum(board.quadrant_list(q).row_count for q in Quadrant) == 2000
        assert len(board.query("*")) < 60
        for _ in range(30):
            await pilot.press("down")
        await pilot.pause()
        assert board.quadrant_list(Quadrant.STRENGTHS).cursor == 30
        # An edit under load still lands in the right quadrant.
        await pilot.press("i")
        await type_into(pilot, "one more")
        await pilot.press("enter")
        await settle(pilot)
        assert stored(store, "big").swot[-1] == replace(
            stored(store, "big").swot[-1], text="one more", quadrant=Quadrant.STRENGTHS)


async def test_two_thousand_items_are_formatted_only_as_far_as_they_are_shown(
        store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    formatted: list[str] = []
    real = swot_board.item_prompt

    def counted(item: SwotItem, marked: bool = False,
                names: Mapping[str, str] | None = None) -> Text:
        formatted.append(item.id)
        return real(item, marked, names)

    monkeypatch.setattr(swot_board, "item_prompt", counted)
    store.save_whole(_big_session(2000))
    app = make_app(store.home, "big")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        board = _board(app)
        in_view = sum(board.quadrant_list(q).scrollable_content_region.height for q in Quadrant)
        assert 0 < len(formatted) <= in_view < 100  # of 2,000
        strengths = board.quadrant_list(Quadrant.STRENGTHS)
        assert strengths.text_at(strengths.row_count - 1).startswith("Item 2000 ")


async def test_failed_save_is_shown_not_swallowed(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        board = await _open_board(pilot)
        await pilot.press("1", "t")
        await settle(pilot)
        assert isinstance(app.screen, LineForm)
        item_id = board.quadrant_list(Quadrant.STRENGTHS).highlighted_id()
        assert item_id is not None
        item = stored(demo_store).find(SWOT, item_id)
        assert item is not None
        # While the tag is typed, another process deletes the item. (Deleted before the
        # form opened, the board's half-second poll could show the deletion first, and
        # `t` would then tag the next item; a covered board does not poll.)
        SessionStore(demo_store.home).open("coast-camp").remove(SWOT, item_id)
        await type_into(pilot, "late")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is board
        # Named by its text, with who deleted it (the history says), not by its id.
        assert any(quoted(item.text) in text and "is no longer in the session" in text
                   and "someone deleted it" in text for text in toasts(app, "error")), toasts(app)
        assert not any(repr(item_id) in text for text in toasts(app, "error"))
        assert stored(demo_store).find(SWOT, item_id) is None


async def test_quadrant_list_renders_one_line_per_row() -> None:
    """The board's speed rests on rows of one line each, drawn only when in view."""

    class OneList(App[None]):
        def compose(self) -> ComposeResult:
            yield QuadrantList(Quadrant.STRENGTHS)

    app = OneList()
    async with app.run_test(size=(40, 12)) as pilot:
        rows = app.query_one(QuadrantList)
        drawn: set[int] = set()
        draw = rows.render_line

        def counted(y: int) -> Strip:
            drawn.add(y + rows.scroll_offset.y)
            return draw(y)

        rows.render_line = counted  # type: ignore[method-assign]
        rows.set_rows([Row(f"s{i}", Text(f"row {i} " + "a long card text " * 20))
                       for i in range(2000)])
        await pilot.pause()
        height, width = rows.size.height, rows.scrollable_content_region.width
        assert rows.virtual_size.height == 2000  # one line per row, however long its text
        assert drawn and drawn <= set(range(height))  # only the rows in view
        first = rows.render_line(0).text
        assert len(first) == width and first.startswith(" row 0 a long") and first.endswith("…")
        drawn.clear()
        rows.focus()
        await pilot.press("end")
        await pilot.pause()
        # The view at the top (focus restyles it) and at the end, never the rows between.
        assert 1999 in drawn and drawn <= set(range(height)) | set(range(2000 - height, 2000))
        assert rows.render_line(height - 1).text.startswith(" row 1999 a long")

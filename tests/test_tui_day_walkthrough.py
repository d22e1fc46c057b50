"""A workshop day run as a facilitator (80×24) and a note-taker at once: what each sees
while the other works, what the keys and messages say, and what the reports print."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from docx_readback import open_docx, table_rows
from textual.widgets import DataTable, Input, Label, SelectionList
from tui_support import settle, toasts, type_into
from typer.testing import CliRunner

from smartplan_tui.app import make_app
from smartplan_tui.cli import app as cli_app
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, SwotItem
from smartplan_tui.screens.actions import ActionPlanScreen
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.screens.tows_form import TowsForm
from smartplan_tui.screens.widgets.choice_form import ChoiceForm, LineForm
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.store import SessionStore
from smartplan_tui.text import quoted


def strength(new_id: str, text: str) -> SwotItem:
    return SwotItem(new_id, Quadrant.STRENGTHS, text)


async def test_items_typed_fast_in_one_terminal_keep_their_order_in_the_other(
        demo_store: SessionStore) -> None:
    """Twelve items written between two reads of the other terminal show in typed order."""
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        board = app.screen
        assert isinstance(board, SwotBoardScreen)
        note_taker = SessionStore(demo_store.home).open("coast-camp")
        typed = [f"Fast card {n}" for n in range(1, 13)]
        for text in typed:
            note_taker.add(SWOT, partial(strength, text=text))
        board.reload()
        await settle(pilot)
        rows = board.quadrant_list(Quadrant.STRENGTHS)
        shown = [rows.text_at(i) for i in range(rows.row_count)]
        assert [row for row in shown if row.startswith("Fast card")] == typed


async def test_new_action_without_a_priority_is_named_by_title_and_fits_80_columns(
        demo_store: SessionStore) -> None:
    """An action for no priority: the message names it, and its group heading leaves the
    budget column on screen at 80×24."""
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("p")
        await settle(pilot)
        plan = app.screen
        assert isinstance(plan, ActionPlanScreen)
        await pilot.press("n")
        await settle(pilot)
        await type_into(pilot, " for the ferry")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is plan
        assert "Action “New action for the ferry” added to the plan." in toasts(app)
        assert not [t for t in toasts(app) if "a5" in t]
        table = plan.query_one("#action-table", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_undo_with_nothing_of_this_terminal_warns_and_is_no_failed_save(
        demo_store: SessionStore) -> None:
    """`u` before this terminal changed anything: a warning saying so, not "Not saved"."""
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert toasts(app, "error") == []
        [warning] = toasts(app, "warning")
        assert "to undo in this session" in warning
        assert "Not saved" not in warning


def test_a_budget_with_cents_reads_as_money_in_the_word_report(home: Path,
                                                              tmp_path: Path) -> None:
    """`12 500,50` typed in the action form is €12,500.50 in the report, not €12,500.5."""
    def cli(*args: str) -> str:
        result = CliRunner().invoke(cli_app, ["--home", str(home), *args])
        assert result.exit_code == 0, result.stderr
        return str(result.stdout)

    session_id = cli("new", "Follow-up", "--date", "2027-01-20").strip()
    cli("add", "action", session_id, "Ferry timetable study", "--budget", "12500.5")
    report = tmp_path / "report.docx"
    cli("export", session_id, "--format", "docx", "-o", str(report))
    [row] = [cells for table in open_docx(report).tables for cells in table_rows(table)
             if cells[0] == "Ferry timetable study"]
    assert "€12,500.50" in row


async def test_editing_a_strategy_shows_its_linked_items_ticked_without_colour(
        demo_store: SessionStore) -> None:
    """`e` on “Turn the ports into service bases…”: its strength reads ✓, the others do not."""
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TowsForm)
        internal = form.query_one("#tows-internal", SelectionList)
        lines = [internal.render_line(y).text.strip() for y in range(4)]
        assert lines[0].startswith("▐✓▌") and "Ice-free ports" in lines[0]
        assert all(line.startswith("▐ ▌") for line in lines[1:])


async def test_while_typing_on_the_board_the_key_bar_offers_no_letter_that_types_itself(
        demo_store: SessionStore) -> None:
    """In the capture line `u` is text, so Undo reads ^z there, u/^z on the quadrants."""
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.query_one("#capture", Input).value == "u"
        typing = bar.render().plain
        assert "^z Undo" in typing and "u/^z" not in typing
        await pilot.press("escape")
        await settle(pilot)
        assert "u/^z Undo" in bar.render().plain


async def test_move_and_tag_dialogs_name_the_item_they_cover(demo_store: SessionStore) -> None:
    """The dialog hides the highlighted row, so its heading says which item it is about."""
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("escape", "m")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceForm)
        heading = str(app.screen.query_one(".title-line", Label).render())
        assert heading == f"Move {quoted('Ice-free ports of Liepāja, Ventspils and Klaipėda')}" \
                          " to another quadrant"
        await pilot.press("escape", "t")
        await settle(pilot)
        assert isinstance(app.screen, LineForm)
        heading = str(app.screen.query_one(".title-line", Label).render())
        assert heading.startswith("Add a tag to “Ice-free ports")

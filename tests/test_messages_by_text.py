"""Messages name items by (a short form of) their text, never by internal ids alone."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from tui_support import settle, stored, toasts, type_into
from typer.testing import CliRunner

from smartplan_tui.app import make_app
from smartplan_tui.cli import app as cli_app
from smartplan_tui.model import (
    Quadrant,
    Session,
    SessionInfo,
    SwotItem,
    TowsStrategy,
    TowsType,
)
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.store import SessionStore
from smartplan_tui.text import quoted

SID = "ferry"
LONG = "Year-round ferry link between Liepāja and Karlskrona with a night crossing"


def _session(store: SessionStore) -> None:
    store.save_whole(Session(
        info=SessionInfo(id=SID, title="Ferry workshop"),
        swot=(SwotItem("s1", Quadrant.STRENGTHS, LONG),
              SwotItem("s3", Quadrant.OPPORTUNITIES, "Baltic cruise tourism"),
              SwotItem("s4", Quadrant.WEAKNESSES, "Few buses")),
        tows=(TowsStrategy("t1", TowsType.SO, "Joint ferry marketing", ("s1", "s3")),)))


def test_quoted_is_a_short_form_of_the_text() -> None:
    assert quoted("Ferry link") == "“Ferry link”"
    assert quoted(LONG) == "“Year-round ferry link between Liepāja a…”"
    assert quoted("bell\x07") == "“bell␇”"


async def test_a_strategy_row_names_its_items_by_their_text(store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        row = str(app.screen.query_one("#tows-SO", OptionList).get_option_at_index(0).prompt)
        assert row.startswith("Joint ferry marketing")
        assert "“Year-round ferry link b…” · “Baltic cruise tourism”" in row
        assert "s1" not in row and "s3" not in row


async def test_marking_and_a_refused_merge_name_the_items(store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SwotBoardScreen)
        await pilot.press("1", "space")
        await settle(pilot)
        assert any(f"Marked {quoted(LONG)}" in t for t in toasts(app))
        await pilot.press("2", "g")  # a weakness: not the same quadrant
        await settle(pilot)
        [error] = toasts(app, "error")
        assert (f"{quoted(LONG)} is in strengths and “Few buses” in weaknesses; move one "
                "first") in error
        assert "s1" not in error and "s4" not in error
        assert len(stored(store, SID).swot) == 3


def test_the_command_line_names_the_vote_and_the_ballot(home: Path) -> None:
    runner = CliRunner()

    def cli(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(cli_app, ["--home", str(home), *args])
        return result.exit_code, result.stdout, result.stderr

    cli("new", "W", "--id", "w")
    cli("add", "vote", "w", "Top priorities", "--option", "Ferry link", "--option", "Buses")
    code, out, _ = cli("add", "ballot", "w", "v1", "--dots", "A=2", "--voter", "Inga")
    assert (code, out.strip()) == (0, "v1 “Top priorities”: ballot recorded")
    code, _, err = cli("add", "ballot", "w", "v1", "--dots", "A=2,B=2")
    assert code == 1
    assert "ballot 2: 4 dots exceed the budget of 3" in err and "ballots[" not in err
    code, _, err = cli("add", "ballot", "w", "v1", "--dots", "A=2,B=2", "--voter", "Inga")
    assert "ballot 1: 4 dots exceed the budget of 3" in err  # Inga's, replaced


async def test_a_saved_quick_note_is_named_by_its_text(store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, SID)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_into(pilot, "[b]Ports[/b] need a joint pitch")
        await pilot.press("enter")
        await settle(pilot)
        [note] = stored(store, SID).notes
        assert any("Note saved: “[b]Ports[/b] need a joint pitch”" in t for t in toasts(app))
        assert not any(note.id in t for t in toasts(app))

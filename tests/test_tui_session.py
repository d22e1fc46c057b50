"""The session screen: agenda start/next/extend, plan vs actual, exercise keys, export."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_support import settle, stored, toasts, type_into

from smartplan_tui.app import make_app
from smartplan_tui.collection_registry import AGENDA
from smartplan_tui.model import SessionInfo
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.export import ExportScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.widgets.item_list import ItemList
from smartplan_tui.store import SessionStore


def _running(store: SessionStore, session_id: str = "coast-camp") -> list[str]:
    return [a.id for a in stored(store, session_id).agenda if a.started_at and not a.ended_at]


async def test_start_next_and_extend_are_stored_and_shown(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert _running(demo_store) == []
        assert "No agenda item running" in str(screen.query_one("#countdown").render())
        await pilot.press("n")  # the first item not yet started: ag5
        await settle(pilot)
        assert _running(demo_store) == ["ag5"]
        clock = str(screen.query_one("#countdown").render())
        assert "Action plan drafting" in clock and "left" in clock
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert stored(demo_store).find(AGENDA, "ag5").minutes == 55
        await pilot.press("minus")
        await settle(pilot)
        assert stored(demo_store).find(AGENDA, "ag5").minutes == 50
        await pilot.press("n")
        await settle(pilot)
        agenda = stored(demo_store)
        assert _running(demo_store) == ["ag6"]
        assert agenda.find(AGENDA, "ag5").ended_at is not None
        agenda = screen.query_one("#agenda-items", ItemList)
        states = [agenda.text_at(i).rstrip().split("  ")[-1] for i in range(agenda.row_count)]
        assert states == ["✓"] * 5 + ["▶ now"]
        # Start the highlighted item (the first): ag6 ends.
        agenda.cursor = 0
        await pilot.press("s")
        await settle(pilot)
        assert _running(demo_store) == ["ag1"]
        assert "Planned 185 min" in str(screen.query_one("#plan-vs-actual").render())


async def test_add_edit_and_remove_agenda_items(store: SessionStore) -> None:
    store.create(SessionInfo(id="w", title="Workshop"))
    app = make_app(store.home, "w")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_into(pilot, "Coffee [break]")
        minutes = app.screen.query_one("#agenda-minutes", Input)
        minutes.value = "abc"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Planned minutes: 'abc' is not a whole number" in str(
            app.screen.query_one("#form-error").render())
        minutes.value = "20"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [item] = stored(store, "w").agenda
        assert (item.title, item.minutes) == ("Coffee [break]", 20)
        row = app.screen.query_one("#agenda-items", ItemList).text_at(0)
        assert row.split("  ")[1].strip() == "Coffee [break]"
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#agenda-minutes", Input).value = "25"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(store, "w").agenda[0].minutes == 25
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert stored(store, "w").agenda == ()


async def test_exercise_keys_open_their_screens(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key, name in (("w", "SwotBoardScreen"), ("t", "TowsScreen"),
                          ("v", "VotesScreen"), ("p", "ActionPlanScreen"),
                          ("r", "ParticipantsScreen"), ("l", "NotesScreen")):
            await pilot.press(key)
            await settle(pilot)
            assert type(app.screen).__name__ == name
            app.pop_screen()
            await settle(pilot)
            assert isinstance(app.screen, SessionScreen)


async def test_export_writes_a_word_report_in_a_worker(demo_store: SessionStore,
                                                       tmp_path: Path) -> None:
    from docx_readback import headings, open_docx

    target = tmp_path / "out" / "camp.docx"
    target.parent.mkdir()
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        # Written: the dialog closes and the notification gives the whole path.
        assert isinstance(app.screen, SessionScreen)
        assert toasts(app) == [f"Exported\nSaved to {target.resolve()}"]
        texts = [text for _, text in headings(open_docx(target))]
        assert "Agenda" in texts and "SWOT" in texts
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        # A folder that does not exist: one line, nothing written.
        dialog.query_one("#export-path", Input).value = str(tmp_path / "no" / "x.docx")
        await pilot.press("enter")
        await settle(pilot)
        assert str(dialog.query_one("#export-status").render()).startswith("Not exported:")
        assert not (tmp_path / "no").exists()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


async def test_export_json_round_trips(demo_store: SessionStore, tmp_path: Path) -> None:
    import json

    from textual.widgets import Select

    target = tmp_path / "camp.json"
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(Select).value = "json"
        await settle(pilot)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert json.loads(target.read_text()) == SessionStore(demo_store.home).export_document(
        "coast-camp")

"""Home: list, create (validated), import JSON, duplicate as template, delete with confirm."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input
from tui_support import settle, toasts, type_into

from smartplan_tui.app import make_app
from smartplan_tui.model import SessionInfo
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.home import HomeScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.session_form import SessionFormScreen
from smartplan_tui.screens.widgets.item_list import ItemList
from smartplan_tui.store import SessionStore


def _titles(app: object) -> list[str]:
    rows = app.screen.query_one("#sessions", ItemList)  # type: ignore[attr-defined]
    return [rows.text_at(i).split("  ")[0] for i in range(rows.row_count)]


async def test_create_validates_inline_then_opens_the_new_session(store: SessionStore) -> None:
    app = make_app(store.home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SessionFormScreen)
        await type_into(pilot, "[bold]Kurzeme[/bold] workshop")
        form.query_one("#date", Input).value = "2027-02-30"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "Date: 2027-02-30 is not a real date" in str(form.query_one("#form-error").render())
        assert SessionStore(store.home).list_sessions() == []
        form.query_one("#date", Input).value = "2027-02-28"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        [summary] = SessionStore(store.home).list_sessions()
        assert summary.title == "[bold]Kurzeme[/bold] workshop"
        assert summary.id == "bold-kurzeme-bold-workshop"
        await pilot.press("escape")
        await settle(pilot)
        assert _titles(app) == ["[bold]Kurzeme[/bold] workshop"]


async def test_import_json_and_refuse_a_bad_file(store: SessionStore, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"format": "smartplan/session", "version": 1,
                                "session": {"id": "imported", "title": "Imported camp"},
                                "swot": [{"quadrant": "S", "text": "Harbour"}]}))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "smartplan/session", "version": 1,
                               "session": {"title": "Bad"},
                               "swot": [{"quadrant": "X", "text": "?"}]}))
    app = make_app(store.home)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        for path in (bad, good):
            await pilot.press("i")
            await settle(pilot)
            await type_into(pilot, str(path))
            await pilot.press("enter")
            await settle(pilot)
        assert any("bad.json" in text and "swot[0]" in text for text in toasts(app, "error"))
        assert [s.id for s in SessionStore(store.home).list_sessions()] == ["imported"]
        assert _titles(app) == ["Imported camp"]
        # The same file again: asks before replacing.
        await pilot.press("i")
        await settle(pilot)
        await type_into(pilot, str(good))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert any("Imported imported" in text for text in toasts(app))


async def test_missing_file_is_refused_in_the_form(store: SessionStore, tmp_path: Path) -> None:
    app = make_app(store.home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await type_into(pilot, str(tmp_path / "nothing.json"))
        await pilot.press("enter")
        await settle(pilot)
        assert "is not a file" in str(app.screen.query_one("#form-error").render())


async def test_duplicate_as_template_keeps_agenda_and_people(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        title = app.screen.query_one("#title", Input)
        title.value = "Coast camp 2027"
        await pilot.press("ctrl+s")
        await settle(pilot)
        store = SessionStore(demo_store.home)
        copy = store.load("coast-camp-2027")
        demo = store.load("coast-camp")
        assert copy.participants == demo.participants
        assert [a.title for a in copy.agenda] == [a.title for a in demo.agenda]
        assert all(a.started_at is None for a in copy.agenda)
        assert copy.swot == ()
        assert "Coast camp 2027" in _titles(app)


async def test_delete_asks_first(demo_store: SessionStore) -> None:
    SessionStore(demo_store.home).create(SessionInfo(id="other", title="Other"))
    app = make_app(demo_store.home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        doomed = app.screen.selected_id()
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert SessionStore(demo_store.home).exists(str(doomed))
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not SessionStore(demo_store.home).exists(str(doomed))
        assert len(_titles(app)) == 1

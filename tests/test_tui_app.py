"""The app shell: factory, help, command palette entries, themes, quick capture, 80×24."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable, Input
from tui_support import settle, stored, toasts, type_into

from smartplan_tui.app import make_app
from smartplan_tui.model import NoteKind
from smartplan_tui.screens.help import HelpScreen
from smartplan_tui.screens.home import HomeScreen
from smartplan_tui.screens.quick_note import QuickNoteScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.widgets.item_list import ItemList
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.store import SessionStore


async def test_factory_opens_home_then_the_given_session(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        rows = app.screen.query_one("#sessions", ItemList)
        assert rows.row_count == 1
        cells = [c.strip() for c in rows.text_at(0).split("  ") if c.strip()]
        assert cells == ["Coastal innovation camp: Kurzeme × Klaipėda", "2026-12-01",
                         "Innovation camp", "48", "Liepāja"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id == "coast-camp"
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        # Started on the session: Escape builds the home screen and lists the sessions.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#sessions", ItemList).row_count == 1


async def test_unknown_session_is_one_error_line(store: SessionStore) -> None:
    app = make_app(store.home, "nope")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any("no session 'nope'" in text for text in toasts(app, "error"))


async def test_f1_lists_the_keys_of_the_screen_beneath(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[1]): str(table.get_row_at(i)[0])
                for i in range(table.row_count)}
        for description in ("Start", "Next", "SWOT", "TOWS", "Votes", "Actions",
                            "People", "Notes", "Export", "Quick note", "+5 min"):
            assert description in rows
        assert rows["SWOT"] == "w"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


async def test_every_binding_is_a_command_palette_entry(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        described = {b.description for b in Binding.make_bindings(SessionScreen.BINDINGS)}
        assert "Edit item" in described  # shadowed by the table's Enter, still listed
        assert described <= titles
        assert {"Quick note", "Help", "Theme", "Quit"} <= titles
        # Running a palette entry runs the screen's action.
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "SWOT")
        await command.callback()
        await settle(pilot)
        assert type(app.screen).__name__ == "SwotBoardScreen"


async def test_theme_is_remembered(store: SessionStore) -> None:
    app = make_app(store.home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await settle(pilot)
    assert SessionStore(store.home).settings()["theme"] == "nord"
    again = make_app(store.home)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_quick_note_from_any_screen_ties_the_running_item(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")  # start the highlighted agenda item
        await settle(pilot)
        running = [a.id for a in stored(demo_store).agenda if a.started_at and not a.ended_at]
        assert len(running) == 1
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("i")  # typing on the board: ctrl+n still captures
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, QuickNoteScreen)
        await type_into(pilot, "[b]Ports[/b] need a joint pitch")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "SwotBoardScreen"
        note = stored(demo_store).notes[-1]
        assert note.text == "[b]Ports[/b] need a joint pitch"
        assert note.kind is NoteKind.NOTE
        assert note.at.tzinfo is not None
        assert note.agenda_item == running[0]


async def test_quick_note_refuses_a_blank_note_inline(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        before = stored(demo_store).notes
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("space", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickNoteScreen)
        assert "write something first" in str(app.screen.query_one("#form-error").render())
        assert stored(demo_store).notes == before


async def test_quick_note_without_a_session_says_so(store: SessionStore) -> None:
    app = make_app(store.home)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any("Open a session first" in text for text in toasts(app, "warning"))


async def test_every_screen_opens_at_80x24(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = str(app.screen.query_one(KeyBar).render())
        assert "Edit item" in footer and "Export" in footer and "Quick note" in footer
        for key, name in (("w", "SwotBoardScreen"), ("t", "TowsScreen"),
                          ("r", "ParticipantsScreen"), ("l", "NotesScreen")):
            await pilot.press(key)
            await settle(pilot)
            assert type(app.screen).__name__ == name
            if isinstance(app.screen.focused, Input):
                await pilot.press("escape")  # leave the field: its letter keys are text
                await settle(pilot)
            # Every action's key is in the footer, even at 80 columns (it wraps).
            footer = str(app.screen.query_one(KeyBar).render())
            for binding in Binding.make_bindings(type(app.screen).BINDINGS):
                action = binding.action.split("(", 1)[0]
                if binding.show and binding.description and app.screen.check_action(action, ()):
                    assert binding.description in footer, binding
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, SessionScreen)


async def test_the_first_screen_leaves_what_it_built_out_of_later_collections(
        demo_store: SessionStore) -> None:
    import gc

    from smartplan_tui.app import YOUNG_COLLECTION_AT

    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test() as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        # The session's items, loaded for the first screen, are among the frozen objects.
        assert gc.get_freeze_count() > 10_000
        assert gc.get_threshold()[0] == YOUNG_COLLECTION_AT

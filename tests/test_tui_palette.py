"""The command palette goes anywhere: every place of the app, each once, only where it applies."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from tui_support import settle, type_into

from smartplan_tui.app import make_app
from smartplan_tui.model import SessionInfo
from smartplan_tui.screens.export import ExportScreen
from smartplan_tui.screens.home import HomeScreen
from smartplan_tui.screens.profile_form import ProfileScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.screens.tows import TowsScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.store import SessionStore

#: Where the SWOT board's palette goes (the board itself is where it is).
FROM_THE_BOARD = [
    "Go to the agenda (session)", "Go to TOWS strategies", "Go to votes",
    "Go to the action plan", "Go to participants", "Go to the notes log",
    "Go to the room (phones join)", "Go to the list of sessions",
]


async def search(pilot: Pilot[Any], query: str) -> list[str]:
    """Open the palette, type `query`; the commands it lists (their names), palette open."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    if query:
        await type_into(pilot, query)
        await settle(pilot)
    found = pilot.app.screen.query_one(CommandList)
    return [str(found.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(found.option_count)]


async def close(pilot: Pilot[Any]) -> None:
    await pilot.press("escape")
    await settle(pilot)


async def run(pilot: Pilot[Any], query: str, name: str) -> None:
    """Find `name` by typing `query` (it must come first) and run it with Enter."""
    found = await search(pilot, query)
    assert found[:1] == [name], found
    await pilot.press("enter")
    await settle(pilot)


async def test_the_board_goes_to_every_other_place_of_the_session(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert await search(pilot, "go to") == FROM_THE_BOARD
        await close(pilot)
        await run(pilot, "tows", "Go to TOWS strategies")
        assert isinstance(app.screen, TowsScreen)
        # Reached from the agenda, as with its key: Esc goes back to the agenda.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert len(app.screen_stack) == 1


async def test_each_command_is_listed_once_where_a_key_already_goes_there(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        listed = await search(pilot, "")
        assert len(listed) == len(set(listed)), listed
        assert listed.count("SWOT") == 1  # the key's command, `w`
        assert not [name for name in listed if name.startswith("Go to")]
        assert "Export the session" not in listed and listed.count("Export") == 1
        assert "Running item's exercise" in listed and "Guide" in listed
        await close(pilot)
        await pilot.press("v")
        await settle(pilot)
        listed = await search(pilot, "")
        assert len(listed) == len(set(listed)), listed
        assert "Go to the SWOT board" in listed and "Go to votes" not in listed
        assert "Go to the action plan" not in listed  # `p` on the votes screen
        assert listed.count("Action plan") == 1
        assert sum("History" in name for name in listed) <= 1


async def test_dialogs_open_over_the_screen_on_show(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await run(pilot, "export the", "Export the session")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, VotesScreen)
        await run(pilot, "project profile", "Edit the project profile")
        assert isinstance(app.screen, ProfileScreen)


async def test_without_a_session_only_what_needs_none_is_offered_and_a_title_opens_one(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert await search(pilot, "go to") == []
        await close(pilot)
        await run(pilot, "kurzeme", "Open session: Coastal innovation camp: Kurzeme × Klaipėda")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.handle.id == "coast-camp"


async def test_a_session_to_open_is_told_apart_by_its_date_and_place_not_its_id(
        demo_store: SessionStore) -> None:
    demo_store.create(SessionInfo("ventspils-2027", "Ventspils harbour workshop",
                                  date=date(2027, 3, 4), place="Ventspils port house"))
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await search(pilot, "harbour")
        found = pilot.app.screen.query_one(CommandList)
        shown = str(found.get_option_at_index(0).prompt).split("\n")
        assert shown == ["Open session: Ventspils harbour workshop",
                         "4 March 2027 · Ventspils port house"]


async def test_another_session_opens_by_part_of_its_title_from_inside_a_session(
        demo_store: SessionStore) -> None:
    demo_store.create(SessionInfo("ventspils-2027", "Ventspils harbour workshop"))
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        listed = await search(pilot, "open session")
        assert listed == ["Open session: Ventspils harbour workshop"]  # not the open one
        await close(pilot)
        await run(pilot, "harbour", "Open session: Ventspils harbour workshop")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.handle.id == "ventspils-2027"
        await pilot.press("escape")  # back to the list of sessions
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not any(isinstance(s, SwotBoardScreen) for s in app.screen_stack)

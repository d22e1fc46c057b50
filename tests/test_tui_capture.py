"""Capture lines: typed text is text, never a command; every Enter or pasted line is one item."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input
from tui_support import settle, stored

from smartplan_tui.app import make_app
from smartplan_tui.model import Quadrant
from smartplan_tui.screens.notes import NotesScreen
from smartplan_tui.screens.quick_note import QuickNoteScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.swot_board import SwotBoardScreen
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.store import SessionStore

#: Every letter the board and the notes bind to a command, and spaces.
SENTENCE = "Good ferry links da mi gu ta e tourism"


def keys(text: str) -> list[str]:
    """The key presses that type `text`, one per character."""
    return ["space" if c == " " else c for c in text]


def footer(pilot: Pilot[Any]) -> str:
    return str(pilot.app.screen.query_one(KeyBar).render())


async def open_screen(pilot: Pilot[Any], key: str) -> None:
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)


async def test_a_sentence_typed_on_a_fresh_board_is_one_item(demo_store: SessionStore) -> None:
    before = stored(demo_store).swot
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "w")
        await pilot.press(*keys(SENTENCE), "enter")
        await settle(pilot)
    after = stored(demo_store).swot
    assert after[:len(before)] == before  # nothing deleted, moved or merged
    assert [(i.quadrant, i.text) for i in after[len(before):]] == [
        (Quadrant.STRENGTHS, SENTENCE)]


async def test_a_burst_of_twelve_items_gives_twelve_items_in_order(
        demo_store: SessionStore) -> None:
    texts = [f"Item {n} ferry dig" for n in range(1, 13)]
    presses = [key for text in texts for key in [*keys(text), "enter"]]
    assert len(presses) == sum(len(t) for t in texts) + len(texts)
    before = stored(demo_store).swot
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "w")
        await pilot.press(*presses)
        await settle(pilot)
        assert pilot.app.screen.query_one("#capture", Input).value == ""
    after = stored(demo_store).swot
    assert after[:len(before)] == before
    assert [i.text for i in after[len(before):]] == texts


async def test_keys_arriving_all_at_once_give_one_item_per_enter(
        demo_store: SessionStore) -> None:
    """As when the terminal delivers a fast typist's keys in one read: every key is queued
    before the first Enter has been handled, so nothing may read or clear the line late."""
    texts = ["Ferry one", "Skilled two", "Dunes three"]
    presses = [key for text in texts for key in [*keys(text), "enter"]]
    before = stored(demo_store).swot
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "w")
        for key in presses:
            character = " " if key == "space" else "\r" if key == "enter" else key
            pilot.app.post_message(events.Key(key, character))
        await settle(pilot)
        assert pilot.app.screen.query_one("#capture", Input).value == ""
    assert [i.text for i in stored(demo_store).swot[len(before):]] == texts


async def test_a_pasted_block_of_three_lines_gives_three_items(demo_store: SessionStore) -> None:
    before = stored(demo_store).swot
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "w")
        await pilot.press(*keys("Ports: "))
        pilot.app.screen.query_one("#capture", Input).post_message(
            events.Paste("Klaipeda\nLiepaja\n\nVentspils\n"))
        await settle(pilot)
        assert pilot.app.screen.query_one("#capture", Input).value == ""
    assert [i.text for i in stored(demo_store).swot[len(before):]] == [
        "Ports: Klaipeda", "Liepaja", "Ventspils"]


async def test_switching_quadrant_while_typing_keeps_the_text(demo_store: SessionStore) -> None:
    before = stored(demo_store).swot
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "w")
        assert "f2 Next quadrant" in footer(pilot)
        await pilot.press(*keys("Storm surges"), "f2", "f2", "f2")
        await settle(pilot)
        capture = pilot.app.screen.query_one("#capture", Input)
        assert capture.value == "Storm surges" and pilot.app.screen.focused is capture
        assert "Add to Threats" in str(pilot.app.screen.query_one("#capture-label").render())
        await pilot.press("enter")
        await settle(pilot)
    assert [(i.quadrant, i.text) for i in stored(demo_store).swot[len(before):]] == [
        (Quadrant.THREATS, "Storm surges")]


async def test_text_left_in_the_capture_line_is_back_when_the_board_reopens(
        demo_store: SessionStore) -> None:
    before = stored(demo_store).swot
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "w")
        await pilot.press(*keys("Half a thought"), "escape", "escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionScreen)
        await open_screen(pilot, "w")
        capture = pilot.app.screen.query_one("#capture", Input)
        assert capture.value == "Half a thought" and pilot.app.screen.focused is capture
        await pilot.press(*keys(" more"), "enter")
        await settle(pilot)
    assert [i.text for i in stored(demo_store).swot[len(before):]] == ["Half a thought more"]


async def test_esc_on_the_board_leaves_the_field_then_goes_back(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "w")
        assert footer(pilot).startswith("esc Leave field  ")
        assert "Delete" not in footer(pilot) and "Merge" not in footer(pilot)  # keys are text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SwotBoardScreen)
        assert footer(pilot).startswith("esc Back  ")
        assert "d/del Delete" in footer(pilot) and "g Merge" in footer(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionScreen)


async def test_tab_from_the_capture_line_reaches_the_quadrant_commands(
        demo_store: SessionStore) -> None:
    before = stored(demo_store).swot
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "w")
        await pilot.press("tab", "d")
        await settle(pilot)
        await pilot.press("y")  # the demo's first strength is linked: asked first
        await settle(pilot)
        assert footer(pilot).startswith("esc Back  ")
    assert len(stored(demo_store).swot) == len(before) - 1


async def test_a_sentence_typed_in_the_notes_is_one_note(demo_store: SessionStore) -> None:
    before = stored(demo_store).notes
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "l")
        await pilot.press(*keys(SENTENCE), "enter")
        await settle(pilot)
    after = stored(demo_store).notes
    assert after[:len(before)] == before
    assert [n.text for n in after[len(before):]] == [SENTENCE]


async def test_esc_in_the_notes_leaves_the_field_then_goes_back(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(pilot, "l")
        assert isinstance(pilot.app.screen, NotesScreen)
        assert footer(pilot).startswith("esc Leave field  ")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, NotesScreen)
        assert not isinstance(pilot.app.screen.focused, Input)
        assert footer(pilot).startswith("esc Back  ")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionScreen)


async def test_a_pasted_block_in_the_quick_note_gives_one_note_per_line(
        demo_store: SessionStore) -> None:
    before = stored(demo_store).notes
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "ctrl+n")
        assert isinstance(pilot.app.screen, QuickNoteScreen)
        pilot.app.screen.query_one("#note-text", Input).post_message(
            events.Paste("Ferry one\nSkilled two\n"))
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionScreen)
    assert [n.text for n in stored(demo_store).notes[len(before):]] == [
        "Ferry one", "Skilled two"]


async def test_esc_in_the_quick_note_leaves_the_line_then_cancels_keeping_the_text(
        demo_store: SessionStore) -> None:
    before = stored(demo_store).notes
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "ctrl+n")
        await pilot.press(*keys("Ask the ferry operator"))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, QuickNoteScreen)
        assert not isinstance(pilot.app.screen.focused, Input)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionScreen)
        await open_screen(pilot, "ctrl+n")
        assert pilot.app.screen.query_one("#note-text", Input).value == "Ask the ferry operator"
    assert stored(demo_store).notes == before

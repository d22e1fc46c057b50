"""The screens walked through in Latvian and Lithuanian at 80×24: every word a planner reads
is in their language, and nothing that would fit is cut.

Texts made while a screen runs (labels, choices, errors, placeholders) are checked in this
process, with the interface language switched for the test and switched back after. Texts a
class holds from its import (a dialog's default Save button) are translated once, when the
screens are imported: those are drawn by a child process started in the language, as
`tests/test_tui_languages.py` does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from lang_screen_child import svg_lines
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, Select, Static
from tui_support import settle, toasts

from smartplan_tui.app import SmartPlanApp, make_app
from smartplan_tui.collection_registry import VOTES
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.i18n import set_interface_language
from smartplan_tui.model import Vote, VoteMethod, VoteOption
from smartplan_tui.screens.consent_form import ConsentForm
from smartplan_tui.screens.participants import ParticipantsScreen
from smartplan_tui.screens.profile_form import ProfileScreen
from smartplan_tui.screens.recount_picker import RecountMethods
from smartplan_tui.screens.session_form import SessionFormScreen
from smartplan_tui.screens.session_parts import AgendaItemForm
from smartplan_tui.screens.swot_forms import SwotItemForm
from smartplan_tui.screens.tows import TowsScreen
from smartplan_tui.screens.vote_setup import VoteSetupScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.screens.widgets.score_matrix import ScoreMatrixView
from smartplan_tui.store import SessionStore
from smartplan_tui.store.erasure import ERASURES_FILE

SIZE = (80, 24)
TESTS = Path(__file__).parent


@pytest.fixture
def latvian() -> Iterator[None]:
    set_interface_language("lv")
    yield
    set_interface_language("en")


@pytest.fixture
def lithuanian() -> Iterator[None]:
    set_interface_language("lt")
    yield
    set_interface_language("en")


def _app(store: SessionStore) -> SmartPlanApp:
    return make_app(store.home, DEMO_ID)


async def _press(pilot: Any, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def _labels(screen: Widget) -> list[str]:
    return [str(label.render()) for label in screen.query(".field-label").results(Label)]


def _lines(app: SmartPlanApp) -> list[str]:
    return svg_lines(app.export_screenshot(), SIZE[1])


async def test_a_bad_dots_value_is_shown_under_its_field_in_latvian(
        demo_store: SessionStore, latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "v", "n")
        setup = app.screen
        assert isinstance(setup, VoteSetupScreen)
        await pilot.press(*"Kurš vispirms?", "tab", "space", "down", "space")
        setup.query_one("#dots", Input).value = ""
        setup.query_one("#question", Input).focus()
        await _press(pilot, "ctrl+s")
        assert app.screen is setup
        line = setup.query_one("#form-error", Label)
        # The field by the label the planner sees, not the code's name for it.
        assert str(line.render()) == "Punkti vienam balsotājam: '' nav vesels skaitlis"
        dots = setup.query_one("#dots", Input)
        assert setup.focused is dots
        dialog = line.parent
        assert isinstance(dialog, VerticalScroll) and isinstance(dots.parent, Widget)
        children = list(dialog.children)
        assert children.index(line) == children.index(dots.parent) + 1  # right under its row


async def test_the_dots_and_cap_keep_their_numbers_in_sight_in_latvian(
        demo_store: SessionStore, latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "v", "n")
        setup = app.screen
        assert isinstance(setup, VoteSetupScreen)
        setup.query_one("#dots", Input).scroll_visible(animate=False)
        await settle(pilot)
        row = next(line for line in _lines(app) if "Punkti vienam" in line)
        assert "3" in row.split("Punkti vienam", 1)[1]  # the default 3 dots, not squeezed away
        assert "nav" in row  # the cap's placeholder: none


async def test_the_swot_item_form_speaks_latvian(demo_store: SessionStore,
                                                 latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "w", "escape", "e")
        form = app.screen
        assert isinstance(form, SwotItemForm)
        assert _labels(form)[:3] == ["Teksts", "Birkas (atdalītas ar komatu)", "Autors"]
        form.query_one("#swot-author", Select).focus()
        await _press(pilot, "enter")  # the choices open
        assert "(anonīms)" in "\n".join(_lines(app))


async def test_a_duplicated_session_is_titled_next_in_lithuanian(
        demo_store: SessionStore, lithuanian: None) -> None:
    title = demo_store.load(DEMO_ID).info.title
    app = make_app(demo_store.home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "c")
        form = app.screen
        assert isinstance(form, SessionFormScreen)
        assert form.query_one("#title", Input).value == f"{title} (kita)"


async def test_the_agenda_form_offers_no_exercise_in_latvian(
        demo_store: SessionStore, latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "a")
        form = app.screen
        assert isinstance(form, AgendaItemForm)
        assert "(bez uzdevuma)" in "\n".join(_lines(app))
        assert "Select" not in "\n".join(_lines(app))


async def test_the_consent_form_says_how_in_lithuanian(demo_store: SessionStore,
                                                       lithuanian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "r", "k")
        form = app.screen
        assert isinstance(form, ConsentForm)
        # A purpose's long statement wraps inside the dialog rather than being cut.
        first = next(form.query(".field-label").results(Label))
        assert first.region.height > 1
        assert first.region.right <= form.query_one(".dialog").region.right
        how = form.query_one("#consent-how", Select)
        how.focus()
        await _press(pilot, "enter")  # the choices open
        shown = "\n".join(_lines(app))
        assert all(way in shown for way in ("formoje", "popieriuje", "žodžiu")), shown


async def test_the_recount_list_names_methods_in_latvian(demo_store: SessionStore,
                                                         latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "v", "r")
        assert isinstance(app.screen, VotesScreen)
        methods = app.screen.query_one(RecountMethods)
        entries = [str(methods.get_option_at_index(i).prompt)
                   for i in range(methods.option_count)]
        assert entries[0] == "Borda skaitīšana · punkti par vietu"
        assert not any(entry.startswith(("borda ", "irv ")) for entry in entries)


async def test_the_profile_says_what_empty_consent_stands_for_in_latvian(
        store: SessionStore, latvian: None) -> None:
    app = make_app(store.home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "p")
        assert isinstance(app.screen, ProfileScreen)
        purposes = app.screen.query_one("#profile-consent_purposes", Input)
        assert purposes.placeholder == "dalība, fotogrāfijas un saziņa"


async def test_an_erasure_from_the_app_is_recorded_in_latvian(
        demo_store: SessionStore, latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "r")
        assert isinstance(app.screen, ParticipantsScreen)
        app.screen.query_one(DataTable).move_cursor(row=0)
        await _press(pilot, "x", "y")
    records = orjson.loads((demo_store.home / ERASURES_FILE).read_bytes())
    assert [r["reason"] for r in records] == ["dzēsts lietotnē"]


async def test_the_theme_picker_searches_in_latvian(demo_store: SessionStore,
                                                    latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.search_themes()
        await settle(pilot)
        assert "Meklēt motīvus…" in [w.placeholder for w in app.screen.query(Input)]


async def test_empty_tows_pairs_keep_to_one_line_in_latvian(demo_store: SessionStore,
                                                            latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "t")
        assert isinstance(app.screen, TowsScreen)
        lines = _lines(app)
        start = next(i for i, line in enumerate(lines) if line.startswith(" Vēl tukšas:"))
        pairs = lines[start + 1:start + 4]
        assert [line[3:6] for line in pairs] == ["ST:", "ST:", "WT:"]  # no line runs over
        assert all(" × " in line for line in pairs)


async def test_the_home_list_gives_titles_the_room_a_short_place_leaves(
        demo_store: SessionStore, latvian: None) -> None:
    app = make_app(demo_store.home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = next(line for line in _lines(app) if "2026-" in line or "Liepāja" in line)
        assert row.lstrip().startswith("Coastal innovation camp: K"), row
        assert row.rstrip().endswith("Liepāja")


def _drawn(language: str, home: Path, keys: tuple[str, ...]) -> list[str]:
    """The screen a child process draws in `language` after pressing `keys`."""
    script = (
        "import asyncio, json, sys\n"
        "from pathlib import Path\n"
        f"sys.path.insert(0, {str(TESTS)!r})\n"
        "from smartplan_tui.i18n import set_interface_language\n"
        f"set_interface_language({language!r})\n"
        "from lang_screen_child import draw\n"
        f"print(json.dumps(asyncio.run(draw(Path({str(home)!r}), {keys!r}))))\n")
    env = {**os.environ, "SMARTPLAN_LANG": language, "SMARTPLAN_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines: list[str] = json.loads(done.stdout)["lines"]
    return lines


@pytest.mark.parametrize(("language", "save", "heading_end"), [
    ("lv", "Saglabāt", "kvadrantu"), ("lt", "Išsaugoti", "ketvirtį")])
def test_the_move_dialog_saves_and_names_its_item_whole(
        demo_store: SessionStore, language: str, save: str, heading_end: str) -> None:
    lines = _drawn(language, demo_store.home, ("w", "escape", "m"))
    screen = "\n".join(lines)
    assert save in screen and "Save" not in screen
    assert heading_end in screen  # the heading wraps; its last word is not cut off



async def test_a_refused_merge_says_why_without_the_code_name_in_latvian(
        demo_store: SessionStore, latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await _press(pilot, "w", "escape", "space", "g")  # marked, then merged with itself
        [refusal] = toasts(app, "error")
        assert refusal.startswith("Nav saglabāts\nnevar apvienot “Ice-free ports"), refusal
        assert refusal.endswith("pašu ar sevi"), refusal
        assert "swot" not in refusal


async def test_the_score_matrix_names_its_boxes_whole_in_latvian(
        demo_store: SessionStore, latvian: None) -> None:
    options = (VoteOption("A", "Prāmis"), VoteOption("B", "Osta"))
    demo_store.open(DEMO_ID).add(VOTES, lambda new_id: Vote(
        new_id, "Kas vispirms?", VoteMethod.SCORE, options))
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "v", "end")
        matrix = app.screen.query_one(ScoreMatrixView)
        box = matrix.query_one("#matrix-thankless-task", Static)
        # Narrower than its name at 80 columns: the name wraps inside, never cut.
        assert str(box.render()).startswith("nepateicīgs uzdevums")
        assert str(matrix.query_one("#matrix-quick-win", Static).render()).startswith(
            "ātrs ieguvums")


async def test_the_ballot_dialog_shows_only_its_own_keys_in_latvian(
        demo_store: SessionStore, latvian: None) -> None:
    app = _app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _press(pilot, "v", "b")
        footer = "\n".join(_lines(app)[-6:])
        assert "esc Gatavs" in footer and "Saskaitīt biļetenu" in footer
        # The votes screen's bar takes more lines in Latvian than the dialog's: none of its
        # keys shows through above the dialog's own.
        assert "Jauns balsojums" not in footer and "esc Atpakaļ" not in footer

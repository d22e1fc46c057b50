"""A form's error is shown whole, under the field it is about, focused and in view at 80×24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList
from tui_support import settle, type_into

from smartplan_tui.app import make_app
from smartplan_tui.collection_registry import VOTES
from smartplan_tui.model import Quadrant, Session, SessionInfo, SwotItem, Vote, VoteOption
from smartplan_tui.screens.action_form import ActionFormScreen
from smartplan_tui.screens.ballot_entry import BallotEntryScreen
from smartplan_tui.screens.swot_forms import SwotItemForm
from smartplan_tui.screens.tows_form import TowsForm
from smartplan_tui.screens.vote_setup import VoteSetupScreen
from smartplan_tui.screens.widgets.choice_form import LineForm
from smartplan_tui.store import SessionStore

SMALL = (80, 24)

HARBOUR = "Harbour of Liepāja with deep water berths for the offshore wind installation vessels"


def _session(store: SessionStore) -> None:
    store.save_whole(Session(info=SessionInfo(id="small", title="Small"), swot=(
        SwotItem("s1", Quadrant.STRENGTHS, HARBOUR),
        SwotItem("s2", Quadrant.WEAKNESSES, "Few buses"),
        SwotItem("s3", Quadrant.OPPORTUNITIES, "Wind farms"),
        SwotItem("s4", Quadrant.THREATS, "Storms"))))


def _shown(widget: Widget) -> bool:
    """Every row of `widget` is drawn on screen now (not scrolled away, not covered)."""
    region = widget.region
    if not region.height:
        return False
    return all(widget.screen.get_widget_at(region.x, y)[0] is widget
               for y in range(region.y, region.bottom))


def _error_at(screen: Screen[Any], field_id: str, message: str,
              line_id: str = "form-error") -> Label:
    """The error line holds all of `message`, wrapped, right under `#field_id`, which is
    focused, and both are on screen."""
    line = screen.query_one(f"#{line_id}", Label)
    text = str(line.render())
    assert message in text, text
    field = screen.query_one(f"#{field_id}")
    assert screen.focused is field
    assert _shown(line), f"the error {text!r} is off screen"
    assert _shown(field)
    dialog = line.parent
    assert isinstance(dialog, Widget)
    assert line.region.right <= dialog.region.right  # wrapped inside the dialog, not cut
    if len(text) > line.region.width:
        assert line.region.height > 1
    return line


def _right_under(line: Label, field: Widget) -> None:
    """`line` is the next row of the dialog after the row holding `field`."""
    dialog = line.parent
    assert isinstance(dialog, VerticalScroll)
    row = field
    while row.parent is not dialog:
        assert row.parent is not None
        row = row.parent  # type: ignore[assignment]
    children = list(dialog.children)
    assert children.index(line) == children.index(row) + 1


async def test_tows_mismatch_is_shown_whole_under_the_items_at_80x24(
        store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, "small")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("t", "n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TowsForm)
        form.query_one("#tows-internal", SelectionList).select("s1")
        form.query_one("#tows-external", SelectionList).select("s3")
        form.query_one("#tows-text", Input).value = "Wind port"
        form.query_one("#tows-type", Select).value = "WT"
        form.query_one("#tows-text", Input).focus()
        await settle(pilot)  # the focus (and its scroll) first, as a person would
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        line = _error_at(form, "tows-internal", "Strengths / weaknesses: “Harbour of Liepāja with deep water "
                         "bert…” is one of the strengths; a WT strategy combines "
                         "weaknesses with threats")
        _right_under(line, form.query_one("#tows-internal"))
        assert line.region.height >= 2


async def test_duplicate_as_template_date_error_is_in_view_at_80x24(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        form.query_one("#date", Input).value = "2027-02-30"
        form.query_one("#facilitator", Input).focus()
        await settle(pilot)  # the focus (and its scroll) first, as a person would
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        line = _error_at(form, "date", "Date: 2027-02-30 is not a real date")
        _right_under(line, form.query_one("#date"))


async def test_new_session_without_a_title_points_at_the_title(store: SessionStore) -> None:
    app = make_app(store.home)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        form.query_one("#facilitator", Input).focus()
        await settle(pilot)  # the focus (and its scroll) first, as a person would
        await pilot.press("ctrl+s")
        await settle(pilot)
        line = _error_at(form, "title", "Title: must not be empty")
        _right_under(line, form.query_one("#title"))


async def test_swot_edit_with_an_emptied_text_points_at_the_text(store: SessionStore) -> None:
    _session(store)
    app = make_app(store.home, "small")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("escape", "e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SwotItemForm)
        form.query_one("#swot-text", Input).value = ""
        form.query_one("#swot-author").focus()
        await settle(pilot)  # the focus (and its scroll) first, as a person would
        await pilot.press("ctrl+s")
        await settle(pilot)
        line = _error_at(form, "swot-text", "Text: must not be empty")
        _right_under(line, form.query_one("#swot-text"))


async def test_a_one_line_form_names_its_field_by_its_label(store: SessionStore) -> None:
    app = make_app(store.home)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        form = LineForm("Edit note", "Text of the note", "")
        app.push_screen(form)
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        line = _error_at(form, "line", "Text of the note: must not be empty")
        _right_under(line, form.query_one("#line"))


async def test_a_long_missing_import_path_is_shown_whole(store: SessionStore,
                                                         tmp_path: Path) -> None:
    missing = tmp_path.joinpath(*(f"folder-{n}-of-a-long-path" for n in range(6)),
                                "workshop.json")
    app = make_app(store.home)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await type_into(pilot, str(missing))
        await pilot.press("enter")
        await settle(pilot)
        line = _error_at(app.screen, "path", f"File: {missing} is not a file")
        assert line.region.height >= 2


async def test_an_export_path_error_is_shown_whole_under_the_path(
        store: SessionStore) -> None:
    store.create(SessionInfo(id="small", title="Small"))
    inside = store.home.joinpath(*(f"folder-{n}-of-a-long-path" for n in range(4)),
                                 "report.docx")
    app = make_app(store.home, "small")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        path = dialog.query_one("#export-path", Input)
        path.value = str(inside)
        dialog.query_one("#export-format").focus()
        await settle(pilot)  # the focus (and its scroll) first, as a person would
        await pilot.press("ctrl+s")
        await settle(pilot)
        line = dialog.query_one("#export-status", Label)
        text = str(line.render())
        assert f"{inside} is inside SmartPlan's data folder; choose a file elsewhere." in text
        assert len(text) > line.region.width and line.region.height > 1
        assert _shown(line) and dialog.focused is path


async def test_a_refused_ballot_is_shown_whole_and_in_view_at_80x24(
        demo_store: SessionStore) -> None:
    options = tuple(VoteOption(letter, f"Option {letter}") for letter in "ABC")
    demo_store.open("coast-camp").add(VOTES, lambda new_id: Vote(
        new_id, "Which first?", options=options, max_dots_per_option=2))
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        entry = app.screen
        assert isinstance(entry, BallotEntryScreen)
        await pilot.press("a", "a", "a", "enter")
        await settle(pilot)
        status = entry.query_one("#ballot-status")
        text = str(status.render())
        assert "Refused: ballot 1: 3 dots on A exceed the cap of 2 per option" in text
        assert _shown(status)
        assert status.region.right <= entry.query_one(".dialog").region.right


async def test_an_action_form_error_focuses_the_field_it_names(
        demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        form.query_one("#field-due", Input).value = "2027-02-30"
        form.query_one("#field-title", Input).focus()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        # This form keeps its error line docked at the bottom: the field comes into view.
        _error_at(form, "field-due", "Due: 2027-02-30 is not a real date")


async def test_a_vote_setup_error_focuses_its_field_at_80x24(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, VoteSetupScreen)
        await pilot.press(*"Which?", "tab", "space", "down", "space")
        setup.query_one("#dots", Input).value = "0"
        setup.query_one("#question", Input).focus()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is setup
        line = _error_at(setup, "dots", "Dots per voter: 0 is below 1")
        _right_under(line, setup.query_one("#dots"))

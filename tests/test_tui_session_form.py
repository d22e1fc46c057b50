"""The session forms: end date and start/end times (checked), and a session's own profile
over the project's, set in the app and read back from disk."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from textual.widgets import Button, Input, TextArea
from tui_support import settle, stored

from smartplan_tui.app import make_app
from smartplan_tui.model import ProjectProfile, SessionInfo
from smartplan_tui.screens.profile_form import SessionProfileForm
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.session_form import SessionDetailsForm, SessionFormScreen
from smartplan_tui.store import SessionStore


def _set(form: Any, **values: str) -> None:
    for widget_id, value in values.items():
        form.query_one(f"#{widget_id}", Input).value = value


def _error(form: Any) -> str:
    return str(form.query_one("#form-error").render())


async def test_a_new_session_gets_its_end_date_and_times(store: SessionStore) -> None:
    app = make_app(store.home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SessionFormScreen)
        _set(form, title="Klaipėda ports workshop", date="2027-03-10", end_date="2027-03-09",
             start_time="09:30", end_time="17:00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and "End date: is before the start date" in _error(form)
        _set(form, end_date="2027-03-11", start_time="25.30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and "Start time: '25.30' is not a time of day (HH:MM)" in (
            _error(form))
        assert form.focused is form.query_one("#start_time")  # the field the error is about
        _set(form, start_time="9:30", end_time="17.00")  # as people write the time of day
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen), _error(form)
    info = stored(store, "klaipeda-ports-workshop").info
    assert (info.date, info.end_date, info.start_time, info.end_time) == (
        date(2027, 3, 10), date(2027, 3, 11), time(9, 30), time(17, 0))
    assert info.profile is None


async def test_i_sets_the_times_refusing_an_end_before_the_start(store: SessionStore) -> None:
    store.create(SessionInfo(id="w", title="Workshop", date=date(2027, 2, 3)))
    app = make_app(store.home, "w")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SessionDetailsForm)
        assert form.query_one("#date", Input).value == "2027-02-03"
        _set(form, start_time="14:00", end_time="09:00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and "End time: is before the start time" in _error(form)
        assert stored(store, "w").info.start_time is None
        _set(form, end_time="17:30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen), _error(form)
    info = stored(store, "w").info
    assert (info.date, info.end_date, info.start_time, info.end_time) == (
        date(2027, 2, 3), None, time(14, 0), time(17, 30))


async def test_a_session_gets_a_profile_of_its_own_over_the_projects(
        store: SessionStore) -> None:
    store.profile.save(ProjectProfile(project="Coastal Futures", programme="Interreg",
                                      author="Anna"))
    store.create(SessionInfo(id="w", title="Workshop"))
    app = make_app(store.home, "w")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SessionDetailsForm)
        assert "the project's" in str(form.query_one("#session-profile-open", Button).label)
        await pilot.press("ctrl+g")
        await settle(pilot)
        own = app.screen
        assert isinstance(own, SessionProfileForm)
        project = own.query_one("#profile-project", Input)
        assert project.value == "" and project.placeholder == "Coastal Futures"
        _set(own, **{"profile-author": "Ilze"})
        own.query_one("#profile-introduction", TextArea).text = "Day one.\n\nDay two."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "its own" in str(form.query_one("#session-profile-open", Button).label)
        assert stored(store, "w").info.profile is None  # kept in the form until it is saved
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen), _error(form)
    session = stored(store, "w")
    assert session.info.profile == ProjectProfile(author="Ilze",
                                                  introduction="Day one.\n\nDay two.")
    printed = SessionStore(store.home).profile.for_session(session)
    assert (printed.project, printed.author) == ("Coastal Futures", "Ilze")


async def test_emptying_a_sessions_profile_gives_it_the_projects_again(
        store: SessionStore) -> None:
    store.create(SessionInfo(id="w", title="Workshop", profile=ProjectProfile(author="Ilze")))
    app = make_app(store.home, "w")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#session-profile-open", Button).focus()  # below the fold
        await pilot.press("enter")
        await settle(pilot)
        own = app.screen
        assert isinstance(own, SessionProfileForm)
        assert own.query_one("#profile-author", Input).value == "Ilze"
        _set(own, **{"profile-author": ""})
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
    assert stored(store, "w").info.profile is None

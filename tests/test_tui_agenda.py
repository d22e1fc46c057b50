"""The session screen's agenda: reorder, the session's details, the schedule, time up."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from textual.widgets import Input
from tui_support import settle, stored, type_into

from smartplan_tui.app import make_app
from smartplan_tui.model import AgendaItem, Session, SessionInfo
from smartplan_tui.screens import session as session_screen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.session_form import SessionDetailsForm
from smartplan_tui.store import SessionStore

T0 = datetime(2026, 12, 1, 9, 0).astimezone()


def _agenda_session(store: SessionStore, *items: AgendaItem) -> None:
    store.create(SessionInfo(id="w", title="Workshop"))
    store.open("w").apply(lambda s, _new_id: replace(s, agenda=items))


def _ids(store: SessionStore) -> list[str]:
    session: Session = stored(store, "w")
    return [item.id for item in session.agenda]


async def test_ctrl_arrows_reorder_the_agenda(store: SessionStore) -> None:
    _agenda_session(store, AgendaItem("ag1", "Welcome", 15), AgendaItem("ag2", "SWOT", 45),
                    AgendaItem("ag3", "Voting", 30))
    app = make_app(store.home, "w")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("ctrl+down")
        await settle(pilot)
        assert _ids(store) == ["ag2", "ag1", "ag3"]
        await pilot.press("ctrl+down")  # the moved item stays highlighted
        await settle(pilot)
        assert _ids(store) == ["ag2", "ag3", "ag1"]
        assert screen.selected_item_id() == "ag1"
        await pilot.press("ctrl+up", "ctrl+up")
        await settle(pilot)
        assert _ids(store) == ["ag1", "ag2", "ag3"]


async def test_i_edits_the_title_date_and_place(store: SessionStore) -> None:
    _agenda_session(store)
    app = make_app(store.home, "w")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SessionDetailsForm)
        form.query_one("#title", Input).value = ""
        await type_into(pilot, "Coast camp [day 2]")
        form.query_one("#date", Input).focus()
        await pilot.pause()
        await type_into(pilot, "2027-02-03")
        form.query_one("#place", Input).focus()
        await pilot.pause()
        await type_into(pilot, "Liepāja")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen), str(form.query_one("#form-error").render())
        title = str(app.screen.query_one("#session-title").render())
        assert "Coast camp [day 2]" in title and "2027-02-03" in title and "Liepāja" in title
    info = stored(store, "w").info
    assert (info.title, info.date, info.place) == ("Coast camp [day 2]", date(2027, 2, 3),
                                                   "Liepāja")


async def test_the_panel_says_ahead_or_behind_schedule(
        store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    _agenda_session(store,
                    AgendaItem("ag1", "Welcome", 15, started_at=T0,
                               ended_at=T0 + timedelta(minutes=12)),
                    AgendaItem("ag2", "SWOT", 45, started_at=T0 + timedelta(minutes=12)))
    monkeypatch.setattr(session_screen, "now", lambda: T0 + timedelta(minutes=32))
    app = make_app(store.home, "w")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = str(app.screen.query_one("#plan-vs-actual").render())
        assert "3 min ahead of schedule" in panel  # SWOT's 25 minutes to come are not saved
        monkeypatch.setattr(session_screen, "now", lambda: T0 + timedelta(minutes=65))
        assert isinstance(app.screen, SessionScreen)
        app.screen.update_clock()
        await pilot.pause()
        assert "5 min behind schedule" in str(app.screen.query_one("#plan-vs-actual").render())


async def test_time_up_flashes_and_rings_once(store: SessionStore,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _agenda_session(store, AgendaItem("ag1", "Welcome", 15, started_at=T0))
    clock = {"now": T0 + timedelta(minutes=14, seconds=58)}
    monkeypatch.setattr(session_screen, "now", lambda: clock["now"])
    app = make_app(store.home, "w")
    rings: list[Any] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(clock["now"]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        countdown = screen.query_one("#countdown")
        assert not countdown.has_class("time-up") and rings == []
        clock["now"] = T0 + timedelta(minutes=15)
        screen.update_clock()
        await pilot.pause()
        assert countdown.has_class("time-up") and len(rings) == 1
        for seconds in (1, 2, 30):
            clock["now"] = T0 + timedelta(minutes=15, seconds=seconds)
            screen.update_clock()
        await pilot.pause()
        assert len(rings) == 1  # once, not every second it stays over

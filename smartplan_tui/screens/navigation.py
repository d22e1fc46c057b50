"""Going anywhere: the palette's "go to" commands, and the running agenda item's exercise.

The command palette already lists every key of the screen on show (`app.get_system_commands`);
this provider adds the places that screen has no key for: every exercise of the open
session, the agenda, export, the room, the project profile, the list of sessions, and each
session by its title. A place the screen has a key for (the session screen's `w`) is left
to that key's command, so each command is listed once; places that need a session are
offered only while one is open.

Full screens open from the session screen, as their keys do: the screens above it are
closed first, so Esc from the place reached goes back to the agenda, and the stack of
screens never grows by jumping around. Dialogs (export, profile) open over the screen on show.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from smartplan_tui.dates import long_date
from smartplan_tui.exercises import agenda as agenda_logic
from smartplan_tui.i18n import N_, _
from smartplan_tui.records import record
from smartplan_tui.screens.home import HomeScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.session_parts import EXERCISES, exercise_named
from smartplan_tui.screens.widgets.commands import merged_bindings
from smartplan_tui.store import SessionSummary, StoreError
from smartplan_tui.text import visible

if TYPE_CHECKING:
    from smartplan_tui.app import SmartPlanApp

__all__ = ["NavigationCommands", "open_running_exercise", "session_screen"]


@record
class Place:
    """Somewhere the palette goes: its command, and the keys that already go there."""

    name: str
    title: str
    """The command's name, a message id (`Go to the SWOT board`)."""
    keys: tuple[str, ...] = ()
    """Ids of bindings that go there: a screen with one of them lists that command instead."""
    screen: str = ""
    """The screen shown there (`module:Class`): no command to go where one already is."""
    needs_session: bool = True


#: The titles of the exercises' commands, by exercise name.
EXERCISE_TITLES = {
    "swot": N_("Go to the SWOT board"),
    "tows": N_("Go to TOWS strategies"),
    "voting": N_("Go to votes"),
    "actions": N_("Go to the action plan"),
    "participants": N_("Go to participants"),
    "notes": N_("Go to the notes log"),
}

PLACES: tuple[Place, ...] = (
    Place("agenda", N_("Go to the agenda (session)"), (),
          "smartplan_tui.screens.session:SessionScreen"),
    *(Place(e.name, EXERCISE_TITLES.get(e.name, e.command), (f"open_{e.name}",)
            + (("votes_plan",) if e.name == "actions" else ()), e.screen) for e in EXERCISES),
    Place("export", N_("Export the session"), ("session_export", "export_run")),
    Place("room", N_("Go to the room (phones join)"), ("session_room",),
          "smartplan_tui.screens.room:RoomScreen"),
    Place("history", N_("Go to the history of changes"), ("history",),
          "smartplan_tui.screens.history:HistoryScreen"),
    Place("profile", N_("Edit the project profile"), ("home_profile",), needs_session=False),
    Place("sessions", N_("Go to the list of sessions"), ("session_back",),
          "smartplan_tui.screens.home:HomeScreen", needs_session=False),
)


def session_screen(app: SmartPlanApp) -> SessionScreen | None:
    """The open session's screen: the session screen nearest the top, unless the list of
    sessions is shown above it (then no session is open)."""
    for screen in reversed(app.screen_stack):
        if isinstance(screen, HomeScreen):
            return None
        if isinstance(screen, SessionScreen):
            return screen
    return None


def _close_above(app: SmartPlanApp, screen: Screen[Any]) -> None:
    """Close every screen above `screen`, so that it is the one shown."""
    while app.screen is not screen and len(app.screen_stack) > 1:
        app.pop_screen()


def _go_home(app: SmartPlanApp) -> None:
    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
    if home is not None:
        _close_above(app, home)
        return
    _close_above(app, app.screen_stack[0])
    app.action_sessions()  # started on a session: the list goes on top of it


def _open_session(app: SmartPlanApp, session_id: str) -> None:
    _go_home(app)
    app.open_session(session_id)


def _go(app: SmartPlanApp, place: Place) -> None:
    """Carry out a place's command (from the palette: the palette is closed by now)."""
    if place.name == "sessions":
        _go_home(app)
        return
    if place.name == "profile":
        from smartplan_tui.screens.profile_form import ProfileScreen

        app.push_screen(ProfileScreen(app.store))
        return
    session = session_screen(app)
    if session is None:
        app.notify(_("Open a session first."), severity="warning")
        return
    if place.name == "export":
        from smartplan_tui.screens.export import ExportScreen

        app.push_screen(ExportScreen(session.session))
        return
    _close_above(app, session)
    if place.name == "room":
        session.action_room()
    elif place.name == "history":
        app.action_history()
    elif place.name != "agenda":
        session.action_exercise(place.name)


def open_running_exercise(app: SmartPlanApp) -> None:
    """Open the exercise of the agenda item running now, from any screen of the session."""
    session = session_screen(app)
    if session is None:
        app.notify(_("Open a session first: the running item is on its agenda."),
                   severity="warning")
        return
    # As it is on disk now: a covered session screen does not poll, and another terminal
    # may have started the next item a moment ago.
    session.refresh_session()
    item = agenda_logic.running(session.session.agenda)
    if item is None:
        app.notify(_("No agenda item is running: press s on the agenda to start one."),
                   severity="warning")
        return
    exercise = exercise_named(item.exercise)
    if exercise is None:
        app.notify(_("The running item “{title}” has no exercise: give it one with Enter on "
                     "the agenda.").format(title=visible(item.title, 40)),
                   severity="warning", markup=False)
        return
    if _screen_path(app.screen) == exercise.screen:
        app.notify(_("“{title}” runs now: this is its screen.").format(
            title=visible(item.title, 40)), markup=False)
        return
    _close_above(app, session)
    session.action_exercise(exercise.name)


def _screen_path(screen: Screen[Any]) -> str:
    return f"{type(screen).__module__}:{type(screen).__name__}"


class NavigationCommands(Provider):
    """The palette's places (see the module's docstring), found by any part of their name."""

    def __init__(self, screen: Screen[Any], match_style: Any = None) -> None:
        super().__init__(screen, match_style)
        self._sessions: list[SessionSummary] = []

    @property
    def smartplan(self) -> SmartPlanApp:
        return cast("SmartPlanApp", self.app)

    async def startup(self) -> None:
        """Read the list of sessions once per opening of the palette, off the UI thread."""
        try:
            self._sessions = await asyncio.to_thread(self.smartplan.store.list_sessions)
        except (StoreError, OSError):
            self._sessions = []  # the home screen says which session cannot be read

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], None]]]:
        """(name, help, callback) of every command that applies on the screen on show."""
        app = self.smartplan
        shown = self.screen
        keys = {binding.id for node in (shown, app) for binding in merged_bindings(type(node))
                if binding.id}
        session = session_screen(app)
        for place in PLACES:
            if (place.needs_session and session is None) or keys.intersection(place.keys):
                continue
            if place.screen and place.screen == _screen_path(shown):
                continue
            if place.name == "history" and not _has_history():
                continue
            yield _(place.title), "", partial(_go, app, place)
        open_id = session.handle.id if session is not None else None
        for summary in self._sessions:
            if summary.id != open_id:
                title = visible(summary.title, 60)
                yield (_("Open session: {title}").format(title=title), _when_and_where(summary),
                       partial(_open_session, app, summary.id))

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name,
                          help=help_text or None)


def _when_and_where(summary: SessionSummary) -> str:
    """`1 December 2026 · Liepāja`: what tells sessions apart to a person (their ids do not);
    "" when the session has neither a date nor a place."""
    return " · ".join(part for part in (long_date(summary.date), visible(summary.place, 40))
                      if part)


def _has_history() -> bool:
    """Whether this SmartPlan has the history screen (an optional part)."""
    import importlib.util

    return importlib.util.find_spec("smartplan_tui.screens.history") is not None

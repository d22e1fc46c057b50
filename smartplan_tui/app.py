"""The SmartPlan Textual app: a thin shell that owns the store, the theme and global keys.

Screens do the work (`smartplan_tui.screens`); the app only knows where the data lives,
which session is open (for the quick-capture key) and how to turn every binding of the
active screen into a command-palette entry, so each command is defined once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from smartplan_tui.store import SessionHandle, SessionStore, StoreError, data_home
from smartplan_tui.text import visible

if TYPE_CHECKING:
    from textual.theme import Theme

#: Set to make the app exit as soon as its first screen is drawn (bench/): "1", or a file
#: path to which the wall-clock time (`time.time()`) of that moment is written first.
EXIT_ON_READY = "SMARTPLAN_EXIT_ON_READY"

DEFAULT_THEME = "textual-dark"


class SmartPlanApp(App[None]):
    """Home screen first, or the session screen when a session id is given."""

    CSS_PATH: ClassVar[str | None] = "app.tcss"
    """App-wide rules only: each screen's are in its own CSS_PATH (see `_read_screen_css`)."""
    TITLE = "SmartPlan"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+n", "quick_note", "Quick note", priority=True, id="quick_note"),
        Binding("ctrl+t", "change_theme", "Theme", id="theme"),
        Binding("ctrl+q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, home: Path | None = None, session_id: str | None = None) -> None:
        super().__init__()
        self.store = SessionStore(home if home is not None else data_home())
        self.start_session_id = session_id
        self.start_error = ""
        """Why the session asked for on the command line could not be opened."""
        self.current_handle: SessionHandle | None = None
        """The session the active screen shows (set by `LiveScreen`); quick notes go there."""
        theme = self.store.settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        else:
            self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen[Any]:
        """The session asked for, else the home screen.

        Starting straight on the session (not home with the session on top) means the home
        screen is built only when the user goes back to it (`action_sessions`): start-up
        pays for one screen, not two.
        """
        screen = self._first_screen()
        self._read_screen_css(screen)
        return screen

    def _first_screen(self) -> Screen[Any]:
        from smartplan_tui.screens.home import HomeScreen

        if self.start_session_id:
            from smartplan_tui.screens.session import SessionScreen

            try:
                return SessionScreen(self.store.open(self.start_session_id))
            except StoreError as error:
                self.start_error = str(error)
        return HomeScreen()

    def _read_screen_css(self, screen: Screen[Any]) -> None:
        """Add `screen`'s own CSS_PATH files to the stylesheet.

        Textual reads a screen's CSS_PATH when the screen is pushed, but not for the
        default screen; read here, the first screen's rules can live beside it like every
        other screen's. Pushed again later, the files are known and not read twice.
        """
        for path in screen.css_path:
            if not self.stylesheet.has_source(str(path)):
                self.stylesheet.read(path)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.start_error:
            self.notify(visible(self.start_error), severity="error", markup=False)
        self._report_unfinished_erasure()
        self.run_worker(self._report_due_sessions, thread=True, group="retention",
                        exit_on_error=False)

    def _report_due_sessions(self) -> None:
        """Sessions past their retention date hold personal data that should be gone."""
        from datetime import date

        from smartplan_tui.store.erasure import due_sessions

        try:
            due = due_sessions(self.store, date.today())
        except StoreError:
            return  # an unreadable session is the home screen's to report
        if due:
            names = ", ".join(info.id for info in due[:8]) + (" …" if len(due) > 8 else "")
            self.call_from_thread(
                self.notify, visible(f"{len(due)} session(s) past their retention date: {names}. "
                                     "Run `smartplan privacy purge --due` to erase their "
                                     "participants."), severity="warning", timeout=30,
                markup=False)

    def _report_unfinished_erasure(self) -> None:
        """An erasure that was interrupted leaves personal data behind: say so at once."""
        from smartplan_tui.store.erasure import pending

        try:
            plan = pending(self.store.home)
        except StoreError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        if plan is not None:
            self.notify(visible(f"An erasure started {plan.started} was not finished "
                                f"(sessions {', '.join(plan.people)}): run `smartplan privacy "
                                "erase` to complete it."), severity="error", timeout=30,
                        markup=False)

    def action_sessions(self) -> None:
        """Back to the list of sessions (built now if the app started on a session)."""
        from smartplan_tui.screens.home import HomeScreen

        if len(self.screen_stack) > 1:
            self.pop_screen()
        else:  # started on the session: home goes on top (Textual cannot swap the base)
            self.push_screen(HomeScreen())

    def on_ready(self) -> None:
        if os.environ.get(EXIT_ON_READY):
            # After the top screen's next paint: it is composed, drawn and taking keys.
            self.screen.call_after_refresh(self._exit_for_bench)

    def _exit_for_bench(self) -> None:
        target = os.environ.get(EXIT_ON_READY, "")
        if target != "1":
            Path(target).write_text(repr(time.time()))
        self.exit()

    def open_session(self, session_id: str) -> None:
        """Push the session screen for `session_id`; a missing session is one error line."""
        from smartplan_tui.screens.session import SessionScreen

        try:
            handle = self.store.open(session_id)
            screen = SessionScreen(handle)
        except StoreError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        self.push_screen(screen)

    def _remember_theme(self, theme: Theme) -> None:
        if self.store.settings().get("theme") == theme.name:
            return
        try:
            self.store.save_setting("theme", theme.name)
        except OSError as error:
            self.notify(visible(f"could not remember the theme: {error}"), severity="error",
                        markup=False)

    # ------------------------------------------------------------------ actions

    def action_help(self) -> None:
        from smartplan_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_quick_note(self) -> None:
        """Capture a note into the open session from any screen."""
        from smartplan_tui.screens.quick_note import QuickNoteScreen

        if isinstance(self.screen, QuickNoteScreen):
            return
        if self.current_handle is None:
            self.notify("Open a session first: notes belong to a session.", severity="warning")
            return
        self.push_screen(QuickNoteScreen(self.current_handle))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every described binding of the screen and the app, then Textual's own commands."""
        from smartplan_tui.screens.widgets.commands import commands

        titles: set[str] = set()
        for command in commands(screen, self):
            binding = command.binding
            titles.add(binding.description.lower())
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip or binding.description} ({', '.join(command.keys)})",
                partial(self.run_action, command.action, command.target),
            )
        for system in super().get_system_commands(screen):
            if system.title.lower() not in titles:
                yield system

def make_app(home: Path | None = None, session_id: str | None = None) -> SmartPlanApp:
    """The one way to build the app: the CLI and the tests both call this."""
    return SmartPlanApp(home, session_id)

"""The SmartPlan Textual app: a thin shell that owns the store, the theme and global keys.

Screens do the work (`smartplan_tui.screens`); the app only knows where the data lives,
which session is open (for the quick-capture key) and how to turn every binding of the
active screen into a command-palette entry, so each command is defined once. The places a
screen has no key for (another exercise, a session by its title) are the palette's too,
from `screens/navigation.py`.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.screen import Screen

from smartplan_tui.i18n import LANGUAGE_NAMES, _, interface_language, ngettext
from smartplan_tui.store import (
    NothingToUndo,
    SessionHandle,
    SessionStore,
    StoreError,
    data_home,
    terminal_author,
)
from smartplan_tui.text import visible

if TYPE_CHECKING:
    from textual.theme import Theme

#: Set to make the app exit as soon as its first screen is drawn (bench/): "1", or a file
#: path to which the wall-clock time (`time.time()`) of that moment is written first.
EXIT_ON_READY = "SMARTPLAN_EXIT_ON_READY"

DEFAULT_THEME = "textual-dark"

#: Opens the running agenda item's exercise from any screen (an F key: it is never text).
RUNNING_KEY = "f5"


def _tune_garbage_collection() -> None:
    """Leave out of every later garbage collection what is built by the first screen, and
    collect the youngest objects less often.

    The code, the screen, a session's thousands of items live as long as the app; walking
    them again and again cost a big session's start-up a collection of ~20 ms. Once per
    process (a test run makes many apps: the first one's objects are all that stay)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
        gc.set_threshold(YOUNG_COLLECTION_AT, *gc.get_threshold()[1:])


#: Allocations between two collections of the youngest objects (Python's default: 700). A
#: screen of 2,000 rows allocates ~50,000 objects at once, none of them garbage: at 700
#: that is seventy collections before its first paint.
YOUNG_COLLECTION_AT = 10_000


_frozen = False


def _navigation_commands() -> type[Provider]:
    """The palette's places to go (imported when the palette first opens: start-up stays lean)."""
    from smartplan_tui.screens.navigation import NavigationCommands

    return NavigationCommands


class SmartPlanApp(App[None]):
    """Home screen first, or the session screen when a session id is given."""

    CSS_PATH: ClassVar[str | None] = "app.tcss"
    """App-wide rules only: each screen's are in its own CSS_PATH (see `_read_screen_css`)."""
    TITLE = "SmartPlan"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = (
        App.COMMANDS | {_navigation_commands})

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", _("Help"), id="help"),
        Binding("ctrl+n", "quick_note", _("Quick note"), priority=True, id="quick_note"),
        Binding("ctrl+t", "change_theme", _("Theme"), id="theme"),
        Binding("ctrl+q", "quit", _("Quit"), id="quit"),
        Binding(RUNNING_KEY, "running_exercise", _("Running item's exercise"), show=False,
                id="running_exercise"),
        # In the palette and F1 on every screen; a screen shows them in its footer itself.
        Binding("u,ctrl+z", "undo", _("Undo"), show=False, id="undo"),
        Binding("ctrl+y", "redo", _("Redo"), show=False, id="redo"),
        Binding("ctrl+r", "history", _("History"), show=False, id="history"),
    ]

    def __init__(self, home: Path | None = None, session_id: str | None = None,
                 author: str | None = None) -> None:
        super().__init__()
        self.store = SessionStore(home if home is not None else data_home(),
                                  author=author or terminal_author())
        self.start_session_id = session_id
        self.start_error = ""
        """Why the session asked for on the command line could not be opened."""
        self.restart_language: str | None = None
        """Set when the user chose another interface language: start again speaking it."""
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
        _tune_garbage_collection()
        return screen

    def _first_screen(self) -> Screen[Any]:
        if self.start_session_id:
            from smartplan_tui.screens.session import SessionScreen

            try:
                return SessionScreen(self.store.open(self.start_session_id))
            except StoreError as error:
                self.start_error = str(error)
        from smartplan_tui.screens.home import HomeScreen  # only when it is the first screen

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

    def _report_privacy(self) -> None:
        """Personal data that should be gone, said once the first screen is up (a thread:
        the checks read every session, and the first paint does not wait for them)."""
        self._report_unfinished_erasure()
        self._report_due_sessions()

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
                self.notify, visible(ngettext(
                    "{n} session past its retention date: {names}. Run `smartplan privacy purge "
                    "--due` to erase its participants.",
                    "{n} sessions past their retention date: {names}. Run `smartplan privacy "
                    "purge --due` to erase their participants.", len(due)).format(
                        n=len(due), names=names)), severity="warning", timeout=30,
                markup=False)

    def _report_unfinished_erasure(self) -> None:
        """An erasure that was interrupted leaves personal data behind: say so at once
        (from the privacy thread)."""
        from smartplan_tui.store.erasure import pending

        try:
            plan = pending(self.store.home)
        except StoreError as error:
            self.call_from_thread(self.notify, visible(str(error)), severity="error",
                                  markup=False)
            return
        if plan is not None:
            self.call_from_thread(
                self.notify, visible(_("An erasure started {started} was not finished "
                                       "(sessions {sessions}): run `smartplan privacy erase` "
                                       "to complete it.").format(
                                           started=plan.started, sessions=", ".join(plan.people))),
                severity="error", timeout=30, markup=False)

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
        # Once the first screen is up: the checks read every session, in a thread that would
        # otherwise share the interpreter with the first paint.
        self.screen.call_after_refresh(self.run_worker, self._report_privacy, thread=True,
                                       group="privacy", exit_on_error=False)

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
            self.notify(visible(_("could not remember the theme: {error}").format(error=error)),
                        severity="error", markup=False)

    # ------------------------------------------------------------------ actions

    def action_help(self) -> None:
        from smartplan_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_running_exercise(self) -> None:
        """Open the exercise of the agenda item running now, from any screen."""
        from smartplan_tui.screens.navigation import open_running_exercise

        open_running_exercise(self)

    def action_quick_note(self) -> None:
        """Capture a note into the open session from any screen."""
        from smartplan_tui.screens.quick_note import QuickNoteScreen

        if isinstance(self.screen, QuickNoteScreen):
            return
        handle = self._open_session(_("Open a session first: notes belong to a session."))
        if handle is not None:
            self.push_screen(QuickNoteScreen(handle))

    def _open_session(self, why: str) -> SessionHandle | None:
        """The session the active screen shows, or None after a warning saying `why` a
        session is needed (the keys that work on one work from every screen)."""
        if self.current_handle is None:
            self.notify(why, severity="warning")
        return self.current_handle

    def action_undo(self) -> None:
        """Undo this terminal's newest change to the open session, whatever screen is shown."""
        self._turn_history(lambda handle: handle.undo())

    def action_redo(self) -> None:
        """Redo the change this terminal undid last."""
        self._turn_history(lambda handle: handle.redo())

    def _turn_history(self, write: Callable[[SessionHandle], str]) -> None:
        from smartplan_tui.screens.live import LiveScreen, run_write

        handle = self._open_session(
            _("Open a session first: undo works on a session's changes."))
        if handle is None:
            return

        def turn() -> str | None:
            """What was turned; None (a warning says why) when nothing is left to turn."""
            try:
                return write(handle)
            except NothingToUndo as nothing:
                self.notify(visible(str(nothing)), severity="warning", markup=False)
                return None

        screen = self.screen
        said = screen.save(turn) if isinstance(screen, LiveScreen) else run_write(screen, turn)
        if said:
            self.notify(visible(said, 200), markup=False)

    def action_history(self) -> None:
        """Every change to the open session, newest first; any of them can be undone there."""
        from smartplan_tui.screens.history import HistoryScreen

        if isinstance(self.screen, HistoryScreen):
            return
        handle = self._open_session(_("Open a session first: the history is a session's."))
        if handle is not None:
            self.push_screen(HistoryScreen(handle))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every described binding of the screen and the app, then Textual's own commands."""
        from smartplan_tui.screens.widgets.commands import commands
        from smartplan_tui.screens.widgets.palette import translated

        titles: set[str] = set()
        for command in commands(screen, self):
            binding = command.binding
            titles.add(command.description.lower())
            yield SystemCommand(
                command.description,
                f"{binding.tooltip or command.description} ({', '.join(command.keys)})",
                partial(self.run_action, command.action, command.target),
            )
        for system in super().get_system_commands(screen):
            if _(system.title).lower() not in titles:
                yield translated(system)

    # ------------------------------------------------------------------ Textual's palette

    def action_command_palette(self) -> None:
        """Textual's palette, searching in the interface language."""
        from smartplan_tui.screens.widgets.palette import TranslatedPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(TranslatedPalette(id="--command-palette"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from smartplan_tui.screens.widgets.palette import TranslatedPalette

        self.push_screen(TranslatedPalette(providers=[ThemeProvider],
                                           placeholder=_("Search for themes…")))

    # ------------------------------------------------------------------ the language

    def action_switch_language(self) -> None:
        """Pick the interface language: saved, then SmartPlan starts again speaking it."""
        from textual.command import SimpleCommand, SimpleProvider

        from smartplan_tui.screens.widgets.palette import TranslatedPalette

        choices: list[Any] = [SimpleCommand(name, partial(self.switch_language, code),
                                            "✓" if code == interface_language() else "")
                              for code, name in LANGUAGE_NAMES.items()]
        self.push_screen(TranslatedPalette(providers=[SimpleProvider(self.screen, choices)],
                                           placeholder=_("Interface language…")))

    def switch_language(self, language: str) -> None:
        """Save `language` as the interface language and exit so the launcher restarts."""
        try:
            self.store.save_setting("language", language)
        except StoreError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        self.restart_language = language
        self.exit()

def make_app(home: Path | None = None, session_id: str | None = None,
             author: str | None = None) -> SmartPlanApp:
    """The one way to build the app: the CLI and the tests both call this.

    `author` names this app's edits in the history (default: its terminal, `terminal pts/3`).
    """
    return SmartPlanApp(home, session_id, author)

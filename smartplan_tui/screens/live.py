"""A base for screens that show one session and keep it live across processes.

Why a base class: every session screen must (1) notice within a second when another
process (a note-taker's terminal, the command line) wrote the session, (2) reload it off
the UI thread, (3) hand the new frozen `Session` to its widgets without disturbing what
the user is typing, and (4) show a failed save instead of swallowing it. Doing that once
here keeps the screens small and the behaviour identical.

(1) and (2) are one cheap thread-worker call to `handle.load()` per poll (see `_poll`).

How to use it::

    class BoardScreen(LiveScreen):
        def watch_session(self, session: Session) -> None:
            self.query_one(ItemList).show(session.swot)   # update, never recompose

        def action_add(self) -> None:
            self.save(lambda: self.handle.add(SWOT, lambda new_id: SwotItem(...)))

Rules for subclasses: react to `session` by *updating* existing widgets (never
`recompose()` or remove an `Input`), so a half-typed text survives a reload.
`watch_session` is called once when the screen mounts and after every change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual import work
from textual.reactive import reactive
from textual.screen import Screen

from smartplan_tui.collection_registry import Collection
from smartplan_tui.i18n import _
from smartplan_tui.model import LIST_NAMES, ModelError, Session
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.worker_errors import WorkerErrors
from smartplan_tui.store import SessionHandle, StoreError
from smartplan_tui.text import visible

if TYPE_CHECKING:
    from smartplan_tui.app import SmartPlanApp

T = TypeVar("T")

#: How often the session files are checked for writes by other processes (one `stat`).
POLL_SECONDS = 0.5

RELOAD_GROUP = "session-reload"


def show_error(screen: Screen[Any], error: Exception, what: str | None = None) -> None:
    """One line naming what went wrong, as an error notification (never a traceback).

    Errors quote user text: shown literally (no markup), control characters as pictures.
    `what` is the notification's title ("Not saved" when not given).
    """
    screen.notify(visible(error_line(error)), title=what or _("Not saved"), severity="error",
                  timeout=8, markup=False)


def error_line(error: Exception) -> str:
    """`error` as a planner reads it: a refusal located only by the list it is about
    (`swot: cannot merge “Ports” with itself`) is its reason alone, since the list's code
    name means nothing on a screen in any language; other errors as they are."""
    if isinstance(error, ModelError) and error.path in LIST_NAMES:
        return error.reason
    return str(error)


def attempt(screen: Screen[Any], write: Callable[[], T]) -> tuple[bool, T | None]:
    """Run a store write; on `StoreError`/`ModelError` show it. (succeeded, its result)."""
    try:
        return True, write()
    except (StoreError, ModelError) as error:
        show_error(screen, error)
        return False, None


def run_write(screen: Screen[Any], write: Callable[[], T]) -> T | None:
    """Run a store write; its result, or None (and the error shown) when it failed."""
    return attempt(screen, write)[1]


def write_succeeded(screen: Screen[Any], write: Callable[[], object]) -> bool:
    """Run a store write that returns nothing useful; False (and shown) when it failed."""
    return attempt(screen, write)[0]


class LiveScreen(WorkerErrors, Screen[None]):
    """A screen bound to one open session, reloaded whenever the session files change."""

    session: reactive[Session] = reactive(cast(Session, None), always_update=True)
    """The session as last read from disk; assigned (never mutated) on every change."""

    def __init__(self, handle: SessionHandle, *, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.handle = handle
        self._tickets = 0
        """Numbers every read of the session, in the order they began."""
        self._shown_ticket = 0
        """The number of the read on screen: an older read finishing late is dropped, so a
        slow poll can never undo an edit made (and shown) after it began."""
        self.set_reactive(LiveScreen.session, handle.load())

    @property
    def smartplan(self) -> SmartPlanApp:
        return cast("SmartPlanApp", self.app)

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self._poll, name="session-poll")

    def on_screen_resume(self) -> None:
        self.smartplan.current_handle = self.handle
        # Another screen of this process may have written the session meanwhile.
        self.reload()

    def _poll(self) -> None:
        """Every half second, while this screen is shown: is there a newer session?

        Not just `handle.changed()`: it is per handle, and the screens of this process
        share one handle, so the screen beneath (or a quick note) may have loaded the
        change first, leaving this screen stale with `changed()` already False.
        `handle.load()` answers for this screen: when nothing changed it costs a lock and a
        `stat` and returns the object already shown, so the worker ends without touching
        the UI.
        """
        if self.is_current and not self._loading():  # shown, and not still reading
            self.reload()

    def _loading(self) -> bool:
        return any(w.node is self and w.group == RELOAD_GROUP and not w.is_finished
                   for w in self.app.workers)

    def _ticket(self) -> int:
        self._tickets += 1
        return self._tickets

    def reload(self) -> None:
        """Read the session off the UI thread and show it if it changed."""
        self._load_in_thread(self._ticket())

    @work(thread=True, group=RELOAD_GROUP, exit_on_error=False)
    def _load_in_thread(self, ticket: int) -> None:
        try:
            session = self.handle.load()
        except (StoreError, ModelError) as error:
            self.app.call_from_thread(show_error, self, error, _("Cannot read the session"))
            return
        self.app.call_from_thread(self._receive, session, ticket)

    def _receive(self, session: Session, ticket: int) -> None:
        if ticket < self._shown_ticket:
            return  # began before what is on screen: older
        self._shown_ticket = ticket
        if session is not self.session:
            self.session = session

    def save(self, write: Callable[[], T]) -> T | None:
        """Run a durable store write, show its error if it fails, then show the new state.

        Returns what `write` returned, or None when the write was refused.
        """
        succeeded, result = attempt(self, write)
        if succeeded:
            self.refresh_session()
        return result

    def add_drafted(self, collection: Collection[Any], form: Screen[Any]) -> None:
        """Open `form`; store the draft it returns as a new item of `collection`.

        Forms return drafts with a placeholder id; the store gives the real one under its
        lock, so two note-takers adding at once never collide.
        """
        def done(draft: Any) -> None:
            if draft is not None:
                self.save(lambda: self.handle.add(
                    collection, lambda new_id: replace(draft, id=new_id)))

        self.app.push_screen(form, done)

    def confirm_remove(self, collection: Collection[Any], item_id: str, question: str,
                       label: str | None = None) -> None:
        """Ask `question` (shown literally); on yes remove the item and show the result."""
        def answered(yes: bool | None) -> None:
            if yes:
                self.save(lambda: self.handle.remove(collection, item_id))

        self.app.push_screen(ConfirmScreen(question, label), answered)

    def refuse(self, why: str) -> None:
        """Say in one warning line why a key did nothing: a silent key looks broken."""
        self.notify(visible(why), severity="warning", markup=False)

    def refresh_session(self) -> None:
        """Show this process's own write at once (the handle's cache makes this cheap)."""
        try:
            self._receive(self.handle.load(), self._ticket())
        except (StoreError, ModelError) as error:
            show_error(self, error, _("Cannot read the session"))

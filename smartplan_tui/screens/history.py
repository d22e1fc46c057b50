"""The History screen: every change to the session, newest first, and any one undone.

Why a screen of its own: ctrl+z undoes only this terminal's newest change; here a
facilitator sees who changed what (a note-taker's browser, a phone, the command line) and
can take back any single change. A change that someone edited again since is not undone
without asking first (the store refuses it with `ChangedSince`, naming the item and who).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.widgets import Header, Static

from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError, Session
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.live import LiveScreen, show_error
from smartplan_tui.screens.widgets.item_list import ItemList, Row
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.store import ChangedSince, HistoryEntry, SessionHandle, StoreError
from smartplan_tui.text import fit, visible

#: Columns of the author (`browser 192.168.100.200` fits), so the "what" column lines up.
WHO_WIDTH = 23


def when(at: datetime, today: datetime | None = None) -> str:
    """HH:MM for today's changes, the date before it for older ones."""
    now = today or datetime.now()
    return at.strftime("%H:%M") if at.date() == now.date() else at.strftime("%Y-%m-%d %H:%M")


def entry_row(entry: HistoryEntry, today: datetime | None = None, when_width: int = 5) -> Text:
    """One row: when, who, what (struck through once undone), all literal."""
    row = Text(f"{when(entry.at, today):>{when_width}}  ", style="dim")
    row.append(fit(entry.by, WHO_WIDTH) + "  ")
    row.append(visible(entry.what), style="" if entry.in_effect else "dim strike")
    return row


class HistoryScreen(LiveScreen):
    """Changes newest first; Enter or u undoes the highlighted one (or redoes it if undone)."""

    TITLE = _("History")

    CSS_PATH = "history.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", _("Back"), id="history_back"),
        Binding("u", "undo_entry", _("Undo/redo this"), id="history_toggle"),
    ]

    def __init__(self, handle: SessionHandle) -> None:
        super().__init__(handle)
        self.entries: list[HistoryEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Newest first. Enter or u undoes a change, or redoes an undone one."),
                     id="history-hint", markup=False)
        yield ItemList(id="history-list")
        yield Static("", id="history-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.sub_title = visible(self.session.info.title, 80)
        self.watch_session(self.session)
        self.query_one(ItemList).focus()

    def watch_session(self, session: Session) -> None:
        try:
            listing = self.query_one(ItemList)
        except NoMatches:  # not composed yet: on_mount shows the first list
            return
        keep = listing.highlighted_id()
        self.entries = self.handle.history()
        today = datetime.now()
        width = max((len(when(e.at, today)) for e in self.entries), default=5)
        listing.set_rows([Row(e.id, entry_row(e, today, width)) for e in self.entries], keep)
        if not self.entries:
            self.query_one("#history-detail", Static).update(_("No changes yet."))
        else:
            self._show_detail()

    def on_item_list_highlighted(self, event: ItemList.Highlighted) -> None:
        self._show_detail()

    def on_item_list_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        self.action_undo_entry()

    def _highlighted(self) -> HistoryEntry | None:
        wanted = self.query_one(ItemList).highlighted_id()
        return next((e for e in self.entries if e.id == wanted), None)

    def _show_detail(self) -> None:
        entry = self._highlighted()
        if entry is not None:
            state = _("in effect") if entry.in_effect else _("taken back")
            self.query_one("#history-detail", Static).update(Text(
                f"{entry.at:%Y-%m-%d %H:%M:%S} · {visible(entry.by, 60)} · {state}\n"
                f"{visible(entry.what, 400)}"))

    def action_undo_entry(self) -> None:
        """Undo the highlighted change (redo it when it is undone), asking first when its
        items were changed since."""
        entry = self._highlighted()
        if entry is None:
            self.refuse(_("No change highlighted."))
            return
        self._turn(entry, force=False)

    def _turn(self, entry: HistoryEntry, *, force: bool) -> None:
        def write() -> str:
            if entry.undone:
                return self.handle.redo(entry.target, force=force)
            return self.handle.undo(entry.target, force=force)

        try:
            said = write()
        except ChangedSince as changed:
            if not force:
                self.app.push_screen(
                    ConfirmScreen(_("{why}.\n\nDo it anyway, overwriting that later change?")
                                  .format(why=changed), _("Overwrite")),
                    lambda yes: self._turn(entry, force=True) if yes else None)
                return
            show_error(self, changed)
            return
        except (StoreError, ModelError) as error:
            show_error(self, error)
            return
        self.refresh_session()
        self.notify(visible(said, 200), markup=False)

    def action_back(self) -> None:
        self.dismiss()

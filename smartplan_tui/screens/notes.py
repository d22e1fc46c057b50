"""The notes log: timestamped notes, decisions and parking-lot items, tied to the agenda.

New notes are stamped with the time and the running agenda item (`quick_note.add_note`,
shared with the ctrl+n quick capture). The log is an `OptionList`, so a long day's minutes
scroll without mounting a widget per note.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Header, Input, OptionList, Select
from textual.widgets.option_list import Option

from smartplan_tui.collection_registry import NOTES
from smartplan_tui.model import Note, NoteKind, Session
from smartplan_tui.screens.live import LiveScreen
from smartplan_tui.screens.quick_note import KIND_CHOICES, add_note
from smartplan_tui.screens.widgets.choice_form import LineForm
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import literal, visible

KIND_STYLE = {NoteKind.NOTE: "", NoteKind.DECISION: "bold", NoteKind.PARKING_LOT: "italic"}
KIND_ORDER: list[NoteKind | None] = [None, *NoteKind]


def note_prompt(note: Note, agenda_titles: dict[str, str]) -> Text:
    """`10:15 DECISION (Welcome) text` — the text literal."""
    text = Text(note.at.strftime("%H:%M "), style="dim")
    if note.kind is not NoteKind.NOTE:
        text.append(f"{note.kind.value.upper()} ", style=KIND_STYLE[note.kind] or "bold")
    if note.agenda_item:
        title = agenda_titles.get(note.agenda_item, note.agenda_item)
        text.append(f"({visible(title, 30)}) ", style="dim")
    text.append_text(literal(note.text, style=KIND_STYLE[note.kind]))
    return text


class NotesScreen(LiveScreen):
    """Type and Enter adds a note of the chosen kind; the list shows the whole log."""

    TITLE = "Notes and decisions"

    CSS_PATH = "notes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="notes_back"),
        Binding("i", "type", "Type note", id="notes_type"),
        Binding("e", "edit", "Edit", id="notes_edit"),
        Binding("d,delete", "delete", "Delete", id="notes_delete"),
        Binding("f", "cycle_filter", "Filter kind", id="notes_filter"),
    ]

    kind_filter: reactive[NoteKind | None] = reactive(None)
    """Show only notes of this kind (None: all)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(id="notes-log", markup=False)
        with Horizontal(id="note-row"):
            yield Select(KIND_CHOICES, value=NoteKind.NOTE, allow_blank=False, id="note-kind")
            yield Input(id="note-input", placeholder="Type a note and press Enter")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = visible(self.session.info.title, 80)
        self.watch_session(self.session)
        self.query_one("#note-input", Input).focus()

    def watch_session(self, session: Session) -> None:
        if not self.is_attached:
            return
        log = self.query_one("#notes-log", OptionList)
        titles = {item.id: item.title for item in session.agenda}
        notes = [n for n in session.notes if self.kind_filter in (None, n.kind)]
        at_end = log.highlighted is None or log.highlighted >= log.option_count - 1
        keep = log.highlighted
        log.set_options(Option(note_prompt(n, titles), id=n.id) for n in notes)
        wanted = "all kinds" if self.kind_filter is None else self.kind_filter.value
        log.border_title = f"Log — {len(notes)} of {len(session.notes)} ({wanted})"
        if notes:
            log.highlighted = len(notes) - 1 if at_end else min(keep or 0, len(notes) - 1)
            log.scroll_to_highlight()

    def watch_kind_filter(self) -> None:
        self.watch_session(self.session)

    def action_back(self) -> None:
        if self.focused is self.query_one("#note-input", Input):
            self.query_one("#notes-log", OptionList).focus()
        else:
            self.dismiss()

    def action_type(self) -> None:
        self.query_one("#note-input", Input).focus()

    def action_cycle_filter(self) -> None:
        index = KIND_ORDER.index(self.kind_filter)
        self.kind_filter = KIND_ORDER[(index + 1) % len(KIND_ORDER)]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "note-input":
            return
        event.stop()
        if not event.value.strip():
            return
        kind = self.query_one("#note-kind", Select).value
        assert isinstance(kind, NoteKind)
        if self.save(lambda: add_note(self.handle, event.value, kind)) is not None:
            event.input.value = ""

    def current(self) -> Note | None:
        option = self.query_one("#notes-log", OptionList).highlighted_option
        note = self.session.find(NOTES, option.id) if option and option.id else None
        if note is None:
            self.notify("Highlight a note first.", severity="warning")
        return note

    def action_edit(self) -> None:
        note = self.current()
        if note is None:
            return

        def typed(text: str | None) -> None:
            if text:
                self.save(lambda: self.handle.update(
                    NOTES, note.id, lambda now: replace(now, text=text)))

        self.app.push_screen(LineForm("Edit note", "Text", note.text), typed)

    def action_delete(self) -> None:
        note = self.current()
        if note is not None:
            self.confirm_remove(NOTES, note.id, f"Delete the note “{visible(note.text, 80)}”?")

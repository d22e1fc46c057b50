"""The notes log: timestamped notes, decisions and parking-lot items, tied to the agenda.

New notes are stamped with the time and the running agenda item (`quick_note.add_note`,
shared with the ctrl+n quick capture). The log is an `OptionList`, so a long day's minutes
scroll without mounting a widget per note. The screen opens in the note line, where every
printable key is text; the first Esc leaves the line for the log (where the letter keys
act), the second goes back.
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
from smartplan_tui.i18n import _
from smartplan_tui.model import Note, NoteKind, Session
from smartplan_tui.screens.live import LiveScreen
from smartplan_tui.screens.quick_note import KIND_CHOICES, KIND_LABELS, add_note
from smartplan_tui.screens.widgets.capture_line import CaptureLine
from smartplan_tui.screens.widgets.choice_form import LineForm
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import literal, visible

KIND_STYLE = {NoteKind.NOTE: "", NoteKind.DECISION: "bold", NoteKind.PARKING_LOT: "italic"}
KIND_ORDER: list[NoteKind | None] = [None, *NoteKind]


def note_prompt(note: Note, agenda_titles: dict[str, str]) -> Text:
    """`10:15 DECISION (Welcome) text` — the text literal."""
    text = Text(note.at.strftime("%H:%M "), style="dim")
    if note.kind is not NoteKind.NOTE:
        text.append(f"{KIND_LABELS[note.kind].upper()} ", style=KIND_STYLE[note.kind] or "bold")
    if note.agenda_item:
        title = agenda_titles.get(note.agenda_item, note.agenda_item)
        text.append(f"({visible(title, 30)}) ", style="dim")
    text.append_text(literal(note.text, style=KIND_STYLE[note.kind]))
    return text


class NotesScreen(LiveScreen):
    """Type and Enter adds a note of the chosen kind; the list shows the whole log."""

    TITLE = _("Notes and decisions")

    CSS_PATH = "notes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave_field", _("Leave field"), id="notes_leave_field"),
        Binding("escape", "back", _("Back"), id="notes_back"),
        Binding("i", "type", _("Type note"), id="notes_type"),
        Binding("e", "edit", _("Edit"), id="notes_edit"),
        Binding("d,delete", "delete", _("Delete"), id="notes_delete"),
        Binding("f", "cycle_filter", _("Filter kind"), id="notes_filter"),
    ]

    kind_filter: reactive[NoteKind | None] = reactive(None)
    """Show only notes of this kind (None: all)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(id="notes-log", markup=False)
        with Horizontal(id="note-row"):
            yield Select(KIND_CHOICES, value=NoteKind.NOTE, allow_blank=False, id="note-kind")
            yield CaptureLine(id="note-input", draft_key=f"notes:{self.handle.id}",
                              placeholder=_("Type a note and press Enter"))
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
        wanted = _("all kinds") if self.kind_filter is None else KIND_LABELS[self.kind_filter]
        log.border_title = _("Log — {shown} of {total} ({kinds})").format(
            shown=len(notes), total=len(session.notes), kinds=wanted)
        if notes:
            log.highlighted = len(notes) - 1 if at_end else min(keep or 0, len(notes) - 1)
            log.scroll_to_highlight()

    def watch_kind_filter(self) -> None:
        self.watch_session(self.session)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc leaves a field (the note line, the kind) first; from the log it goes back.

        While in a field, the letter commands are left out of the key bar: their keys are
        text there.
        """
        typing = isinstance(self.focused, (Input, Select))
        if action == "leave_field":
            return typing
        if action in ("back", "type", "edit", "delete", "cycle_filter"):
            return not typing
        return True

    def action_leave_field(self) -> None:
        self.query_one("#notes-log", OptionList).focus()

    def action_back(self) -> None:
        self.dismiss()

    def action_type(self) -> None:
        self.query_one("#note-input", Input).focus()

    def action_cycle_filter(self) -> None:
        index = KIND_ORDER.index(self.kind_filter)
        self.kind_filter = KIND_ORDER[(index + 1) % len(KIND_ORDER)]

    def on_capture_line_captured(self, event: CaptureLine.Captured) -> None:
        event.stop()
        kind = self.query_one("#note-kind", Select).value
        assert isinstance(kind, NoteKind)
        for text in event.texts:
            if self.add_note(text, kind) is None:
                if not event.capture.value:  # refused: back in the line, unless typing goes on
                    event.capture.value = text
                return

    def add_note(self, text: str, kind: NoteKind) -> Note | None:
        """Store a typed note, stamped now; None (and the error shown) when refused."""
        return self.save(lambda: add_note(self.handle, text, kind))

    def current(self) -> Note | None:
        option = self.query_one("#notes-log", OptionList).highlighted_option
        note = self.session.find(NOTES, option.id) if option and option.id else None
        if note is None:
            self.notify(_("Highlight a note first."), severity="warning")
        return note

    def action_edit(self) -> None:
        note = self.current()
        if note is None:
            return

        def typed(text: str | None) -> None:
            if text:
                self.save(lambda: self.handle.update(
                    NOTES, note.id, lambda now: replace(now, text=text)))

        self.app.push_screen(LineForm(_("Edit note"), _("Text"), note.text), typed)

    def action_delete(self) -> None:
        note = self.current()
        if note is not None:
            self.confirm_remove(NOTES, note.id, _("Delete the note “{text}”?").format(
                text=visible(note.text, 80)))

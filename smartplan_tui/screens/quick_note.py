"""Quick capture of a note, decision or parking-lot item from any screen (ctrl+n).

The note is stamped with the time and tied to the agenda item running at that moment, so
the log reads as minutes of the session without the note-taker doing anything extra.
The text line is a `CaptureLine`: Enter stores what was typed at that moment, a pasted
block of lines stores one note per line, and the first Esc only leaves the line (the
second cancels, and what was typed is there again at the next ctrl+n).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Select

from smartplan_tui.collection_registry import NOTES
from smartplan_tui.exercises.agenda import running
from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError, Note, NoteKind
from smartplan_tui.screens.widgets.capture_line import CaptureLine
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.store import SessionHandle, StoreError
from smartplan_tui.text import quoted

#: How each kind of note is named on screen (the form's choices, the log, the filter).
KIND_LABELS = {NoteKind.NOTE: _("Note"), NoteKind.DECISION: _("Decision"),
               NoteKind.PARKING_LOT: _("Parking lot")}
KIND_CHOICES = [(label, kind) for kind, label in KIND_LABELS.items()]

#: What the notification says once a note of each kind is stored (`{id}`: the new note's).
SAVED = {NoteKind.NOTE: _("Note saved: {text}"), NoteKind.DECISION: _("Decision saved: {text}"),
         NoteKind.PARKING_LOT: _("Parking-lot item saved: {text}")}


def add_note(handle: SessionHandle, text: str, kind: NoteKind, author: str = "") -> Note:
    """Store a note stamped now (local time zone) and tied to the running agenda item."""
    if not text.strip():
        raise ModelError("text", _("write something first"))
    current = running(handle.load().agenda)
    at = datetime.now().astimezone().replace(microsecond=0)
    return handle.add(NOTES, lambda new_id: Note(
        id=new_id, at=at, text=text, kind=kind, author=author,
        agenda_item=current.id if current else ""))


class QuickNoteScreen(FormScreen[Note]):
    """Type, Enter: stored. The kind defaults to a plain note."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave_field", _("Leave field"), id="quick_note_leave_field"),
        Binding("escape", "cancel", _("Cancel"), id="quick_note_cancel"),
    ]

    heading = _("Quick note")
    submit_label = _("Add note")

    def __init__(self, handle: SessionHandle, kind: NoteKind = NoteKind.NOTE) -> None:
        super().__init__()
        self.handle = handle
        self.kind = kind

    def compose_fields(self) -> ComposeResult:
        yield from field(_("Text"), CaptureLine(id="note-text",
                                                draft_key=f"quick-note:{self.handle.id}",
                                                placeholder=_("What was said or decided")))
        yield from field(_("Kind"), Select(KIND_CHOICES, value=self.kind, allow_blank=False,
                                           id="note-kind"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc leaves the text line first; from anywhere else it cancels."""
        typing = isinstance(self.focused, CaptureLine)
        if action == "leave_field":
            return typing
        if action == "cancel":
            return not typing
        return True

    def action_leave_field(self) -> None:
        self.query_one("#note-kind", Select).focus()

    def store(self, text: str) -> Note:
        kind = self.choice("note-kind")
        assert isinstance(kind, NoteKind)
        note = add_note(self.handle, text, kind)
        self.app.notify(SAVED[note.kind].format(text=quoted(note.text)), markup=False)
        return note

    def build(self) -> Note:
        return self.store(self.text("note-text"))

    def on_capture_line_captured(self, event: CaptureLine.Captured) -> None:
        """Every line taken is a note; the form closes once all of them are stored."""
        event.stop()
        note: Note | None = None
        for text in event.texts:
            try:
                note = self.store(text)
            except (ModelError, StoreError) as error:
                self.show_error(str(error))
                if not event.capture.value:
                    event.capture.value = text
                return
        self.dismiss(note)

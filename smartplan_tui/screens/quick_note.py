"""Quick capture of a note, decision or parking-lot item from any screen (ctrl+n).

The note is stamped with the time and tied to the agenda item running at that moment, so
the log reads as minutes of the session without the note-taker doing anything extra.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Input, Select

from smartplan_tui.collection_registry import NOTES
from smartplan_tui.exercises.agenda import running
from smartplan_tui.model import ModelError, Note, NoteKind
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.store import SessionHandle
from smartplan_tui.text import visible

KIND_CHOICES = [("Note", NoteKind.NOTE), ("Decision", NoteKind.DECISION),
                ("Parking lot", NoteKind.PARKING_LOT)]


def add_note(handle: SessionHandle, text: str, kind: NoteKind, author: str = "") -> Note:
    """Store a note stamped now (local time zone) and tied to the running agenda item."""
    if not text.strip():
        raise ModelError("text", "write something first")
    current = running(handle.load().agenda)
    at = datetime.now().astimezone().replace(microsecond=0)
    return handle.add(NOTES, lambda new_id: Note(
        id=new_id, at=at, text=text, kind=kind, author=author,
        agenda_item=current.id if current else ""))


class QuickNoteScreen(FormScreen[Note]):
    """Type, Enter: stored. The kind defaults to a plain note."""

    heading = "Quick note"
    submit_label = "Add note"

    def __init__(self, handle: SessionHandle, kind: NoteKind = NoteKind.NOTE) -> None:
        super().__init__()
        self.handle = handle
        self.kind = kind

    def compose_fields(self) -> ComposeResult:
        yield from field("Text", Input(id="note-text", placeholder="What was said or decided"))
        yield from field("Kind", Select(KIND_CHOICES, value=self.kind, allow_blank=False,
                                        id="note-kind"))

    def build(self) -> Note:
        kind = self.choice("note-kind")
        assert isinstance(kind, NoteKind)
        note = add_note(self.handle, self.text("note-text"), kind)
        self.app.notify(visible(f"{note.kind.value.capitalize()} saved ({note.id})"), markup=False)
        return note

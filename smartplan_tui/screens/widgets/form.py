"""A modal form that returns a typed result or None, with its validation message inline.

Why: every dialog (new session, participant, agenda item, SWOT edit, strategy, note)
needs the same frame — a heading, fields, one error line, Save/Cancel, Enter to submit,
Escape to cancel. Subclasses only say which fields there are and how to build the result;
`build` raises `ModelError` (or `StoreError` when it writes) and its one-line message
appears under the fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select

from smartplan_tui.model import ModelError
from smartplan_tui.store import StoreError

T = TypeVar("T")


def field(label: str, widget: Widget) -> Iterable[Widget]:
    """A muted label above its input."""
    yield Label(label, classes="field-label")
    yield widget


class FormScreen(ModalScreen[T | None], Generic[T]):
    """Subclasses implement `compose_fields` and `build`; the result is `build()`'s."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form_cancel"),
        Binding("ctrl+s", "submit", "Save", id="form_submit"),
    ]

    heading = "Edit"
    submit_label = "Save"

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(self.heading, classes="title-line", markup=False)
            yield from self.compose_fields()
            yield Label("", id="form-error", classes="error-line", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.submit_label, variant="primary", id="form-submit")
                yield Button("Cancel", id="form-cancel")

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        for widget in self.query("Input, Select, SelectionList").results():
            if widget.focusable:
                widget.focus()
                break

    def build(self) -> T:
        raise NotImplementedError

    # ------------------------------------------------------------------ helpers

    def text(self, widget_id: str) -> str:
        """The value of the Input `#widget_id`, exactly as typed."""
        return self.query_one(f"#{widget_id}", Input).value

    def choice(self, widget_id: str) -> object:
        """The value of the Select `#widget_id` (`Select.NULL` when nothing is chosen)."""
        return self.query_one(f"#{widget_id}", Select).value

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Label).update(message)

    # ------------------------------------------------------------------ events

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-submit":
            self.action_submit()
        elif event.button.id == "form-cancel":
            self.dismiss(None)

    def action_submit(self) -> None:
        try:
            result = self.build()
        except (ModelError, StoreError) as error:
            self.show_error(str(error))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

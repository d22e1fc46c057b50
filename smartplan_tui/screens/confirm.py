"""A yes/no question before anything is destroyed (a session, a participant, a vote).

Reusable by every screen: `self.app.push_screen(ConfirmScreen("Delete …?"), callback)` or
`await self.app.push_screen_wait(ConfirmScreen(...))` inside a worker. The question is shown
literally, so a session titled `[bold]` reads `[bold]`, and its control characters as
pictures, so a title quoted in the question cannot drive the terminal.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from smartplan_tui.text import visible


class ConfirmScreen(ModalScreen[bool]):
    """Returns True when the user confirms, False when they cancel (Escape, n)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str, confirm_label: str = "Delete", *,
                 danger: bool = True) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.confirm_label = confirm_label
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(visible(self.question, None, one_line=False), markup=False,
                        classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, id="confirm",
                             variant="error" if self.danger else "primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

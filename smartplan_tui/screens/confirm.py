"""A yes/no question before anything is destroyed (a session, a participant, a vote).

Reusable by every screen: `self.app.push_screen(ConfirmScreen("Delete …?"), callback)` or
`await self.app.push_screen_wait(ConfirmScreen(...))` inside a worker. The question is shown
literally, so a session titled `[bold]` reads `[bold]`, and its control characters as
pictures, so a title quoted in the question cannot drive the terminal. A modal screen has no
footer, so the dialog lists its own keys under the buttons; Cancel has the focus, so Enter
pressed out of habit destroys nothing.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from smartplan_tui.i18n import _
from smartplan_tui.text import visible


class ConfirmScreen(ModalScreen[bool]):
    """Returns True when the user confirms, False when they cancel (Escape, n)."""

    CSS_PATH = "confirm.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", _("Yes"), id="confirm_yes"),
        Binding("n", "answer(False)", _("No"), id="confirm_no"),
        Binding("escape", "answer(False)", _("Cancel"), id="confirm_cancel"),
    ]

    def __init__(self, question: str, confirm_label: str | None = None, *,
                 danger: bool = True) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.confirm_label = confirm_label or _("Delete")
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(visible(self.question, None, one_line=False), markup=False,
                        classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, id="confirm",
                             variant="error" if self.danger else "primary")
                yield Button(_("Cancel"), id="cancel")
            yield Label(self.key_hint(), id="confirm-keys")

    def key_hint(self) -> Text:
        """`y Yes · n No · esc Cancel`: the dialog's keys, from its bindings."""
        hint = Text()
        for binding in Binding.make_bindings(self.BINDINGS):  # its own, not Screen's tab
            if hint:
                hint.append(" · ")
            hint.append(self.app.get_key_display(binding), "bold")
            hint.append(f" {_(binding.description)}")
        return hint

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

"""F1: every key of the screen the user came from, with what it does.

Built from the same list as the command palette (`widgets.commands`), so the two never
disagree with each other or with the footer.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label

from smartplan_tui.i18n import _
from smartplan_tui.screens.widgets.commands import commands


def binding_rows(screen: Screen[Any]) -> list[tuple[str, str]]:
    """(keys, description) for each command of `screen`, app keys included."""
    return [(", ".join(c.keys), c.description) for c in commands(screen, screen.app)]


class HelpScreen(ModalScreen[None]):
    """The keys of `screen`; Escape, F1 or q closes it."""

    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss(None)", _("Close"), id="help_close"),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__(classes="dialog-screen")
        self.rows = binding_rows(screen)
        self.screen_title = screen.title or screen.__class__.__name__

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Label(_("Keys — {screen}").format(screen=self.screen_title),
                        classes="title-line", markup=False)
            yield Label(_("Every key is also in the command palette (ctrl+p)."), classes="muted")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Key"), _("What it does"))
        table.add_rows(self.rows)
        table.focus()

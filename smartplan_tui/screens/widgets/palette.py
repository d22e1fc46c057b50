"""Textual's own texts in the interface language: the command palette and its built-in commands.

Textual writes them in English where they are used (`App.get_system_commands`,
`CommandPalette`'s placeholder and its "No matches found"); they are listed here with `N_`
so that the catalogue holds them, and put through `_()` when the palette is shown.
"""

from __future__ import annotations

from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from smartplan_tui.i18n import N_, _

__all__ = ["TEXTUAL_TEXTS", "TranslatedPalette", "translated"]

TEXTUAL_TEXTS = (
    N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
    N_("Search for commands…"), N_("Search for themes…"), N_("No matches found"),
    N_("palette"), N_("Open the command palette"),
)
"""Textual's English texts that SmartPlan shows translated (its message ids, verbatim)."""


def translated(command: SystemCommand) -> SystemCommand:
    """One of Textual's built-in commands with its title and help in the interface language."""
    return SystemCommand(_(command.title), _(command.help), command.callback, command.discover)


class TranslatedPalette(CommandPalette):
    """The command palette, searching and saying "no matches" in the interface language."""

    def __init__(self, *args: object, placeholder: str | None = None, **kwargs: object) -> None:
        """`placeholder` is shown as given (translated by the caller, where it is written)."""
        text = placeholder or _("Search for commands…")
        super().__init__(*args, placeholder=text, **kwargs)  # type: ignore[arg-type]

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's countdown, with its "No matches found" translated (it is inline there)."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                from rich.align import Align
                from rich.text import Text

                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(_("No matches found"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)

"""Two tiny forms used all over: pick one of a few choices, or type one line."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Input, Select

from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError
from smartplan_tui.screens.widgets.form import FormScreen, field


class ChoiceForm(FormScreen[str]):
    """Returns the chosen value; `blank` adds a "none" choice that returns ""."""

    def __init__(self, heading: str, label: str, choices: Sequence[tuple[str, str]],
                 value: str = "", *, blank: str | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.label = label
        self.choices = [(blank, "")] if blank is not None else []
        self.choices += list(choices)
        self.value = value

    def compose_fields(self) -> ComposeResult:
        known = {v for _, v in self.choices}
        yield from field(self.label, Select(
            self.choices, id="choice", allow_blank=False,
            value=self.value if self.value in known else self.choices[0][1]))

    def build(self) -> str:
        value = self.choice("choice")
        if not isinstance(value, str):
            raise ModelError("choice", _("choose one"))  # shown by the field's label
        return value


class LineForm(FormScreen[str]):
    """Returns the line as typed; blank is refused unless `allow_empty`."""

    def __init__(self, heading: str, label: str, value: str = "", *,
                 allow_empty: bool = False, placeholder: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.label = label
        self.value = value
        self.allow_empty = allow_empty
        self.placeholder = placeholder

    def compose_fields(self) -> ComposeResult:
        yield from field(self.label, Input(self.value, id="line", placeholder=self.placeholder))

    def build(self) -> str:
        value = self.text("line")
        if not value.strip() and not self.allow_empty:
            raise ModelError("line", _("must not be empty"))
        return value

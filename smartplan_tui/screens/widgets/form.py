"""A modal form that returns a typed result or None, with its validation message inline.

Why: every dialog (new session, participant, agenda item, SWOT edit, strategy, note)
needs the same frame — a heading, fields, one error line, Save/Cancel, Enter to submit,
Escape to cancel. Subclasses only say which fields there are and how to build the result;
`build` raises `ModelError` (or `StoreError` when it writes) and its message appears in
full (wrapped, never cut) right under the field it is about, which takes the focus and is
scrolled into view: at 80×24 a dialog is taller than the screen, and an error below the
fold reads as a Save key that does nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select

from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError
from smartplan_tui.store import StoreError

T = TypeVar("T")

#: The parts of an error's path (`votes[0].ballots[2].dots` → votes, ballots, dots).
_PATH_PARTS = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

#: A field named in a message without a path: `due: 2027-02-30 is not a real date`.
_NAMED = re.compile(r"(?:^|[:;] )([a-z_]+): ")

#: What can hold an error: the widgets a person types into or picks in.
_FIELDS = "Input, Select, SelectionList, TextArea, Checkbox"

#: Where a label's (or a placeholder's) short form ends: `End date, for an event of…`.
_LABEL_END = re.compile(r" \(|, |: |…")


def field(label: str, widget: Widget) -> Iterable[Widget]:
    """A muted label above its input."""
    yield Label(label, classes="field-label")
    yield widget


def field_name(widget: Widget) -> str:
    """The short form of the label a person sees for `widget` (`End date`), from the label
    just before it (in its row, or before its row) or else its placeholder; "" if none."""
    text = ""
    row: Widget | None = widget
    while not text and isinstance(row, Widget) and isinstance(row.parent, Widget):
        before = [w for w in list(row.parent.children)[:row.parent.children.index(row)]
                  if w.id != "form-error" and not w.has_class("title-line")]
        if before and isinstance(before[-1], Label):
            text = str(before[-1].render())
        row = row.parent if not before else None
    if not text:
        text = str(getattr(widget, "placeholder", "") or "")
    return _LABEL_END.split(text, maxsplit=1)[0].strip()


class FormScreen(ModalScreen[T | None], Generic[T]):
    """Subclasses implement `compose_fields` and `build`; the result is `build()`'s."""

    DEFAULT_CSS = """
    FormScreen #form-error {
        width: 100%;
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("Cancel"), id="form_cancel"),
        Binding("ctrl+s", "submit", _("Save"), id="form_submit"),
    ]

    heading = _("Edit")
    submit_label = _("Save")

    error_fields: ClassVar[Mapping[str, str]] = {}
    """An error's path (a part of it, e.g. `type`) → the id of the field it is about, where
    the names differ; otherwise a field whose id is the path's last part (`date`) or ends
    with it (`tows-text`, `field-due`) is taken."""

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(self.heading, classes="title-line", markup=False)
            yield from self.compose_fields()
            yield Label("", id="form-error", classes="error-line", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.submit_label, variant="primary", id="form-submit")
                yield Button(_("Cancel"), id="form-cancel")

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
        """Show `message` (whole, wrapped) where the error line is now; "" clears it."""
        self.query_one("#form-error", Label).update(message)

    def show_error_at(self, error: Exception) -> None:
        """Show `error` under the field it names, focus that field and scroll both into view.

        The field is found from a `ModelError`'s path, else it is the field that had the
        focus (Enter in an Input submits); with neither, the line stays under the fields.
        """
        target = self.error_field(error)
        self.show_error(self.error_text(error))
        line = self.query_one("#form-error", Label)
        dialog = line.parent
        if target is None or not isinstance(dialog, Widget):
            self.call_after_refresh(line.scroll_visible, animate=False)
            return
        target.focus(scroll_visible=False)
        if line.styles.dock != "none":  # a form that keeps its error line always in view
            self.call_after_refresh(target.scroll_visible, animate=False)
            return
        row: Widget = target
        while isinstance(row.parent, Widget) and row.parent is not dialog:
            row = row.parent
        if row.parent is dialog and row is not line:
            dialog.move_child(line, after=row)

        def into_view() -> None:  # once laid out with the line in its new place
            shown = row.virtual_region_with_margin.union(line.virtual_region_with_margin)
            dialog.scroll_to_region(shown, animate=False, immediate=True)

        self.call_after_refresh(into_view)

    def error_field(self, error: Exception) -> Widget | None:
        """The field `error` is about: the one it names, else the focused field."""
        named = self.named_field(error)
        if named is not None:
            return named
        focused = self.focused
        fields = [w for w in self.query(_FIELDS).results() if w.id and w.focusable]
        return focused if focused in fields else None

    def named_field(self, error: Exception) -> Widget | None:
        """The field `error` names: by its path (or, without one, by the first `name:` its
        message starts a part with, as in `Not saved: due: …`)."""
        fields = [w for w in self.query(_FIELDS).results() if w.id and w.focusable]
        path = error.path if isinstance(error, ModelError) else ""
        parts = _PATH_PARTS.findall(path) or _NAMED.findall(str(error))[:1]
        for part in reversed(parts):
            wanted = self.error_fields.get(part)
            named = [w for w in fields if w.id == wanted] or [
                w for w in fields if w.id == part or str(w.id).endswith(f"-{part}")]
            if named:
                return named[0]
        return None

    def error_text(self, error: Exception) -> str:
        """`error` as a planner reads it: the field by the label they see, not the code's
        path (`End date: is before …`, not `session.end_date: is before …`)."""
        if not isinstance(error, ModelError) or not error.path:
            return str(error)
        target = self.named_field(error)
        if target is None:
            return str(error)
        name = field_name(target)
        return (_("{field}: {problem}").format(field=name, problem=error.reason) if name
                else error.reason)

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
            self.show_error_at(error)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

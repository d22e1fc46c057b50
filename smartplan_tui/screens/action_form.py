"""The form for one action, with the SMART check answering as the facilitator types.

Why the check runs on every keystroke: in the room the group fills in an action together
and the facilitator asks "who owns it? by when?" while looking at what is still missing.
The check is `exercises.actions.smart_gaps` on the action as typed so far; a field that
cannot be read yet (a half-typed date) is named under the form and left out of the check.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from smartplan_tui.exercises import actions
from smartplan_tui.model import Action, ActionStatus, ModelError, Session, parse_date
from smartplan_tui.screens.widgets.choice_form import ChoiceForm
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.literal import literal

__all__ = ["ActionFormScreen", "changed_fields", "read_budget"]

#: Text fields of an action: (field, label, placeholder).
_TEXT_FIELDS = (
    ("title", "Title", "What will be done"),
    ("description", "Description", "Specific: what exactly, where, for whom"),
    ("owner", "Owner", "Who is responsible"),
    ("partners", "Partners", "Separated by ;"),
    ("start", "Start", "YYYY-MM-DD"),
    ("due", "Due", "YYYY-MM-DD"),
    ("budget_eur", "Budget €", "e.g. 12000"),
    ("indicator", "Indicator", "How success is measured"),
    ("baseline", "Baseline", "Value today"),
    ("target", "Target", "Value to reach"),
)
_SMART = (("S", "specific"), ("M", "measurable"), ("A", "achievable"), ("R", "relevant"),
          ("T", "time-bound"))


def read_budget(text: str) -> int | float | None:
    """A budget typed as `12000`, `12 000` or `12000.50`; empty means none."""
    cleaned = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ModelError("budget_eur", f"{text.strip()!r} is not an amount in euro") from None
    return int(value) if value.is_integer() else value


def _field_text(action: Action, name: str) -> str:
    value = getattr(action, name)
    if name == "partners":
        return "; ".join(value)
    if value is None:
        return ""
    if name == "budget_eur" and float(value).is_integer():
        return str(int(value))
    return str(value) if not hasattr(value, "isoformat") else value.isoformat()


def _read(name: str, text: str) -> Any:
    """The value of one field from its text; ModelError names the field."""
    if name == "partners":
        return tuple(p.strip() for p in text.split(";") if p.strip())
    if name in ("start", "due"):
        if not text.strip():
            return None
        try:
            return parse_date(text.strip())
        except ModelError as error:
            raise ModelError(name, error.reason) from None
    if name == "budget_eur":
        return read_budget(text)
    return text


def changed_fields(before: Action, after: Action) -> dict[str, Any]:
    """The fields an edit changed: only these are written, so a concurrent edit of
    another field (a note-taker setting the status) is not undone."""
    return {f.name: getattr(after, f.name) for f in dataclasses.fields(Action)
            if f.name != "id" and getattr(before, f.name) != getattr(after, f.name)}


class ActionFormScreen(FormScreen[Action]):
    """Returns the action as filled in (same id as given), or None when cancelled."""

    CSS_PATH = "action_form.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "pick_owner", "Owner from participants", id="action_owner"),
    ]

    submit_label = "Save action"

    def __init__(self, session: Session, action: Action) -> None:
        super().__init__()
        self.session = session
        self.draft = action
        self.heading = f"Action {action.id}" if action.id != "draft" else "New action"
        self.add_class("action-form")

    def compose_fields(self) -> ComposeResult:
        yield Static(id="smart-check")
        names = [p.name for p in self.session.participants]
        for name, label, placeholder in _TEXT_FIELDS:
            # The owner is usually someone in the room: their names are suggested as one
            # types (→ takes one), and anyone else is typed in full.
            suggester = (SuggestFromList(names, case_sensitive=False)
                         if name == "owner" and names else None)
            yield from field(label, Input(_field_text(self.draft, name), suggester=suggester,
                                          placeholder=placeholder, id=f"field-{name}"))
        yield from field("Status", Select([(s.value, s.value) for s in ActionStatus],
                                          value=self.draft.status.value, allow_blank=False,
                                          id="field-status"))
        yield from field("Priority", Select(self._priorities(), value=self.draft.priority,
                                            allow_blank=False, id="field-priority"))

    def _priorities(self) -> list[tuple[Text, str]]:
        """Every vote option; the action's own priority keeps its spelling (`C` or `v1:C`)."""
        own = actions.resolve_priority(self.session, self.draft.priority)
        rows: list[tuple[Text, str]] = [(Text("(no priority)"), "")]
        for vote in self.session.votes:
            for option in vote.options:
                value = f"{vote.id}:{option.id}"
                if own is not None and own[0].id == vote.id and own[1].id == option.id:
                    value = self.draft.priority
                rows.append((Text(f"{vote.id}:{option.id} ").append_text(
                    literal(option.text, limit=50)), value))
        if self.draft.priority and own is None:
            rows.append((Text(f"{self.draft.priority} (unknown)"), self.draft.priority))
        return rows

    def on_mount(self) -> None:
        self.check()

    def action_pick_owner(self) -> None:
        """Choose the owner from the participants; the field stays free text."""
        people = [(p.name, p.name) for p in self.session.participants]
        if not people:
            self.notify("No participants yet: type the owner's name.", severity="warning")
            return
        owner = self.query_one("#field-owner", Input)

        def picked(name: str | None) -> None:
            if name:
                owner.value = name
            owner.focus()

        self.app.push_screen(ChoiceForm("Who owns the action?", "Owner", people, owner.value,
                                        blank="(type it)"), picked)

    # ------------------------------------------------------------------ reading

    def typed(self) -> tuple[Action, dict[str, str]]:
        """The action as typed (unreadable fields keep their old value) and the problems."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, _, _ in _TEXT_FIELDS:
            try:
                values[name] = _read(name, self.text(f"field-{name}"))
            except ModelError as error:
                problems[name] = str(error)
        values["status"] = ActionStatus(str(self.choice("field-status")))
        values["priority"] = str(self.choice("field-priority"))
        action = self.draft
        for name, value in values.items():
            try:
                action = dataclasses.replace(action, **{name: value})
            except ModelError as error:
                problems[name] = str(error)
        return action, problems

    @on(Input.Changed)
    @on(Select.Changed)
    def check(self) -> None:
        """Redraw the SMART check and the field problems for what is typed now."""
        action, problems = self.typed()
        gaps = {gap.letter: gap for gap in actions.smart_gaps(action, self.session)}
        smart = Text("SMART ", style="bold")
        reasons = Text()
        for letter, criterion in _SMART:
            gap = gaps.get(letter)
            smart.append(f"{'✗' if gap else '✓'}{letter} ",
                         style="bold red" if gap else "green")
            if gap is not None:
                reasons.append(f"\n{criterion}: {gap.reason}")
        smart.append_text(reasons)
        self.query_one("#smart-check", Static).update(smart)
        self.show_error("\n".join(problems.values()))

    def build(self) -> Action:
        action, problems = self.typed()
        if problems:
            raise ModelError("", "Not saved: " + "; ".join(problems.values()))
        return action

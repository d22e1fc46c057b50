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
from smartplan_tui.i18n import _, pgettext
from smartplan_tui.labels import action_status_name
from smartplan_tui.model import Action, ActionStatus, ModelError, Session, parse_date
from smartplan_tui.screens.widgets.choice_form import ChoiceForm
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.literal import literal
from smartplan_tui.text import quoted

__all__ = ["ActionFormScreen", "changed_fields", "read_budget"]

#: Text fields of an action: (field, label, placeholder).
_TEXT_FIELDS = (
    ("title", _("Title"), _("What will be done")),
    ("description", _("Description"), _("Specific: what exactly, where, for whom")),
    ("owner", _("Owner"), _("Who is responsible")),
    ("partners", _("Partners"), _("Separated by ;")),
    ("start", pgettext("field", "Start"), _("YYYY-MM-DD")),
    ("due", _("Due"), _("YYYY-MM-DD")),
    ("budget_eur", _("Budget €"), _("e.g. 12000")),
    ("indicator", _("Indicator"), _("How success is measured")),
    ("baseline", _("Baseline"), _("Value today")),
    ("target", _("Target"), _("Value to reach")),
)
_SMART = (("S", _("specific")), ("M", _("measurable")), ("A", _("achievable")),
          ("R", _("relevant")), ("T", _("time-bound")))


def read_budget(text: str) -> int | float | None:
    """A budget typed as `12000`, `12 000` or `12000.50`; empty means none."""
    cleaned = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ModelError("budget_eur", _("{text!r} is not an amount in euro").format(
            text=text.strip())) from None
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
        Binding("ctrl+o", "pick_owner", _("Owner from participants"), id="action_owner"),
    ]

    submit_label = _("Save action")

    def __init__(self, session: Session, action: Action) -> None:
        super().__init__()
        self.session = session
        self.draft = action
        self.heading = (_("Edit action {action}").format(action=quoted(action.title))
                        if action.id != "draft" else _("New action"))
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
        statuses = [(action_status_name(s), s.value) for s in ActionStatus]
        yield from field(_("Status"), Select(statuses, value=self.draft.status.value,
                                             allow_blank=False, id="field-status"))
        yield from field(_("Priority"), Select(self._priorities(), value=self.draft.priority,
                                               allow_blank=False, id="field-priority"))

    def _priorities(self) -> list[tuple[Text, str]]:
        """Every vote option; the action's own priority keeps its spelling (`C` or `v1:C`)."""
        own = actions.resolve_priority(self.session, self.draft.priority)
        rows: list[tuple[Text, str]] = [(Text(_("(no priority)")), "")]
        for vote in self.session.votes:
            for option in vote.options:
                value = f"{vote.id}:{option.id}"
                if own is not None and own[0].id == vote.id and own[1].id == option.id:
                    value = self.draft.priority
                rows.append((literal(actions.priority_name(self.session, vote, option),
                                     limit=50), value))
        if self.draft.priority and own is None:
            rows.append((Text(_("{priority} (unknown)").format(priority=self.draft.priority)),
                         self.draft.priority))
        return rows

    def on_mount(self) -> None:
        self.check()

    def action_pick_owner(self) -> None:
        """Choose the owner from the participants; the field stays free text."""
        people = [(p.name, p.name) for p in self.session.participants]
        if not people:
            self.notify(_("No participants yet: type the owner's name."), severity="warning")
            return
        owner = self.query_one("#field-owner", Input)

        def picked(name: str | None) -> None:
            if name:
                owner.value = name
            owner.focus()

        self.app.push_screen(ChoiceForm(_("Who owns the action?"), _("Owner"), people,
                                        owner.value, blank=_("(type it)")), picked)

    # ------------------------------------------------------------------ reading

    def typed(self) -> tuple[Action, dict[str, str]]:
        """The action as typed (unreadable fields keep their old value) and the problems."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, _label, _hint in _TEXT_FIELDS:
            try:
                values[name] = _read(name, self.text(f"field-{name}"))
            except ModelError as error:
                problems[name] = self.error_text(error)
        values["status"] = ActionStatus(str(self.choice("field-status")))
        values["priority"] = str(self.choice("field-priority"))
        action = self.draft
        for name, value in values.items():
            try:
                action = dataclasses.replace(action, **{name: value})
            except ModelError as error:
                problems[name] = self.error_text(error)
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
            raise _NotSaved(next(iter(problems)), _("Not saved: {problems}").format(
                problems="; ".join(problems.values())))
        return action

    def error_text(self, error: Exception) -> str:
        """A field's problem by its label; "Not saved" lists them already labelled."""
        return error.reason if isinstance(error, _NotSaved) else super().error_text(error)


class _NotSaved(ModelError):
    """The action's field problems together, placed at (the path of) the first of them."""

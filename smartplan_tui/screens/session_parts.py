"""Pieces of the session screen: agenda table rows, the counts panel, the agenda item form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select

from smartplan_tui.exercises.agenda import plan_vs_actual
from smartplan_tui.model import AgendaItem, ModelError, Session
from smartplan_tui.screens.widgets.columns import GAP, flexible_width, line
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.item_list import Row

EXERCISE_CHOICES = [("SWOT", "swot"), ("TOWS", "tows"), ("Vote", "voting"),
                    ("Action plan", "actions"), ("Participants", "participants"),
                    ("Notes", "notes")]

STATE_STYLE = {"running": "bold", "done": "dim", "not started": ""}
STATE_MARK = {"running": "▶ now", "done": "✓", "not started": ""}

#: The agenda's columns: number, item (flexible), exercise, plan, used, ±, state.
NUMBER_WIDTH, EXERCISE_WIDTH, PLAN_WIDTH, ACTUAL_WIDTH, DIFF_WIDTH, STATE_WIDTH = 2, 7, 4, 4, 4, 5
RIGHT = (0, 3, 4, 5)


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def agenda_rows(agenda: Sequence[AgendaItem], now: datetime, width: int
                ) -> tuple[Text, list[Row]]:
    """The heading and one literal row per agenda item, in columns that fit `width`."""
    fixed = (NUMBER_WIDTH + EXERCISE_WIDTH + PLAN_WIDTH + ACTUAL_WIDTH + DIFF_WIDTH
             + STATE_WIDTH + 6 * len(GAP) + 2)
    title_width = flexible_width([item.title for item in agenda], width - fixed, most=40)

    def row(*texts: str) -> str:
        widths = (NUMBER_WIDTH, title_width, EXERCISE_WIDTH, PLAN_WIDTH, ACTUAL_WIDTH,
                  DIFF_WIDTH, STATE_WIDTH)
        return line(list(zip(texts, widths, strict=True)), right=RIGHT)

    heading = Text(row("#", "Item", "Task", "Plan", "Used", "±", ""), style="bold")
    report = plan_vs_actual(agenda, now)
    rows = []
    for number, (item, state) in enumerate(zip(agenda, report.rows, strict=True), start=1):
        diff = "" if state.difference is None else f"{state.difference:+.0f}"
        rows.append(Row(item.id, Text(row(
            str(number), item.title, item.exercise, str(state.planned), _minutes(state.actual),
            diff, STATE_MARK.get(state.state, state.state)), style=STATE_STYLE[state.state])))
    return heading, rows


def session_counts(session: Session) -> Text:
    """How much was captured, per exercise."""
    lines = [("Participants", len(session.participants)), ("SWOT items", len(session.swot)),
             ("TOWS strategies", len(session.tows)), ("Votes", len(session.votes)),
             ("Actions", len(session.actions)), ("Notes", len(session.notes))]
    text = Text("\n")
    for label, count in lines:
        text.append(f"{label:<16}{count:>6}\n")
    return text


class AgendaItemForm(FormScreen[AgendaItem]):
    """Title, planned minutes and the exercise the item runs; returns a draft (id `new`)."""

    def __init__(self, item: AgendaItem | None = None) -> None:
        super().__init__()
        self.item = item
        self.heading = "Edit agenda item" if item else "New agenda item"

    def compose_fields(self) -> ComposeResult:
        item = self.item
        yield from field("Title", Input(item.title if item else "", id="agenda-title"))
        yield from field("Planned minutes", Input(str(item.minutes) if item else "30",
                                                  id="agenda-minutes", type="integer"))
        yield from field("Exercise", Select(EXERCISE_CHOICES, id="agenda-exercise",
                                            value=item.exercise if item and item.exercise
                                            else Select.NULL))

    def build(self) -> AgendaItem:
        minutes_text = self.text("agenda-minutes").strip()
        try:
            minutes = int(minutes_text or "0")
        except ValueError:
            raise ModelError("minutes", f"{minutes_text!r} is not a whole number") from None
        exercise = self.choice("agenda-exercise")
        return AgendaItem(id="new", title=self.text("agenda-title"), minutes=minutes,
                          exercise=exercise if isinstance(exercise, str) else "")

"""Pieces of the session screen: the exercises it opens, agenda table rows, the counts panel,
the agenda item form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Select

from smartplan_tui.collection_registry import AGENDA, COLLECTIONS
from smartplan_tui.exercises.agenda import plan_vs_actual
from smartplan_tui.model import AgendaItem, ModelError, Session
from smartplan_tui.screens.widgets.columns import GAP, flexible_width, line
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.item_list import Row


@dataclass(frozen=True, slots=True)
class Exercise:
    """An exercise an agenda item can run, the screen that runs it and the key that opens it.

    The screen (`module:Class`) is imported when first opened, so start-up stays lean, and
    is built with the session handle.
    """

    name: str
    """What an agenda item's `exercise` holds (`voting`)."""
    label: str
    """The agenda form's choice."""
    key: str
    command: str
    """The key bar's and F1's description of the key."""
    screen: str
    aliases: tuple[str, ...] = ()
    """Other names agenda items may hold for it (typed on the command line)."""

    def binding(self) -> Binding:
        return Binding(self.key, f"exercise('{self.name}')", self.command, id=f"open_{self.name}")


#: The exercises, in the order of the agenda form's choices and of the keys.
EXERCISES = (
    Exercise("swot", "SWOT", "w", "SWOT", "smartplan_tui.screens.swot_board:SwotBoardScreen"),
    Exercise("tows", "TOWS", "t", "TOWS", "smartplan_tui.screens.tows:TowsScreen"),
    Exercise("voting", "Vote", "v", "Votes", "smartplan_tui.screens.votes:VotesScreen",
             aliases=("votes",)),
    Exercise("actions", "Action plan", "p", "Actions",
             "smartplan_tui.screens.actions:ActionPlanScreen"),
    Exercise("participants", "Participants", "r", "People",
             "smartplan_tui.screens.participants:ParticipantsScreen"),
    Exercise("notes", "Notes", "l", "Notes", "smartplan_tui.screens.notes:NotesScreen"),
)

EXERCISE_CHOICES = [(exercise.label, exercise.name) for exercise in EXERCISES]


def exercise_named(name: str) -> Exercise | None:
    """The exercise an agenda item's `exercise` names, or None."""
    return next((e for e in EXERCISES if name == e.name or name in e.aliases), None)


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
    """How much was captured: the items of every list but the agenda (shown beside it)."""
    text = Text("\n")
    for collection in COLLECTIONS:
        if collection is not AGENDA:
            label = collection.plural[:1].upper() + collection.plural[1:]
            text.append(f"{label:<16}{len(collection.items(session)):>6}\n")
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

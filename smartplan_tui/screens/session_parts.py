"""Pieces of the session screen: the exercises it opens, agenda table rows, the counts panel,
the agenda item form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Select

from smartplan_tui.collection_registry import AGENDA, COLLECTIONS
from smartplan_tui.exercises.agenda import plan_vs_actual
from smartplan_tui.i18n import _
from smartplan_tui.model import AgendaItem, ModelError, Session
from smartplan_tui.records import record
from smartplan_tui.screens.widgets.columns import GAP, flexible_width, line
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.item_list import Row


@record
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
    Exercise("swot", _("SWOT"), "w", _("SWOT"),
             "smartplan_tui.screens.swot_board:SwotBoardScreen"),
    Exercise("tows", _("TOWS"), "t", _("TOWS"), "smartplan_tui.screens.tows:TowsScreen"),
    Exercise("voting", _("Vote"), "v", _("Votes"), "smartplan_tui.screens.votes:VotesScreen",
             aliases=("votes",)),
    Exercise("actions", _("Action plan"), "p", _("Actions"),
             "smartplan_tui.screens.actions:ActionPlanScreen"),
    Exercise("participants", _("Participants"), "r", _("People"),
             "smartplan_tui.screens.participants:ParticipantsScreen"),
    Exercise("notes", _("Notes"), "l", _("Notes"), "smartplan_tui.screens.notes:NotesScreen"),
)

EXERCISE_CHOICES = [(exercise.label, exercise.name) for exercise in EXERCISES]


def exercise_named(name: str) -> Exercise | None:
    """The exercise an agenda item's `exercise` names, or None."""
    return next((e for e in EXERCISES if name == e.name or name in e.aliases), None)


STATE_STYLE = {"running": "bold", "done": "dim", "not started": ""}
STATE_MARK = {"running": _("▶ now"), "done": "✓", "not started": ""}

#: The agenda's columns: number, item (flexible), exercise, plan, used, ±, state.
RIGHT = (0, 3, 4, 5)
#: The widest an exercise's name is shown in the agenda (longer ones end in …).
EXERCISE_MOST = 12


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def _task(exercise: str) -> str:
    """An agenda item's exercise as the key bar names it (`Votes`); an unknown one as typed."""
    known = exercise_named(exercise)
    return known.command if known is not None else exercise


def agenda_rows(agenda: Sequence[AgendaItem], now: datetime, width: int
                ) -> tuple[Text, list[Row]]:
    """The heading and one literal row per agenda item, in columns that fit `width`.

    Every column but the title is as wide as its heading or its widest cell, whichever is
    wider, so a heading in a longer language is never cut and the title gets the rest.
    """
    report = plan_vs_actual(agenda, now)
    # Translators: the agenda's column headings; keep them short (the agenda fits 80 columns).
    heading = ("#", _("Item"), _("Task"), _("Plan"), _("Used"), "±", "")
    cells = [(str(number), item.title, _task(item.exercise), str(state.planned),
              _minutes(state.actual),
              "" if state.difference is None else f"{state.difference:+.0f}",
              STATE_MARK.get(state.state, state.state))
             for number, (item, state) in enumerate(zip(agenda, report.rows, strict=True),
                                                    start=1)]
    widths = [max(len(texts[column]) for texts in [heading, *cells]) for column in range(7)]
    widths[2] = min(widths[2], EXERCISE_MOST)
    fixed = sum(widths) - widths[1] + 6 * len(GAP) + 2
    widths[1] = flexible_width([item.title for item in agenda], width - fixed, most=40)

    def row(texts: Sequence[str]) -> str:
        return line(list(zip(texts, widths, strict=True)), right=RIGHT)

    rows = [Row(item.id, Text(row(texts), style=STATE_STYLE[state.state]))
            for item, state, texts in zip(agenda, report.rows, cells, strict=True)]
    return Text(row(heading), style="bold"), rows


def session_counts(session: Session) -> Text:
    """How much was captured: the items of every list but the agenda (shown beside it)."""
    text = Text("\n")
    for collection in COLLECTIONS:
        if collection is not AGENDA:
            plural = _(collection.plural)
            label = plural[:1].upper() + plural[1:]
            text.append(f"{label:<16}{len(collection.items(session)):>6}\n")
    return text


class AgendaItemForm(FormScreen[AgendaItem]):
    """Title, planned minutes and the exercise the item runs; returns a draft (id `new`)."""

    def __init__(self, item: AgendaItem | None = None) -> None:
        super().__init__()
        self.item = item
        self.heading = _("Edit agenda item") if item else _("New agenda item")

    def compose_fields(self) -> ComposeResult:
        item = self.item
        yield from field(_("Title"), Input(item.title if item else "", id="agenda-title"))
        yield from field(_("Planned minutes"), Input(str(item.minutes) if item else "30",
                                                     id="agenda-minutes", type="integer"))
        yield from field(_("Exercise"), Select(EXERCISE_CHOICES, id="agenda-exercise",
                                               prompt=_("(no exercise)"),
                                               value=item.exercise if item and item.exercise
                                               else Select.NULL))

    def build(self) -> AgendaItem:
        minutes_text = self.text("agenda-minutes").strip()
        try:
            minutes = int(minutes_text or "0")
        except ValueError:
            raise ModelError("minutes", _("{text!r} is not a whole number").format(
                text=minutes_text)) from None
        exercise = self.choice("agenda-exercise")
        return AgendaItem(id="new", title=self.text("agenda-title"), minutes=minutes,
                          exercise=exercise if isinstance(exercise, str) else "")

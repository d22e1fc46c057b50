"""The session: the agenda with a countdown, plan against actual, and a key per exercise.

Agenda changes go through `exercises.agenda` inside `handle.apply`, so they are computed on
the session as it is on disk (a second facilitator pressing "next" at the same moment
cannot start two items). Exercise screens are imported when opened: start-up stays lean
and the voting and action-plan screens can be developed on their own.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Header, Label, Static

from smartplan_tui.collection_registry import AGENDA
from smartplan_tui.dates import short_date
from smartplan_tui.exercises import agenda as agenda_logic
from smartplan_tui.exercises.guidance import CARDS
from smartplan_tui.i18n import _, pgettext
from smartplan_tui.labels import kind_name
from smartplan_tui.model import AgendaItem, ModelError, Session, SessionInfo
from smartplan_tui.screens.guide_card import GuideCard, guide_binding, toggle_guide
from smartplan_tui.screens.live import LiveScreen
from smartplan_tui.screens.session_parts import (
    EXERCISES,
    AgendaItemForm,
    agenda_rows,
    exercise_named,
    session_counts,
)
from smartplan_tui.screens.widgets.item_list import ItemList
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import visible

Agenda = tuple[AgendaItem, ...]

#: Below this width the counts panel is hidden so the agenda table fits.
WIDE = 100

#: The counts panel's width with its border (session.tcss).
SIDE_WIDTH = 28

#: Minutes added (or taken) by one press of + (or -).
EXTEND_STEP = 5


def now() -> datetime:
    """The local time with its zone, to the second: what agenda timestamps hold."""
    return datetime.now().astimezone().replace(microsecond=0)


def format_left(left: timedelta) -> str:
    seconds = int(left.total_seconds())
    sign = "-" if seconds < 0 else ""
    minutes, seconds = divmod(abs(seconds), 60)
    return f"{sign}{minutes:02d}:{seconds:02d}"


class SessionScreen(LiveScreen):
    """Agenda on the left, countdown and counts on the right."""

    CSS_PATH = "session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.sessions", _("Sessions"), id="session_back"),
        Binding("s", "start", pgettext("key", "Start"), id="agenda_start"),
        Binding("n", "next", _("Next"), id="agenda_next"),
        Binding("plus,equals_sign", "extend(1)", _("+5 min"), id="agenda_extend"),
        Binding("minus", "extend(-1)", _("-5 min"), id="agenda_shorten"),
        Binding("a", "add_item", _("Add item"), id="agenda_add"),
        Binding("enter", "edit_item", _("Edit item"), id="agenda_edit"),
        Binding("d,delete", "remove_item", _("Remove item"), id="agenda_remove"),
        Binding("ctrl+up", "move_item(-1)", _("Move up"), show=False, id="agenda_up"),
        Binding("ctrl+down", "move_item(1)", _("Move down"), show=False, id="agenda_down"),
        Binding("i", "details", _("Title, date, place"), id="session_details"),
        Binding("o", "open_item_exercise", _("Open item's exercise"), id="agenda_open"),
        *(exercise.binding() for exercise in EXERCISES),
        Binding("e", "export", _("Export"), id="session_export"),
        Binding("j", "room", _("Room (phones join)"), id="session_room"),
        guide_binding(),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="session-title", classes="title-line", markup=False)
        yield Static("", id="countdown")
        with Horizontal(id="session-body"):
            with Vertical(id="agenda"):
                yield Label("", id="agenda-heading", classes="muted")
                yield ItemList(id="agenda-items")
            with Vertical(id="session-side"):
                yield Static("", id="plan-vs-actual")
                yield Static("", id="counts")
        yield GuideCard()
        yield KeyBar()

    def on_mount(self) -> None:
        self._filled = False
        self._rung: set[tuple[str, str, int]] = set()
        """Items whose time ran out and were announced (id, start, minutes): once each."""
        self.query_one("#agenda").border_title = _("Agenda")
        self.set_interval(1, self.update_clock, name="countdown")
        self.watch_session(self.session)

    def watch_session(self, session: Session) -> None:
        if not self.is_attached:
            return
        info = session.info
        self.title = visible(info.title, 80)
        title = Text(visible(info.title, 120), style="bold")
        details = [kind_name(info.kind), short_date(info.date),
                   visible(info.place, 60)]
        title.append("  " + " · ".join(d for d in details if d), style="dim")
        self.query_one("#session-title", Label).update(title)
        self.query_one("#counts", Static).update(session_counts(session))
        self._fill_agenda(session)
        self.update_clock()

    def _agenda_width(self) -> int:
        """The agenda's inner width, from the screen's (the side panel shows when wide)."""
        return self.size.width - (SIDE_WIDTH if self.size.width >= WIDE else 0) - 4

    def _fill_agenda(self, session: Session) -> None:
        items = self.query_one("#agenda-items", ItemList)
        heading, rows = agenda_rows(session.agenda, now(), self._agenda_width())
        self.query_one("#agenda-heading", Label).update(heading)
        items.set_rows(rows, keep=items.highlighted_id())

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < WIDE
        if self.is_attached and (narrow != self.has_class("narrow") or not self._filled):
            self._filled = True
            self.set_class(narrow, "narrow")
            self._fill_agenda(self.session)

    def update_clock(self) -> None:
        """Redraw the countdown and plan-vs-actual totals (every second)."""
        agenda = self.session.agenda
        current = agenda_logic.running(agenda)
        clock = self.query_one("#countdown", Static)
        if current is None:
            clock.update(_("No agenda item running — s starts the highlighted one, n the next; "
                           "+/- change its minutes."))
            clock.set_class(False, "overtime")
        else:
            left = agenda_logic.time_left(current, now())
            text = Text(_("Now: "))
            text.append(visible(current.title, 60))
            text.append(_(" — {time} left").format(time=format_left(left)) if left >= timedelta(0)
                        else _(" — {time} over time").format(time=format_left(-left)))
            clock.update(text)
            clock.set_class(left < timedelta(0), "overtime")
            self._announce_time_up(current, left)
        report = agenda_logic.plan_vs_actual(agenda, now())
        self.query_one("#plan-vs-actual", Static).update(
            _("Planned {planned} min").format(planned=report.planned_total) + "\n"
            + _("Used {used:.0f} min").format(used=report.actual_total) + "\n"
            + agenda_logic.schedule(report.difference).capitalize())

    def _announce_time_up(self, item: AgendaItem, left: timedelta) -> None:
        """At the end of an item's time: the bell and a flash of the countdown, once.

        Once per item and plan: `+` after the bell gives it a new end, which rings again.
        """
        key = (item.id, str(item.started_at), item.minutes)
        if left > timedelta(0) or key in self._rung:
            return
        self._rung.add(key)
        self.app.bell()
        clock = self.query_one("#countdown", Static)
        clock.add_class("time-up")
        self.set_timer(3, lambda: clock.remove_class("time-up"))

    def selected_item_id(self) -> str | None:
        return self.query_one("#agenda-items", ItemList).highlighted_id()

    def _selected_item(self) -> AgendaItem | None:
        item_id = self.selected_item_id()
        item = self.session.find(AGENDA, item_id) if item_id else None
        if item is None:
            self.notify(_("The agenda is empty: press a to add an item."), severity="warning")
        return item

    # ------------------------------------------------------------------ agenda actions

    def _change_agenda(self, change: Callable[[Agenda], Agenda]) -> None:
        """Apply an agenda function to the agenda as stored now."""
        self.save(lambda: self.handle.apply(
            lambda session, _new_id: replace(session, agenda=change(session.agenda))))

    def action_start(self) -> None:
        item = self._selected_item()
        if item is not None:
            at = now()
            self._change_agenda(lambda agenda: agenda_logic.start(agenda, item.id, at))

    def action_next(self) -> None:
        at = now()
        self._change_agenda(lambda agenda: agenda_logic.next_item(agenda, at))

    def action_extend(self, direction: int) -> None:
        item = self._selected_item()
        if item is not None:
            current = agenda_logic.running(self.session.agenda)
            target = current if current is not None else item
            self._change_agenda(
                lambda agenda: agenda_logic.extend(agenda, target.id, direction * EXTEND_STEP))

    def action_move_item(self, offset: int) -> None:
        item = self._selected_item()
        if item is not None:
            self._change_agenda(lambda agenda: agenda_logic.move(agenda, item.id, offset))

    def action_details(self) -> None:
        from smartplan_tui.screens.session_form import DETAIL_FIELDS, SessionDetailsForm

        def edited(info: SessionInfo | None) -> None:
            if info is not None:
                fields = {name: getattr(info, name) for name in DETAIL_FIELDS}
                self.save(lambda: self.handle.apply(lambda session, _new_id: replace(
                    session, info=replace(session.info, **fields))))

        self.app.push_screen(SessionDetailsForm(self.session.info, self.smartplan.store), edited)

    def action_add_item(self) -> None:
        self.add_drafted(AGENDA, AgendaItemForm())

    def action_edit_item(self) -> None:
        item = self._selected_item()
        if item is None:
            return

        def edited(draft: AgendaItem | None) -> None:
            if draft is not None:
                self.save(lambda: self.handle.update(AGENDA, item.id, lambda current: replace(
                    current, title=draft.title, minutes=draft.minutes,
                    exercise=draft.exercise)))

        self.app.push_screen(AgendaItemForm(item), edited)

    def action_remove_item(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.confirm_remove(AGENDA, item.id, _("Remove the agenda item “{title}”?").format(
                title=visible(item.title, 80)), _("Remove"))

    def on_item_list_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        self.action_edit_item()

    def action_guide(self) -> None:
        """The card of the highlighted item's exercise, to prepare it before it starts."""
        item = self._selected_item()
        if item is None:
            return
        exercise = exercise_named(item.exercise)
        name = exercise.name if exercise is not None else ""
        topic = "dot" if name == "voting" else name
        if topic not in CARDS:
            self.refuse(_("“{title}” has no facilitator's card: cards are for SWOT, TOWS, "
                          "votes and the action plan.").format(title=visible(item.title, 40)))
            return
        toggle_guide(self, topic)

    def action_open_item_exercise(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        if not item.exercise:
            self.refuse(_("“{title}” has no exercise: press Enter to give it one.").format(
                title=item.title))
            return
        self.action_exercise(item.exercise)

    # ------------------------------------------------------------------ exercises

    def action_exercise(self, name: str) -> None:
        """Open an exercise screen on this session."""
        exercise = exercise_named(name)
        if exercise is None:
            self.notify(visible(_("No screen for the exercise {name!r}").format(name=name)),
                        severity="warning", markup=False)
            return
        module, _colon, class_name = exercise.screen.partition(":")
        try:
            screen_class = getattr(importlib.import_module(module), class_name)
            screen = screen_class(self.handle)
        except (ImportError, AttributeError) as error:
            self.notify(visible(_("The {name} screen is not available: {error}").format(
                name=name, error=error)), severity="error", markup=False)
            return
        except ModelError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        self.app.push_screen(screen)

    def action_export(self) -> None:
        from smartplan_tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.session))

    def action_room(self) -> None:
        """The Room screen: the QR code for phones, the hub, what the room sees."""
        from smartplan_tui.screens.room import RoomScreen

        self.app.push_screen(RoomScreen(self.handle))

"""The agenda: start, advance and extend items; time left; plan against actual.

Functions take the whole agenda (a tuple of items in order) and return a new one, because
starting an item ends the one running: at most one item runs at a time. `now` is passed
in, never read from the clock, so the logic is testable and the app decides the time zone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime, timedelta

from smartplan_tui.i18n import _
from smartplan_tui.labels import EXERCISE_NAMES  # what a report calls an item's exercise
from smartplan_tui.model import AgendaItem, ModelError
from smartplan_tui.records import record
from smartplan_tui.text import quoted

__all__ = [
    "EXERCISE_NAMES",
    "AgendaReport",
    "AgendaRow",
    "extend",
    "move",
    "next_item",
    "plan_vs_actual",
    "running",
    "schedule",
    "start",
    "time_left",
]

Agenda = Sequence[AgendaItem]



def running(agenda: Agenda) -> AgendaItem | None:
    """The item started and not ended (the last such, should data hold several)."""
    for item in reversed(agenda):
        if item.started_at is not None and item.ended_at is None:
            return item
    return None


def _index(agenda: Agenda, item_id: str) -> int:
    for i, item in enumerate(agenda):
        if item.id == item_id:
            return i
    raise ModelError("agenda", _("no agenda item {id!r}").format(id=item_id))


def _elapsed(since: datetime, until: datetime) -> timedelta:
    try:
        return until - since
    except TypeError:
        raise ModelError("now", _("mixes a timestamp with and without a time zone")) from None


def _ended(item: AgendaItem, now: datetime) -> AgendaItem:
    assert item.started_at is not None
    if _elapsed(item.started_at, now) < timedelta(0):
        raise ModelError("now", _("{now} is before {item} started").format(
            now=now.isoformat(), item=quoted(item.title)))
    return dataclasses.replace(item, ended_at=now)


def start(agenda: Agenda, item_id: str, now: datetime) -> tuple[AgendaItem, ...]:
    """The agenda with `item_id` running from `now`; the item running before ends at `now`.

    Starting the running item changes nothing. Starting an item that already ended starts
    it afresh (its earlier start and end are replaced).
    """
    target = _index(agenda, item_id)
    current = running(agenda)
    if current is not None and current.id == item_id:
        return tuple(agenda)
    items = list(agenda)
    if current is not None:
        items[_index(agenda, current.id)] = _ended(current, now)
    items[target] = dataclasses.replace(items[target], started_at=now, ended_at=None)
    return tuple(items)


def next_item(agenda: Agenda, now: datetime) -> tuple[AgendaItem, ...]:
    """End the running item and start the first later one not yet started.

    With nothing running, the first item never started begins. At the end of the agenda
    the running item just ends.
    """
    current = running(agenda)
    begin = _index(agenda, current.id) + 1 if current is not None else 0
    for item in agenda[begin:]:
        if item.started_at is None:
            return start(agenda, item.id, now)
    if current is None:
        return tuple(agenda)
    items = list(agenda)
    items[begin - 1] = _ended(current, now)
    return tuple(items)


def extend(agenda: Agenda, item_id: str, minutes: int) -> tuple[AgendaItem, ...]:
    """More planned minutes for an item (negative shortens it, never below zero)."""
    index = _index(agenda, item_id)
    item = agenda[index]
    planned = item.minutes + minutes
    if planned < 0:
        raise ModelError(f"agenda[{index}].minutes", _("{minutes} − {less} is below 0").format(
            minutes=item.minutes, less=-minutes))
    items = list(agenda)
    items[index] = dataclasses.replace(item, minutes=planned)
    return tuple(items)


def move(agenda: Agenda, item_id: str, offset: int) -> tuple[AgendaItem, ...]:
    """The agenda with `item_id` moved `offset` places (-1: up); it stops at either end."""
    index = _index(agenda, item_id)
    target = max(0, min(len(agenda) - 1, index + offset))
    items = list(agenda)
    items.insert(target, items.pop(index))
    return tuple(items)


def _actual(item: AgendaItem, now: datetime | None) -> timedelta | None:
    if item.started_at is None:
        return None
    until = item.ended_at or now
    return None if until is None else _elapsed(item.started_at, until)


def time_left(item: AgendaItem, now: datetime) -> timedelta:
    """Planned time minus time used so far; negative when the item runs over."""
    used = _actual(item, now) or timedelta(0)
    return timedelta(minutes=item.minutes) - used


@record
class AgendaRow:
    """One item: planned and actual minutes, and the difference (positive = over)."""

    id: str
    title: str
    state: str
    """'done', 'running' or 'not started'."""
    planned: int
    actual: float | None
    difference: float | None


@record
class AgendaReport:
    """Plan against actual for the whole session.

    `planned_total` covers every item; `actual_total` covers the items that started (the
    running one up to `now`, if given). `difference` is how far the session is behind its
    plan: ended items against their plan, the running one only by what it ran over (its
    minutes still to come are not time saved).
    """

    rows: tuple[AgendaRow, ...]
    planned_total: int
    actual_total: float
    difference: float

    @property
    def over(self) -> bool:
        return self.difference > 0


def plan_vs_actual(agenda: Agenda, now: datetime | None = None) -> AgendaReport:
    """Per item planned vs actual minutes, totals, and whether the session runs over."""
    rows = []
    for item in agenda:
        state = ("not started" if item.started_at is None
                 else "done" if item.ended_at is not None else "running")
        used = _actual(item, now)
        actual = round(used.total_seconds() / 60, 2) if used is not None else None
        difference = round(actual - item.minutes, 2) if actual is not None else None
        rows.append(AgendaRow(item.id, item.title, state, item.minutes, actual, difference))
    measured = [r for r in rows if r.actual is not None]
    actual_total = round(sum(r.actual or 0.0 for r in measured), 2)
    behind = sum(max(0.0, r.difference or 0.0) if r.state == "running" else r.difference or 0.0
                 for r in measured)
    return AgendaReport(tuple(rows), sum(r.planned for r in rows), actual_total,
                        round(behind, 2))


def schedule(difference: float) -> str:
    """`difference` (minutes behind the plan, negative: ahead) as the panel and report say it."""
    minutes = round(difference)
    if minutes > 0:
        return _("{minutes} min behind schedule").format(minutes=minutes)
    if minutes < 0:
        return _("{minutes} min ahead of schedule").format(minutes=-minutes)
    return _("on schedule")

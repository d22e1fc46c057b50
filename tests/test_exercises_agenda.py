"""The agenda: one item running at a time, time left, plan against actual."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from smartplan_tui.exercises import agenda
from smartplan_tui.model import AgendaItem, ModelError

TZ = timezone(timedelta(hours=2))
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def minutes(n: float) -> datetime:
    return T0 + timedelta(minutes=n)


PLAN = (AgendaItem("ag1", "Welcome", 15), AgendaItem("ag2", "SWOT", 45, "swot"),
        AgendaItem("ag3", "Voting", 30, "votes"))


def test_start_ends_the_running_item() -> None:
    day = agenda.start(PLAN, "ag1", T0)
    assert agenda.running(day) == AgendaItem("ag1", "Welcome", 15, started_at=T0)
    day = agenda.start(day, "ag3", minutes(20))
    assert day[0].ended_at == minutes(20)
    assert agenda.running(day).id == "ag3"  # type: ignore[union-attr]
    assert agenda.start(day, "ag3", minutes(25)) == day  # already running
    with pytest.raises(ModelError, match="no agenda item 'ag9'"):
        agenda.start(day, "ag9", T0)


def test_next_item_walks_the_agenda_and_ends_at_the_end() -> None:
    day = agenda.next_item(PLAN, T0)
    assert agenda.running(day).id == "ag1"  # type: ignore[union-attr]
    day = agenda.next_item(day, minutes(17))
    day = agenda.next_item(day, minutes(70))
    assert agenda.running(day).id == "ag3"  # type: ignore[union-attr]
    day = agenda.next_item(day, minutes(95))
    assert agenda.running(day) is None
    assert [i.ended_at for i in day] == [minutes(17), minutes(70), minutes(95)]
    assert agenda.next_item(day, minutes(99)) == day


def test_time_left_counts_down_and_goes_negative_when_over() -> None:
    item = agenda.start(PLAN, "ag2", T0)[1]
    assert agenda.time_left(item, minutes(30)) == timedelta(minutes=15)
    assert agenda.time_left(item, minutes(50)) == timedelta(minutes=-5)
    assert agenda.time_left(PLAN[0], minutes(50)) == timedelta(minutes=15)  # not started


def test_extend_adds_planned_minutes_and_refuses_below_zero() -> None:
    assert agenda.extend(PLAN, "ag2", 10)[1].minutes == 55
    assert agenda.extend(PLAN, "ag2", -45)[1].minutes == 0
    with pytest.raises(ModelError, match=r"agenda\[1\].minutes: 45 − 46 is below 0"):
        agenda.extend(PLAN, "ag2", -46)


def test_plan_vs_actual_totals_and_over_under() -> None:
    day = agenda.next_item(PLAN, T0)
    day = agenda.next_item(day, minutes(12))      # welcome: 12 of 15 (3 under)
    report = agenda.plan_vs_actual(day, now=minutes(62))  # SWOT running 50 of 45
    assert [(r.id, r.state, r.planned, r.actual, r.difference) for r in report.rows] == [
        ("ag1", "done", 15, 12.0, -3.0), ("ag2", "running", 45, 50.0, 5.0),
        ("ag3", "not started", 30, None, None)]
    assert (report.planned_total, report.actual_total, report.difference) == (90, 62.0, 2.0)
    assert report.over
    without_now = agenda.plan_vs_actual(day)
    assert without_now.rows[1].actual is None and without_now.difference == -3.0


def test_mixing_time_zones_is_a_clear_error() -> None:
    day = agenda.start(PLAN, "ag1", T0)
    with pytest.raises(ModelError, match="mixes a timestamp with and without a time zone"):
        agenda.time_left(day[0], datetime(2026, 12, 1, 9, 30))
    with pytest.raises(ModelError, match="before “Welcome” started"):
        agenda.start(day, "ag2", minutes(-5))


def test_a_running_item_counts_its_elapsed_minutes_not_its_plan() -> None:
    day = agenda.next_item(PLAN, T0)
    day = agenda.next_item(day, minutes(12))      # welcome: 12 of 15 (3 under)
    report = agenda.plan_vs_actual(day, now=minutes(32))  # SWOT running 20 of 45
    assert report.difference == -3.0  # not 28 under: the 25 minutes left are still to come
    assert agenda.schedule(report.difference) == "3 min ahead of schedule"
    assert agenda.schedule(5.4) == "5 min behind schedule"
    assert agenda.schedule(0.3) == "on schedule"


def test_move_reorders_and_stops_at_the_ends() -> None:
    assert [i.id for i in agenda.move(PLAN, "ag3", -1)] == ["ag1", "ag3", "ag2"]
    assert [i.id for i in agenda.move(PLAN, "ag1", 1)] == ["ag2", "ag1", "ag3"]
    assert agenda.move(PLAN, "ag1", -1) == PLAN
    assert agenda.move(PLAN, "ag3", 1) == PLAN

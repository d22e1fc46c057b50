"""Pilot tests of the action plan: grouped table, the form with its live SMART check,
an action from the winning priority, edits that keep concurrent changes, filters.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input
from tui_support import settle
from tui_votes_steps import SIZE, demo_app, open_screen, press, stored, text_of

from smartplan_tui.collection_registry import ACTIONS
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.model import Action, ActionStatus
from smartplan_tui.screens.action_form import ActionFormScreen, changed_fields, read_budget
from smartplan_tui.screens.actions import ActionPlanScreen, cycle
from smartplan_tui.store import SessionStore


def table_rows(screen: ActionPlanScreen) -> list[tuple[str, str]]:
    """(row key, first cell) of every row, top to bottom."""
    table = screen.query_one("#action-table", DataTable)
    return [(str(row.key.value), table.get_row_at(i)[0].plain.strip())
            for i, row in enumerate(table.ordered_rows)]


async def act_on(pilot: Pilot[None], action_id: str, key: str) -> None:
    """Put the cursor on an action's row and press `key` there."""
    table = pilot.app.screen.query_one("#action-table", DataTable)
    table.move_cursor(row=table.get_row_index(action_id))
    await press(pilot, key)


async def test_plan_grouped_by_priority(demo_store: SessionStore, home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "p", ActionPlanScreen)
        rows = table_rows(screen)
        keys = [key for key, _ in rows]
        # v1's count: C first (a1, a2), then A (a3), then B (a4); headings before each.
        assert keys == ["group 0", "a1", "a2", "group 1", "a3", "group 2", "a4"]
        assert rows[0][1].startswith("#1 C · Shared cross-border"), rows[0][1]
        assert "v1" not in rows[0][1]
        table = screen.query_one("#action-table", DataTable)
        smart = {str(r.key.value): table.get_row_at(i)[1].plain
                 for i, r in enumerate(table.ordered_rows) if r.key.value in ("a1", "a3", "a4")}
        assert smart["a1"] == "✓" and smart["a3"] == "MT" and smart["a4"] == "SMAT"


async def test_form_checks_smart_while_typing(demo_store: SessionStore, home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "p", ActionPlanScreen)
        form = await open_screen(pilot, "n", ActionFormScreen)
        smart = form.query_one("#smart-check")
        assert "✗S" in text_of(smart) and "no owner" in text_of(smart)
        form.query_one("#field-owner", Input).focus()
        await press(pilot, *"Līga")
        assert "✓A" in text_of(smart) and "no owner" not in text_of(smart)
        form.query_one("#field-start", Input).value = "2027-03-01"
        form.query_one("#field-due", Input).value = "2027-02-30"
        await pilot.pause()
        assert "Due: 2027-02-30 is not a real date" in text_of(form.query_one("#form-error"))
        await press(pilot, "ctrl+s")
        assert app.screen is form  # refused: nothing written
        form.query_one("#field-due", Input).value = "2027-02-01"
        await pilot.pause()
        assert "not after the start 2027-03-01" in text_of(smart)
        form.query_one("#field-due", Input).value = "2027-06-30"
        form.query_one("#field-budget_eur", Input).value = "12 500"
        form.query_one("#field-partners", Input).value = "Klaipėda University; [b]Port[/b]"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ActionPlanScreen)
    action = stored(home).actions[-1]
    assert (action.title, action.owner, action.start, action.due, action.budget_eur) == (
        "New action", "Līga", date(2027, 3, 1), date(2027, 6, 30), 12500)
    assert action.partners == ("Klaipėda University", "[b]Port[/b]")


async def test_one_key_action_for_the_winner(demo_store: SessionStore, home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "p", ActionPlanScreen)
        form = await open_screen(pilot, "a", ActionFormScreen)  # v1 is closed; C won it
        assert form.query_one("#field-title", Input).value.startswith("Shared cross-border")
        await press(pilot, "enter")
    action = stored(home).actions[-1]
    assert action.id == "a5" and action.priority == "v1:C"
    assert action.status is ActionStatus.PLANNED


async def test_edit_writes_only_what_changed(demo_store: SessionStore, home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "p", ActionPlanScreen)
        await act_on(pilot, "a3", "e")
        # Meanwhile a note-taker's terminal marks the action in progress.
        SessionStore(home).open(DEMO_ID).update(
            ACTIONS, "a3", lambda a: dataclasses.replace(a, status=ActionStatus.IN_PROGRESS))
        form = app.screen
        heading = text_of(form.query_one(".title-line"))
        title = stored(home).find(ACTIONS, "a3").title
        assert heading.startswith(f"Edit action “{title[:20]}") and "a3" not in heading
        form.query_one("#field-indicator", Input).value = "Study delivered"
        form.query_one("#field-target", Input).value = "1"
        await press(pilot, "ctrl+s")
    action = stored(home).find(ACTIONS, "a3")
    assert (action.indicator, action.target) == ("Study delivered", "1")
    assert action.status is ActionStatus.IN_PROGRESS  # the other edit was kept


async def test_status_key_filters_and_delete(demo_store: SessionStore, home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "p", ActionPlanScreen)
        await act_on(pilot, "a4", "s")
        assert stored(home).find(ACTIONS, "a4").status is ActionStatus.IN_PROGRESS
        await pilot.press("f", "f")  # any → planned → in-progress
        await pilot.pause()
        assert screen.status_filter is ActionStatus.IN_PROGRESS
        assert [k for k, _ in table_rows(screen) if not k.startswith("group")] == ["a2", "a4"]
        assert "2 of 4 actions" in text_of(screen.query_one("#action-filters"))
        await pilot.press("f", "f", "f", "o")  # status filter off; first owner
        await pilot.pause()
        assert screen.status_filter is None and screen.owner_filter == "Ilze Bērziņa"
        assert [k for k, _ in table_rows(screen) if not k.startswith("group")] == ["a2"]
        await act_on(pilot, "a2", "delete")
        await press(pilot, "y")
    assert [a.id for a in stored(home).actions] == ["a1", "a3", "a4"]


def test_form_helpers() -> None:
    assert read_budget("12 000") == 12000 and read_budget("99,5") == 99.5
    assert read_budget("") is None
    before = Action("a1", "Old", owner="X")
    assert changed_fields(before, dataclasses.replace(before, title="New")) == {"title": "New"}
    assert cycle(["a", "b"], None) == "a" and cycle(["a", "b"], "b") is None


async def test_owner_is_offered_from_the_participants(demo_store: SessionStore,
                                                      home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "p", ActionPlanScreen)
        form = await open_screen(pilot, "n", ActionFormScreen)
        owner = form.query_one("#field-owner", Input)
        owner.focus()
        await pilot.pause()
        await press(pilot, *"jon")
        await settle(pilot)  # the suggestion is worked out in the background
        await press(pilot, "right")  # → takes the suggestion
        assert owner.value == "Jonas Petrauskas"
        owner.value = ""
        await press(pilot, "ctrl+o")  # or picked from the list of participants
        await press(pilot, "enter", "down", "down", "enter", "ctrl+s")
        assert app.screen is form
        assert owner.value == "Jonas Petrauskas"
        owner.value = "Municipality of Nīca"  # and anyone else is typed as is
        await press(pilot, "ctrl+s")
    assert stored(home).actions[-1].owner == "Municipality of Nīca"


async def test_plan_shows_the_measure_and_spells_the_smart_gaps(demo_store: SessionStore,
                                                                home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=(130, 30)) as pilot:
        screen = await open_screen(pilot, "p", ActionPlanScreen)
        table = screen.query_one("#action-table", DataTable)
        row = [cell.plain for cell in table.get_row("a2")]
        assert "People trained: 0 → 40" in row
        table.move_cursor(row=table.get_row_index("a4"))
        await pilot.pause()
        detail = text_of(screen.query_one("#action-detail"))
        assert "Signs installed: 0 → —" in detail
        assert "measurable:" in detail and "time-bound:" in detail

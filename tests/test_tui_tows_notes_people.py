"""TOWS strategies, the notes log and the participant register."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Select, SelectionList
from tui_support import settle, stored, toasts, type_into

from smartplan_tui.app import make_app
from smartplan_tui.model import NoteKind, Quadrant, Session, SessionInfo, SwotItem, TowsType
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.tows_form import TowsForm
from smartplan_tui.store import SessionStore


def _small(store: SessionStore) -> None:
    store.save_whole(Session(info=SessionInfo(id="small", title="Small"), swot=(
        SwotItem("s1", Quadrant.STRENGTHS, "Harbour"),
        SwotItem("s2", Quadrant.WEAKNESSES, "Few buses"),
        SwotItem("s3", Quadrant.OPPORTUNITIES, "Wind farms"),
        SwotItem("s4", Quadrant.THREATS, "Storms"))))


async def test_tows_strategy_from_picked_items_and_empty_combinations(
        store: SessionStore) -> None:
    _small(store)
    app = make_app(store.home, "small")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        empty = str(app.screen.query_one("#tows-empty").render())
        assert "Still empty: 4 combinations" in empty and "no SO, ST, WO, WT" in empty
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TowsForm)
        form.query_one("#tows-internal", SelectionList).select("s2")
        form.query_one("#tows-external", SelectionList).select("s4")
        form.query_one("#tows-text", Input).value = "[WT] Storm-proof bus shelters"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [strategy] = stored(store, "small").tows
        assert (strategy.type, strategy.links, strategy.text) == (
            TowsType.WT, ("s2", "s4"), "[WT] Storm-proof bus shelters")
        box = app.screen.query_one("#tows-WT", OptionList)
        assert "[WT] Storm-proof bus shelters" in str(box.get_option_at_index(0).prompt)
        empty = str(app.screen.query_one("#tows-empty").render())
        assert "Still empty: 3 combinations" in empty and "no SO, ST, WO" in empty


async def test_tows_refuses_a_mismatched_type_inline(store: SessionStore) -> None:
    _small(store)
    app = make_app(store.home, "small")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t", "n")
        await settle(pilot)
        form = app.screen
        form.query_one("#tows-internal", SelectionList).select("s1")
        form.query_one("#tows-external", SelectionList).select("s3")
        form.query_one("#tows-text", Input).value = "Wind port"
        form.query_one("#tows-type", Select).value = "WT"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert str(form.query_one("#form-error").render()).startswith(
            "Strengths / weaknesses: “Harbour” is one of the strengths")
        assert stored(store, "small").tows == ()


async def test_tows_delete_confirms(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        before = stored(demo_store).tows
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert len(stored(demo_store).tows) == len(before) - 1


async def test_notes_log_adds_decisions_and_filters(demo_store: SessionStore) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        log = app.screen.query_one("#notes-log", OptionList)
        count = log.option_count
        app.screen.query_one("#note-kind", Select).value = NoteKind.DECISION
        app.screen.query_one("#note-input", Input).focus()
        await type_into(pilot, "Apply for [Interreg] funding")
        await pilot.press("enter")
        await settle(pilot)
        note = stored(demo_store).notes[-1]
        assert (note.kind, note.text) == (NoteKind.DECISION, "Apply for [Interreg] funding")
        assert log.option_count == count + 1
        last = str(log.get_option_at_index(log.option_count - 1).prompt)
        assert "DECISION" in last and "Apply for [Interreg] funding" in last
        await pilot.press("escape", "f", "f")  # to the list; all → note → decision
        await settle(pilot)
        decisions = [n for n in stored(demo_store).notes if n.kind is NoteKind.DECISION]
        assert log.option_count == len(decisions)


async def test_participants_add_edit_remove_and_counts(store: SessionStore) -> None:
    store.create(SessionInfo(id="w", title="Workshop"))
    app = make_app(store.home, "w")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r", "a")
        await settle(pilot)
        await type_into(pilot, "Ilze [Bērziņa]")
        app.screen.query_one("#person-country", Input).value = "Latvia"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Country: 'LATVIA' is not a two-letter country code" in str(
            app.screen.query_one("#form-error").render())
        app.screen.query_one("#person-country", Input).value = "lv"
        app.screen.query_one("#person-organisation", Input).value = "Kurzeme PR"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [person] = stored(store, "w").participants
        assert (person.name, person.country) == ("Ilze [Bērziņa]", "LV")
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[0]) == "Ilze [Bērziņa]"
        counts = str(app.screen.query_one("#participant-counts").render())
        assert "1 participant\n" in counts and "LV" in counts and "Kurzeme PR" in counts
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#person-role", Input).value = "facilitator"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(store, "w").participants[0].role == "facilitator"
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert stored(store, "w").participants == ()


async def test_participants_csv_import_all_or_nothing(store: SessionStore,
                                                      tmp_path: Path) -> None:
    store.create(SessionInfo(id="w", title="Workshop"))
    bad = tmp_path / "bad.csv"
    bad.write_text("name,organisation,country\nA,Org,LV\nB,Org,Lithuania\n", encoding="utf-8")
    good = tmp_path / "people.csv"
    good.write_text("Name;Organisation;Country;Role;Email\n"
                    "Jonas;Klaipėda Council;lt;;jonas@example.lt\n"
                    "Ilze;Kurzeme PR;LV;facilitator;\n"
                    "Aiva;Kurzeme PR;LV;;\n", encoding="utf-8")
    app = make_app(store.home, "w")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        for path in (bad, good):
            await pilot.press("c")
            await settle(pilot)
            await type_into(pilot, str(path))
            await pilot.press("enter")
            await settle(pilot)
        assert any("bad.csv line 3: country: 'LITHUANIA'" in text for text in toasts(app, "error"))
        people = stored(store, "w").participants
        assert [(p.name, p.country) for p in people] == [
            ("Jonas", "LT"), ("Ilze", "LV"), ("Aiva", "LV")]
        counts = str(app.screen.query_one("#participant-counts").render())
        assert "   2  LV" in counts and "   2  Kurzeme PR" in counts

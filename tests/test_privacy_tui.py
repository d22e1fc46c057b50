"""The participants screen's erase key, and the app's word about an unfinished erasure."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import orjson
from test_privacy_erase import EMAIL, NAME, build_home, leftovers
from textual.widgets import DataTable, Input, Select
from tui_support import settle, stored, toasts

from smartplan_tui.app import make_app
from smartplan_tui.collection_registry import PARTICIPANTS
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.store import SessionStore


async def _highlight_person(app: object, pilot: object) -> None:
    table = app.screen.query_one(DataTable)  # type: ignore[attr-defined]
    table.move_cursor(row=table.get_row_index("p5"))
    await settle(pilot)  # type: ignore[arg-type]


async def test_erase_key_confirms_what_changes_then_erases_this_session_only(
        store: SessionStore) -> None:
    build_home(store, "camp", "forum")
    app = make_app(store.home, "camp")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await _highlight_person(app, pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.question
        assert f"Erase {NAME} from session camp?" in question
        assert "1 SWOT item, 2 notes and 1 action" in question
        assert "their named ballots (2) are kept as anonymous ballots" in question
        assert "Other sessions are not changed" in question
        await pilot.press("n")
        await settle(pilot)
        assert stored(store, "camp").find(PARTICIPANTS, "p5").name == NAME

        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert any("Erased" in t for t in toasts(app)), toasts(app)
        table = app.screen.query_one(DataTable)
        assert str(table.get_row("p5")[0]) == "erased participant 1"
    assert stored(store, "camp").find(PARTICIPANTS, "p5").name == "erased participant 1"
    assert stored(store, "forum").find(PARTICIPANTS, "p5").name == NAME
    camp_files = [h for h in leftovers(store.home, NAME) + leftovers(store.home, EMAIL)
                  if "camp" in h]
    assert camp_files == []


async def test_app_start_reports_an_unfinished_erasure(store: SessionStore) -> None:
    build_home(store, "camp")
    (store.home / "erasure-pending.json").write_bytes(orjson.dumps(
        {"started": "2026-12-01T10:00:00Z", "reason": "", "with_texts": False,
         "sessions": {"camp": [{"id": "p5", "name": NAME, "email": EMAIL,
                                "label": "erased participant 1"}]}}))
    app = make_app(store.home, None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert any("An erasure started 2026-12-01T10:00:00Z was not finished" in t
                   for t in toasts(app, "error"))


async def test_own_data_key_writes_the_zip_of_this_session(store: SessionStore,
                                                           tmp_path: Path) -> None:
    build_home(store, "camp")
    target = tmp_path / "liga.zip"
    app = make_app(store.home, "camp")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await _highlight_person(app, pilot)
        await pilot.press("o")
        await settle(pilot)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert any(f"Wrote {target}" in t for t in toasts(app))
    with zipfile.ZipFile(target) as archive:
        people = json.loads(archive.read("participants.json"))
    assert [(p["session"], p["name"]) for p in people] == [("camp", NAME)]


async def test_consent_is_shown_recorded_and_withdrawn_on_the_participants_screen(
        store: SessionStore) -> None:
    build_home(store, "camp")
    app = make_app(store.home, "camp")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await _highlight_person(app, pilot)
        await pilot.press("k")
        await settle(pilot)
        app.screen.query_one("#consent-attendance", Select).value = "given"
        app.screen.query_one("#consent-photos", Select).value = "refused"
        app.screen.query_one("#consent-how", Select).value = "paper"
        app.screen.query_one("#consent-recorded-by", Input).value = "Aiva"
        await pilot.press("ctrl+s")
        await settle(pilot)
        person = stored(store, "camp").find(PARTICIPANTS, "p5")
        assert [(c.purpose, c.given, c.how, c.recorded_by) for c in person.consent] == [
            ("attendance", True, "paper", "Aiva"), ("photos", False, "paper", "Aiva")]
        assert all(c.at is not None for c in person.consent)
        table = app.screen.query_one(DataTable)
        assert str(table.get_row("p5")[-1]) == "Attendance; no: Photos"

        await pilot.press("k")
        await settle(pilot)
        app.screen.query_one("#consent-attendance", Select).value = "withdrawn"
        await pilot.press("ctrl+s")
        await settle(pilot)
        withdrawn = stored(store, "camp").find(PARTICIPANTS, "p5").consent
        assert withdrawn[0].given and withdrawn[0].withdrawn_at is not None
        assert withdrawn[1] == person.consent[1]  # unchanged purposes keep their answer
        assert str(app.screen.query_one(DataTable).get_row("p5")[-1]) == "no: Attendance, Photos"

"""Retention: a date per session, `privacy due`, `privacy purge --due [--dry-run]`, and the
app's word at start about sessions past their date."""

from __future__ import annotations

import json
from pathlib import Path

from session_factory import rich_session
from test_privacy_erase import NAME, build_home, leftovers, run_cli
from tui_support import settle, toasts

from smartplan_tui.app import make_app
from smartplan_tui.privacy import is_erased
from smartplan_tui.store import SessionStore, loads


def snapshot_of(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*"))
            if p.is_file()}


def test_retain_until_is_written_only_when_set_and_round_trips(store: SessionStore) -> None:
    build_home(store, "camp")
    before = run_cli("export", "camp", "--format", "json").stdout
    assert "retain_until" not in before
    assert run_cli("privacy", "retain", "camp", "2027-06-30").returncode == 0
    text = run_cli("export", "camp", "--format", "json").stdout
    assert json.loads(text)["session"]["retain_until"] == "2027-06-30"
    store.import_document(loads(text, "camp.json"), replace_existing=True)
    assert run_cli("export", "camp", "--format", "json").stdout == text
    assert run_cli("privacy", "retain", "camp", "none").returncode == 0
    assert run_cli("export", "camp", "--format", "json").stdout == before
    bad = run_cli("privacy", "retain", "camp", "2027-02-30")
    assert bad.returncode == 2 and bad.stderr.startswith("smartplan: error: DATE: ")


def test_due_lists_and_purge_erases_only_the_sessions_past_their_date(
        store: SessionStore, home: Path) -> None:
    build_home(store, "camp", "forum")
    assert run_cli("privacy", "due").stdout.strip() == "no session is past its retention date"
    assert run_cli("privacy", "retain", "camp", "2020-01-31").returncode == 0
    assert run_cli("privacy", "retain", "forum", "2999-12-31").returncode == 0
    due = run_cli("privacy", "due")
    assert due.stdout.splitlines() == ["camp  retain until 2020-01-31  Coastal innovation camp"]
    results = run_cli("results", "camp", "--json").stdout

    files = snapshot_of(home)
    dry = run_cli("privacy", "purge", "--due", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == ["camp: would erase 5 participants"]
    assert snapshot_of(home) == files

    purged = run_cli("privacy", "purge", "--due")
    assert purged.returncode == 0, purged.stderr
    camp = store.load("camp")
    assert all(is_erased(p) for p in camp.participants)
    assert [p.name for p in camp.participants][:2] == ["erased participant 1",
                                                       "erased participant 2"]
    assert not any(is_erased(p) for p in store.load("forum").participants)
    assert run_cli("results", "camp", "--json").stdout == results
    for person in rich_session().participants:
        assert [h for h in leftovers(home, person.name) if "camp" in h] == []
    assert [h for h in leftovers(home, NAME) if "camp" in h] == []
    again = run_cli("privacy", "purge", "--due")
    assert again.stdout.strip() == ("no participant of a session past its retention date is "
                                    "left to erase")


def test_purge_needs_due() -> None:
    result = run_cli("privacy", "purge")
    assert result.returncode == 2
    assert result.stderr.startswith("smartplan: error: --due: say which sessions to purge")


async def test_the_app_says_at_start_which_sessions_are_past_their_date(
        store: SessionStore) -> None:
    build_home(store, "camp", "forum")
    assert run_cli("privacy", "retain", "forum", "2020-01-31").returncode == 0
    app = make_app(store.home, None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert any("1 session past its retention date: forum." in t
                   for t in toasts(app, "warning"))

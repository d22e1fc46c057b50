"""What is on disk: unreadable files, torn journals, backups, schema migrations, data home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import smartplan_tui.store.session_file as session_file
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, SessionInfo, SwotItem
from smartplan_tui.store import SessionStore, StoreError, data_home


def _add(store: SessionStore, text: str) -> None:
    store.open("ws").add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, text))


@pytest.fixture
def ws(store: SessionStore) -> SessionStore:
    store.create(SessionInfo("ws", "Workshop"))
    return store


def test_unreadable_file_names_itself_and_the_backup_and_is_never_overwritten(
        ws: SessionStore, home: Path) -> None:
    _add(ws, "kept")
    path = home / "sessions" / "ws.json"
    path.write_bytes(b'{"meta": {"info": ')  # damaged, e.g. by a disk-full editor save
    fresh = SessionStore(home)
    with pytest.raises(StoreError) as error:
        fresh.load("ws")
    message = str(error.value)
    assert str(path) in message and "cannot be read" in message
    assert str(fresh.backups("ws")[-1]) in message
    with pytest.raises(StoreError):
        _add(fresh, "must not be written")
    assert path.read_bytes() == b'{"meta": {"info": '
    assert "\n" not in message


def test_a_torn_last_journal_line_is_dropped_and_later_writes_are_kept(
        ws: SessionStore, home: Path) -> None:
    _add(ws, "one")
    journal = home / "sessions" / "ws.journal"
    with open(journal, "ab") as f:
        f.write(b'[{"t":"swot","id":"s9","doc":{"id":"s9","quad')  # the writer died here
    fresh = SessionStore(home)
    assert [i.text for i in fresh.load("ws").swot] == ["one"]
    _add(fresh, "two")
    assert [i.text for i in SessionStore(home).load("ws").swot] == ["one", "two"]


def test_damage_before_the_last_journal_line_is_refused(ws: SessionStore, home: Path) -> None:
    _add(ws, "one")
    _add(ws, "two")
    journal = home / "sessions" / "ws.journal"
    lines = journal.read_bytes().split(b"\n")
    lines[1] = b"garbage"
    journal.write_bytes(b"\n".join(lines))
    with pytest.raises(StoreError, match=r"ws.journal cannot be read \(line 2 is damaged"):
        SessionStore(home).load("ws")


def test_compaction_keeps_everything_and_rolls_backups(
        ws: SessionStore, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_file, "COMPACT_AFTER_LINES", 3)
    monkeypatch.setattr(session_file, "BACKUP_EVERY_S", 0.0)
    for n in range(40):
        _add(ws, f"item {n}")
    assert [i.text for i in SessionStore(home).load("ws").swot] == [f"item {n}" for n in range(40)]
    backups = ws.backups("ws")
    assert 1 <= len(backups) <= session_file.BACKUPS_KEPT
    snapshot = orjson.loads(backups[-1].read_bytes())
    assert snapshot["meta"]["store"]["schema"] == 1


def test_a_schema_0_file_is_migrated_with_a_backup_of_the_original(home: Path) -> None:
    sessions = home / "sessions"
    sessions.mkdir(parents=True)
    old = {"session": {"1": {"id": "legacy", "title": "Pre-release workshop"}},
           "swot": {"1": {"id": "s1", "quadrant": "strengths", "text": "Ports", "tags": [],
                          "author": ""}}}
    (sessions / "legacy.json").write_text(json.dumps(old))
    store = SessionStore(home)
    session = store.load("legacy")
    assert session.info.title == "Pre-release workshop"
    assert [i.id for i in session.swot] == ["s1"]
    _add_to = store.open("legacy")
    _add_to.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Storms"))
    on_disk = orjson.loads((sessions / "legacy.json").read_bytes())
    assert on_disk["meta"]["store"]["schema"] == 1
    assert sorted(on_disk["swot"]) == ["s1", "s2"]
    original = [orjson.loads(p.read_bytes()) for p in store.backups("legacy")]
    assert old in original, "the pre-migration file must be kept as a backup"


def test_a_file_from_a_newer_smartplan_is_refused(ws: SessionStore, home: Path) -> None:
    path = home / "sessions" / "ws.json"
    data = orjson.loads(path.read_bytes())
    data["meta"]["store"]["schema"] = 99
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(StoreError, match="newer SmartPlan"):
        SessionStore(home).load("ws")


def test_data_home_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTPLAN_HOME", str(tmp_path / "env"))
    assert data_home(tmp_path / "flag") == tmp_path / "flag"
    assert data_home(None) == tmp_path / "env"
    monkeypatch.delenv("SMARTPLAN_HOME")
    assert "smartplan" in str(data_home(None)).lower()


def test_nothing_is_created_at_import(tmp_path: Path) -> None:
    env = {**os.environ, "SMARTPLAN_HOME": str(tmp_path / "h"), "HOME": str(tmp_path / "u"),
           "XDG_DATA_HOME": str(tmp_path / "x")}
    code = "import smartplan_tui.cli, smartplan_tui.store, smartplan_tui.demo"
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert list(tmp_path.iterdir()) == []


def test_settings_round_trip(store: SessionStore) -> None:
    assert store.settings() == {}
    store.save_setting("theme", "gruvbox")
    assert SessionStore(store.home).settings() == {"theme": "gruvbox"}


def test_a_lock_held_too_long_gives_a_clear_error_and_writes_nothing(
        ws: SessionStore, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_file, "LOCK_TIMEOUT_S", 0.3)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; f = os.open(sys.argv[1], os.O_RDONLY); "
         "fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(30)",
         str(home / "sessions")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        fresh = SessionStore(home)
        with pytest.raises(StoreError, match="busy"):
            _add(fresh, "blocked")
    finally:
        holder.kill()
        holder.wait()
    _add(SessionStore(home), "after")
    assert [i.text for i in SessionStore(home).load("ws").swot] == ["after"]


def test_an_unreadable_session_can_still_be_deleted_and_is_kept_as_a_backup(
        ws: SessionStore, home: Path) -> None:
    path = home / "sessions" / "ws.json"
    path.write_bytes(b"not json")
    ws.delete("ws")
    assert not path.exists()
    assert ws.backups("ws")[-1].read_bytes() == b"not json"

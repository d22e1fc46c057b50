"""Session-wide undo and redo in the store: every edit kind, after a restart, between authors,
through an erasure and a kill -9."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from tui_support import stored

from smartplan_tui.collection_registry import ACTIONS, AGENDA, PARTICIPANTS, SWOT, TOWS, VOTES
from smartplan_tui.exercises import swot, voting
from smartplan_tui.model import Action, AgendaItem, Ballot, Quadrant, Session, SwotItem
from smartplan_tui.store import ChangedSince, SessionHandle, SessionStore, StoreError
from smartplan_tui.store.erasure import erase, find_person

SESSION = "coast-camp"


def _journal_lines(home: Path) -> list[list[dict[str, object]]]:
    blob = (home / "sessions" / f"{SESSION}.journal").read_bytes()
    return [orjson.loads(line) for line in blob.split(b"\n")[1:] if line]


@pytest.fixture
def handle(demo_store: SessionStore) -> SessionHandle:
    """The demo session, edited by one terminal."""
    return SessionStore(demo_store.home, author="terminal A").open(SESSION)


def test_delete_undo_puts_back_the_item_its_place_tows_links_and_option_sources(
        handle: SessionHandle, demo_store: SessionStore) -> None:
    handle.update(TOWS, "t3", lambda s: dataclasses.replace(s, links=(*s.links, "s6")))
    before = stored(demo_store)
    target = before.find(SWOT, "s6")
    assert target is not None
    assert any("s6" in s.links for s in before.tows)
    assert any(o.source == "s6" for v in before.votes for o in v.options)
    handle.apply(lambda s, _: swot.delete_item(s, "s6"))
    gone = stored(demo_store)
    assert gone.find(SWOT, "s6") is None
    assert not any(o.source == "s6" for v in gone.votes for o in v.options)
    said = handle.undo()
    assert said == f"Undid: Deleted SWOT item “{target.text}”"
    assert stored(demo_store) == before
    said = handle.redo()
    assert said.startswith("Redid: Deleted SWOT item")
    assert stored(demo_store) == gone


def test_add_update_move_tag_and_reorder_are_undone_and_redone_in_turn(
        handle: SessionHandle, demo_store: SessionStore) -> None:
    states = [stored(demo_store)]
    added = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Ferry link to Liepāja"))
    states.append(stored(demo_store))
    handle.update(SWOT, added.id, lambda it: swot.edit_text(it, "Ferry link to Klaipėda"))
    states.append(stored(demo_store))
    handle.update(SWOT, added.id, lambda it: swot.move(it, Quadrant.OPPORTUNITIES))
    states.append(stored(demo_store))
    handle.update(SWOT, added.id, lambda it: swot.add_tag(it, "ferries"))
    states.append(stored(demo_store))
    ids = [item.id for item in states[-1].swot]
    handle.reorder(SWOT, [ids[-1], *ids[:-1]])
    states.append(stored(demo_store))
    said = [entry.what for entry in handle.history()[:5]]
    assert said == ["Reordered the SWOT items", "Tagged SWOT item “Ferry link to Klaipėda”",
                    "Moved “Ferry link to Klaipėda” to Opportunities",
                    "Edited SWOT item “Ferry link to Klaipėda”",
                    "Added SWOT item “Ferry link to Liepāja”"]
    for state in reversed(states[:-1]):
        handle.undo()
        assert stored(demo_store) == state
    for state in states[1:]:
        handle.redo()
        assert stored(demo_store) == state


def test_merge_vote_close_ballot_actions_agenda_and_info_are_undone(
        handle: SessionHandle, demo_store: SessionStore) -> None:
    start = stored(demo_store)
    strengths = [i.id for i in start.swot if i.quadrant is Quadrant.STRENGTHS]
    handle.apply(lambda s, _: swot.merge(s, strengths[0], strengths[1]))
    assert handle.history()[0].what.startswith("Merged 2 SWOT items into “")
    handle.update(VOTES, "v2", voting.close)
    assert handle.history()[0].what.startswith("Closed vote “")
    handle.update(VOTES, "v2", voting.reopen)
    vote = stored(demo_store).find(VOTES, "v2")
    assert vote is not None
    ballot = Ballot(voter="p9", ranking=tuple(o.id for o in vote.options))
    handle.update(VOTES, "v2", lambda v: voting.cast(v, ballot))
    assert handle.history()[0].what.startswith("1 ballot added to “")
    handle.add(ACTIONS, lambda i: Action(i, "Timetable the Liepāja ferry"))
    handle.add(AGENDA, lambda i: AgendaItem(i, "Ferry working group", 20))
    handle.update_info(lambda info: dataclasses.replace(info, place="Klaipėda"))
    assert handle.history()[0].what == "Edited the session's details"
    handle.update(TOWS, "t3", lambda s: dataclasses.replace(s, links=(*s.links, "s6")))
    assert handle.history()[0].what.startswith("Changed the links of TOWS strategy “")
    for _ in range(8):
        handle.undo()
    assert stored(demo_store) == start


def test_history_survives_a_restart_and_the_compaction_into_a_snapshot(
        demo_store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    handle = SessionStore(demo_store.home, author="terminal A").open(SESSION)
    before = stored(demo_store)
    handle.apply(lambda s, _: swot.delete_item(s, "s1"))
    monkeypatch.setattr("smartplan_tui.store.session_file.COMPACT_AFTER_LINES", 0)
    fresh = SessionStore(demo_store.home, author="terminal A").open(SESSION)
    fresh.update_info(lambda info: dataclasses.replace(info, place="Ventspils"))  # compacts
    snapshot = orjson.loads((demo_store.home / "sessions" / f"{SESSION}.json").read_bytes())
    assert any(e["what"]["do"] == "deleted" for e in snapshot["history"].values())
    restarted = SessionStore(demo_store.home, author="terminal A").open(SESSION)
    restarted.undo()
    restarted.undo()
    assert stored(demo_store) == before


def test_undo_refuses_to_overwrite_another_authors_later_edit_and_names_it(
        handle: SessionHandle, demo_store: SessionStore) -> None:
    added = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Ferry link"))
    other = SessionStore(demo_store.home, author="browser tablet").open(SESSION)
    other.update(SWOT, added.id, lambda it: swot.edit_text(it, "Ferry link to Liepāja"))
    with pytest.raises(ChangedSince) as refused:
        handle.undo()
    message = str(refused.value)
    assert "“Ferry link to Liepāja”" in message and "browser tablet" in message
    assert "\n" not in message and added.id not in message
    assert stored(demo_store).find(SWOT, added.id) is not None
    # Only the other author's own undo is theirs to take; then ours goes through.
    assert other.undo().startswith("Undid: Edited SWOT item")
    handle.undo()
    assert stored(demo_store).find(SWOT, added.id) is None
    assert [e.by for e in handle.history()[:4]] == ["terminal A", "browser tablet",
                                                     "browser tablet", "terminal A"]


def test_forced_undo_overwrites_and_says_so_in_the_history(
        handle: SessionHandle, demo_store: SessionStore) -> None:
    added = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Ferry link"))
    SessionStore(demo_store.home, author="phone p4").open(SESSION).update(
        SWOT, added.id, lambda it: swot.edit_text(it, "Ferry link, daily"))
    entry = handle.history()[1]
    assert handle.undo(entry.id, force=True) == "Undid: Added SWOT item “Ferry link”"
    assert stored(demo_store).find(SWOT, added.id) is None
    assert [(e.by, e.undone) for e in handle.history()] == [
        ("terminal A", True), ("phone p4", False), ("terminal A", True)]


def test_nothing_to_undo_and_the_room_setting_is_no_edit(
        demo_store: SessionStore) -> None:
    handle = SessionStore(demo_store.home, author="terminal B").open(SESSION)
    handle.set_room(handle.room())
    with pytest.raises(StoreError, match=r"Nothing of yours \(terminal B\) to undo"):
        handle.undo()
    with pytest.raises(StoreError, match="to redo"):
        handle.redo()


def test_history_keeps_the_newest_entries_only(
        handle: SessionHandle, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("smartplan_tui.store.history.KEEP", 5)
    for n in range(8):
        handle.update_info(lambda info, n=n: dataclasses.replace(info, place=f"Place {n}"))
    entries = handle.history()
    assert [e.id for e in entries] == ["h8", "h7", "h6", "h5", "h4"]


def test_edit_and_its_history_entry_are_one_journal_line(
        handle: SessionHandle, demo_store: SessionStore) -> None:
    handle.update(TOWS, "t1", lambda s: dataclasses.replace(s, text="Ferries for the ports"))
    handle.undo()
    lines = _journal_lines(demo_store.home)
    assert len(lines) == 2
    edit, undo = lines
    assert [op["t"] for op in edit] == ["tows", "history"]
    entry = edit[1]["doc"]
    assert isinstance(entry, dict)
    assert entry["rows"][0]["after"]["text"] == "Ferries for the ports"
    assert [op["t"] for op in undo] == ["tows", "history", "history"]


WRITER = """
import sys
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.exercises import swot
from smartplan_tui.store import SessionStore
handle = SessionStore(sys.argv[1], author="writer").open("coast-camp")
print("ready", flush=True)
n = 0
while True:
    n += 1
    handle.update(SWOT, "s1", lambda it: swot.edit_text(it, f"Ports {n}"))
    handle.undo() if n % 3 == 0 else None
"""


@pytest.mark.slow
def test_kill_during_writes_never_splits_an_edit_from_its_history_entry(
        demo_store: SessionStore) -> None:
    for _round in range(6):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(demo_store.home)],
                                stdout=subprocess.PIPE, text=True,
                                cwd=Path(__file__).resolve().parents[1])
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        journal = demo_store.home / "sessions" / f"{SESSION}.journal"
        size = journal.stat().st_size
        while journal.stat().st_size < size + 20_000:
            pass  # until the writer has written some lines: no sleep to guess a length
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for line in _journal_lines(demo_store.home):
            tables = [op["t"] for op in line]
            assert tables.count("history") >= 1 and tables[0] == "swot", tables
        session: Session = stored(demo_store)
        text = session.find(SWOT, "s1")
        entries = SessionStore(demo_store.home).open(SESSION).history()
        newest = entries[0]
        assert text is not None and newest.by == "writer"


def test_erasure_scrubs_the_history_too(demo_store: SessionStore) -> None:
    handle = SessionStore(demo_store.home, author="terminal A").open(SESSION)
    name = "Jonas Petrauskas"
    session = stored(demo_store)
    person = next(p for p in session.participants if p.name == name)
    handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, f"{name} runs the ferry desk",
                                        (), person.id))
    handle.update(PARTICIPANTS, person.id, lambda p: dataclasses.replace(
        p, organisation="Smiltynė ferry office"))
    handle.apply(lambda s, _: swot.delete_item(s, s.swot[-1].id))
    vote = session.find(VOTES, "v2")
    assert vote is not None
    ranking = tuple(o.id for o in vote.options)
    handle.update(VOTES, "v2", lambda v: voting.cast(v, Ballot(voter=person.id, ranking=ranking)))
    assert any(name in e.what for e in handle.history())
    erase(demo_store, find_person(demo_store, name, SESSION))
    for path in (demo_store.home / "sessions").iterdir():
        blob = path.read_bytes()
        assert b"Petrauskas" not in blob and b"jonas.petrauskas" not in blob, path
        assert "Smiltynė ferry office".encode() not in blob, path  # the rest of the record
    assert all(name not in e.what for e in handle.history())
    snapshot = orjson.loads((demo_store.home / "sessions" / f"{SESSION}.json").read_bytes())
    ballots = [b for entry in snapshot["history"].values() for row in entry["rows"]
               if row["t"] == "votes" for doc in (row["before"], row["after"]) if doc
               for b in doc["ballots"]]
    assert ballots and not any(b.get("voter") == person.id for b in ballots)


def test_command_line_edits_are_labelled_and_undone_from_the_command_line(
        demo_store: SessionStore) -> None:
    from typer.testing import CliRunner

    from smartplan_tui.cli import app

    def run(*args: str) -> str:
        result = CliRunner().invoke(app, ["--home", str(demo_store.home), *args])
        return result.output

    added = run("add", "swot", SESSION, "threats", "Winter storms close the ferry").strip()
    listing = run("history", SESSION).splitlines()
    assert "command line" in listing[0] and "Added SWOT item “Winter storms close the ferry”" \
        in listing[0]
    assert run("undo", SESSION) == "Undid: Added SWOT item “Winter storms close the ferry”\n"
    assert stored(demo_store).find(SWOT, added) is None
    assert "(undone)" in run("history", SESSION).splitlines()[1]
    assert run("redo", SESSION).startswith("Redid: Added SWOT item")
    assert stored(demo_store).find(SWOT, added) is not None


async def test_a_phones_item_through_the_hub_is_by_that_phone_in_the_history(
        store: SessionStore) -> None:
    from hub_support import join, make_session, running_hub, show, shown

    from smartplan_tui.model import RoomActivity

    sid = make_session(store)
    show(store, sid, RoomActivity.SWOT)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        await shown(hub, device, "swot")
        async with device.post(hub.links.origin + "/api/swot",
                               json={"quadrant": "t", "text": "Storms", "name": "Ilze"}) as r:
            assert r.status == 201
    newest = SessionStore(store.home).open(sid).history()[0]
    assert (newest.by, newest.what) == ("phone Ilze", "Added SWOT item “Storms”")


def test_erasing_with_their_texts_drops_the_history_entries_that_copy_them(
        demo_store: SessionStore) -> None:
    handle = SessionStore(demo_store.home, author="terminal A").open(SESSION)
    person = stored(demo_store).participants[2]
    added = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Winter gales on the spit",
                                                (), person.id))
    handle.update(SWOT, added.id, lambda it: swot.edit_text(it, "Winter gales on the Curonian Spit"))
    handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Someone else's text"))
    plan = dataclasses.replace(find_person(demo_store, person.name, SESSION), with_texts=True)
    erase(demo_store, plan)
    for path in (demo_store.home / "sessions").iterdir():
        assert b"Winter gales" not in path.read_bytes(), path
    assert [e.what for e in handle.history()] == ["Added SWOT item “Someone else's text”"]


def test_history_says_which_entries_still_hold(handle: SessionHandle) -> None:
    added = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Ferry link"))
    handle.undo()
    handle.redo()
    entries = handle.history()
    assert [(e.what, e.in_effect) for e in entries[:3]] == [
        ("Redid: Added SWOT item “Ferry link”", True),
        ("Undid: Added SWOT item “Ferry link”", False),
        ("Added SWOT item “Ferry link”", True)]
    assert {e.target for e in entries[:3]} == {entries[2].id} and added.id.startswith("s")

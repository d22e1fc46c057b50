"""`smartplan privacy erase`: nothing of the person stays anywhere under the data home,
every vote counts the same, other sessions keep them unless asked, and a kill or a racing
note-taker never leaves a session unreadable or an erasure half-done without saying so."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from docx_readback import body_text, open_docx
from session_factory import TZ, rich_session

from smartplan_tui.collection_registry import NOTES, PARTICIPANTS, SWOT
from smartplan_tui.model import (
    Ballot,
    Note,
    Participant,
    ProjectProfile,
    Quadrant,
    Session,
    SwotItem,
)
from smartplan_tui.store import SessionStore

NAME = "Līga Bērziņa"
EMAIL = "Liga.Berzina@example.lv"


def forms(text: str) -> list[bytes]:
    """Every spelling a byte search must not find: NFC, NFD, and their lower and upper cases."""
    found = set()
    for form in ("NFC", "NFD"):
        for variant in (text, text.lower(), text.upper(), text.casefold()):
            found.add(unicodedata.normalize(form, variant).encode())
    return sorted(found)


def leftovers(home: Path, text: str) -> list[str]:
    hits = []
    for path in home.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            hits.extend(f"{path.relative_to(home)}: {f!r}" for f in forms(text) if f in blob)
    return hits


def planted(session_id: str) -> Session:
    """The rich session with the person as p5: author, voter, owner, mentioned in a note."""
    base = rich_session(session_id)
    person = Participant("p5", NAME, "Kurzeme Planning Region", "LV", "planner", EMAIL)
    votes = list(base.votes)
    votes[0] = replace(votes[0], ballots=(*votes[0].ballots,
                                          Ballot("p5", dots={"C": 3}, device="d5")))
    votes[1] = replace(votes[1], ballots=(*votes[1].ballots, Ballot(NAME, ranking=("C", "A"))))
    actions = list(base.actions)
    actions[0] = replace(actions[0], owner=unicodedata.normalize("NFD", NAME))
    return replace(
        base, participants=(*base.participants, person),
        swot=(*base.swot, SwotItem("s9", Quadrant.THREATS, "Storms close the ferry", (), "p5")),
        votes=tuple(votes), actions=tuple(actions),
        notes=(*base.notes, Note("n9", datetime(2026, 12, 1, 11, 0, tzinfo=TZ),
                                 f"{NAME.upper()} will send the port figures", author="p5")))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smartplan_tui", *args], capture_output=True,
                          text=True, timeout=120, env=os.environ.copy())


def build_home(store: SessionStore, *ids: str) -> None:
    """Sessions whose journal, backups, damaged copies and hub file all hold the person."""
    for session_id in ids:
        store.save_whole(planted(session_id))
        store.save_whole(planted(session_id), replace_existing=True)  # a backup of it
        handle = store.open(session_id)
        handle.add(NOTES, lambda i: Note(i, datetime(2026, 12, 1, 12, tzinfo=TZ),
                                         f"Asked {EMAIL} about buses", author="p5"))
        handle.update(PARTICIPANTS, "p5", lambda p: replace(p, role="lead planner"))
        store.session_file(session_id).keep_damaged()
    hub = store.home / "hub"
    hub.mkdir(mode=0o700, exist_ok=True)
    (hub / f"{ids[0]}.json").write_text(json.dumps({"devices": {"d5": {"voter": NAME}}},
                                                   ensure_ascii=False))
    (hub / "notetakers.log").write_text(f"2026-12-01T10:00 {NAME.lower()} joined as note-taker\n")
    store.profile.save(ProjectProfile(project="Coast 2030", author=NAME))


def test_erase_leaves_no_trace_and_every_count_and_report_unchanged(
        store: SessionStore, home: Path, tmp_path: Path) -> None:
    build_home(store, "camp")
    assert leftovers(home, NAME) and leftovers(home, EMAIL)
    before = run_cli("results", "camp", "--json")
    assert before.returncode == 0, before.stderr

    erased = run_cli("privacy", "erase", EMAIL.upper(), "--session", "camp",
                     "--reason", f"{NAME} asked by e-mail")
    assert erased.returncode == 0, erased.stderr

    assert leftovers(home, NAME) == []
    assert leftovers(home, EMAIL) == []
    after = run_cli("results", "camp", "--json")
    assert after.stdout == before.stdout
    session = store.load("camp")
    assert session.find(PARTICIPANTS, "p5") == Participant("p5", "erased participant 1")
    assert session.find(SWOT, "s9").author == "erased participant 1"
    assert session.find(SWOT, "s9").text == "Storms close the ferry"
    assert session.find(NOTES, "n9").text == "erased participant 1 will send the port figures"
    assert session.actions[0].owner == "erased participant 1"
    assert [b.voter for b in session.votes[0].ballots][-1] == ""
    assert session.votes[0].ballots[-1].device == ""
    record = json.loads((home / "erasures.json").read_text())
    assert [(r["session"], r["reason"]) for r in record] == [
        ("camp", "erased participant 1 asked by e-mail")]
    assert (home / "erasures.json").stat().st_mode & 0o777 == 0o600
    assert not (home / "erasure-pending.json").exists()

    report = tmp_path / "camp.docx"
    exported = run_cli("export", "camp", "--format", "docx", "--output", str(report))
    assert exported.returncode == 0, exported.stderr
    document = open_docx(report)
    words = body_text(document) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "erased participant 1" in words
    assert NAME not in words and unicodedata.normalize("NFD", NAME) not in words


def test_one_session_leaves_the_person_in_another_and_all_sessions_is_said(
        store: SessionStore, home: Path) -> None:
    build_home(store, "camp", "forum")
    one = run_cli("privacy", "erase", "p5", "--session", "camp")
    assert one.returncode == 0, one.stderr
    assert store.load("camp").find(PARTICIPANTS, "p5").name == "erased participant 1"
    assert store.load("forum").find(PARTICIPANTS, "p5").name == NAME

    everywhere = run_cli("privacy", "erase", NAME.lower())
    assert everywhere.returncode == 0, everywhere.stderr
    assert "all sessions (no --session given)" in everywhere.stdout
    assert store.load("forum").find(PARTICIPANTS, "p5").name == "erased participant 1"
    assert leftovers(home, NAME) == []


def test_an_id_without_a_session_names_nobody(store: SessionStore) -> None:
    build_home(store, "camp")
    result = run_cli("privacy", "erase", "p5")
    assert result.returncode == 1
    assert result.stderr.strip() == "smartplan: error: no participant 'p5' in any session"
    assert store.load("camp").find(PARTICIPANTS, "p5").name == NAME


def test_with_texts_removes_what_they_wrote_and_keeps_the_votes(store: SessionStore) -> None:
    build_home(store, "camp")
    before = run_cli("results", "camp", "--json").stdout
    result = run_cli("privacy", "erase", NAME, "--session", "camp", "--with-texts")
    assert result.returncode == 0, result.stderr
    session = store.load("camp")
    assert session.find(SWOT, "s9") is None
    assert session.find(NOTES, "n9") is None
    assert session.find(SWOT, "s1") is not None
    assert run_cli("results", "camp", "--json").stdout == before


NOTE_TAKER = """
import sys
from datetime import datetime, timezone
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, SwotItem
from smartplan_tui.store import SessionStore
from pathlib import Path
handle = SessionStore(sys.argv[1]).open("camp")
stop = Path(sys.argv[2])
n = 0
while not stop.exists():
    n += 1
    item = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, f"racing item {n}"))
    print(item.id, flush=True)
"""


@pytest.mark.slow
def test_an_erase_racing_a_note_taker_keeps_both(store: SessionStore, home: Path,
                                                 tmp_path: Path) -> None:
    build_home(store, "camp")
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", NOTE_TAKER, str(home), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    first = writer.stdout.readline().strip()  # the note-taker is writing, and goes on
    erased = run_cli("privacy", "erase", NAME, "--session", "camp")
    stop.touch()  # only after the erase: the two overlap for the whole of it
    out, _ = writer.communicate(timeout=120)
    assert erased.returncode == 0, erased.stderr
    assert writer.returncode == 0
    acknowledged = {first, *out.split()}
    session = SessionStore(home).load("camp")
    assert acknowledged <= {item.id for item in session.swot}
    assert leftovers(home, NAME) == []


HELD = """
import sys, time
from smartplan_tui.store import erasure, session_file
point = sys.argv[2]
def hold(original):
    def held(*args, **kwargs):
        print("held", flush=True)
        time.sleep(600)
        return original(*args, **kwargs)
    return held
if point == "scrub":
    erasure._scrub_live = hold(erasure._scrub_live)
elif point == "journal":
    session_file.SessionFile._reset_journal = hold(session_file.SessionFile._reset_journal)
elif point == "backups":
    erasure._scrub_backups = hold(erasure._scrub_backups)
elif point == "record":
    erasure._record = hold(erasure._record)
from smartplan_tui.cli import run
run(["--home", sys.argv[1], "privacy", "erase", sys.argv[3]])
"""


@pytest.mark.slow
@pytest.mark.parametrize("point", ["scrub", "journal", "backups", "record"])
def test_an_erase_killed_half_way_is_reported_and_completed(
        store: SessionStore, home: Path, point: str) -> None:
    build_home(store, "camp", "forum")
    proc = subprocess.Popen([sys.executable, "-c", HELD, str(home), point, NAME],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    for session_id in ("camp", "forum"):
        assert SessionStore(home).load(session_id).participants  # readable
    assert (home / "erasure-pending.json").exists()
    listed = run_cli("list")
    assert listed.returncode == 0, listed.stderr

    rerun = run_cli("privacy", "erase")
    assert rerun.returncode == 0, rerun.stderr
    assert "was not finished; completing it" in rerun.stdout
    assert "the unfinished erasure is complete" in rerun.stdout
    assert leftovers(home, NAME) == []
    assert leftovers(home, EMAIL) == []
    assert not (home / "erasure-pending.json").exists()
    for session_id in ("camp", "forum"):
        assert store.load(session_id).find(PARTICIPANTS, "p5").name == "erased participant 1"


def test_an_erasure_in_every_session_also_scrubs_a_deleted_sessions_backups(
        store: SessionStore, home: Path) -> None:
    """A deleted session keeps its last backup (so the deletion can be undone): it holds
    the person too, and an erasure across all sessions must find it."""
    build_home(store, "camp", "old")
    store.delete("old")
    assert any("backups/old" in hit for hit in leftovers(home, NAME))
    result = run_cli("privacy", "erase", NAME, "--reason", "asked by e-mail")
    assert result.returncode == 0, result.stderr
    assert leftovers(home, NAME) == [] and leftovers(home, EMAIL) == []

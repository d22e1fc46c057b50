"""What the room sees is part of the session file; a ballot remembers its device."""

from __future__ import annotations

import json

import pytest
from hub_support import make_session
from typer.testing import CliRunner

from smartplan_tui.cli import app
from smartplan_tui.collection_registry import VOTES
from smartplan_tui.exercises import voting
from smartplan_tui.model import Ballot, ModelError, Room, RoomActivity
from smartplan_tui.store import SessionStore, StoreError, dumps, loads
from smartplan_tui.store.codec import encode

runner = CliRunner()


def test_a_fresh_session_shows_off_and_the_room_survives_a_reload(store: SessionStore) -> None:
    sid = make_session(store)
    assert store.open(sid).room() == Room()
    store.open(sid).set_room(Room(RoomActivity.VOTE, "v1", names=True))
    assert SessionStore(store.home).open(sid).room() == Room(RoomActivity.VOTE, "v1", True)
    with pytest.raises(StoreError, match="has no vote 'v9'"):
        store.open(sid).set_room(Room(RoomActivity.RESULTS, "v9"))
    assert SessionStore(store.home).open(sid).room() == Room(RoomActivity.VOTE, "v1", True)


def test_a_room_names_a_vote_exactly_when_it_shows_one() -> None:
    with pytest.raises(ModelError, match="vote: must not be empty"):
        Room(RoomActivity.VOTE)
    with pytest.raises(ModelError, match="only a vote or its results name a vote"):
        Room(RoomActivity.SWOT, "v1")
    with pytest.raises(ModelError, match="activity: must be one of off, swot, vote, results"):
        Room("vote", "v1")  # type: ignore[arg-type]


def test_the_room_stays_out_of_the_interchange_export(store: SessionStore) -> None:
    sid = make_session(store)
    before = dumps(store.export_document(sid))
    store.open(sid).set_room(Room(RoomActivity.SWOT))
    assert dumps(store.export_document(sid)) == before
    assert "room" not in loads(before, "export")


def test_a_ballot_writes_its_device_only_when_it_has_one(store: SessionStore) -> None:
    assert encode(Ballot(dots={"A": 1})) == {"dots": {"A": 1}}
    assert encode(Ballot(dots={"A": 1}, device="dX1")) == {"dots": {"A": 1}, "device": "dX1"}
    with pytest.raises(ModelError, match="device"):
        Ballot(dots={"A": 1}, device="has space")
    sid = make_session(store)
    handle = store.open(sid)
    handle.update(VOTES, "v1", lambda v: voting.cast(v, Ballot(dots={"A": 1})))
    doc = store.export_document(sid)
    assert doc["votes"][0]["ballots"] == [{"dots": {"A": 1}}]
    handle.update(VOTES, "v1", lambda v: voting.cast(v, Ballot(dots={"B": 1}, device="dX1")))
    handle.update(VOTES, "v1", lambda v: voting.cast(v, Ballot(dots={"C": 2}, device="dX1")))
    vote = SessionStore(store.home).load(sid).find(VOTES, "v1")
    assert vote is not None
    assert [(dict(b.dots or {}), b.device) for b in vote.ballots] == [({"A": 1}, ""),
                                                                      ({"C": 2}, "dX1")]
    exported = dumps(store.export_document(sid))
    assert json.loads(exported)["votes"][0]["ballots"][1] == {"dots": {"C": 2}, "device": "dX1"}
    other = SessionStore(store.home.parent / "other")
    other.import_document(loads(exported, "export"))
    assert dumps(other.export_document(sid)) == exported


def test_a_vote_refuses_two_ballots_of_one_device() -> None:
    from smartplan_tui.model import Vote, VoteOption

    with pytest.raises(ModelError, match=r"ballots\[1\]\.device: 'd1' voted twice"):
        Vote("v1", "Q", options=(VoteOption("A", "a"),),
             ballots=(Ballot(dots={"A": 1}, device="d1"), Ballot(dots={"A": 1}, device="d1")))


def test_the_room_command_sets_and_shows_what_the_room_sees(store: SessionStore) -> None:
    sid = make_session(store)
    home = ["--home", str(store.home)]

    def run(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(app, [*home, "room", sid, *args])
        return result.exit_code, result.stdout, result.stderr

    assert run() == (0, f"{sid}: the room sees “waiting for the facilitator”\n", "")
    assert run("vote", "v1", "--names") == (0, f"{sid}: the room sees the vote “Which first?” "
                                               "— asking for names\n", "")
    assert SessionStore(store.home).open(sid).room() == Room(RoomActivity.VOTE, "v1", True)
    assert run("results", "v1")[0:2] == (0, f"{sid}: the room sees the results of the vote "
                                            "“Which first?”\n")
    assert run("swot")[0] == 0 and run()[1] == (f"{sid}: the room sees the SWOT brainstorm "
                                                "(0 items so far)\n")
    for args, message in [
        (("dance",), "ACTIVITY: 'dance' is not one of off|swot|vote VOTE_ID|results VOTE_ID"),
        (("vote",), "VOTE_ID: vote needs the vote's id"),
        (("off", "v1"), "VOTE_ID: off takes no vote id"),
        (("results", "v1", "--names"), "--names: only a vote asks for names"),
        (("vote", "v9"), "session room has no vote 'v9'"),
    ]:
        code, out, err = run(*args)
        assert code != 0 and out == "" and err.startswith(f"smartplan: error: {message}"), args
        assert err.count("\n") == 1
    assert SessionStore(store.home).open(sid).room() == Room(RoomActivity.SWOT)

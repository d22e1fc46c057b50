"""Several processes writing one session at once: nothing lost, no id collides."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.model import SessionInfo, Vote, VoteOption
from smartplan_tui.store import SessionStore

ADDER = """
import sys
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, SwotItem
from smartplan_tui.store import SessionStore
handle = SessionStore(sys.argv[1]).open("shared")
for n in range(int(sys.argv[3])):
    handle.add(SWOT, lambda i: SwotItem(i, Quadrant.OPPORTUNITIES, f"{sys.argv[2]}-{n}"))
"""

VOTER = """
import sys
from smartplan_tui.collection_registry import VOTES
from smartplan_tui.exercises import voting
from smartplan_tui.model import Ballot
from smartplan_tui.store import SessionStore
handle = SessionStore(sys.argv[1]).open("shared")
for n in range(int(sys.argv[3])):
    ballot = Ballot(voter=f"{sys.argv[2]}-{n}", dots={"A": 1})
    handle.update(VOTES, "v1", lambda vote: voting.cast(vote, ballot))
"""


def _run_together(script: str, home: Path, writers: int, each: int) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", script, str(home), f"w{w}", str(each)])
             for w in range(writers)]
    assert [p.wait(timeout=120) for p in procs] == [0] * writers


@pytest.mark.slow
def test_three_writers_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    SessionStore(home).create(SessionInfo("shared", "Shared"))
    _run_together(ADDER, home, writers=3, each=150)
    swot = SessionStore(home).load("shared").swot
    assert sorted(i.text for i in swot) == sorted(f"w{w}-{n}" for w in range(3) for n in range(150))
    assert len({i.id for i in swot}) == 450


@pytest.mark.slow
def test_three_note_takers_entering_ballots_into_one_vote_lose_none(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = SessionStore(home)
    store.create(SessionInfo("shared", "Shared"))
    store.open("shared").add(VOTES, lambda i: Vote(i, "Which?", options=(VoteOption("A", "a"),)))
    _run_together(VOTER, home, writers=3, each=40)
    ballots = SessionStore(home).load("shared").votes[0].ballots
    assert sorted(b.voter for b in ballots) == sorted(f"w{w}-{n}" for w in range(3) for n in range(40))

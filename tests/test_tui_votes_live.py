"""A ballot cast in a second process shows in the open results within about a second.

The second process is a real `python -c` using only the store's public API, as a
note-taker's terminal or the command line would. The open app must notice the write
(its poll of the session files) and redraw the live bar chart.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tui_votes_steps import SIZE, demo_app, open_screen, press, stored_vote, text_of

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.model import Ballot, Vote, VoteOption
from smartplan_tui.screens.ballot_entry import BallotEntryScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.screens.widgets.bar_chart import BarChart
from smartplan_tui.store import SessionStore

SECOND_PROCESS = """
import sys
from smartplan_tui.collection_registry import VOTES
from smartplan_tui.exercises import voting
from smartplan_tui.model import Ballot
from smartplan_tui.store import SessionStore

handle = SessionStore(sys.argv[1]).open(sys.argv[2])
voter = sys.argv[4] if len(sys.argv) > 4 else "p5"
handle.update(VOTES, sys.argv[3], lambda v: voting.cast(v, Ballot(voter, dots={"B": 3})))
"""


async def test_ballot_from_another_process_shows_live(demo_store: SessionStore,
                                                      home: Path) -> None:
    options = (VoteOption("A", "Bus line"), VoteOption("B", "Brand"))
    vote = demo_store.open(DEMO_ID).add(VOTES, lambda new_id: Vote(new_id, "Which?",
                                                                     options=options))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)
        assert screen.vote is not None
        assert screen.vote.id == vote.id
        chart = screen.query_one("#own-count BarChart", BarChart)
        assert chart.bars == ()
        subprocess.run([sys.executable, "-c", SECOND_PROCESS, str(home), DEMO_ID, vote.id],
                       check=True, timeout=30)
        written = time.monotonic()
        while not chart.bars and time.monotonic() - written < 2.0:
            await pilot.pause(0.05)
        seen_after = time.monotonic() - written
        assert chart.bars, "the other process's ballot never showed"
        assert seen_after < 1.5
        top = text_of(chart).splitlines()[0].split()
        assert top[:3] == ["1", "B", "Brand"] and top[3] == "3"
        assert "· 1 ballot\n" in text_of(screen.query_one("#results-head"))
    assert len(stored_vote(home, vote.id).ballots) == 1


async def test_ballot_of_someone_who_voted_meanwhile_is_not_overwritten(
        demo_store: SessionStore, home: Path) -> None:
    options = (VoteOption("A", "Bus line"), VoteOption("B", "Brand"))
    vote = demo_store.open(DEMO_ID).add(VOTES, lambda new_id: Vote(new_id, "Which?",
                                                                     options=options))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        entry = await open_screen(pilot, "b", BallotEntryScreen)
        assert entry.voter == "p1"
        subprocess.run([sys.executable, "-c", SECOND_PROCESS, str(home), DEMO_ID, vote.id, "p1"],
                       check=True, timeout=30)
        await press(pilot, "a", "enter")
        assert "p1 has voted meanwhile" in text_of(entry.query_one("#ballot-status"))
        assert stored_vote(home, vote.id).ballots == (Ballot("p1", dots={"B": 3}),)
        entry.query_one("#voter").value = "p2"
        entry.query_one("#voter").value = "p1"  # pick them again: their ballot is shown
        await pilot.pause()
        assert entry.editor.ballot("p1") == Ballot("p1", dots={"B": 3})
        await press(pilot, "B", "a", "enter", "escape")
    assert stored_vote(home, vote.id).ballots == (Ballot("p1", dots={"A": 1, "B": 2}),)

"""A facilitator's whole dot vote, from setting it up to its actions, driven key by key and counted.

On the demo session: set up a dot vote from four SWOT items, enter eight ballots, close
it, recount with Borda, and create two actions from the winner. The keys are counted
(`Keys`) and the count is pinned, so a change that makes the flow longer fails here.
"""

from __future__ import annotations

from pathlib import Path

from tui_votes_steps import SIZE, Keys, demo_app, open_screen, stored, stored_vote, text_of

from smartplan_tui.exercises import voting
from smartplan_tui.model import VoteMethod, VoteStatus
from smartplan_tui.screens.ballot_entry import BallotEntryScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.store import SessionStore

#: Eight paper ballots of three dots each, by participant p1…p8, as typed (option letters).
BALLOTS = ["aab", "ab", "bbc", "abd", "aa", "cdd", "ab", "acc"]
QUESTION = "Which strength do we build on"
#: Keys (text typed not counted) the walk-through takes now: a longer flow fails here.
KEY_BUDGET = 47


async def test_facilitator_walkthrough(demo_store: SessionStore, home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        keys = Keys(pilot)

        # 1. Set up the vote: question, Tab to the SWOT list, pick the four strengths.
        await keys.press("n")
        await keys.type(QUESTION)
        await keys.press("tab", "space", "down", "space", "down", "space", "down", "space")
        await keys.press("ctrl+s")
        session = stored(home)
        vote = session.votes[-1]
        assert vote.question == QUESTION
        assert vote.method is VoteMethod.DOT
        assert [o.source for o in vote.options] == ["s1", "s2", "s3", "s4"]
        assert [o.text for o in vote.options] == [s.text for s in session.swot[:4]]

        # 2. Eight ballots in one go: letters add dots, Enter counts, next voter follows.
        await keys.press("b")
        assert isinstance(app.screen, BallotEntryScreen)
        for ballot in BALLOTS:
            await keys.press(*ballot, "enter")
        await keys.press("escape")
        vote = stored_vote(home, vote.id)
        assert [b.voter for b in vote.ballots] == [f"p{i}" for i in range(1, 9)]
        assert dict(vote.ballots[0].dots or {}) == {"A": 2, "B": 1}
        assert sum(sum((b.dots or {}).values()) for b in vote.ballots) == 21

        # 3. Close it, 4. recount with Borda (the first method `r` offers; each voter's
        #    dots are read as a ranking with ties).
        await keys.press("c")
        assert stored_vote(home, vote.id).status is VoteStatus.CLOSED
        await keys.press("r")
        assert isinstance(app.screen, VotesScreen)
        assert app.screen.recounts[vote.id] is VoteMethod.BORDA
        assert app.screen.query_one("#recount").display
        borda = voting.count(stored_vote(home, vote.id), VoteMethod.BORDA)
        recount_rows = text_of(app.screen.query_one("#recount BarChart")).splitlines()
        assert [row.split()[1] for row in recount_rows] == [r.option for r in borda.rows]
        assert borda.rows[0].option == "A"

        # 5. Two actions for the winner (A: 7 dots): `a` opens the filled-in form.
        for _ in range(2):
            await keys.press("a")
            await keys.press("ctrl+s")
        actions = [a for a in stored(home).actions if a.priority.endswith("A")
                   and a.title == vote.options[0].text]
        assert len(actions) == 2

        print(f"\nwalk-through: {keys.pressed} keys + {keys.typed} characters typed "
              f"= {keys.total}\n{' '.join(keys.log)}")
        assert keys.pressed <= KEY_BUDGET

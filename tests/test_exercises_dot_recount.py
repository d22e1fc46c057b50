"""Per-voter dot ballots recount with Borda and Schulze as rankings with ties.

A facilitator may recount a dot vote with Borda, yet dots that cannot be ranked must not be
ranked. Both hold: one voter's dots order the options (more dots first, equal dots tied),
counts read off a wall do not, and IRV needs one first choice per ballot.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from smartplan_tui.exercises import voting
from smartplan_tui.model import Ballot, ModelError, Vote, VoteMethod, VoteOption


def _vote(*ballots: Ballot) -> Vote:
    options = tuple(VoteOption(x, f"option {x}") for x in "ABCD")
    return Vote("v1", "Which?", VoteMethod.DOT, options, dots_per_voter=3, ballots=ballots)


def test_borda_reads_dots_as_a_ranking_with_shared_places() -> None:
    vote = _vote(Ballot(voter="p1", dots={"A": 2, "B": 1}),
                 Ballot(voter="p2", dots={"B": 1, "C": 1, "D": 1}))
    result = voting.count(vote, VoteMethod.BORDA)
    points = {row.option: row.score for row in result.rows}
    # p1: A 3, B 2, C and D share (1+0)/2. p2: B, C, D share (3+2+1)/3 = 2, A gets 0.
    assert points == {"A": 3, "B": 4, "C": 2.5, "D": 2.5}
    assert [row.rank for row in result.rows] == [1, 2, 3, 3]
    assert result.ties == (("C", "D"),)
    assert "Dot ballots are read as rankings" in result.explanation


def test_schulze_reads_dots_as_pairwise_preferences() -> None:
    vote = _vote(Ballot(voter="p1", dots={"A": 2, "B": 1}),
                 Ballot(voter="p2", dots={"A": 3}),
                 Ballot(voter="p3", dots={"B": 2, "C": 1}))
    result = voting.count(vote, VoteMethod.SCHULZE)
    assert result.rows[0].option == "A"
    assert result.pairwise[0][1] == 2 and result.pairwise[1][0] == 1  # type: ignore[index]


def test_irv_and_wall_counts_refuse_with_the_reason() -> None:
    vote = _vote(Ballot(voter="p1", dots={"A": 2, "B": 1}))
    with pytest.raises(ModelError, match="no single first choice for instant-runoff"):
        voting.count(vote, VoteMethod.IRV)
    wall = _vote(Ballot(dots={"A": 12, "B": 7}, aggregate=True))
    with pytest.raises(ModelError, match="counted off a wall"):
        voting.count(wall, VoteMethod.BORDA)
    assert voting.count(wall).rows[0].option == "A"


def test_recount_methods_are_those_the_ballots_fit() -> None:
    per_voter = _vote(Ballot(voter="p1", dots={"A": 2, "B": 1}))
    assert voting.recount_methods(per_voter) == (VoteMethod.BORDA, VoteMethod.SCHULZE)
    wall = _vote(Ballot(dots={"A": 5, "B": 2}, aggregate=True))
    assert voting.recount_methods(wall) == ()
    ranked = Vote("v2", "Which?", VoteMethod.SCHULZE, per_voter.options,
                  ballots=(Ballot(voter="p1", ranking=("A", "B")),))
    assert voting.recount_methods(ranked) == (VoteMethod.BORDA, VoteMethod.IRV)


def test_a_kept_recount_must_be_another_method_each_once() -> None:
    vote = _vote()
    assert replace(vote, kept_recounts=(VoteMethod.BORDA,)).kept_recounts
    with pytest.raises(ModelError, match="kept_recounts"):
        replace(vote, kept_recounts=(VoteMethod.DOT,))
    with pytest.raises(ModelError, match="kept_recounts"):
        replace(vote, kept_recounts=(VoteMethod.BORDA, VoteMethod.BORDA))

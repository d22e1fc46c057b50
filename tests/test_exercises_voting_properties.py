"""Properties every count must have, checked on generated ballots (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from smartplan_tui.exercises import voting
from smartplan_tui.exercises.voting_methods import pairwise_matrix
from smartplan_tui.model import Ballot, Vote, VoteMethod, VoteOption

IDS = "ABCDEF"


@st.composite
def ranked_votes(draw: st.DrawFn, partial: bool = True) -> Vote:
    n = draw(st.integers(2, len(IDS)))
    ids = IDS[:n]
    lengths = st.integers(1, n) if partial else st.just(n)
    rankings = draw(st.lists(
        lengths.flatmap(lambda k: st.permutations(ids).map(lambda p: tuple(p[:k]))),
        min_size=1, max_size=25))
    method = draw(st.sampled_from([VoteMethod.BORDA, VoteMethod.SCHULZE, VoteMethod.IRV]))
    return Vote("v", "Q", method, tuple(VoteOption(o, o) for o in ids),
                ballots=tuple(Ballot(ranking=r) for r in rankings))


@st.composite
def dot_votes(draw: st.DrawFn) -> Vote:
    n = draw(st.integers(1, len(IDS)))
    ids = IDS[:n]
    budget = draw(st.integers(1, 6))
    ballots = []
    for _ in range(draw(st.integers(0, 20))):
        dots = draw(st.dictionaries(st.sampled_from(ids), st.integers(0, budget), max_size=n))
        while sum(dots.values()) > budget:
            key = max(dots, key=lambda k: dots[k])
            dots[key] -= 1
        ballots.append(Ballot(dots=dots))
    if draw(st.booleans()):
        ballots.append(Ballot(dots={ids[0]: draw(st.integers(0, 500))}, aggregate=True))
    return Vote("v", "Q", VoteMethod.DOT, tuple(VoteOption(o, o) for o in ids),
                dots_per_voter=budget, ballots=tuple(ballots))


@st.composite
def score_votes(draw: st.DrawFn) -> Vote:
    ids = IDS[:draw(st.integers(1, 4))]
    marks = st.dictionaries(st.sampled_from(ids), st.dictionaries(
        st.sampled_from(["impact", "feasibility"]), st.integers(1, 5)))
    return Vote("v", "Q", VoteMethod.SCORE, tuple(VoteOption(o, o) for o in ids),
                ballots=tuple(Ballot(scores=m) for m in draw(st.lists(marks, max_size=12))))


def _naive_pairwise(vote: Vote) -> list[list[int]]:
    n = len(vote.options)
    ids = vote.option_ids
    d = [[0] * n for _ in range(n)]
    for ballot in vote.ballots:
        ranking = ballot.ranking or ()
        position = {o: ranking.index(o) if o in ranking else n for o in ids}
        for i, a in enumerate(ids):
            for j, b in enumerate(ids):
                d[i][j] += position[a] < position[b]
    return d


def _condorcet_winner(d: list[list[int]]) -> int | None:
    n = len(d)
    for i in range(n):
        if all(d[i][j] > d[j][i] for j in range(n) if j != i):
            return i
    return None


@settings(max_examples=100, deadline=None)
@given(ranked_votes())
def test_a_condorcet_winner_always_wins_schulze(vote: Vote) -> None:
    winner = _condorcet_winner(_naive_pairwise(vote))
    result = voting.count(vote, VoteMethod.SCHULZE)
    if winner is not None:
        assert result.winners == (vote.option_ids[winner],)


@settings(max_examples=100, deadline=None)
@given(ranked_votes())
def test_the_bitset_pairwise_matrix_equals_counting_ballot_by_ballot(vote: Vote) -> None:
    index = {o: i for i, o in enumerate(vote.option_ids)}
    rankings = [tuple(index[o] for o in b.ranking or ()) for b in vote.ballots]
    assert pairwise_matrix(rankings, len(index)) == _naive_pairwise(vote)


@settings(max_examples=100, deadline=None)
@given(st.one_of(ranked_votes(), dot_votes(), score_votes()), st.randoms())
def test_reordering_ballots_never_changes_a_result(vote: Vote, rng: random.Random) -> None:
    shuffled = list(vote.ballots)
    rng.shuffle(shuffled)
    again = Vote(vote.id, vote.question, vote.method, vote.options,
                 dots_per_voter=vote.dots_per_voter, ballots=tuple(shuffled))
    methods = ([VoteMethod.BORDA, VoteMethod.SCHULZE, VoteMethod.IRV]
               if vote.method.ballot_kind == "ranking" else [vote.method])
    for method in methods:
        assert voting.result_to_json(voting.count(again, method)) == voting.result_to_json(
            voting.count(vote, method))


@settings(max_examples=100, deadline=None)
@given(dot_votes())
def test_dot_totals_equal_dots_cast(vote: Vote) -> None:
    result = voting.count(vote)
    cast = sum(sum((b.dots or {}).values()) for b in vote.ballots)
    assert sum(r.score for r in result.rows) == cast


@settings(max_examples=100, deadline=None)
@given(ranked_votes())
def test_borda_hands_out_the_same_points_per_ballot_partial_or_not(vote: Vote) -> None:
    n = len(vote.options)
    result = voting.count(vote, VoteMethod.BORDA)
    assert sum(r.score for r in result.rows) == len(vote.ballots) * n * (n - 1) / 2


@settings(max_examples=100, deadline=None)
@given(st.one_of(ranked_votes(), dot_votes(), score_votes()))
def test_ranks_are_numbered_as_in_sport_and_ties_share_them(vote: Vote) -> None:
    result = voting.count(vote)
    for position, row in enumerate(result.rows):
        first_equal = next(i for i, r in enumerate(result.rows) if r.rank == row.rank)
        assert row.rank == first_equal + 1
        assert position == 0 or result.rows[position - 1].rank <= row.rank
    tied = {o for group in result.ties for o in group}
    shared = {r.option for r in result.rows
              if sum(x.rank == r.rank for x in result.rows) > 1}
    assert shared == tied  # tie rule is "report": every tie shows in both


@settings(max_examples=100, deadline=None)
@given(ranked_votes(partial=False))
def test_irv_winner_holds_a_majority_of_the_last_round_unless_tied(vote: Vote) -> None:
    result = voting.count(vote, VoteMethod.IRV)
    last = result.rounds[-1]
    live = sum(v for _, v in last.votes)
    if len(last.winners) == 1 and len(last.votes) > 1:
        assert 2 * dict(last.votes)[last.winners[0]] > live

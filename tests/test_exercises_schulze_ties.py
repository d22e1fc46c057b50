"""Schulze never breaks a tie silently: ranks follow the beatpath relation, checked
against a separate textbook Schulze on generated ballots (partial, with ties).

Options that no option still unranked beats by beatpath share a rank even when one of
them beats more options: the number of beatpath wins is the score, not the ranking.
"""

from __future__ import annotations

from collections.abc import Sequence

from exercise_builders import ranked_vote
from hypothesis import given, settings
from hypothesis import strategies as st

from smartplan_tui.exercises import voting
from smartplan_tui.model import Ballot, TieRule, Vote, VoteMethod, VoteOption

IDS = "ABCDEFG"


# ------------------------------------------------------------------ reference Schulze


def reference_pairwise(vote: Vote) -> list[list[int]]:
    """d[x][y] = ballots putting x in a better place than y, ballot by ballot.

    A ranking puts its options at places 0, 1, …; a dot ballot places options by their
    dots (more dots = better, equal dots = same place); options left out share the worst
    place.
    """
    ids = vote.option_ids
    n = len(ids)
    d = [[0] * n for _ in range(n)]
    for ballot in vote.ballots:
        if ballot.ranking is not None:
            place = {o: ballot.ranking.index(o) if o in ballot.ranking else n for o in ids}
        else:
            dots = ballot.dots or {}
            place = {o: -dots.get(o, 0) for o in ids}
        for x in range(n):
            for y in range(n):
                if place[ids[x]] < place[ids[y]]:
                    d[x][y] += 1
    return d


def reference_strongest(d: Sequence[Sequence[int]]) -> list[list[int]]:
    """Textbook widest paths with winning votes: a link x→y counts d[x][y] if it wins."""
    n = len(d)
    p = [[d[x][y] if x != y and d[x][y] > d[y][x] else 0 for y in range(n)] for x in range(n)]
    for i in range(n):
        for j in range(n):
            if j == i:
                continue
            for k in range(n):
                if k not in (i, j):
                    p[j][k] = max(p[j][k], min(p[j][i], p[i][k]))
    return p


def reference_groups(p: Sequence[Sequence[int]]) -> list[list[int]]:
    """Rank groups, best first: each is the options no remaining option beats by beatpath."""
    remaining = list(range(len(p)))
    groups: list[list[int]] = []
    while remaining:
        top = [x for x in remaining if not any(p[y][x] > p[x][y] for y in remaining)]
        assert top, "the beatpath relation has a cycle"
        groups.append(top)
        remaining = [x for x in remaining if x not in top]
    return groups


def reference_rows(vote: Vote) -> tuple[list[tuple[str, int, int]], list[tuple[str, ...]]]:
    """(option, rank as in sport, beatpath wins) best first, and the groups of 2+."""
    ids = vote.option_ids
    p = reference_strongest(reference_pairwise(vote))
    rows: list[tuple[str, int, int]] = []
    ties: list[tuple[str, ...]] = []
    for group in reference_groups(p):
        rank = len(rows) + 1
        rows.extend((ids[x], rank, sum(p[x][y] > p[y][x] for y in range(len(ids))))
                    for x in group)
        if len(group) > 1:
            ties.append(tuple(ids[x] for x in group))
    return rows, ties


def _rows(result: voting.VoteResult) -> list[tuple[str, int, float]]:
    return [(r.option, r.rank, r.score) for r in result.rows]


# ------------------------------------------------------------------ generated profiles


@st.composite
def schulze_votes(draw: st.DrawFn) -> Vote:
    """2–7 options, 1–30 ballots: partial rankings, or one voter's dots (a ranking with ties)."""
    n = draw(st.integers(2, len(IDS)))
    ids = IDS[:n]
    options = tuple(VoteOption(o, o) for o in ids)
    count = draw(st.integers(1, 30))
    if draw(st.booleans()):
        rankings = draw(st.lists(
            st.integers(1, n).flatmap(
                lambda k: st.permutations(ids).map(lambda order: tuple(order[:k]))),
            min_size=count, max_size=count))
        return Vote("v1", "Q", VoteMethod.SCHULZE, options,
                    ballots=tuple(Ballot(ranking=r) for r in rankings))
    budget = 4
    ballots = []
    for number in range(count):
        dots = draw(st.dictionaries(st.sampled_from(ids), st.integers(0, budget), max_size=n))
        while sum(dots.values()) > budget:
            dots[max(dots, key=dots.__getitem__)] -= 1
        ballots.append(Ballot(voter=f"p{number}", dots=dots))
    return Vote("v1", "Q", VoteMethod.DOT, options, dots_per_voter=budget,
                ballots=tuple(ballots))


@settings(max_examples=600, deadline=None)
@given(schulze_votes())
def test_schulze_ranks_and_ties_match_a_textbook_implementation(vote: Vote) -> None:
    result = voting.count(vote, VoteMethod.SCHULZE)
    rows, ties = reference_rows(vote)
    d = reference_pairwise(vote)
    assert result.pairwise == tuple(map(tuple, d))
    assert result.strongest == tuple(map(tuple, reference_strongest(d)))
    assert _rows(result) == rows
    assert result.ties == tuple(ties)
    assert result.winners == tuple(o for o, rank, _ in rows if rank == 1)


# ------------------------------------------------------------------ concrete profiles


# Two full ballots, CAB and ABC: A beats B 2–0, while A–C and B–C are 1–1 (no link either
# way). Nobody beats A or C, so they share first place although A has one beatpath win and
# C none; B, beaten by A, comes third. Counting wins instead made A the only winner and
# tied B with C.
FIRST_PLACE_TIE = [(1, "CAB"), (1, "ABC")]


def test_options_neither_beats_share_first_place() -> None:
    result = voting.count(ranked_vote(FIRST_PLACE_TIE, "ABC"))
    assert result.pairwise == ((0, 2, 1), (0, 0, 1), (1, 1, 0))
    assert result.strongest == ((0, 2, 0), (0, 0, 0), (0, 0, 0))
    assert _rows(result) == [("A", 1, 1), ("C", 1, 0), ("B", 3, 0)]
    assert result.ties == (("A", "C"),)
    assert result.winners == ("A", "C")
    assert "A and C tie for first" in result.explanation
    assert "Tied: A = C. The ties stand" in result.explanation


def test_first_place_tie_in_json_and_table() -> None:
    result = voting.count(ranked_vote(FIRST_PLACE_TIE, "ABC"))
    data = voting.result_to_json(result)
    assert data["ranking"] == [{"option": "A", "rank": 1, "score": 1},
                               {"option": "C", "rank": 1, "score": 0},
                               {"option": "B", "rank": 3, "score": 0}]
    assert data["ties"] == [["A", "C"]]
    assert "ties: A = C (tie rule: Report ties as ties)" in voting.render_table(result)


def test_partial_ballots_leave_an_unbeaten_option_level_with_the_winner() -> None:
    # CB and A: C beats B 1–0 (the A ballot leaves both out); A meets C and B 1–1.
    result = voting.count(ranked_vote([(1, "CB"), (1, "A")], "ABC"))
    assert _rows(result) == [("A", 1, 0), ("C", 1, 1), ("B", 3, 0)]
    assert result.ties == (("A", "C"),)


def test_an_option_ranked_below_another_it_does_not_meet_says_why() -> None:
    # B is beaten by A only; C is level with both, so C shares first place with A and the
    # neighbouring pair C, B is explained through A.
    result = voting.count(ranked_vote(FIRST_PLACE_TIE, "ABC"))
    assert ("C and B do not beat each other (no chain of majorities leads either way), but "
            "A, level with C, beats B.") in result.explanation


def test_a_cycle_of_equal_strength_ties_everyone() -> None:
    result = voting.count(ranked_vote([(1, "ABC"), (1, "BCA"), (1, "CAB")], "ABC"))
    assert [r.rank for r in result.rows] == [1, 1, 1]
    assert result.ties == (("A", "B", "C"),)
    assert "A, B and C tie for first" in result.explanation


def test_tie_rule_orders_a_schulze_group_only_when_set() -> None:
    vote = ranked_vote(FIRST_PLACE_TIE, "ABC", tie_rule=TieRule.FACILITATOR, tie_break=("C",))
    result = voting.count(vote)
    assert _rows(result) == [("C", 1, 0), ("A", 2, 1), ("B", 3, 0)]
    assert result.ties == (("A", "C"),)

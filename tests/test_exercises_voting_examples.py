"""Published worked examples whose answers are known, counted by `exercises.voting`."""

from __future__ import annotations

from exercise_builders import TENNESSEE, ranked_vote

from smartplan_tui.exercises import voting
from smartplan_tui.model import VoteMethod

# Source: Wikipedia, "Schulze method", section "Example" (45 voters, 5 candidates; the
# example of Schulze, "A new monotonic, clone-independent, reversal symmetric, and
# Condorcet-consistent single-winner election method", Social Choice and Welfare 36 (2011)).
SCHULZE_45 = [
    (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"),
    (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"),
]
SCHULZE_PAIRWISE = (
    (0, 20, 26, 30, 22),
    (25, 0, 16, 33, 18),
    (19, 29, 0, 17, 24),
    (15, 12, 28, 0, 14),
    (23, 27, 21, 31, 0),
)
SCHULZE_STRONGEST = (
    (0, 28, 28, 30, 24),
    (25, 0, 28, 33, 24),
    (25, 29, 0, 29, 24),
    (25, 28, 28, 0, 24),
    (25, 28, 28, 31, 0),
)
CITIES = ("Memphis", "Nashville", "Chattanooga", "Knoxville")


def _order(result: voting.VoteResult) -> list[tuple[str, int, float]]:
    return [(r.option, r.rank, r.score) for r in result.rows]


def test_schulze_wikipedia_45_voters_matrices_and_ranking() -> None:
    vote = ranked_vote(((n, tuple(r)) for n, r in SCHULZE_45), "ABCDE")
    result = voting.count(vote)
    assert result.pairwise == SCHULZE_PAIRWISE
    assert result.strongest == SCHULZE_STRONGEST
    # Wikipedia: "the Schulze ranking is E > A > C > B > D, and E wins".
    assert _order(result) == [("E", 1, 4), ("A", 2, 3), ("C", 3, 2), ("B", 4, 1), ("D", 5, 0)]
    assert result.ties == ()
    assert result.winners == ("E",)
    assert ("E beats A through B: 27 of 45 ballots prefer E to B and 25 of 45 prefer B to A; "
            "the best chain back, A→C→E, has only 24 of 45 at its weakest step."
            ) in result.explanation
    assert "strength" not in result.explanation


def test_schulze_json_matches_the_documented_example_shape() -> None:
    vote = ranked_vote(((n, tuple(r)) for n, r in SCHULZE_45), "ABCDE")
    data = voting.result_to_json(voting.count(vote))
    assert data["id"] == "v1" and data["method"] == "schulze"
    assert data["ballots"] == 45 and data["invalid"] == 0
    assert data["ranking"][:2] == [{"option": "E", "rank": 1, "score": 4},
                                   {"option": "A", "rank": 2, "score": 3}]
    assert data["ties"] == []
    assert data["strongest"]["E"]["A"] == 25 and data["pairwise"]["B"]["D"] == 33


def test_borda_tennessee() -> None:
    # Source: Wikipedia, "Borda count", example "Tennessee capital": Nashville 194,
    # Chattanooga 173, Memphis 126, Knoxville 107 points (per 100 voters).
    result = voting.count(ranked_vote(TENNESSEE, CITIES, VoteMethod.BORDA))
    assert _order(result) == [("Nashville", 1, 194), ("Chattanooga", 2, 173),
                              ("Memphis", 3, 126), ("Knoxville", 4, 107)]
    assert result.points == {"Memphis": 126.0, "Nashville": 194.0, "Chattanooga": 173.0,
                             "Knoxville": 107.0}


def test_irv_tennessee_rounds() -> None:
    # Source: Wikipedia, "Instant-runoff voting", Tennessee example: Chattanooga is
    # eliminated first (15), then Nashville (26), and Knoxville beats Memphis 58 to 42.
    result = voting.count(ranked_vote(TENNESSEE, CITIES, VoteMethod.IRV))
    rounds = [(dict(r.votes), r.eliminated, r.winners) for r in result.rounds]
    assert rounds == [
        ({"Memphis": 42, "Nashville": 26, "Chattanooga": 15, "Knoxville": 17},
         ("Chattanooga",), ()),
        ({"Memphis": 42, "Nashville": 26, "Knoxville": 32}, ("Nashville",), ()),
        ({"Knoxville": 58, "Memphis": 42}, (), ("Knoxville",)),
    ]
    assert _order(result) == [("Knoxville", 1, 58), ("Memphis", 2, 42), ("Nashville", 3, 26),
                              ("Chattanooga", 4, 15)]
    assert "Round 3: Knoxville 58, Memphis 42. Knoxville has 58 of 100 votes and wins." \
        in result.explanation


def test_schulze_tennessee_follows_the_condorcet_order() -> None:
    # Source: Wikipedia, "Condorcet method" and "Schulze method", Tennessee example:
    # Nashville beats every other city pairwise; the order is Nashville > Chattanooga >
    # Knoxville > Memphis.
    result = voting.count(ranked_vote(TENNESSEE, CITIES, VoteMethod.SCHULZE))
    assert [r.option for r in result.rows] == ["Nashville", "Chattanooga", "Knoxville",
                                                "Memphis"]
    n, c = CITIES.index("Nashville"), CITIES.index("Chattanooga")
    assert (result.pairwise[n][c], result.pairwise[c][n]) == (68, 32)


def test_the_same_ballots_recounted_three_ways_disagree_as_published() -> None:
    # The point of the Tennessee example: Borda and Schulze elect Nashville, IRV Knoxville,
    # and plurality (first choices) would elect Memphis.
    vote = ranked_vote(TENNESSEE, CITIES, VoteMethod.SCHULZE)
    winners = {m: voting.count(vote, m).winners for m in ("borda", "schulze", "irv")}
    assert winners == {"borda": ("Nashville",), "schulze": ("Nashville",),
                       "irv": ("Knoxville",)}

"""Ballot rules, ties, recounts, partial rankings, score voting, JSON and the text table."""

from __future__ import annotations

import json

import pytest
from exercise_builders import ranked_vote, so, swot_session

from smartplan_tui.exercises import voting
from smartplan_tui.exercises.voting import MatrixClass
from smartplan_tui.model import (
    Ballot,
    ModelError,
    TieRule,
    Vote,
    VoteMethod,
    VoteOption,
    VoteStatus,
)

OPTIONS = tuple(VoteOption(o, f"Option {o}") for o in "ABC")


def dot_vote(*ballots: Ballot, **fields: object) -> Vote:
    return Vote("v1", "Which first?", VoteMethod.DOT, OPTIONS, ballots=ballots,
                **fields)  # type: ignore[arg-type]


def rows(result: voting.VoteResult) -> list[tuple[str, int, float]]:
    return [(r.option, r.rank, r.score) for r in result.rows]


# ------------------------------------------------------------------ casting


def test_cast_refuses_a_ballot_over_the_budget_with_the_reason() -> None:
    vote = dot_vote(Ballot("p1", dots={"A": 1}))
    with pytest.raises(ModelError) as caught:
        voting.cast(vote, Ballot("p2", dots={"A": 2, "B": 2}))
    assert str(caught.value) == "ballot 2: 4 dots exceed the budget of 3"


def test_cast_refuses_more_dots_on_one_option_than_the_cap() -> None:
    vote = dot_vote(max_dots_per_option=1)
    with pytest.raises(ModelError, match="2 dots on A exceed the cap of 1 per option"):
        voting.cast(vote, Ballot("p1", dots={"A": 2}))


def test_aggregate_wall_counts_have_no_budget() -> None:
    vote = voting.cast(dot_vote(max_dots_per_option=1), Ballot(dots={"A": 14, "B": 9},
                                                                aggregate=True))
    assert rows(voting.count(vote)) == [("A", 1, 14), ("B", 2, 9), ("C", 3, 0)]


def test_a_voters_new_ballot_replaces_the_earlier_one() -> None:
    vote = dot_vote(Ballot("p1", dots={"A": 3}), Ballot("p2", dots={"B": 1}))
    corrected = voting.cast(vote, Ballot("p1", dots={"C": 2}))
    assert [b.voter for b in corrected.ballots] == ["p1", "p2"]
    assert corrected.ballots[0].dots == {"C": 2}
    assert rows(voting.count(corrected))[0] == ("C", 1, 2)


def test_anonymous_ballots_add_up() -> None:
    vote = voting.cast(voting.cast(dot_vote(), Ballot(dots={"A": 1})), Ballot(dots={"A": 1}))
    assert len(vote.ballots) == 2


def test_a_closed_vote_refuses_ballots_until_reopened() -> None:
    vote = voting.close(dot_vote())
    assert vote.status is VoteStatus.CLOSED
    with pytest.raises(ModelError, match="vote “Which first\\?” is closed"):
        voting.cast(vote, Ballot("p1", dots={"A": 1}))
    with pytest.raises(ModelError, match="closed"):
        voting.remove_ballot(vote, 0)
    assert len(voting.cast(voting.reopen(vote), Ballot("p1", dots={"A": 1})).ballots) == 1


def test_remove_ballot() -> None:
    vote = dot_vote(Ballot("p1", dots={"A": 1}), Ballot("p2", dots={"B": 1}))
    assert [b.voter for b in voting.remove_ballot(vote, 0).ballots] == ["p2"]
    with pytest.raises(ModelError, match=r"ballot 6: vote “Which first\?” has 2 ballots"):
        voting.remove_ballot(vote, 5)


def test_a_ranked_vote_refuses_dots_and_unknown_options() -> None:
    vote = ranked_vote([], "ABC")
    with pytest.raises(ModelError, match="a schulze vote takes ranking, not dots"):
        voting.cast(vote, Ballot(dots={"A": 1}))
    with pytest.raises(ModelError, match="unknown option 'Z'"):
        voting.cast(vote, Ballot(ranking=("A", "Z")))


# ------------------------------------------------------------------ options


def test_options_from_swot_and_tows_are_lettered_with_sources() -> None:
    session = swot_session(("s1", "S", "Port"), ("o1", "O", "Wind farms"),
                           tows=[so("t1", "s1", "o1")])
    options = voting.options_from(session, ["s1", "t1"])
    assert options == (VoteOption("A", "Port", "s1"), VoteOption("B", "Strategy t1", "t1"))
    more = voting.options_from(session, ["o1"], existing=options)
    assert more == (VoteOption("C", "Wind farms", "o1"),)
    with pytest.raises(ModelError, match=r"source_ids\[0\]: no SWOT item or TOWS strategy 'x'"):
        voting.options_from(session, ["x"])


def test_option_letters_go_past_z() -> None:
    assert [voting.option_letter(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


def test_add_and_remove_options() -> None:
    vote = voting.add_option(dot_vote(Ballot("p1", dots={"A": 1})), "Typed in")
    assert vote.options[-1] == VoteOption("D", "Typed in")
    assert voting.remove_option(vote, "D").option_ids == ("A", "B", "C")
    with pytest.raises(ModelError, match="ballot 1: mentions option A “"):
        voting.remove_option(vote, "A")


# ------------------------------------------------------------------ ties


def test_ties_are_reported_and_ranked_as_in_sport() -> None:
    vote = dot_vote(Ballot("p1", dots={"A": 2, "B": 1}), Ballot("p2", dots={"B": 1, "C": 1}))
    result = voting.count(vote)
    assert rows(result) == [("A", 1, 2), ("B", 1, 2), ("C", 3, 1)]
    assert result.ties == (("A", "B"),)
    assert result.tie_rule is TieRule.REPORT
    assert "Tied: A = B. The ties stand" in result.explanation
    assert result.winners == ("A", "B")


def test_a_vote_without_ballots_says_so_instead_of_calling_every_option_tied() -> None:
    result = voting.count(dot_vote())
    assert result.counted == 0 and result.winners == ()
    assert result.explanation == "No ballots yet."
    table = voting.render_table(result, explain=True)
    assert "ties:" not in table and "Tied" not in table
    assert table.endswith("No ballots yet.")


def test_option_order_tie_rule_is_applied_and_recorded() -> None:
    vote = dot_vote(Ballot("p1", dots={"B": 2}), Ballot("p2", dots={"A": 2}),
                    tie_rule=TieRule.OPTION_ORDER)
    result = voting.count(vote)
    assert rows(result) == [("A", 1, 2), ("B", 2, 2), ("C", 3, 0)]
    assert result.ties == (("A", "B"),)  # still reported
    assert voting.result_to_json(result)["tie_rule"] == "option-order"
    assert "tie rule puts the option listed first ahead" in result.explanation


def test_facilitator_tie_rule_orders_listed_options_and_leaves_the_rest_tied() -> None:
    vote = dot_vote(tie_rule=TieRule.FACILITATOR, tie_break=("C",))
    result = voting.count(vote)
    assert rows(result) == [("C", 1, 0), ("A", 2, 0), ("B", 2, 0)]
    assert result.ties == (("A", "B", "C"),)
    assert result.winners == ()  # nothing counted yet


def test_irv_elimination_tie_looks_back_to_earlier_rounds() -> None:
    # Constructed: round 1 A 6, B 4, C 3, D 1 (D out, to C); round 2 B and C tie at 4; in
    # round 1 C had fewer (3 against 4), so C goes out, not by chance; B then wins 8 to 6.
    profile = [(6, "ABC"), (4, "BAC"), (3, "CBA"), (1, "DCB")]
    result = voting.count(ranked_vote(profile, "ABCD", VoteMethod.IRV))
    assert [r.eliminated for r in result.rounds] == [("D",), ("C",), ()]
    assert result.rounds[1].note.startswith("B, C tied with")
    assert "C had fewer in round 1" in result.rounds[1].note
    assert result.winners == ("B",)


def test_irv_options_tied_in_every_round_go_out_together() -> None:
    profile = [(4, "A"), (2, "B"), (2, "C")]
    result = voting.count(ranked_vote(profile, "ABCD", VoteMethod.IRV))
    assert result.rounds[0].eliminated == ("D",)
    assert result.rounds[1].eliminated == ("B", "C")
    assert "go out together" in result.explanation
    assert rows(result)[:1] == [("A", 1, 4)]
    assert ("B", "C") in result.ties


def test_irv_an_even_split_is_a_shared_win() -> None:
    result = voting.count(ranked_vote([(2, "AB"), (2, "BA")], "AB", VoteMethod.IRV))
    assert result.rounds[-1].winners == ("A", "B")
    assert result.winners == ("A", "B")
    assert "share the win" in result.explanation


# ------------------------------------------------------------------ partial rankings


def test_borda_gives_unranked_options_the_mean_of_the_remaining_points() -> None:
    # 4 options, a ballot ranking only A: A gets 3, B/C/D share (2+1+0)/3 = 1 each; a
    # ballot ranking B, C: B 3, C 2, A and D share (1+0)/2 = 0.5.
    result = voting.count(ranked_vote([(1, "A"), (1, "BC")], "ABCD", VoteMethod.BORDA))
    assert rows(result) == [("B", 1, 4), ("A", 2, 3.5), ("C", 3, 3), ("D", 4, 1.5)]
    assert "options left out share the points" in result.explanation
    assert voting.result_to_json(result)["ranking"][1]["score"] == 3.5


def test_schulze_ranked_options_beat_unranked_ones_which_tie() -> None:
    result = voting.count(ranked_vote([(1, "A")], "ABC"))
    assert result.pairwise == ((0, 1, 1), (0, 0, 0), (0, 0, 0))
    assert rows(result) == [("A", 1, 2), ("B", 2, 0), ("C", 2, 0)]


def test_irv_ballots_run_out_when_their_options_are_gone() -> None:
    # Round 1: A 3, B 1, C 2 (of 6, nobody over half); B goes out and its ballot ranks
    # nothing else, so round 2 has 5 live ballots and A's 3 are more than half.
    result = voting.count(ranked_vote([(3, "A"), (1, "B"), (2, "CA")], "ABC", VoteMethod.IRV))
    assert result.rounds[0].exhausted == 0 and result.rounds[0].eliminated == ("B",)
    assert result.rounds[1].exhausted == 1
    assert result.winners == ("A",)
    assert "(1 ballot with no option left)" in result.explanation


# ------------------------------------------------------------------ recounting


def test_dots_cannot_be_scored() -> None:
    vote = dot_vote(Ballot("p1", dots={"A": 1}))
    with pytest.raises(ModelError) as caught:
        voting.count(vote, VoteMethod.SCORE)
    assert str(caught.value) == ("method: vote “Which first?” has dots ballots, which a score "
                                 "count cannot use (it needs scores); count them with dot, "
                                 "borda or schulze")


def test_rankings_cannot_be_counted_as_scores_and_unknown_methods_are_named() -> None:
    vote = ranked_vote([(1, "AB")], "AB")
    with pytest.raises(ModelError, match="count them with borda, schulze or irv"):
        voting.count(vote, "score")
    with pytest.raises(ModelError, match="unknown method 'plurality'"):
        voting.count(vote, "plurality")


def test_a_vote_without_ballots_counts_with_any_method() -> None:
    for method in VoteMethod:
        result = voting.count(dot_vote(), method)
        assert result.ballots == 0 and result.winners == ()
        assert [r.rank for r in result.rows] == [1, 1, 1]


# ------------------------------------------------------------------ score voting


def score_vote() -> Vote:
    marks = [
        {"A": {"impact": 5, "feasibility": 4}, "B": {"impact": 4, "feasibility": 1},
         "C": {"impact": 1, "feasibility": 5}},
        {"A": {"impact": 4, "feasibility": 5}, "B": {"impact": 5, "feasibility": 2},
         "C": {"impact": 2, "feasibility": 4}},
    ]
    options = (*OPTIONS, VoteOption("D", "Nobody marks this"), VoteOption("E", "Low"))
    ballots = tuple(Ballot(f"p{i}", scores=m) for i, m in enumerate(marks))
    ballots += (Ballot("p9", scores={"E": {"impact": 1, "feasibility": 2}}),)
    return Vote("v3", "Rate", VoteMethod.SCORE, options, ballots=ballots)


def test_score_means_rank_options_and_unmarked_ones_come_last() -> None:
    result = voting.count(score_vote())
    assert rows(result) == [("A", 1, 4.5), ("B", 2, 3.0), ("C", 2, 3.0), ("E", 4, 1.5),
                            ("D", 5, 0.0)]
    assert result.ties == (("B", "C"),)
    assert result.means["B"] == {"impact": 4.5, "feasibility": 1.5}
    assert "D: no marks → 0" in result.explanation


def test_score_matrix_classes_with_high_meaning_at_least_the_midpoint() -> None:
    matrix = voting.score_matrix(score_vote())
    assert matrix.threshold == 3.0
    assert (matrix.impact, matrix.feasibility) == ("impact", "feasibility")
    assert matrix.members(MatrixClass.QUICK_WIN) == ("A",)
    assert matrix.members(MatrixClass.MAJOR_PROJECT) == ("B",)
    assert matrix.members(MatrixClass.FILL_IN) == ("C",)
    assert matrix.members(MatrixClass.THANKLESS_TASK) == ("E",)
    d = matrix.cells[3]
    assert (d.option, d.klass, d.marks, d.mean("impact")) == ("D", None, 0, None)


def test_score_matrix_refuses_ranked_ballots() -> None:
    with pytest.raises(ModelError, match=r"ballots\[0\]: holds ranking, not scores"):
        voting.score_matrix(ranked_vote([(1, "AB")], "AB"))


def test_a_score_outside_the_scale_is_refused() -> None:
    vote = Vote("v3", "Rate", VoteMethod.SCORE, OPTIONS)
    with pytest.raises(ModelError, match="score 6 for A impact is outside 1–5"):
        voting.cast(vote, Ballot("p1", scores={"A": {"impact": 6}}))


# ------------------------------------------------------------------ output


def test_result_json_has_the_documented_keys_and_round_trips() -> None:
    result = voting.count(ranked_vote([(2, "ABC"), (2, "CBA"), (1, "BAC")], "ABC",
                                       VoteMethod.IRV))
    data = voting.result_to_json(result)
    assert list(data)[:7] == ["id", "method", "ballots", "invalid", "ranking", "ties",
                              "explanation"]
    assert all(set(row) == {"option", "rank", "score"} for row in data["ranking"])
    assert data["rounds"][0] == {"round": 1, "votes": {"A": 2, "C": 2, "B": 1}, "exhausted": 0,
                                 "eliminated": ["B"], "winners": [], "note": ""}
    assert json.loads(json.dumps(data)) == data


def test_render_table_is_plain_text_with_bars_and_literal_participant_text() -> None:
    options = (VoteOption("A", "[bold]Ferry[/bold]"), VoteOption("B", "line\nbreak\x07"),
               VoteOption("C", "x" * 50_000))
    vote = Vote("v1", "Which?", VoteMethod.DOT, options,
                ballots=(Ballot("p1", dots={"A": 2, "C": 1}), Ballot("p2", dots={"A": 1})))
    table = voting.render_table(voting.count(vote), header=True)
    lines = table.splitlines()
    assert lines[0] == "v1 — Which?"
    assert "[bold]Ferry[/bold]" in table  # literal, not interpreted
    assert "line ⏎ break␇" in table  # control characters visible, row stays one line
    a_row = next(line for line in lines if "Ferry" in line)
    c_row = next(line for line in lines if "xxx" in line)
    assert a_row.endswith("█" * 30) and "x…" in c_row
    assert len(c_row) < 120
    assert "Dots: A 3, C 1, B 0." in table


def test_every_vote_of_a_rich_session_counts_and_renders() -> None:
    from session_factory import rich_session

    for vote in rich_session().votes:
        result = voting.count(vote)
        assert [r.option for r in result.rows] and result.explanation
        assert voting.render_table(result).count("\n") >= len(vote.options)

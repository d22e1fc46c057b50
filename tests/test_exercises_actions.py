"""Action plan: SMART check, priorities from votes, links back to SWOT/TOWS, grouping."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from exercise_builders import so, swot_session

from smartplan_tui.exercises import actions
from smartplan_tui.model import (
    Action,
    ActionStatus,
    Ballot,
    ModelError,
    Session,
    Vote,
    VoteMethod,
    VoteOption,
)


def session() -> Session:
    v1 = Vote("v1", "First", VoteMethod.DOT,
              (VoteOption("A", "Ferry line", "s1"), VoteOption("B", "Wind port", "t1"),
               VoteOption("C", "Typed in")),
              ballots=(Ballot("p1", dots={"B": 2, "A": 1}), Ballot("p2", dots={"B": 1})))
    v2 = Vote("v2", "Second", VoteMethod.DOT, (VoteOption("A", "Other A"),),
              ballots=(Ballot("p1", dots={"A": 1}),))
    return swot_session(("s1", "S", "Port"), ("o1", "O", "Wind"),
                        tows=[so("t1", "s1", "o1")], votes=[v1, v2])


SMART = Action("a1", "Open a ferry line", description="Weekly ferry", priority="v1:A",
               owner="Port authority", start=date(2027, 1, 1), due=date(2027, 6, 30),
               indicator="ferries a week", baseline="0", target="2")


def gaps(action: Action) -> list[tuple[str, str]]:
    return [(g.letter, g.reason) for g in actions.smart_gaps(action, session())]


def test_a_complete_action_is_smart() -> None:
    assert gaps(SMART) == []


def test_smart_gaps_name_each_missing_part_in_order() -> None:
    bare = Action("a2", "Do something")
    assert gaps(bare) == [("S", "no description"), ("M", "no indicator and no target"),
                          ("A", "no owner"), ("R", "not linked to a priority"),
                          ("T", "no due date")]
    assert [g.criterion for g in actions.smart_gaps(bare, session())] == [
        "specific", "measurable", "achievable", "relevant", "time-bound"]


@pytest.mark.parametrize(("change", "expected"), [
    ({"target": ""}, [("M", "no target")]),
    ({"owner": "  "}, [("A", "no owner")]),
    ({"priority": "Z"}, [("R", "priority 'Z' is no vote option")]),
    ({"due": date(2027, 1, 1)}, [("T", "due date 2027-01-01 is not after the start 2027-01-01")]),
    ({"start": None}, []),
])
def test_smart_gaps_single_criteria(change: dict[str, object],
                                    expected: list[tuple[str, str]]) -> None:
    assert gaps(dataclasses.replace(SMART, **change)) == expected  # type: ignore[arg-type]


def test_resolve_priority_bare_and_qualified() -> None:
    s = session()
    vote, option = actions.resolve_priority(s, "v2:A") or (None, None)
    assert (vote.id, option.text) == ("v2", "Other A")  # type: ignore[union-attr]
    found = actions.resolve_priority(s, "A")
    assert found is not None and found[0].id == "v1"  # bare: the first vote having it
    assert actions.resolve_priority(s, "C")[1].text == "Typed in"  # type: ignore[index]
    assert actions.resolve_priority(s, "v9:A") is None
    assert actions.resolve_priority(s, "") is None


def test_from_priority_titles_the_action_and_qualifies_shared_letters() -> None:
    s = session()
    assert actions.from_priority(s, "v1", "B", "a9") == Action("a9", "Wind port", priority="B")
    assert actions.from_priority(s, "v2", "A", "a9").priority == "v2:A"
    with pytest.raises(ModelError, match="vote 'First' has no option 'Q'"):
        actions.from_priority(s, "v1", "Q", "a9")
    with pytest.raises(ModelError, match="no vote 'v7'"):
        actions.from_priority(s, "v7", "A", "a9")


def test_a_priority_is_named_by_its_letter_and_text_and_by_its_question_among_several() -> None:
    s = session()
    v1, v2 = s.votes
    assert actions.priority_name(s, v2, v2.options[0]) == "A · Other A · “Second”"
    alone = dataclasses.replace(s, votes=(v1,))
    assert actions.priority_name(alone, v1, v1.options[1]) == "B · Wind port"


def test_linked_items_through_the_option_source() -> None:
    s = session()
    assert [i.id for i in actions.linked_items(s, SMART)] == ["s1"]
    via_tows = dataclasses.replace(SMART, priority="B")
    assert [i.id for i in actions.linked_items(s, via_tows)] == ["t1", "s1", "o1"]
    assert actions.linked_items(s, dataclasses.replace(SMART, priority="C")) == []
    assert actions.linked_items(s, dataclasses.replace(SMART, priority="")) == []


def test_by_priority_orders_by_vote_then_rank_then_unlinked() -> None:
    s = session()
    plan = [dataclasses.replace(SMART, id="a1", priority="v1:A"),
            dataclasses.replace(SMART, id="a2", priority=""),
            dataclasses.replace(SMART, id="a3", priority="B"),
            dataclasses.replace(SMART, id="a4", priority="v2:A"),
            dataclasses.replace(SMART, id="a5", priority="B")]
    groups = actions.by_priority(plan, s)
    assert [(g.vote.id if g.vote else None, g.option.id if g.option else None, g.rank,
             [a.id for a in g.actions]) for g in groups] == [
        ("v1", "B", 1, ["a3", "a5"]), ("v1", "A", 2, ["a1"]), ("v2", "A", 1, ["a4"]),
        (None, None, None, ["a2"])]


def test_filter_actions() -> None:
    plan = [SMART, dataclasses.replace(SMART, id="a2", status=ActionStatus.DONE, owner="NGO")]
    assert [a.id for a in actions.filter_actions(plan, status="done")] == ["a2"]
    assert [a.id for a in actions.filter_actions(plan, owner="Port authority")] == ["a1"]
    assert [a.id for a in actions.filter_actions(plan)] == ["a1", "a2"]


def test_winner_reports_ties_and_nothing_before_ballots() -> None:
    s = session()
    assert [o.id for o in actions.winner(s, "v1")] == ["B"]
    tied = dataclasses.replace(s, votes=(dataclasses.replace(
        s.votes[0], ballots=(Ballot("p1", dots={"A": 1, "B": 1}),)),))
    assert [o.id for o in actions.winner(tied, "v1")] == ["A", "B"]
    empty = dataclasses.replace(s, votes=(dataclasses.replace(s.votes[0], ballots=()),))
    assert actions.winner(empty, "v1") == ()

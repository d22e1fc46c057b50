"""The action plan as a programme reads it: descriptions, short priorities, a missing target
shown as a dash, the actions without a budget counted, and subtotals by priority."""

from __future__ import annotations

from smartplan_tui.exports import content
from smartplan_tui.model import Action, Session, SessionInfo, Vote, VoteOption


def _session(*actions: Action) -> Session:
    vote = Vote("v1", "Which first?", options=(
        VoteOption("A", "Green ferry corridor between Liepāja and Klaipėda harbours"),
        VoteOption("B", "Rail")))
    return Session(info=SessionInfo("w", "W"), votes=(vote,), actions=actions)


def test_priority_is_short_and_a_missing_target_is_a_dash() -> None:
    session = _session(Action("a1", "Ferry study", "What the study covers", priority="A",
                              baseline="0", budget_eur=1000),
                       Action("a2", "Rail letter", priority="B", target="3"))
    table, _ = content.action_rows(session)
    first, second = table.rows
    assert first[0] == "Ferry study\nWhat the study covers"
    assert first[1] == "A: Green ferry corridor…"
    assert len(first[1]) <= 3 + content.SHORT_PRIORITY
    assert first[7] == "0 → —" and second[7] == "— → 3"


def test_the_total_counts_actions_without_a_budget() -> None:
    session = _session(Action("a1", "One", budget_eur=1000), Action("a2", "Two"),
                       Action("a3", "Three"))
    assert content.budget_total(session.actions) == "€1,000 (2 actions have no budget)"
    assert content.budget_total(session.actions[:1]) == "€1,000"
    assert content.budget_total(session.actions[1:]) == ""


def test_subtotals_by_priority_in_the_order_they_first_appear() -> None:
    session = _session(Action("a1", "One", priority="B", budget_eur=500),
                       Action("a2", "Two", priority="A", budget_eur=1000),
                       Action("a3", "Three", priority="B", budget_eur=250),
                       Action("a4", "Four"))
    assert content.budget_by_priority(session).rows == [
        ("B: Rail", "2", "€750"), ("A: Green ferry corridor between Liepāja and Klaipėda "
                                     "harbours", "1", "€1,000"), ("No priority", "1", "—")]
    assert content.budget_by_priority(_session(Action("a1", "One"))).rows == []

"""TOWS strategies: type checked against the linked quadrants; combinations still to discuss."""

from __future__ import annotations

import dataclasses

import pytest
from exercise_builders import so, swot_session

from smartplan_tui.exercises import swot, tows
from smartplan_tui.model import ModelError, Quadrant, Session, TowsStrategy, TowsType

S, W, OPP, T = Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES, Quadrant.THREATS


def session() -> Session:
    return swot_session(("s1", "S", "Port"), ("s2", "S", "Universities"), ("w1", "W", "Fleet"),
                        ("o1", "O", "Wind"), ("t1", "T", "Storms"))


def test_make_strategy_accepts_a_matching_so() -> None:
    strategy = tows.make_strategy(session(), "x1", "so", "Port serves wind farms", ["s1", "o1"])
    assert strategy == TowsStrategy("x1", TowsType.SO, "Port serves wind farms", ("s1", "o1"))


@pytest.mark.parametrize(("kind", "links", "reason"), [
    ("SO", ["s1", "o1", "t1"],
     "links: “Storms” is one of the threats; an SO strategy combines strengths with opportunities"),
    ("SO", ["s1", "s2"], "links: an SO strategy needs at least one of the opportunities"),
    ("WT", ["w1", "zz"], "links: links 'zz', which is no SWOT item"),
    ("WO", [], "links: a WO strategy needs at least one of the weaknesses"),
    ("XY", ["s1"], "type: unknown strategy type 'XY' (use SO, ST, WO or WT)"),
])
def test_make_strategy_refuses_a_mismatch_naming_it(kind: str, links: list[str],
                                                    reason: str) -> None:
    with pytest.raises(ModelError) as caught:
        tows.make_strategy(session(), "x1", kind, "Text", links)
    assert str(caught.value) == reason


def test_make_strategy_infers_the_type_when_none_is_given() -> None:
    assert tows.make_strategy(session(), "x1", None, "T", ["w1", "t1"]).type is TowsType.WT
    with pytest.raises(ModelError, match="do not make one type"):
        tows.make_strategy(session(), "x1", None, "T", ["s1", "w1", "o1"])


def test_infer_type() -> None:
    assert tows.infer_type([S, OPP, S]) is TowsType.SO
    assert tows.infer_type([W, T]) is TowsType.WT
    assert tows.infer_type([S]) is None
    assert tows.infer_type([S, W, OPP]) is None
    assert tows.infer_type([]) is None


def test_problems_appear_when_a_linked_item_moves_quadrant() -> None:
    base = dataclasses.replace(session(), tows=(so("x1", "s1", "o1"),))
    assert tows.problems(base.tows[0], base) == []
    moved = dataclasses.replace(base, swot=tuple(
        swot.move(i, "T") if i.id == "o1" else i for i in base.swot))
    assert tows.problems(moved.tows[0], moved) == [
        "“Wind” is one of the threats; an SO strategy combines strengths with opportunities",
        "an SO strategy needs at least one of the opportunities"]


def test_by_type_lists_all_four_types() -> None:
    strategies = [so("x1", "s1", "o1"), TowsStrategy("x2", TowsType.WT, "t", ("w1", "t1")),
                  so("x3", "s2", "o1")]
    grouped = tows.by_type(strategies)
    assert list(grouped) == [TowsType.SO, TowsType.ST, TowsType.WO, TowsType.WT]
    assert [s.id for s in grouped[TowsType.SO]] == ["x1", "x3"]
    assert grouped[TowsType.ST] == []


def test_empty_combinations_say_why_a_pair_is_listed() -> None:
    base = dataclasses.replace(session(), tows=(so("x1", "s1", "o1"),))
    combos = {(c.type.value, c.internal, c.external): (c.type_empty, c.untouched)
              for c in tows.empty_combinations(base)}
    assert ("SO", "s1", "o1") not in combos  # x1 covers it
    assert combos[("SO", "s2", "o1")] == (False, 1)  # SO has a strategy; o1 is used
    assert combos[("WT", "w1", "t1")] == (True, 2)
    assert len(combos) == 5


def test_empty_combinations_order_is_types_without_strategies_then_untouched_items() -> None:
    base = dataclasses.replace(session(), tows=(so("x1", "s1", "o1"),))
    pairs = [(c.type.value, c.internal, c.external) for c in tows.empty_combinations(base)]
    assert pairs == [("ST", "s2", "t1"), ("WT", "w1", "t1"), ("ST", "s1", "t1"),
                     ("WO", "w1", "o1"), ("SO", "s2", "o1")]


def test_no_items_in_a_quadrant_means_no_pairs_for_its_types() -> None:
    only_strengths = swot_session(("s1", "S", "Port"), ("o1", "O", "Wind"))
    combos = tows.empty_combinations(only_strengths)
    assert [(c.type, c.internal, c.external) for c in combos] == [(TowsType.SO, "s1", "o1")]

"""SWOT items: capture, edit, move, tag, reorder, merge with provenance, filter and count."""

from __future__ import annotations

import dataclasses

import pytest
from exercise_builders import so, swot_session

from smartplan_tui.collection_registry import SWOT, TOWS
from smartplan_tui.exercises import swot
from smartplan_tui.model import (
    ModelError,
    Origin,
    Quadrant,
    Session,
    SwotItem,
    Vote,
    VoteOption,
    session_problems,
)

NASTY = "[bold]Port[/bold]\x07\x1b[31m " + "x" * 50_000


def session_with_links() -> Session:
    vote = Vote("v1", "Q", options=(VoteOption("A", "Port", "s2"), VoteOption("B", "Wind", "o1")))
    return swot_session(("s1", "S", "Deep-water port"), ("w1", "W", "Ageing fleet"),
                        ("s2", "S", "Deep water port!"), ("o1", "O", "Offshore wind"),
                        ("s3", "S", "Universities"),
                        tows=[so("t1", "s1", "s2", "o1"), so("t2", "s2", "o1")], votes=[vote])


def test_add_item_appends_and_refuses_an_id_in_use() -> None:
    session = swot.add_item(swot_session(), SwotItem("s1", Quadrant.STRENGTHS, NASTY))
    assert session.swot[0].text == NASTY  # literal, whole, with control characters
    with pytest.raises(ModelError, match="an item with id 's1' exists already"):
        swot.add_item(session, SwotItem("s1", Quadrant.THREATS, "Other"))


def test_edit_move_tag_and_author_return_new_items() -> None:
    item = SwotItem("s1", Quadrant.STRENGTHS, "Port")
    edited = swot.set_author(swot.add_tag(swot.move(swot.edit_text(item, NASTY), "T"),
                                          " transport "), "p2")
    assert (edited.text, edited.quadrant, edited.tags, edited.author) == (
        NASTY, Quadrant.THREATS, ("transport",), "p2")
    assert item.text == "Port"  # never mutated
    assert swot.add_tag(edited, "transport") is edited
    assert swot.remove_tag(edited, "transport").tags == ()
    with pytest.raises(ModelError, match="must not be empty"):
        swot.edit_text(item, "  ")
    with pytest.raises(ModelError, match="a tag must not be empty"):
        swot.add_tag(item, " ")
    with pytest.raises(ModelError, match="unknown quadrant 'X'"):
        swot.move(item, "X")


def test_reorder_moves_within_the_quadrant_and_leaves_others_in_place() -> None:
    session = session_with_links()
    moved = swot.reorder(session, "s3", 0)
    assert [i.id for i in moved.swot] == ["s3", "w1", "s1", "o1", "s2"]
    strengths = [i.id for i in swot.by_quadrant(moved.swot)[Quadrant.STRENGTHS]]
    assert strengths == ["s3", "s1", "s2"]
    assert [i.id for i in swot.reorder(session, "s1", 99).swot] == [
        "s2", "w1", "s3", "o1", "s1"]
    with pytest.raises(ModelError, match="no SWOT item 'zz'"):
        swot.reorder(session, "zz", 0)


def test_merge_keeps_provenance_and_repoints_tows_links_and_vote_options() -> None:
    session = session_with_links()
    session = dataclasses.replace(session, swot=tuple(
        dataclasses.replace(i, author="p1", tags=("port",)) if i.id == "s1" else
        dataclasses.replace(i, author="p3", tags=("port", "sea")) if i.id == "s2" else i
        for i in session.swot))
    merged = swot.merge(session, "s1", "s2")
    kept = merged.find(SWOT, "s1")
    assert merged.find(SWOT, "s2") is None
    assert kept.text == "Deep-water port" and kept.author == "p1"
    assert kept.tags == ("port", "sea")
    assert kept.merged_from == (Origin("s1", "Deep-water port", "p1"),
                                Origin("s2", "Deep water port!", "p3"))
    assert merged.find(TOWS, "t1").links == ("s1", "o1")
    assert merged.find(TOWS, "t2").links == ("s1", "o1")
    assert merged.votes[0].options[0].source == "s1"
    assert session_problems(merged) == []


def test_merging_a_merged_item_keeps_every_origin_once() -> None:
    session = swot.merge(session_with_links(), "s1", "s2")
    again = swot.merge(session, "s3", "s1")
    assert [o.id for o in again.find(SWOT, "s3").merged_from] == ["s3", "s1", "s2"]


def test_merge_refuses_itself_and_items_of_different_quadrants() -> None:
    session = session_with_links()
    with pytest.raises(ModelError, match="cannot merge “Deep-water port” with itself"):
        swot.merge(session, "s1", "s1")
    with pytest.raises(ModelError, match="“Deep-water port” is in strengths and “Ageing fleet” "
                       "in weaknesses"):
        swot.merge(session, "s1", "w1")


def test_delete_drops_links_and_unlinks_options() -> None:
    deleted = swot.delete_item(session_with_links(), "s2")
    assert [i.id for i in deleted.swot] == ["s1", "w1", "o1", "s3"]
    assert deleted.find(TOWS, "t2").links == ("o1",)
    assert deleted.votes[0].options[0].source == ""
    # No dangling reference; t2 now lacks a strength, which the facilitator is told.
    assert [str(p) for p in session_problems(deleted)] == [
        "tows[1].links: a SO strategy needs one of the strengths too"]


def test_by_quadrant_filter_and_counts() -> None:
    items = [
        SwotItem("s1", Quadrant.STRENGTHS, "a", ("sea", "jobs"), "p1"),
        SwotItem("t1", Quadrant.THREATS, "b", ("sea",), "p2"),
        SwotItem("s2", Quadrant.STRENGTHS, "c", ("jobs",), "p1"),
        SwotItem("o1", Quadrant.OPPORTUNITIES, "d", (), ""),
    ]
    grouped = swot.by_quadrant(items)
    assert list(grouped) == list(Quadrant)
    assert [i.id for i in grouped[Quadrant.STRENGTHS]] == ["s1", "s2"]
    assert grouped[Quadrant.WEAKNESSES] == []
    assert [i.id for i in swot.filter_items(items, tag="sea")] == ["s1", "t1"]
    assert [i.id for i in swot.filter_items(items, tag="jobs", author="p1")] == ["s1", "s2"]
    assert swot.filter_items(items, author="nobody") == []
    assert list(swot.count_by_tag(items).items()) == [("jobs", 2), ("sea", 2)]
    assert list(swot.count_by_author(items).items()) == [("p1", 2), ("", 1), ("p2", 1)]

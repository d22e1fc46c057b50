"""Edits through the store land on disk, survive a fresh process view, and refuse bad input."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from smartplan_tui.collection_registry import AGENDA, NOTES, SWOT, TOWS, VOTES, Collection
from smartplan_tui.model import ModelError, Quadrant, SessionInfo, SwotItem, TowsStrategy, TowsType
from smartplan_tui.store import SessionStore, StoreError


def _session(store: SessionStore) -> str:
    store.create(SessionInfo("ws", "Workshop 1"))
    return "ws"


def test_add_update_remove_restore_reorder_are_on_disk(store: SessionStore, home: Path) -> None:
    handle = store.open(_session(store))
    a = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "Ports"))
    b = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Erosion"))
    handle.update(SWOT, a.id, lambda item: dataclasses.replace(item, text="Ice-free ports"))
    handle.reorder(SWOT, [b.id, a.id])
    fresh = SessionStore(home).load("ws")
    assert [(i.id, i.text) for i in fresh.swot] == [("s2", "Erosion"), ("s1", "Ice-free ports")]
    removed = handle.remove(SWOT, b.id)
    assert [i.id for i in SessionStore(home).load("ws").swot] == ["s1"]
    handle.restore(SWOT, removed, 0)
    assert [i.id for i in SessionStore(home).load("ws").swot] == ["s2", "s1"]


def test_ids_are_never_reused_after_a_delete(store: SessionStore) -> None:
    handle = store.open(_session(store))
    first = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "one"))
    handle.remove(SWOT, first.id)
    second = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "two"))
    assert (first.id, second.id) == ("s1", "s2")


def test_apply_writes_only_the_difference_and_keeps_order(store: SessionStore, home: Path) -> None:
    handle = store.open(_session(store))
    for text in ("a", "b", "c"):
        handle.add(SWOT, lambda i, t=text: SwotItem(i, Quadrant.STRENGTHS, t))

    def merge_first_two(session, new_id):  # type: ignore[no-untyped-def]
        keep, gone, rest = session.swot[0], session.swot[1], session.swot[2:]
        merged = dataclasses.replace(keep, text=f"{keep.text} + {gone.text}")
        extra = SwotItem(new_id(SWOT), Quadrant.OPPORTUNITIES, "new")
        return dataclasses.replace(session, swot=(extra, merged, *rest))

    handle.apply(merge_first_two)
    fresh = SessionStore(home).load("ws")
    assert [(i.id, i.text) for i in fresh.swot] == [("s4", "new"), ("s1", "a + b"), ("s3", "c")]


def test_invalid_values_and_unknown_ids_write_nothing(store: SessionStore, home: Path) -> None:
    handle = store.open(_session(store))
    handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "Ports"))
    before = handle.path.read_bytes(), handle.path.with_suffix(".journal").read_bytes()
    with pytest.raises(ModelError, match="text: must not be empty"):
        handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "   "))
    with pytest.raises(StoreError, match="has no SWOT item 's9'"):
        handle.update(SWOT, "s9", lambda item: item)
    with pytest.raises(StoreError, match="does not belong in swot"):
        handle.add(SWOT, lambda i: TowsStrategy(i, TowsType.SO, "x"))
    with pytest.raises(StoreError, match="no session 'nope'"):
        store.open("nope")
    assert (handle.path.read_bytes(), handle.path.with_suffix(".journal").read_bytes()) == before
    assert [i.text for i in SessionStore(home).load("ws").swot] == ["Ports"]


def test_text_is_stored_exactly(store: SessionStore, home: Path) -> None:
    handle = store.open(_session(store))
    texts = ["Liepāja, Klaipėda: ąčęėįšųūž ĀČĒĢĪĶĻŅŠŪŽ 🌊", "[bold]not bold[/bold] {x}",
             "line\x0bvertical tab\x07bell\x00nul", "x" * 50_000]
    for text in texts:
        handle.add(SWOT, lambda i, t=text: SwotItem(i, Quadrant.STRENGTHS, t))
    assert [i.text for i in SessionStore(home).load("ws").swot] == texts


def test_a_second_handle_sees_changes_of_the_first(store: SessionStore, home: Path) -> None:
    _session(store)
    watcher = SessionStore(home).open("ws")
    watcher.load()
    assert not watcher.changed()
    store.open("ws").add(NOTES, lambda i: __import__("smartplan_tui.model").model.Note(
        i, __import__("datetime").datetime(2026, 12, 1, 10, 0), "hello"))
    assert watcher.changed()
    assert [n.text for n in watcher.load().notes] == ["hello"]
    assert not watcher.changed()


def test_session_ids_are_checked(store: SessionStore) -> None:
    with pytest.raises(StoreError, match="not a valid session id"):
        store.open("../etc/passwd")
    with pytest.raises(StoreError, match="exists"):
        _session(store)
        store.create(SessionInfo("ws", "again"))


def test_duplicate_keeps_agenda_and_people_but_no_results(demo_store: SessionStore) -> None:
    copy = demo_store.duplicate("coast-camp", SessionInfo("next", "Workshop 3"))
    original = demo_store.load("coast-camp")
    assert [a.title for a in copy.agenda] == [a.title for a in original.agenda]
    assert all(a.started_at is None for a in demo_store.load("next").agenda)
    assert demo_store.load("next").participants == original.participants
    assert demo_store.load("next").swot == ()


def test_delete_keeps_a_backup(demo_store: SessionStore) -> None:
    demo_store.delete("coast-camp")
    assert not demo_store.exists("coast-camp")
    assert demo_store.backups("coast-camp"), "a deleted session must stay recoverable"


def test_list_sessions_newest_first(store: SessionStore) -> None:
    from datetime import date

    store.create(SessionInfo("old", "Old", date=date(2026, 3, 1)))
    store.create(SessionInfo("new", "New", date=date(2027, 3, 1)))
    store.create(SessionInfo("undated", "Undated"))
    assert [s.id for s in store.list_sessions()] == ["new", "old", "undated"]


def test_changed_is_per_handle_so_one_reader_never_hides_a_change(
        store: SessionStore, home: Path) -> None:
    _session(store)
    board, chart = store.open("ws"), store.open("ws")
    board.load()
    chart.load()
    SessionStore(home).open("ws").add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "x"))
    assert board.changed() and chart.changed()
    board.load()  # the board reloads first …
    assert not board.changed()
    assert chart.changed(), "… and the chart must still see that it is stale"
    assert [i.text for i in chart.load().swot] == ["x"]
    assert not chart.changed()
    board.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "own write"))
    assert chart.changed() and board.changed()


def test_an_item_put_back_in_its_place_is_in_its_place_in_this_process_too(
        store: SessionStore) -> None:
    """The view after a write that adds an item and then orders its list: same as on disk."""
    handle = store.open(_session(store))
    for n in range(6):
        handle.add(SWOT, lambda i, n=n: SwotItem(i, Quadrant.STRENGTHS, f"item {n}"))
    for n in range(40):
        target = handle.load().swot[n % 6].id
        removed = handle.remove(SWOT, target)
        handle.restore(SWOT, removed, n % 6)
        assert handle.load().swot[n % 6].id == target, n
    assert [i.id for i in handle.load().swot] == [i.id for i in SessionStore(store.home).load("ws").swot]


@pytest.mark.parametrize("collection", [SWOT, TOWS, AGENDA, VOTES], ids=lambda c: c.name)
def test_removing_an_item_others_refer_to_unlinks_them_and_export_still_imports(
        demo_store: SessionStore, tmp_path: Path, collection: Collection[Any]) -> None:
    from smartplan_tui.model import session_problems
    from smartplan_tui.store import document_to_session

    session = demo_store.load("coast-camp")
    referred = {"swot": {link for t in session.tows for link in t.links},
                "tows": {o.source for v in session.votes for o in v.options},
                "agenda": {n.agenda_item for n in session.notes},
                "votes": {a.priority.partition(":")[0] for a in session.actions}}[collection.name]
    target = next(i.id for i in collection.items(session) if i.id in referred)
    removed = demo_store.open("coast-camp").remove(collection, target)
    assert removed.id == target
    after = SessionStore(demo_store.home).load("coast-camp")
    assert target not in {i.id for i in collection.items(after)}
    reimported = document_to_session(demo_store.export_document("coast-camp"))
    assert not [p for p in session_problems(reimported) if "no " in p.reason]
    assert reimported == after


def test_an_order_is_journalled_as_one_move_when_one_item_changed_place() -> None:
    """Any reordering replays to the same order; a single move is one small operation."""
    import random

    from smartplan_tui.store.journal import apply_op, order_ops

    rng = random.Random(7)
    for _ in range(300):
        ids = [f"s{n}" for n in range(rng.randint(1, 12))]
        wanted = ids[:]
        one_move = rng.random() < 0.5
        if one_move:
            wanted.insert(rng.randrange(len(ids)), wanted.pop(rng.randrange(len(ids))))
        else:
            rng.shuffle(wanted)
        data = {"swot": {i: {"id": i} for i in ids}}
        ops = order_ops("swot", ids, wanted)
        for op in ops:
            apply_op(data, op, None)
        assert list(data["swot"]) == wanted
        if wanted == ids:
            assert ops == []
        elif one_move:
            assert len(ops) == 1 and set(ops[0]) == {"t", "move", "to"}, (ids, wanted, ops)
    ten_thousand = [f"s{n}" for n in range(10_000)]
    one_moved = [ten_thousand[-1], *ten_thousand[:-1]]
    assert order_ops("swot", ten_thousand, one_moved) == [{"t": "swot", "move": "s9999", "to": 0}]


def test_a_move_in_the_journal_replays_in_a_fresh_process(store: SessionStore, home: Path) -> None:
    from smartplan_tui.collection_registry import SWOT

    handle = store.open(_session(store))
    for n in range(5):
        handle.add(SWOT, lambda i, n=n: SwotItem(i, Quadrant.STRENGTHS, f"item {n}"))
    ids = [i.id for i in handle.load().swot]
    handle.reorder(SWOT, [ids[3], *ids[:3], ids[4]])
    assert b'"move":"s4"' in (home / "sessions" / "ws.journal").read_bytes()
    assert [i.id for i in SessionStore(home).load("ws").swot] == ["s4", "s1", "s2", "s3", "s5"]

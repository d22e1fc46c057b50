"""The registry of session lists: the store, the importer and the session screen read it,
and the store takes nothing but its entries."""

from __future__ import annotations

import dataclasses
import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from tui_support import settle, stored

from smartplan_tui.app import make_app
from smartplan_tui.collection_registry import (
    AGENDA,
    COLLECTIONS,
    SWOT,
    VOTES,
    Collection,
    collection_named,
)
from smartplan_tui.model import (
    REFERENCED_LISTS,
    AgendaItem,
    Quadrant,
    Session,
    SessionInfo,
    SwotItem,
    repoint,
)
from smartplan_tui.screens.live import LiveScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.session_parts import (
    EXERCISE_CHOICES,
    EXERCISES,
    exercise_named,
    session_counts,
)
from smartplan_tui.screens.widgets.item_list import ItemList
from smartplan_tui.store import SessionStore, StoreError, document_to_session, session_to_document

#: The interchange format's lists, in its order: a contract (docs/format.md).
FORMAT_LISTS = ["participants", "agenda", "swot", "tows", "votes", "actions", "notes"]


def test_the_registry_is_the_session_lists_in_the_interchange_order(demo_store: SessionStore) -> None:
    session = demo_store.load("coast-camp")
    fields = [f.name for f in dataclasses.fields(Session) if f.init and f.name != "info"]
    assert [c.name for c in COLLECTIONS] == fields == FORMAT_LISTS
    assert list(session_to_document(session))[3:] == FORMAT_LISTS
    for collection in COLLECTIONS:
        items = collection.items(session)
        assert items == getattr(session, collection.name)
        assert all(isinstance(item, collection.cls) for item in items)
        assert collection_named(collection.name) is collection
        assert all(session.find(collection, item.id) is item for item in items)
    assert collection_named("juggling") is None
    assert len({c.id_prefix for c in COLLECTIONS}) == len(COLLECTIONS)


def _first_free(prefix: str, taken: set[str]) -> str:
    return next(f"{prefix}{n}" for n in range(1, len(taken) + 2) if f"{prefix}{n}" not in taken)


def test_the_store_and_the_importer_give_each_list_ids_of_its_own_prefix(
        demo_store: SessionStore) -> None:
    """A copy of each list's first demo item, added by the store and imported without an id."""
    demo = demo_store.load("coast-camp")
    handle = demo_store.open("coast-camp")
    document = session_to_document(demo)
    copied = [c for c in COLLECTIONS if c.items(demo)]
    assert {c.name for c in copied} >= set(FORMAT_LISTS)
    for collection in copied:
        first = collection.items(demo)[0]
        added = handle.add(collection, lambda new_id, first=first: dataclasses.replace(first, id=new_id))
        assert re.fullmatch(rf"{collection.id_prefix}[0-9]+", added.id), added.id
        assert added.id not in {item.id for item in collection.items(demo)}
        assert stored(demo_store).find(collection, added.id) == added
        document[collection.name].append(
            {k: v for k, v in document[collection.name][0].items() if k != "id"})
    imported = document_to_session(document)
    for collection in copied:
        taken = {item.id for item in collection.items(demo)}
        assert collection.items(imported)[-1].id == _first_free(collection.id_prefix, taken)


def _files(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((home / "sessions").iterdir()) if p.is_file()}


def test_store_edits_refuse_a_list_given_by_its_name(store: SessionStore, home: Path) -> None:
    store.create(SessionInfo("ws", "Workshop"))
    handle = store.open("ws")
    item = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "Ports"))
    before = _files(home)
    named: Any = "swot"
    calls = [
        lambda: handle.add(named, lambda i: SwotItem(i, Quadrant.STRENGTHS, "Wind")),
        lambda: handle.update(named, item.id, lambda now: now),
        lambda: handle.remove(named, item.id),
        lambda: handle.restore(named, dataclasses.replace(item, id="s9")),
        lambda: handle.reorder(named, [item.id]),
        lambda: handle.apply(lambda s, new_id: dataclasses.replace(
            s, swot=(*s.swot, SwotItem(new_id(named), Quadrant.THREATS, "Storms")))),
    ]
    for call in calls:
        with pytest.raises(TypeError, match=r"^'swot' is not a session list; pass an entry of "
                                            r"smartplan_tui\.collection_registry"):
            call()
    assert _files(home) == before
    assert SessionStore(home).load("ws").swot == (item,)


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.name)
def test_a_missing_item_is_named_by_its_lists_label(store: SessionStore,
                                                    collection: Collection[Any]) -> None:
    store.create(SessionInfo("ws", "Workshop"))
    handle = store.open("ws")
    message = rf"^session ws has no {re.escape(collection.singular)} 'x9'$"
    with pytest.raises(StoreError, match=message):
        handle.update(collection, "x9", lambda item: item)
    with pytest.raises(StoreError, match=message):
        handle.remove(collection, "x9")


def test_only_the_lists_others_refer_to_need_references_moved(demo_store: SessionStore) -> None:
    """The store deletes from the other lists without decoding the session: safe only while
    `repoint` has nothing to do for them."""
    session = demo_store.load("coast-camp")
    for collection in COLLECTIONS:
        moved = [item.id for item in collection.items(session)
                 if repoint(session, collection, item.id, None) != session]
        assert bool(moved) == (collection.name in REFERENCED_LISTS), (collection.name, moved)


def test_the_counts_panel_counts_every_list_but_the_agenda(demo_store: SessionStore) -> None:
    session = demo_store.load("coast-camp")
    expected = [("Participants", session.participants), ("SWOT items", session.swot),
                ("TOWS strategies", session.tows), ("Votes", session.votes),
                ("Actions", session.actions), ("Notes", session.notes)]
    shown = session_counts(session).plain
    assert shown.startswith("\n") and shown.endswith("\n")
    lines = shown[1:-1].split("\n")
    assert len(lines) == len(COLLECTIONS) - 1
    assert lines[:len(expected)] == [f"{label:<16}{len(items):>6}" for label, items in expected]


def test_every_exercise_has_a_live_screen_a_key_and_an_agenda_choice() -> None:
    assert EXERCISE_CHOICES[:6] == [("SWOT", "swot"), ("TOWS", "tows"), ("Vote", "voting"),
                                    ("Action plan", "actions"), ("Participants", "participants"),
                                    ("Notes", "notes")]
    keys = {b.key: b.action for b in SessionScreen.BINDINGS if not isinstance(b, tuple)}
    for exercise in EXERCISES:
        module, _, name = exercise.screen.partition(":")
        assert issubclass(getattr(importlib.import_module(module), name), LiveScreen)
        assert keys[exercise.key] == f"exercise('{exercise.name}')"
        assert exercise_named(exercise.name) is exercise
        assert all(exercise_named(alias) is exercise for alias in exercise.aliases)
    assert exercise_named("votes") is exercise_named("voting")
    assert exercise_named("juggling") is None


async def test_an_agenda_items_exercise_opens_by_any_of_its_names(store: SessionStore) -> None:
    store.create(SessionInfo("w", "Workshop"))
    handle = store.open("w")
    for exercise in ("votes", "voting", "juggling"):
        handle.add(AGENDA, lambda i, e=exercise: AgendaItem(i, f"Run {e}", 30, e))
    assert VOTES.items(stored(store, "w")) == ()
    app = make_app(store.home, "w")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        agenda = screen.query_one("#agenda-items", ItemList)
        for row in (0, 1):
            agenda.cursor = row
            await pilot.press("o")
            await settle(pilot)
            assert type(app.screen).__name__ == "VotesScreen"
            app.pop_screen()
            await settle(pilot)
        agenda.cursor = 2
        await pilot.press("o")
        await settle(pilot)
        assert app.screen is screen

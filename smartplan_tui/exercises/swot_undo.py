"""Undo for a SWOT delete: what `swot.delete_item` removed, and how to put it all back.

`swot.delete_item` also drops TOWS links to the item and unlinks vote options taken from
it; an undo that only re-inserted the item would leave those references lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import ModelError, Session, SwotItem

__all__ = ["Deleted", "deletion_record", "restore_deleted"]


@dataclass(frozen=True, slots=True)
class Deleted:
    """The item, its place in the list, and who pointed at it."""

    item: SwotItem
    index: int
    tows_links: tuple[tuple[str, int], ...]
    """(strategy id, place in its links) of strategies that linked the item."""
    option_sources: tuple[tuple[str, str], ...]
    """(vote id, option id) of options taken from the item."""


def deletion_record(session: Session, item_id: str) -> Deleted:
    """What to remember before deleting `item_id`, so that it can be restored."""
    for index, item in enumerate(session.swot):
        if item.id == item_id:
            return Deleted(
                item, index,
                tuple((s.id, s.links.index(item_id)) for s in session.tows if item_id in s.links),
                tuple((v.id, o.id) for v in session.votes for o in v.options
                      if o.source == item_id))
    raise ModelError("swot", f"no SWOT item {item_id!r}")


def restore_deleted(session: Session, record: Deleted) -> Session:
    """The item back in its place, its TOWS links and option sources re-pointed at it."""
    if session.find(SWOT, record.item.id) is not None:
        raise ModelError("swot", f"{record.item.id} exists already")
    items = list(session.swot)
    items.insert(min(record.index, len(items)), record.item)
    places = dict(record.tows_links)
    tows = tuple(
        replace(s, links=(*s.links[:places[s.id]], record.item.id, *s.links[places[s.id]:]))
        if s.id in places and record.item.id not in s.links else s
        for s in session.tows)
    votes = tuple(
        replace(v, options=tuple(
            replace(o, source=record.item.id)
            if (v.id, o.id) in record.option_sources and not o.source else o
            for o in v.options))
        for v in session.votes)
    return replace(session, swot=tuple(items), tows=tows, votes=votes)

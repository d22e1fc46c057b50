"""SWOT: capture, edit, move, tag, reorder and merge items; filter and count them.

Item edits are `SwotItem -> SwotItem` (for the store's `update`); operations that touch
other items or other exercises (reorder, merge, delete) are `Session -> Session`, so the
references from TOWS strategies and vote options never dangle.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from smartplan_tui.collection_registry import SWOT
from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError, Origin, Quadrant, Session, SwotItem, repoint
from smartplan_tui.text import quoted

__all__ = [
    "add_item",
    "add_tag",
    "by_quadrant",
    "count_by_author",
    "count_by_tag",
    "delete_item",
    "edit_text",
    "filter_items",
    "merge",
    "move",
    "remove_tag",
    "reorder",
    "set_author",
]


def _item(session: Session, item_id: str, path: str = "swot") -> SwotItem:
    item = session.find(SWOT, item_id)
    if item is None:
        raise ModelError(path, _("no SWOT item {id!r}").format(id=item_id))
    return item


def add_item(session: Session, item: SwotItem) -> Session:
    """The session with `item` last in its quadrant; an id in use is refused."""
    if session.find(SWOT, item.id) is not None:
        raise ModelError("swot", _("an item with id {id!r} exists already").format(id=item.id))
    return dataclasses.replace(session, swot=(*session.swot, item))


def edit_text(item: SwotItem, text: str) -> SwotItem:
    return dataclasses.replace(item, text=text)


def move(item: SwotItem, quadrant: Quadrant | str) -> SwotItem:
    """The item in another quadrant (`S`, `threats` or a Quadrant).

    TOWS strategies linking it may no longer fit their type; `tows.problems` says so.
    """
    target = quadrant if isinstance(quadrant, Quadrant) else Quadrant.parse(quadrant)
    return dataclasses.replace(item, quadrant=target)


def add_tag(item: SwotItem, tag: str) -> SwotItem:
    """The item with `tag` (surrounding spaces dropped); a tag it has already is kept once."""
    clean = tag.strip()
    if not clean:
        raise ModelError("tags", _("a tag must not be empty"))
    if clean in item.tags:
        return item
    return dataclasses.replace(item, tags=(*item.tags, clean))


def remove_tag(item: SwotItem, tag: str) -> SwotItem:
    return dataclasses.replace(item, tags=tuple(t for t in item.tags if t != tag.strip()))


def set_author(item: SwotItem, author: str) -> SwotItem:
    """The participant (id or name) who wrote the item; empty for anonymous cards."""
    return dataclasses.replace(item, author=author)


def reorder(session: Session, item_id: str, new_index: int) -> Session:
    """The item moved to `new_index` within its quadrant (clamped to the first/last place).

    Items of other quadrants keep their places in the session's list.
    """
    item = _item(session, item_id)
    slots = [i for i, other in enumerate(session.swot) if other.quadrant is item.quadrant]
    order = [session.swot[i] for i in slots if session.swot[i].id != item_id]
    order.insert(max(0, min(new_index, len(order))), item)
    swot = list(session.swot)
    for slot, placed in zip(slots, order, strict=True):
        swot[slot] = placed
    return dataclasses.replace(session, swot=tuple(swot))


def _origins(item: SwotItem) -> tuple[Origin, ...]:
    return item.merged_from or (Origin(item.id, item.text, item.author),)


def merge(session: Session, keep_id: str, other_id: str) -> Session:
    """Two duplicates as one: `keep_id` stays, `other_id` goes.

    The kept item keeps its text and author, gains the other's tags, and lists in
    `merged_from` the id, text and author of every part it was made of, so nobody's words
    are lost. TOWS links and vote options that pointed at the removed item now point at
    the kept one.
    """
    keep = _item(session, keep_id)
    if keep_id == other_id:
        raise ModelError("swot", _("cannot merge {item} with itself").format(
            item=quoted(keep.text)))
    other = _item(session, other_id)
    if keep.quadrant is not other.quadrant:
        raise ModelError("swot", _(
            "{keep} is in {keep_quadrant} and {other} in {other_quadrant}; move one first"
        ).format(keep=quoted(keep.text), keep_quadrant=keep.quadrant.value,
                 other=quoted(other.text), other_quadrant=other.quadrant.value))
    origins = list(_origins(keep))
    seen = {o.id for o in origins}
    origins.extend(o for o in _origins(other) if o.id not in seen)
    merged = dataclasses.replace(
        keep,
        tags=keep.tags + tuple(t for t in other.tags if t not in keep.tags),
        merged_from=tuple(origins),
    )
    swot = tuple(merged if i.id == keep_id else i for i in session.swot if i.id != other_id)
    return _repoint(dataclasses.replace(session, swot=swot), other_id, keep_id)


def delete_item(session: Session, item_id: str) -> Session:
    """The session without the item; TOWS links to it are dropped, vote options unlinked."""
    _item(session, item_id)
    swot = tuple(i for i in session.swot if i.id != item_id)
    return _repoint(dataclasses.replace(session, swot=swot), item_id, None)


def _repoint(session: Session, old: str, new: str | None) -> Session:
    """References to SWOT item `old` (TOWS links, option sources) moved to `new`, or removed."""
    return repoint(session, SWOT, old, new)


def by_quadrant(items: Iterable[SwotItem]) -> dict[Quadrant, list[SwotItem]]:
    """All four quadrants (S, W, O, T order), each with its items in their order."""
    grouped: dict[Quadrant, list[SwotItem]] = {q: [] for q in Quadrant}
    for item in items:
        grouped[item.quadrant].append(item)
    return grouped


def filter_items(items: Iterable[SwotItem], tag: str | None = None,
                 author: str | None = None) -> list[SwotItem]:
    """Items with this tag and/or by this author (None: any)."""
    return [i for i in items
            if (tag is None or tag in i.tags) and (author is None or i.author == author)]


def _ranked(counts: Counter[str]) -> dict[str, int]:
    """Most frequent first, then alphabetical, so counts read the same every time."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def count_by_tag(items: Iterable[SwotItem]) -> dict[str, int]:
    """Tag → number of items carrying it, most used first."""
    return _ranked(Counter(tag for item in items for tag in item.tags))


def count_by_author(items: Iterable[SwotItem]) -> dict[str, int]:
    """Author → number of items, most first; anonymous items count under ""."""
    return _ranked(Counter(item.author for item in items))

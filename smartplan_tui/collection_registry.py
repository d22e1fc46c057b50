"""The lists of a session, one typed entry each: the one place that says which lists exist.

Each entry names its list (the key in session files and interchange documents, and the
`Session` field), its item class, the prefix of the ids the store makes (`s7`), and how
messages and screens call one item and several. The store, the interchange format, the
screens and the exercises read these entries instead of spelling `"swot"`, so adding a
list is one entry here (and its class, field and decode spec; see docs/architecture.md).

Store methods take the entries, not names, and are typed by them:
`handle.add(SWOT, make) -> SwotItem`, `session.find(VOTES, "v1") -> Vote | None`.

The model does not import this module (this module imports the model's classes); the
codec keeps the decode spec of each entry's class.
"""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from smartplan_tui.i18n import N_
from smartplan_tui.model import (
    Action,
    AgendaItem,
    Note,
    Participant,
    Session,
    SwotItem,
    TowsStrategy,
    Vote,
)
from smartplan_tui.records import record

__all__ = [
    "ACTIONS",
    "AGENDA",
    "COLLECTIONS",
    "NOTES",
    "PARTICIPANTS",
    "SWOT",
    "TOWS",
    "VOTES",
    "Collection",
    "Identified",
    "collection_named",
]


class Identified(Protocol):
    """What every item of a list has: the id the store keys it by."""

    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=Identified)


@record(eq=False)
class Collection(Generic[T]):
    """One list of a session, typed by its items. Entries are compared by identity."""

    name: str
    """The key in session files and interchange documents, and the `Session` field."""
    cls: type[T]
    id_prefix: str
    """The store's new ids are this and a number (`s7`); unique among the lists."""
    singular: str
    """One item in messages (`session ws has no SWOT item 's9'`), marked for translation."""
    plural: str
    """Several items, as the counts panel labels them (`SWOT items`), marked for translation."""

    def items(self, session: Session) -> tuple[T, ...]:
        """This list of `session`."""
        items: tuple[T, ...] = getattr(session, self.name)
        return items

    def __repr__(self) -> str:
        return f"Collection({self.name!r})"


PARTICIPANTS = Collection("participants", Participant, "p", N_("participant"),
                          N_("participants"))
AGENDA = Collection("agenda", AgendaItem, "ag", N_("agenda item"), N_("agenda items"))
SWOT = Collection("swot", SwotItem, "s", N_("SWOT item"), N_("SWOT items"))
TOWS = Collection("tows", TowsStrategy, "t", N_("TOWS strategy"), N_("TOWS strategies"))
VOTES = Collection("votes", Vote, "v", N_("vote"), N_("votes"))
ACTIONS = Collection("actions", Action, "a", N_("action"), N_("actions"))
NOTES = Collection("notes", Note, "n", N_("note"), N_("notes"))

#: Every list, in the order of the interchange format and of the `Session` fields.
COLLECTIONS: tuple[Collection[Any], ...] = (PARTICIPANTS, AGENDA, SWOT, TOWS, VOTES, ACTIONS,
                                            NOTES)

_BY_NAME = {collection.name: collection for collection in COLLECTIONS}


def collection_named(name: str) -> Collection[Any] | None:
    """The list stored under `name`, or None (a table a newer SmartPlan may have added)."""
    return _BY_NAME.get(name)

"""The only code that touches TinyDB: durable session files, locking, schema versions,
and the interchange format. Everything above it sees model objects.

The interchange format's names are read from `interchange.py` when first asked for: the
app's start-up opens sessions but imports and exports none.
"""

from typing import TYPE_CHECKING, Any

from smartplan_tui.store.errors import StoreError
from smartplan_tui.store.history import (
    CLI_AUTHOR,
    ChangedSince,
    HistoryEntry,
    NothingToUndo,
    shown_author,
    terminal_author,
)
from smartplan_tui.store.paths import ENV_HOME, data_home
from smartplan_tui.store.repository import NewId, SessionHandle, SessionStore, SessionSummary

if TYPE_CHECKING:
    from smartplan_tui.store.interchange import (
        FORMAT,
        VERSION,
        document_to_session,
        dumps,
        loads,
        session_to_document,
        slugify,
    )

_INTERCHANGE = frozenset({"FORMAT", "VERSION", "document_to_session", "dumps", "loads",
                          "session_to_document", "slugify"})


def __getattr__(name: str) -> Any:
    if name in _INTERCHANGE:
        from smartplan_tui.store import interchange

        return getattr(interchange, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CLI_AUTHOR",
    "ENV_HOME",
    "FORMAT",
    "VERSION",
    "ChangedSince",
    "HistoryEntry",
    "NewId",
    "NothingToUndo",
    "SessionHandle",
    "SessionStore",
    "SessionSummary",
    "StoreError",
    "data_home",
    "document_to_session",
    "dumps",
    "loads",
    "session_to_document",
    "shown_author",
    "slugify",
    "terminal_author",
]

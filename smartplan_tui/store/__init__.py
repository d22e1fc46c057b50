"""The only code that touches TinyDB: durable session files, locking, schema versions,
and the interchange format. Everything above it sees model objects.
"""

from smartplan_tui.store.errors import StoreError
from smartplan_tui.store.interchange import (
    FORMAT,
    VERSION,
    document_to_session,
    dumps,
    loads,
    session_to_document,
    slugify,
)
from smartplan_tui.store.paths import ENV_HOME, data_home
from smartplan_tui.store.repository import NewId, SessionHandle, SessionStore, SessionSummary

__all__ = [
    "ENV_HOME",
    "FORMAT",
    "VERSION",
    "NewId",
    "SessionHandle",
    "SessionStore",
    "SessionSummary",
    "StoreError",
    "data_home",
    "document_to_session",
    "dumps",
    "loads",
    "session_to_document",
    "slugify",
]

"""Schema versions of session files and the code that brings old files up to date.

Every session file carries `meta.store.schema`. A file from an older SmartPlan is migrated
in memory when it is read and written back (after a backup of the original) at the next
save; a file from a newer SmartPlan is refused rather than misread.

History:
- schema 0: pre-release files, written with TinyDB's stock numeric document ids
  (`{"swot": {"1": {"id": "s1", ...}}}`) and no `meta.store` record.
- schema 1: every list keyed by SmartPlan's own string ids; `meta.store` holds the schema
  and the snapshot generation, `meta.ids` the id counters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from smartplan_tui.i18n import _
from smartplan_tui.store.errors import StoreError

SCHEMA_VERSION = 1

Data = dict[str, Any]


def _from_0(data: Data) -> Data:
    """Re-key every list by the items' own ids; move the loose session record into meta."""
    out: Data = {}
    for table, docs in data.items():
        if table == "meta":
            out["meta"] = dict(docs)
            continue
        out[table] = {}
        for key, doc in docs.items():
            item_id = doc.get("id") if isinstance(doc, dict) else None
            out[table][str(item_id or key)] = doc
    meta = out.setdefault("meta", {})
    if "info" not in meta and "session" in out:
        first = next(iter(out.pop("session").values()), None)
        if first is not None:
            meta["info"] = first
    meta["store"] = {"schema": 1, "generation": 0}
    return out


#: MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _from_0}


def schema_of(data: Data) -> int:
    store = data.get("meta", {}).get("store") if isinstance(data.get("meta"), dict) else None
    if not isinstance(store, dict):
        return 0
    version = store.get("schema", 0)
    return version if isinstance(version, int) else 0


def migrate(data: Data, path: Path) -> tuple[Data, bool]:
    """Bring `data` to the current schema; returns it and whether anything changed."""
    version = schema_of(data)
    if version > SCHEMA_VERSION:
        raise StoreError(_("{path} was written by a newer SmartPlan (schema {version}); this "
                           "one reads up to schema {supported} — please upgrade").format(
                               path=path, version=version, supported=SCHEMA_VERSION))
    migrated = False
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        migrated = True
    return data, migrated

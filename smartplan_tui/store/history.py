"""A session's history: every edit with who made it and each changed row's before and after.

Why in the session's own data: the entry is one more operation (a put on the `history`
table) in the journal line of the edit it describes, so an edit never exists without its
entry or an entry without its edit, whatever moment a crash picks; compaction and restart
keep it like any other table. Why per row: undoing an edit writes back the rows it changed,
so an undo costs what the edit touched, not the session's size.

An entry (`{"seq", "at", "by", "what", "rows"}`) names its author by a label (`terminal
pts/3`, `browser …`, `phone …`, `command line`), says what it did as a structured `what`
(rendered in the reader's language by `describe`), and holds rows:
`{"t", "id", "before", "after"}` for a document (`null` where there was none; `"at"`: the
place a deleted document had), `{"t", "move", "from", "to"}` for one item moved, and
`{"t", "order", "after"}` for a whole order (the before order in `"order"`).

Undo writes the before values back, redo the after values, each as a new entry (`undoes` /
`redoes` naming the original, which the newest of them marks `undone` or `redone`). A row
that someone changed since is not overwritten silently: `ChangedSince` names the item and
who. Only the newest `KEEP` entries are kept.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from smartplan_tui import records
from smartplan_tui.collection_registry import collection_named
from smartplan_tui.i18n import N_, _, ngettext
from smartplan_tui.model import REFERENCED_LISTS, item_problems
from smartplan_tui.store.codec import StoredReferences, decode
from smartplan_tui.store.errors import StoreError
from smartplan_tui.store.journal import Data, Op

if TYPE_CHECKING:
    from smartplan_tui.store.session_file import Transaction

__all__ = ["CLI_AUTHOR", "KEEP", "TABLE", "ChangedSince", "HistoryEntry", "Recorder",
           "deleted_item", "entries", "name_of", "record", "redo", "shown_author",
           "terminal_author", "undo"]

TABLE = "history"
#: How many entries a session keeps (the oldest goes when a new one comes).
KEEP = 500
#: The command line's author label. Stored as it is (in English, whatever the language: the
#: history and `undo` compare it); `shown_author` says it in the reader's language.
CLI_AUTHOR = N_("command line")
#: The other labels are a kind and a name (`terminal pts/3`, `browser 10.0.0.7`, `phone Ilze`),
#: stored in English too; how each kind is said.
_AUTHOR_KINDS = {"terminal": N_("terminal {name}"), "browser": N_("browser {name}"),
                 "phone": N_("phone {name}")}
#: Rows that are bookkeeping, not a person's edit: id counters and what the room sees.
_NOT_EDITS = frozenset({("meta", "ids"), ("meta", "room")})
#: The field that names an item in a message, by list.
_NAMED_BY = ("text", "title", "question", "name")


def terminal_author() -> str:
    """This process's label: its terminal (`terminal pts/3`), else the machine's name."""
    for stream in (sys.stdin, sys.stdout):
        try:
            return "terminal " + os.ttyname(stream.fileno()).removeprefix("/dev/")
        except (OSError, AttributeError, ValueError):
            continue
    return "terminal " + (socket.gethostname() or "?")


def shown_author(by: str) -> str:
    """A stored author label as a person reads it (`terminal pts/3` → `terminālis pts/3`).

    The label stays in English on disk, so that every process finds its own changes to
    undo whatever language it speaks; only what is shown is translated, here.
    """
    if by == CLI_AUTHOR:
        return _(CLI_AUTHOR)
    kind, space, name = by.partition(" ")
    template = _AUTHOR_KINDS.get(kind)
    return _(template).format(name=name) if template is not None and space else by


class ChangedSince(StoreError):
    """An undo or redo that would overwrite a later edit of the same item."""


class NothingToUndo(StoreError):
    """No change of this author left to undo (or to redo): a key refused, not a failed save."""


@records.record
class HistoryEntry:
    """One line of the History screen: when, who, what, and whether it is undone now."""

    id: str
    at: datetime
    by: str
    """Who made the change, in the reader's language (`shown_author`)."""
    what: str
    undone: bool
    """Whether the change (`target`) is undone now: Enter on this entry redoes it then."""
    target: str
    """The change this entry undid or redid (its own id for a change)."""
    in_effect: bool
    """Whether what this entry did still holds (an undo whose change was redone since does
    not; neither does an undone change)."""


# ------------------------------------------------------------------ recording


class Recorder:
    """What a transaction changed, noted before each operation is carried out."""

    def __init__(self) -> None:
        self.docs: dict[tuple[str, str], list[Any]] = {}
        """(table, id) → [before, place before a deletion or None]."""
        self.orders: dict[str, dict[str, Any]] = {}
        self.what: dict[str, Any] | None = None
        self.extra: dict[str, Any] = {}

    def note(self, data: Data, op: Op, order: list[str] | None = None) -> None:
        """Keep what `op` is about to change (`order`: the table's ids, when known)."""
        name = op["t"]
        if name == TABLE:
            return
        table = data.get(name, {})
        if "order" in op or "move" in op:
            self._note_order(name, table, op, order)
            return
        key = (name, op["id"])
        if key in _NOT_EDITS:
            return
        seen = self.docs.get(key)
        if seen is None:
            seen = self.docs[key] = [table.get(op["id"]), None]
        if "del" in op and seen[1] is None and op["id"] in table:
            seen[1] = list(table).index(op["id"])

    def _note_order(self, name: str, table: dict[str, Any], op: Op,
                    order: list[str] | None) -> None:
        seen = self.orders.get(name)
        keys = order if order is not None else list(table)
        if seen is None and "move" in op and op["move"] in table:
            self.orders[name] = {"t": name, "move": op["move"],
                                 "from": keys.index(op["move"]), "to": op["to"]}
        elif seen is None:
            self.orders[name] = {"t": name, "order": list(keys)}
        elif "move" in seen:  # a second change of the same order: keep the whole one
            keys = [k for k in table if k != seen["move"]]
            keys.insert(min(seen["from"], len(keys)), seen["move"])
            self.orders[name] = {"t": name, "order": keys}

    def rows(self, data: Data) -> list[dict[str, Any]]:
        """The changed rows with their after values; rows that ended as they began are left out."""
        rows: list[dict[str, Any]] = []
        for (name, key), (before, place) in self.docs.items():
            after = data.get(name, {}).get(key)
            if after == before:
                continue
            row: dict[str, Any] = {"t": name, "id": key, "before": before, "after": after}
            if after is None and place is not None:
                row["at"] = place
            rows.append(row)
        for name, order in self.orders.items():
            if "move" in order:
                if order["from"] != order["to"]:
                    rows.append(order)
            else:
                after_order = list(data.get(name, {}))
                if after_order != order["order"]:
                    rows.append({**order, "after": after_order})
        return rows


def _next_id(data: Data) -> str:
    table = data.get(TABLE) or {}
    last = next(reversed(table.values()), None) if table else None
    return f"h{int(last['seq']) + 1 if isinstance(last, dict) else 1}"


def record(tx: Transaction, data: Data) -> None:
    """Add the transaction's history entry to it (none when it changed no person's data)."""
    rows = tx.history.rows(data)
    if not rows:
        return
    entry_id = _next_id(data)
    entry = {"seq": int(entry_id[1:]), "at": round(time.time(), 3), "by": tx.author,
             "what": tx.history.what or _what(rows), "rows": rows, **tx.history.extra}
    tx.put(TABLE, entry_id, entry)
    table = data[TABLE]
    while len(table) > KEEP:
        tx.delete(TABLE, next(iter(table)))


def name_of(doc: Any) -> str:
    """The words that name a stored item (its text, title, question or name; "" for none)."""
    if isinstance(doc, dict):
        for field in _NAMED_BY:
            if isinstance(doc.get(field), str) and doc[field]:
                return str(doc[field])
    return ""


def _what(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A structured summary of the rows (rendered by `describe` in the reader's language)."""
    docs = [r for r in rows if "id" in r and r["t"] != "meta"]
    if not docs:
        if any(r["t"] == "meta" for r in rows):
            return {"do": "info"}
        return {"do": "reordered", "list": rows[0]["t"]}
    first = docs[0]
    name = first["t"]
    mine = [r for r in docs if r["t"] == name]
    added = [r for r in mine if r["before"] is None]
    deleted = [r for r in mine if r["after"] is None]
    changed = [r for r in mine if r["before"] is not None and r["after"] is not None]
    if name == "swot" and len(changed) == 1 and deleted and not added:
        return {"do": "merged", "list": name, "n": len(deleted) + 1,
                "text": name_of(changed[0]["after"])}
    if added and not deleted and not changed:
        return {"do": "added", "list": name, "n": len(added), "text": name_of(added[0]["after"])}
    if deleted and not added and not changed:
        return {"do": "deleted", "list": name, "n": len(deleted),
                "text": name_of(deleted[0]["before"])}
    if len(changed) == 1 and not added and not deleted:
        return _change(name, changed[0]["before"], changed[0]["after"])
    return {"do": "edited", "list": name, "n": len(mine), "text": name_of(first["after"]
                                                                          or first["before"])}


def _change(name: str, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """What one edit of one document did: the most specific name it has."""
    text = name_of(after)
    differs = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    if name == "swot" and "quadrant" in differs:
        return {"do": "moved", "list": name, "text": text, "to": str(after.get("quadrant"))}
    if differs == {"tags"}:
        return {"do": "tagged", "list": name, "text": text}
    if name == "tows" and differs == {"links"}:
        return {"do": "linked", "list": name, "text": text}
    if name == "votes" and "status" in differs:
        return {"do": "closed" if after.get("status") == "closed" else "reopened",
                "list": name, "text": text}
    if name == "votes" and differs == {"ballots"}:
        change = len(after.get("ballots") or []) - len(before.get("ballots") or [])
        return {"do": "ballots", "list": name, "text": text, "n": change}
    return {"do": "edited", "list": name, "n": 1, "text": text}


def describe(what: Any) -> str:
    """One line saying what an entry did, in the interface language."""
    if not isinstance(what, dict):
        return _("Changed the session")
    do = what.get("do")
    if do in ("undid", "redid"):
        inner = describe(what.get("of"))
        return (_("Undid: {what}") if do == "undid" else _("Redid: {what}")).format(what=inner)
    if do == "info":
        return _("Edited the session's details")
    collection = collection_named(str(what.get("list", "")))
    kind = _(collection.singular) if collection else str(what.get("list", ""))
    kinds = _(collection.plural) if collection else kind
    n = what.get("n", 1) if isinstance(what.get("n"), int) else 1
    text = "“" + str(what.get("text", "")) + "”"
    fields = {"kind": kind, "kinds": kinds, "text": text, "n": abs(n)}
    if do == "reordered":
        return _("Reordered the {kinds}").format(**fields)
    if do == "merged":
        return _("Merged {n} {kinds} into {text}").format(**fields)
    if do == "moved":
        return _("Moved {text} to {quadrant}").format(
            text=text, quadrant=_(str(what.get("to", "")).capitalize()))
    if do == "tagged":
        return _("Tagged {kind} {text}").format(**fields)
    if do == "linked":
        return _("Changed the links of {kind} {text}").format(**fields)
    if do == "closed":
        return _("Closed vote {text}").format(**fields)
    if do == "reopened":
        return _("Reopened vote {text}").format(**fields)
    if do == "ballots":
        line = (ngettext("{n} ballot added to {text}", "{n} ballots added to {text}", abs(n))
                if n >= 0 else
                ngettext("{n} ballot removed from {text}", "{n} ballots removed from {text}",
                         abs(n)))
        return line.format(**fields)
    if n > 1:
        line = {"added": ngettext("Added {n} {kind}", "Added {n} {kinds}", n),
                "deleted": ngettext("Deleted {n} {kind}", "Deleted {n} {kinds}", n)}.get(
            str(do), ngettext("Changed {n} {kind}", "Changed {n} {kinds}", n))
        return line.format(**fields)
    line = {"added": _("Added {kind} {text}"), "deleted": _("Deleted {kind} {text}")}.get(
        str(do), _("Edited {kind} {text}"))
    return line.format(**fields)


# ------------------------------------------------------------------ reading


def entries(data: Data) -> list[HistoryEntry]:
    """Every entry kept, newest first."""
    found = []
    for key, doc in reversed((data.get(TABLE) or {}).items()):
        if not isinstance(doc, dict):
            continue
        try:
            at = datetime.fromtimestamp(float(doc.get("at", 0)))
        except (TypeError, ValueError, OverflowError, OSError):
            at = datetime.fromtimestamp(0)
        target = str(doc.get("undoes") or doc.get("redoes") or key)
        change = _entry(data, target) if target != key else doc
        undone = bool(change.get("undone"))
        if "undoes" in doc:
            in_effect = change.get("undone") == key
        elif "redoes" in doc:
            in_effect = not undone and change.get("redone") == key
        else:
            in_effect = not undone
        found.append(HistoryEntry(key, at, shown_author(str(doc.get("by", ""))),
                                  describe(doc.get("what")),
                                  undone, target, in_effect))
    return found


def _entry(data: Data, entry_id: str) -> dict[str, Any]:
    doc = (data.get(TABLE) or {}).get(entry_id)
    return doc if isinstance(doc, dict) else {}


def _originals(data: Data) -> Iterator[tuple[str, dict[str, Any]]]:
    """Entries newest first, with the undo and redo entries left out."""
    for key, doc in reversed((data.get(TABLE) or {}).items()):
        if isinstance(doc, dict) and "undoes" not in doc and "redoes" not in doc:
            yield key, doc


def newest_to_undo(data: Data, author: str) -> str:
    for key, doc in _originals(data):
        if doc.get("by") == author and not doc.get("undone"):
            return key
    raise NothingToUndo(_("Nothing of yours ({author}) to undo in this session").format(
        author=shown_author(author)))


def newest_to_redo(data: Data, author: str) -> str:
    for doc in reversed((data.get(TABLE) or {}).values()):
        target = doc.get("undoes") if isinstance(doc, dict) else None
        if isinstance(target, str) and doc.get("by") == author \
                and _entry(data, target).get("undone"):
            return target
    raise NothingToUndo(_("Nothing of yours ({author}) to redo in this session").format(
        author=shown_author(author)))


# ------------------------------------------------------------------ undo and redo


def undo(tx: Transaction, data: Data, entry_id: str, *, force: bool = False) -> str:
    """Write back the before values of `entry_id`'s rows; returns what the new entry says."""
    return _turn(tx, data, entry_id, back=True, force=force)


def redo(tx: Transaction, data: Data, entry_id: str, *, force: bool = False) -> str:
    """Write again the after values of an undone entry's rows."""
    return _turn(tx, data, entry_id, back=False, force=force)


def _turn(tx: Transaction, data: Data, entry_id: str, *, back: bool, force: bool) -> str:
    entry = _entry(data, entry_id)
    if not entry or "undoes" in entry or "redoes" in entry:
        raise StoreError(_("No change {id} in this session's history (it keeps the last "
                           "{keep} changes)").format(id=entry_id, keep=KEEP))
    what = describe(entry.get("what"))
    if back == bool(entry.get("undone")):
        raise StoreError((_("Already undone: {what}") if back else
                          _("Not undone, so nothing to redo: {what}")).format(what=what))
    rows = entry.get("rows") or []
    if not force:
        _refuse_changed(data, entry_id, entry, rows, back)
    new_id = _next_id(data)
    for row in reversed(rows) if back else rows:
        _write(tx, data, row, back)
    _check_references(data, rows, back)
    tx.history.what = {"do": "undid" if back else "redid", "of": entry.get("what")}
    tx.history.extra = {"undoes" if back else "redoes": entry_id}
    marked = {k: v for k, v in entry.items() if k not in ("undone", "redone")}
    marked["undone" if back else "redone"] = new_id
    tx.put(TABLE, entry_id, marked)
    return (_("Undid: {what}") if back else _("Redid: {what}")).format(what=what)


def _write(tx: Transaction, data: Data, row: dict[str, Any], back: bool) -> None:
    name = row["t"]
    if "move" in row:
        tx.move(name, row["move"], row["from"] if back else row["to"])
        return
    if "order" in row:
        tx.order(name, list(row["order"] if back else row["after"]))
        return
    value = row["before"] if back else row["after"]
    if value is None:
        if row["id"] in data.get(name, {}):
            tx.delete(name, row["id"])
        return
    tx.put(name, row["id"], value)
    if back and "at" in row:
        tx.move(name, row["id"], row["at"])


def _refuse_changed(data: Data, entry_id: str, entry: dict[str, Any],
                    rows: list[dict[str, Any]], back: bool) -> None:
    """ChangedSince when a row's value now is not what this entry left (or, for a redo,
    what its undo left): the item was changed since by someone."""
    for row in rows:
        if "id" not in row:
            continue
        expected = row["after"] if back else row["before"]
        now = data.get(row["t"], {}).get(row["id"])
        if now == expected:
            continue
        since = int(entry.get("seq", 0))
        if not back:
            since = int(_entry(data, str(entry.get("undone", ""))).get("seq", since))
        who, when = _last_change(data, row["t"], row["id"], since)
        name = name_of(now) or name_of(row["before"]) or name_of(row["after"])
        line = (_("“{item}” was changed since by {who} at {when}; not undone") if back else
                _("“{item}” was changed since by {who} at {when}; not redone"))
        raise ChangedSince(line.format(item=name, who=shown_author(who) if who else _("someone"),
                                       when=when))


def deleted_item(data: Data, name: str, key: str) -> tuple[str, str, str] | None:
    """(its text, who, HH:MM) of the deletion of item `key` of list `name`, the newest the
    history keeps; None when it has none (the id was never in the session, or long ago).

    So that an edit of an item another terminal deleted names the item and who deleted it,
    rather than an id no one in the room knows.
    """
    for doc in reversed((data.get(TABLE) or {}).values()):
        for row in doc.get("rows") or [] if isinstance(doc, dict) else []:
            if (isinstance(row, dict) and row.get("t") == name and row.get("id") == key
                    and row.get("after") is None and row.get("before") is not None):
                return name_of(row["before"]), shown_author(str(doc.get("by", ""))), _hhmm(doc)
    return None


def _hhmm(entry: dict[str, Any]) -> str:
    """When an entry was made, as HH:MM ("?" for a time that is not one)."""
    try:
        return time.strftime("%H:%M", time.localtime(float(entry.get("at", 0))))
    except (TypeError, ValueError, OverflowError, OSError):
        return "?"


def _last_change(data: Data, name: str, key: str, since: int) -> tuple[str, str]:
    """Who changed a row last after entry number `since`, and when (HH:MM)."""
    for doc in reversed((data.get(TABLE) or {}).values()):
        if not isinstance(doc, dict) or int(doc.get("seq", 0)) <= since:
            break
        if any(r.get("t") == name and r.get("id") == key for r in doc.get("rows") or []):
            return str(doc.get("by", "")), _hhmm(doc)
    return "", "?"


def _check_references(data: Data, rows: list[dict[str, Any]], back: bool) -> None:
    """Refuse an undo or redo that would leave a reference to an item that is gone: the
    same check as every edit (`model.item_problems`)."""
    refs = StoredReferences(data)
    for row in rows:
        collection = collection_named(row["t"]) if "id" in row else None
        if collection is None:
            continue
        doc = data.get(row["t"], {}).get(row["id"])
        if doc is not None:
            problems = item_problems(refs, collection, decode(collection, doc))
            was = row["after"] if back else row["before"]
            if problems and was is not None:  # broken already before: not this undo's doing
                known = {str(p) for p in item_problems(refs, collection, decode(collection, was))}
                problems = [p for p in problems if str(p) not in known]
            if problems:
                raise StoreError(_("Cannot put back “{item}”: {problem}").format(
                    item=name_of(doc), problem=problems[0]))
        elif row["t"] in REFERENCED_LISTS:
            referrer = _referrer(data, row["t"], row["id"])
            if referrer:
                raise StoreError(_("Cannot take away “{item}”: “{other}” refers to it").format(
                    item=name_of(row["before"] if back else row["after"]) or row["id"],
                    other=referrer))


def _referrer(data: Data, name: str, key: str) -> str:
    """The name of an item that refers to item `key` of list `name` (empty: none does)."""
    def docs(table: str) -> Iterator[dict[str, Any]]:
        return (d for d in (data.get(table) or {}).values() if isinstance(d, dict))

    if name == "swot":
        for doc in docs("tows"):
            if key in (doc.get("links") or []):
                return name_of(doc)
    if name in ("swot", "tows"):
        for doc in docs("votes"):
            if any(isinstance(o, dict) and o.get("source") == key
                   for o in doc.get("options") or []):
                return name_of(doc)
    if name == "agenda":
        for doc in docs("notes"):
            if doc.get("agenda_item") == key:
                return name_of(doc)
    if name == "votes":
        for doc in docs("actions"):
            if str(doc.get("priority", "")).startswith(f"{key}:"):
                return name_of(doc)
    return ""

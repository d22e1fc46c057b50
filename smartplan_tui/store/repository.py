"""The store's public face: sessions in a data home, and edits to one open session.

Screens and the command line get model objects back, never TinyDB documents. Every
method that changes something returns only after the change is durable (see
`session_file`), and does its read-modify-write under the session's lock, on the state
as it is on disk at that moment: two note-takers adding items at once both keep theirs.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import orjson

from smartplan_tui.collection_registry import (
    COLLECTIONS,
    Collection,
    Identified,
    collection_named,
)
from smartplan_tui.i18n import _
from smartplan_tui.model import (
    REFERENCED_LISTS,
    ModelError,
    Room,
    Session,
    SessionInfo,
    SessionKind,
    check_new_session_id,
    item_problems,
    legacy_session_id_ok,
    repoint,
)
from smartplan_tui.os_errors import os_reason
from smartplan_tui.records import record
from smartplan_tui.store import history
from smartplan_tui.store.codec import INFO, ROOM, StoredReferences, decode, encode
from smartplan_tui.store.errors import StoreError
from smartplan_tui.store.history import HistoryEntry
from smartplan_tui.store.journal import ORDER
from smartplan_tui.store.profile import ProfileFile
from smartplan_tui.store.session_file import Data, SessionFile, Transaction, write_atomically
from smartplan_tui.text import quoted

T = TypeVar("T", bound=Identified)
#: Gives `apply`'s change a fresh id of a list: `new_id(SWOT)` → `s13`.
NewId = Callable[[Collection[Any]], str]


@record
class SessionSummary:
    """One row of the home screen and of `smartplan list`."""

    id: str
    title: str
    kind: SessionKind
    date: date | None
    place: str
    items: int
    modified: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "kind": self.kind.value,
                "date": self.date.isoformat() if self.date else None, "place": self.place,
                "items": self.items}


def _session_to_data(session: Session) -> Data:
    data: Data = {"meta": {"info": encode(session.info), "ids": {}}}
    for collection in COLLECTIONS:
        table = {item.id: encode(item) for item in collection.items(session)}
        data[collection.name] = table
        data["meta"]["ids"][collection.name] = _highest_number(collection, table)
    return data


def _highest_number(collection: Collection[Any], table: dict[str, Any]) -> int:
    pattern = re.compile(rf"{re.escape(collection.id_prefix)}([0-9]+)")
    numbers = [int(m.group(1)) for key in table if (m := pattern.fullmatch(key))]
    return max(numbers, default=0)


class _Decoded:
    """Model objects decoded from one session file, re-decoded only where documents changed.

    Decoding validates every value (~10 µs an item); a note-taker's edit to a 2,000-item
    session should cost one item's decoding in the facilitator's process, not 2,000. Every
    write checks that the session still decodes, so this costs what the edit touched; the
    `Session` itself is built only when a screen or a command loads it.
    """

    def __init__(self) -> None:
        self.revision = -1
        self._result: Session | None = None
        self.items: dict[str, dict[str, Any]] = {c.name: {} for c in COLLECTIONS}
        self.info: SessionInfo | None = None

    def refresh(self, data: Data, path: Path, touched: set[tuple[str, str]] | None) -> None:
        """Decode what changed in `data` (everything when `touched` is None)."""
        try:
            if touched is None or self.info is None:
                self._decode_all(data)
            elif touched:
                self._result = None
                # Orders last: a write may add an item and then put it in its place.
                changed: dict[str, int] = {}
                for table, key in sorted(touched, key=lambda t: t[1] == ORDER):
                    self._decode_one(data, table, key)
                    changed[table] = changed.get(table, 0) + 1
                self._follow_file_order(data, changed)
        except ModelError as error:
            self.info = None  # partly refreshed: decode everything next time
            self._result = None
            raise StoreError(_("{path}: holds an invalid value at {problem}").format(
                path=path, problem=error)) from None

    def _follow_file_order(self, data: Data, changed: dict[str, int]) -> None:
        """Put the decoded items of the `changed` tables (how many ids each) in the file's order.

        `touched` is a set: items added by several writes since the last read are decoded
        in no particular order, so without this a note-taker typing fast would see their
        items shuffled in the other terminal. Only a changed id can have a new place in the
        file (an edit keeps it, an added or re-added document goes last, a move orders the
        table), and the ids before those last places keep their order in both: so when the
        last `n` ids agree (n ids changed), the whole order does. Else it is rebuilt, linear
        in the table; an edit costs a comparison of one id.
        """
        for table, count in changed.items():
            items = self.items.get(table)
            docs = data.get(table, {})
            if items is None or (len(items) == len(docs) and list(
                    itertools.islice(reversed(items), count)) == list(
                    itertools.islice(reversed(docs), count))):
                continue
            self.items[table] = {i: items[i] for i in docs if i in items}

    def _decode_all(self, data: Data) -> None:
        self._result = None
        self.info = None
        info = INFO.decode("session", data.get("meta", {}).get("info"))
        for c in COLLECTIONS:
            self.items[c.name] = {key: decode(c, doc, f"{c.name}.{key}")
                                  for key, doc in data.get(c.name, {}).items()}
        self.info = info

    def _decode_one(self, data: Data, table: str, key: str) -> None:
        if table == "meta":
            if key == "info":
                self.info = INFO.decode("session", data["meta"].get("info"))
            return
        items = self.items.get(table)
        collection = collection_named(table)
        if items is None or collection is None:
            return  # not a list of the model (a newer SmartPlan's): kept, not decoded
        docs = data.get(table, {})
        if key == ORDER:
            self.items[table] = (dict(zip(docs, map(items.__getitem__, docs), strict=True))
                                 if docs.keys() == items.keys()
                                 else {i: items[i] for i in docs if i in items})
            return
        doc = docs.get(key)
        if doc is None:
            items.pop(key, None)
        else:
            items[key] = decode(collection, doc, f"{table}.{key}")

    def session(self) -> Session:
        if self._result is None:
            assert self.info is not None
            self._result = Session.of(self.info, {name: tuple(items.values())
                                                  for name, items in self.items.items()})
            self._result.use_indexes(self.items)
        return self._result


class SessionHandle:
    """An open session: cheap repeated loads, change detection, and durable edits."""

    def __init__(self, file: SessionFile, session_id: str, author: str = "") -> None:
        self.id = session_id
        self._file = file
        self._loaded_revision = -1
        self.author = author
        """Who this handle's edits are by, in the history (`terminal pts/3`, `command line`)."""

    @property
    def path(self) -> Path:
        return self._file.path

    def changed(self) -> bool:
        """Whether `load()` would now give something this handle has not given yet.

        True when another process wrote (one `stat` of each file) or when this process
        wrote or re-read since this handle's last load. Per handle: one screen's load
        never hides a change from another screen.
        """
        return self._file.changed_on_disk() or self._file.revision != self._loaded_revision

    def load(self) -> Session:
        """The session as it is on disk now; decoded again only when something changed."""
        with self._file.locked():
            session = self._decoded(self._file.read())
            self._loaded_revision = self._file.revision
            return session

    def _decoded(self, data: Data) -> Session:
        """The model objects of `data`, decoding only the documents changed since last time."""
        _check_decodes(self._file, data)
        decoded: _Decoded = self._file.decoded
        return decoded.session()

    def summary(self) -> SessionSummary:
        """Title block and item count, without decoding every item (for listings)."""
        with self._file.locked():
            data = self._file.read()
            info = INFO.decode("session", data.get("meta", {}).get("info"))
            items = sum(len(data.get(c.name, {})) for c in COLLECTIONS)
        return SessionSummary(self.id, info.title, info.kind, info.date, info.place, items,
                              self._file.path.stat().st_mtime)

    # ------------------------------------------------------------------ edits

    def add(self, collection: Collection[T], make: Callable[[str], T]) -> T:
        """Add the item `make(new_id)` builds; the id is fresh under the lock."""
        _check_collection(collection)
        with self._file.transaction(self.author) as tx:
            item = make(_new_id(tx, collection))
            _check_type(collection, item)
            self._check_references(collection, item)
            tx.put(collection.name, item.id, encode(item))
            return item

    def update(self, collection: Collection[T], item_id: str, change: Callable[[T], T]) -> T:
        """Apply `change` to the item as stored now (not as this process last saw it)."""
        _check_collection(collection)
        with self._file.transaction(self.author) as tx:
            current = self._get(tx, collection, item_id)
            item = change(current)
            _check_type(collection, item)
            if item.id != item_id:
                raise StoreError(_("{kind} {item}: an edit cannot change the id").format(
                    kind=_(collection.singular), item=quoted(_item_name(current))))
            self._check_references(collection, item, current)
            tx.put(collection.name, item_id, encode(item))
            return item

    def remove(self, collection: Collection[T], item_id: str) -> T:
        """Delete an item and every reference to it (`model.repoint`), as one edit; returns
        the item so that it can be restored."""
        _check_collection(collection)
        if collection.name not in REFERENCED_LISTS:
            with self._file.transaction(self.author) as tx:
                item = self._get(tx, collection, item_id)
                tx.delete(collection.name, item_id)
                return item
        removed: list[T] = []

        def without(session: Session, _new_id: NewId) -> Session:
            item = session.find(collection, item_id)
            if item is None:
                raise self._missing(collection, item_id)
            removed.append(item)
            kept = tuple(i for i in collection.items(session) if i.id != item_id)
            return repoint(session.with_lists({collection.name: kept}), collection, item_id, None)

        self.apply(without)
        return removed[0]

    def restore(self, collection: Collection[T], item: T, index: int | None = None) -> None:
        """Put a removed item back (undo), at `index` in its list if given."""
        _check_collection(collection)
        with self._file.transaction(self.author) as tx:
            _check_type(collection, item)
            if tx.get(collection.name, item.id) is not None:
                raise StoreError(_("{kind} {item} is in the session already").format(
                    kind=_(collection.singular), item=quoted(_item_name(item))))
            self._check_references(collection, item)
            tx.put(collection.name, item.id, encode(item))
            if index is not None:
                ids = [i for i in tx.ids(collection.name) if i != item.id]
                ids.insert(max(0, min(index, len(ids))), item.id)
                tx.order(collection.name, ids)

    def reorder(self, collection: Collection[Any], ids: Sequence[str]) -> None:
        """Order a list as `ids` (items not named keep their order after them)."""
        _check_collection(collection)
        with self._file.transaction(self.author) as tx:
            tx.order(collection.name, list(ids))

    def update_info(self, change: Callable[[SessionInfo], SessionInfo]) -> SessionInfo:
        """Edit the title block; the id cannot change."""
        with self._file.transaction(self.author) as tx:
            info = INFO.decode("session", tx.get("meta", "info"))
            new = change(info)
            if new.id != info.id:
                raise StoreError(_("a session's id cannot change; duplicate it instead"))
            tx.put("meta", "info", encode(new))
            return new

    def room(self) -> Room:
        """What the room sees now (`off` for a session that never set it)."""
        with self._file.locked():
            return self._room(self._file.read().get("meta", {}).get("room"))

    def set_room(self, room: Room) -> Room:
        """Put an activity in front of the room; a vote named must exist."""
        with self._file.transaction(self.author) as tx:
            if room.vote and tx.get("votes", room.vote) is None:
                raise StoreError(_("session {session} has no vote {id}").format(
                    session=self.id, id=repr(room.vote)))
            tx.put("meta", "room", encode(room))
            return room

    def _room(self, doc: Any) -> Room:
        if doc is None:
            return Room()
        try:
            return ROOM.decode("room", doc)
        except ModelError as error:
            raise StoreError(_("{path}: holds an invalid value at {problem}").format(
                path=self.path, problem=error)) from None

    def apply(self, change: Callable[[Session, NewId], Session]) -> Session:
        """A whole-session edit (merge, cascade): `change(session, new_id)` returns the new one.

        Only what differs is written, as one journal line.
        """
        with self._file.transaction(self.author) as tx:
            data = self._file.data
            assert data is not None
            old = self._decoded(data)
            new = change(old, lambda collection: _new_id(tx, collection))
            if new.info != old.info:
                if new.info.id != old.info.id:
                    raise StoreError(_("a session's id cannot change; duplicate it instead"))
                tx.put("meta", "info", encode(new.info))
            written = [(c, pair) for c in COLLECTIONS
                       for pair in _write_changes(tx, c.name, c.items(old), c.items(new))]
            # Checked on the state as written (new items may refer to each other); raising
            # here discards the transaction.
            assert self._file.data is not None
            refs = StoredReferences(self._file.data)
            for collection, (before, item) in written:
                self._check_references(collection, item, before, refs=refs, old=old,
                                       where=f"{collection.name}.{item.id}")
            return new

    # ------------------------------------------------------------------ history

    def history(self) -> list[HistoryEntry]:
        """The session's changes, newest first (the last `history.KEEP` of them)."""
        with self._file.locked():
            return history.entries(self._file.read())

    def undo(self, entry_id: str | None = None, *, force: bool = False) -> str:
        """Undo one change (default: this author's newest not undone); says what was undone.

        `ChangedSince` (a StoreError) when an item it changed was changed again since,
        unless `force`.
        """
        with self._file.transaction(self.author) as tx:
            data = self._file.data
            assert data is not None
            target = entry_id or history.newest_to_undo(data, self.author)
            return history.undo(tx, data, target, force=force)

    def redo(self, entry_id: str | None = None, *, force: bool = False) -> str:
        """Redo an undone change (default: the one this author undid last)."""
        with self._file.transaction(self.author) as tx:
            data = self._file.data
            assert data is not None
            target = entry_id or history.newest_to_redo(data, self.author)
            return history.redo(tx, data, target, force=force)

    # ------------------------------------------------------------------ helpers

    def _get(self, tx: Transaction, collection: Collection[T], item_id: str) -> T:
        doc = tx.get(collection.name, item_id)
        if doc is None:
            raise self._missing(collection, item_id)
        return decode(collection, doc, f"{collection.name}.{item_id}")

    def _missing(self, collection: Collection[Any], item_id: str) -> StoreError:
        """The error for an item that is not there: named by its text, with who deleted it,
        when the history says (another terminal deleted it a moment ago), else by the id
        given (a command line's argument)."""
        kind = _(collection.singular)
        gone = (history.deleted_item(self._file.data, collection.name, item_id)
                if self._file.data is not None else None)
        if gone is not None and gone[0]:
            text, who, at = gone
            return StoreError(_("{kind} {item} is no longer in the session: {who} deleted it "
                                "at {time}").format(kind=kind, item=quoted(text),
                                                    who=who or _("someone"), time=at))
        return StoreError(_("session {session} has no {kind} {id}").format(
            session=self.id, kind=kind, id=repr(item_id)))

    def _check_references(self, collection: Collection[Any], item: Any, before: Any = None, *,
                          refs: StoredReferences | None = None, old: Session | None = None,
                          where: str = "") -> None:
        """Refuse an item that refers to items that do not exist, as the importer would.

        The same check as import (`model.item_problems`), answered from the stored
        documents: a few dictionary lookups, whatever the session's size. A reference that
        was broken already in `before` (the item as it was) is not this edit's doing and
        does not stop it: a vote whose option's source was deleted still takes ballots.
        """
        if refs is None:
            assert self._file.data is not None
            refs = StoredReferences(self._file.data)
        problems = item_problems(refs, collection, item)
        if problems and before is not None:
            known = {str(p) for p in item_problems(old if old is not None else refs,
                                                    collection, before)}
            problems = [p for p in problems if str(p) not in known]
        if problems:
            raise problems[0].within(where) if where else problems[0]


def _item_name(item: Any) -> str:
    """The words that name an item in a message (its text, title, question or name)."""
    return history.name_of(encode(item)) or str(item.id)


def _check_decodes(file: SessionFile, data: Data) -> None:
    """Decode what changed; every write calls this first, so that a session that does not
    decode is never written to (its damage would only spread)."""
    decoded: _Decoded = file.decoded
    if decoded.revision != file.revision:
        decoded.refresh(data, file.path, file.take_touched())
        decoded.revision = file.revision


def _check_collection(collection: object) -> None:
    """TypeError unless `collection` is an entry of the registry (a name is not one)."""
    if collection not in COLLECTIONS:
        raise TypeError(f"{collection!r} is not a session list; pass an entry of "
                        "smartplan_tui.collection_registry (SWOT, NOTES, …)")


def _check_type(collection: Collection[Any], item: object) -> None:
    if not isinstance(item, collection.cls):
        raise StoreError(f"a {type(item).__name__} does not belong in {collection.name}")


def _new_id(tx: Transaction, collection: Collection[Any]) -> str:
    """The next unused id of a list (`s13`): a counter in meta, checked against the list."""
    _check_collection(collection)
    counters = tx.get("meta", "ids") or {}
    n = int(counters.get(collection.name, 0)) + 1
    while tx.get(collection.name, f"{collection.id_prefix}{n}") is not None:
        n += 1
    counters[collection.name] = n
    tx.put("meta", "ids", counters)
    return f"{collection.id_prefix}{n}"


def _write_changes(tx: Transaction, name: str, old: tuple[Any, ...],
                   new: tuple[Any, ...]) -> list[tuple[Any, Any]]:
    """Write how `new` differs from `old`; returns (item before or None, item) of every put.

    Costs what changed, not the list's length: an edit keeps most items as the very same
    objects, so the common head and tail are skipped at C speed (`map(operator.is_)`) and
    only the middle is compared item by item.
    """
    if old is new:
        return []
    head = _same_run(old, new)
    tail = _same_run(old[head:][::-1], new[head:][::-1])
    old_mid, new_mid = old[head:len(old) - tail], new[head:len(new) - tail]
    before = {item.id: item for item in old_mid}
    written: list[tuple[Any, Any]] = []
    for item in new_mid:
        was = before.get(item.id)
        if was is not item and was != item:
            tx.put(name, item.id, encode(item))
            written.append((was, item))
    kept = {item.id for item in new_mid}
    for item_id in before.keys() - kept:
        tx.delete(name, item_id)
    # Where the puts and deletes leave the list: survivors in their old order, then new items.
    # Desired: head, the middle as given, tail. Added items go to the very end unless ordered.
    survivors = [i for i in before if i in kept]
    added = [item.id for item in new_mid if item.id not in before]
    if survivors + added != [item.id for item in new_mid] or (added and tail):
        tx.order(name, list(map(operator.attrgetter("id"), new)))
    return written


def _same_run(a: tuple[Any, ...], b: tuple[Any, ...]) -> int:
    """How many leading items `a` and `b` share as the very same objects."""
    same = list(map(operator.is_, a, b))
    return same.index(False) if False in same else len(same)


class SessionStore:
    """The sessions under one data home: `<home>/sessions/<id>.json` (+ journal, lock)."""

    def __init__(self, home: Path | str, author: str = "") -> None:
        self.home = Path(home)
        self.author = author
        """Who the edits through this store's handles are by (see `SessionHandle.author`)."""
        self._files: dict[str, SessionFile] = {}
        self._files_lock = threading.Lock()
        self._notices: list[str] = []

    def take_notices(self) -> list[str]:
        """What the last operations did that the user must be told (damaged files kept aside)."""
        notices, self._notices = self._notices, []
        return notices

    def _kept(self, session_id: str, kept: Path | None) -> None:
        if kept is not None:
            self._notices.append(_("session {session} could not be read; its files were kept "
                                   "as they were in {folder}").format(
                                       session=repr(session_id), folder=kept.parent))

    def owns(self, path: Path | str) -> bool:
        """Whether `path` lies inside the data home: no export may write over the store."""
        try:
            target = Path(path).expanduser()
            target = target.parent.resolve() / target.name
            home = self.home.expanduser().resolve()
        except (OSError, RuntimeError):
            return True
        return target == home or home in target.parents

    def check_output(self, path: Path | str) -> None:
        """StoreError when an export's output would land inside the data home."""
        if self.owns(path):
            raise StoreError(_("{path}: is inside SmartPlan's data folder {home}; choose a "
                               "file elsewhere").format(path=path, home=self.home))

    @property
    def sessions_dir(self) -> Path:
        return self.home / "sessions"

    @property
    def backups_dir(self) -> Path:
        return self.home / "backups"

    def _file(self, session_id: str) -> SessionFile:
        if not legacy_session_id_ok(session_id):
            raise StoreError(_("{id} is not a valid session id").format(
                id=repr(str(session_id)[:70])))
        with self._files_lock:
            if session_id not in self._files:
                file = SessionFile(self.sessions_dir / f"{session_id}.json", self.backups_dir)
                file.decoded = _Decoded()
                file.validate = functools.partial(_check_decodes, file)
                self._files[session_id] = file
            return self._files[session_id]

    def exists(self, session_id: str) -> bool:
        return self._file(session_id).path.exists()

    def open(self, session_id: str, author: str | None = None) -> SessionHandle:
        """A handle on an existing session, its edits by `author` (default: the store's);
        StoreError if there is none."""
        if not self.exists(session_id):
            known = ", ".join(s.id for s in self.list_sessions()[:8]) or _("none yet")
            raise StoreError(_("no session {id} in {folder} (known: {known})").format(
                id=repr(session_id), folder=self.sessions_dir, known=known))
        return SessionHandle(self._file(session_id), session_id,
                             self.author if author is None else author)

    def load(self, session_id: str) -> Session:
        return self.open(session_id).load()

    def list_sessions(self) -> list[SessionSummary]:
        """Every readable session, newest date first; unreadable files are skipped."""
        summaries = []
        if not self.sessions_dir.is_dir():
            return []
        for path in self.sessions_dir.glob("*.json"):
            if path.name.startswith("."):
                continue
            try:
                summaries.append(SessionHandle(self._file(path.stem), path.stem).summary())
            except (StoreError, ModelError, OSError):
                continue
        summaries.sort(key=lambda s: (s.date or date.min, s.modified), reverse=True)
        return summaries

    def unreadable_sessions(self) -> list[str]:
        """One line per session file that cannot be read (for the home screen's warning)."""
        problems = []
        if self.sessions_dir.is_dir():
            for path in sorted(self.sessions_dir.glob("*.json")):
                try:
                    self.load(path.stem)
                except (StoreError, ModelError) as error:
                    problems.append(str(error))
        return problems

    def new_session_id(self, title: str) -> str:
        """An unused id made from a title (`Kurzeme workshop 2` → `kurzeme-workshop-2`)."""
        from smartplan_tui.store.interchange import slugify  # not needed to start the app

        base = slugify(title)
        candidate, n = base, 1
        while self.exists(candidate):
            n += 1
            candidate = f"{base[:60]}-{n}"
        return candidate

    def create(self, info: SessionInfo) -> Session:
        """Create an empty session; StoreError if the id is taken."""
        check_new_session_id(info.id)
        session = Session(info=info)
        self._file(info.id).create(_session_to_data(session))
        return session

    def save_whole(self, session: Session, *, replace_existing: bool = False) -> Session:
        """Write a complete session (import, demo, duplicate) in one durable step."""
        file = self._file(session.id)
        if not file.path.exists():
            check_new_session_id(session.id)
        if file.path.exists() and not replace_existing:
            raise self._exists_already(session.id)
        if file.path.exists():
            self._kept(session.id, file.overwrite(_session_to_data(session)))
        else:
            file.create(_session_to_data(session))
        return session

    def _exists_already(self, session_id: str) -> StoreError:
        """The refusal to overwrite a stored session, naming it by its title (and its id, which
        scripts pass to --replace); by its id alone when it cannot be read."""
        try:
            title = SessionHandle(self._file(session_id), session_id).summary().title
        except (StoreError, ModelError, OSError):
            return StoreError(_("session {id} exists already; use --replace to overwrite "
                                "it").format(id=repr(session_id)))
        return StoreError(_("a session {title} exists already (id {id}); use --replace to "
                            "overwrite it").format(title=quoted(title), id=session_id))

    def import_document(self, doc: Any, *, replace_existing: bool = False) -> Session:
        """Validate an interchange document whole, then store it; nothing is written on error."""
        from smartplan_tui.store.interchange import document_to_session

        session = document_to_session(doc, existing=self.exists)
        return self.save_whole(session, replace_existing=replace_existing)

    def export_document(self, session_id: str) -> dict[str, Any]:
        from smartplan_tui.store.interchange import session_to_document

        return session_to_document(self.load(session_id))

    def duplicate(self, session_id: str, info: SessionInfo) -> Session:
        """A new session from an old one as a template: its agenda (not yet run) and people."""
        old = self.load(session_id)
        agenda = tuple(replace(a, started_at=None, ended_at=None) for a in old.agenda)
        return self.save_whole(Session(info=info, participants=old.participants, agenda=agenda))

    def delete(self, session_id: str) -> None:
        """Delete a session; a final backup stays in `<home>/backups/<id>/`."""
        self.open(session_id)
        self._kept(session_id, self._file(session_id).delete())

    def backups(self, session_id: str) -> list[Path]:
        return self._file(session_id).backup_files()

    def session_file(self, session_id: str) -> SessionFile:
        """A session's files, for the store's own modules that rewrite them (erasure)."""
        return self._file(session_id)

    def damaged_copies(self, session_id: str) -> list[Path]:
        """Copies of a session's files taken because they could not be read, oldest first."""
        return self._file(session_id).damaged_copies()

    # ------------------------------------------------------------------ settings

    @property
    def profile(self) -> ProfileFile:
        """The project profile every document prints (`<home>/profile.json`, its logos)."""
        return ProfileFile(self.home)

    @property
    def settings_path(self) -> Path:
        return self.home / "settings.json"

    def settings(self) -> dict[str, Any]:
        """User settings (theme, …); a missing or broken file means defaults."""
        try:
            value = orjson.loads(self.settings_path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        return value if isinstance(value, dict) else {}

    def save_setting(self, key: str, value: Any) -> None:
        settings = self.settings()
        settings[key] = value
        try:
            write_atomically(self.settings_path,
                             orjson.dumps(settings, option=orjson.OPT_INDENT_2))
        except OSError as error:
            raise StoreError(_("{path}: could not save the setting ({reason})").format(
                path=self.settings_path, reason=os_reason(error))) from None

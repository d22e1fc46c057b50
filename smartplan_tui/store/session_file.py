"""One session on disk: a snapshot, an fsynced journal, a lock file and rolling backups.

Why a journal: rewriting a 10,000-item session on every keystroke-sized edit costs ~9 ms
of fsync alone here; appending one line costs ~0.3 ms. So every write transaction is one
JSON line appended to `<id>.journal` and fsynced before the caller hears "saved". Every
few hundred lines the journal is compacted: the whole session is written to a temp file,
fsynced and `os.replace`d over `<id>.json` (a crash at any moment leaves either the old or
the new snapshot, never half of one).

The snapshot records a `generation`; the journal's first line names the generation it
extends. A journal whose generation does not match (a crash between compacting and
starting the new journal) is ignored: its lines are already in the snapshot. A last line
that is cut off or garbled was never acknowledged (its fsync never returned) and is
dropped; a garbled line before the last one means damage, and the file is refused.

Several processes may write one session: every read-modify-write holds `<id>.lock`
(`lockfile.FileLock`) and first re-reads what changed, by (inode, mtime,
size) of both files. Only the lines appended since the last read are replayed.

Backups are hard links to snapshots, which are never modified after they are written, so
a backup costs no copying.
"""

from __future__ import annotations

import calendar
import contextlib
import os
import threading
import time
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from smartplan_tui.atomic import replace_atomically, sync_folder
from smartplan_tui.store.errors import StoreError
from smartplan_tui.store.lockfile import FileLock, LockTimeout
from smartplan_tui.store.migrations import SCHEMA_VERSION, migrate

Data = dict[str, dict[str, Any]]
Signature = tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]

LOCK_TIMEOUT_S = 15.0
#: Compact when the journal holds this many transactions (replaying them stays fast).
COMPACT_AFTER_LINES = 400
#: …or when it grows past this share of the snapshot's size (and at least 256 KiB).
COMPACT_JOURNAL_SHARE = 1.0
#: Take a backup at a compaction when the newest backup is older than this.
BACKUP_EVERY_S = 300.0
BACKUPS_KEPT = 5


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def write_atomically(path: Path, blob: bytes) -> None:
    """Write `blob` to `path` so that a crash leaves the old file or the new one, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(path, lambda stream: stream.write(blob))


def _backup_time(path: Path) -> float:
    """When a backup was taken, from its name (its mtime is the snapshot's own)."""
    try:
        return float(calendar.timegm(time.strptime(path.name[:15], "%Y%m%dT%H%M%S")))
    except ValueError:
        return 0.0


class StringIdTable(Table):
    """A TinyDB table keyed by SmartPlan's own string ids, with no query cache.

    TinyDB's numeric ids are cached per process and collide between writers, and its query
    cache goes stale when another process writes; string ids chosen under the lock and no
    cache avoid both.
    """

    document_id_class = str  # type: ignore[assignment]
    default_query_cache_capacity = 0


class SessionDB(TinyDB):
    table_class = StringIdTable


class _TransactionStorage(Storage):
    """TinyDB's view of a session file: the in-memory state, writable only in a transaction."""

    def __init__(self, owner: SessionFile) -> None:
        self.owner = owner

    def read(self) -> Data | None:
        return self.owner.data

    def write(self, data: Data) -> None:
        if not self.owner.in_transaction:
            raise RuntimeError("session data written outside a transaction")
        self.owner.data = data


class Transaction:
    """The edits of one read-modify-write, made through TinyDB and journalled as one line."""

    def __init__(self, owner: SessionFile) -> None:
        self._owner = owner
        self._db = owner.db
        self.ops: list[dict[str, Any]] = []

    def table(self, name: str) -> Table:
        return self._db.table(name)

    # TinyDB annotates document ids as int; StringIdTable keys them by str (hence the ignores).

    def get(self, table: str, doc_id: str) -> dict[str, Any] | None:
        doc = self.table(table).get(doc_id=doc_id)  # type: ignore[call-overload]
        return dict(doc) if doc is not None else None

    def all(self, table: str) -> list[Document]:
        return self.table(table).all()

    def put(self, table: str, doc_id: str, doc: dict[str, Any]) -> None:
        """Insert or replace one document, keeping its place in the list."""
        tbl = self.table(table)
        if tbl.contains(doc_id=doc_id):  # type: ignore[arg-type]
            def replace(current: MutableMapping[str, Any]) -> None:
                current.clear()
                current.update(doc)

            tbl.update(replace, doc_ids=[doc_id])  # type: ignore[list-item]
        else:
            tbl.insert(Document(doc, doc_id=doc_id))  # type: ignore[arg-type]
        self.ops.append({"t": table, "id": doc_id, "doc": doc})
        self._owner.touch(table, doc_id)

    def delete(self, table: str, doc_id: str) -> None:
        self.table(table).remove(doc_ids=[doc_id])  # type: ignore[list-item]
        self.ops.append({"t": table, "id": doc_id, "del": True})
        self._owner.touch(table, doc_id)

    def order(self, table: str, ids: list[str]) -> None:
        """Put a list's documents in the order of `ids` (ids not named keep their order, last)."""
        tbl = self.table(table)
        docs = {str(d.doc_id): dict(d) for d in tbl.all()}
        ordered = [i for i in ids if i in docs] + [i for i in docs if i not in set(ids)]
        tbl.truncate()
        tbl.insert_multiple(Document(docs[i], doc_id=i) for i in ordered)  # type: ignore[arg-type]
        self.ops.append({"t": table, "order": ordered})


def _apply(data: Data, op: dict[str, Any], touched: set[tuple[str, str]] | None) -> None:
    table = data.setdefault(op["t"], {})
    if touched is not None and "id" in op:
        touched.add((op["t"], op["id"]))
    if "order" in op:
        ids = op["order"]
        rest = [i for i in table if i not in set(ids)]
        data[op["t"]] = {i: table[i] for i in [*ids, *rest] if i in table}
    elif op.get("del"):
        table.pop(op["id"], None)
    else:
        table[op["id"]] = op["doc"]


class SessionFile:
    """A session's files, the lock around them and the last state read from them."""

    def __init__(self, path: Path, backups: Path) -> None:
        self.path = path
        self.journal_path = path.with_suffix(".journal")
        self.backups = backups
        self._lock = FileLock(path.with_suffix(".lock"), timeout=LOCK_TIMEOUT_S)
        self._thread_lock = threading.RLock()
        self._depth = 0
        self.db = SessionDB(storage=_TransactionStorage, owner=self)
        self.data: Data | None = None
        self.in_transaction = False
        self.revision = 0
        """Goes up whenever the state in memory changes: own writes or others' re-read."""
        self._seen: Signature = (None, None)
        self._journal_offset = 0
        self._journal_lines = 0
        self._needs_snapshot = False
        self._journal_valid = False
        self.touched: set[tuple[str, str]] | None = None
        """(table, id) of documents changed since `take_touched`; None: assume all."""
        self.decoded: Any = None
        """The repository's cache of decoded model objects (opaque here)."""

    def touch(self, table: str, doc_id: str) -> None:
        if self.touched is not None:
            self.touched.add((table, doc_id))

    def take_touched(self) -> set[tuple[str, str]] | None:
        """What changed since the last call (None: everything), and start counting afresh."""
        touched, self.touched = self.touched, set()
        return touched

    # ------------------------------------------------------------------ reading

    def signature(self) -> Signature:
        return _stat(self.path), _stat(self.journal_path)

    def changed_on_disk(self) -> bool:
        """Whether another process wrote since we last read (one or two `stat` calls)."""
        return self.signature() != self._seen

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        with self._thread_lock:
            if self._depth == 0:
                try:
                    self._lock.acquire()
                except LockTimeout:
                    raise StoreError(f"{self.path}: busy — another SmartPlan has held its lock "
                                     f"for {LOCK_TIMEOUT_S:.0f} s") from None
                except OSError as error:
                    raise StoreError(f"{self.path}: cannot lock ({error.strerror})") from None
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._lock.release()

    def read(self) -> Data:
        """The current state (re-read only if the files changed); call under `locked()`."""
        sig = self.signature()
        if self.data is not None and sig == self._seen:
            return self.data
        if sig[0] is None:
            self.data = None
            raise StoreError(f"{self.path}: no such session file")
        if (self.data is not None and sig[0] == self._seen[0] and sig[1] is not None
                and self._seen[1] is not None and sig[1][0] == self._seen[1][0]
                and sig[1][2] >= self._journal_offset):
            self._replay(self.data, incremental=True)
        else:
            self._read_all()
        self._seen = self.signature()
        self.revision += 1
        assert self.data is not None
        return self.data

    def _read_all(self) -> None:
        try:
            blob = self.path.read_bytes()
            data = orjson.loads(blob)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as error:
            self.data = None
            raise StoreError(self.unreadable(str(error))) from None
        data, migrated = migrate(data, self.path)
        self._needs_snapshot = migrated
        self.touched = None
        self._journal_offset = 0
        self._journal_lines = 0
        self._journal_valid = False
        self._replay(data, incremental=False)
        self.data = data

    def _replay(self, data: Data, *, incremental: bool) -> None:
        """Apply the journal's complete lines past the last offset read."""
        try:
            with open(self.journal_path, "rb") as f:
                f.seek(self._journal_offset)
                chunk = f.read()
        except FileNotFoundError:
            return
        offset = self._journal_offset
        lines = chunk.split(b"\n")
        for n, line in enumerate(lines[:-1]):
            try:
                entry = orjson.loads(line)
            except orjson.JSONDecodeError:
                if n == len(lines) - 2:
                    break  # a torn last line: never acknowledged
                self.data = None
                raise StoreError(self.unreadable(f"journal line at byte {offset} is damaged",
                                                 self.journal_path)) from None
            if offset == 0 and not incremental:
                generation = data.get("meta", {}).get("store", {}).get("generation")
                if entry != {"generation": generation}:
                    return  # a journal from before the last compaction: already included
                self._journal_valid = True
            elif isinstance(entry, list):
                for op in entry:
                    _apply(data, op, self.touched)
                self._journal_lines += 1
            offset += len(line) + 1
        self._journal_offset = offset

    def unreadable(self, reason: str, path: Path | None = None) -> str:
        newest = self.newest_backup()
        hint = (f"the newest backup is {newest}" if newest
                else "there is no backup of it")
        return f"{path or self.path} cannot be read ({reason}); it was left as it is; {hint}"

    # ------------------------------------------------------------------ writing

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Lock, re-read, edit, then make the edit durable before returning."""
        with self.locked():
            self.read()
            tx = Transaction(self)
            self.in_transaction = True
            try:
                yield tx
            except BaseException:
                self._forget()
                raise
            finally:
                self.in_transaction = False
            try:
                self._commit(tx)
            except OSError as error:
                self._forget()
                raise StoreError(f"{self.path}: could not save ({error.strerror or error}); "
                                 "the last change was not stored") from None

    def create(self, data: Data) -> None:
        """Write a new session file; refuses when one exists."""
        with self.locked():
            if self.path.exists():
                raise StoreError(f"{self.path}: a session with this id exists")
            self.data = data
            self.touched = None
            self._snapshot()

    def overwrite(self, data: Data) -> None:
        """Replace the session whole (import --replace), keeping a backup of what was there."""
        with self.locked():
            if self.path.exists():
                self.read()
                self._backup(force=True)
            self.data = data
            self.touched = None
            self._snapshot()

    def delete(self) -> None:
        """Remove the session files, keeping a last backup so a deletion can be undone."""
        with self.locked():
            if self.path.exists():
                try:
                    self.read()
                    self._snapshot()
                except StoreError:
                    pass  # unreadable: keep it as it is, as the last backup
                self._backup(force=True)
            for path in (self.path, self.journal_path):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            sync_folder(self.path.parent)
            self._forget()

    def _forget(self) -> None:
        """Drop the state in memory: it may be half-edited; the next read re-reads the files."""
        self.data = None
        self._seen = (None, None)
        self.touched = None

    def _commit(self, tx: Transaction) -> None:
        if not tx.ops:
            return
        big_journal = self._journal_offset > max(
            256 * 1024, COMPACT_JOURNAL_SHARE * (self._seen[0] or (0, 0, 0))[2])
        if (self._needs_snapshot or self._journal_lines >= COMPACT_AFTER_LINES
                or big_journal or not self._journal_valid):
            self._snapshot()
        else:
            self._append(tx.ops)
        self.revision += 1

    def _append(self, ops: list[dict[str, Any]]) -> None:
        line = orjson.dumps(ops) + b"\n"
        with open(self.journal_path, "r+b") as f:
            f.seek(self._journal_offset)
            f.truncate()
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
        self._journal_offset += len(line)
        self._journal_lines += 1
        self._seen = self.signature()

    def _snapshot(self) -> None:
        assert self.data is not None
        meta = self.data.setdefault("meta", {})
        store = meta.setdefault("store", {})
        generation = int(store.get("generation", 0)) + 1
        meta["store"] = {**store, "schema": SCHEMA_VERSION, "generation": generation}
        if self._needs_snapshot:
            self._backup(force=True)
        write_atomically(self.path, orjson.dumps(self.data))
        header = orjson.dumps({"generation": generation}) + b"\n"
        write_atomically(self.journal_path, header)
        self._journal_offset = len(header)
        self._journal_lines = 0
        self._journal_valid = True
        self._needs_snapshot = False
        self._seen = self.signature()
        self._backup(force=False)

    # ------------------------------------------------------------------ backups

    def _backup_dir(self) -> Path:
        return self.backups / self.path.stem

    def backup_files(self) -> list[Path]:
        """This session's backups, oldest first."""
        folder = self._backup_dir()
        if not folder.is_dir():
            return []
        return sorted(folder.glob("*.json"))

    def newest_backup(self) -> Path | None:
        files = self.backup_files()
        return files[-1] if files else None

    def _backup(self, *, force: bool) -> None:
        """Link the current snapshot into the backups (cheap: snapshots are never modified)."""
        if not self.path.exists():
            return
        files = self.backup_files()
        if files and not force and time.time() - _backup_time(files[-1]) < BACKUP_EVERY_S:
            return
        folder = self._backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        target = folder / f"{stamp}-{time.time_ns() % 1_000_000_000:09d}.json"
        try:
            os.link(self.path, target)
        except OSError:
            write_atomically(target, self.path.read_bytes())
        for old in self.backup_files()[:-BACKUPS_KEPT]:
            with contextlib.suppress(OSError):
                old.unlink()

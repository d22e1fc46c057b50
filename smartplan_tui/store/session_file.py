"""One session on disk: a snapshot, an fsynced journal, the folder lock and rolling backups.

Why a journal: rewriting a 10,000-item session on every keystroke-sized edit costs ~9 ms
of fsync alone here; appending one line costs ~0.3 ms. So every write transaction is one
JSON line appended to `<id>.journal` and fsynced before the caller hears "saved". Every
few hundred lines the journal is compacted: the whole session is written to a temp file,
fsynced and `os.replace`d over `<id>.json` (a crash at any moment leaves either the old or
the new snapshot, never half of one).

Generations make every instant of a compaction or a replace safe. A snapshot records its
`generation`, which only ever goes up, and the journal's first line names the generation it
extends. A new snapshot also records the journal it supersedes (that journal's generation
and size): after a crash between the snapshot's rename and the journal's reset, the old
journal is recognised exactly and ignored — its edits are in the snapshot, or were replaced
whole by an import. Any other journal is damage, never silently dropped: a missing or
foreign header, a line that ends in a newline but does not hold edits. Only a final line
without its newline is an interrupted append (its fsync never returned, so nobody was told
it was saved), and it is dropped. A damaged session is refused with one line naming the
file, the line and the newest backup, and no write touches it.

Several processes may write one session: every read-modify-write holds the lock on the
sessions folder (`lockfile`) and first re-reads what changed, by (inode, mtime, size) of
both files. Only the lines appended since the last read are replayed. A read-only copy (a
USB stick, an archive) is read without the lock when the folder cannot be locked.

Everything the store writes is private to its user (folders 0700, files 0600), whatever the
umask: sessions hold participants' names and e-mail addresses.

Backups are hard links to snapshots, which are never modified after they are written, so
a backup costs no copying. The bytes of a damaged session are copied aside before anything
replaces or deletes it.
"""

from __future__ import annotations

import calendar
import contextlib
import errno
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from smartplan_tui.atomic import replace_atomically, sync_folder
from smartplan_tui.i18n import N_, _
from smartplan_tui.os_errors import os_reason
from smartplan_tui.store import history, journal
from smartplan_tui.store.errors import StoreError
from smartplan_tui.store.journal import DamagedError, Data

__all__ = ["Data", "SessionFile", "Transaction", "private_folder", "write_atomically"]
from smartplan_tui.store.lockfile import LockTimeout, folder_lock
from smartplan_tui.store.migrations import SCHEMA_VERSION, migrate

Signature = tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]

LOCK_TIMEOUT_S = 15.0
#: Compact when the journal holds this many transactions (replaying them stays fast).
COMPACT_AFTER_LINES = 400
#: …or when it grows past this share of the snapshot's size (and at least 256 KiB).
COMPACT_JOURNAL_SHARE = 1.0
#: Take a backup at a compaction when the newest backup is older than this.
BACKUP_EVERY_S = 300.0
BACKUPS_KEPT = 5
#: Permissions of everything the store writes: sessions hold personal data.
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def write_atomically(path: Path, blob: bytes) -> None:
    """Write `blob` to `path`, private to its user, so a crash leaves the old file or the new."""
    private_folder(path.parent)
    replace_atomically(path, lambda stream: stream.write(blob), mode=PRIVATE_FILE)


def private_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by its user alone, whatever the umask."""
    if folder.is_dir():
        return
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    folder.mkdir(parents=True, exist_ok=True)
    for created in missing:
        with contextlib.suppress(OSError):
            os.chmod(created, PRIVATE_FOLDER)


def _make_private(path: Path, mode: int) -> None:
    """Tighten a file or folder an older SmartPlan wrote with the umask's permissions."""
    try:
        st = os.stat(path)
        if stat.S_IMODE(st.st_mode) & 0o077 and st.st_uid == os.geteuid():
            os.chmod(path, mode)
    except (OSError, AttributeError):
        pass


#: What `_header_of` gives for a journal whose first line is not a generation header.
NO_HEADER = -1


def _header_of(chunk: bytes) -> int:
    """The generation a journal's first line names, or NO_HEADER."""
    end = chunk.find(b"\n")
    try:
        return journal.header_generation(orjson.loads(chunk[:end] if end >= 0 else b"?"))
    except (orjson.JSONDecodeError, DamagedError):
        return NO_HEADER


def _backup_time(path: Path) -> float:
    """When a backup was taken, from its name (its mtime is the snapshot's own)."""
    try:
        return float(calendar.timegm(time.strptime(path.name[:15], "%Y%m%dT%H%M%S")))
    except ValueError:
        return 0.0


def _stamp() -> str:
    return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{time.time_ns() % 10**9:09d}"


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


class _SessionStorage(Storage):
    """TinyDB's view of a session: the state in memory, which only journal operations change.

    TinyDB reads the documents; every change goes through `journal.apply_op`, the same
    function that replays the journal, so a live edit and its replay cannot differ.
    """

    def __init__(self, owner: SessionFile) -> None:
        self.owner = owner

    def read(self) -> Data | None:
        return self.owner.data

    def write(self, data: Data) -> None:
        raise RuntimeError("session data changes only through journal operations")


class Transaction:
    """The edits of one read-modify-write, applied as they are made and journalled as one line."""

    def __init__(self, owner: SessionFile, author: str = "") -> None:
        self._owner = owner
        self._db = owner.db
        self.ops: list[journal.Op] = []
        self.author = author
        """Who makes the edit, as the history names them (`terminal pts/3`)."""
        self.history = history.Recorder()

    def get(self, table: str, doc_id: str) -> dict[str, Any] | None:
        doc = self._db.table(table).get(doc_id=doc_id)  # type: ignore[call-overload]
        return dict(doc) if doc is not None else None

    def ids(self, table: str) -> list[str]:
        """The ids of a table in their order, without building its documents."""
        assert self._owner.data is not None
        return list(self._owner.data.get(table, {}))

    def put(self, table: str, doc_id: str, doc: dict[str, Any]) -> None:
        """Insert or replace one document, keeping its place in the list."""
        self._do({"t": table, "id": doc_id, "doc": doc})

    def delete(self, table: str, doc_id: str) -> None:
        self._do({"t": table, "id": doc_id, "del": True})

    def order(self, table: str, ids: list[str]) -> None:
        """Put a list's documents in the order of `ids` (ids not named keep their order, last).

        Journalled as one move when only one id changed place (`journal.order_ops`).
        """
        assert self._owner.data is not None
        docs = self._owner.data.get(table, {})
        current = list(docs)
        if len(ids) == len(current) and docs.keys() == set(ids):
            wanted = list(ids)
        else:
            wanted = [i for i in dict.fromkeys(ids) if i in docs]
            named = set(wanted)
            wanted += [i for i in current if i not in named]
        for op in journal.order_ops(table, current, wanted):  # none or one
            self._do(op, current)

    def move(self, table: str, doc_id: str, index: int) -> None:
        """Put one document at place `index` of its list (one small journal operation)."""
        assert self._owner.data is not None
        docs = self._owner.data.get(table, {})
        if doc_id in docs:
            index = max(0, min(index, len(docs) - 1))
            keys = list(docs)
            if keys.index(doc_id) != index:
                self._do({"t": table, "move": doc_id, "to": index}, keys)

    def _do(self, op: journal.Op, order: list[str] | None = None) -> None:
        """Carry out and keep one operation; `order`: the table's ids now, if known."""
        assert self._owner.data is not None
        self.history.note(self._owner.data, op, order)
        journal.apply_op(self._owner.data, op, self._owner.touched)
        self.ops.append(op)


class SessionFile:
    """A session's files, the lock around them and the last state read from them."""

    def __init__(self, path: Path, backups: Path) -> None:
        self.path = path
        self.journal_path = path.with_suffix(".journal")
        self.backups = backups
        self._lock = folder_lock(path.parent)
        self.db = SessionDB(storage=_SessionStorage, owner=self)
        self.data: Data | None = None
        self.revision = 0
        """Goes up whenever the state in memory changes: own writes or others' re-read."""
        self.validate: Callable[[Data], None] | None = None
        """Raises StoreError when the state read is unusable (the repository decodes it)."""
        self._seen: Signature = (None, None)
        self._journal_offset = 0
        self._journal_lines = 0
        self._journal_header: int | None = None
        """The generation the journal on disk names (None: no journal, or not read yet)."""
        self._needs_snapshot = False
        self._journal_valid = False
        self._made_private = False
        self.touched: set[tuple[str, str]] | None = None
        """(table, id) of documents changed since `take_touched`; None: assume all."""
        self.decoded: Any = None
        """The repository's cache of decoded model objects (opaque here)."""

    def take_touched(self) -> set[tuple[str, str]] | None:
        """What changed since the last call (None: everything), and start counting afresh."""
        touched, self.touched = self.touched, set()
        return touched

    # ------------------------------------------------------------------ locking

    @contextlib.contextmanager
    def locked(self, *, writing: bool = False) -> Iterator[None]:
        """Hold the sessions folder's lock; a read of a folder that cannot be locked goes on."""
        if writing:
            self._prepare_to_write()
        try:
            self._lock.acquire(LOCK_TIMEOUT_S, required=writing)
        except LockTimeout:
            raise StoreError(_("{path}: busy — another SmartPlan has held its lock for "
                               "{seconds} s").format(path=self.path,
                                                     seconds=f"{LOCK_TIMEOUT_S:.0f}")) from None
        except OSError as error:
            raise StoreError(_("{path}: cannot lock {folder} ({reason})").format(
                path=self.path, folder=self.path.parent,
                reason=os_reason(error))) from None
        try:
            yield
        finally:
            self._lock.release()

    def _prepare_to_write(self) -> None:
        try:
            private_folder(self.path.parent)
        except OSError as error:
            raise StoreError(_("{folder}: cannot create the sessions folder ({reason})").format(
                folder=self.path.parent, reason=os_reason(error))) from None
        if not self._made_private:
            self._made_private = True
            for folder in (self.path.parent.parent, self.path.parent, self.backups):
                _make_private(folder, PRIVATE_FOLDER)
            for file in (self.path, self.journal_path):
                _make_private(file, PRIVATE_FILE)

    # ------------------------------------------------------------------ reading

    def signature(self) -> Signature:
        return _stat(self.path), _stat(self.journal_path)

    def changed_on_disk(self) -> bool:
        """Whether another process wrote since we last read (one or two `stat` calls)."""
        return self.signature() != self._seen

    def read(self) -> Data:
        """The current state (re-read only if the files changed); call under `locked()`."""
        sig = self.signature()
        if self.data is not None and sig == self._seen:
            return self.data
        if sig[0] is None:
            self._forget()
            raise StoreError(_("{path}: no such session file").format(path=self.path))
        try:
            if (self.data is not None and sig[0] == self._seen[0] and sig[1] is not None
                    and self._seen[1] is not None and sig[1][0] == self._seen[1][0]
                    and sig[1][2] >= self._journal_offset and self._journal_valid):
                self._replay(self.data, self._read_journal(self._journal_offset))
            else:
                self._read_all()
        except BaseException:
            self._forget()
            raise
        self._seen = sig
        self.revision += 1
        assert self.data is not None
        return self.data

    def _read_all(self) -> None:
        try:
            data = orjson.loads(self.path.read_bytes())
            if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
                raise DamagedError(_("not a JSON object of tables"))
            data, migrated = migrate(data, self.path)
            journal.check_snapshot(data)
        except (OSError, ValueError) as error:
            reason = os_reason(error) if isinstance(error, OSError) else str(error)
            raise StoreError(self.unreadable(reason)) from None
        self._needs_snapshot = migrated
        self.touched = None
        self._journal_offset = 0
        self._journal_lines = 0
        self._journal_valid = False
        self._journal_header = None
        chunk = self._read_journal(0)
        if chunk is not None:
            self._open_journal(data, chunk)
        self.data = data

    def _read_journal(self, offset: int) -> bytes | None:
        try:
            with open(self.journal_path, "rb") as f:
                f.seek(offset)
                return f.read()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(self.unreadable(os_reason(error),
                                             self.journal_path)) from None

    def _open_journal(self, data: Data, chunk: bytes) -> None:
        """Check a whole journal's header against the snapshot, then replay its edits."""
        store = data["meta"]["store"]
        end = chunk.find(b"\n")
        named = _header_of(chunk)
        self._journal_header = named
        if named != store["generation"]:
            if self._superseded(store, named, len(chunk)):
                return  # a crash after the snapshot's rename: nothing in it is lost
            reason = (_("it is not the journal's generation header") if named == NO_HEADER else
                      _("it extends generation {named}, but the snapshot is generation "
                        "{current}").format(named=named, current=store["generation"]))
            raise StoreError(self.unreadable(_("line {n}: {reason}").format(n=1, reason=reason),
                                             self.journal_path))
        self._journal_valid = True
        self._journal_offset = end + 1
        self._replay(data, chunk[end + 1:])

    @staticmethod
    def _superseded(store: dict[str, Any], named: int, size: int) -> bool:
        supersedes = store.get("supersedes")
        if supersedes is None:  # a snapshot from before supersedes was recorded
            return bool(named == store["generation"] - 1)
        return bool(supersedes == {"generation": named, "bytes": size})

    def _replay(self, data: Data, chunk: bytes | None) -> None:
        """Apply the complete journal lines in `chunk`, read from the current offset."""
        if not chunk:
            return
        lines = chunk.split(b"\n")
        offset = self._journal_offset
        for line in lines[:-1]:  # lines[-1] has no newline: empty, or a torn append
            number = self._journal_lines + 2
            try:
                ops = journal.check_entry(orjson.loads(line))
            except (orjson.JSONDecodeError, DamagedError) as error:
                reason = error if isinstance(error, DamagedError) else _("not valid JSON")
                raise StoreError(self.unreadable(
                    _("line {n} is damaged: {reason}").format(n=number, reason=reason),
                    self.journal_path)) from None
            for op in ops:
                journal.apply_op(data, op, self.touched)
            self._journal_lines += 1
            offset += len(line) + 1
        self._journal_offset = offset

    def unreadable(self, reason: str, path: Path | None = None) -> str:
        """One line: which file cannot be read, why, that it was kept, and its newest backup."""
        newest = self.newest_backup()
        hint = (_("the newest backup is {path}").format(path=newest) if newest
                else _("there is no backup of it"))
        return _("{path} cannot be read ({reason}); it was left as it is; {hint}").format(
            path=path or self.path, reason=reason, hint=hint)

    # ------------------------------------------------------------------ writing

    @contextlib.contextmanager
    def transaction(self, author: str = "") -> Iterator[Transaction]:
        """Lock, re-read, edit, then make the edit durable before returning.

        The edit's history entry (`history.record`) goes into the same journal line.
        """
        with self.locked(writing=True):
            data = self.read()
            if self.validate is not None:
                self.validate(data)
            tx = Transaction(self, author)
            try:
                yield tx
                history.record(tx, data)
            except BaseException:
                self._forget()
                raise
            try:
                self._commit(tx)
            except OSError as error:
                self._forget()
                raise self._not_saved(error, N_("the last change was not stored")) from None

    def create(self, data: Data) -> None:
        """Write a new session file; refuses when one exists; leaves nothing on failure."""
        with self.locked(writing=True):
            if self.path.exists():
                raise StoreError(_("{path}: a session with this id exists").format(path=self.path))
            self.data = data
            self.touched = None
            try:
                with self._saving(N_("nothing was stored")):
                    self._snapshot(generation=0)
                    if not self._journal_valid:
                        raise OSError(errno.ENOSPC, _("the journal could not be started"))
            except StoreError:
                for path in (self.path, self.journal_path):
                    with contextlib.suppress(OSError):
                        path.unlink()
                raise

    def overwrite(self, data: Data) -> Path | None:
        """Replace the session whole (import --replace), all or nothing, keeping a backup.

        The new snapshot's generation is above any the files name, and it supersedes the
        journal on disk: a kill at any instant leaves the old session or the new one. A
        session that cannot be read is first copied aside whole; returns where, then.
        """
        with self.locked(writing=True), self._saving(N_("the session was left as it was")):
            kept = self._keep_what_is_there()
            generation = max(self._generations_on_disk(), default=int(time.time()))
            self.data = data
            self.touched = None
            self._snapshot(generation=generation)
            return kept

    def delete(self) -> Path | None:
        """Remove the session files, keeping a last backup so a deletion can be undone.

        A session that cannot be read is copied aside whole first; returns where, then.
        """
        with self.locked(writing=True), self._saving(N_("nothing was deleted")):
            kept = self._keep_what_is_there()
            for path in (self.path, self.journal_path):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            sync_folder(self.path.parent)
            self._forget()
            return kept

    def rewrite(self, change: Callable[[Data], None]) -> None:
        """Change the stored documents in place, then compact them into a fresh snapshot and
        an empty journal, so that no earlier value survives in the session's own files.

        For an erasure: an ordinary edit would only append, and the journal would keep the
        old values. A change that leaves the session undecodable writes nothing.
        """
        with self.locked(writing=True), self._saving(N_("the session was left as it was")):
            data = self.read()
            if self.validate is not None:
                self.validate(data)
            try:
                change(data)
                self.touched = None
                self.revision += 1
                if self.validate is not None:
                    self.validate(data)
            except BaseException:
                self._forget()
                raise
            self._snapshot()
            if not self._journal_valid:
                raise OSError(errno.EIO, _("the journal could not be reset"))

    def _keep_what_is_there(self) -> Path | None:
        """Before a replace or a delete: a backup of the session, or a copy of its damaged
        files (returned, so the user can be told where they are)."""
        if not self.path.exists():
            return None
        try:
            data = self.read()
            if self.validate is not None:
                self.validate(data)
        except StoreError:
            return self.keep_damaged()
        self._snapshot()
        self._backup(force=True)
        return None

    @contextlib.contextmanager
    def _saving(self, outcome: str) -> Iterator[None]:
        """Turn a failed write into one line saying what was left (`outcome`: an `N_` text)."""
        try:
            yield
        except OSError as error:
            self._forget()
            raise self._not_saved(error, outcome) from None

    def _not_saved(self, error: OSError, outcome: str) -> StoreError:
        """`<path>: could not save (<reason>); <outcome>`, translated now (`outcome`: `N_`)."""
        return StoreError(_("{path}: could not save ({reason}); {outcome}").format(
            path=self.path, reason=os_reason(error), outcome=_(outcome)))

    def _forget(self) -> None:
        """Drop the state in memory: it may be half-edited; the next read re-reads the files."""
        self.data = None
        self._seen = (None, None)
        self.touched = None
        self._journal_valid = False

    def _commit(self, tx: Transaction) -> None:
        if not tx.ops:
            return
        big_journal = self._journal_offset > max(
            256 * 1024, COMPACT_JOURNAL_SHARE * (self._seen[0] or (0, 0, 0))[2])
        if not self._journal_valid and not self._needs_snapshot:
            # No journal, or one the snapshot supersedes: the state in memory is the
            # snapshot's, so a fresh journal of its generation carries the edit.
            assert self.data is not None
            self._reset_journal(self.data["meta"]["store"]["generation"])
        if self._needs_snapshot or not self._journal_valid:
            self._snapshot()
        elif self._journal_lines >= COMPACT_AFTER_LINES or big_journal:
            try:
                self._snapshot()
            except _NothingWritten:
                self._append(tx.ops)  # a compaction that fails (disk full) never blocks an edit
        else:
            self._append(tx.ops)
        self.revision += 1

    def _append(self, ops: list[journal.Op]) -> None:
        line = orjson.dumps(ops) + b"\n"
        with open(self.journal_path, "r+b") as f:
            try:
                f.seek(self._journal_offset)
                f.truncate()
                f.write(line)
                f.flush()
                os.fsync(f.fileno())
            except OSError:
                with contextlib.suppress(OSError):
                    f.truncate(self._journal_offset)  # never leave an unacknowledged edit
                raise
        self._journal_offset += len(line)
        self._journal_lines += 1
        self._seen = self.signature()

    def _generations_on_disk(self) -> list[int]:
        """Every generation the files name, read leniently (they may be damaged)."""
        found = [self._journal_generation_on_disk()]
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            value = orjson.loads(self.path.read_bytes())["meta"]["store"]["generation"]
            if isinstance(value, int) and not isinstance(value, bool):
                found.append(value)
        return [g for g in found if g != NO_HEADER]

    def _journal_generation_on_disk(self) -> int:
        if self._journal_valid and self._journal_header is not None:
            return self._journal_header
        try:
            with open(self.journal_path, "rb") as f:
                return _header_of(f.readline())
        except OSError:
            return NO_HEADER

    def _snapshot(self, generation: int | None = None) -> None:
        """Write the state in memory as the new snapshot, then start an empty journal.

        Raises `_NothingWritten` (an OSError) when the snapshot could not be written: the
        files are as they were. Once the snapshot is renamed into place the edit is
        durable; a failure to reset the journal after that is repaired by the next write.
        """
        assert self.data is not None
        meta = self.data.setdefault("meta", {})
        store = meta.get("store") or {}
        current = store.get("generation", 0) if generation is None else generation
        journal_stat = _stat(self.journal_path)
        new_generation = current + 1
        record: dict[str, Any] = {"schema": SCHEMA_VERSION, "generation": new_generation}
        if journal_stat is not None:
            named = self._journal_generation_on_disk()
            new_generation = record["generation"] = max(current, named) + 1
            record["supersedes"] = {"generation": named, "bytes": journal_stat[2]}
        meta["store"] = record
        try:
            if self._needs_snapshot:
                self._backup(force=True)
            write_atomically(self.path, orjson.dumps(self.data))
        except OSError as error:
            meta["store"] = store
            raise _NothingWritten(error.errno, error.strerror) from error
        self._journal_valid = False
        self._needs_snapshot = False
        self._seen = self.signature()
        self._reset_journal(new_generation)
        with contextlib.suppress(OSError):
            self._backup(force=False)

    def _reset_journal(self, generation: int) -> None:
        line = orjson.dumps(journal.header(generation)) + b"\n"
        try:
            write_atomically(self.journal_path, line)
        except OSError:
            return  # the snapshot holds everything; the next write retries the reset
        self._journal_header = generation
        self._journal_offset = len(line)
        self._journal_lines = 0
        self._journal_valid = True
        self._seen = self.signature()

    # ------------------------------------------------------------------ backups

    def _backup_dir(self) -> Path:
        return self.backups / self.path.stem

    def backup_files(self) -> list[Path]:
        """This session's backups, oldest first."""
        folder = self._backup_dir()
        if not folder.is_dir():
            return []
        return sorted(folder.glob("*.json"))

    def damaged_copies(self) -> list[Path]:
        """Copies of this session's files taken when they could not be read, oldest first."""
        folder = self._backup_dir() / "damaged"
        return sorted(folder.iterdir()) if folder.is_dir() else []

    def newest_backup(self) -> Path | None:
        files = self.backup_files()
        return files[-1] if files else None

    def keep_damaged(self) -> Path:
        """Copy the session's files, as they are, aside before anything replaces them."""
        folder = self._backup_dir() / "damaged"
        private_folder(folder)
        stamp = _stamp()
        for source in (self.path, self.journal_path):
            if source.exists():
                target = folder / f"{stamp}{source.suffix}"
                shutil.copyfile(source, target)
                os.chmod(target, PRIVATE_FILE)
        sync_folder(folder)
        return folder / f"{stamp}.json"

    def _backup(self, *, force: bool) -> None:
        """Link the current snapshot into the backups (cheap: snapshots are never modified)."""
        if not self.path.exists():
            return
        files = self.backup_files()
        if files and not force and time.time() - _backup_time(files[-1]) < BACKUP_EVERY_S:
            return
        folder = self._backup_dir()
        private_folder(folder)
        target = folder / f"{_stamp()}.json"
        try:
            os.link(self.path, target)
        except OSError:
            write_atomically(target, self.path.read_bytes())
        for old in self.backup_files()[:-BACKUPS_KEPT]:
            with contextlib.suppress(OSError):
                old.unlink()


class _NothingWritten(OSError):
    """A snapshot could not be written; the files on disk are exactly as they were."""

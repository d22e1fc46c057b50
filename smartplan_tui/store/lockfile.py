"""The lock every reader and writer of a data home's sessions takes: the folder itself.

Why the folder and not a `<id>.lock` file: file-sync tools and cleaners delete stray files.
A writer that is inside its read-modify-write keeps its lock on a file that is gone while the
next writer creates and locks a new one, and both write at once (measured: 5 of 3,621 adds
lost in 15 s with a cleaner deleting the lock file). Nobody deletes the `sessions` folder
while it holds the sessions, so on POSIX the folder is opened and `flock`ed. One lock covers
every session of the home: a read-modify-write takes well under a millisecond, so writers of
different sessions hardly ever wait for each other.

Windows cannot lock a folder; there the lock is `sessions/.lock`, locked with
`msvcrt.locking`. Windows refuses to delete a file another process holds open, so a
cleaner cannot remove it while a writer is inside its read-modify-write.

The lock goes with the open file, so a process that dies (even by kill -9) releases it.
Within one process, threads share one lock per folder (a re-entrant lock in front of the
operating system's), so a thread may hold two sessions of one home at once.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _open(folder: Path) -> int:
        return os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _open(folder: Path) -> int:
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FolderLock:
    """An exclusive, re-entrant lock on one folder, shared by the threads of a process.

    Get it with `folder_lock(path)`; `acquire` raises `LockTimeout` after `timeout` seconds
    and `OSError` when the folder cannot be opened (it does not exist, or no permission).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    def acquire(self, timeout: float, *, required: bool = True) -> None:
        """Take the lock; with `required=False` a folder that cannot be opened (a read-only
        copy without permission, or no folder yet) is only locked among this process's threads.
        """
        deadline = time.monotonic() + timeout
        if not self._thread_lock.acquire(timeout=timeout):
            raise LockTimeout(str(self.folder))
        try:
            if self._depth == 0:
                try:
                    self._lock_folder(deadline)
                except OSError:
                    if required:
                        raise
            self._depth += 1
        except BaseException:
            self._thread_lock.release()
            raise

    def _lock_folder(self, deadline: float) -> None:
        fd = _open(self.folder)
        pause = 0.0005
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                os.close(fd)
                raise LockTimeout(str(self.folder))
            time.sleep(pause)
            pause = min(pause * 2, 0.02)
        self._fd = fd

    def release(self) -> None:
        self._depth -= 1
        try:
            if self._depth == 0:
                fd, self._fd = self._fd, None
                if fd is not None:
                    try:
                        _unlock(fd)
                    finally:
                        os.close(fd)
        finally:
            self._thread_lock.release()


_LOCKS: dict[str, FolderLock] = {}
_LOCKS_GUARD = threading.Lock()


def folder_lock(folder: Path) -> FolderLock:
    """The one lock of this process on `folder` (every `SessionFile` of a home shares it)."""
    key = os.path.abspath(folder)
    with _LOCKS_GUARD:
        lock = _LOCKS.get(key)
        if lock is None:
            lock = _LOCKS[key] = FolderLock(Path(key))
        return lock

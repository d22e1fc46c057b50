"""An exclusive lock on a separate `.lock` file, shared by every process that opens a session.

Our own small lock rather than a dependency: it is taken around every read and write, so it
must be cheap (one `open` and one `flock`), and start-up should not pay for an asyncio-aware
locking library. POSIX uses `flock`, Windows `msvcrt.locking` on the first byte. The lock
goes with the file descriptor, so a process that dies (even by kill -9) releases it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """Not re-entrant and not thread-safe by itself: `SessionFile` wraps it in an RLock."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        pause = 0.0005
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                os.close(fd)
                raise LockTimeout(str(self.path))
            time.sleep(pause)
            pause = min(pause * 2, 0.02)
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)

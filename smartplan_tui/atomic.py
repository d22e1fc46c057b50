"""Write a file all at once or not at all: the one way SmartPlan replaces a file.

The content goes to a temp file in the target's folder (so `os.replace` never crosses file
systems), is fsynced, then renamed over the target, and the folder is fsynced so the rename
survives a power cut. Any failure, including one in the middle of building the content,
removes the temp file: nobody finds a half-written session or report. Used by the store
(snapshots, settings) and by the exports (reports), which wrap its `OSError`s in their own.

A temp file's name carries the writer's process id (`.report.docx.4711.k2j4.tmp`). A writer
killed between creating it and the rename leaves it behind; the next writer of the same
target removes the ones whose process is gone, so a kill never leaves litter for good.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["remove_stale_temp_files", "replace_atomically", "sync_folder"]


def replace_atomically(path: str | os.PathLike[str], write: Callable[[BinaryIO], object],
                       *, mode: int | None = None) -> Path:
    """Call `write` with a binary file, then put that file at `path`; return the final path.

    `mode` gives the file exactly those permissions (the store's private 0600); without it
    the file gets what the umask gives any new file (an export goes where the user asks).
    Raises `OSError` (missing folder, no permission, disk full) after cleaning up; other
    exceptions from `write` pass through, also after cleaning up.
    """
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temp_files(folder, target.name)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                     dir=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, (0o666 & ~_UMASK) if mode is None else mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    sync_folder(folder)
    return target


def remove_stale_temp_files(folder: Path, name: str) -> None:
    """Remove temp files for `name` in `folder` left by writers that no longer run."""
    prefix = f".{name}."
    try:
        entries = [e.name for e in os.scandir(folder)
                   if e.name.startswith(prefix) and e.name.endswith(".tmp")]
    except OSError:
        return
    for entry in entries:
        if _writer_is_gone(folder / entry, entry[len(prefix):]):
            with contextlib.suppress(OSError):
                os.unlink(folder / entry)


#: A temp file without a process id (an older SmartPlan's) is stale after this long.
_UNOWNED_STALE_S = 600.0


def _writer_is_gone(path: Path, rest: str) -> bool:
    pid_text = rest.split(".", 1)[0]
    if not pid_text.isdigit():
        try:
            return time.time() - path.stat().st_mtime > _UNOWNED_STALE_S
        except OSError:
            return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # another thread of ours may be writing it right now
    return not _process_runs(pid)


def _process_runs(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return True  # no cheap check there: leave the file rather than race a writer
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable; not all systems let a folder be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_umask() -> int:
    """The process umask, so a written file gets the permissions any new file would get.

    Read once at import: `os.umask` can only be read by setting it, which would race with
    other threads (the app saves and exports from worker threads).
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()

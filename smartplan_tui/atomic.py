"""Write a file all at once or not at all: the one way SmartPlan replaces a file.

The content goes to a temp file in the target's folder (so `os.replace` never crosses file
systems), is fsynced, then renamed over the target, and the folder is fsynced so the rename
survives a power cut. Any failure, including one in the middle of building the content,
removes the temp file: nobody finds a half-written session or report. Used by the store
(snapshots, settings) and by the exports (reports), which wrap its `OSError`s in their own.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["replace_atomically", "sync_folder"]


def replace_atomically(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> Path:
    """Call `write` with a binary file, then put that file at `path`; return the final path.

    Raises `OSError` (missing folder, no permission, disk full) after cleaning up; other
    exceptions from `write` pass through, also after cleaning up.
    """
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o666 & ~_UMASK)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    sync_folder(folder)
    return target


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

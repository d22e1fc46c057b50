"""Write a file all at once or not at all.

An export is built into a temp file in the target's folder (so `os.replace` never crosses file
systems), fsynced, then renamed over the target. Any failure, including one in the middle of
building the document, removes the temp file: the user never finds a half-written report.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from smartplan_tui.exports.errors import ExportError

__all__ = ["atomic_write"]


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Call `write` with a binary file, then put the file at `path`; return the final path.

    OS errors (missing folder, no permission, disk full) become an `ExportError` naming the
    file; other exceptions pass through after the temp file is removed.
    """
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ExportError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o666 & ~_UMASK)
        os.replace(temp_name, target)
    except BaseException as error:
        _remove(temp_name)
        if isinstance(error, OSError):
            raise ExportError(f"cannot write {target}: {error.strerror or error}") from None
        raise
    _sync_folder(folder)
    return target


def _read_umask() -> int:
    """The process umask, so a report gets the permissions any new file would get.

    Read once at import: `os.umask` can only be read by setting it, which would race with
    other threads (the app exports from a worker thread).
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _remove(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not all systems allow opening a folder."""
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

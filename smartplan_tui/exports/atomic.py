"""Exports are written all at once or not at all (`smartplan_tui.atomic`), with errors a
coordinator can read: a missing folder or a full disk becomes one `ExportError` line."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from smartplan_tui.atomic import replace_atomically
from smartplan_tui.exports.errors import ExportError
from smartplan_tui.i18n import N_

__all__ = ["atomic_write"]


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> Path:
    """Call `write` with a binary file, then put the file at `path`; return the final path.

    OS errors become an `ExportError` naming the file; other exceptions pass through after
    the temp file is removed.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(N_("cannot write {path}: it is a folder"), path=target)
    try:
        return replace_atomically(target, write)
    except OSError as error:
        raise ExportError(N_("cannot write {path}: {reason}"),
                          path=target, reason=error) from None

"""Why a file could not be read or written, in the interface language.

The operating system's own reason (`OSError.strerror`) comes from the C library in English
whatever SmartPlan speaks, so a Latvian planner whose disk is full would read "No space left
on device". The reasons a person can act on are named here by their errno and translated;
any other keeps the system's words, so no reason is ever lost. Any layer may use it.
"""

from __future__ import annotations

import errno
import os

from smartplan_tui.i18n import N_, _

__all__ = ["os_reason"]

#: The reasons a person meets and can do something about, by errno. The message ids are the
#: C library's own words (glibc's), so English reads as the system says it.
_REASONS: dict[int, str] = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EDQUOT: N_("Disk quota exceeded"),
    errno.EROFS: N_("Read-only file system"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EIO: N_("Input/output error"),
    errno.EADDRINUSE: N_("Address already in use"),
    errno.EADDRNOTAVAIL: N_("Cannot assign requested address"),
}


def os_reason(error: OSError) -> str:
    """The reason of `error` as a person reads it: translated when it is a common one the
    system worded, else the message the error carries (SmartPlan's own are translated)."""
    code = error.errno
    known = _REASONS.get(code) if code is not None else None
    if known is not None and code is not None and error.strerror in (None, os.strerror(code)):
        return _(known)
    return error.strerror or str(error)

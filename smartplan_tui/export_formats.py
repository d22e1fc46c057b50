"""Every format a session exports to: the one list the command line and the app both offer.

`smartplan export --format` takes these names (anything else is a usage error) and the app's
export dialog lists these labels, and both write through these writers. The Word, Markdown
and CSV formats are `exports.formats.DOCUMENTS`; the interchange JSON joins them here, since
it is the store's codec (`store.session_to_document`) and the exports package never imports
the store. This module may: it sits above both, beside the command line and the screens.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from smartplan_tui.exports.atomic import atomic_write
from smartplan_tui.exports.formats import DOCUMENTS, ExportFormat
from smartplan_tui.i18n import N_
from smartplan_tui.model import Session
from smartplan_tui.store import dumps, session_to_document

__all__ = ["FORMATS", "INTERCHANGE", "interchange_text", "write_interchange"]


def interchange_text(session: Session) -> str:
    """The session as interchange JSON (docs/format.md): what `smartplan import` reads."""
    return dumps(session_to_document(session))


def write_interchange(session: Session, path: str | os.PathLike[str]) -> Path:
    """The interchange JSON written to `path`, atomically like every export."""
    data = interchange_text(session).encode("utf-8")

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return atomic_write(path, write)


INTERCHANGE = ExportFormat("json", N_("SmartPlan JSON (.json)"), ".json", write_interchange,
                           takes_language=False)

#: Every export format by name, in the order `--help` and the export dialog list them (the
#: command line's default first).
FORMATS: dict[str, ExportFormat] = {f.name: f for f in (INTERCHANGE, *DOCUMENTS)}

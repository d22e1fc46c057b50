"""Writers for Word, Markdown and CSV: pure functions of model objects.

Each writer builds the whole file in memory or in a temp file beside the target and renames
it into place only when it is complete, so a failure leaves no file and no temp file behind;
problems the user can fix (a bad template, an unwritable folder) raise `ExportError` with a
one-line message. python-docx and Pillow are imported only when a Word file is written:
`import docx` alone costs ~130 ms, and the command line must start fast.

`progress(fraction, what)` is an optional callback for the app's progress bar; it is called
from the thread that runs the export. `formats` names each writer for the command line and
the app; `sections` is the report's one list of sections, walked by the Word and the
Markdown writer. Each writer below is the one place that chooses the language a document is
written in (`report_language`: `language`, i.e. `--lang`, else the session's).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from smartplan_tui.exports.content import Progress
from smartplan_tui.exports.errors import ExportError
from smartplan_tui.i18n import writing_in
from smartplan_tui.model import ProjectProfile, Session

if TYPE_CHECKING:
    from smartplan_tui.exports.handbook import HandbookOptions

__all__ = [
    "ExportError",
    "Progress",
    "report_language",
    "write_attendance",
    "write_csv_zip",
    "write_handbook",
    "write_handbook_pdf",
    "write_markdown",
    "write_pdf",
    "write_report",
]

PathLike = str | os.PathLike[str]


def report_language(sessions: Sequence[Session], language: str | None = None) -> str | None:
    """What a document is written in: `language` when given (`--lang`), else the language
    the sessions share, else None (the interface's). Every writer below goes through it."""
    if language:
        return language
    spoken = {session.info.language for session in sessions}
    return spoken.pop() if len(spoken) == 1 else None


def write_report(session: Session, path: PathLike, template: PathLike | None = None,
                 progress: Progress | None = None,
                 profile: ProjectProfile | None = None, language: str | None = None) -> Path:
    """The session report (.docx): every section, the action plan on landscape pages."""
    from smartplan_tui.exports.docx_report import write_report as write

    with writing_in(report_language([session], language)):
        return write(session, path, template, progress, profile)


def write_attendance(session: Session, path: PathLike, template: PathLike | None = None,
                     profile: ProjectProfile | None = None, language: str | None = None) -> Path:
    """The attendance list (.docx) with a signature column."""
    from smartplan_tui.exports.attendance import write_attendance as write

    with writing_in(report_language([session], language)):
        return write(session, path, template, profile)


def write_handbook(sessions: Sequence[Session], path: PathLike, template: PathLike | None = None,
                   progress: Progress | None = None,
                   profile: ProjectProfile | None = None,
                   options: HandbookOptions | None = None,
                   language: str | None = None) -> Path:
    """The Handbook for Cross-border Planning (.docx) synthesising several sessions."""
    from smartplan_tui.exports.handbook import write_handbook as write

    with writing_in(report_language(sessions, language)):
        return write(sessions, path, template, progress, profile, options)


def write_handbook_pdf(sessions: Sequence[Session], path: PathLike,
                       template: PathLike | None = None, progress: Progress | None = None,
                       profile: ProjectProfile | None = None,
                       options: HandbookOptions | None = None,
                       language: str | None = None) -> Path:
    """The handbook as PDF, converted by LibreOffice, its contents with page numbers."""
    from smartplan_tui.exports.pdf import write_handbook_pdf as write

    with writing_in(report_language(sessions, language)):
        return write(sessions, path, template, progress, profile, options)


def write_pdf(session: Session, path: PathLike, template: PathLike | None = None,
              progress: Progress | None = None,
              profile: ProjectProfile | None = None, language: str | None = None) -> Path:
    """The session report as PDF, converted by LibreOffice (an error says how to get it)."""
    from smartplan_tui.exports.pdf import write_pdf as write

    with writing_in(report_language([session], language)):
        return write(session, path, template, progress, profile)


def write_markdown(session: Session, path: PathLike, language: str | None = None) -> Path:
    """The session report as Markdown (GitHub-flavoured tables)."""
    from smartplan_tui.exports.markdown import write_markdown as write

    with writing_in(report_language([session], language)):
        return write(session, path)


def write_csv_zip(session: Session, path: PathLike, language: str | None = None) -> Path:
    """One CSV per table of the session, in a zip: the same whatever `language`, since
    scripts read its column names and values (`csv_zip.csv_tables`)."""
    from smartplan_tui.exports.csv_zip import write_csv_zip as write

    return write(session, path)

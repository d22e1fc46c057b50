"""What an export format is, and the formats this package writes: one entry per format.

The command line's `--format` and the app's export dialog both offer
`smartplan_tui.export_formats.FORMATS`: these entries plus the interchange JSON. The JSON
entry is added there, not here, because its writer is the store's codec
(`store.session_to_document`) and this package never imports the store: exports stay pure
functions of model objects. Importing this module loads no writer (python-docx is slow to
import); each writer is imported when a file is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from smartplan_tui import exports
from smartplan_tui.exports.content import Progress
from smartplan_tui.exports.errors import ExportError
from smartplan_tui.i18n import N_, _
from smartplan_tui.model import ProjectProfile, Session
from smartplan_tui.records import record

__all__ = ["ATTENDANCE", "CSV", "DOCUMENTS", "MARKDOWN", "PDF", "REPORT", "ExportFormat"]

PathLike = str | os.PathLike[str]


@record
class ExportFormat:
    """One export format: how it is named, offered and written."""

    name: str
    """What `--format` takes (`docx`)."""
    label_id: str
    """What the app's export dialog shows (`Word report (.docx)`), as a message id."""
    suffix: str
    """Added to the session id for the default file name (`coast-camp-report.docx`)."""
    writer: Callable[..., Path]
    """`writer(session, path)`, with `template=` and `progress=` when the flags below say so."""
    takes_template: bool = False
    """A Word format: an organisation's .docx or .dotx gives it its styles and header."""
    reports_progress: bool = False
    """Big enough to report progress to the app's bar as it is written."""
    takes_profile: bool = False
    """Prints the project profile (logos, programme, disclaimer) the store resolves."""
    takes_language: bool = True
    """Written in a language: the session's, or the one `write` is given (`--lang`)."""

    @property
    def label(self) -> str:
        """The label in the current language."""
        return _(self.label_id)

    def file_name(self, session_id: str) -> str:
        return f"{session_id}{self.suffix}"

    def write(self, session: Session, path: PathLike, *, template: PathLike | None = None,
              progress: Progress | None = None, profile: ProjectProfile | None = None,
              language: str | None = None) -> Path:
        """Write `session` to `path` (atomically: all or nothing) and return where it went.

        `language` (en, lv, lt) overrides the session's own for what the document says."""
        options: dict[str, object] = {}
        if self.takes_language:
            options["language"] = language
        if self.takes_profile:
            options["profile"] = profile
        if self.takes_template:
            options["template"] = template
        elif template is not None:
            raise ExportError(N_("a template is for the Word formats, not {format}"),
                              format=self.name)
        if self.reports_progress:
            options["progress"] = progress
        return self.writer(session, path, **options)


REPORT = ExportFormat("docx", N_("Word report (.docx)"), "-report.docx", exports.write_report,
                      takes_template=True, reports_progress=True, takes_profile=True)
ATTENDANCE = ExportFormat("attendance", N_("Attendance list (.docx)"), "-attendance.docx",
                          exports.write_attendance, takes_template=True, takes_profile=True)
PDF = ExportFormat("pdf", N_("PDF report (.pdf, through LibreOffice)"), "-report.pdf",
                   exports.write_pdf, takes_template=True, reports_progress=True,
                   takes_profile=True)
MARKDOWN = ExportFormat("md", N_("Markdown report (.md)"), ".md", exports.write_markdown)
CSV = ExportFormat("csv", N_("CSV tables (.zip)"), "-tables.zip", exports.write_csv_zip)

#: The formats written from the model alone, in the order the export dialog lists them
#: (after the interchange JSON).
DOCUMENTS: tuple[ExportFormat, ...] = (REPORT, ATTENDANCE, PDF, MARKDOWN, CSV)

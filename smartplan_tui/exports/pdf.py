"""The session report as PDF: the Word report, converted by LibreOffice.

SmartPlan draws no PDF of its own: the Word report is the one layout, and LibreOffice
(`soffice --headless --convert-to pdf`) prints it as Word would. Each conversion runs with a
LibreOffice profile of its own in a temp folder, so it works beside an open LibreOffice
and beside other conversions. Without LibreOffice, the error says in one line how to
install it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from smartplan_tui.exports.atomic import atomic_write
from smartplan_tui.exports.content import Progress
from smartplan_tui.exports.errors import ExportError
from smartplan_tui.model import ProjectProfile, Session

__all__ = ["INSTALL_HINT", "convert_to_pdf", "find_soffice", "write_pdf"]

INSTALL_HINT = ("PDF needs LibreOffice: install it (Debian/Ubuntu: apt-get install "
                "libreoffice-writer-nogui; macOS: brew install --cask libreoffice; Windows: "
                "https://www.libreoffice.org/download)")
_MAC_APP = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
#: A big report takes LibreOffice a few seconds; a hung one is stopped after this.
TIMEOUT_SECONDS = 300


def find_soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and sys.platform == "darwin" and _MAC_APP.is_file():
        found = str(_MAC_APP)
    return found


def convert_to_pdf(docx: Path, folder: Path) -> Path:
    """`docx` converted to `folder/<stem>.pdf` by LibreOffice; its error as an ExportError."""
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    own_profile = Path(tempfile.mkdtemp(prefix="smartplan-lo-", dir=folder))
    command = [soffice, f"-env:UserInstallation={own_profile.as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(folder), str(docx)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                              check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ExportError(f"LibreOffice took longer than {TIMEOUT_SECONDS} s to convert "
                          f"{docx.name}") from None
    except OSError as error:
        raise ExportError(f"LibreOffice ({soffice}) could not be run: "
                          f"{error.strerror or error}") from None
    pdf = folder / f"{docx.stem}.pdf"
    if done.returncode != 0 or not pdf.is_file():
        said = " ".join((done.stderr or done.stdout or "").split())[:200]
        raise ExportError(f"LibreOffice could not convert {docx.name} to PDF"
                          + (f" ({said})" if said else ""))
    return pdf


def write_pdf(session: Session, path: str | os.PathLike[str],
              template: str | os.PathLike[str] | None = None,
              progress: Progress | None = None,
              profile: ProjectProfile | None = None) -> Path:
    """The session report as PDF at `path` (atomically) through LibreOffice."""
    from smartplan_tui.exports.docx_report import write_report

    if find_soffice() is None:  # before minutes of work are thrown away
        raise ExportError(INSTALL_HINT)

    def report_progress(fraction: float, what: str) -> None:
        if progress is not None:
            progress(fraction * 0.5, what)

    with tempfile.TemporaryDirectory(prefix="smartplan-pdf-") as temp:
        folder = Path(temp)
        docx = write_report(session, folder / f"{session.id}-report.docx", template,
                            report_progress, profile)
        if progress is not None:
            progress(0.5, "converting to PDF")
        pdf = convert_to_pdf(docx, folder)
        data = pdf.read_bytes()

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    saved = atomic_write(path, write)
    if progress is not None:
        progress(1.0, "saved")
    return saved

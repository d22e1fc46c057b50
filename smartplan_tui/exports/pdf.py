"""The session report and the handbook as PDF: the Word files, converted by LibreOffice.

SmartPlan draws no PDF of its own: the Word report is the one layout, and LibreOffice
(`soffice --headless --convert-to pdf`) prints it as Word would. Each conversion runs with a
LibreOffice profile of its own in a temp folder, so it works beside an open LibreOffice
and beside other conversions. Without LibreOffice, the error says in one line how to
install it.

A headless `--convert-to pdf` prints a table of contents without page numbers (it prints the
TOC field's cached result, and page numbers are known only once the pages are laid out). So
where a Python with LibreOffice's `uno` module is found (Debian: `python3-uno`), the
document goes through `uno_print` instead, which updates its indexes before printing; where
none is, or that fails, the plain conversion is the fallback, without a word of warning.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from smartplan_tui.exports.atomic import atomic_write
from smartplan_tui.exports.content import Progress
from smartplan_tui.exports.errors import ExportError, to_the_user
from smartplan_tui.i18n import N_
from smartplan_tui.model import ProjectProfile, Session

if TYPE_CHECKING:
    from smartplan_tui.exports.handbook import HandbookOptions

__all__ = ["INSTALL_HINT", "convert_to_pdf", "find_soffice", "find_uno_python",
           "write_handbook_pdf", "write_pdf"]

#: The error without LibreOffice (`N_`: `ExportError` translates it when raised).
INSTALL_HINT = N_("PDF needs LibreOffice: install it (Debian/Ubuntu: apt-get install "
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


@functools.cache
def find_uno_python(soffice: str) -> str | None:
    """A Python that can `import uno` to drive this LibreOffice, or None: this one, the one
    LibreOffice brings (macOS, Windows), else the system's (Debian's `python3-uno`)."""
    if importlib.util.find_spec("uno") is not None:
        return sys.executable
    program = Path(os.path.realpath(soffice)).parent
    bundled = [program / "python.exe", program / "python",  # Windows, some Linux builds
               program.parent / "Resources" / "python"]  # macOS: Contents/Resources
    system = [Path(found) for found in (shutil.which("python3"), "/usr/bin/python3") if found]
    for candidate in dict.fromkeys([*bundled, *system]):
        if not candidate.is_file():
            continue
        try:
            probe = subprocess.run([str(candidate), "-c", "import uno"], capture_output=True,
                                   timeout=30, check=False, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return str(candidate)
    return None


def _has_contents(docx: Path) -> bool:
    """Whether the document holds a table of contents (a `TOC` field, `docx_toc`)."""
    from smartplan_tui.exports.docx_toc import TOC_INSTRUCTION

    try:
        with zipfile.ZipFile(docx) as package:
            body = package.read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return f" {TOC_INSTRUCTION.split()[0]} ".encode() in body


def _print_with_indexes(soffice: str, docx: Path, pdf: Path, folder: Path) -> bool:
    """`docx` printed to `pdf` with its table of contents' page numbers (`uno_print`);
    False when no Python with `uno` is found or the attempt fails."""
    if not _has_contents(docx):
        return False  # nothing to update: the plain conversion is quicker
    python = find_uno_python(soffice)
    if python is None:
        return False
    own_profile = Path(tempfile.mkdtemp(prefix="smartplan-lo-", dir=folder))
    script = Path(__file__).with_name("uno_print.py")
    try:  # the script stops its LibreOffice after TIMEOUT_SECONDS; this waits a bit longer
        done = subprocess.run([python, str(script), soffice, own_profile.as_uri(), str(docx),
                               str(pdf), str(TIMEOUT_SECONDS)], capture_output=True, text=True,
                              timeout=TIMEOUT_SECONDS + 30, check=False,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and pdf.is_file()


def convert_to_pdf(docx: Path, folder: Path) -> Path:
    """`docx` converted to `folder/<stem>.pdf` by LibreOffice, its table of contents with
    page numbers where `uno` can be used; LibreOffice's error as an ExportError."""
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    pdf = folder / f"{docx.stem}.pdf"
    if _print_with_indexes(soffice, docx, pdf, folder):
        return pdf
    own_profile = Path(tempfile.mkdtemp(prefix="smartplan-lo-", dir=folder))
    command = [soffice, f"-env:UserInstallation={own_profile.as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(folder), str(docx)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                              check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ExportError(N_("LibreOffice took longer than {seconds} s to convert {file}"),
                          seconds=TIMEOUT_SECONDS, file=docx.name) from None
    except OSError as error:
        raise ExportError(N_("LibreOffice ({program}) could not be run: {reason}"),
                          program=soffice, reason=error) from None
    if done.returncode != 0 or not pdf.is_file():
        said = " ".join((done.stderr or done.stdout or "").split())[:200]
        if said:
            raise ExportError(N_("LibreOffice could not convert {file} to PDF ({reason})"),
                              file=docx.name, reason=said)
        raise ExportError(N_("LibreOffice could not convert {file} to PDF"), file=docx.name)
    return pdf


def write_pdf(session: Session, path: str | os.PathLike[str],
              template: str | os.PathLike[str] | None = None,
              progress: Progress | None = None,
              profile: ProjectProfile | None = None) -> Path:
    """The session report as PDF at `path` (atomically) through LibreOffice."""
    from smartplan_tui.exports.docx_report import write_report

    def write_docx(docx: Path, docx_progress: Progress) -> Path:
        return write_report(session, docx, template, docx_progress, profile)

    return _docx_as_pdf(write_docx, f"{session.id}-report.docx", path, progress)


def write_handbook_pdf(sessions: Sequence[Session], path: str | os.PathLike[str],
                       template: str | os.PathLike[str] | None = None,
                       progress: Progress | None = None,
                       profile: ProjectProfile | None = None,
                       options: HandbookOptions | None = None) -> Path:
    """The handbook as PDF at `path` (atomically), its contents with page numbers where
    `uno` can be used (`convert_to_pdf`)."""
    from smartplan_tui.exports.handbook import write_handbook

    def write_docx(docx: Path, docx_progress: Progress) -> Path:
        return write_handbook(sessions, docx, template, docx_progress, profile, options)

    return _docx_as_pdf(write_docx, "handbook.docx", path, progress)


def _docx_as_pdf(write_docx: Callable[[Path, Progress], Path], name: str,
                 path: str | os.PathLike[str], progress: Progress | None) -> Path:
    """What `write_docx` writes (as `name`, in a temp folder), printed to `path` as PDF;
    the first half of `progress` is the Word file's, the second LibreOffice's."""
    if find_soffice() is None:  # before minutes of work are thrown away
        raise ExportError(INSTALL_HINT)

    def docx_progress(fraction: float, what: str) -> None:
        if progress is not None:
            progress(fraction * 0.5, what)

    with tempfile.TemporaryDirectory(prefix="smartplan-pdf-") as temp:
        folder = Path(temp)
        docx = write_docx(folder / name, docx_progress)
        if progress is not None:
            progress(0.5, to_the_user(N_("converting to PDF")))
        pdf = convert_to_pdf(docx, folder)
        data = pdf.read_bytes()

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    saved = atomic_write(path, write)
    if progress is not None:
        progress(1.0, to_the_user(N_("saved")))
    return saved

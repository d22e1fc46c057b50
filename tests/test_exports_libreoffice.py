"""The demo's report and attendance list as LibreOffice prints them: no word of a name, an
organisation or a column heading is broken across lines, and PDF export works end to end."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from docx_readback import open_docx
from typer.testing import CliRunner

from smartplan_tui.cli import app
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.exports import ExportError, content, write_attendance, write_pdf, write_report
from smartplan_tui.exports import pdf as pdf_module
from smartplan_tui.store import SessionStore

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice (soffice) and poppler (pdftotext): apt-get install "
           "libreoffice-writer-nogui poppler-utils")

WORD = re.compile(r"[\w€’'-]+")


def _pdf_words(pdf: Path) -> Counter[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return Counter(WORD.findall(text))


def _table_words(docx: Path) -> Counter[str]:
    """The words of every table cell of the document (headings and names included)."""
    document = open_docx(docx)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return Counter(word for text in dict.fromkeys(cells) for word in WORD.findall(text))


def _convert(docx: Path) -> Path:
    return pdf_module.convert_to_pdf(docx, docx.parent)


@pytest.mark.parametrize("write", [write_report, write_attendance])
def test_no_word_of_the_demo_is_broken_across_lines(demo_store: SessionStore, tmp_path: Path,
                                                     write: object) -> None:
    session = demo_store.load(DEMO_ID)
    docx = write(session, tmp_path / f"{DEMO_ID}.docx")  # type: ignore[operator]
    printed = _pdf_words(_convert(docx))
    wanted = {w for p in session.participants for w in WORD.findall(f"{p.name} {p.organisation}")}
    wanted |= {w for h in (*content.ACTION_HEADERS, *content.PARTICIPANT_HEADERS)
               for w in WORD.findall(h)}
    in_tables = _table_words(docx)
    broken = sorted(w for w in wanted if in_tables[w] and printed[w] < in_tables[w])
    assert broken == [], f"broken across lines in the PDF: {broken}"


def test_pdf_export_from_the_command_line(demo_store: SessionStore, tmp_path: Path) -> None:
    target = tmp_path / "demo.pdf"
    result = CliRunner().invoke(app, ["--home", str(demo_store.home), "export", DEMO_ID,
                                      "--format", "pdf", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
    words = _pdf_words(target)
    assert words["Summary"] and words["Agenda"] and words["Next"]


def test_without_libreoffice_pdf_says_how_to_install_it(
        demo_store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    target = tmp_path / "demo.pdf"
    with pytest.raises(ExportError, match="apt-get install libreoffice-writer-nogui"):
        write_pdf(demo_store.load(DEMO_ID), target)
    assert not target.exists()
    result = CliRunner().invoke(app, ["--home", str(demo_store.home), "export", DEMO_ID,
                                      "--format", "pdf", "-o", str(target)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "PDF needs LibreOffice: install it" in result.stderr


def test_the_rich_report_prints_every_table_word_whole(tmp_path: Path) -> None:
    from session_factory import rich_session

    docx = write_report(rich_session(), tmp_path / "rich.docx")
    printed = _pdf_words(_convert(docx))
    in_tables = _table_words(docx)
    common = {w for w in in_tables if w.isalpha() and 3 <= len(w) <= 14}
    broken = sorted(w for w in common if printed[w] < in_tables[w])
    assert broken == [], f"broken across lines in the PDF: {broken}"


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")
def test_the_blank_rows_fill_the_page_without_spilling_over(tmp_path: Path) -> None:
    from session_factory import rich_session

    from smartplan_tui.model import Session, SessionInfo

    bare = write_attendance(Session(SessionInfo("bare", "Bare")), tmp_path / "bare.docx")
    assert _pages(_convert(bare)) == 1
    rows = len(open_docx(bare).tables[0].rows)
    assert rows >= 13
    rich = write_attendance(rich_session(), tmp_path / "rich.docx")
    assert _pages(_convert(rich)) == 1
    assert len(open_docx(rich).tables[0].rows) >= 4 + 5 + 1

"""PDFs from LibreOffice as finished as Word's: the handbook's contents with the pages its
headings are on, dates never split across lines, and a vote's headings on the page of its
chart. Each check reads the PDF page by page with poppler (`pdftotext`, `pdfimages`)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx_readback import open_docx
from handbook_sessions import three_sessions
from session_factory import rich_session
from typer.testing import CliRunner

from smartplan_tui.cli import app
from smartplan_tui.exports import pdf as pdf_module
from smartplan_tui.exports import write_handbook, write_report
from smartplan_tui.model import Quadrant, Session, SwotItem
from smartplan_tui.store import SessionStore

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None
    or shutil.which("pdfimages") is None,
    reason="needs LibreOffice (soffice) and poppler (pdftotext, pdfimages): apt-get install "
           "libreoffice-writer-nogui poppler-utils")

needs_uno = pytest.mark.skipif(
    shutil.which("soffice") is None
    or pdf_module.find_uno_python(shutil.which("soffice") or "") is None,
    reason="needs a Python with LibreOffice's uno module: apt-get install python3-uno")

CONTENTS_LINE = re.compile(r"^\s*(?P<text>\S.*?)\s*\.{3,}\s*(?P<page>\d+)\s*$")


def _pages(pdf: Path) -> list[list[str]]:
    """The PDF's pages, each as its non-blank lines (`pdftotext -layout`)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()]
            for page in text.split("\f")]


def _image_pages(pdf: Path) -> list[int]:
    """The page (0-based) of each picture of the PDF, in order."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    return [int(line.split()[0]) - 1 for line in listing if line.strip()]


def _handbook_pdf(folder: Path) -> tuple[Path, list[Session]]:
    sessions = three_sessions()
    docx = write_handbook(sessions, folder / "handbook.docx")
    return pdf_module.convert_to_pdf(docx, folder), sessions


@needs_uno
def test_the_handbook_contents_gives_each_heading_the_page_it_is_on(tmp_path: Path) -> None:
    pdf, sessions = _handbook_pdf(tmp_path)
    pages = _pages(pdf)
    first = next(index for index, page in enumerate(pages) if "Contents" in page)
    listed = {found["text"]: int(found["page"]) for line in pages[first]
              if (found := CONTENTS_LINE.match(line))}
    wanted = [s.info.title for s in sessions] + ["SWOT by theme", "Action plan", "Open issues"]
    for heading in wanted:
        assert heading in listed, f"{heading!r} not in the contents: {pages[first]}"
        on = next(index for index, page in enumerate(pages) if index > first and heading in page)
        assert listed[heading] == on + 1, (heading, listed[heading], on + 1)


@pytest.mark.parametrize("uno_python", [None, sys.executable], ids=["none", "without-uno"])
def test_without_uno_the_plain_conversion_prints_the_contents_quietly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, uno_python: str | None) -> None:
    # no Python with uno, or one that cannot import it (SmartPlan's own, here): the
    # plain conversion is the fallback and says nothing
    if uno_python is not None and importlib.util.find_spec("uno") is not None:
        pytest.skip("this Python has uno")
    monkeypatch.setattr(pdf_module, "find_uno_python", lambda soffice: uno_python)
    pdf, sessions = _handbook_pdf(tmp_path)
    contents = next(page for page in _pages(pdf) if "Contents" in page)
    for session in sessions:
        assert session.info.title in contents
    assert not [line for line in contents if CONTENTS_LINE.match(line)]


def test_dates_in_tables_never_break_at_a_hyphen(tmp_path: Path) -> None:
    pdf, sessions = _handbook_pdf(tmp_path)
    document = open_docx(tmp_path / "handbook.docx")
    cells = [cell.text for table in document.tables for row in table.rows
             for cell in row.cells]
    dues = {a.due.isoformat() for s in sessions for a in s.actions if a.due is not None}
    assert {"2027-04-01", "2027-05-01", "2027-01-01"} <= dues
    for due in dues:  # read back as a plain ISO date, written with non-breaking hyphens
        assert any(due in text for text in cells), due
    lines = [line for page in _pages(pdf) for line in page]
    # laid out as on the page: a cut date ends its cell ("by 2027-04-", then "01" below)
    split = [line for line in lines if re.search(r"\b\d{4}-(\d{2}-)?(\s|$)", line)]
    assert split == [], f"dates split across lines: {split}"
    printed = " ".join(lines)
    assert all(due in printed for due in dues)
    assert document.element.body.find(f".//{qn('w:noBreakHyphen')}") is not None


def _padded(strengths: int) -> Session:
    """The rich session with `strengths` more SWOT strengths, so its first vote falls at
    the foot of a page."""
    base = rich_session()
    extra = tuple(SwotItem(f"x{i}", Quadrant.STRENGTHS, f"Padding strength number {i}")
                  for i in range(strengths))
    return replace(base, swot=base.swot + extra)


@pytest.mark.parametrize("strengths", [22, 28])
def test_a_votes_headings_stay_on_the_page_of_its_chart(tmp_path: Path,
                                                         strengths: int) -> None:
    session = _padded(strengths)
    docx = write_report(session, tmp_path / "report.docx")
    pdf = pdf_module.convert_to_pdf(docx, tmp_path)
    pages = _pages(pdf)
    images = _image_pages(pdf)
    assert len(images) == len(session.votes)
    for number, (vote, image) in enumerate(zip(session.votes, images, strict=True), 1):
        heading = next(i for i, page in enumerate(pages) if vote.question in page)
        caption = next(i for i, page in enumerate(pages)
                       if any(line.startswith(f"Figure {number}:") for line in page))
        assert heading == caption == image, (vote.question, heading, caption, image)
    results = next(i for i, page in enumerate(pages) if "Voting results" in page)
    assert pages[results][-2] != "Voting results"  # never the last line above the footer


def test_the_handbook_command_writes_a_pdf_for_a_pdf_output(demo_store: SessionStore,
                                                             tmp_path: Path) -> None:
    from smartplan_tui.demo import DEMO_ID

    target = tmp_path / "handbook.pdf"
    result = CliRunner().invoke(app, ["--home", str(demo_store.home), "handbook", DEMO_ID,
                                      "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
    contents = next(page for page in _pages(target) if "Contents" in page)
    assert "SWOT by theme" in " ".join(contents)
    if pdf_module.find_uno_python(shutil.which("soffice") or "") is not None:
        assert any(CONTENTS_LINE.match(line) for line in contents)
    wrong = CliRunner().invoke(app, ["--home", str(demo_store.home), "handbook", DEMO_ID,
                                     "-o", str(tmp_path / "h.docx"), "--format", "odt"])
    assert wrong.exit_code == 2 and "'odt' is not one of docx, pdf" in wrong.stderr
    assert not (tmp_path / "h.docx").exists()

"""Tables that read: columns as wide as their longest words, widths that fill the text width
of the section's page, rows kept whole on a page, and an agenda without repeated dates."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
from docx.shared import Cm
from lxml import etree
from session_factory import rich_session

from smartplan_tui.exports import content, write_attendance, write_report
from smartplan_tui.exports.column_widths import CELL_PADDING, fit_widths, text_twips
from smartplan_tui.model import AgendaItem, Session, SessionInfo

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HALF_POINTS = 18
#: What must never break: words, names, numbers and sums of money (not markup or URLs).
COMMON_WORD = re.compile(r"[\w€\u00a0.,:;'’()+→−-]{1,16}")


def _document(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _sections(root: etree._Element) -> list[tuple[int, list[etree._Element]]]:
    """(text width in twips, tables) of each section, in order."""
    out: list[tuple[int, list[etree._Element]]] = []
    tables: list[etree._Element] = []
    for child in root.find(f"{W}body"):
        if child.tag == f"{W}tbl":
            tables.append(child)
        sect = child if child.tag == f"{W}sectPr" else child.find(f"{W}pPr/{W}sectPr")
        if sect is not None:
            size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
            width = int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(
                margins.get(f"{W}right"))
            out.append((width, tables))
            tables = []
    return out


def _grid(table: etree._Element) -> list[int]:
    return [int(col.get(f"{W}w")) for col in table.iter(f"{W}gridCol")]


def _cell_texts(table: etree._Element) -> list[list[tuple[str, bool]]]:
    """Per column: (text, bold) of each cell of a row with one cell per grid column."""
    columns: list[list[tuple[str, bool]]] = [[] for _ in _grid(table)]
    for row in table.findall(f"{W}tr"):
        cells = row.findall(f"{W}tc")
        if len(cells) != len(columns):
            continue
        for index, tc in enumerate(cells):
            text = "\n".join("".join(p.itertext()) for p in tc.iter(f"{W}p"))
            columns[index].append((text, tc.find(f".//{W}b") is not None))
    return columns


def _is_swot_grid(table: etree._Element) -> bool:
    """The 2×2 SWOT grid: its quadrants may be longer than a page, so they may split."""
    return len(_grid(table)) == 2 and table.find(f"{W}tr/{W}tc/{W}p[2]") is not None


def _check_tables(path: Path) -> int:
    """Every table fills its section's text width; every word fits its column; every row
    of text has w:cantSplit. Returns how many tables were checked."""
    checked = 0
    for width, tables in _sections(_document(path)):
        for table in tables:
            grid = _grid(table)
            assert abs(sum(grid) - width) <= 1, (sum(grid), width)
            for column, cells in zip(grid, _cell_texts(table), strict=True):
                for text, bold in cells:
                    for word in filter(COMMON_WORD.fullmatch, text.split()):
                        needed = text_twips(word, HALF_POINTS, bold) + CELL_PADDING
                        assert needed <= column, (word, column)
            if not _is_swot_grid(table):
                for row in table.findall(f"{W}tr"):
                    assert row.find(f"{W}trPr/{W}cantSplit") is not None
            checked += 1
    return checked


def test_report_tables_fill_the_page_and_never_break_a_word(tmp_path: Path) -> None:
    path = write_report(rich_session(), tmp_path / "rich.docx")
    assert _check_tables(path) >= 6


def test_widths_follow_a_template_of_another_page_size(tmp_path: Path) -> None:
    template = docx.Document()
    section = template.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # US Letter
    section.left_margin = section.right_margin = Cm(2.54)
    template.save(str(tmp_path / "letter.docx"))
    path = write_report(rich_session(), tmp_path / "letter-report.docx",
                        template=tmp_path / "letter.docx")
    widths = [width for width, _ in _sections(_document(path))]
    assert abs(widths[0] - (Cm(21.59) - 2 * Cm(2.54)) / 635) <= 1
    assert abs(widths[1] - (Cm(27.94) - 2 * Cm(2.54)) / 635) <= 1  # the landscape action plan
    assert _check_tables(path) >= 6


def test_attendance_rows_are_whole_and_fill_the_width(tmp_path: Path) -> None:
    path = write_attendance(rich_session(), tmp_path / "attendance.docx")
    assert _check_tables(path) == 1


def test_a_column_holds_its_longest_word_and_the_rest_is_shared() -> None:
    rows = [("Kurzeme Planning Region", "85,000 €", "Development")]
    widths = fit_widths(9000, (60, 20, 20), ("Organisation", "Budget", "Notes"), rows)
    assert sum(widths) == 9000
    assert widths[1] >= text_twips("85,000\u00a0€", HALF_POINTS) + CELL_PADDING
    assert widths[2] >= text_twips("Development", HALF_POINTS) + CELL_PADDING
    narrow = fit_widths(4500, (90, 5, 5), ("Organisation", "Budget", "Notes"), rows)
    assert sum(narrow) == 4500 and narrow[0] > narrow[2] > narrow[1]
    assert narrow[1] >= text_twips("Budget", HALF_POINTS, True) + CELL_PADDING
    assert narrow[2] >= text_twips("Development", HALF_POINTS) + CELL_PADDING


def test_the_agenda_shows_times_and_names_and_drops_empty_columns() -> None:
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    session = Session(info=SessionInfo("w", "W"), agenda=(
        AgendaItem("ag1", "Welcome", 15, "", start, start + timedelta(minutes=20)),
        AgendaItem("ag2", "Ideas", 45)))
    table = content.agenda_report_table(session)
    assert table.headers == ("Item", "Started", "Ended", "Planned (min)", "Actual (min)",
                             "+/− (min)")
    assert table.rows[0] == ("Welcome", "09:00", "09:20", "15", "20", "+5")
    later = replace(session.agenda[1], started_at=start + timedelta(days=1),
                    ended_at=start + timedelta(days=1, minutes=40), exercise="tows")
    two_days = replace(session, agenda=(session.agenda[0], later))
    table = content.agenda_report_table(two_days)
    assert table.rows[1][:4] == ("Ideas", "TOWS", "2 Dec 09:00", "2 Dec 09:40")

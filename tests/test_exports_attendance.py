"""The attendance list as funder evidence: every page's header names the event and the
project, one signature column per day, optional columns, and blank rows to the page's end."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date, time
from pathlib import Path

from docx_readback import find_table, open_docx, table_rows
from lxml import etree
from PIL import Image
from session_factory import rich_session

from smartplan_tui.exports import write_attendance
from smartplan_tui.model import ProjectProfile, Session, SessionInfo

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _profile(tmp_path: Path, **fields: object) -> ProjectProfile:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (90, 30), "navy").save(logo)
    return ProjectProfile(project="Coastal Futures", acronym="CoFu", number="LL-00123",
                          programme="Interreg VI-A Latvia–Lithuania", logos=(str(logo),),
                          **fields)  # type: ignore[arg-type]


def _header(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        name = next(n for n in package.namelist() if n.startswith("word/header"))
        return etree.fromstring(package.read(name))


def test_every_page_header_names_the_event_and_the_project(tmp_path: Path) -> None:
    session = rich_session()
    info = replace(session.info, end_date=date(2026, 12, 2), start_time=time(9, 30),
                   end_time=time(16, 0))
    path = write_attendance(replace(session, info=info), tmp_path / "a.docx",
                            profile=_profile(tmp_path))
    header = _header(path)
    text = "".join(header.itertext())
    assert "Attendance list: Coastal innovation camp" in text
    assert "1–2 December 2026 · 09:30–16:00 · Liepāja (Kurzeme)" in text
    assert "Coastal Futures (CoFu) · LL-00123 · Interreg VI-A Latvia–Lithuania" in text
    assert len(header.findall(f".//{W}drawing")) == 1
    rows = table_rows(find_table(open_docx(path), "No."))
    assert rows[0][-2:] == ["Signature 1 Dec", "Signature 2 Dec"]


def test_optional_columns_for_email_and_organisation_type(tmp_path: Path) -> None:
    profile = _profile(tmp_path, attendance_columns=("email", "organisation type"))
    path = write_attendance(rich_session(), tmp_path / "a.docx", profile=profile)
    rows = table_rows(find_table(open_docx(path), "No."))
    assert rows[0] == ["No.", "Name", "Organisation", "Country", "E-mail", "Organisation type",
                       "Consent", "Signature"]
    assert rows[1][4] == "anna@example.lv" and rows[1][5] == ""


def test_no_registered_participants_gives_a_page_of_blank_rows(tmp_path: Path) -> None:
    path = write_attendance(Session(SessionInfo("bare", "Bare")), tmp_path / "a.docx")
    rows = table_rows(find_table(open_docx(path), "No."))
    assert len(rows) - 1 >= 12
    assert all(row[1:] == [""] * 5 for row in rows[1:])
    assert [row[0] for row in rows[1:]] == [f"{n}." for n in range(1, len(rows))]


def test_a_bad_attendance_column_is_refused() -> None:
    import pytest

    from smartplan_tui.model import ModelError

    with pytest.raises(ModelError, match="'phone' is not one of email, organisation type"):
        ProjectProfile().with_text("attendance_columns", "email; phone")

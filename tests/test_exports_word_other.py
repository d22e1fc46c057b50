"""Attendance list, programme handbook and organisation templates, read back from real files."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt
from docx_readback import (
    body_text,
    find_table,
    headings,
    open_docx,
    paragraph_after,
    section_of,
    table_rows,
)
from session_factory import MARKUP_TEXT, rich_session

from smartplan_tui.exports import ExportError, write_attendance, write_handbook, write_report
from smartplan_tui.model import Quadrant, SessionInfo, SwotItem

# ---------------------------------------------------------------- attendance


def test_attendance_lists_participants_with_a_signature_column(tmp_path: Path) -> None:
    document = open_docx(write_attendance(rich_session(), tmp_path / "attendance.docx"))
    assert headings(document) == [("Title", "Coastal innovation camp"),
                                  ("Heading 1", "Attendance list")]
    table = find_table(document, "No.")
    rows = table_rows(table)
    assert rows[0] == ["No.", "Name", "Organisation", "Country", "Consent", "Signature"]
    assert rows[1] == ["1.", "Anna Ozola", "Liepāja City Council", "LV", "", ""]
    assert rows[4][1] == "Mārtiņš Bērziņš"
    # walk-ins: five blank rows at least, more to fill the page
    assert len(rows) >= 10 and rows[5:] == [[f"{n}.", "", "", "", "", ""]
                                            for n in range(5, len(rows))]
    heights = {row._tr.trPr.find(qn("w:trHeight")).get(qn("w:val")) for row in table.rows[1:]}
    assert heights == {"680"}  # 1.2 cm to sign in
    assert document.core_properties.title == "Attendance list: Coastal innovation camp"
    assert "PAGE" in document.sections[0].footer._element.xml


# ---------------------------------------------------------------- handbook


def second_session() -> Any:
    session = rich_session("lake-workshop")
    info = dataclasses.replace(session.info, title="Lake workshop", facilitator="Jonas Petraitis")
    swot = (SwotItem("s1", Quadrant.THREATS, "Floods in spring", ("water", "transport")),
            SwotItem("s2", Quadrant.STRENGTHS, "Clean lakes"))
    return dataclasses.replace(session, info=info, swot=swot, tows=())


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("handbook") / "handbook.docx"
    write_handbook([rich_session(), second_session()], path)
    return open_docx(path)


def test_handbook_sections_in_order(handbook: Any) -> None:
    level1 = [text for style, text in headings(handbook) if style in ("Title", "Heading 1")]
    assert level1 == ["Handbook for Cross-border Planning", "The 2 sessions", "Participation",
                      "SWOT by theme", "TOWS strategies", "Action plan", "Open issues"]
    level2 = [text for style, text in headings(handbook) if style == "Heading 2"]
    assert level2[:2] == ["Coastal innovation camp", "Lake workshop"]


def test_handbook_groups_swot_by_theme_naming_the_session(handbook: Any) -> None:
    tags = [text for style, text in headings(handbook) if style == "Heading 2"]
    assert tags[2] == "Transport (4)" and "Untagged (3)" in tags
    # the themes' overview, then one table per theme (the first two headings are sessions)
    overview = next(i for i, t in enumerate(handbook.tables) if table_rows(t)[0][0] == "Theme")
    transport = handbook.tables[overview + 1 + tags.index("Transport (4)") - 2]
    rows = table_rows(transport)
    assert rows[0] == ["Quadrant", "Item", "Session"]
    assert ["Threats", "Floods in spring", "Lake workshop"] in rows
    assert ["Strengths", "Ice-free ports in Liepāja and Klaipėda", "Coastal innovation camp"] in rows


def test_handbook_merged_actions(handbook: Any) -> None:
    plan = find_table(handbook, "Action")
    rows = table_rows(plan)
    assert len(rows) == 9
    # each session's actions sit under a shaded row naming it, spanning the table
    assert rows[1] == ["Coastal innovation camp"] * 10 and rows[5] == ["Lake workshop"] * 10
    assert len(plan.rows[1]._tr.tc_lst) == 1
    assert [r[0].split("\n")[0] for r in rows[2:5]] == [
        r[0].split("\n")[0] for r in rows[6:9]] == [
        "Apply for Interreg funding", "Rail lobby letter", MARKUP_TEXT]
    assert handbook.sections[section_of(handbook, plan._tbl)].orientation == WD_ORIENT.LANDSCAPE
    assert "Total budget: €29,001 (2 actions have no budget)" in body_text(handbook)


def test_handbook_decisions_in_each_sessions_summary(handbook: Any) -> None:
    for title in ("Coastal innovation camp", "Lake workshop"):
        summary = paragraph_after(handbook, title)
        assert summary[summary.index("Decisions") + 1] == (
            "\u2022\u00a0\u00a0We fund the green ferry corridor first.")


def test_handbook_refuses_nothing_and_duplicates(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="at least one session"):
        write_handbook([], tmp_path / "h.docx")
    with pytest.raises(ExportError, match="coast-camp is listed twice"):
        write_handbook([rich_session(), rich_session()], tmp_path / "h.docx")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- templates


def make_template(path: Path, header: str = "ACME Region — logo here", font: str = "Georgia",
                  drop_style: str = "") -> Path:
    document = docx.Document()
    document.styles["Normal"].font.name = font
    document.styles["Normal"].font.size = Pt(10.5)
    document.sections[0].header.paragraphs[0].text = header
    document.add_paragraph("Sample text the organisation left in its template.")
    if drop_style:
        style = document.styles[drop_style]
        style.element.getparent().remove(style.element)
    document.save(str(path))
    return path


def test_a_template_gives_its_styles_and_header(tmp_path: Path) -> None:
    template = make_template(tmp_path / "acme.docx")
    document = open_docx(write_report(rich_session(), tmp_path / "r.docx", template=template))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.sections[0].header.paragraphs[0].text == "ACME Region — logo here"
    assert "Sample text" not in body_text(document)
    assert "PAGE" in document.sections[0].footer._element.xml
    assert headings(document)[1] == ("Heading 1", "Summary")
    assert document.core_properties.author == "Ilze Kalniņa"


def test_a_logo_only_header_keeps_the_logo_and_gets_the_title(tmp_path: Path) -> None:
    from smartplan_tui.exports.chart import bar_chart

    template = tmp_path / "logo.docx"
    document = docx.Document()
    logo = document.sections[0].header.paragraphs[0]
    logo.add_run().add_picture(io.BytesIO(bar_chart(["logo"], [1.0])), width=Pt(60))
    document.save(str(template))
    report = open_docx(write_report(rich_session(), tmp_path / "r.docx", template=template))
    header = report.sections[0].header
    assert header.paragraphs[0]._p.xpath(".//w:drawing")
    assert header.paragraphs[0].text == ""
    assert header.paragraphs[1].text == "Coastal innovation camp"
    image_parts = [p for p in header.part.related_parts.values()
                   if p.content_type == "image/png"]
    assert len(image_parts) == 1


def test_a_dotx_template_is_accepted(tmp_path: Path) -> None:
    docx_template = make_template(tmp_path / "acme.docx")
    dotx = tmp_path / "acme.dotx"
    with zipfile.ZipFile(docx_template) as source, zipfile.ZipFile(dotx, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, data)
    document = open_docx(write_attendance(rich_session(), tmp_path / "a.docx", template=dotx))
    assert document.styles["Normal"].font.name == "Georgia"


def test_a_template_missing_a_heading_style_is_refused_clearly(tmp_path: Path) -> None:
    template = make_template(tmp_path / "plain.docx", drop_style="Heading 2")
    target = tmp_path / "r.docx"
    with pytest.raises(ExportError) as caught:
        write_report(rich_session(), target, template=template)
    message = str(caught.value)
    assert message.startswith("template plain.docx has no style 'Heading 2'")
    assert "\n" not in message
    assert not target.exists()


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_a_template_that_is_not_word_is_refused(tmp_path: Path, content: bytes) -> None:
    template = tmp_path / "letter.docx"
    template.write_bytes(content)
    with pytest.raises(ExportError, match=r"^template .*letter.docx: not a Word \.docx or \.dotx"):
        write_report(rich_session(), tmp_path / "r.docx", template=template)
    with pytest.raises(ExportError, match="no such file"):
        write_report(rich_session(), tmp_path / "r.docx", template=tmp_path / "missing.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx"]


def test_a_zip_without_word_parts_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "archive.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    template.write_bytes(buffer.getvalue())
    with pytest.raises(ExportError, match="not a Word"):
        write_handbook([rich_session()], tmp_path / "h.docx", template=template)


def test_session_info_only_attendance(tmp_path: Path) -> None:
    from smartplan_tui.model import Session

    session = Session(SessionInfo("bare", "Bare session"))
    rows = table_rows(open_docx(write_attendance(session, tmp_path / "a.docx")).tables[0])
    assert len(rows) >= 11 and rows[1] == ["1.", "", "", "", "", ""]  # a page of blank rows

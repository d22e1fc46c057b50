"""The Word session report, written to a real file and read back with python-docx."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx_readback import (
    body_text,
    find_table,
    headings,
    open_docx,
    paragraph_after,
    section_of,
    table_rows,
)
from session_factory import LONG_TEXT, MARKUP_TEXT, rich_session

from smartplan_tui.exports import write_report
from smartplan_tui.model import Note, NoteKind, Session, SessionInfo, VoteMethod

SECTIONS = ["Summary", "Agenda", "Participants", "SWOT", "TOWS", "Voting results",
            "Action plan", "Notes and decisions", "Next steps"]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("report") / "coast.docx"
    assert write_report(rich_session(), path) == path
    return open_docx(path)


def test_headings_follow_the_report_order(report: Any) -> None:
    found = headings(report)
    assert found[0] == ("Title", "Coastal innovation camp")
    assert [text for style, text in found if style == "Heading 1"] == SECTIONS
    votes_at = found.index(("Heading 1", "Voting results"))
    assert found[votes_at + 1: votes_at + 4] == [
        ("Heading 2", "Which strategy should we fund first?"),
        ("Heading 2", "Which skills gap matters most?"),
        ("Heading 2", "How good are the project ideas?")]


def test_the_title_is_listed_in_the_navigation_pane(report: Any) -> None:
    title = report.paragraphs[0]
    assert title.style.name == "Title"
    assert title._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"


def test_title_block_names_kind_date_place_and_facilitator(report: Any) -> None:
    lines = body_text(report).splitlines()
    for expected in ("Kind: Innovation camp", "Date: 1 December 2026",
                     "Place: Liepāja (Kurzeme)", "Facilitator: Ilze Kalniņa"):
        assert expected in lines


def test_agenda_shows_plan_against_actual(report: Any) -> None:
    rows = table_rows(find_table(report, "Item"))
    assert rows[0] == ["Item", "Exercise", "Started", "Ended", "Planned (min)", "Actual (min)",
                       "+/− (min)"]
    assert rows[1] == ["Welcome and goals", "", "09:00", "09:20", "15", "20", "+5"]
    assert [row[1] for row in rows[2:5]] == ["SWOT", "Voting", "Action plan"]
    assert rows[2][4:] == ["45", "40", "-5"]
    assert rows[4][4:] == ["60", "", ""]
    assert rows[-1] == ["Total", "", "", "", "150", "95", "+5"]


def test_participants_table(report: Any) -> None:
    rows = table_rows(find_table(report, "Name"))
    assert rows[0] == ["Name", "Organisation", "Country", "Role"]
    assert rows[2] == ["Jonas Petraitis", "Klaipėda University", "LT", "researcher"]
    assert len(rows) == 5


def test_swot_is_a_two_by_two_table_with_every_item(report: Any) -> None:
    table = next(t for t in report.tables if t.rows[0].cells[0].text.startswith("Strengths"))
    assert len(table.rows) == 2 and len(table.columns) == 2
    strengths, weaknesses = (c.text.splitlines() for c in table.rows[0].cells)
    opportunities, threats = (c.text.splitlines() for c in table.rows[1].cells)
    assert strengths[0] == "Strengths (2)"
    assert strengths[1] == ("S1\u00a0\u00a0Ice-free ports in Liepāja and Klaipėda"
                            "  #transport #ports · Anna Ozola")
    assert weaknesses[2] == f"W2\u00a0\u00a0{MARKUP_TEXT}  Mārtiņš Bērziņš"
    assert opportunities[0] == "Opportunities (2)"
    # the vertical tab pasted from Word became a line break inside the item
    assert threats[-2:] == ["T2\u00a0\u00a0line one", "line two"]


def test_tows_lists_the_items_each_strategy_combines(report: Any) -> None:
    rows = table_rows(find_table(report, "Type"))
    assert rows[1] == ["SO (Strengths–Opportunities)", "Green ferry corridor Liepāja–Klaipėda",
                       "S1 Ice-free ports in Liepāja and Klaipėda\nO1 EU funds for green shipping"]
    assert rows[2][0] == "WT (Weaknesses–Threats)"


def test_each_vote_has_results_a_chart_and_an_explanation(report: Any) -> None:
    results = [t for t in report.tables if t.rows[0].cells[0].text == "Rank"]
    assert [table_rows(t)[0][3] for t in results] == ["Dots", "Borda points", "Mean score"]
    assert table_rows(results[0])[1:] == [["1", "A", "Green ferry corridor", "4"],
                                          ["2", "B", "Regional rail lobby", "3"],
                                          ["2", "C", "Wind skills academy", "3"]]
    after = paragraph_after(report, "Which strategy should we fund first?")
    assert after[0] == "Method: Dot voting · Ballots counted: 4 · Status: closed"
    assert any("B = C" in line for line in after), after
    assert len(report.inline_shapes) == 3
    text_width = report.sections[0].page_width - 2 * report.sections[0].left_margin
    for shape in report.inline_shapes:
        assert 0 < shape.width <= text_width
        blob = report.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        assert blob.startswith(b"\x89PNG")


def test_score_vote_has_the_impact_feasibility_matrix(report: Any) -> None:
    rows = table_rows(find_table(report, "Option"))
    assert rows[0] == ["Option", "Text", "impact", "feasibility", "Class"]
    assert rows[1] == ["A", "Harbour festival", "4.5", "4", "quick win"]
    assert rows[2][-1] == "thankless task"


def test_action_plan_sits_in_a_landscape_section(report: Any) -> None:
    table = find_table(report, "Action")
    portrait, landscape, back = report.sections
    assert section_of(report, table._tbl) == 1
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert landscape.page_width == portrait.page_height
    assert landscape.page_height == portrait.page_width
    assert landscape.page_width > landscape.page_height
    assert back.orientation == WD_ORIENT.PORTRAIT and back.page_width == portrait.page_width
    heading = next(p for p in report.paragraphs if p.text == "Action plan")
    assert section_of(report, heading._p) == 1
    notes = next(p for p in report.paragraphs if p.text == "Notes and decisions")
    assert section_of(report, notes._p) == 2


def test_action_plan_columns_and_smart_gaps(report: Any) -> None:
    rows = table_rows(find_table(report, "Action"))
    assert rows[0] == ["Action", "Priority", "Owner", "Partners", "Start → due", "Budget",
                       "Indicator", "Baseline → target", "Status", "SMART gaps"]
    assert rows[1] == ["Apply for Interreg funding\nJoint application for the ferry corridor",
                       "A: Green ferry corridor", "Anna Ozola",
                       "Klaipėda University, Region Skåne", "2027-01-10 → 2027-06-30",
                       "€12,000", "applications submitted", "0 → 1", "in progress", "none"]
    assert rows[2][4] == "by 2027-03-01"
    assert rows[3][0] == MARKUP_TEXT and rows[3][5] == "€2,500.50"
    gaps = paragraph_after(report, "SMART gaps")
    assert gaps[0].startswith("Rail lobby letter\nS: ")
    assert "Total budget: €14,500.50 (1 action has no budget)" in body_text(report)
    assert table_rows(find_table(report, "Priority")) == [
        ["Priority", "Actions", "Budget"], ["A: Green ferry corridor", "1", "€12,000"],
        ["B: Regional rail lobby", "1", "—"], ["No priority", "1", "€2,500.50"]]


def test_notes_decisions_and_parking_lot(report: Any) -> None:
    assert paragraph_after(report, "Decisions") == [
        "2026-12-01 10:36, Anna Ozola\nWe fund the green ferry corridor first."]
    assert paragraph_after(report, "Parking lot")[0].endswith("Ask the ministry about rail timetables.")
    notes = paragraph_after(report, "Notes")
    assert notes[1] == f"2026-12-01 10:38, Mārtiņš Bērziņš\n{LONG_TEXT}"  # 50,000 characters, whole


def test_header_footer_and_page_numbers(report: Any) -> None:
    section = report.sections[0]
    assert section.header.paragraphs[0].text == "Coastal innovation camp"
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert section.footer.paragraphs[-1].text.startswith("Page ")
    assert all(s.footer.is_linked_to_previous for s in report.sections[1:])


def test_core_properties(report: Any) -> None:
    props = report.core_properties
    assert props.title == "Coastal innovation camp"
    assert props.author == "Ilze Kalniņa"
    now = datetime.now(UTC)
    created = props.created.replace(tzinfo=UTC)  # Word stores UTC ("Z")
    assert now - timedelta(minutes=10) < created <= now + timedelta(seconds=5)
    assert props.comments == "Written by SmartPlan"


def test_a4_page_and_tables_fit_the_text_width(report: Any) -> None:
    section = report.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for table in report.tables:
        width = int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")))
        section_index = section_of(report, table._tbl)
        s = report.sections[section_index]
        assert width <= (s.page_width - s.left_margin - s.right_margin) / 635


def nasty(session: Session) -> Session:
    """Participant text Word forbids or might misread, in many places of a session."""
    notes = (*session.notes,
             Note("x1", session.notes[0].at, "page one\x0cpage two", NoteKind.DECISION),
             Note("x2", session.notes[0].at, "bell\x07 null\x00 esc\x1b gone\x7f"),
             Note("x3", session.notes[0].at, "<w:p>not xml</w:p> &amp; [red]red[/red]"))
    return dataclasses.replace(session, notes=notes)


def test_text_is_written_as_entered_except_what_word_forbids(tmp_path: Path) -> None:
    path = write_report(nasty(rich_session()), tmp_path / "nasty.docx")
    document = open_docx(path)
    decisions = paragraph_after(document, "Decisions")
    assert decisions[-1].endswith("page one\npage two")
    notes = paragraph_after(document, "Notes")
    assert notes[-2].endswith("bell null esc gone\x7f")
    assert notes[-1].endswith("<w:p>not xml</w:p> &amp; [red]red[/red]")


def test_a_lone_surrogate_is_dropped_not_fatal(tmp_path: Path) -> None:
    session = rich_session()
    item = session.swot[0]
    object.__setattr__(item, "text", "half \udc80 a pair")  # the model refuses it; be robust anyway
    document = open_docx(write_report(session, tmp_path / "surrogate.docx"))
    assert "half  a pair" in document.tables[2].rows[0].cells[0].text


def test_an_empty_session_has_its_title_block_only(tmp_path: Path) -> None:
    session = Session(SessionInfo("empty", "Nothing yet", place="Klaipėda", region="Klaipėda"))
    document = open_docx(write_report(session, tmp_path / "empty.docx"))
    assert headings(document) == [("Title", "Nothing yet")]
    text = body_text(document)
    assert "Place: Klaipėda\n" in text + "\n" and "(Klaipėda)" not in text
    for empty in ("No agenda items.", "No participants recorded.", "No SWOT items.",
                  "No TOWS strategies.", "No votes.", "No actions.", "None recorded."):
        assert empty not in text
    assert len(document.sections) == 1  # no landscape pages for an action plan it lacks
    assert document.core_properties.author == "SmartPlan"


def test_a_vote_without_ballots_says_so(tmp_path: Path) -> None:
    session = rich_session()
    empty_vote = dataclasses.replace(session.votes[1], ballots=())
    session = dataclasses.replace(session, votes=(session.votes[0], empty_vote))
    document = open_docx(write_report(session, tmp_path / "no-ballots.docx"))
    after = paragraph_after(document, "Which skills gap matters most?")
    assert after[1] == "Not counted: no ballots counted yet"
    assert len(document.inline_shapes) == 1


def test_a_vote_with_many_options_charts_the_first_forty(tmp_path: Path) -> None:
    from smartplan_tui.model import Ballot, Vote, VoteOption

    options = tuple(VoteOption(f"o{i}", f"Option number {i} " * 5) for i in range(60))
    vote = Vote("big", "Sixty ideas", options=options, dots_per_voter=200,
                ballots=(Ballot("p1", dots={f"o{i}": i % 7 for i in range(60)}),))
    session = dataclasses.replace(rich_session(), votes=(vote,))
    document = open_docx(write_report(session, tmp_path / "many.docx"))
    assert len(table_rows(find_table(document, "Rank"))) == 61
    assert "The chart shows the first 40 of 60 options." in paragraph_after(document, "Sixty ideas")


def test_progress_runs_forward_to_one(tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    write_report(rich_session(), tmp_path / "p.docx", progress=lambda f, what: seen.append((f, what)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert [what for _, what in seen][-2:] == ["saving", "saved"]


def test_a_kept_recount_is_in_the_word_report(tmp_path: Path) -> None:
    session = rich_session()
    borda = dataclasses.replace(session.votes[1], kept_recounts=(VoteMethod.IRV,))
    path = write_report(dataclasses.replace(session, votes=(session.votes[0], borda,
                                                            *session.votes[2:])),
                        tmp_path / "recount.docx")
    text = body_text(open_docx(path))
    assert "Recounted with irv (Instant-runoff): 1. " in text
    assert "Recounted with" not in body_text(open_docx(write_report(session,
                                                                    tmp_path / "plain.docx")))

"""The report's summary and next steps, merged SWOT texts, and open votes marked provisional
wherever their result is printed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docx_readback import body_text, headings, open_docx, paragraph_after, table_rows
from session_factory import rich_session

from smartplan_tui.exports import digest, write_handbook, write_markdown, write_report
from smartplan_tui.model import ActionStatus, Origin, SwotItem


def test_the_summary_says_who_came_the_priorities_and_the_decisions() -> None:
    found = dict(digest.summary(rich_session()).groups)
    assert found["Who came"][0] == "4 participants: Latvia 2, Lithuania 1, Sweden 1"
    assert found["Who came"][1].startswith("4 organisations: Liepāja City Council; ")
    priorities = found["Top priorities"]
    assert priorities[0] == "Which strategy should we fund first? — A: Green ferry corridor"
    assert priorities[1].endswith(f"({digest.PROVISIONAL})")  # the Borda vote is still open
    assert found["Decisions"] == ("We fund the green ferry corridor first.",)


def test_next_steps_list_the_soonest_open_actions_and_the_parking_lot() -> None:
    session = rich_session()
    done = replace(session.actions[1], status=ActionStatus.DONE)
    found = dict(digest.next_steps(session).groups)
    assert found["Actions due soonest"] == ("2027-03-01 · Rail lobby letter (Karin Svensson)",
                                            "2027-06-30 · Apply for Interreg funding "
                                            "(Anna Ozola)")
    assert found["Open parking lot"] == ("Ask the ministry about rail timetables.",)
    without_done = replace(session, actions=(session.actions[0], done))
    assert dict(digest.next_steps(without_done).groups)["Actions due soonest"] == (
        "2027-06-30 · Apply for Interreg funding (Anna Ozola)",)


def test_the_report_opens_with_the_summary_and_ends_with_next_steps(tmp_path: Path) -> None:
    document = open_docx(write_report(rich_session(), tmp_path / "r.docx"))
    tops = [text for style, text in headings(document) if style == "Heading 1"]
    assert tops[0] == "Summary" and tops[-1] == "Next steps"
    summary = paragraph_after(document, "Summary")
    assert summary[:2] == ["Who came", "•\u00a0\u00a04 participants: Latvia 2, Lithuania 1, "
                                        "Sweden 1"]
    steps = paragraph_after(document, "Next steps")
    assert "Open parking lot" in steps
    markdown = write_markdown(rich_session(), tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## Summary\n\n**Who came**\n\n- 4 participants: Latvia 2, Lithuania 1, Sweden 1" \
        in markdown


def test_an_open_vote_is_provisional_in_the_report_and_the_handbook(tmp_path: Path) -> None:
    session = rich_session()
    text = body_text(open_docx(write_report(session, tmp_path / "r.docx")))
    assert "Status: open (provisional: the vote is still open)" in text
    assert "Status: closed ·" not in text and "Status: closed (" not in text
    markdown = write_markdown(session, tmp_path / "r.md").read_text(encoding="utf-8")
    assert "**Status:** open (provisional: the vote is still open)" in markdown
    handbook = open_docx(write_handbook([session], tmp_path / "h.docx"))
    still_open = table_rows(next(t for t in handbook.tables
                                 if t.rows[0].cells[1].text == "Question"))
    assert [row[1] for row in still_open[1:]] == ["Which skills gap matters most?",
                                                 "How good are the project ideas?"]
    assert all(row[3].endswith("(provisional: the vote is still open)")
               for row in still_open[1:])


def test_a_merged_swot_item_keeps_the_texts_it_was_made_of(tmp_path: Path) -> None:
    session = rich_session()
    merged = SwotItem("s1", session.swot[0].quadrant, "Ice-free ports", merged_from=(
        Origin("s1", "Ice-free ports in Liepāja", "p1"),
        Origin("s9", "Klaipėda port never freezes")))
    session = replace(session, swot=(merged, *session.swot[1:]))
    document = open_docx(write_report(session, tmp_path / "r.docx"))
    grid = document.tables[next(i for i, t in enumerate(document.tables)
                                if t.rows[0].cells[0].text.startswith("Strengths"))]
    # Each text quoted, with its author's name (the participant, not the id).
    assert ("merged from: “Ice-free ports in Liepāja” (Anna Ozola); “Klaipėda port never "
            "freezes”") in grid.rows[0].cells[0].text
    markdown = write_markdown(session, tmp_path / "r.md").read_text(encoding="utf-8")
    line = next(line for line in markdown.splitlines() if "merged from" in line)
    assert line.startswith("  _merged from: “Ice-free ports in Liepāja” (Anna Ozola); ")
    assert line.endswith(" “Klaipėda port never freezes”_")

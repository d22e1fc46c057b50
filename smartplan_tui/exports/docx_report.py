"""The session report: the Word document a coordinator hands in after a session.

Sections in the order DESIGN.md fixes (title; Agenda; Participants; SWOT; TOWS; Voting
results, one heading per vote; Action plan on a landscape page; Notes and decisions), each a
built-in heading. The section builders are shared with the programme handbook.
"""

from __future__ import annotations

import os
from pathlib import Path

from smartplan_tui.exports import content
from smartplan_tui.exports.content import Progress, Table, VoteSummary
from smartplan_tui.exports.docx_document import MUTED, Steps, WordDoc
from smartplan_tui.exports.docx_xml import Look, Raw, para, rpr, run
from smartplan_tui.model import Quadrant, Session

__all__ = ["ACTION_WIDTHS", "action_plan_section", "build_report", "write_report"]

QUADRANT_COLOURS = {Quadrant.STRENGTHS: "375623", Quadrant.WEAKNESSES: "C55A11",
                    Quadrant.OPPORTUNITIES: "2F5496", Quadrant.THREATS: "7F6000"}
ACTION_WIDTHS = (12, 11, 8, 9, 9.5, 9.5, 7.5, 9.5, 8, 8.5, 7)
_STEPS = ("title", "agenda", "participants", "SWOT", "TOWS", "votes", "action plan", "notes")


def write_report(session: Session, path: str | os.PathLike[str],
                 template: str | os.PathLike[str] | None = None,
                 progress: Progress | None = None) -> Path:
    """Write the session report to `path` (atomically) and return where it went."""
    steps = Steps(progress, len(_STEPS) + 1)
    word = WordDoc(template)
    build_report(word, session, steps)
    steps.step("saving")
    saved = word.save(path)
    steps.finish("saved")
    return saved


def build_report(word: WordDoc, session: Session, steps: Steps) -> None:
    info = session.info
    word.set_properties(info.title, info.facilitator, f"SmartPlan {info.kind.value} report",
                        info.language)
    word.set_header_footer(info.title)
    steps.step("title")
    word.title(info.title)
    word.labelled(content.title_block(session))
    steps.step("agenda")
    word.heading("Agenda")
    table_or_none(word, content.agenda_table(session), (24, 12, 14, 14, 12, 12, 10),
                  "No agenda items.")
    steps.step("participants")
    word.heading("Participants")
    table_or_none(word, content.participants_table(session), (29, 35, 12, 24),
                  "No participants recorded.")
    steps.step("SWOT")
    word.heading("SWOT")
    swot_section(word, session)
    steps.step("TOWS")
    word.heading("TOWS")
    table_or_none(word, content.tows_table(session), (8, 46, 46), "No TOWS strategies.")
    steps.step("votes")
    word.heading("Voting results")
    summaries = content.vote_summaries(session)
    if not summaries:
        word.paragraph("No votes.", muted=True)
    for summary in summaries:
        vote_section(word, summary)
    steps.step("action plan")
    table, gaps = content.action_rows(session)
    action_plan_section(word, table, gaps, content.budget_total(session.actions))
    steps.step("notes")
    word.heading("Notes and decisions")
    notes_section(word, content.note_groups(session))


def table_or_none(word: WordDoc, table: Table, widths: tuple[float, ...], empty: str) -> None:
    if table.rows:
        word.table(widths, table.headers, table.rows)
    else:
        word.paragraph(empty, muted=True)


def swot_section(word: WordDoc, session: Session) -> None:
    """The 2×2 SWOT table: internal factors on top, external below; every item, in order.

    The hot loop of a big report (one paragraph per item), so the run XML around the
    item's own text is built once.
    """
    if not session.swot:
        word.paragraph("No SWOT items.", muted=True)
        return
    grouped = content.swot_by_quadrant(session)
    codes = content.swot_codes(session)
    names = {p.id: p.name for p in session.participants}
    start = f'<w:p><w:pPr><w:pStyle w:val="{word.text_style_id}"/></w:pPr>'
    code_rpr = rpr(Look(bold=True, color=MUTED))
    tag_look = Look(color=MUTED, italic=True, half_points=16)
    tails: dict[tuple[tuple[str, ...], str], str] = {}
    cells = []
    for quadrant in Quadrant:
        items = grouped[quadrant]
        lines = [para([run(f"{content.QUADRANT_TITLES[quadrant]} ({len(items)})",
                           Look(bold=True, color=QUADRANT_COLOURS[quadrant], half_points=22))],
                      word.text_style_id)]
        for item in items:
            tail = tails.get((item.tags, item.author))
            if tail is None:  # tags and author repeat a lot: their run is built once each
                extra = " ".join(f"#{tag}" for tag in item.tags)
                if item.author:
                    extra += f"{' · ' if extra else ''}{names.get(item.author, item.author)}"
                tail = tails[(item.tags, item.author)] = run(f"  {extra}", tag_look) if extra else ""
            lines.append(f"{start}<w:r>{code_rpr}<w:t>{codes[item.id]}\u00a0\u00a0</w:t></w:r>"
                         f"{run(item.text)}{tail}</w:p>")
        cells.append(Raw("".join(lines)))
    word.table((50, 50), None, [cells[0:2], cells[2:4]])


def vote_section(word: WordDoc, summary: VoteSummary) -> None:
    """One vote: its question as a heading, the facts, results table, chart and explanation."""
    vote = summary.vote
    word.heading(vote.question, 2)
    ballots = f"{summary.ballots}" + (f" ({summary.invalid} invalid)" if summary.invalid else "")
    word.facts([("Method", summary.method), ("Ballots counted", ballots),
                ("Status", vote.status.value)])
    if summary.problem:
        word.paragraph(f"Not counted: {summary.problem}", italic=True)
        return
    if not summary.results.rows:
        word.paragraph("No results yet.", muted=True)
        return
    word.table((8, 10, 62, 20), summary.results.headers, summary.results.rows,
               keep_with_next=True)
    from smartplan_tui.exports.chart import MAX_BARS, bar_chart, chart_width_cm

    labels = [f"{row[1]} {row[2]}" for row in summary.results.rows]
    word.picture(bar_chart(labels, summary.scores, len(summary.winners)), chart_width_cm())
    if len(labels) > MAX_BARS:
        word.paragraph(f"The chart shows the first {MAX_BARS} of {len(labels)} options.",
                       muted=True)
    word.paragraphs(summary.explanation.splitlines())
    if summary.matrix is not None and summary.matrix.rows:
        criteria = len(summary.matrix.headers) - 3
        word.table((10, 42, *([30 / criteria] * criteria), 18), summary.matrix.headers,
                   summary.matrix.rows)


def action_plan_section(word: WordDoc, table: Table, gaps: list[tuple[str, str]],
                        total: str, widths: tuple[float, ...] = ACTION_WIDTHS) -> None:
    """The action plan on its own landscape pages with its SMART gaps, then back to portrait."""
    word.start_section(landscape=True)
    word.heading("Action plan")
    if not table.rows:
        word.paragraph("No actions.", muted=True)
    else:
        word.table(widths, table.headers, table.rows)
        if total:
            word.labelled([("Total budget", total)])
        word.heading("SMART gaps", 2)
        if gaps:
            word.entries(gaps)
        else:
            word.paragraph("Every action is specific, measurable, achievable, relevant and "
                           "time-bound.", muted=True)
    word.start_section(landscape=False)


def notes_section(word: WordDoc, groups: list[tuple[str, list[tuple[str, str]]]]) -> None:
    for title, entries in groups:
        word.heading(title, 2)
        if entries:
            word.entries(entries)
        else:
            word.paragraph("None recorded.", muted=True)

"""The programme handbook: several sessions compiled into one Word document.

What a cross-border programme needs in one place at its end: the sessions held, every SWOT
item grouped by tag (with the session it came from), every vote's winners, all action plans
merged into one landscape table, and all decisions. Sessions appear in the order given.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from smartplan_tui.exports import content, digest
from smartplan_tui.exports.content import QUADRANT_TITLES, Progress, Table
from smartplan_tui.exports.docx_document import Steps, WordDoc
from smartplan_tui.exports.docx_report import action_plan_section, table_or_none
from smartplan_tui.exports.docx_tables import Banner
from smartplan_tui.exports.errors import ExportError
from smartplan_tui.model import Action, ProjectProfile, Session

__all__ = ["HANDBOOK_TITLE", "UNTAGGED", "merged_actions", "swot_by_tag", "winners_table",
           "write_handbook"]

HANDBOOK_TITLE = "Programme handbook"
UNTAGGED = "Untagged"


def write_handbook(sessions: Sequence[Session], path: str | os.PathLike[str],
                   template: str | os.PathLike[str] | None = None,
                   progress: Progress | None = None,
                   profile: ProjectProfile | None = None) -> Path:
    """The handbook of `sessions`, for the project `profile` names (logos, disclaimer)."""
    if not sessions:
        raise ExportError("a handbook needs at least one session")
    ids = [s.id for s in sessions]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ExportError(f"session {twice[0]} is listed twice")
    steps = Steps(progress, 6)
    word = WordDoc(template)
    facilitators = list(dict.fromkeys(s.info.facilitator for s in sessions if s.info.facilitator))
    author = (profile.author if profile is not None else "") or ", ".join(facilitators)
    word.set_properties(HANDBOOK_TITLE, author,
                        f"Programme handbook of {len(sessions)} session"
                        f"{'s' if len(sessions) != 1 else ''}: "
                        + "; ".join(s.info.title for s in sessions) + ".")
    word.set_header_footer(HANDBOOK_TITLE, profile)
    steps.step("sessions")
    word.title(HANDBOOK_TITLE)
    word.labelled(content.profile_lines(profile))
    word.heading("Sessions")
    word.table((31, 16, 13, 18, 22), ("Session", "Kind", "Date", "Place", "Facilitator"),
               [(s.info.title, content.kind_name(s.info), content.fmt_date(s.info.date),
                 s.info.place, s.info.facilitator) for s in sessions])
    steps.step("SWOT")
    word.heading("SWOT by tag")
    groups = swot_by_tag(sessions)
    if not groups:
        word.paragraph("No SWOT items.", muted=True)
    for tag, table in groups:
        word.heading(f"{tag} ({len(table.rows)})", 2)
        word.table((16, 56, 28), table.headers, table.rows)
    steps.step("votes")
    word.heading("Vote winners")
    table_or_none(word, winners_table(sessions), (24, 36, 12, 28), "No votes.")
    steps.step("action plan")
    plan, gaps, budgets = merged_actions(sessions)
    action_plan_section(word, plan, gaps, content.budget_total(budgets))
    steps.step("decisions")
    word.heading("Decisions")
    decisions = [(f"{s.info.title} · {byline}", text) for s in sessions
                 for title, entries in content.note_groups(s) if title == "Decisions"
                 for byline, text in entries]
    if decisions:
        word.entries(decisions)
    else:
        word.paragraph("None recorded.", muted=True)
    steps.step("saving")
    saved = word.save(path)
    steps.finish("saved")
    return saved


def swot_by_tag(sessions: Sequence[Session]) -> list[tuple[str, Table]]:
    """(tag, items) sorted by tag, untagged last; an item with two tags is under both."""
    tables: dict[str, Table] = {}
    for session in sessions:
        for item in session.swot:
            for tag in item.tags or (UNTAGGED,):
                table = tables.setdefault(tag, Table("swot", ("Quadrant", "Item", "Session")))
                table.rows.append((QUADRANT_TITLES[item.quadrant], item.text,
                                   session.info.title))
    untagged = tables.pop(UNTAGGED, None)
    ordered = sorted(tables.items(), key=lambda pair: pair[0].casefold())
    return ordered + ([(UNTAGGED, untagged)] if untagged is not None else [])


def winners_table(sessions: Sequence[Session]) -> Table:
    table = Table("winners", ("Session", "Question", "Method", "Winner"))
    for session in sessions:
        for summary in content.vote_summaries(session):
            winners = "\n".join(f"{option}: {text}" for option, text in summary.winners)
            table.rows.append((session.info.title, summary.vote.question, summary.method,
                               (winners + digest.provisional(summary.vote)) if winners
                               else f"({summary.problem})"))
    return table


def merged_actions(sessions: Sequence[Session],
                   ) -> tuple[Table, list[tuple[str, str]], list[Action]]:
    """All sessions' action plans in one table, each session's actions under a row naming
    it; their SMART gaps; the actions themselves (for the total budget)."""
    merged = Table("actions", content.ACTION_HEADERS)
    gaps: list[tuple[str, str]] = []
    for session in sessions:
        table, session_gaps = content.action_rows(session)
        if table.rows:
            merged.rows.append(Banner(session.info.title))
            merged.rows.extend(table.rows)
        gaps.extend((f"{session.info.title}: {title}", text) for title, text in session_gaps)
    budgets = [action for session in sessions for action in session.actions]
    return merged, gaps, budgets


"""The session report's sections, in order: the one list the Word and Markdown writers walk.

Title; Summary; Agenda; Participants; SWOT; TOWS; Voting results (one heading per vote);
Action plan; Notes and decisions; Next steps. What a section is called, when a session's
report leaves it out (it has nothing to say) and where it comes are said here only, so the
two reports cannot drift apart; each writer only says how it lays a section out (one
function per `key`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from smartplan_tui.exports import content, digest
from smartplan_tui.exports.content import Table
from smartplan_tui.model import Session

__all__ = ["ACTIONS", "AGENDA", "NEXT_STEPS", "NOTES", "PARTICIPANTS", "REPORT_SECTIONS",
           "SUMMARY", "SWOT", "TITLE", "TOWS", "VOTES", "ReportSection"]


@dataclass(frozen=True, slots=True)
class ReportSection:
    """One section of the session report."""

    key: str
    """Which layout each writer gives it."""
    heading: str
    """Its top-level heading; the title block has none (the session's title heads it)."""
    empty: str = ""
    """What it says when there is nothing to show (Notes and decisions: each group)."""
    table: Callable[[Session], Table] | None = None
    """The section is this one table (or `empty`)."""
    shown: Callable[[Session], bool] = lambda session: True
    """Whether a session's report has the section: one with nothing to say is left out."""

    @property
    def step(self) -> str:
        """What the progress bar says while the section is built."""
        return self.heading or "Title"


TITLE = ReportSection("title", "")
SUMMARY = ReportSection("summary", "Summary", shown=lambda s: bool(digest.summary(s)))
AGENDA = ReportSection("agenda", "Agenda", "No agenda items.", content.agenda_report_table,
                       shown=lambda s: bool(s.agenda))
PARTICIPANTS = ReportSection("participants", "Participants", "No participants recorded.",
                             content.participants_table, shown=lambda s: bool(s.participants))
SWOT = ReportSection("swot", "SWOT", "No SWOT items.", shown=lambda s: bool(s.swot))
TOWS = ReportSection("tows", "TOWS", "No TOWS strategies.", content.tows_table,
                     shown=lambda s: bool(s.tows))
VOTES = ReportSection("votes", "Voting results", "No votes.", shown=lambda s: bool(s.votes))
ACTIONS = ReportSection("actions", "Action plan", "No actions.", shown=lambda s: bool(s.actions))
NOTES = ReportSection("notes", "Notes and decisions", "None recorded.",
                      shown=lambda s: bool(s.notes))
NEXT_STEPS = ReportSection("next_steps", "Next steps", shown=lambda s: bool(digest.next_steps(s)))

REPORT_SECTIONS: tuple[ReportSection, ...] = (TITLE, SUMMARY, AGENDA, PARTICIPANTS, SWOT, TOWS,
                                              VOTES, ACTIONS, NOTES, NEXT_STEPS)

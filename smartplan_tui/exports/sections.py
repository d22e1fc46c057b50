"""The session report's sections, in order: the one list the Word and Markdown writers walk.

Title; Summary; Agenda; Participants; SWOT; TOWS; Voting results (one heading per vote);
Action plan; Notes and decisions; Next steps. What a section is called, when a session's
report leaves it out (it has nothing to say) and where it comes are said here only, so the
two reports cannot drift apart; each writer only says how it lays a section out (one
function per `key`). Headings are message ids (`N_`): `heading` and `empty` read them in the
language the report is being written in.
"""

from __future__ import annotations

from collections.abc import Callable

from smartplan_tui.exports import content, digest
from smartplan_tui.exports.content import Table
from smartplan_tui.i18n import N_, _
from smartplan_tui.labels import SWOT_NAME, TOWS_NAME
from smartplan_tui.model import Session
from smartplan_tui.records import record

__all__ = ["ACTIONS", "AGENDA", "NEXT_STEPS", "NOTES", "PARTICIPANTS", "REPORT_SECTIONS",
           "SUMMARY", "SWOT", "TITLE", "TOWS", "VOTES", "ReportSection"]


@record
class ReportSection:
    """One section of the session report."""

    key: str
    """Which layout each writer gives it."""
    heading_id: str
    """Its top-level heading (a message id); the title block has none (the session's title
    heads it)."""
    empty_id: str = ""
    """What it says when there is nothing to show (Notes and decisions: each group)."""
    table: Callable[[Session], Table] | None = None
    """The section is this one table (or `empty`)."""
    shown: Callable[[Session], bool] = lambda session: True
    """Whether a session's report has the section: one with nothing to say is left out."""

    @property
    def heading(self) -> str:
        """The heading in the current language (`` for the title block)."""
        return _(self.heading_id) if self.heading_id else ""

    @property
    def empty(self) -> str:
        """The text for nothing to show, in the current language."""
        return _(self.empty_id) if self.empty_id else ""

    @property
    def step(self) -> str:
        """What the progress bar says while the section is built (a message id: `Steps`
        says it in the interface language)."""
        return self.heading_id or N_("Title")


TITLE = ReportSection("title", "")
SUMMARY = ReportSection("summary", N_("Summary"), shown=lambda s: bool(digest.summary(s)))
AGENDA = ReportSection("agenda", N_("Agenda"), N_("No agenda items."), content.agenda_report_table,
                       shown=lambda s: bool(s.agenda))
PARTICIPANTS = ReportSection("participants", N_("Participants"), N_("No participants recorded."),
                             content.participants_table, shown=lambda s: bool(s.participants))
SWOT = ReportSection("swot", SWOT_NAME, N_("No SWOT items."), shown=lambda s: bool(s.swot))
TOWS = ReportSection("tows", TOWS_NAME, N_("No TOWS strategies."), content.tows_report_table,
                     shown=lambda s: bool(s.tows))
VOTES = ReportSection("votes", N_("Voting results"), N_("No votes."), shown=lambda s: bool(s.votes))
ACTIONS = ReportSection("actions", N_("Action plan"), N_("No actions."), shown=lambda s: bool(s.actions))
NOTES = ReportSection("notes", N_("Notes and decisions"), N_("None recorded."),
                      shown=lambda s: bool(s.notes))
NEXT_STEPS = ReportSection("next_steps", N_("Next steps"), shown=lambda s: bool(digest.next_steps(s)))

REPORT_SECTIONS: tuple[ReportSection, ...] = (TITLE, SUMMARY, AGENDA, PARTICIPANTS, SWOT, TOWS,
                                              VOTES, ACTIONS, NOTES, NEXT_STEPS)

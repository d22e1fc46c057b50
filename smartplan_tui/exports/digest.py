"""The report's summary and next steps: what a reader of the first and last page needs.

Who came (by country and organisation), the top priorities the votes gave, the decisions;
and what happens next: the actions due soonest, the parking lot still open, the decisions.
A vote still open is provisional wherever its result appears (`provisional`).
"""

from __future__ import annotations

from collections import Counter

from smartplan_tui import dates
from smartplan_tui.exports import content
from smartplan_tui.i18n import N_, _, ngettext
from smartplan_tui.model import ActionStatus, NoteKind, Session, Vote, VoteStatus
from smartplan_tui.records import record

__all__ = ["COUNTRY_NAMES", "PROVISIONAL", "Digest", "country_name", "next_steps", "provisional",
           "summary"]

#: Message ids of the countries' names, by the code a participant's country is stored as.
COUNTRY_NAMES = {"LV": N_("Latvia"), "LT": N_("Lithuania"), "EE": N_("Estonia"),
                 "PL": N_("Poland"), "SE": N_("Sweden"), "FI": N_("Finland"),
                 "DE": N_("Germany")}
PROVISIONAL = N_("provisional: the vote is still open")
#: How many actions the next steps list, soonest due first.
SOONEST = 5


@record
class Digest:
    """Labelled groups of lines (`Who came`: […]); a group with no lines is left out."""

    groups: tuple[tuple[str, tuple[str, ...]], ...]

    def __bool__(self) -> bool:
        return bool(self.groups)


def _digest(*groups: tuple[str, list[str]]) -> Digest:
    return Digest(tuple((label, tuple(lines)) for label, lines in groups if lines))


def country_name(code: str) -> str:
    """`LV` → `Latvia` (`Latvija`, `Latvija`) in the current language; others as written."""
    known = COUNTRY_NAMES.get(code)
    return _(known) if known is not None else code


def provisional(vote: Vote) -> str:
    """` (provisional: the vote is still open)` for an open vote, else nothing."""
    return f" ({_(PROVISIONAL)})" if vote.status is VoteStatus.OPEN else ""


def who_came(session: Session) -> list[str]:
    """`8 participants: Latvia 5, Lithuania 3` and the organisations, most people first."""
    people = session.participants
    if not people:
        return []
    countries = Counter(country_name(p.country) for p in people if p.country)
    line = ngettext("{n} participant", "{n} participants", len(people)).format(n=len(people))
    if countries:
        line += ": " + ", ".join(f"{name} {count}" for name, count in countries.most_common())
    organisations = Counter(p.organisation for p in people if p.organisation)
    lines = [line]
    if organisations:
        counted = ngettext("{n} organisation", "{n} organisations",
                           len(organisations)).format(n=len(organisations))
        lines.append(counted + ": " + "; ".join(f"{name} ({count})" if count > 1 else name
                                                for name, count in organisations.most_common()))
    return lines


def top_priorities(session: Session) -> list[str]:
    """Each counted vote's winners, the question first; an open vote's marked provisional."""
    lines = []
    for vote_summary in content.vote_summaries(session):
        winners = "; ".join(f"{option}: {text}" for option, text in vote_summary.winners)
        if winners:
            lines.append(f"{vote_summary.vote.question} — {winners}"
                         f"{provisional(vote_summary.vote)}")
    return lines


def decisions(session: Session) -> list[str]:
    return [note.text for note in session.notes if note.kind is NoteKind.DECISION]


def summary(session: Session) -> Digest:
    """The short summary at the top of the report."""
    return _digest((_("Who came"), who_came(session)),
                   (_("Top priorities"), top_priorities(session)),
                   (_("Decisions"), decisions(session)))


def due_soonest(session: Session, limit: int = SOONEST) -> list[str]:
    """Open actions with a due date, soonest first: `2027-02-01 · Title (owner)`."""
    open_actions = [a for a in session.actions if a.due is not None
                    and a.status not in (ActionStatus.DONE, ActionStatus.DROPPED)]
    open_actions.sort(key=lambda a: (a.due, a.title.casefold()))
    return [f"{dates.short_date(a.due)} · {a.title}" + (f" ({a.owner})" if a.owner else "")
            for a in open_actions[:limit]]


def next_steps(session: Session) -> Digest:
    """What happens after the session: actions due soonest, open parking lot, decisions."""
    parking = [note.text for note in session.notes if note.kind is NoteKind.PARKING_LOT]
    return _digest((_("Actions due soonest"), due_soonest(session)),
                   (_("Open parking lot"), parking), (_("Decisions"), decisions(session)))

"""The action plan: actions serving a priority (a vote option), and the SMART check.

An action's `priority` names a vote option: `A`, or `v2:A` when several votes use the
same letters. Through that option's source it reaches the SWOT item or TOWS strategy the
priority came from, so a report can say why each action exists.
"""

from __future__ import annotations

from collections.abc import Iterable

from smartplan_tui.collection_registry import SWOT, TOWS, VOTES
from smartplan_tui.dates import short_date
from smartplan_tui.exercises.voting_count import count
from smartplan_tui.i18n import _
from smartplan_tui.model import (
    Action,
    ActionStatus,
    ModelError,
    Session,
    SwotItem,
    TowsStrategy,
    Vote,
    VoteOption,
)
from smartplan_tui.records import record
from smartplan_tui.text import quoted

__all__ = [
    "PriorityGroup",
    "SmartGap",
    "by_priority",
    "filter_actions",
    "from_priority",
    "linked_items",
    "priority_name",
    "resolve_priority",
    "smart_gaps",
    "winner",
]


@record
class SmartGap:
    """What an action lacks for one SMART criterion."""

    letter: str
    """S, M, A, R or T."""
    criterion: str
    """specific, measurable, achievable, relevant or time-bound."""
    reason: str
    """What is missing, in the current language (a report's while one is written)."""


def smart_gaps(action: Action, session: Session) -> list[SmartGap]:
    """What the action lacks, in S-M-A-R-T order (empty: it is SMART).

    specific: a description; measurable: an indicator and a target; achievable: an
    owner; relevant: a priority that names an existing vote option; time-bound: a due
    date, after the start when there is one (a due date on the start day is not after it).
    """
    gaps: list[SmartGap] = []
    if not action.description.strip():
        gaps.append(SmartGap("S", "specific", _("no description")))
    no_indicator, no_target = not action.indicator.strip(), not action.target.strip()
    if no_indicator or no_target:
        reason = (_("no indicator and no target") if no_indicator and no_target
                  else _("no indicator") if no_indicator else _("no target"))
        gaps.append(SmartGap("M", "measurable", reason))
    if not action.owner.strip():
        gaps.append(SmartGap("A", "achievable", _("no owner")))
    if not action.priority:
        gaps.append(SmartGap("R", "relevant", _("not linked to a priority")))
    elif resolve_priority(session, action.priority) is None:
        gaps.append(SmartGap("R", "relevant", _("priority {priority} is no vote option").format(
            priority=repr(action.priority))))
    if action.due is None:
        gaps.append(SmartGap("T", "time-bound", _("no due date")))
    elif action.start is not None and action.due <= action.start:
        gaps.append(SmartGap("T", "time-bound", _(
            "due date {due} is not after the start {start}").format(
                due=short_date(action.due), start=short_date(action.start))))
    return gaps


def resolve_priority(session: Session, priority: str) -> tuple[Vote, VoteOption] | None:
    """The vote and option a priority names (`v2:A`, or `A`: the first vote having A)."""
    if not priority:
        return None
    vote_id, sep, option_id = priority.partition(":")
    if sep:
        vote = session.find(VOTES, vote_id)
        if isinstance(vote, Vote):
            for option in vote.options:
                if option.id == option_id:
                    return vote, option
    for vote in session.votes:
        for option in vote.options:
            if option.id == priority:
                return vote, option
    return None


def priority_name(session: Session, vote: Vote, option: VoteOption) -> str:
    """A priority as a person reads it: the option's letter and text (`C · Joint ferry
    marketing`), and the vote's question where the session has several votes; never the
    `v1:C` an action stores. Participants' text: shown through `text.visible`."""
    name = f"{option.id} · {option.text}"
    return name if len(session.votes) <= 1 else f"{name} · {quoted(vote.question)}"


def from_priority(session: Session, vote_id: str, option_id: str, id: str) -> Action:
    """A new planned action for a voted priority: titled with the option's text."""
    vote = session.find(VOTES, vote_id)
    if not isinstance(vote, Vote):
        raise ModelError("priority", _("no vote {id!r}").format(id=vote_id))
    option = vote.option(option_id)
    shared = sum(option_id in v.option_ids for v in session.votes)
    priority = option_id if shared <= 1 else f"{vote_id}:{option_id}"
    return Action(id, option.text, priority=priority)


def linked_items(session: Session, action: Action) -> list[SwotItem | TowsStrategy]:
    """Where the action's priority came from: the SWOT item, or the TOWS strategy
    followed by the SWOT items it combines. Empty when the option was typed in."""
    found = resolve_priority(session, action.priority)
    if found is None or not found[1].source:
        return []
    source = session.find(SWOT, found[1].source) or session.find(TOWS, found[1].source)
    if isinstance(source, SwotItem):
        return [source]
    if isinstance(source, TowsStrategy):
        items: list[SwotItem | TowsStrategy] = [source]
        items.extend(i for link in source.links
                     if isinstance(i := session.find(SWOT, link), SwotItem))
        return items
    return []


@record
class PriorityGroup:
    """The actions serving one priority; `vote`/`option` are None for unlinked actions."""

    vote: Vote | None
    option: VoteOption | None
    rank: int | None
    """The option's rank in its vote's own count (None when it cannot be counted)."""
    actions: tuple[Action, ...]


def by_priority(actions: Iterable[Action], session: Session) -> list[PriorityGroup]:
    """Actions grouped by priority: votes in session order, options by their rank, then
    actions whose priority is missing or unknown."""
    groups: dict[tuple[str, str], list[Action]] = {}
    loose: list[Action] = []
    for action in actions:
        found = resolve_priority(session, action.priority)
        if found is None:
            loose.append(action)
        else:
            groups.setdefault((found[0].id, found[1].id), []).append(action)
    result: list[PriorityGroup] = []
    for vote in session.votes:
        ranks = _ranks(vote)
        keyed = [(ranks.get(option.id), i, option) for i, option in enumerate(vote.options)
                 if (vote.id, option.id) in groups]
        keyed.sort(key=lambda k: (k[0] is None, k[0] or 0, k[1]))
        result.extend(PriorityGroup(vote, option, rank, tuple(groups[(vote.id, option.id)]))
                      for rank, _, option in keyed)
    if loose:
        result.append(PriorityGroup(None, None, None, tuple(loose)))
    return result


def _ranks(vote: Vote) -> dict[str, int]:
    try:
        return {row.option: row.rank for row in count(vote).rows}
    except ModelError:
        return {}


def filter_actions(actions: Iterable[Action], status: ActionStatus | str | None = None,
                   owner: str | None = None) -> list[Action]:
    """Actions with this status and/or owner (None: any)."""
    wanted = ActionStatus(status) if status is not None else None
    return [a for a in actions
            if (wanted is None or a.status is wanted) and (owner is None or a.owner == owner)]


def winner(session: Session, vote_id: str) -> tuple[VoteOption, ...]:
    """The options ranked first by the vote's own method; several on a tie, none before
    any ballot."""
    vote = session.find(VOTES, vote_id)
    if not isinstance(vote, Vote):
        raise ModelError("votes", _("no vote {id!r}").format(id=vote_id))
    return tuple(vote.option(o) for o in count(vote).winners)

"""Priority voting: casting and correcting ballots, options, counts and their output.

Item-level transforms (`Vote -> Vote`) for the store's `update(VOTES, id, change)`.
The counting itself lives in `voting_count` (methods in `voting_methods`), the result
types in `voting_result`, the JSON and table in `voting_output`, score means and the 2×2
matrix in `scoring`; this module is the one others import.

How partial rankings are treated (options a ballot leaves out rank equal, below the
ranked ones): Borda gives them the mean of the remaining positions' points; Schulze lets
every ranked option beat them; instant-runoff exhausts the ballot once its ranked options
are out. Ties are reported; the vote's tie rule orders them only when the facilitator set
one, and the result records it. Instant-runoff's elimination ties are settled by looking
back at earlier rounds, then by eliminating the tied options together (see
`voting_methods.irv_steps`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence

from smartplan_tui.collection_registry import SWOT, TOWS
from smartplan_tui.exercises.names import ballot_name, option_name, vote_name
from smartplan_tui.exercises.scoring import MatrixClass, ScoreCell, ScoreMatrix, score_matrix
from smartplan_tui.exercises.voting_count import count, recount_methods
from smartplan_tui.exercises.voting_output import render_table, result_to_json
from smartplan_tui.exercises.voting_result import IrvRound, ResultRow, VoteResult
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.model import (
    Ballot,
    ModelError,
    Session,
    SwotItem,
    TowsStrategy,
    Vote,
    VoteOption,
    VoteStatus,
)

__all__ = [
    "IrvRound",
    "MatrixClass",
    "ResultRow",
    "ScoreCell",
    "ScoreMatrix",
    "VoteResult",
    "add_option",
    "cast",
    "close",
    "count",
    "option_letter",
    "options_from",
    "recount_methods",
    "remove_ballot",
    "remove_option",
    "render_table",
    "reopen",
    "result_to_json",
    "score_matrix",
]


def _require_open(vote: Vote, doing: str) -> None:
    if vote.status is VoteStatus.CLOSED:
        raise ModelError("status", _("{vote} is closed; reopen it to {doing}").format(
            vote=vote_name(vote), doing=doing))


def cast(vote: Vote, ballot: Ballot) -> Vote:
    """The vote with this ballot counted; a voter's new ballot replaces their earlier one,
    and so does a device's (a phone in the room changing its mind).

    Refused (ModelError) when the vote is closed or the ballot breaks a rule; the reason
    is `Vote.ballot_problem`'s.
    """
    _require_open(vote, _("cast a ballot"))
    problem = vote.ballot_problem(ballot)
    ballots = list(vote.ballots)
    index = len(ballots)
    if ballot.device:
        index = next((i for i, b in enumerate(ballots) if b.device == ballot.device), index)
    elif ballot.voter:
        index = next((i for i, b in enumerate(ballots) if b.voter == ballot.voter), index)
    if problem:
        raise ModelError(ballot_name(index), problem)
    if index < len(ballots):
        ballots[index] = ballot
    else:
        ballots.append(ballot)
    return dataclasses.replace(vote, ballots=tuple(ballots))


def remove_ballot(vote: Vote, index: int) -> Vote:
    """The vote without the ballot at `index` (a ballot entered by mistake)."""
    _require_open(vote, _("remove a ballot"))
    if not 0 <= index < len(vote.ballots):
        raise ModelError(ballot_name(index), ngettext(
            "{vote} has {n} ballot", "{vote} has {n} ballots", len(vote.ballots)).format(
                vote=vote_name(vote), n=len(vote.ballots)))
    return dataclasses.replace(vote, ballots=vote.ballots[:index] + vote.ballots[index + 1:])


def close(vote: Vote) -> Vote:
    """No more ballots: the count is final until the vote is reopened."""
    return dataclasses.replace(vote, status=VoteStatus.CLOSED)


def reopen(vote: Vote) -> Vote:
    return dataclasses.replace(vote, status=VoteStatus.OPEN)


def option_letter(index: int) -> str:
    """A, B, … Z, AA, AB, … as on a flip chart."""
    if index < 0:
        raise ModelError("", _("no option letter for {index}").format(index=index))
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _next_letters(taken: Iterable[str]) -> Iterator[str]:
    used = set(taken)
    index = 0
    while True:
        letter = option_letter(index)
        if letter not in used:
            yield letter
        index += 1


def options_from(session: Session, source_ids: Sequence[str],
                 existing: Sequence[VoteOption] = ()) -> tuple[VoteOption, ...]:
    """Options for the SWOT items / TOWS strategies named, lettered after `existing`."""
    letters = _next_letters(o.id for o in existing)
    options = []
    for i, source_id in enumerate(source_ids):
        source = session.find(SWOT, source_id) or session.find(TOWS, source_id)
        if not isinstance(source, SwotItem | TowsStrategy):
            raise ModelError(f"source_ids[{i}]", _("no SWOT item or TOWS strategy {id!r}").format(
                id=source_id))
        options.append(VoteOption(next(letters), source.text, source.id))
    return tuple(options)


def add_option(vote: Vote, text: str, source: str = "") -> Vote:
    """The vote with one more option (typed in, or taken from `source`), next letter."""
    option = VoteOption(next(_next_letters(vote.option_ids)), text, source)
    return dataclasses.replace(vote, options=(*vote.options, option))


def remove_option(vote: Vote, option_id: str) -> Vote:
    """The vote without an option nobody has voted for yet."""
    vote.option(option_id)
    for i, ballot in enumerate(vote.ballots):
        if option_id in (ballot.dots or ballot.ranking or ballot.scores or ()):
            raise ModelError(ballot_name(i), _(
                "mentions {option}; remove that ballot first").format(
                    option=option_name(vote, option_id)))
    return dataclasses.replace(
        vote,
        options=tuple(o for o in vote.options if o.id != option_id),
        tie_break=tuple(o for o in vote.tie_break if o != option_id),
    )

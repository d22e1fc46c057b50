"""Small builders for the exercise tests: votes from published ballot profiles, sessions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from smartplan_tui.model import (
    Ballot,
    Quadrant,
    Session,
    SessionInfo,
    SwotItem,
    TowsStrategy,
    TowsType,
    Vote,
    VoteMethod,
    VoteOption,
)

__all__ = ["TENNESSEE", "profile_ballots", "ranked_vote", "swot_session"]

#: Wikipedia's Tennessee capital example (used in the articles "Borda count",
#: "Instant-runoff voting", "Condorcet method", "Schulze method"): 100 voters, in percent.
TENNESSEE: list[tuple[int, tuple[str, ...]]] = [
    (42, ("Memphis", "Nashville", "Chattanooga", "Knoxville")),
    (26, ("Nashville", "Chattanooga", "Knoxville", "Memphis")),
    (15, ("Chattanooga", "Knoxville", "Nashville", "Memphis")),
    (17, ("Knoxville", "Chattanooga", "Nashville", "Memphis")),
]


def profile_ballots(profile: Iterable[tuple[int, Sequence[str]]]) -> tuple[Ballot, ...]:
    """`(how many voters, ranking)` groups as anonymous ranked ballots."""
    return tuple(Ballot(ranking=tuple(ranking)) for n, ranking in profile for _ in range(n))


def ranked_vote(profile: Iterable[tuple[int, Sequence[str]]], options: Sequence[str],
                method: VoteMethod = VoteMethod.SCHULZE, **fields: object) -> Vote:
    return Vote("v1", "Which first?", method, tuple(VoteOption(o, f"Option {o}") for o in options),
                ballots=profile_ballots(profile), **fields)  # type: ignore[arg-type]


def swot_session(*items: tuple[str, str, str], tows: Sequence[TowsStrategy] = (),
                 votes: Sequence[Vote] = ()) -> Session:
    """A session with SWOT items given as (id, quadrant letter, text)."""
    swot = tuple(SwotItem(i, Quadrant.parse(q), text) for i, q, text in items)
    return Session(SessionInfo("t", "Test"), swot=swot, tows=tuple(tows), votes=tuple(votes))


def so(strategy_id: str, *links: str) -> TowsStrategy:
    return TowsStrategy(strategy_id, TowsType.SO, f"Strategy {strategy_id}", links)

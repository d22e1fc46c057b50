"""How far the room is with the vote in front of it: for the Room screen, pure logic.

Anonymous devices cannot be named, only counted: "9 of 14 devices have voted, 2 have dots
left". When the vote asks for names, the participants who have not voted yet, and those
with dots left, are named.
"""

from __future__ import annotations

from smartplan_tui.model import Ballot, Room, Session, Vote, VoteMethod

__all__ = ["vote_progress"]


def _dots_left(vote: Vote, ballot: Ballot) -> int:
    if vote.method is not VoteMethod.DOT or ballot.dots is None or ballot.aggregate:
        return 0
    return max(vote.dots_per_voter - sum(ballot.dots.values()), 0)


def _names(names: list[str], limit: int = 12) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def vote_progress(session: Session, room: Room, vote: Vote, devices: int | None) -> list[str]:
    """Lines saying who has voted and who still has dots or a ballot to give."""
    from_devices = [b for b in vote.ballots if b.device]
    lines = [f"{len(vote.ballots)} ballots counted ({len(from_devices)} from devices in the "
             "room)"]
    if devices is not None:
        waiting = max(devices - len(from_devices), 0)
        lines.append(f"{len(from_devices)} of {devices} devices have voted; "
                     f"{waiting} still to vote")
    left = [(b, _dots_left(vote, b)) for b in vote.ballots]
    left = [(b, n) for b, n in left if n]
    people = {p.id: p.name for p in session.participants}
    if room.names:
        voted = {b.voter for b in vote.ballots if b.voter}
        missing = [name for pid, name in people.items() if pid not in voted]
        lines.append(f"Still to vote: {_names(missing)}" if missing else "Everybody has voted.")
        if left:
            lines.append("Dots left: " + _names(
                [f"{people.get(b.voter, b.voter or 'anonymous')} {n}" for b, n in left]))
    elif left:
        lines.append(f"{len(left)} ballots have dots left "
                     f"({sum(n for _, n in left)} dots in all)")
    return lines

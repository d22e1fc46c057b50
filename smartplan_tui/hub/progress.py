"""How far the room is with the vote in front of it: for the Room screen, pure logic.

Anonymous devices cannot be named, only counted: "9 of 14 devices have voted, 2 have dots
left". When the vote asks for names, the participants who have not voted yet, and those
with dots left, are named. Every line is in the current language; a line with two counts
is one translatable frame around two `ngettext` pieces, so each count picks its own noun
form (Latvian and Lithuanian decline the noun by the number in front of it).
"""

from __future__ import annotations

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.model import Ballot, Room, RoomActivity, Session, Vote, VoteMethod, VoteStatus
from smartplan_tui.text import quoted

__all__ = ["describe_room", "vote_progress"]

#: How many names a line lists before it says how many more there are.
NAMES_SHOWN = 12


def _dots_left(vote: Vote, ballot: Ballot) -> int:
    if vote.method is not VoteMethod.DOT or ballot.dots is None or ballot.aggregate:
        return 0
    return max(vote.dots_per_voter - sum(ballot.dots.values()), 0)


def _names(names: list[str], limit: int = NAMES_SHOWN) -> str:
    shown = ", ".join(names[:limit])
    rest = len(names) - limit
    if rest <= 0:
        return shown
    return ngettext("{names} and {n} more", "{names} and {n} more", rest).format(
        names=shown, n=rest)


def _counted(vote: Vote) -> str:
    """`9 ballots counted (3 from devices in the room)`."""
    total = len(vote.ballots)
    from_devices = sum(1 for b in vote.ballots if b.device)
    ballots = ngettext("{n} ballot counted", "{n} ballots counted", total).format(n=total)
    devices = ngettext("{n} from a device in the room", "{n} from devices in the room",
                       from_devices).format(n=from_devices)
    # Translators: {ballots} is "9 ballots counted", {from_devices} "3 from devices in the room".
    return _("{ballots} ({from_devices})").format(ballots=ballots, from_devices=devices)


def _devices_voted(voted: int, devices: int) -> str:
    """`2 of 5 devices have voted; 3 still to vote`.

    `devices` are those that joined since the hub started (or last gave a new code); a
    device that voted before is counted among them, never "2 of 0 devices".
    """
    devices = max(devices, voted)
    waiting = devices - voted
    # Translators: the noun's form follows {n}, the number of devices in the room.
    of_devices = ngettext("{voted} of {n} device", "{voted} of {n} devices", devices).format(
        voted=voted, n=devices)
    # Translators: the verb's form follows how many voted; {of_devices} is "2 of 5 devices".
    return ngettext("{of_devices} has voted; {waiting} still to vote",
                    "{of_devices} have voted; {waiting} still to vote", voted).format(
        of_devices=of_devices, waiting=waiting)


def _dots_left_in_all(ballots: int, dots: int) -> str:
    """`2 ballots have dots left (5 dots in all)`."""
    with_dots = ngettext("{n} ballot has dots left", "{n} ballots have dots left",
                         ballots).format(n=ballots)
    in_all = ngettext("{n} dot in all", "{n} dots in all", dots).format(n=dots)
    # Translators: {ballots} is "2 ballots have dots left", {dots} "5 dots in all".
    return _("{ballots} ({dots})").format(ballots=with_dots, dots=in_all)


def vote_progress(session: Session, room: Room, vote: Vote, devices: int | None) -> list[str]:
    """Lines saying who has voted and who still has dots or a ballot to give."""
    lines = [_counted(vote)]
    if devices is not None:
        lines.append(_devices_voted(sum(1 for b in vote.ballots if b.device), devices))
    left = [(b, _dots_left(vote, b)) for b in vote.ballots]
    left = [(b, n) for b, n in left if n]
    people = {p.id: p.name for p in session.participants}
    if room.names:
        voted = {b.voter for b in vote.ballots if b.voter}
        missing = [name for pid, name in people.items() if pid not in voted]
        lines.append(_("Still to vote: {names}").format(names=_names(missing)) if missing
                     else _("Everybody has voted."))
        if left:
            anonymous = _("anonymous")
            named = [f"{people.get(b.voter or '') or anonymous} {n}" for b, n in left]
            lines.append(_("Dots left: {names}").format(names=_names(named)))
    elif left:
        lines.append(_dots_left_in_all(len(left), sum(n for _b, n in left)))
    return lines


def describe_room(room: Room, session: Session, width: int = 80) -> str:
    """What the room's phones show, as the Room screen and `smartplan room` say it: the vote
    named by its question, the SWOT brainstorm with its count."""
    if room.activity is RoomActivity.OFF:
        return _("“waiting for the facilitator”")
    if room.activity is RoomActivity.SWOT:
        return ngettext("the SWOT brainstorm ({n} item so far)",
                        "the SWOT brainstorm ({n} items so far)",
                        len(session.swot)).format(n=len(session.swot))
    vote = session.find(VOTES, room.vote) if room.vote else None
    if vote is None:
        return _("a vote that no longer exists ({vote}); phones show “waiting”").format(
            vote=room.vote)
    shown = (_("the results of the vote {question}") if room.activity is RoomActivity.RESULTS
             else _("the vote {question}")).format(question=quoted(vote.question, width))
    if vote.status is VoteStatus.CLOSED:
        shown += _(" (closed)")
    if room.activity is RoomActivity.VOTE and room.names:
        shown += _(" — asking for names")
    return shown

"""What the participants' page shows and what it may send: pure logic, no web framework.

`room_view` turns a session and its `Room` into the `/api/room` document (docs/format.md,
"The participant API"), computed once per change of the session and shared by every
device; only `my_ballot` differs per device. `parse_swot` and `parse_ballot` check a
request body completely before anything is queued for writing, and name the first problem
in one line; the vote's rules are the model's (`Vote.ballot_problem`), the same the
keyboard's ballot entry enforces.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.exercises import voting
from smartplan_tui.exercises.names import vote_name
from smartplan_tui.i18n import _, ngettext, pgettext
from smartplan_tui.model import (
    Ballot,
    ModelError,
    Quadrant,
    Room,
    RoomActivity,
    Session,
    SwotItem,
    Vote,
    VoteStatus,
    describe,
    key_path,
)
from smartplan_tui.numbers import format_number
from smartplan_tui.records import record
from smartplan_tui.store.codec import encode
from smartplan_tui.text import quoted

__all__ = ["BallotDraft", "Refused", "RoomView", "SwotDraft", "ballot_json", "cast_from_device",
           "check_ballot_turn", "check_swot_turn", "field_label", "located", "parse_ballot",
           "parse_swot", "room_view", "vote_json"]

#: The longest name a participant may type on the SWOT form.
MAX_NAME = 100


class Refused(Exception):
    """A request the hub turns down: the HTTP status and one line saying why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _field_words() -> dict[str, str]:
    # One literal call per field, so that the extractor sees each of them.
    return {
        "text": pgettext("request field", "text"),
        "name": pgettext("request field", "name"),
        "quadrant": pgettext("request field", "quadrant"),
        "vote": pgettext("request field", "vote"),
        "voter": pgettext("request field", "voter"),
        "dots": pgettext("request field", "dots"),
        "ranking": pgettext("request field", "ranking"),
        "scores": pgettext("request field", "scores"),
        "rank": pgettext("request field", "rank"),
        "score": pgettext("request field", "score"),
    }


def field_label(path: str) -> str:
    """A field of a request (`text`, `dots.A`) as a refusal names it: in English its key, as
    the API documents it; in Latvian and Lithuanian the word, since a person on a phone reads
    the refusal under the form (`punkti.A`). Option ids and criteria are kept as they are."""
    cut = min((i for i in (path.find("."), path.find("[")) if i >= 0), default=len(path))
    head = path[:cut]
    return _field_words().get(head, head) + path[cut:]


def located(error: ModelError) -> str:
    """A model error's one line, its field named as `field_label` names it."""
    if not error.path:
        return error.reason
    return _("{field}: {reason}").format(field=field_label(error.path), reason=error.reason)


def vote_json(vote: Vote) -> dict[str, Any]:
    """A vote as a ballot needs it: no ballots, nothing anybody else gave."""
    return {"id": vote.id, "question": vote.question, "method": vote.method.value,
            "options": [{"id": o.id, "text": o.text} for o in vote.options],
            "dots_per_voter": vote.dots_per_voter,
            "max_dots_per_option": vote.max_dots_per_option,
            "criteria": list(vote.criteria), "scale": list(vote.scale),
            "status": vote.status.value}


def ballot_json(ballot: Ballot) -> dict[str, Any]:
    """A ballot as in the interchange format, without its device tag."""
    doc = encode(ballot)
    doc.pop("device", None)
    return doc


@record
class RoomView:
    """The room as every device sees it, from one state of the session."""

    session: Session
    room: Room
    vote: Vote | None
    document: dict[str, Any]
    """`/api/room` without `my_ballot`."""
    mine: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Ballots of the vote shown, by device tag."""

    @property
    def activity(self) -> RoomActivity:
        return RoomActivity(self.document["activity"])

    def for_device(self, tag: str | None) -> dict[str, Any]:
        """The `/api/room` document of one device (`tag`: its tag in the vote shown)."""
        return {**self.document, "my_ballot": self.mine.get(tag) if tag else None}


def room_view(session: Session, room: Room) -> RoomView:
    """What the room sees; a vote that was deleted meanwhile shows as `off`."""
    vote = session.find(VOTES, room.vote) if room.vote else None
    activity = room.activity
    if activity in (RoomActivity.VOTE, RoomActivity.RESULTS) and vote is None:
        activity = RoomActivity.OFF
    shown = vote if activity in (RoomActivity.VOTE, RoomActivity.RESULTS) else None
    results = None
    if shown is not None and activity is RoomActivity.RESULTS:
        results = voting.result_to_json(voting.count(shown))
    document = {"session": {"title": session.info.title}, "activity": activity.value,
                "vote": vote_json(shown) | {"names": room.names} if shown is not None else None,
                "results": results}
    mine = ({b.device: ballot_json(b) for b in shown.ballots if b.device}
            if shown is not None else {})
    return RoomView(session, room, shown, document, mine)


# ------------------------------------------------------------------ requests


@record
class SwotDraft:
    quadrant: Quadrant
    text: str
    author: str


@record
class BallotDraft:
    """A checked ballot for `vote_id`, before it carries its device tag."""

    vote_id: str
    ballot: Ballot


def _fields(doc: object, known: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(doc, dict):
        raise Refused(400, _("the body must be a JSON object with {fields}").format(fields=", ".join(known)))
    for key in doc:
        if key not in known:
            raise Refused(400, _("{field}: unknown field (known: {fields})").format(
                field=key_path("", key), fields=", ".join(known)))
    return doc


def _text_field(doc: Mapping[str, Any], name: str, *, required: bool) -> str:
    value = doc.get(name, None if required else "")
    if value is None and not required:
        return ""
    if value is None:
        raise Refused(400, _("{field}: is missing").format(field=field_label(name)))
    if not isinstance(value, str):
        raise Refused(400, _("{field}: must be text, not {value}").format(
            field=field_label(name), value=describe(value)))
    return value


def parse_swot(doc: object) -> SwotDraft:
    """`{"quadrant", "text", "name"?}` checked as the store would check the item."""
    fields = _fields(doc, ("quadrant", "text", "name"))
    quadrant_text = _text_field(fields, "quadrant", required=True)
    text = _text_field(fields, "text", required=True)
    name = _text_field(fields, "name", required=False).strip()
    try:
        quadrant = Quadrant.parse(quadrant_text)
    except ModelError as error:
        raise Refused(400, _("{field}: {reason}").format(
            field=field_label("quadrant"), reason=error.reason)) from None
    if len(name) > MAX_NAME:
        raise Refused(400, ngettext("{field}: is {n} character long; at most {most}",
                                    "{field}: is {n} characters long; at most {most}",
                                    len(name)).format(field=field_label("name"),
                                                      n=format_number(len(name), grouped=True),
                                                      most=MAX_NAME))
    try:
        SwotItem("new", quadrant, text, (), name)
    except ModelError as error:
        raise Refused(400, located(error)) from None
    return SwotDraft(quadrant, text, name)


def check_swot_turn(room: Room) -> None:
    """409 unless the room is brainstorming the SWOT now."""
    if room.activity is not RoomActivity.SWOT:
        raise Refused(409, _("the room is not brainstorming the SWOT now"))


_KINDS = ("dots", "ranking", "scores")


def parse_ballot(doc: object, view: RoomView) -> BallotDraft:
    """`{"vote", "dots"|"ranking"|"scores", "voter"?}` checked against the vote shown."""
    fields = _fields(doc, ("vote", *_KINDS, "voter"))
    vote_id = _text_field(fields, "vote", required=True)
    voter = _text_field(fields, "voter", required=False)
    given = [k for k in _KINDS if k in fields]
    if len(given) != 1:
        raise Refused(400, _("a ballot holds exactly one of dots, ranking or scores (it has "
                              "{fields})").format(fields=", ".join(given)) if given
                      else _("a ballot holds exactly one of dots, ranking or scores"))
    kind = given[0]
    vote = check_ballot_turn(view.session, view.room, vote_id)
    value = _ballot_value(kind, fields[kind])
    try:
        ballot = Ballot(voter=voter, **{kind: value})
    except ModelError as error:
        raise Refused(400, located(error)) from None
    problem = vote.ballot_problem(ballot)
    if problem:
        raise Refused(400, _("{field}: {reason}").format(field=field_label(kind), reason=problem))
    if not value:
        raise Refused(400, (_("{field}: place a dot on at least one option") if kind == "dots"
                            else _("{field}: rank or score at least one option")).format(
                               field=field_label(kind)))
    _check_voter(view.session, view.room, vote, voter)
    return BallotDraft(vote.id, ballot)


def _ballot_value(kind: str, value: object) -> Any:
    """The JSON value of a ballot field in the form `Ballot` takes, or 400 naming it."""
    if kind == "ranking":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Refused(400, _("{field}: must be a list of option ids, best first").format(
                field=field_label("ranking")))
        return tuple(value)
    if not isinstance(value, dict):
        raise Refused(400, _("{field}: must be an object of option ids").format(
            field=field_label(kind)))
    if kind == "dots":
        for option, n in value.items():
            if type(n) is not int:
                raise Refused(400, _("{field}: must be a whole number, not {value}").format(
                    field=field_label(key_path("dots", option)), value=describe(n)))
        return {option: n for option, n in value.items() if n}
    for option, marks in value.items():
        if not isinstance(marks, dict):
            raise Refused(400, _("{field}: must be an object of marks by criterion").format(
                field=field_label(key_path("scores", option))))
        for criterion, mark in marks.items():
            if type(mark) is not int:
                raise Refused(400, _("{field}: must be a whole number, not {value}").format(
                    field=field_label(key_path(key_path("scores", option), criterion)),
                    value=describe(mark)))
    return {option: marks for option, marks in value.items() if marks}


def _check_voter(session: Session, room: Room, vote: Vote, voter: str) -> None:
    if not room.names:
        if voter:
            raise Refused(400, _("{field}: this vote is anonymous; leave the name out").format(
                field=field_label("voter")))
        return
    if not voter:
        raise Refused(400, _("{field}: this vote asks for your name; choose it").format(
            field=field_label("voter")))
    if not any(p.id == voter for p in session.participants):
        raise Refused(400, _("{field}: {name} is not a participant of this session").format(
            field=field_label("voter"), name=describe(voter)))


def check_ballot_turn(session: Session, room: Room, vote_id: str,
                      current: Vote | None = None) -> Vote:
    """The vote (`current`, or as in `session`), if the room is voting on it now and it is
    open; else 409 saying why."""
    vote = current if current is not None else session.find(VOTES, vote_id)
    if vote is None:
        raise Refused(409, _("this vote no longer exists"))
    if room.activity is not RoomActivity.VOTE or room.vote != vote_id:
        raise Refused(409, _("{vote} is not in front of the room now").format(
            vote=vote_name(vote)))
    if vote.status is VoteStatus.CLOSED:
        raise Refused(409, _("{vote} is closed").format(vote=vote_name(vote)))
    return vote


def cast_from_device(session: Session, room: Room, draft: BallotDraft, tag: str,
                     current: Vote | None = None) -> Vote:
    """The vote (`current`, or as in `session`) with this device's ballot counted, replacing
    its earlier one; checked on the session as it is at the moment of writing."""
    vote = check_ballot_turn(session, room, draft.vote_id, current)
    ballot = Ballot(voter=draft.ballot.voter, dots=draft.ballot.dots,
                    ranking=draft.ballot.ranking, scores=draft.ballot.scores, device=tag)
    _check_voter(session, room, vote, ballot.voter)
    if ballot.voter and any(b.voter == ballot.voter and b.device != tag for b in vote.ballots):
        name = next((p.name for p in session.participants if p.id == ballot.voter), "")
        raise Refused(409, _("{field}: {name} has voted already, on another device or at the "
                             "keyboard").format(field=field_label("voter"),
                                                name=quoted(name) if name
                                                else describe(ballot.voter)))
    try:
        return voting.cast(vote, ballot)
    except ModelError as error:
        raise Refused(400, _("{field}: {reason}").format(field=field_label(ballot.kind),
                                                         reason=error.reason)) from None

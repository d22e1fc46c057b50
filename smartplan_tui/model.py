"""The domain of a SmartPlan session: frozen dataclasses that validate their values.

Every object checks its own values when it is built, so nothing invalid can reach the
store, a screen or a report. Checks that need the whole session (a TOWS strategy links
existing SWOT items, an action's priority names an existing option) live in
`session_problems`, which the importer and the exercises call. Edits never mutate:
`dataclasses.replace` gives a new object, validated again.

Errors are `ModelError`s whose message starts with the path of the offending value
(`votes[0].ballots[2]: 4 dots exceed the budget of 3`), so the command line and the
importer can report them on one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

__all__ = [
    "Action",
    "ActionStatus",
    "AgendaItem",
    "Ballot",
    "ModelError",
    "Note",
    "NoteKind",
    "Origin",
    "Participant",
    "Quadrant",
    "Session",
    "SessionInfo",
    "SessionKind",
    "SwotItem",
    "TieRule",
    "TowsStrategy",
    "TowsType",
    "Vote",
    "VoteMethod",
    "VoteOption",
    "VoteStatus",
    "parse_date",
    "parse_datetime",
    "session_problems",
]

#: Longest text accepted in one field. Workshop notes pasted from Word can be long (a
#: 50,000-character item must survive), but a megabyte in one field is a mistake.
MAX_TEXT = 1_000_000

SESSION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_ID_CHAR = re.compile(r"[\s\x00-\x1f]")


class ModelError(ValueError):
    """A value that the domain refuses; the message starts with where it is."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)

    def within(self, prefix: str) -> ModelError:
        """The same error, located inside `prefix` (`ballots[2]` → `votes[0].ballots[2]`)."""
        path = f"{prefix}.{self.path}" if self.path and not self.path.startswith("[") else (
            f"{prefix}{self.path}"
        )
        return ModelError(path, self.reason)


class SessionKind(StrEnum):
    WORKSHOP = "workshop"
    INNOVATION_CAMP = "innovation-camp"
    STUDY_VISIT = "study-visit"
    CONFERENCE = "conference"
    MEETING = "meeting"


class Quadrant(StrEnum):
    STRENGTHS = "strengths"
    WEAKNESSES = "weaknesses"
    OPPORTUNITIES = "opportunities"
    THREATS = "threats"

    @classmethod
    def parse(cls, text: str) -> Quadrant:
        """Accept the full name or its first letter, in any case (`S`, `strengths`)."""
        quadrant = _QUADRANT_NAMES.get(text) or _QUADRANT_NAMES.get(text.strip().lower())
        if quadrant is not None:
            return quadrant
        raise ModelError("", f"unknown quadrant {text!r} (use strengths, weaknesses, "
                         "opportunities, threats or S/W/O/T)")

    @property
    def letter(self) -> str:
        return self.value[0].upper()

    @property
    def internal(self) -> bool:
        """Strengths and weaknesses are inside the region; the others come from outside."""
        return self in (Quadrant.STRENGTHS, Quadrant.WEAKNESSES)


#: Every spelling `Quadrant.parse` accepts: a dictionary, as it runs once per stored item.
_QUADRANT_NAMES: dict[str, Quadrant] = {
    name: quadrant for quadrant in Quadrant
    for name in (quadrant.value, quadrant.value[0], quadrant.value[:-1])
}


class TowsType(StrEnum):
    SO = "SO"
    ST = "ST"
    WO = "WO"
    WT = "WT"

    @property
    def quadrants(self) -> tuple[Quadrant, Quadrant]:
        """The internal and the external quadrant a strategy of this type combines."""
        by_letter = {q.letter: q for q in Quadrant}
        return by_letter[self.value[0]], by_letter[self.value[1]]


class VoteMethod(StrEnum):
    DOT = "dot"
    BORDA = "borda"
    SCHULZE = "schulze"
    IRV = "irv"
    SCORE = "score"

    @property
    def ballot_kind(self) -> str:
        """Which field of a ballot this method counts: dots, ranking or scores."""
        if self is VoteMethod.DOT:
            return "dots"
        if self is VoteMethod.SCORE:
            return "scores"
        return "ranking"


class VoteStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class TieRule(StrEnum):
    """What the facilitator decided to do about ties; recorded, never applied silently.

    `report`: ties stay ties. `option-order`: the option listed first goes first.
    `facilitator`: the order in `Vote.tie_break`, which the facilitator typed in.
    """

    REPORT = "report"
    OPTION_ORDER = "option-order"
    FACILITATOR = "facilitator"


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"


class NoteKind(StrEnum):
    NOTE = "note"
    DECISION = "decision"
    PARKING_LOT = "parking-lot"


# ---------------------------------------------------------------- value checks


def _text(path: str, value: object, *, required: bool = False) -> None:
    if not isinstance(value, str):
        raise ModelError(path, f"must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise ModelError(path, "must not be empty")
    if len(value) > MAX_TEXT:
        raise ModelError(path, f"is {len(value):,} characters long; the limit is {MAX_TEXT:,}")
    surrogate = _SURROGATE.search(value)
    if surrogate:
        raise ModelError(path, f"contains an invalid character U+{ord(surrogate.group()):04X}")


def _item_id(path: str, value: object) -> None:
    _text(path, value, required=True)
    assert isinstance(value, str)
    if len(value) > 100 or _BAD_ID_CHAR.search(value):
        raise ModelError(path, f"{value[:40]!r} is not a valid id (no spaces, at most 100 characters)")


def _texts(path: str, values: object) -> None:
    if not isinstance(values, tuple):
        raise ModelError(path, "must be a tuple of texts")
    for i, value in enumerate(values):
        _text(f"{path}[{i}]", value, required=True)


def _unique_ids(path: str, items: Iterable[Any]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        item_id = item.id
        if item_id in seen:
            raise ModelError(f"{path}[{i}].id", f"{item_id!r} is used twice")
        seen.add(item_id)


def _enum(path: str, cls: type[StrEnum], value: object) -> None:
    if not isinstance(value, cls):
        raise ModelError(path, f"must be one of {', '.join(m.value for m in cls)}")


def _int(path: str, value: object, lo: int | None = None, hi: int | None = None) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ModelError(path, f"must be a whole number, not {value!r}")
    if lo is not None and value < lo:
        raise ModelError(path, f"{value} is below {lo}")
    if hi is not None and value > hi:
        raise ModelError(path, f"{value} is above {hi}")


def parse_date(text: str) -> date:
    """An ISO date (`2027-02-28`); `2027-02-30` is refused with a clear reason."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ModelError("", f"{text!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ModelError("", f"{text} is not a real date") from None


def parse_datetime(text: str) -> datetime:
    """An ISO 8601 timestamp (`2026-12-01T10:15:00+02:00`)."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].+", text):
        raise ModelError("", f"{text!r} is not a timestamp in the form YYYY-MM-DDTHH:MM:SS")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ModelError("", f"{text} is not a real date and time") from None


# ---------------------------------------------------------------- the objects


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """What a session is: the title block of every report."""

    id: str
    title: str
    kind: SessionKind = SessionKind.WORKSHOP
    date: date | None = None
    place: str = ""
    region: str = ""
    facilitator: str = ""
    language: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not SESSION_ID_RE.match(self.id):
            raise ModelError("session.id", f"{str(self.id)[:70]!r} is not a valid session id "
                             "(letters, digits, '.', '_' or '-', at most 64, no leading dot)")
        _text("session.title", self.title, required=True)
        _enum("session.kind", SessionKind, self.kind)
        if self.date is not None and not isinstance(self.date, date):
            raise ModelError("session.date", "must be a date")
        for name in ("place", "region", "facilitator", "language"):
            _text(f"session.{name}", getattr(self, name))


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    name: str
    organisation: str = ""
    country: str = ""
    role: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("name", self.name, required=True)
        for name in ("organisation", "country", "role", "email"):
            _text(name, getattr(self, name))
        if self.country and not COUNTRY_RE.match(self.country):
            raise ModelError("country", f"{self.country!r} is not a two-letter country code (LV, LT)")
        if self.email and ("@" not in self.email or any(c.isspace() for c in self.email)):
            raise ModelError("email", f"{self.email!r} is not an e-mail address")


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: str
    title: str
    minutes: int = 0
    exercise: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("title", self.title, required=True)
        _int("minutes", self.minutes, 0, 24 * 60)
        _text("exercise", self.exercise)
        for name in ("started_at", "ended_at"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, datetime):
                raise ModelError(name, "must be a timestamp")
        if self.ended_at is not None:
            if self.started_at is None:
                raise ModelError("ended_at", "an item cannot end before it started")
            try:
                backwards = self.ended_at < self.started_at
            except TypeError:
                raise ModelError("ended_at", "mixes a timestamp with and without a time zone") from None
            if backwards:
                raise ModelError("ended_at", "is before started_at")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where one part of a merged SWOT item came from, so a merge loses nobody's words."""

    id: str
    text: str
    author: str = ""

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("text", self.text)
        _text("author", self.author)


@dataclass(frozen=True, slots=True)
class SwotItem:
    id: str
    quadrant: Quadrant
    text: str
    tags: tuple[str, ...] = ()
    author: str = ""
    merged_from: tuple[Origin, ...] = ()

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _enum("quadrant", Quadrant, self.quadrant)
        _text("text", self.text, required=True)
        _texts("tags", self.tags)
        if len(set(self.tags)) != len(self.tags):
            raise ModelError("tags", "a tag is listed twice")
        _text("author", self.author)
        if not all(isinstance(o, Origin) for o in self.merged_from):
            raise ModelError("merged_from", "must hold origins")


@dataclass(frozen=True, slots=True)
class TowsStrategy:
    id: str
    type: TowsType
    text: str
    links: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _enum("type", TowsType, self.type)
        _text("text", self.text, required=True)
        _texts("links", self.links)
        if len(set(self.links)) != len(self.links):
            raise ModelError("links", "an item is linked twice")


@dataclass(frozen=True, slots=True)
class VoteOption:
    id: str
    text: str
    source: str = ""
    """The SWOT item or TOWS strategy this option was taken from, if any."""

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("text", self.text, required=True)
        _text("source", self.source)


def _frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True, slots=True, eq=False)
class Ballot:
    """One voter's ballot: exactly one of `dots`, `ranking` or `scores`.

    `aggregate` marks counts read off a wall of sticky dots: they have no voter and no
    per-voter budget.
    """

    voter: str = ""
    dots: Mapping[str, int] | None = None
    ranking: tuple[str, ...] | None = None
    scores: Mapping[str, Mapping[str, int]] | None = None
    aggregate: bool = False

    def __post_init__(self) -> None:
        _text("voter", self.voter)
        given = [k for k in ("dots", "ranking", "scores") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ModelError("", "a ballot holds exactly one of dots, ranking or scores"
                             + (f" (it has {', '.join(given)})" if given else ""))
        if self.dots is not None:
            object.__setattr__(self, "dots", _frozen_map(self.dots))
            for option, n in self.dots.items():
                _int(f"dots.{option}", n, 0)
        if self.ranking is not None:
            if not isinstance(self.ranking, tuple):
                raise ModelError("ranking", "must be a tuple of option ids")
            if len(set(self.ranking)) != len(self.ranking):
                raise ModelError("ranking", "ranks an option twice")
        if self.scores is not None:
            object.__setattr__(self, "scores", _frozen_map(
                {k: _frozen_map(v) for k, v in self.scores.items()}))
        if self.aggregate and (self.dots is None or self.voter):
            raise ModelError("aggregate", "aggregate counts are dots without a voter")

    @property
    def kind(self) -> str:
        return "dots" if self.dots is not None else "ranking" if self.ranking is not None else "scores"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ballot):
            return NotImplemented
        return (self.voter, self.aggregate, self.ranking, _plain(self.dots), _plain(self.scores)) == (
            other.voter, other.aggregate, other.ranking, _plain(other.dots), _plain(other.scores))

    __hash__ = None  # type: ignore[assignment]


def _plain(value: object) -> object:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Vote:
    id: str
    question: str
    method: VoteMethod = VoteMethod.DOT
    options: tuple[VoteOption, ...] = ()
    dots_per_voter: int = 3
    max_dots_per_option: int | None = None
    criteria: tuple[str, ...] = ("impact", "feasibility")
    scale: tuple[int, int] = (1, 5)
    ballots: tuple[Ballot, ...] = ()
    status: VoteStatus = VoteStatus.OPEN
    tie_rule: TieRule = TieRule.REPORT
    tie_break: tuple[str, ...] = ()
    hidden: bool = False
    """Results stay hidden on screen until the facilitator reveals them."""

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("question", self.question, required=True)
        _enum("method", VoteMethod, self.method)
        _enum("status", VoteStatus, self.status)
        _enum("tie_rule", TieRule, self.tie_rule)
        _unique_ids("options", self.options)
        _int("dots_per_voter", self.dots_per_voter, 1, 1000)
        if self.max_dots_per_option is not None:
            _int("max_dots_per_option", self.max_dots_per_option, 1, 1000)
        _texts("criteria", self.criteria)
        if not self.criteria or len(set(self.criteria)) != len(self.criteria):
            raise ModelError("criteria", "must name at least one criterion, each once")
        if (not isinstance(self.scale, tuple) or len(self.scale) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in self.scale)
                or self.scale[0] >= self.scale[1]):
            raise ModelError("scale", f"{self.scale!r} must be two whole numbers, low before high")
        known = self.option_ids
        for i, option_id in enumerate(self.tie_break):
            if option_id not in known:
                raise ModelError(f"tie_break[{i}]", f"unknown option {option_id!r}")
        voters: set[str] = set()
        for i, ballot in enumerate(self.ballots):
            problem = self.ballot_problem(ballot)
            if problem:
                raise ModelError(f"ballots[{i}]", problem)
            if ballot.voter:
                if ballot.voter in voters:
                    raise ModelError(f"ballots[{i}].voter", f"{ballot.voter!r} voted twice")
                voters.add(ballot.voter)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def option(self, option_id: str) -> VoteOption:
        for option in self.options:
            if option.id == option_id:
                return option
        raise ModelError("", f"vote {self.id} has no option {option_id!r}")

    def ballot_problem(self, ballot: Ballot) -> str | None:
        """Why this ballot breaks the vote's rules, or None if it may be counted."""
        known = set(self.option_ids)
        wanted = self.method.ballot_kind
        if ballot.kind != wanted:
            return f"a {self.method.value} vote takes {wanted}, not {ballot.kind}"
        if ballot.dots is not None:
            for option_id, n in ballot.dots.items():
                if option_id not in known:
                    return f"unknown option {option_id!r}"
                if (not ballot.aggregate and self.max_dots_per_option is not None
                        and n > self.max_dots_per_option):
                    return (f"{n} dots on {option_id} exceed the cap of "
                            f"{self.max_dots_per_option} per option")
            total = sum(ballot.dots.values())
            if not ballot.aggregate and total > self.dots_per_voter:
                return f"{total} dots exceed the budget of {self.dots_per_voter}"
        if ballot.ranking is not None:
            for option_id in ballot.ranking:
                if option_id not in known:
                    return f"unknown option {option_id!r}"
            if not ballot.ranking:
                return "ranks no option"
        if ballot.scores is not None:
            lo, hi = self.scale
            for option_id, marks in ballot.scores.items():
                if option_id not in known:
                    return f"unknown option {option_id!r}"
                for criterion, mark in marks.items():
                    if criterion not in self.criteria:
                        return f"unknown criterion {criterion!r} for option {option_id}"
                    if not isinstance(mark, int) or isinstance(mark, bool) or not lo <= mark <= hi:
                        return f"score {mark!r} for {option_id} {criterion} is outside {lo}–{hi}"
        return None


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    title: str
    description: str = ""
    priority: str = ""
    """The vote option this action serves: `A`, or `v2:A` where option ids repeat."""
    owner: str = ""
    partners: tuple[str, ...] = ()
    start: date | None = None
    due: date | None = None
    budget_eur: int | float | None = None
    indicator: str = ""
    baseline: str = ""
    target: str = ""
    status: ActionStatus = ActionStatus.PLANNED

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("title", self.title, required=True)
        for name in ("description", "priority", "owner", "indicator", "baseline", "target"):
            _text(name, getattr(self, name))
        _texts("partners", self.partners)
        for name in ("start", "due"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise ModelError(name, "must be a date")
        if self.budget_eur is not None:
            if isinstance(self.budget_eur, bool) or not isinstance(self.budget_eur, int | float):
                raise ModelError("budget_eur", f"must be a number, not {self.budget_eur!r}")
            if not 0 <= self.budget_eur < 1e12 or self.budget_eur != self.budget_eur:
                raise ModelError("budget_eur", f"{self.budget_eur} is not a budget in euro")
        _enum("status", ActionStatus, self.status)


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    at: datetime
    text: str
    kind: NoteKind = NoteKind.NOTE
    author: str = ""
    agenda_item: str = ""

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        if not isinstance(self.at, datetime):
            raise ModelError("at", "must be a timestamp")
        _text("text", self.text, required=True)
        _enum("kind", NoteKind, self.kind)
        _text("author", self.author)
        _text("agenda_item", self.agenda_item)


@dataclass(frozen=True, slots=True)
class Session:
    """A whole session as the exercises, screens and reports see it."""

    info: SessionInfo
    participants: tuple[Participant, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    swot: tuple[SwotItem, ...] = ()
    tows: tuple[TowsStrategy, ...] = ()
    votes: tuple[Vote, ...] = ()
    actions: tuple[Action, ...] = ()
    notes: tuple[Note, ...] = ()
    _by_id: dict[str, dict[str, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    """Per list, items by id, built on the first `find` (screens look items up per key)."""

    def __post_init__(self) -> None:
        for name in COLLECTIONS:
            items = getattr(self, name)
            if not isinstance(items, tuple):
                object.__setattr__(self, name, tuple(items))
            _unique_ids(name, getattr(self, name))

    @property
    def id(self) -> str:
        return self.info.id

    @classmethod
    def of(cls, info: SessionInfo, lists: Mapping[str, tuple[Any, ...]]) -> Session:
        """A session from its title block and its lists by name (missing lists are empty)."""
        return cls(info, *(tuple(lists.get(name, ())) for name in COLLECTIONS))

    def find(self, collection: str, item_id: str) -> Any:
        """The item of a list with this id, or None."""
        index = self._by_id.get(collection)
        if index is None:
            index = self._by_id[collection] = {item.id: item for item in getattr(self, collection)}
        return index.get(item_id)


#: The session's lists, in the order of the interchange format.
COLLECTIONS = ("participants", "agenda", "swot", "tows", "votes", "actions", "notes")


def session_problems(session: Session) -> list[ModelError]:
    """Cross-references that do not hold: links to missing items, mismatched TOWS types."""
    problems: list[ModelError] = []
    swot = {item.id: item for item in session.swot}
    tows_ids = {s.id for s in session.tows}
    agenda = {a.id for a in session.agenda}
    for i, strategy in enumerate(session.tows):
        internal, external = strategy.type.quadrants
        found: set[Quadrant] = set()
        for j, link in enumerate(strategy.links):
            item = swot.get(link)
            if item is None:
                problems.append(ModelError(f"tows[{i}].links[{j}]", f"no SWOT item {link!r}"))
                continue
            if item.quadrant not in (internal, external):
                problems.append(ModelError(
                    f"tows[{i}].links[{j}]",
                    f"{link} is one of the {item.quadrant.value}; a {strategy.type.value} "
                    f"strategy combines {internal.value} with {external.value}"))
            found.add(item.quadrant)
        if strategy.links and not {internal, external} <= found and not any(
                p.path.startswith(f"tows[{i}]") for p in problems):
            missing = [q.value for q in (internal, external) if q not in found]
            problems.append(ModelError(f"tows[{i}].links",
                                       f"a {strategy.type.value} strategy needs one of the "
                                       f"{' and one of the '.join(missing)} too"))
    option_ids: dict[str, list[str]] = {}
    for i, vote in enumerate(session.votes):
        for j, option in enumerate(vote.options):
            option_ids.setdefault(option.id, []).append(vote.id)
            if option.source and option.source not in swot and option.source not in tows_ids:
                problems.append(ModelError(f"votes[{i}].options[{j}].source",
                                           f"no SWOT item or TOWS strategy {option.source!r}"))
    qualified = {f"{vote.id}:{o.id}" for vote in session.votes for o in vote.options}
    for i, action in enumerate(session.actions):
        if action.priority and action.priority not in option_ids and action.priority not in qualified:
            problems.append(ModelError(f"actions[{i}].priority",
                                       f"no vote option {action.priority!r}"))
    for i, note in enumerate(session.notes):
        if note.agenda_item and note.agenda_item not in agenda:
            problems.append(ModelError(f"notes[{i}].agenda_item",
                                       f"no agenda item {note.agenda_item!r}"))
    return problems

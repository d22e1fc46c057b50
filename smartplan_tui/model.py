"""The domain of a SmartPlan session: frozen dataclasses that validate their values.

Every object checks its own values when it is built, so nothing invalid can reach the
store, a screen or a report. Checks that need the rest of the session (a TOWS strategy
links existing SWOT items, an action's priority names an existing option) are
`item_problems`, per item: the importer runs it on every item (`reference_problems`) and
the store on every item it writes, so both refuse the same things in the same words.
`session_problems` adds advice that refuses nothing (a strategy whose links no longer fit
its type). Edits never mutate: `dataclasses.replace` gives a new object, validated again.

Errors are `ModelError`s whose message starts with the path of the offending value
(`votes[0].ballots[2]: 4 dots exceed the budget of 3`), so the command line and the
importer can report them on one line.

Every number has bounds (`MAX_COUNT`, `MAX_BUDGET_EUR`, …): whatever the model accepts can
be stored (orjson writes 64-bit integers only), counted and printed.
"""

from __future__ import annotations

import dataclasses
import json
import math
import operator
import re
from collections.abc import Iterable, Mapping
from dataclasses import field
from datetime import date, datetime, time
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

# Ours: messages a person reads are translated; the classes are built by `record`.
from smartplan_tui.i18n import N_, _, ngettext
from smartplan_tui.records import record

__all__ = [
    "ATTENDANCE_COLUMNS",
    "CONSENT_WAYS",
    "DEFAULT_CONSENT_PURPOSES",
    "LIST_NAMES",
    "PROFILE_KEYS",
    "REFERENCED_LISTS",
    "Action",
    "ActionStatus",
    "AgendaItem",
    "Ballot",
    "Consent",
    "ConsentPurpose",
    "ListOf",
    "ModelError",
    "Note",
    "NoteKind",
    "Origin",
    "Participant",
    "ProjectProfile",
    "Quadrant",
    "References",
    "Room",
    "RoomActivity",
    "Session",
    "SessionInfo",
    "SessionKind",
    "SessionReferences",
    "SwotItem",
    "TieRule",
    "TowsStrategy",
    "TowsType",
    "Vote",
    "VoteMethod",
    "VoteOption",
    "VoteStatus",
    "check_new_session_id",
    "describe",
    "is_new_session_id",
    "item_problems",
    "key_path",
    "legacy_session_id_ok",
    "parse_date",
    "parse_datetime",
    "parse_time",
    "reference_problems",
    "repoint",
    "session_id_problem",
    "session_problems",
]

#: Longest text accepted in one field. Workshop notes pasted from Word can be long (a
#: 50,000-character item must survive), but a megabyte in one field is a mistake.
MAX_TEXT = 1_000_000

#: Planned minutes of one agenda item: a day at most.
MAX_MINUTES = 24 * 60
#: Most dots, counts or votes in one place: a wall of sticky dots never holds a million.
MAX_COUNT = 1_000_000
#: Most dots one voter may be given, or put on one option.
MAX_DOTS = 1000
#: Score scales and marks lie within ±MAX_SCALE (1–5 and 0–10 are usual, 0–100 possible).
MAX_SCALE = 1000
#: The largest budget of one action, in euro.
MAX_BUDGET_EUR = 10**12
#: Longest session id; ids name files, and file names have limits.
MAX_SESSION_ID = 64

#: Ids of sessions made before the rule for new ids: these keep loading. `\Z`, unlike `$`,
#: does not match before a final newline, so `.match` is a full match too.
SESSION_ID_RE = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")
#: Ids of new sessions: lower case only, as `Camp` and `camp` are one file on Windows and
#: macOS, and no dots, so that `x.json` cannot make `x.json.json`.
NEW_SESSION_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
#: Names Windows reserves for devices, in any case and with any extension (`con.json`).
RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                            *(f"lpt{i}" for i in range(10))})
COUNTRY_RE = re.compile(r"[A-Z]{2}")
#: A time of day: hours (one or two digits), minutes and optional seconds, by `:` or `.`.
_TIME_OF_DAY = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})(?:[:.]([0-9]{2}))?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_ID_CHAR = re.compile(r"[\s\x00-\x1f]")
_PLAIN_KEY = re.compile(r"[\w:-]{1,100}")
#: What `key_path` escapes: what would end the quoted key or the line.
_KEY_ESCAPES = {ord(c): json.dumps(c)[1:-1] for c in '"\\\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029'}


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
        raise ModelError("", _("unknown quadrant {text} (use strengths, weaknesses, "
                               "opportunities, threats or S/W/O/T)").format(text=describe(text)))

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


class RoomActivity(StrEnum):
    """What the participants' phones show: nothing yet, the SWOT board, a vote, its results."""

    OFF = "off"
    SWOT = "swot"
    VOTE = "vote"
    RESULTS = "results"


# ---------------------------------------------------------------- session ids


def legacy_session_id_ok(text: object) -> bool:
    """Whether a stored session may have this id (the looser rule of older SmartPlans)."""
    return isinstance(text, str) and SESSION_ID_RE.fullmatch(text) is not None


def session_id_problem(text: object) -> str | None:
    """Why `text` cannot be the id of a new session, or None if it can."""
    if not isinstance(text, str):
        return _("must be text, not {value}").format(value=describe(text))
    if not text:
        return _("must not be empty")
    if len(text) > MAX_SESSION_ID:
        return _("is {n:,} characters long; at most {most}").format(n=len(text),
                                                                    most=MAX_SESSION_ID)
    if not NEW_SESSION_ID_RE.fullmatch(text):
        return _("{text} is not a valid id for a new session (lower-case letters a-z, digits "
                 "and '-', starting with a letter or digit)").format(text=describe(text))
    if text in RESERVED_NAMES:
        return _("{text!r} is a reserved file name on Windows; choose another id").format(
            text=text)
    return None


def is_new_session_id(text: object) -> bool:
    """Whether a new session may be created (or imported) under this id."""
    return session_id_problem(text) is None


def check_new_session_id(text: object, path: str = "session.id") -> None:
    """Raise a ModelError at `path` unless `text` may be the id of a new session."""
    problem = session_id_problem(text)
    if problem is not None:
        raise ModelError(path, problem)


# ---------------------------------------------------------------- value checks


def describe(value: object) -> str:
    """A short, one-line, printable description of any value, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value[:40]) + ("…" if len(value) > 40 else "")
    if isinstance(value, int):
        if abs(value) >= 10**30:  # str() of a 5,000-digit number raises ValueError
            return _("a number of about {n} digits").format(
                n=int(value.bit_length() * math.log10(2)) + 1)
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list | tuple):
        return _("a list")
    if isinstance(value, Mapping):
        return _("an object")
    return type(value).__name__


def key_path(path: str, key: object) -> str:
    """`path.key`, or `path["odd key"]` when the key has dots, spaces or control characters.

    Line breaks, quotes and backslashes are escaped so the path stays on one line; other
    control characters are left for the terminal layer (`text.visible`) to show as pictures.
    """
    if isinstance(key, str) and _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    text = key if isinstance(key, str) else str(key)
    quoted = text[:40].translate(_KEY_ESCAPES) + ("…" if len(text) > 40 else "")
    return f'{path}["{quoted}"]'


def _text(path: str, value: object, *, required: bool = False) -> None:
    if not isinstance(value, str):
        raise ModelError(path, _("must be text, not {value}").format(value=describe(value)))
    if required and not value.strip():
        raise ModelError(path, _("must not be empty"))
    if len(value) > MAX_TEXT:
        raise ModelError(path, _("is {n:,} characters long; the limit is {most:,}").format(
            n=len(value), most=MAX_TEXT))
    surrogate = None if value.isascii() else _SURROGATE.search(value)  # isascii: O(1)
    if surrogate:
        raise ModelError(path, _("contains an invalid character U+{code:04X}").format(
            code=ord(surrogate.group())))


def _item_id(path: str, value: object) -> None:
    _text(path, value, required=True)
    assert isinstance(value, str)
    if len(value) > 100 or _BAD_ID_CHAR.search(value):
        raise ModelError(path, _("{value} is not a valid id (no spaces, at most 100 characters)"
                                 ).format(value=describe(value)))


def _texts(path: str, values: object) -> None:
    if not isinstance(values, tuple):
        raise ModelError(path, _("must be a tuple of texts"))
    for i, value in enumerate(values):
        _text(f"{path}[{i}]", value, required=True)


_ID = operator.attrgetter("id")


def _unique_ids(path: str, items: Iterable[Any]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        item_id = item.id
        if item_id in seen:
            raise ModelError(f"{path}[{i}].id", _("{id} is used twice").format(
                id=describe(item_id)))
        seen.add(item_id)


def _enum(path: str, cls: type[StrEnum], value: object) -> None:
    if not isinstance(value, cls):
        raise ModelError(path, _("must be one of {values}").format(
            values=", ".join(m.value for m in cls)))


def _int(path: str, value: object, lo: int, hi: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ModelError(path, _("must be a whole number, not {value}").format(
            value=describe(value)))
    if value < lo:
        raise ModelError(path, _("{value} is below {lo}").format(value=describe(value), lo=lo))
    if value > hi:
        raise ModelError(path, _("{value} is above {hi}").format(value=describe(value), hi=hi))


def _bool(path: str, value: object) -> None:
    if not isinstance(value, bool):
        raise ModelError(path, _("must be true or false, not {value}").format(
            value=describe(value)))


def _all(path: str, values: object, cls: type, message: str) -> None:
    """Refuse `values` unless a tuple of `cls`; `message` is marked with `N_` by the caller,
    and translated only when it is raised."""
    if not isinstance(values, tuple) or not all(isinstance(v, cls) for v in values):
        raise ModelError(path, _(message))


def parse_date(text: str) -> date:
    """An ISO date (`2027-02-28`); `2027-02-30` is refused with a clear reason."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ModelError("", _("{text} is not a date in the form YYYY-MM-DD").format(
            text=describe(text)))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ModelError("", _("{text} is not a real date").format(text=text)) from None


def parse_datetime(text: str) -> datetime:
    """An ISO 8601 timestamp (`2026-12-01T10:15:00+02:00`)."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].+", text):
        raise ModelError("", _("{text} is not a timestamp in the form YYYY-MM-DDTHH:MM:SS").format(
            text=describe(text)))
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ModelError("", _("{text} is not a real date and time").format(
            text=describe(text))) from None


def parse_time(text: str) -> time:
    """A time of day as people type it, `9:30`, `09:30` or `9.30` (seconds allowed), without
    a time zone: the one parse of every time typed or read, so all accept the same."""
    found = _TIME_OF_DAY.fullmatch(text) if isinstance(text, str) else None
    try:
        if found is None:
            raise ValueError(text)
        hour, minute, second = found.groups()
        return time(int(hour), int(minute), int(second or 0))
    except ValueError:
        raise ModelError("", _("{text} is not a time of day (HH:MM)").format(
            text=describe(text))) from None


# ---------------------------------------------------------------- the objects


@record
class ConsentPurpose:
    """One thing a participant may consent to; its text is printed on the attendance list."""

    id: str
    text: str

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("text", self.text, required=True)


#: Columns a programme may want on its attendance list besides name, organisation and
#: country: the e-mail address, and the kind of organisation (filled in by hand).
ATTENDANCE_COLUMNS = ("email", "organisation type")

#: What a programme-funded event usually asks consent for, until a profile says otherwise.
#: Their texts are marked for translation and read through `labels.consent_purpose_text`.
DEFAULT_CONSENT_PURPOSES = (
    ConsentPurpose("attendance", N_("My name, organisation and signature may be passed to the "
                                    "programme as evidence of my attendance.")),
    ConsentPurpose("photos", N_("Photos taken at the event may show me and may be published by "
                                "the project and the programme.")),
    ConsentPurpose("contact", N_("The organiser may contact me after the event about the "
                                 "project.")),
)


@record
class ProjectProfile:
    """The funded project every document names: kept once in the data home, and a session
    may override any field (an empty field takes the data home's value).

    `logos` are image file names in the data home's `logos` folder, or absolute paths once
    the store has resolved them for an export. `consent_purposes` left empty means
    `DEFAULT_CONSENT_PURPOSES` (see `purposes`).
    """

    project: str = ""
    acronym: str = ""
    number: str = ""
    programme: str = ""
    organiser: str = ""
    partners: tuple[str, ...] = ()
    logos: tuple[str, ...] = ()
    disclaimer: str = ""
    author: str = ""
    consent_purposes: tuple[ConsentPurpose, ...] = ()
    attendance_columns: tuple[str, ...] = ()
    introduction: str = ""
    """The handbook's introduction: paragraphs of plain text or Markdown."""

    def __post_init__(self) -> None:
        _texts("profile.attendance_columns", self.attendance_columns)
        unknown = [c for c in self.attendance_columns if c not in ATTENDANCE_COLUMNS]
        if unknown:
            raise ModelError("profile.attendance_columns", _("{value} is not one of {allowed}"
                                                             ).format(
                value=describe(unknown[0]), allowed=", ".join(ATTENDANCE_COLUMNS)))
        for name in ("project", "acronym", "number", "programme", "organiser", "disclaimer",
                     "author", "introduction"):
            _text(f"profile.{name}", getattr(self, name))
        _texts("profile.partners", self.partners)
        _texts("profile.logos", self.logos)
        if not isinstance(self.consent_purposes, tuple) or not all(
                isinstance(p, ConsentPurpose) for p in self.consent_purposes):
            raise ModelError("profile.consent_purposes",
                             _("must be a tuple of consent purposes"))
        ids = [p.id for p in self.consent_purposes]
        if len(set(ids)) != len(ids):
            raise ModelError("profile.consent_purposes", _("names one id twice"))

    @property
    def purposes(self) -> tuple[ConsentPurpose, ...]:
        """What participants are asked to consent to."""
        return self.consent_purposes or DEFAULT_CONSENT_PURPOSES

    @property
    def is_empty(self) -> bool:
        return self == ProjectProfile()

    def over(self, base: ProjectProfile) -> ProjectProfile:
        """This profile's fields where set, `base`'s elsewhere (a session over the home's)."""
        return ProjectProfile(**{name: getattr(self, name) or getattr(base, name)
                                 for name in PROFILE_KEYS})

    def with_text(self, key: str, text: str) -> ProjectProfile:
        """The profile with one field set from what a person typed: partners and logos as
        a `;`-separated list, consent purposes as `id=text` pairs separated by `;`, and an
        empty text clearing the field."""
        if key not in PROFILE_KEYS:
            raise ModelError("profile", _("{key} is not a profile field (one of {keys})").format(
                key=describe(key), keys=", ".join(PROFILE_KEYS)))
        value: Any = text.strip()
        parts = [part.strip() for part in text.split(";") if part.strip()]
        if key in ("partners", "logos", "attendance_columns"):
            value = tuple(parts)
        elif key == "consent_purposes":
            pairs = [part.partition("=") for part in parts]
            bad = next((part for part, (_, eq, _) in zip(parts, pairs, strict=True) if not eq),
                       None)
            if bad is not None:
                raise ModelError("profile.consent_purposes",
                                 _("{part} is not id=text").format(part=describe(bad)))
            value = tuple(ConsentPurpose(pid.strip(), ptext.strip()) for pid, _, ptext in pairs)
        return dataclasses.replace(self, **{key: value})


#: The profile's fields, in the order `smartplan profile show` lists them.
PROFILE_KEYS = tuple(f.name for f in dataclasses.fields(ProjectProfile))


#: `date` inside `SessionInfo` names its field, so its other dates say `_Day`.
_Day = date


@record
class SessionInfo:
    """What a session is: the title block of every report.

    `end_date`, `start_time` and `end_time` say when an event of one or more days runs;
    `profile` overrides the data home's project profile for this session only.
    """

    id: str
    title: str
    kind: SessionKind = SessionKind.WORKSHOP
    date: date | None = None
    place: str = ""
    region: str = ""
    facilitator: str = ""
    language: str = ""
    end_date: _Day | None = None
    start_time: time | None = None
    end_time: time | None = None
    profile: ProjectProfile | None = None
    retain_until: _Day | None = None
    """After this day the participants' personal data is due for erasure (`privacy purge`)."""

    def __post_init__(self) -> None:
        if not legacy_session_id_ok(self.id):
            raise ModelError("session.id", _("{id} is not a valid session id (letters, digits, "
                                             "'.', '_' or '-', at most 64, no leading dot)"
                                             ).format(id=describe(self.id)))
        _text("session.title", self.title, required=True)
        _enum("session.kind", SessionKind, self.kind)
        if self.date is not None and not isinstance(self.date, date):
            raise ModelError("session.date", _("must be a date"))
        for name in ("place", "region", "facilitator", "language"):
            _text(f"session.{name}", getattr(self, name))
        self._check_when()
        if self.profile is not None and not isinstance(self.profile, ProjectProfile):
            raise ModelError("session.profile", _("must be a project profile"))
        if self.retain_until is not None and (not isinstance(self.retain_until, date)
                                              or isinstance(self.retain_until, datetime)):
            raise ModelError("session.retain_until", _("must be a date"))

    def _check_when(self) -> None:
        for name in ("start_time", "end_time"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, time):
                raise ModelError(f"session.{name}", _("must be a time of day"))
        one_day = self.end_date is None or self.end_date == self.date
        if (one_day and self.start_time is not None and self.end_time is not None
                and self.end_time < self.start_time):
            raise ModelError("session.end_time", _("is before the start time"))
        if self.end_date is None:
            return
        if not isinstance(self.end_date, date) or isinstance(self.end_date, datetime):
            raise ModelError("session.end_date", _("must be a date"))
        if self.date is None:
            raise ModelError("session.end_date", _("needs a start date (date)"))
        if self.end_date < self.date:
            raise ModelError("session.end_date", _("is before the start date"))


#: How a consent was collected.
CONSENT_WAYS = ("form", "paper", "verbal")


@record
class Consent:
    """A participant's answer to one consent purpose, kept with when, how and by whom it
    was recorded; a withdrawal is a timestamp on it, so what held when stays known."""

    purpose: str
    given: bool = True
    at: datetime | None = None
    how: str = ""
    recorded_by: str = ""
    withdrawn_at: datetime | None = None

    def __post_init__(self) -> None:
        _item_id("purpose", self.purpose)
        _bool("given", self.given)
        for name in ("at", "withdrawn_at"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, datetime):
                raise ModelError(name, _("must be a timestamp"))
        if self.how and self.how not in CONSENT_WAYS:
            raise ModelError("how", _("{value} is not one of {allowed}").format(
                value=describe(self.how), allowed=", ".join(CONSENT_WAYS)))
        _text("recorded_by", self.recorded_by)

    @property
    def holds(self) -> bool:
        """Whether the consent was given and not withdrawn."""
        return self.given and self.withdrawn_at is None


@record
class Participant:
    id: str
    name: str
    organisation: str = ""
    country: str = ""
    role: str = ""
    email: str = ""
    consent: tuple[Consent, ...] = ()

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("name", self.name, required=True)
        for name in ("organisation", "country", "role", "email"):
            _text(name, getattr(self, name))
        _all("consent", self.consent, Consent, N_("must be a tuple of consents"))
        purposes = [c.purpose for c in self.consent]
        if len(set(purposes)) != len(purposes):
            raise ModelError("consent", _("names a purpose twice"))
        if self.country and not COUNTRY_RE.fullmatch(self.country):
            raise ModelError("country", _("{text} is not a two-letter country code (LV, LT)"
                                          ).format(text=describe(self.country)))
        if self.email and ("@" not in self.email or any(c.isspace() for c in self.email)):
            raise ModelError("email", _("{text} is not an e-mail address").format(
                text=describe(self.email)))


@record
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
        _int("minutes", self.minutes, 0, MAX_MINUTES)
        _text("exercise", self.exercise)
        for name in ("started_at", "ended_at"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, datetime):
                raise ModelError(name, _("must be a timestamp"))
        if self.ended_at is not None:
            if self.started_at is None:
                raise ModelError("ended_at", _("an item cannot end before it started"))
            try:
                backwards = self.ended_at < self.started_at
            except TypeError:
                raise ModelError("ended_at", _("mixes a timestamp with and without a time zone")
                                 ) from None
            if backwards:
                raise ModelError("ended_at", _("is before started_at"))


@record
class Origin:
    """Where one part of a merged SWOT item came from, so a merge loses nobody's words."""

    id: str
    text: str
    author: str = ""

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("text", self.text)
        _text("author", self.author)


@record
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
            raise ModelError("tags", _("a tag is listed twice"))
        _text("author", self.author)
        _all("merged_from", self.merged_from, Origin, N_("must be a tuple of origins"))


@record
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
            raise ModelError("links", _("an item is linked twice"))


@record
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


@record(eq=False)
class Ballot:
    """One voter's ballot: exactly one of `dots`, `ranking` or `scores`.

    `aggregate` marks counts read off a wall of sticky dots: they have no voter and no
    per-voter budget. `device` is an opaque tag of the phone that cast it through the
    room hub (one per device and vote, so a device's ballots in two votes cannot be
    linked): that device's next ballot replaces this one.
    """

    voter: str = ""
    dots: Mapping[str, int] | None = None
    ranking: tuple[str, ...] | None = None
    scores: Mapping[str, Mapping[str, int]] | None = None
    aggregate: bool = False
    device: str = ""

    def __post_init__(self) -> None:
        _text("voter", self.voter)
        if self.device:
            _item_id("device", self.device)
        _bool("aggregate", self.aggregate)
        given = [k for k in ("dots", "ranking", "scores") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ModelError("", _("a ballot holds exactly one of dots, ranking or scores (it has "
                                   "{fields})").format(fields=", ".join(given)) if given else
                             _("a ballot holds exactly one of dots, ranking or scores"))
        if self.dots is not None:
            if not isinstance(self.dots, Mapping):
                raise ModelError("dots", _("must map option ids to numbers of dots"))
            object.__setattr__(self, "dots", _frozen_map(self.dots))
            for option, n in self.dots.items():
                if not (type(n) is int and 0 <= n <= MAX_COUNT and type(option) is str):
                    _key("dots", option)  # the path is built only for the error
                    _int(key_path("dots", option), n, 0, MAX_COUNT)
        if self.ranking is not None:
            _all("ranking", self.ranking, str, N_("must be a tuple of option ids"))
            if len(set(self.ranking)) != len(self.ranking):
                raise ModelError("ranking", _("ranks an option twice"))
        if self.scores is not None:
            if not isinstance(self.scores, Mapping) or not all(
                    isinstance(marks, Mapping) for marks in self.scores.values()):
                raise ModelError("scores", _("must map option ids to marks by criterion"))
            object.__setattr__(self, "scores", _frozen_map(
                {k: _frozen_map(v) for k, v in self.scores.items()}))
            for option, marks in self.scores.items():
                for criterion, mark in marks.items():
                    if not (type(mark) is int and -MAX_SCALE <= mark <= MAX_SCALE
                            and type(option) is str and type(criterion) is str):
                        _key("scores", option)
                        _key(key_path("scores", option), criterion)
                        _int(key_path(key_path("scores", option), criterion), mark,
                             -MAX_SCALE, MAX_SCALE)
        if self.aggregate and (self.dots is None or self.voter):
            raise ModelError("aggregate", _("aggregate counts are dots without a voter"))

    @property
    def kind(self) -> str:
        return "dots" if self.dots is not None else "ranking" if self.ranking is not None else "scores"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ballot):
            return NotImplemented
        return (self.voter, self.aggregate, self.ranking, _plain(self.dots), _plain(self.scores),
                self.device) == (other.voter, other.aggregate, other.ranking, _plain(other.dots),
                                 _plain(other.scores), other.device)

    __hash__ = None  # type: ignore[assignment]


def _key(path: str, key: object) -> None:
    if not isinstance(key, str):
        raise ModelError(path, _("{key} is not an option id or criterion").format(
            key=describe(key)))


def _plain(value: object) -> object:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


@record
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
    kept_recounts: tuple[VoteMethod, ...] = ()
    """Recounts with other methods the facilitator kept for the report, in keeping order."""

    def __post_init__(self) -> None:
        _item_id("id", self.id)
        _text("question", self.question, required=True)
        _enum("method", VoteMethod, self.method)
        _enum("status", VoteStatus, self.status)
        _enum("tie_rule", TieRule, self.tie_rule)
        _bool("hidden", self.hidden)
        _all("options", self.options, VoteOption, N_("must be a tuple of vote options"))
        _unique_ids("options", self.options)
        _int("dots_per_voter", self.dots_per_voter, 1, MAX_DOTS)
        if self.max_dots_per_option is not None:
            _int("max_dots_per_option", self.max_dots_per_option, 1, MAX_DOTS)
        _texts("criteria", self.criteria)
        if not self.criteria or len(set(self.criteria)) != len(self.criteria):
            raise ModelError("criteria", _("must name at least one criterion, each once"))
        if not isinstance(self.scale, tuple) or len(self.scale) != 2:
            raise ModelError("scale", _("must be two whole numbers, low before high"))
        for i, end in enumerate(self.scale):
            _int(f"scale[{i}]", end, -MAX_SCALE, MAX_SCALE)
        if self.scale[0] >= self.scale[1]:
            raise ModelError("scale", _("{low}–{high} must be low before high").format(
                low=self.scale[0], high=self.scale[1]))
        _all("tie_break", self.tie_break, str, N_("must be a tuple of option ids"))
        _all("kept_recounts", self.kept_recounts, VoteMethod, N_("must be a tuple of methods"))
        if self.method in self.kept_recounts or (
                len(set(self.kept_recounts)) != len(self.kept_recounts)):
            raise ModelError("kept_recounts",
                             _("must be other methods than the vote's own, each once"))
        _all("ballots", self.ballots, Ballot, N_("must be a tuple of ballots"))
        known = self.option_ids
        for i, option_id in enumerate(self.tie_break):
            if option_id not in known:
                raise ModelError(f"tie_break[{i}]", _("unknown option {option}").format(
                    option=describe(option_id)))
        voters: set[str] = set()
        devices: set[str] = set()
        for i, ballot in enumerate(self.ballots):
            problem = self.ballot_problem(ballot)
            if problem:
                raise ModelError(f"ballots[{i}]", problem)
            if ballot.device:
                if ballot.device in devices:
                    raise ModelError(f"ballots[{i}].device", _("{voter} voted twice").format(
                        voter=describe(ballot.device)))
                devices.add(ballot.device)
            if ballot.voter:
                if ballot.voter in voters:
                    raise ModelError(f"ballots[{i}].voter", _("{voter} voted twice").format(
                        voter=describe(ballot.voter)))
                voters.add(ballot.voter)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def option(self, option_id: str) -> VoteOption:
        for option in self.options:
            if option.id == option_id:
                return option
        raise ModelError("", _("vote {vote} has no option {option}").format(
            vote=describe(self.question), option=describe(option_id)))

    def ballot_problem(self, ballot: Ballot) -> str | None:
        """Why this ballot breaks the vote's rules, or None if it may be counted."""
        known = set(self.option_ids)
        wanted = self.method.ballot_kind
        if ballot.kind != wanted:
            return _("a {method} vote takes {wanted}, not {kind}").format(
                method=self.method.value, wanted=wanted, kind=ballot.kind)
        if ballot.dots is not None:
            for option_id, n in ballot.dots.items():
                if option_id not in known:
                    return _("unknown option {option}").format(option=describe(option_id))
                if (not ballot.aggregate and self.max_dots_per_option is not None
                        and n > self.max_dots_per_option):
                    return ngettext("{n} dot on {option} exceeds the cap of {cap} per option",
                                    "{n} dots on {option} exceed the cap of {cap} per option",
                                    n).format(n=n, option=option_id,
                                              cap=self.max_dots_per_option)
            total = sum(ballot.dots.values())
            if not ballot.aggregate and total > self.dots_per_voter:
                return ngettext("{n} dot exceeds the budget of {budget}",
                                "{n} dots exceed the budget of {budget}", total).format(
                    n=total, budget=self.dots_per_voter)
        if ballot.ranking is not None:
            for option_id in ballot.ranking:
                if option_id not in known:
                    return _("unknown option {option}").format(option=describe(option_id))
            if not ballot.ranking:
                return _("ranks no option")
        if ballot.scores is not None:
            lo, hi = self.scale
            for option_id, marks in ballot.scores.items():
                if option_id not in known:
                    return _("unknown option {option}").format(option=describe(option_id))
                for criterion, mark in marks.items():
                    if criterion not in self.criteria:
                        return _("unknown criterion {criterion} for option {option}").format(
                            criterion=describe(criterion), option=option_id)
                    if not isinstance(mark, int) or isinstance(mark, bool) or not lo <= mark <= hi:
                        return _("score {mark} for {option} {criterion} is outside {lo}–{hi}"
                                 ).format(mark=describe(mark), option=option_id,
                                          criterion=criterion, lo=lo, hi=hi)
        return None


@record
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
                raise ModelError(name, _("must be a date"))
        if self.budget_eur is not None:
            budget = self.budget_eur
            if isinstance(budget, bool) or not isinstance(budget, int | float):
                raise ModelError("budget_eur", _("must be a number, not {value}").format(
                    value=describe(budget)))
            if isinstance(budget, float) and not math.isfinite(budget):
                raise ModelError("budget_eur", _("{value} is not a finite number").format(
                    value=budget))
            if not 0 <= budget <= MAX_BUDGET_EUR:
                raise ModelError("budget_eur", _("{value} is not a budget in euro (0 to {most:,})"
                                                 ).format(value=describe(budget),
                                                          most=MAX_BUDGET_EUR))
        _enum("status", ActionStatus, self.status)


@record
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
            raise ModelError("at", _("must be a timestamp"))
        _text("text", self.text, required=True)
        _enum("kind", NoteKind, self.kind)
        _text("author", self.author)
        _text("agenda_item", self.agenda_item)


@record
class Room:
    """What the facilitator puts in front of the room (the hub's participant page).

    Part of the session file, so the app, the command line and the hub all see and set it;
    not part of the interchange export (it is the state of a live workshop, not its
    content). `names`: a vote asks each device who is voting (a participant of the
    session) instead of counting its ballot anonymously.
    """

    activity: RoomActivity = RoomActivity.OFF
    vote: str = ""
    names: bool = False

    def __post_init__(self) -> None:
        _enum("activity", RoomActivity, self.activity)
        _bool("names", self.names)
        _text("vote", self.vote)
        if self.activity in (RoomActivity.VOTE, RoomActivity.RESULTS):
            _item_id("vote", self.vote)
        elif self.vote:
            raise ModelError("vote", _("only a vote or its results name a vote, not {activity}"
                                       ).format(activity=self.activity.value))


@record
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
        for name in LIST_NAMES:
            items = getattr(self, name)
            if not isinstance(items, tuple):
                items = tuple(items)
                object.__setattr__(self, name, items)
            # Unique ids, proved at C speed; the index `find` uses is built on first use.
            ids = list(map(_ID, items))
            if len(set(ids)) != len(ids):
                _unique_ids(name, items)

    @property
    def id(self) -> str:
        return self.info.id

    @classmethod
    def of(cls, info: SessionInfo, lists: Mapping[str, tuple[Any, ...]]) -> Session:
        """A session from its title block and its lists by name (missing lists are empty)."""
        return cls(info, *(tuple(lists.get(name, ())) for name in LIST_NAMES))

    def with_lists(self, lists: Mapping[str, tuple[Any, ...]]) -> Session:
        """The same session with some lists replaced (by name), the others as they are."""
        return Session.of(self.info, {name: lists.get(name, getattr(self, name))
                                      for name in LIST_NAMES})

    def find(self, collection: ListOf[T], item_id: str) -> T | None:
        """The item of a list (`collection_registry.SWOT`) with this id, or None."""
        found: T | None = self._find(collection.name, item_id)
        return found

    def use_indexes(self, indexes: Mapping[str, Mapping[str, Any]]) -> None:
        """Take id → item maps the caller already holds, in the lists' order (the store's
        decoded items), so that `find` need not build them: a 10,000-item list's index
        costs ~0.7 ms, a copy of one ~0.1 ms."""
        for name, index in indexes.items():
            self._by_id[name] = dict(index)

    def _find(self, name: str, item_id: str) -> Any:
        """`find` by the list's name, for the reference checks below."""
        index = self._by_id.get(name)
        if index is None:
            items = getattr(self, name)
            index = self._by_id[name] = dict(zip(map(_ID, items), items, strict=True))
        return index.get(item_id)


#: The names of the session's lists, in the order of the interchange format: the `Session`
#: fields after `info`. `collection_registry.COLLECTIONS` has an entry for each.
LIST_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Session)
                                    if f.init and f.name != "info")

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class ListOf(Protocol[T_co]):
    """A session list as the model's lookups take it: its name, typed by its items.

    `collection_registry.Collection` is one. The model cannot import the registry (the
    registry imports the model's classes), so it states here what it needs of an entry.
    """

    @property
    def name(self) -> str: ...

    @property
    def cls(self) -> type[T_co]: ...


class References(Protocol):
    """What the reference checks need to know about the rest of a session.

    `SessionReferences` answers from model objects; the store answers from its documents
    (`codec.StoredReferences`), so checking one edit costs a few lookups, not a decode.
    """

    def has(self, collection: str, item_id: str) -> bool:
        """Whether the list `collection` holds an item with this id."""
        ...

    def has_option(self, vote_id: str | None, option_id: str) -> bool:
        """Whether vote `vote_id` (None: any vote) has an option with this id."""
        ...


class SessionReferences:
    """`References` of a whole session, from its (lazily indexed) lists."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._option_ids: set[str] | None = None

    def has(self, collection: str, item_id: str) -> bool:
        return self._session._find(collection, item_id) is not None

    def has_option(self, vote_id: str | None, option_id: str) -> bool:
        if vote_id is None:
            if self._option_ids is None:
                self._option_ids = {o.id for v in self._session.votes for o in v.options}
            return option_id in self._option_ids
        vote = self._session._find("votes", vote_id)
        return isinstance(vote, Vote) and option_id in vote.option_ids


def item_problems(where: Session | References, collection: ListOf[Any],
                  item: Any) -> list[ModelError]:
    """References of one item of `collection` to items that do not exist.

    Paths are the item's own (`links[1]`, `agenda_item`). This is the check the importer
    runs on every item and the store on every item it writes: what one refuses, the
    other refuses, with the same words. It looks up only the references the item has.
    """
    refs = SessionReferences(where) if isinstance(where, Session) else where
    return _item_problems(refs, collection.name, item)


def _item_problems(refs: References, collection: str, item: Any) -> list[ModelError]:
    problems: list[ModelError] = []
    if collection == "tows":
        for j, link in enumerate(item.links):
            if not refs.has("swot", link):
                problems.append(ModelError(f"links[{j}]", _("no SWOT item {id}").format(
                    id=describe(link))))
    elif collection == "votes":
        for j, option in enumerate(item.options):
            if option.source and not (refs.has("swot", option.source)
                                      or refs.has("tows", option.source)):
                problems.append(ModelError(f"options[{j}].source",
                                           _("no SWOT item or TOWS strategy {id}").format(
                                               id=describe(option.source))))
    elif collection == "actions" and item.priority and not _priority_exists(refs, item.priority):
        problems.append(ModelError("priority", _("no vote option {id}").format(
            id=describe(item.priority))))
    elif collection == "notes" and item.agenda_item and not refs.has("agenda", item.agenda_item):
        problems.append(ModelError("agenda_item", _("no agenda item {id}").format(
            id=describe(item.agenda_item))))
    return problems


def _priority_exists(refs: References, priority: str) -> bool:
    """`v2:A` names option A of vote v2; `A` (or an option id with a colon) any vote's."""
    vote_id, sep, option_id = priority.partition(":")
    return bool(sep and refs.has_option(vote_id, option_id)) or refs.has_option(None, priority)


def _tows_fit(session: Session, strategy: TowsStrategy, path: str) -> list[ModelError]:
    """Whether a strategy's links fit its type: an SO links strengths and opportunities only,
    and at least one of each. Editing SWOT items can break this (a move, a delete), so it
    is advice shown to the facilitator, not a reason to refuse an edit or an import."""
    internal, external = strategy.type.quadrants
    problems: list[ModelError] = []
    found: set[Quadrant] = set()
    for j, link in enumerate(strategy.links):
        item = session._find("swot", link)
        if not isinstance(item, SwotItem):
            return []  # a broken link is `item_problems`' to report
        if item.quadrant not in (internal, external):
            problems.append(ModelError(
                f"{path}.links[{j}]",
                _("{item} is one of the {quadrant}; {article} {type} strategy combines "
                  "{internal} with {external}").format(
                    item=describe(item.text), quadrant=item.quadrant.value, article="a",
                    type=strategy.type.value, internal=internal.value, external=external.value)))
        found.add(item.quadrant)
    if strategy.links and not problems and not {internal, external} <= found:
        missing = [q.value for q in (internal, external) if q not in found]
        reason = (_("a {type} strategy needs one of the {quadrant} too").format(
                      type=strategy.type.value, quadrant=missing[0]) if len(missing) == 1 else
                  _("a {type} strategy needs one of the {internal} and one of the {external} "
                    "too").format(type=strategy.type.value, internal=missing[0],
                                  external=missing[1]))
        problems.append(ModelError(f"{path}.links", reason))
    return problems


def reference_problems(session: Session) -> list[ModelError]:
    """Every reference of the session to an item that does not exist; the importer refuses
    a session that has any."""
    refs = SessionReferences(session)
    problems: list[ModelError] = []
    for name in ("tows", "votes", "actions", "notes"):
        for i, item in enumerate(getattr(session, name)):
            problems.extend(p.within(f"{name}[{i}]") for p in _item_problems(refs, name, item))
    return problems


def session_problems(session: Session) -> list[ModelError]:
    """Cross-references that do not hold: links to missing items (`reference_problems`),
    and TOWS strategies whose links do not fit their type (advice for the facilitator)."""
    problems = reference_problems(session)
    broken = {p.path.split(".")[0] for p in problems}
    for i, strategy in enumerate(session.tows):
        if f"tows[{i}]" not in broken:
            problems.extend(_tows_fit(session, strategy, f"tows[{i}]"))
    order = {name: n for n, name in enumerate(LIST_NAMES)}
    problems.sort(key=lambda p: (order.get(p.path.split("[")[0], 0), _index(p.path)))
    return problems


def _index(path: str) -> int:
    head = path.split(".")[0]
    return int(head[head.index("[") + 1:-1]) if "[" in head else 0


#: The lists whose items other items refer to: the lists `repoint` has something to do for.
REFERENCED_LISTS = frozenset({"swot", "tows", "agenda", "votes"})


def repoint(session: Session, collection: ListOf[Any], old: str, new: str | None) -> Session:
    """The session with every reference to item `old` of `collection` moved to `new`, or
    dropped when `new` is None (the item is merged away or deleted).

    The one place that knows who refers to whom: TOWS links and vote-option sources name
    SWOT items, option sources name TOWS strategies, notes name agenda items, and action
    priorities name votes (`v1:A`). Deleting an item through it never leaves a reference
    that import would refuse. Items of a list not in `REFERENCED_LISTS` have no references
    to move.
    """
    name = collection.name
    changes: dict[str, tuple[Any, ...]] = {}
    if name == "swot":
        changes["tows"] = tuple(_relinked(s, old, new) for s in session.tows)
    if name in ("swot", "tows"):
        changes["votes"] = tuple(
            dataclasses.replace(v, options=tuple(
                dataclasses.replace(o, source=new or "") if o.source == old else o
                for o in v.options)) if any(o.source == old for o in v.options) else v
            for v in session.votes)
    if name == "agenda":
        changes["notes"] = tuple(
            dataclasses.replace(n, agenda_item=new or "") if n.agenda_item == old else n
            for n in session.notes)
    if name == "votes":
        changes["actions"] = tuple(_reprioritised(session, a, old, new) for a in session.actions)
    return session.with_lists(changes) if changes else session


def _relinked(strategy: TowsStrategy, old: str, new: str | None) -> TowsStrategy:
    if old not in strategy.links:
        return strategy
    links: list[str] = []
    for link in strategy.links:
        target = new if link == old else link
        if target is not None and target not in links:
            links.append(target)
    return dataclasses.replace(strategy, links=tuple(links))


def _reprioritised(session: Session, action: Action, old: str, new: str | None) -> Action:
    """An action whose priority names vote `old` (`v1:A`, or `A` found in no other vote)."""
    vote_id, sep, option = action.priority.partition(":")
    if sep and vote_id == old:
        return dataclasses.replace(action, priority=f"{new}:{option}" if new else "")
    if action.priority and not sep:
        elsewhere = any(o.id == action.priority for v in session.votes if v.id != old
                        for o in v.options)
        named_here = any(o.id == action.priority for v in session.votes if v.id == old
                         for o in v.options)
        if named_here and not elsewhere and new is None:
            return dataclasses.replace(action, priority="")
    return action

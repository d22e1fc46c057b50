"""Model objects to JSON documents and back, with the path of every refused value.

One codec serves both the session files and the interchange format: an item is stored
exactly as it is exported, so an export is a copy of what is on disk, and a round trip
(export → import → export) gives the same document by construction.

Decoding checks every field before building the object and names the path of the first
problem (`votes[0].ballots[2].dots.A: must be a whole number`). Unknown fields are refused,
never dropped silently. Keys that come from the document are quoted in paths when they are
not plain (`dots["a\\nb"]`), so an error message stays one printable line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, Generic, TypeVar

from smartplan_tui.collection_registry import COLLECTIONS, Collection, Identified
from smartplan_tui.i18n import N_, _
from smartplan_tui.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Ballot,
    Consent,
    ConsentPurpose,
    ModelError,
    Note,
    NoteKind,
    Origin,
    Participant,
    ProjectProfile,
    Quadrant,
    Room,
    RoomActivity,
    SessionInfo,
    SessionKind,
    SwotItem,
    TieRule,
    TowsStrategy,
    TowsType,
    Vote,
    VoteMethod,
    VoteOption,
    VoteStatus,
    describe,
    key_path,
    parse_date,
    parse_datetime,
    parse_time,
)

Doc = dict[str, Any]
Decoder = Callable[[str, Any], Any]
T = TypeVar("T")
Item = TypeVar("Item", bound=Identified)


def _need(path: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    """`value` if it is a `kind`; else a ModelError saying it must be `what` (an `N_` text)."""
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ModelError(path, _("must be {expected}, not {value}").format(
            expected=_(what), value=_describe(value)))
    return value


def _describe(value: Any) -> str:
    return (_("text {value}").format(value=describe(value)) if isinstance(value, str)
            else describe(value))


def d_str(path: str, value: Any) -> str:
    return str(_need(path, value, str, N_("text")))


def d_int(path: str, value: Any) -> int:
    return int(_need(path, value, int, N_("a whole number")))


def d_opt_int(path: str, value: Any) -> int | None:
    return None if value is None else d_int(path, value)


def d_number(path: str, value: Any) -> int | float | None:
    if value is None:
        return None
    number: int | float = _need(path, value, (int, float), N_("a number"))
    return number


def d_bool(path: str, value: Any) -> bool:
    return bool(_need(path, value, bool, N_("true or false")))


def d_strs(path: str, value: Any) -> tuple[str, ...]:
    items = _need(path, value, list, N_("a list of texts"))
    return tuple(d_str(f"{path}[{i}]", item) for i, item in enumerate(items))


def _all_text(value: Any) -> bool:
    """A list of texts, stored as `d_strs` wants it (the decoder is then not needed)."""
    return value.__class__ is list and all(item.__class__ is str for item in value)


def _at(path: str, parse: Callable[[str], Any], value: Any) -> Any:
    try:
        return parse(value)
    except ModelError as error:
        raise ModelError(path, error.reason) from None


def d_date(path: str, value: Any) -> date | None:
    return None if value is None else _at(path, parse_date, value)


def d_datetime(path: str, value: Any) -> datetime | None:
    return None if value is None else _at(path, parse_datetime, value)


def d_time(path: str, value: Any) -> time | None:
    """A time of day, `HH:MM` (seconds allowed), without a time zone."""
    if value is None:
        return None
    parsed: time = _at(path, parse_time, _need(path, value, str, N_("a time (HH:MM)")))
    return parsed


def d_enum(cls: type[StrEnum]) -> Decoder:
    def decode(path: str, value: Any) -> StrEnum:
        text = d_str(path, value)
        try:
            return cls(text)
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            raise ModelError(path, _("{value} is not one of {allowed}").format(
                value=describe(text), allowed=allowed)) from None

    return decode


def d_quadrant(path: str, value: Any) -> Quadrant:
    try:
        return Quadrant.parse(d_str(path, value))
    except ModelError as error:
        raise ModelError(path, error.reason) from None


def d_scale(path: str, value: Any) -> tuple[int, int]:
    items = _need(path, value, list, N_("a list of two whole numbers"))
    if len(items) != 2:
        raise ModelError(path, _("must be two whole numbers [low, high]"))
    return d_int(f"{path}[0]", items[0]), d_int(f"{path}[1]", items[1])


def d_int_map(path: str, value: Any) -> dict[str, int]:
    items = _need(path, value, dict, N_("an object of option ids to numbers"))
    return {k: d_int(key_path(path, k), v) for k, v in items.items()}


def d_score_map(path: str, value: Any) -> dict[str, dict[str, int]]:
    items = _need(path, value, dict, N_("an object of option ids to criteria scores"))
    return {k: d_int_map(key_path(path, k), v) for k, v in items.items()}


def d_opt_strs(path: str, value: Any) -> tuple[str, ...] | None:
    return None if value is None else d_strs(path, value)


def d_opt_int_map(path: str, value: Any) -> dict[str, int] | None:
    return None if value is None else d_int_map(path, value)


def d_opt_score_map(path: str, value: Any) -> dict[str, dict[str, int]] | None:
    return None if value is None else d_score_map(path, value)


def d_list(decode: Callable[[str, Any], Any]) -> Decoder:
    def decode_list(path: str, value: Any) -> tuple[Any, ...]:
        items = _need(path, value, list, N_("a list"))
        return tuple(decode(f"{path}[{i}]", item) for i, item in enumerate(items))

    return decode_list


# ------------------------------------------------------------------ encoders


def e_plain(value: Any) -> Any:
    """JSON form of a value: enums as their text, dates ISO, tuples as lists, maps as dicts."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat("minutes" if not value.second else "seconds")
    if isinstance(value, tuple | list):
        return [e_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: e_plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return encode(value)
    return value


class Spec(Generic[T]):
    """How one model class maps to a document: field decoders, defaults and the encoder."""

    def __init__(self, cls: type[T], fields: dict[str, Decoder], required: tuple[str, ...],
                 omit_empty: tuple[str, ...] = ()) -> None:
        self.cls = cls
        self.fields = fields
        self.required = required
        self.omit_empty = omit_empty
        self._texts = frozenset(name for name, decoder in fields.items() if decoder is d_str)
        """Fields a text is stored in as it is: a `str` needs no decoder (most values are)."""
        self._lists = frozenset(name for name, decoder in fields.items() if decoder is d_strs)
        self._required = frozenset(required)

    def decode(self, path: str, value: Any, *, defaults: Mapping[str, Any] | None = None) -> T:
        doc = _need(path, value, dict, N_("an object"))
        if not self.fields.keys() >= doc.keys():  # set operations: per item, at C speed
            unknown = next(k for k in doc if k not in self.fields)
            raise ModelError(key_path(path, unknown),
                             _("unknown field (known: {fields})").format(
                                 fields=", ".join(self.fields)))
        merged = {**defaults, **doc} if defaults else doc
        if not merged.keys() >= self._required:
            missing = next(name for name in self.required if name not in merged)
            raise ModelError(path, _("{field} is missing").format(field=missing))
        texts, lists = self._texts, self._lists
        kwargs = {
            name: raw if raw.__class__ is str and name in texts
            else tuple(raw) if name in lists and _all_text(raw)
            else self.fields[name](f"{path}.{name}" if path else name, raw)
            for name, raw in merged.items()
        }
        try:
            return self.cls(**kwargs)
        except ModelError as error:
            # `SessionInfo` names its fields `session.…` already.
            located = not path or error.path == path or error.path.startswith(f"{path}.")
            raise (error if located else error.within(path)) from None

    def encode(self, obj: T) -> Doc:
        doc: Doc = {}
        for name in self.fields:
            value = getattr(obj, name)
            if name in self.omit_empty and (value is None or value is False or value in ("", ())):
                continue
            doc[name] = e_plain(value)
        return doc


def _consent(path: str, value: Any) -> Consent:
    return CONSENT.decode(path, value)


def _origin(path: str, value: Any) -> Origin:
    return ORIGIN.decode(path, value)


def _option(path: str, value: Any) -> VoteOption:
    return OPTION.decode(path, value)


def _ballot(path: str, value: Any) -> Ballot:
    return BALLOT.decode(path, value)


def _purpose(path: str, value: Any) -> ConsentPurpose:
    return PURPOSE.decode(path, value)


def d_profile(path: str, value: Any) -> ProjectProfile | None:
    return None if value is None else PROFILE.decode(path, value)


PURPOSE = Spec(ConsentPurpose, {"id": d_str, "text": d_str}, ("id", "text"))
#: The project profile (`<home>/profile.json`, or `profile` in a session's title block):
#: only the fields set are written.
PROFILE = Spec(ProjectProfile, {
    "project": d_str, "acronym": d_str, "number": d_str, "programme": d_str,
    "organiser": d_str, "partners": d_strs, "logos": d_strs, "disclaimer": d_str,
    "author": d_str, "consent_purposes": d_list(_purpose), "attendance_columns": d_strs,
    "introduction": d_str,
}, (), omit_empty=("project", "acronym", "number", "programme", "organiser", "partners",
                   "logos", "disclaimer", "author", "consent_purposes", "attendance_columns",
                   "introduction"))
INFO = Spec(SessionInfo, {
    "id": d_str, "title": d_str, "kind": d_enum(SessionKind), "date": d_date, "place": d_str,
    "region": d_str, "facilitator": d_str, "language": d_str, "end_date": d_date,
    "start_time": d_time, "end_time": d_time, "profile": d_profile, "retain_until": d_date,
}, ("id", "title"), omit_empty=("end_date", "start_time", "end_time", "profile", "retain_until"))
CONSENT = Spec(Consent, {
    "purpose": d_str, "given": d_bool, "at": d_datetime, "how": d_str, "recorded_by": d_str,
    "withdrawn_at": d_datetime,
}, ("purpose", "given"), omit_empty=("at", "how", "recorded_by", "withdrawn_at"))
PARTICIPANT = Spec(Participant, {
    "id": d_str, "name": d_str, "organisation": d_str, "country": d_str, "role": d_str,
    "email": d_str, "consent": d_list(_consent),
}, ("id", "name"), omit_empty=("consent",))
AGENDA = Spec(AgendaItem, {
    "id": d_str, "title": d_str, "minutes": d_int, "exercise": d_str,
    "started_at": d_datetime, "ended_at": d_datetime,
}, ("id", "title"))
ORIGIN = Spec(Origin, {"id": d_str, "text": d_str, "author": d_str}, ("id", "text"))
SWOT = Spec(SwotItem, {
    "id": d_str, "quadrant": d_quadrant, "text": d_str, "tags": d_strs, "author": d_str,
    "merged_from": d_list(_origin),
}, ("id", "quadrant", "text"), omit_empty=("merged_from",))
TOWS = Spec(TowsStrategy, {
    "id": d_str, "type": d_enum(TowsType), "text": d_str, "links": d_strs,
}, ("id", "type", "text"))
OPTION = Spec(VoteOption, {"id": d_str, "text": d_str, "source": d_str}, ("id", "text"))
BALLOT = Spec(Ballot, {
    "voter": d_str, "dots": d_opt_int_map, "ranking": d_opt_strs, "scores": d_opt_score_map,
    "aggregate": d_bool, "device": d_str,
}, (), omit_empty=("voter", "dots", "ranking", "scores", "aggregate", "device"))
#: What the room sees (`meta.room` of a session file; not in the interchange format).
ROOM = Spec(Room, {"activity": d_enum(RoomActivity), "vote": d_str, "names": d_bool}, (),
            omit_empty=("vote", "names"))
VOTE = Spec(Vote, {
    "id": d_str, "question": d_str, "method": d_enum(VoteMethod), "options": d_list(_option),
    "dots_per_voter": d_int, "max_dots_per_option": d_opt_int, "criteria": d_strs,
    "scale": d_scale, "ballots": d_list(_ballot), "status": d_enum(VoteStatus),
    "tie_rule": d_enum(TieRule), "tie_break": d_strs, "hidden": d_bool,
    "kept_recounts": d_list(d_enum(VoteMethod)),
}, ("id", "question"), omit_empty=("kept_recounts",))
ACTION = Spec(Action, {
    "id": d_str, "title": d_str, "description": d_str, "priority": d_str, "owner": d_str,
    "partners": d_strs, "start": d_date, "due": d_date, "budget_eur": d_number,
    "indicator": d_str, "baseline": d_str, "target": d_str, "status": d_enum(ActionStatus),
}, ("id", "title"))
NOTE = Spec(Note, {
    "id": d_str, "at": d_datetime, "author": d_str, "kind": d_enum(NoteKind), "text": d_str,
    "agenda_item": d_str,
}, ("id", "at", "text"))

_BY_CLASS: dict[type, Spec[Any]] = {spec.cls: spec for spec in (
    INFO, PURPOSE, PROFILE, CONSENT, PARTICIPANT, AGENDA, ORIGIN, SWOT, TOWS, OPTION, BALLOT, VOTE,
    ACTION, NOTE, ROOM)}
#: The spec of each session list's items (a list without one fails here, at import).
SPECS: dict[Collection[Any], Spec[Any]] = {c: _BY_CLASS[c.cls] for c in COLLECTIONS}


def encode(obj: Any) -> Doc:
    """The JSON document of any model object."""
    return _BY_CLASS[type(obj)].encode(obj)


def decode(collection: Collection[Item], doc: Any, path: str = "", *,
           defaults: Mapping[str, Any] | None = None) -> Item:
    """The item of `collection` a stored or imported document holds; `defaults` fill in
    fields the document leaves out (an imported item without an id)."""
    spec: Spec[Item] = SPECS[collection]
    return spec.decode(path, doc, defaults=defaults)


class StoredReferences:
    """`model.References` answered from stored documents (`{list: {id: document}}`).

    The store checks the references of every item it writes with this: a dictionary
    lookup per reference (a scan of the votes for a bare priority like `A`), so an edit
    stays cheap however big the session is. Documents are read defensively: a hand-edited
    file makes a reference fail, not the check crash.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = data

    def has(self, collection: str, item_id: str) -> bool:
        table = self._data.get(collection)
        return isinstance(table, Mapping) and item_id in table

    def has_option(self, vote_id: str | None, option_id: str) -> bool:
        votes = self._data.get("votes")
        if not isinstance(votes, Mapping):
            return False
        docs: Iterable[Any] = votes.values() if vote_id is None else (votes.get(vote_id),)
        for doc in docs:
            options = doc.get("options") if isinstance(doc, Mapping) else None
            if isinstance(options, list) and any(
                    isinstance(o, Mapping) and o.get("id") == option_id for o in options):
                return True
        return False

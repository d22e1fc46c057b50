"""Erasing a person from the store, everywhere it keeps them.

What an erasure changes in a session (`scrub_documents`): the participant record keeps its
id and becomes "erased participant N" with every other field blank; attributions that name
the person (a SWOT item's or an origin's `author`, a note's `author`, an action's `owner`
or partner, the facilitator) become that label; their ballots lose `voter` and `device`
and stay as anonymous ballots, so every count stays the same; mentions of their name or
e-mail in free text are replaced by the label. With `with_texts`, the SWOT items and notes
they wrote are deleted too (TOWS links and option sources to them dropped, the votes'
options and ballots kept), and so are the history entries that hold copies of them. The
history's other entries are scrubbed like every other table: their rows and labels name
the person by the same label.

Where else a person stays, and how each is reached: the journal (the session is compacted
into a fresh snapshot and an empty journal, `SessionFile.rewrite`); the rolling backups
(hard links to old snapshots: each one that mentions the person is written anew, with the
person scrubbed, as a new file; the shared inode is never changed in place); the damaged
copies (scrubbed when they still parse, else removed — the report says which); stale temp
files (removed by the rewrites); the hub's files under `<home>/hub/` and the data home's own
JSON files, such as the project profile (scrubbed like free text).

An erasure can be killed at any instant. Its plan (who, in which sessions, which label) is
written first to `<home>/erasure-pending.json` (0600), and removed last; until then
`pending()` reports it, and running it again (`resume`) completes it: every step is
idempotent. The plan holds the person's name and e-mail while it runs — the one place they
stay, and only until the erasure completes. What is kept afterwards, `<home>/erasures.json`,
holds no personal data: when, which session, how many people, and the reason given (itself
scrubbed of the names).
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from smartplan_tui.collection_registry import PARTICIPANTS
from smartplan_tui.i18n import _, pgettext
from smartplan_tui.model import ModelError, Participant, Session, SessionInfo, legacy_session_id_ok
from smartplan_tui.os_errors import os_reason
from smartplan_tui.privacy import Person, Redactor, everyone, past_retention, plan_people
from smartplan_tui.records import record
from smartplan_tui.store import history
from smartplan_tui.store.codec import decode
from smartplan_tui.store.errors import StoreError
from smartplan_tui.store.repository import SessionStore
from smartplan_tui.store.session_file import Data, SessionFile, write_atomically

__all__ = ["ERASURES_FILE", "PENDING_FILE", "Erasure", "ErasureReport", "due_sessions", "erase",
           "find_person", "pending", "purge_plan", "resume", "scrub_documents"]

PENDING_FILE = "erasure-pending.json"
ERASURES_FILE = "erasures.json"
#: Fields that name who did something: replaced whole by the erased person's label.
_ATTRIBUTIONS = frozenset({"author", "owner", "facilitator"})
#: Tables scrubbed on their own terms rather than by the walk over every value.
_SKIPPED = frozenset({"participants"})


@record
class Erasure:
    """What one erasure is to do: who, per session, and why (the plan on disk)."""

    people: dict[str, list[Person]]
    reason: str = ""
    with_texts: bool = False
    started: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"started": self.started, "reason": self.reason, "with_texts": self.with_texts,
                "sessions": {sid: [p.to_json() for p in people]
                             for sid, people in self.people.items()}}

    @classmethod
    def from_json(cls, doc: Any) -> Erasure:
        try:
            return cls({str(sid): [Person.from_json(p) for p in people]
                        for sid, people in doc["sessions"].items()},
                       str(doc.get("reason", "")), bool(doc.get("with_texts", False)),
                       str(doc.get("started", "")))
        except (KeyError, TypeError, AttributeError) as error:
            raise StoreError(_("the unfinished erasure's plan cannot be read ({reason})").format(
                reason=error)) from None


@dataclass(slots=True)
class ErasureReport:
    """What an erasure did, one line each, for the command line and the app."""

    sessions: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ finding the person


def find_person(store: SessionStore, query: str, session_id: str | None = None) -> Erasure:
    """Who `query` (a participant id, a name or an e-mail) names: in one session, or in
    every session (where an id means nothing, so only names and e-mails count).

    A name that is no participant's but appears as an attribution is found too: authors
    are sometimes typed, not chosen.
    """
    ids = [session_id] if session_id is not None else [s.id for s in store.list_sessions()]
    people: dict[str, list[Person]] = {}
    if session_id is None:  # a deleted session's last backups hold people too
        for sid, participants in _deleted_sessions_participants(store, set(ids)):
            found = plan_people(participants, query, by_id=False)
            if found:
                people[sid] = found
    for sid in ids:
        session = store.load(sid)
        language = session.info.language or None  # the labels stand in its texts and reports
        found = plan_people(session.participants, query, by_id=session_id is not None,
                            language=language)
        if not found:
            candidate = plan_people(session.participants, query, by_id=False, free_text=True,
                                    language=language)
            redactor = Redactor(candidate)
            known = {p.id for p in session.participants}
            if any(value not in known and redactor.who(value)
                   for value in _attributions_of(session)):
                found = candidate
        if found:
            people[sid] = found
    if not people:
        raise StoreError((_("no participant {query} in session {id}") if session_id
                          else _("no participant {query} in any session")).format(
                              query=repr(query), id=session_id))
    return Erasure(people)


def _deleted_sessions_participants(
        store: SessionStore, live: set[str]) -> Iterator[tuple[str, list[Participant]]]:
    """The participants in the backups of sessions that were deleted (their backups stay,
    so that a deletion can be undone), by session id, read leniently."""
    if not store.backups_dir.is_dir():
        return
    for folder in sorted(store.backups_dir.iterdir()):
        if folder.name in live or not folder.is_dir() or not legacy_session_id_ok(folder.name):
            continue
        found: dict[str, Participant] = {}
        for path in sorted(folder.glob("*.json")):
            with contextlib.suppress(OSError, ValueError, ModelError, AttributeError, TypeError):
                table = orjson.loads(path.read_bytes()).get("participants", {})
                for key, doc in table.items():
                    found.setdefault(key, decode(PARTICIPANTS, doc, f"participants.{key}"))
        if found:
            yield folder.name, list(found.values())


def _attributions_of(session: Session) -> Iterator[str]:
    yield session.info.facilitator
    for item in session.swot:
        yield item.author
        for origin in item.merged_from:
            yield origin.author
    for note in session.notes:
        yield note.author
    for action in session.actions:
        yield action.owner
        yield from action.partners
    for vote in session.votes:
        for ballot in vote.ballots:
            yield ballot.voter


def due_sessions(store: SessionStore, today: date) -> list[SessionInfo]:
    """The sessions whose retention date has passed, oldest date first (a session that
    cannot be read is left out: the home screen and `smartplan list` report it)."""
    due = []
    for summary in store.list_sessions():
        try:
            info = store.load(summary.id).info
        except (StoreError, ModelError):
            continue
        if past_retention(info, today):
            due.append(info)
    return sorted(due, key=lambda info: (info.retain_until or today, info.id))


def purge_plan(store: SessionStore, sessions: list[SessionInfo], reason: str) -> Erasure:
    """An erasure of every participant not erased yet of `sessions`."""
    people = {info.id: everyone(store.load(info.id).participants, info.language or None)
              for info in sessions}
    return Erasure({sid: found for sid, found in people.items() if found}, reason)


# ------------------------------------------------------------------ scrubbing documents


def scrub_documents(data: Data, people: list[Person], *, with_texts: bool = False) -> bool:
    """Take `people` out of a session's tables (a snapshot's, a backup's); True if changed."""
    redactor = Redactor(people)
    before = orjson.dumps(data)
    participants = data.get("participants")
    if isinstance(participants, dict):
        for key, doc in list(participants.items()):
            label = _participant_label(redactor, doc)
            if label is not None:
                participants[key] = {"id": doc.get("id", key), "name": label}
    if with_texts:
        _drop_their_texts(data, redactor)
    _scrub_history_rows(data, redactor)
    for name, table in data.items():
        if name in _SKIPPED or not isinstance(table, dict):
            continue
        for key, doc in table.items():
            table[key] = _scrub(doc, redactor, name == "votes")
    return orjson.dumps(data) != before


def _scrub_history_rows(data: Data, redactor: Redactor) -> None:
    """The history's copies of participants and votes, scrubbed as the live ones are: a
    participant record becomes the label alone, and their ballots lose voter and device (the
    walk over every value that follows would leave a ballot's voter id, and other fields of
    the record, as they were)."""
    for entry in (data.get(history.TABLE) or {}).values():
        for row in entry.get("rows") or [] if isinstance(entry, dict) else []:
            if not isinstance(row, dict) or row.get("t") not in ("participants", "votes"):
                continue
            for key in ("before", "after"):
                doc = row.get(key)
                if row["t"] == "votes":
                    row[key] = _scrub(doc, redactor, True)
                elif isinstance(doc, dict) and (
                        label := _participant_label(redactor, doc)) is not None:
                    row[key] = {"id": doc.get("id", ""), "name": label}


def _participant_label(redactor: Redactor, doc: Any) -> str | None:
    if not isinstance(doc, dict):
        return None
    for key in ("id", "name", "email"):
        value = doc.get(key)
        if isinstance(value, str) and (label := redactor.who(value)) is not None:
            if key == "id" and not any(p.id == value for p in redactor.people):
                continue
            return label
    return None


def _scrub(value: Any, redactor: Redactor, in_vote: bool, key: str = "") -> Any:
    if isinstance(value, str):
        if key in _ATTRIBUTIONS or key == "partners":
            label = redactor.who(value)
            if label is not None:
                return label
        return redactor.text(value)
    if isinstance(value, list):
        if in_vote and key == "ballots":
            return [_anonymous(b, redactor) for b in value]
        return [_scrub(v, redactor, in_vote, key) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, redactor, in_vote, k) for k, v in value.items()}
    return value


def _anonymous(ballot: Any, redactor: Redactor) -> Any:
    """A named ballot of an erased person, without the name: counted exactly as before."""
    if isinstance(ballot, dict) and isinstance(ballot.get("voter"), str) \
            and redactor.who(ballot["voter"]) is not None:
        return {k: v for k, v in ballot.items() if k not in ("voter", "device")}
    return ballot


def _drop_their_texts(data: Data, redactor: Redactor) -> None:
    """Delete the SWOT items and notes the people wrote, and the references to those items."""
    gone: set[str] = set()
    for name in ("swot", "notes"):
        table = data.get(name)
        if not isinstance(table, dict):
            continue
        for key, doc in list(table.items()):
            if isinstance(doc, dict) and isinstance(doc.get("author"), str) \
                    and redactor.who(doc["author"]) is not None:
                del table[key]
                gone.add(key)
            elif isinstance(doc, dict) and isinstance(doc.get("merged_from"), list):
                doc["merged_from"] = [o for o in doc["merged_from"]
                                      if not (isinstance(o, dict) and isinstance(o.get("author"), str)
                                              and redactor.who(o["author"]) is not None)]
    for doc in (data.get("tows") or {}).values():
        if isinstance(doc, dict) and isinstance(doc.get("links"), list):
            doc["links"] = [link for link in doc["links"] if link not in gone]
    _drop_their_history(data, redactor)
    for doc in (data.get("votes") or {}).values():
        for option in doc.get("options", []) if isinstance(doc, dict) else []:
            if isinstance(option, dict) and option.get("source") in gone:
                option.pop("source")


def _drop_their_history(data: Data, redactor: Redactor) -> None:
    """Delete the history entries that hold a copy of a text the people wrote (a SWOT item
    or a note, before or after an edit): undo must not bring a deleted text back."""
    table = data.get(history.TABLE)
    if not isinstance(table, dict):
        return
    for key, entry in list(table.items()):
        rows = entry.get("rows") if isinstance(entry, dict) else None
        if any(isinstance(row, dict) and row.get("t") in ("swot", "notes")
               and any(isinstance(doc, dict) and isinstance(doc.get("author"), str)
                       and redactor.who(doc["author"]) is not None
                       for doc in (row.get("before"), row.get("after")))
               for row in rows or []):
            del table[key]


# ------------------------------------------------------------------ running an erasure


def pending(home: Path) -> Erasure | None:
    """The erasure that was started and not finished (killed, a full disk), if any."""
    path = Path(home) / PENDING_FILE
    try:
        doc = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, orjson.JSONDecodeError) as error:
        raise StoreError(_("{path}: the unfinished erasure's plan cannot be read ({reason})")
                         .format(path=path, reason=error)) from None
    return Erasure.from_json(doc)


def erase(store: SessionStore, plan: Erasure,
          step: Callable[[str], None] | None = None) -> ErasureReport:
    """Carry out `plan`: written first, so that a kill at any instant can be completed."""
    if pending(store.home) is not None:
        raise StoreError(_("an earlier erasure was not finished; run `smartplan privacy erase "
                           "--resume` first"))
    started = plan.started or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    plan = Erasure(plan.people, Redactor(_all_people(plan)).text(plan.reason), plan.with_texts,
                   started)
    write_atomically(store.home / PENDING_FILE, orjson.dumps(plan.to_json()))
    return _carry_out(store, plan, step)


def resume(store: SessionStore, step: Callable[[str], None] | None = None) -> ErasureReport:
    """Complete the unfinished erasure; StoreError when there is none."""
    plan = pending(store.home)
    if plan is None:
        raise StoreError(_("there is no unfinished erasure"))
    return _carry_out(store, plan, step)


def _all_people(plan: Erasure) -> list[Person]:
    return [p for people in plan.people.values() for p in people]


def _carry_out(store: SessionStore, plan: Erasure,
               step: Callable[[str], None] | None) -> ErasureReport:
    report = ErasureReport()
    say = step or (lambda _name: None)
    for session_id, people in plan.people.items():
        file = store.session_file(session_id)
        with file.locked(writing=True):
            if file.path.exists():
                say(_("session {session}").format(session=session_id))
                file.rewrite(functools.partial(_scrub_live, people=people,
                                               with_texts=plan.with_texts))
            say(_("backups of {session}").format(session=session_id))
            report.lines.extend(_scrub_backups(file, people, plan.with_texts))
        report.sessions.append(session_id)
    say(_("other files"))
    report.lines.extend(_scrub_other_files(store.home, _all_people(plan)))
    _record(store.home, plan)
    say(pgettext("erasure step", "done"))
    return report


def _scrub_live(data: Data, people: list[Person], with_texts: bool) -> None:
    """The live session's scrub; `SessionFile.rewrite` then decodes the whole session, so a
    scrub that left an invalid value writes nothing."""
    scrub_documents(data, people, with_texts=with_texts)


def _scrub_backups(file: SessionFile, people: list[Person], with_texts: bool) -> list[str]:
    """Rewrite every backup and damaged copy that still names the people, as new files."""
    redactor = Redactor(people)
    lines = []
    for path in [*file.backup_files(), *file.damaged_copies()]:
        try:
            blob = path.read_bytes()
        except OSError as error:
            lines.append(_("{path}: could not be read ({reason}); left as it is").format(
                path=path, reason=os_reason(error)))
            continue
        if not _mentions(blob, redactor, people):
            continue
        scrubbed = _scrubbed_file(blob, people, with_texts)
        if scrubbed is None:
            path.unlink()
            lines.append(_removed(path))
        else:
            write_atomically(path, scrubbed)
    return lines


def _removed(path: Path) -> str:
    """The report's line for a file that had to go rather than keep the person's name."""
    return _("{path}: removed: it names the person and could not be scrubbed").format(path=path)


def _mentions(blob: bytes, redactor: Redactor, people: list[Person]) -> bool:
    text = blob.decode("utf-8", errors="replace")
    return redactor.found_in(text) or any(f'"{p.id}"' in text for p in people if p.id)


def _scrubbed_file(blob: bytes, people: list[Person], with_texts: bool) -> bytes | None:
    """A snapshot's or a journal's bytes without the people; None when they do not parse."""
    try:
        data = orjson.loads(blob)
    except orjson.JSONDecodeError:
        data = None
    if isinstance(data, dict) and all(isinstance(t, dict) for t in data.values()):
        scrub_documents(data, people, with_texts=with_texts)
        return orjson.dumps(data)
    lines: list[bytes] = []
    for line in blob.split(b"\n"):
        if not line:
            lines.append(line)
            continue
        try:
            ops = orjson.loads(line)
        except orjson.JSONDecodeError:
            return None
        lines.append(orjson.dumps(_scrub_ops(ops, people)))
    return b"\n".join(lines)


def _scrub_ops(ops: Any, people: list[Person]) -> Any:
    """Journal operations (`{"t": table, "id": …, "doc": …}`) with the people scrubbed."""
    if not isinstance(ops, list):
        return _scrub(ops, Redactor(people), False)
    scrubbed = []
    for op in ops:
        if isinstance(op, dict) and isinstance(op.get("doc"), dict):
            table = str(op.get("t", ""))
            data: Data = {table: {"_": op["doc"]}}
            scrub_documents(data, people)
            op = {**op, "doc": data[table]["_"]}
        scrubbed.append(op)
    return scrubbed


def _scrub_other_files(home: Path, people: list[Person]) -> list[str]:
    """The hub's files (device records, keys, its log) and the data home's own JSON files
    (the project profile, settings) scrubbed of any mention of the people."""
    folder = Path(home) / "hub"
    candidates = [*(sorted(folder.rglob("*")) if folder.is_dir() else []),
                  *(p for p in sorted(Path(home).glob("*.json"))
                    if p.name not in (PENDING_FILE, ERASURES_FILE))]
    redactor = Redactor(people)
    lines = []
    for path in candidates:
        if not path.is_file():
            continue
        blob = path.read_bytes()
        if not _mentions(blob, redactor, []):
            continue
        try:
            scrubbed = orjson.dumps(_scrub(orjson.loads(blob), redactor, False))
        except orjson.JSONDecodeError:
            try:  # a log: its text, line by line, with the mentions replaced
                scrubbed = redactor.text(blob.decode("utf-8")).encode("utf-8")
            except UnicodeDecodeError:
                path.unlink()
                lines.append(_removed(path))
                continue
        write_atomically(path, scrubbed)
    return lines


def _record(home: Path, plan: Erasure) -> None:
    """Append the erasure to `<home>/erasures.json` (no personal data), then drop the plan."""
    path = Path(home) / ERASURES_FILE
    try:
        records = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        records = []
    if not isinstance(records, list):
        records = []
    for session_id, people in plan.people.items():
        record = {"at": plan.started, "session": session_id, "people": len(people),
                  "with_texts": plan.with_texts, "reason": plan.reason}
        if record not in records:
            records.append(record)
    write_atomically(path, orjson.dumps(records, option=orjson.OPT_INDENT_2))
    with contextlib.suppress(FileNotFoundError):
        os.unlink(Path(home) / PENDING_FILE)

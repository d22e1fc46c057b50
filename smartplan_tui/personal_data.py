"""A person's own data as a zip: everything the sessions hold about them, as JSON and CSV.

What a participant may ask for ("download your data"): their participant records, the
SWOT items (and merged parts) and notes they wrote, their named ballots and the actions
they own or partner in, each with the session it is from. Nothing of anyone else: a
ballot is theirs alone, an item is listed with its own text only. Above the store (the
codec's encoding, the same as the interchange format); written private (0600), all at once.
"""

from __future__ import annotations

import csv
import io
import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from smartplan_tui.atomic import replace_atomically
from smartplan_tui.i18n import N_, _
from smartplan_tui.model import Session
from smartplan_tui.privacy import Person, Redactor
from smartplan_tui.store.codec import encode

__all__ = ["KINDS", "personal_records", "write_personal_data"]

#: The zip holds personal data: readable by its user alone, like the store's files.
PRIVATE = 0o600

#: The files of the zip, one per kind of record, and what README.txt says of each (in the
#: interface language: the README is for the person who asked; the files keep machine names).
KINDS = {
    "participants": N_("the participant records: name, organisation, country, role, e-mail"),
    "swot": N_("the SWOT items they wrote, and parts of merged items that were theirs"),
    "notes": N_("the notes, decisions and parking-lot items they wrote"),
    "ballots": N_("their named ballots, with the vote's question (anonymous ballots are no "
                  "one's)"),
    "actions": N_("the actions they own or are a partner of"),
}


def personal_records(session: Session, person: Person) -> dict[str, list[dict[str, Any]]]:
    """What `session` holds about `person`, by kind; every record names its session."""
    who = Redactor([person]).who
    base = {"session": session.id}
    records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    records["participants"] = [{**base, **encode(p)} for p in session.participants
                               if p.id == person.id or who(p.name) or (p.email and who(p.email))]
    for item in session.swot:
        if who(item.author):
            records["swot"].append({**base, **encode(item)})
        for origin in item.merged_from:
            if who(origin.author):
                records["swot"].append({**base, "merged_into": item.id, **encode(origin)})
    records["notes"] = [{**base, **encode(n)} for n in session.notes if who(n.author)]
    for vote in session.votes:
        for ballot in vote.ballots:
            if who(ballot.voter):
                records["ballots"].append({**base, "vote": vote.id, "question": vote.question,
                                           **encode(ballot)})
    records["actions"] = [{**base, **encode(a)} for a in session.actions
                          if who(a.owner) or any(who(p) for p in a.partners)]
    return records


def write_personal_data(found: list[dict[str, list[dict[str, Any]]]], path: Path) -> Path:
    """Write the records of every session as one zip: `<kind>.json`, `<kind>.csv`, README."""
    merged = {kind: [r for records in found for r in records[kind]] for kind in KINDS}

    def write(stream: Any) -> None:
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("README.txt", _readme(merged))
            for kind, rows in merged.items():
                archive.writestr(f"{kind}.json", orjson.dumps(rows, option=orjson.OPT_INDENT_2))
                archive.writestr(f"{kind}.csv", _csv(rows))

    return replace_atomically(path, write, mode=PRIVATE)


def _readme(merged: dict[str, list[dict[str, Any]]]) -> str:
    lines = [_("Personal data held by SmartPlan about one person."), "",
             *textwrap.wrap(_("Each kind of record is in two files with the same content: "
                              "KIND.json (a list of records, as in SmartPlan's interchange "
                              "format) and KIND.csv (one row each; lists and maps as JSON). "
                              "Every record names the session it comes from."), 88), ""]
    lines += [f"{kind}.json, {kind}.csv: {_(text)} ({len(merged[kind])})"
              for kind, text in KINDS.items()]
    return "\n".join(lines) + "\n"


def _csv(rows: list[dict[str, Any]]) -> str:
    columns = list(dict.fromkeys(key for row in rows for key in row)) or ["session"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(list(_cells(row, columns)) for row in rows)
    return out.getvalue()


def _cells(row: dict[str, Any], columns: list[str]) -> Iterator[str]:
    for column in columns:
        value = row.get(column, "")
        yield value if isinstance(value, str) else orjson.dumps(value).decode()

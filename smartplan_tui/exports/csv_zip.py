"""One CSV per table of a session, in a zip: for spreadsheets and a programme's monitoring.

Text is written exactly as entered (CSV quoting carries line breaks and control characters);
numbers and dates stay raw (`12000`, `2027-06-30`) so a spreadsheet can sum and sort them.
Files are UTF-8 with a byte-order mark, which Excel needs to read ā and š correctly.
Column names and values are the same whatever the report's language (scripts read them), so
the tables are always built in English: a Latvian decimal comma cannot creep into a score.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from smartplan_tui.exports import content
from smartplan_tui.exports.atomic import atomic_write
from smartplan_tui.exports.content import Table
from smartplan_tui.i18n import DEFAULT_LANGUAGE, writing_in
from smartplan_tui.model import Session

__all__ = ["csv_tables", "write_csv_zip"]


def write_csv_zip(session: Session, path: str | os.PathLike[str]) -> Path:
    tables = csv_tables(session)

    def write(stream: io.BufferedIOBase) -> None:
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            for table in tables:
                archive.writestr(f"{table.name}.csv", _csv_bytes(table.headers, table.rows))

    return atomic_write(path, write)  # type: ignore[arg-type]


def csv_tables(session: Session) -> list[Table]:
    """The session's tables in the report's order, in English whatever the language."""
    with writing_in(DEFAULT_LANGUAGE):
        return _tables(session)


def _tables(session: Session) -> list[Table]:
    info = session.info
    tables = [
        Table("session", ("id", "title", "kind", "date", "place", "region", "facilitator",
                          "language"),
              [(info.id, info.title, info.kind.value, content.fmt_date(info.date), info.place,
                info.region, info.facilitator, info.language)]),
        _agenda(session),
        Table("participants", ("id", "name", "organisation", "country", "role", "email"),
              [(p.id, p.name, p.organisation, p.country, p.role, p.email)
               for p in session.participants]),
        _with_ids("swot", content.swot_table(session), [i.id for i in session.swot]),
        _with_ids("tows", content.tows_table(session), [s.id for s in session.tows]),
        _results(session),
        _actions(session),
        Table("notes", ("id", "at", "kind", "author", "agenda_item", "text"),
              [(n.id, n.at.isoformat(), n.kind.value, content.person(session, n.author),
                n.agenda_item, n.text) for n in session.notes]),
    ]
    return tables


def _with_ids(name: str, table: Table, ids: Sequence[str]) -> Table:
    return Table(name, ("id", *table.headers),
                 [(item_id, *row) for item_id, row in zip(ids, table.rows, strict=True)])


def _agenda(session: Session) -> Table:
    rows = content.agenda_table(session).rows[: len(session.agenda)]  # no total line
    return Table("agenda", ("id", "title", "exercise", "started_at", "ended_at",
                            "planned_minutes", "actual_minutes"),
                 [(item.id, item.title, item.exercise,
                   item.started_at.isoformat() if item.started_at else "",
                   item.ended_at.isoformat() if item.ended_at else "", str(item.minutes), row[5])
                  for item, row in zip(session.agenda, rows, strict=True)])


def _results(session: Session) -> Table:
    table = Table("vote_results", ("vote_id", "question", "method", "ballots", "invalid", "rank",
                                   "option", "text", "score", "problem"))
    for summary in content.vote_summaries(session):
        vote = summary.vote
        head = (vote.id, vote.question, vote.method.value, str(summary.ballots),
                str(summary.invalid))
        if summary.problem:
            table.rows.append((*head, "", "", "", "", summary.problem))
        for row in summary.results.rows:
            table.rows.append((*head, *row[:3], row[3].replace(",", ""), ""))
    return table


def _actions(session: Session) -> Table:
    table = Table("actions", ("id", "title", "description", "priority", "owner", "partners",
                              "start", "due", "budget_eur", "indicator", "baseline", "target",
                              "status", "smart_gaps"))
    for action in session.actions:
        budget = "" if action.budget_eur is None else str(action.budget_eur)
        gaps = "; ".join(f"{letter}: {reason}"
                         for letter, reason in content.smart_gaps(session, action))
        table.rows.append((action.id, action.title, action.description, action.priority,
                           action.owner, "; ".join(action.partners),
                           content.fmt_date(action.start), content.fmt_date(action.due), budget,
                           action.indicator, action.baseline, action.target,
                           action.status.value, gaps))
    return table


def _csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig", errors="replace")

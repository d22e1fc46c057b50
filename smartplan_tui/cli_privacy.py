"""`smartplan privacy …`: a person's data — erase it, hand it over; sessions past retention.

The command line asks no confirmation: naming the person and the command is the decision.
The app's participants screen asks first and says what will change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from smartplan_tui.cli import _parse_date_option, store
from smartplan_tui.cli_base import BadValue, OneLineErrors, PlainTyper, friendly
from smartplan_tui.cli_base import say as _say
from smartplan_tui.store import SessionStore
from smartplan_tui.store.erasure import (
    Erasure,
    ErasureReport,
    due_sessions,
    erase,
    find_person,
    pending,
    purge_plan,
    resume,
)

privacy_app = PlainTyper(cls=OneLineErrors, no_args_is_help=True, rich_markup_mode=None,
                         help="Participants' personal data: erase, export, retention.")


def _report(report: ErasureReport) -> None:
    for line in report.lines:
        _say(line)


def complete_unfinished(sessions: SessionStore) -> None:
    """Finish an erasure a kill or a full disk interrupted, saying so."""
    plan = pending(sessions.home)
    if plan is None:
        return
    _say(f"an erasure started {plan.started} was not finished; completing it "
         f"({', '.join(plan.people)})")
    _report(resume(sessions))
    _say("the unfinished erasure is complete")


@privacy_app.command("erase")
@friendly
def erase_command(
    person: Annotated[str | None, typer.Argument(
        metavar="PERSON", help="A participant's id (with --session), name or e-mail.")] = None,
    session_id: Annotated[str | None, typer.Option(
        "--session", metavar="ID", help="Only this session (default: every session).")] = None,
    reason: Annotated[str, typer.Option(metavar="TEXT", help="Kept in the erasure record.")] = "",
    with_texts: Annotated[bool, typer.Option(
        "--with-texts", help="Delete the SWOT items and notes they wrote too.")] = False,
) -> None:
    """Erase a person's personal data; their votes still count, anonymously.

    Leaves their contributions unattributed ("erased participant N") and scrubs the
    journal, the backups, the damaged copies and the hub's files. Without --session every
    session is searched. With no PERSON, completes an erasure that was interrupted.
    """
    sessions = store()
    complete_unfinished(sessions)
    if person is None:
        if pending(sessions.home) is None:
            _say("no unfinished erasure; name a PERSON to erase")
        return
    plan = find_person(sessions, person, session_id)
    plan = Erasure(plan.people, reason, with_texts)
    where = (f"session {session_id}" if session_id is not None else
             f"all sessions (no --session given): {len(plan.people)} of them hold them")
    report = erase(sessions, plan)
    _report(report)
    _say(f"erased {person!r} from {where}: {', '.join(report.sessions)}; votes and counts "
         "are unchanged")


@privacy_app.command("export")
@friendly
def export_command(
    person: Annotated[str, typer.Argument(
        metavar="PERSON", help="A participant's id (with --session), name or e-mail.")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="F.zip", dir_okay=False,
                                         help="The zip to write (outside the data folder).")],
    session_id: Annotated[str | None, typer.Option(
        "--session", metavar="ID", help="Only this session (default: every session).")] = None,
) -> None:
    """Write everything stored about a person to a zip (JSON and CSV, with a README)."""
    from smartplan_tui.personal_data import personal_records, write_personal_data

    sessions = store()
    sessions.check_output(output)
    plan = find_person(sessions, person, session_id)
    found = [personal_records(sessions.load(sid), p)
             for sid, people in plan.people.items() for p in people]
    written = write_personal_data(found, output)
    total = sum(len(rows) for records in found for rows in records.values())
    _say(f"{written}: {total} records from {', '.join(plan.people)}")


@privacy_app.command("retain")
@friendly
def retain_command(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    until: Annotated[str, typer.Argument(
        metavar="DATE", help="The last day to keep personal data (YYYY-MM-DD), or 'none'.")],
) -> None:
    """Set how long a session's personal data is kept; after that day it is due for purge."""
    day = None if until.strip().lower() == "none" else _parse_date_option("DATE", until)
    info = store().open(session_id).update_info(lambda info: replace(info, retain_until=day))
    _say(f"session {info.id}: personal data kept until {day.isoformat() if day else 'no date set'}")


@privacy_app.command("due")
@friendly
def due_command() -> None:
    """List the sessions past their retention date (see `privacy purge --due`)."""
    due = due_sessions(store(), date.today())
    if not due:
        _say("no session is past its retention date")
    for info in due:
        assert info.retain_until is not None
        _say(f"{info.id}  retain until {info.retain_until.isoformat()}  {info.title}")


@privacy_app.command("purge")
@friendly
def purge_command(
    due: Annotated[bool, typer.Option("--due", help="Every session past its retention date.")]
    = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only say what would be erased.")]
    = False,
) -> None:
    """Erase every participant of the sessions past their retention date."""
    if not due:
        raise BadValue("--due", "say which sessions to purge: --due (those past their "
                       "retention date)")
    sessions = store()
    complete_unfinished(sessions)
    plan = purge_plan(sessions, due_sessions(sessions, date.today()),
                      "retention date passed")
    if not plan.people:
        _say("no participant of a session past its retention date is left to erase")
        return
    for session_id, people in plan.people.items():
        verb = "would erase" if dry_run else "erasing"
        _say(f"{session_id}: {verb} {len(people)} participant(s)")
    if not dry_run:
        _report(erase(sessions, plan))
        _say(f"purged {len(plan.people)} session(s); votes and counts are unchanged")

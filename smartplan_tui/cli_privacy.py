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

from smartplan_tui.cli import _SESSION_ID, _parse_date_option, store
from smartplan_tui.cli_base import BadValue, OneLineErrors, PlainTyper, friendly
from smartplan_tui.cli_base import say as _say
from smartplan_tui.i18n import _, ngettext
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
                         help=_("Participants' personal data: erase, export, retention."))


def _report(report: ErasureReport) -> None:
    for line in report.lines:
        _say(line)


def complete_unfinished(sessions: SessionStore) -> None:
    """Finish an erasure a kill or a full disk interrupted, saying so."""
    plan = pending(sessions.home)
    if plan is None:
        return
    _say(_("an erasure started {started} was not finished; completing it ({sessions})").format(
        started=plan.started, sessions=", ".join(plan.people)))
    _report(resume(sessions))
    _say(_("the unfinished erasure is complete"))


_PERSON_HELP = _("A participant's id (with --session), name or e-mail.")
_ONLY_SESSION_HELP = _("Only this session (default: every session).")


@privacy_app.command("erase", help=_(
    "Erase a person's personal data; their votes still count, anonymously.\n\n"
    "Leaves their contributions unattributed (\"erased participant N\") and scrubs the "
    "journal, the backups, the damaged copies and the hub's files. Without --session every "
    "session is searched. With no PERSON, completes an erasure that was interrupted."))
@friendly
def erase_command(
    person: Annotated[str | None, typer.Argument(metavar="PERSON", help=_PERSON_HELP)] = None,
    session_id: Annotated[str | None, typer.Option(
        "--session", metavar="ID", help=_ONLY_SESSION_HELP)] = None,
    reason: Annotated[str, typer.Option(metavar="TEXT", help=_("Kept in the erasure record."))]
    = "",
    with_texts: Annotated[bool, typer.Option(
        "--with-texts", help=_("Delete the SWOT items and notes they wrote too."))] = False,
) -> None:
    sessions = store()
    complete_unfinished(sessions)
    if person is None:
        if pending(sessions.home) is None:
            _say(_("no unfinished erasure; name a PERSON to erase"))
        return
    plan = find_person(sessions, person, session_id)
    plan = Erasure(plan.people, reason, with_texts)
    count = len(plan.people)
    where = (_("session {session}").format(session=session_id) if session_id is not None else
             ngettext("all sessions (no --session given): {n} of them holds them",
                      "all sessions (no --session given): {n} of them hold them",
                      count).format(n=count))
    report = erase(sessions, plan)
    _report(report)
    _say(_("erased {person!r} from {where}: {sessions}; votes and counts are unchanged").format(
        person=person, where=where, sessions=", ".join(report.sessions)))


@privacy_app.command("export", help=_("Write everything stored about a person to a zip (JSON "
                                     "and CSV, with a README)."))
@friendly
def export_command(
    person: Annotated[str, typer.Argument(metavar="PERSON", help=_PERSON_HELP)],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="F.zip", dir_okay=False,
                                         help=_("The zip to write (outside the data folder)."))],
    session_id: Annotated[str | None, typer.Option(
        "--session", metavar="ID", help=_ONLY_SESSION_HELP)] = None,
) -> None:
    from smartplan_tui.personal_data import personal_records, write_personal_data

    sessions = store()
    sessions.check_output(output)
    plan = find_person(sessions, person, session_id)
    found = [personal_records(sessions.load(sid), p)
             for sid, people in plan.people.items() for p in people]
    written = write_personal_data(found, output)
    total = sum(len(rows) for records in found for rows in records.values())
    _say(ngettext("{file}: {n} record from {sessions}", "{file}: {n} records from {sessions}",
                  total).format(file=written, n=total, sessions=", ".join(plan.people)))


@privacy_app.command("retain", help=_("Set how long a session's personal data is kept; after "
                                     "that day it is due for purge."))
@friendly
def retain_command(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    until: Annotated[str, typer.Argument(
        metavar="DATE", help=_("The last day to keep personal data (YYYY-MM-DD), or 'none'."))],
) -> None:
    day = None if until.strip().lower() == "none" else _parse_date_option("DATE", until)
    info = store().open(session_id).update_info(lambda info: replace(info, retain_until=day))
    if day is None:
        _say(_("session {session}: personal data kept with no end date").format(session=info.id))
        return
    _say(_("session {session}: personal data kept until {date}").format(
        session=info.id, date=day.isoformat()))


@privacy_app.command("due", help=_("List the sessions past their retention date (see "
                                  "`privacy purge --due`)."))
@friendly
def due_command() -> None:
    due = due_sessions(store(), date.today())
    if not due:
        _say(_("no session is past its retention date"))
    for info in due:
        assert info.retain_until is not None
        until = _("retain until {date}").format(date=info.retain_until.isoformat())
        _say(f"{info.id}  {until}  {info.title}")


@privacy_app.command("purge", help=_("Erase every participant of the sessions past their "
                                    "retention date."))
@friendly
def purge_command(
    due: Annotated[bool, typer.Option("--due", help=_("Every session past its retention date."))]
    = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_("Only say what would be erased."))]
    = False,
) -> None:
    if not due:
        raise BadValue("--due", _("say which sessions to purge: --due (those past their "
                                  "retention date)"))
    sessions = store()
    complete_unfinished(sessions)
    plan = purge_plan(sessions, due_sessions(sessions, date.today()),
                      _("retention date passed"))
    if not plan.people:
        _say(_("no participant of a session past its retention date is left to erase"))
        return
    for session_id, people in plan.people.items():
        n = len(people)
        if dry_run:
            line = ngettext("{session}: would erase {n} participant",
                            "{session}: would erase {n} participants", n)
        else:
            line = ngettext("{session}: erasing {n} participant",
                            "{session}: erasing {n} participants", n)
        _say(line.format(session=session_id, n=n))
    if not dry_run:
        _report(erase(sessions, plan))
        n = len(plan.people)
        _say(ngettext("purged {n} session; votes and counts are unchanged",
                      "purged {n} sessions; votes and counts are unchanged", n).format(n=n))

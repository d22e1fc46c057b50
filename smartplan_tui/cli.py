"""The `smartplan` command line, for coordinators and scripts (formats: docs/format.md).

Every error is one line on stderr, never a traceback: exit code 2 when the command line is
wrong (unknown command or option, missing argument, a value not of its option's form), 1
when the command could not be done (unknown session, unreadable file, refused value). Heavy
imports (Textual, python-docx) happen only in the commands that need them, so that
`smartplan add note …` stays quick on a facilitator's laptop.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections import abc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from smartplan_tui.cli_base import BadValue, OneLineErrors, PlainTyper, friendly
from smartplan_tui.cli_base import say as _say
from smartplan_tui.collection_registry import (
    ACTIONS,
    AGENDA,
    NOTES,
    PARTICIPANTS,
    SWOT,
    VOTES,
    Collection,
)
from smartplan_tui.export_formats import FORMATS, INTERCHANGE, interchange_text
from smartplan_tui.i18n import LANGUAGES, _, ngettext, normalise_language
from smartplan_tui.labels import kind_name
from smartplan_tui.model import (
    PROFILE_KEYS,
    Action,
    ActionStatus,
    AgendaItem,
    Ballot,
    ModelError,
    Note,
    NoteKind,
    Participant,
    ProjectProfile,
    Quadrant,
    SessionInfo,
    SessionKind,
    SwotItem,
    TieRule,
    Vote,
    VoteMethod,
    VoteOption,
    check_new_session_id,
    parse_date,
)
from smartplan_tui.store import CLI_AUTHOR, SessionStore, StoreError, data_home, loads
from smartplan_tui.text import and_list, json_text, quoted, visible

app = PlainTyper(
    cls=OneLineErrors,
    help=_("SmartPlan: strategic-planning workshops — SWOT, TOWS, voting, action plans, reports."),
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,
)
add_app = PlainTyper(cls=OneLineErrors, help=_("Add one item to a session; prints its id."),
                     no_args_is_help=True, rich_markup_mode=None)
app.add_typer(add_app, name="add")
profile_app = PlainTyper(cls=OneLineErrors, help=_("The project profile every document prints."),
                         no_args_is_help=True, rich_markup_mode=None)
app.add_typer(profile_app, name="profile")


# ------------------------------------------------------------------ the store


class _State:
    home: Path | None = None


def store() -> SessionStore:
    """The data home's sessions; edits made here are by `command line` in their history."""
    return SessionStore(data_home(_State.home), author=CLI_AUTHOR)


def _print_version(wanted: bool) -> None:
    """`smartplan --version`: the installed distribution's version, so it cannot drift."""
    if wanted:
        from importlib.metadata import version

        print(f"smartplan {version('smartplan-tui')}")
        raise typer.Exit()


def _check_language(value: str | None) -> str | None:
    """`--lang`: one of SmartPlan's languages (the launcher has already chosen it; see
    `launch.py`), else a usage error naming them."""
    if value is not None and normalise_language(value) is None:
        raise typer.BadParameter(_("{value!r} is not one of {languages}").format(
            value=value, languages=", ".join(LANGUAGES)))
    return value


@app.callback()
def main(
    ctx: typer.Context,
    home: Annotated[Path | None, typer.Option(
        "--home", envvar="SMARTPLAN_HOME", help=_("Data folder (default: the user data dir)."),
        metavar="DIR", file_okay=False)] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="|".join(LANGUAGES), callback=_check_language, is_eager=True,
        help=_("Interface language (default: $SMARTPLAN_LANG, the app's setting, the "
               "system's)."))] = None,
    version: Annotated[bool, typer.Option(
        "--version", help=_("Print the version and exit."), is_eager=True,
        callback=_print_version)] = False,
) -> None:
    """Open the app on the home screen when no command is given."""
    _State.home = home
    if ctx.invoked_subcommand is None:
        _run_app(None)


@friendly
def _run_app(session_id: str | None) -> None:
    from smartplan_tui.app import make_app

    app = make_app(data_home(_State.home), session_id)
    app.run()
    if app.restart_language is not None:  # chosen in the app: start again speaking it
        from smartplan_tui.launch import relaunch

        relaunch(app.restart_language)


def _parse_date_option(name: str, value: str | None) -> Any:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ModelError as error:
        raise BadValue(name, error.reason) from None


def _parse_time_option(name: str, value: str | None) -> Any:
    from smartplan_tui.store.codec import d_time

    try:
        return d_time(name, value)
    except ModelError as error:
        raise BadValue(name, error.reason) from None


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# ------------------------------------------------------------------ sessions

_SESSION_ID = _("The session's id (see `smartplan list`).")
_AUTHOR_HELP = _("Who wrote it (a name, as the room calls them).")
_ENTRY_HELP = _("The change's entry id (see `smartplan history`).")


@app.command(help=_("Create the demo session (if missing) and open it."))
@friendly
def demo(
    no_app: Annotated[bool, typer.Option("--no-app", help=_("Only create it; print where."))]
    = False,
) -> None:
    from smartplan_tui.demo import ensure_demo

    st = store()
    session = ensure_demo(st)
    if no_app or not _interactive():
        _say(_("demo session {id!r} is in {path}").format(
            id=session.id, path=st.sessions_dir / (session.id + ".json")))
        return
    _run_app(session.id)


@app.command(help=_("Create a session; prints its id."))
@friendly
def new(
    title: Annotated[str, typer.Argument(help=_("The session's title."))],
    kind: Annotated[SessionKind, typer.Option(help=_("Kind of session."))] = SessionKind.WORKSHOP,
    date: Annotated[str | None, typer.Option(metavar="DATE", help=_("YYYY-MM-DD"))] = None,
    end_date: Annotated[str | None, typer.Option(
        metavar="DATE", help=_("Last day of an event of several days (YYYY-MM-DD)."))] = None,
    start: Annotated[str | None, typer.Option(metavar="TIME", help=_("Start time (HH:MM)."))]
    = None,
    end: Annotated[str | None, typer.Option(metavar="TIME", help=_("End time (HH:MM)."))] = None,
    place: Annotated[str, typer.Option(help=_("Where it takes place."))] = "",
    region: Annotated[str, typer.Option(help=_("The region it plans for."))] = "",
    facilitator: Annotated[str, typer.Option(help=_("Who facilitates it."))] = "",
    language: Annotated[str, typer.Option(
        help=_("The language its reports are written in (en, lv, lt)."))] = "",
    session_id: Annotated[str | None, typer.Option(
        "--id", metavar="ID", help=_("Id (default: from title)."))] = None,
) -> None:
    if session_id is not None:
        check_new_session_id(session_id, "--id")
    st = store()
    info = SessionInfo(session_id or st.new_session_id(title), title, kind,
                       _parse_date_option("--date", date), place, region, facilitator, language,
                       end_date=_parse_date_option("--end-date", end_date),
                       start_time=_parse_time_option("--start", start),
                       end_time=_parse_time_option("--end", end))
    _say(st.create(info).id)


# ------------------------------------------------------------------ the project profile

_SESSION_OPTION = typer.Option("--session", metavar="ID",
                               help=_("This session's own profile (default: the data home's)."))


def _profile_value(profile: ProjectProfile, key: str) -> str:
    """A field as `profile set` takes it back: lists joined by `;`, purposes as id=text."""
    if key == "consent_purposes":
        return "; ".join(f"{p.id}={p.text}" for p in profile.purposes)
    value = getattr(profile, key)
    return "; ".join(value) if isinstance(value, tuple) else str(value)


@profile_app.command("show", help=_("The profile documents print (with --session: that "
                                   "session's own over the home's)."))
@friendly
def profile_show(
    session_id: Annotated[str | None, _SESSION_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help=_("A JSON object."))] = False,
) -> None:
    st = store()
    if session_id is None:
        profile = st.profile.load()
    else:
        own = st.load(session_id).info.profile
        profile = own.over(st.profile.load()) if own is not None else st.profile.load()
    values = {key: _profile_value(profile, key) for key in PROFILE_KEYS}
    if as_json:
        sys.stdout.write(json_text(json.dumps(values, ensure_ascii=False, indent=2)) + "\n")
        return
    for key, value in values.items():
        _say(f"{key}: {value}")


@profile_app.command("set", help=_("Set one field of the data home's profile, or of one "
                                  "session's own."))
@friendly
def profile_set(
    key: Annotated[str, typer.Argument(metavar="KEY", help=", ".join(PROFILE_KEYS) + ".")],
    value: Annotated[str, typer.Argument(
        metavar="VALUE", help=_("Lists separated by ';', consent purposes as id=text; "
                                "'' clears the field."))],
    session_id: Annotated[str | None, _SESSION_OPTION] = None,
) -> None:
    st = store()
    if session_id is None:
        st.profile.save(st.profile.load().with_text(key, value))
    else:
        def change(info: SessionInfo) -> SessionInfo:
            own = (info.profile or ProjectProfile()).with_text(key, value)
            return replace(info, profile=None if own.is_empty else own)

        st.open(session_id).update_info(change)
    _say(_("{key} set").format(key=key))


@profile_app.command("logo", help=_("Copy a logo into the data home and add it to the "
                                   "profile's logos."))
@friendly
def profile_logo(
    file: Annotated[Path, typer.Argument(metavar="FILE", help=_("A PNG, JPEG or GIF image."))],
) -> None:
    profile = store().profile.add_logo(file)
    _say(_("logos: {logos}").format(logos="; ".join(profile.logos)))


@app.command("list", help=_("The sessions in the data home, newest first."))
@friendly
def list_sessions(
    as_json: Annotated[bool, typer.Option("--json", help=_("A JSON list."))] = False,
) -> None:
    summaries = store().list_sessions()
    if as_json:
        print(json_text(json.dumps([s.to_json() for s in summaries], ensure_ascii=False,
                                   indent=2)))
        return
    if not summaries:
        print(_("no sessions yet — try `smartplan demo` or `smartplan new TITLE`"))
        return
    no_date = _("no date")
    width = max(10, len(no_date))
    kinds = {s.kind: kind_name(s.kind) for s in summaries}  # `--json` keeps the machine value
    kind_width = max(map(len, kinds.values()))
    for s in summaries:
        when = s.date.isoformat() if s.date else no_date
        items = ngettext("{n} item", "{n} items", s.items).format(n=f"{s.items:>5}")
        _say(f"{s.id:<28} {when:<{width}}  {kinds[s.kind]:<{kind_width}}  {items}  {s.title}")


@app.command("import", help=_("Import an interchange JSON file; prints the session id."))
@friendly
def import_(
    file: Annotated[Path, typer.Argument(help=_("Interchange JSON file ('-' for stdin)."))],
    replace: Annotated[bool, typer.Option(
        "--replace", help=_("Overwrite a session with the same id."))] = False,
) -> None:
    text = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    source = "stdin" if str(file) == "-" else str(file)
    st = store()
    try:
        session = st.import_document(loads(text, source), replace_existing=replace)
    except ModelError as error:
        if error.path:
            raise ModelError(f"{source}: {error.path}", error.reason) from None
        if not error.reason.startswith(source):
            raise ModelError(source, error.reason) from None
        raise
    for notice in st.take_notices():
        print(_("smartplan: warning: {message}").format(message=visible(notice, None)),
              file=sys.stderr)
    _say(session.id)


def _one_of(choices: abc.Collection[str]) -> Callable[[str], str]:
    """A `--format` parser: the value if it is one of `choices`, else a usage error naming
    them all."""

    def parse(name: str) -> str:
        if name not in choices:
            raise typer.BadParameter(_("{value!r} is not one of {formats}").format(
                value=name, formats=", ".join(choices)))
        return name

    return parse


@app.command(help=_("Export a session: interchange JSON, Word report, attendance list, PDF, "
                    "Markdown or CSV."))
@friendly
def export(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    fmt: Annotated[str, typer.Option(
        "--format", parser=_one_of(FORMATS), metavar="|".join(FORMATS),
        help="; ".join(f"{f.name}: {f.label}" for f in FORMATS.values()) + ".",
    )] = INTERCHANGE.name,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help=_("File to write (default: ID plus the format's ending; "
                                 "json goes to stdout)."))] = None,
    template: Annotated[Path | None, typer.Option(
        help=_("A .docx or .dotx whose styles and header to use (Word formats)."))] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="|".join(LANGUAGES), callback=_check_language,
        help=_("The language the document is written in (default: the session's)."))] = None,
) -> None:
    chosen = FORMATS[fmt]
    if template is not None and not chosen.takes_template:
        words = and_list([f.name for f in FORMATS.values() if f.takes_template])
        raise ModelError("--template", _("only {formats} take a template, not {format}").format(
            formats=words, format=fmt))
    st = store()
    session = st.load(session_id)
    if chosen is INTERCHANGE and output is None:
        # The same JSON values, with nothing in them that could drive a terminal.
        sys.stdout.write(json_text(interchange_text(session)))
        return
    target = output or Path(chosen.file_name(session.id))
    st.check_output(target)
    chosen.write(session, target, template=template, profile=st.profile.for_session(session),
                 language=lang)
    _say(target)


#: What `smartplan handbook --format` takes.
HANDBOOK_FORMATS = ("docx", "pdf")


@app.command(help=_("Synthesise several sessions into one Handbook for Cross-border Planning "
                    "(.docx or .pdf)."))
@friendly
def handbook(
    session_ids: Annotated[list[str], typer.Argument(
        metavar="ID...", help=_("Sessions to compile."))],
    output: Annotated[Path, typer.Option("--output", "-o", help=_(
        "The .docx (or .pdf) to write."))],
    template: Annotated[Path | None, typer.Option(help=_("A .docx whose styles to use."))]
    = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", parser=_one_of(HANDBOOK_FORMATS), metavar="|".join(HANDBOOK_FORMATS), help=_(
            "docx, or pdf through LibreOffice, its contents with page numbers (default: pdf "
            "when the output ends in .pdf, else docx)."))] = None,
    title: Annotated[str, typer.Option(help=_(
        "The title (default: Handbook for Cross-border Planning)."))] = "",
    subtitle: Annotated[str, typer.Option(help=_(
        "The line under the title (default: the profile's project and programme)."))] = "",
    intro: Annotated[Path | None, typer.Option(metavar="FILE", help=_(
        "The introduction: plain text or Markdown paragraphs (default: the profile's)."))]
    = None,
    themes: Annotated[Path | None, typer.Option(metavar="FILE", help=_(
        "Which tags make one theme, as JSON (default: tag_themes.json in the data home, "
        "else the built-in themes; docs/format.md)."))] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="|".join(LANGUAGES), callback=_check_language,
        help=_("The language the handbook is written in (default: the sessions' own, when "
               "they share one)."))] = None,
) -> None:
    from smartplan_tui import exports
    from smartplan_tui.exports.handbook import HandbookOptions, read_introduction
    from smartplan_tui.exports.tag_themes import THEMES_FILE, load_themes

    st = store()
    st.check_output(output)
    sessions = [st.load(i) for i in session_ids]
    home_themes = st.home / THEMES_FILE
    options = HandbookOptions(
        title=title, subtitle=subtitle,
        introduction=read_introduction(intro) if intro is not None else "",
        themes=load_themes(themes if themes is not None
                           else home_themes if home_themes.is_file() else None))
    as_pdf = (fmt or ("pdf" if output.suffix.lower() == ".pdf" else "docx")) == "pdf"
    write = exports.write_handbook_pdf if as_pdf else exports.write_handbook
    write(sessions, output, template=template,
          profile=st.profile.for_session(sessions[0]) if sessions else None,
          options=options, language=lang)
    _say(output)


@app.command(help=_("Count the votes of a session (optionally recounted with another method)."))
@friendly
def results(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    vote: Annotated[str | None, typer.Option(
        "--vote", metavar="VOTE_ID", help=_("Only this vote."))] = None,
    method: Annotated[VoteMethod | None, typer.Option(help=_("Recount with this method."))]
    = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help=_("The counts as JSON (described in docs/format.md)."))] = False,
) -> None:
    from smartplan_tui.exercises import voting

    session = store().load(session_id)
    votes = session.votes
    if vote is not None:
        votes = tuple(v for v in votes if v.id == vote)
        if not votes:
            known = ", ".join(v.id for v in session.votes) or _("none")
            raise StoreError(_("session {session} has no vote {vote!r} (votes: {known})").format(
                session=session_id, vote=vote, known=known))
    counted = [voting.count(v, method) for v in votes]
    if as_json:
        doc = {"session": session.id, "votes": [voting.result_to_json(r) for r in counted]}
        print(json_text(json.dumps(doc, ensure_ascii=False, indent=2)))
        return
    if not counted:
        _say(_("session {session} has no votes yet").format(session=session.id))
    for v, result in zip(votes, counted, strict=True):
        _say(f"{v.id}: {v.question}")
        # Labels are made visible in the table; ids and explanations may quote text too.
        print(visible(voting.render_table(result), None, one_line=False))
        print()


# ------------------------------------------------------------------ the room


@app.command(help=_("Let the room join from their devices: a page for phones, the app for "
                    "note-takers."))
@friendly
def serve(
    session_id: Annotated[str | None, typer.Argument(
        metavar="ID", help=_("The session (default: the only one there is)."))] = None,
    host: Annotated[str, typer.Option(
        help=_("Address to listen on: 127.0.0.1 for this laptop only, 0.0.0.0 for the room."),
        metavar="ADDRESS")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help=_("Port to listen on (0: any free one)."),
                                      metavar="N", min=0, max=65535)] = 8765,
    as_json: Annotated[bool, typer.Option(
        "--json", help=_("Print one JSON line with the links once listening."))] = False,
) -> None:
    from smartplan_tui.hub.commands import serve as serve_hub

    serve_hub(store(), session_id, host, port, as_json, _say)


@app.command(help=_("Set what the participants' devices show: off, swot, vote VOTE_ID or "
                    "results VOTE_ID."))
@friendly
def room(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    activity: Annotated[str | None, typer.Argument(
        metavar="ACTIVITY", help=_("off, swot, vote or results (default: show what it is)."))]
    = None,
    vote_id: Annotated[str | None, typer.Argument(
        metavar="VOTE_ID", help=_("The vote, for vote and results."))] = None,
    names: Annotated[bool, typer.Option(
        "--names", help=_("The vote asks each device who is voting."))] = False,
) -> None:
    from smartplan_tui.hub.commands import parse_room, set_room

    chosen = parse_room(activity, vote_id, names) if activity is not None else None
    _say(set_room(store(), session_id, chosen))


# ------------------------------------------------------------------ history


@app.command("history", help=_("A session's changes, newest first: entry, when, who, what."))
@friendly
def history(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    limit: Annotated[int, typer.Option("--limit", help=_("Show at most this many."))] = 20,
) -> None:
    entries = store().open(session_id).history()
    if not entries:
        print(_("no changes recorded yet"))
    for entry in entries[:max(0, limit)]:
        state = _(" (undone)") if entry.undone and entry.target == entry.id else ""
        _say(f"{entry.id:<6} {entry.at:%Y-%m-%d %H:%M}  {visible(entry.by, 24):<24}  "
             f"{visible(entry.what)}{state}")


@app.command("undo", help=_("Undo one change of a session (default: the newest made from the "
                            "command line); ENTRY is its id in `smartplan history`."))
@friendly
def undo(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    entry: Annotated[str | None, typer.Argument(metavar="ENTRY", help=_ENTRY_HELP)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help=_("Undo even if someone changed the same item since."))] = False,
) -> None:
    _say(store().open(session_id).undo(entry, force=force))


@app.command("redo", help=_("Redo an undone change (default: the last one undone from the "
                            "command line)."))
@friendly
def redo(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    entry: Annotated[str | None, typer.Argument(metavar="ENTRY", help=_ENTRY_HELP)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help=_("Redo even if someone changed the same item since."))] = False,
) -> None:
    _say(store().open(session_id).redo(entry, force=force))


# ------------------------------------------------------------------ add


def _add(session_id: str, collection: Collection[Any], make: Callable[[str], Any]) -> None:
    item = store().open(session_id).add(collection, make)
    _say(item.id)


@add_app.command("swot", help=_("Add a SWOT item."))
@friendly
def add_swot(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    quadrant: Annotated[str, typer.Argument(
        help=_("strengths|weaknesses|opportunities|threats or S/W/O/T"))],
    text: Annotated[str, typer.Argument(help=_("The item's text."))],
    tag: Annotated[list[str] | None, typer.Option("--tag", help=_("Repeat for several."))]
    = None,
    author: Annotated[str, typer.Option(help=_AUTHOR_HELP)] = "",
) -> None:
    try:
        q = Quadrant.parse(quadrant)
    except ModelError as error:
        raise BadValue("QUADRANT", error.reason) from None
    tags = tuple(dict.fromkeys(tag or ()))
    _add(session_id, SWOT, lambda i: SwotItem(i, q, text, tags, author))


@add_app.command("note", help=_("Add a note, decision or parking-lot item, stamped with the time "
                                "now."))
@friendly
def add_note(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    text: Annotated[str, typer.Argument(help=_("The note's text."))],
    kind: Annotated[NoteKind, typer.Option(help=_("What kind of note."))] = NoteKind.NOTE,
    author: Annotated[str, typer.Option(help=_AUTHOR_HELP)] = "",
    agenda_item: Annotated[str, typer.Option(
        metavar="ID", help=_("Agenda item id (default: the running one)."))]
    = "",
) -> None:
    from smartplan_tui.exercises import agenda

    handle = store().open(session_id)
    if not agenda_item:
        running = agenda.running(handle.load().agenda)
        agenda_item = running.id if running else ""
    now = datetime.now().astimezone().replace(microsecond=0)
    with _options_named({"agenda_item": "--agenda-item"}):
        item = handle.add(NOTES, lambda i: Note(i, now, text, kind, author, agenda_item))
    _say(item.id)


@add_app.command("participant", help=_("Register a participant."))
@friendly
def add_participant(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    name: Annotated[str, typer.Argument(help=_("Their name."))],
    organisation: Annotated[str, typer.Option(help=_("Their organisation."))] = "",
    country: Annotated[str, typer.Option(help=_("Two letters: LV, LT, …"))] = "",
    role: Annotated[str, typer.Option(help=_("Their role or position."))] = "",
    email: Annotated[str, typer.Option(help=_("Their e-mail address."))] = "",
) -> None:
    _add(session_id, PARTICIPANTS,
         lambda i: Participant(i, name, organisation, country.upper(), role, email))


@add_app.command("agenda", help=_("Add an agenda item."))
@friendly
def add_agenda(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    title: Annotated[str, typer.Argument(help=_("The agenda item's title."))],
    minutes: Annotated[int, typer.Option(help=_("Planned minutes."))] = 30,
    exercise: Annotated[str, typer.Option(help=_("swot, tows, voting, actions, …"))] = "",
) -> None:
    _add(session_id, AGENDA, lambda i: AgendaItem(i, title, minutes, exercise))


@add_app.command("action", help=_("Add an action to the action plan."))
@friendly
def add_action(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    title: Annotated[str, typer.Argument(help=_("What the action is, starting with a verb."))],
    description: Annotated[str, typer.Option(help=_("What is to be done."))] = "",
    priority: Annotated[str, typer.Option(
        metavar="OPTION_ID", help=_("Vote option id (A, or v1:A)."))]
    = "",
    owner: Annotated[str, typer.Option(help=_("Who is responsible."))] = "",
    partner: Annotated[list[str] | None, typer.Option("--partner", help=_("Repeat."))] = None,
    start: Annotated[str | None, typer.Option(metavar="DATE", help=_("YYYY-MM-DD"))] = None,
    due: Annotated[str | None, typer.Option(metavar="DATE", help=_("YYYY-MM-DD"))] = None,
    budget: Annotated[float | None, typer.Option("--budget", help=_("Euro."))] = None,
    indicator: Annotated[str, typer.Option(help=_("How progress is measured."))] = "",
    baseline: Annotated[str, typer.Option(help=_("The measure's value now."))] = "",
    target: Annotated[str, typer.Option(help=_("The measure's value to reach."))] = "",
    status: Annotated[ActionStatus, typer.Option(help=_("Where the action stands."))]
    = ActionStatus.PLANNED,
) -> None:
    handle = store().open(session_id)
    budget_eur: int | float | None = budget
    if budget is not None and budget.is_integer():
        budget_eur = int(budget)
    start_d = _parse_date_option("--start", start)
    due_d = _parse_date_option("--due", due)
    with _options_named({"priority": "--priority", "budget_eur": "--budget"}):
        item = handle.add(ACTIONS, lambda i: Action(
            i, title, description, priority, owner, tuple(partner or ()), start_d, due_d,
            budget_eur, indicator, baseline, target, status))
    _say(item.id)


@add_app.command("vote", help=_("Set up a vote; options typed in (--option) or taken from "
                                "SWOT/TOWS (--from)."))
@friendly
def add_vote(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    question: Annotated[str, typer.Argument(help=_("The question the room votes on."))],
    method: Annotated[VoteMethod, typer.Option(help=_("How the votes are counted."))]
    = VoteMethod.DOT,
    option: Annotated[list[str] | None, typer.Option("--option", help=_("Option text; repeat."))]
    = None,
    source: Annotated[list[str] | None, typer.Option(
        "--from", metavar="ITEM_ID",
        help=_("SWOT item or TOWS strategy id to take as an option; repeat."))] = None,
    dots: Annotated[int, typer.Option(help=_("Dots per voter."))] = 3,
    cap: Annotated[int | None, typer.Option(help=_("Most dots on one option."))] = None,
    tie_rule: Annotated[TieRule, typer.Option(help=_("What to do with a tie."))]
    = TieRule.REPORT,
) -> None:
    from smartplan_tui.exercises import voting

    handle = store().open(session_id)
    picked = voting.options_from(handle.load(), list(source or ()))
    typed = tuple(VoteOption(voting.option_letter(i), text)
                  for i, text in enumerate(option or (), start=len(picked)))
    options = (*picked, *typed)
    if not options:
        raise ModelError("--option", _("a vote needs options (--option TEXT or --from ITEM_ID)"))
    item = handle.add(VOTES, lambda i: Vote(i, question, method, options, dots, cap,
                                              tie_rule=tie_rule))
    _say(item.id)


@add_app.command("ballot", help=_("Cast a ballot (a voter's new ballot replaces their earlier "
                                  "one)."))
@friendly
def add_ballot(
    session_id: Annotated[str, typer.Argument(metavar="ID", help=_SESSION_ID)],
    vote_id: Annotated[str, typer.Argument(metavar="VOTE_ID", help=_("The vote's id."))],
    dots: Annotated[str | None, typer.Option(help="A=2,B=1")] = None,
    ranking: Annotated[str | None, typer.Option(help=_("B,A,C (best first)"))] = None,
    scores: Annotated[str | None, typer.Option(
        help="A:impact=4,feasibility=2;B:impact=3,feasibility=5")] = None,
    voter: Annotated[str, typer.Option(
        metavar="ID", help=_("Participant id (paper ballots: leave out)."))] = "",
    aggregate: Annotated[bool, typer.Option(
        "--aggregate", help=_("--dots are counts read off a wall, not one voter's."))] = False,
) -> None:
    from smartplan_tui.exercises import voting

    ballot = _ballot(dots, ranking, scores, voter, aggregate)
    handle = store().open(session_id)
    vote = handle.update(VOTES, vote_id, lambda v: voting.cast(v, ballot))
    _say(_("{vote} {question}: ballot recorded").format(vote=vote_id,
                                                         question=quoted(vote.question)))


def _ballot(dots: str | None, ranking: str | None, scores: str | None, voter: str,
            aggregate: bool) -> Ballot:
    given = [name for name, v in (("--dots", dots), ("--ranking", ranking), ("--scores", scores))
             if v is not None]
    if len(given) != 1:
        raise BadValue("ballot", _("give exactly one of --dots, --ranking or --scores"))
    if dots is not None:
        return Ballot(voter=voter, dots=_pairs("--dots", dots), aggregate=aggregate)
    if ranking is not None:
        return Ballot(voter=voter, ranking=tuple(x.strip() for x in ranking.split(",") if x.strip()))
    assert scores is not None
    table: dict[str, dict[str, int]] = {}
    for part in scores.split(";"):
        if not part.strip():
            continue
        option, sep, marks = part.partition(":")
        if not sep:
            raise BadValue("--scores", _("{part!r} should look like A:impact=4,feasibility=2")
                           .format(part=part))
        table[option.strip()] = _pairs("--scores", marks)
    return Ballot(voter=voter, scores=table)


def _pairs(name: str, text: str) -> dict[str, int]:
    pairs: dict[str, int] = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        # ASCII digits only: `"²".isdigit()` is true, but int("²") fails.
        if not sep or not key.strip() or not re.fullmatch(r"-?[0-9]{1,30}", value.strip()):
            raise BadValue(name, _("{part!r} should look like A=2").format(part=part.strip()))
        if key.strip() in pairs:
            raise BadValue(name, _("{key!r} is given twice").format(key=key.strip()))
        pairs[key.strip()] = int(value)
    return pairs


@contextlib.contextmanager
def _options_named(options: dict[str, str]) -> Iterator[None]:
    """Errors about a field given as an option name the option (`--agenda-item: …`)."""
    try:
        yield
    except ModelError as error:
        head = error.path.split(".")[0].split("[")[0]
        if head not in options:
            raise
        raise type(error)(options[head] + error.path[len(head):], error.reason) from None


def run(argv: Sequence[str] | None = None) -> None:
    """`python -m smartplan_tui` and scripts: the same as the `smartplan` command."""
    app(args=list(argv) if argv is not None else None, prog_name="smartplan")


# The privacy commands use the helpers above; importing them last keeps the cycle harmless.
from smartplan_tui.cli_privacy import privacy_app  # noqa: E402

app.add_typer(privacy_app, name="privacy")

"""The `smartplan` command line: the contract in DESIGN.md, for coordinators and scripts.

Every error is one line on stderr and a non-zero exit code, never a traceback. Heavy
imports (Textual, python-docx) happen only in the commands that need them, so that
`smartplan add note …` stays quick on a facilitator's laptop.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from smartplan_tui.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Ballot,
    ModelError,
    Note,
    NoteKind,
    Participant,
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
from smartplan_tui.store import SessionStore, StoreError, data_home, dumps, loads
from smartplan_tui.text import json_text, visible

F = TypeVar("F", bound=Callable[..., Any])


class OneLineErrors(TyperGroup):
    """Click's usage errors as one line (`smartplan: error: …`), like every other error."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except TyperException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `smartplan add`: show the help
                print(error.format_message())
                sys.exit(2)
            _fail(error.format_message(), error.exit_code)
        except typer.Exit as error:
            sys.exit(error.exit_code)
        except typer.Abort:
            _fail("aborted", 1)
        sys.exit(result if isinstance(result, int) else 0)


app = typer.Typer(
    cls=OneLineErrors,
    help="SmartPlan: strategic-planning workshops — SWOT, TOWS, voting, action plans, reports.",
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
add_app = typer.Typer(cls=OneLineErrors, help="Add one item to a session; prints its id.",
                      no_args_is_help=True, rich_markup_mode=None)
app.add_typer(add_app, name="add")


def _fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr; the message quotes user text, so its control characters show."""
    first = " ".join(str(message).split("\n")[0].split()) or "failed"
    print(f"smartplan: error: {visible(first, None)}", file=sys.stderr)
    sys.exit(code)


def _say(line: object) -> None:
    """Print one line holding session data (titles, ids, paths) with control characters
    shown as pictures: user text must never drive the terminal."""
    print(visible(str(line), None))


def friendly(func: F) -> F:
    """Turn the errors a user can cause into one line on stderr with exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (StoreError, ModelError) as error:
            _fail(str(error))
        except BrokenPipeError:  # `smartplan export … | head`: the reader has seen enough
            sys.stderr.close()
            os._exit(0)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(f"{where}{error.strerror or error}")
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except Exception as error:
            from smartplan_tui.exports.errors import ExportError

            if isinstance(error, ExportError):
                _fail(str(error))
            _fail(f"unexpected {type(error).__name__}: {error} (please report this)")

    return wrapper  # type: ignore[return-value]


# ------------------------------------------------------------------ the store


class _State:
    home: Path | None = None


def store() -> SessionStore:
    return SessionStore(data_home(_State.home))


@app.callback()
def main(
    ctx: typer.Context,
    home: Annotated[Path | None, typer.Option(
        "--home", envvar="SMARTPLAN_HOME", help="Data folder (default: the user data dir).",
        file_okay=False)] = None,
) -> None:
    """Open the app on the home screen when no command is given."""
    _State.home = home
    if ctx.invoked_subcommand is None:
        _run_app(None)


@friendly
def _run_app(session_id: str | None) -> None:
    from smartplan_tui.app import make_app

    make_app(data_home(_State.home), session_id).run()


def _parse_date_option(name: str, value: str | None) -> Any:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ModelError as error:
        raise ModelError(name, error.reason) from None


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# ------------------------------------------------------------------ sessions


@app.command()
@friendly
def demo(
    no_app: Annotated[bool, typer.Option("--no-app", help="Only create it; print where.")] = False,
) -> None:
    """Create the demo session (if missing) and open it."""
    from smartplan_tui.demo import ensure_demo

    st = store()
    session = ensure_demo(st)
    if no_app or not _interactive():
        _say(f"demo session {session.id!r} is in {st.sessions_dir / (session.id + '.json')}")
        return
    _run_app(session.id)


@app.command()
@friendly
def new(
    title: str,
    kind: Annotated[SessionKind, typer.Option(help="Kind of session.")] = SessionKind.WORKSHOP,
    date: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    place: Annotated[str, typer.Option()] = "",
    region: Annotated[str, typer.Option()] = "",
    facilitator: Annotated[str, typer.Option()] = "",
    language: Annotated[str, typer.Option()] = "",
    session_id: Annotated[str | None, typer.Option("--id", help="Id (default: from title).")] = None,
) -> None:
    """Create a session; prints its id."""
    if session_id is not None:
        check_new_session_id(session_id, "--id")
    st = store()
    info = SessionInfo(session_id or st.new_session_id(title), title, kind,
                       _parse_date_option("--date", date), place, region, facilitator, language)
    _say(st.create(info).id)


@app.command("list")
@friendly
def list_sessions(
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list.")] = False,
) -> None:
    """The sessions in the data home, newest first."""
    summaries = store().list_sessions()
    if as_json:
        print(json_text(json.dumps([s.to_json() for s in summaries], ensure_ascii=False,
                                   indent=2)))
        return
    if not summaries:
        print("no sessions yet — try `smartplan demo` or `smartplan new TITLE`")
        return
    for s in summaries:
        when = s.date.isoformat() if s.date else "no date   "
        _say(f"{s.id:<28} {when}  {s.kind.value:<16} {s.items:>5} items  {s.title}")


@app.command("import")
@friendly
def import_(
    file: Annotated[Path, typer.Argument(help="Interchange JSON file ('-' for stdin).")],
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite a session with the same id.")]
    = False,
) -> None:
    """Import an interchange JSON file; prints the session id."""
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
        print(f"smartplan: warning: {visible(notice, None)}", file=sys.stderr)
    _say(session.id)


@app.command()
@friendly
def export(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    fmt: Annotated[str, typer.Option("--format", help="json, docx, attendance, md or csv.")]
    = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    template: Annotated[Path | None, typer.Option(help="A .docx whose styles to use.")] = None,
) -> None:
    """Export a session: interchange JSON, Word report, attendance list, Markdown or CSV."""
    st = store()
    if fmt == "json":
        text = dumps(st.export_document(session_id))
        if output is None:
            sys.stdout.write(json_text(text))  # the same JSON values; nothing drives a terminal
            return
        from smartplan_tui.atomic import replace_atomically

        st.check_output(output)
        replace_atomically(output, lambda stream: stream.write(text.encode("utf-8")))
        _say(output)
        return
    from smartplan_tui import exports

    writers: dict[str, tuple[Callable[..., Any], str]] = {
        "docx": (exports.write_report, "-report.docx"),
        "attendance": (exports.write_attendance, "-attendance.docx"),
        "md": (exports.write_markdown, ".md"),
        "csv": (exports.write_csv_zip, "-tables.zip"),
    }
    if fmt not in writers:
        raise ModelError("--format", f"{fmt!r} is not one of json, {', '.join(writers)}")
    writer, suffix = writers[fmt]
    session = st.load(session_id)
    target = output or Path(f"{session.id}{suffix}")
    st.check_output(target)
    if template is not None and fmt in ("docx", "attendance"):
        writer(session, target, template=template)
    elif template is not None:
        raise ModelError("--template", f"only Word formats take a template, not {fmt}")
    else:
        writer(session, target)
    _say(target)


@app.command()
@friendly
def handbook(
    session_ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Sessions to compile.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The .docx to write.")],
    template: Annotated[Path | None, typer.Option(help="A .docx whose styles to use.")] = None,
) -> None:
    """Compile several sessions into one programme handbook (.docx)."""
    from smartplan_tui import exports

    st = store()
    st.check_output(output)
    sessions = [st.load(i) for i in session_ids]
    exports.write_handbook(sessions, output, template=template)
    _say(output)


@app.command()
@friendly
def results(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    vote: Annotated[str | None, typer.Option("--vote", help="Only this vote.")] = None,
    method: Annotated[VoteMethod | None, typer.Option(help="Recount with this method.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON as in DESIGN.md.")] = False,
) -> None:
    """Count the votes of a session (optionally recounted with another method)."""
    from smartplan_tui.exercises import voting

    session = store().load(session_id)
    votes = session.votes
    if vote is not None:
        votes = tuple(v for v in votes if v.id == vote)
        if not votes:
            known = ", ".join(v.id for v in session.votes) or "none"
            raise StoreError(f"session {session_id} has no vote {vote!r} (votes: {known})")
    counted = [voting.count(v, method) for v in votes]
    if as_json:
        doc = {"session": session.id, "votes": [voting.result_to_json(r) for r in counted]}
        print(json_text(json.dumps(doc, ensure_ascii=False, indent=2)))
        return
    if not counted:
        _say(f"session {session.id} has no votes yet")
    for v, result in zip(votes, counted, strict=True):
        _say(f"{v.id}: {v.question}")
        # Labels are made visible in the table; ids and explanations may quote text too.
        print(visible(voting.render_table(result), None, one_line=False))
        print()


# ------------------------------------------------------------------ add


def _add(session_id: str, collection: str, make: Callable[[str], Any]) -> None:
    item = store().open(session_id).add(collection, make)
    _say(item.id)


@add_app.command("swot")
@friendly
def add_swot(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    quadrant: Annotated[str, typer.Argument(help="strengths|weaknesses|opportunities|threats or S/W/O/T")],
    text: str,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="Repeat for several.")] = None,
    author: Annotated[str, typer.Option()] = "",
) -> None:
    """Add a SWOT item."""
    try:
        q = Quadrant.parse(quadrant)
    except ModelError as error:
        raise ModelError("QUADRANT", error.reason) from None
    tags = tuple(dict.fromkeys(tag or ()))
    _add(session_id, "swot", lambda i: SwotItem(i, q, text, tags, author))


@add_app.command("note")
@friendly
def add_note(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    text: str,
    kind: Annotated[NoteKind, typer.Option()] = NoteKind.NOTE,
    author: Annotated[str, typer.Option()] = "",
    agenda_item: Annotated[str, typer.Option(help="Agenda item id (default: the running one).")]
    = "",
) -> None:
    """Add a note, decision or parking-lot item, stamped with the time now."""
    from smartplan_tui.exercises import agenda

    handle = store().open(session_id)
    if not agenda_item:
        running = agenda.running(handle.load().agenda)
        agenda_item = running.id if running else ""
    now = datetime.now().astimezone().replace(microsecond=0)
    with _options_named({"agenda_item": "--agenda-item"}):
        item = handle.add("notes", lambda i: Note(i, now, text, kind, author, agenda_item))
    _say(item.id)


@add_app.command("participant")
@friendly
def add_participant(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    name: str,
    organisation: Annotated[str, typer.Option()] = "",
    country: Annotated[str, typer.Option(help="Two letters: LV, LT, …")] = "",
    role: Annotated[str, typer.Option()] = "",
    email: Annotated[str, typer.Option()] = "",
) -> None:
    """Register a participant."""
    _add(session_id, "participants",
         lambda i: Participant(i, name, organisation, country.upper(), role, email))


@add_app.command("agenda")
@friendly
def add_agenda(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    title: str,
    minutes: Annotated[int, typer.Option(help="Planned minutes.")] = 30,
    exercise: Annotated[str, typer.Option(help="swot, tows, voting, actions, …")] = "",
) -> None:
    """Add an agenda item."""
    _add(session_id, "agenda", lambda i: AgendaItem(i, title, minutes, exercise))


@add_app.command("action")
@friendly
def add_action(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    title: str,
    description: Annotated[str, typer.Option()] = "",
    priority: Annotated[str, typer.Option(help="Vote option id (A, or v1:A).")] = "",
    owner: Annotated[str, typer.Option()] = "",
    partner: Annotated[list[str] | None, typer.Option("--partner", help="Repeat.")] = None,
    start: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    due: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    budget: Annotated[float | None, typer.Option("--budget", help="Euro.")] = None,
    indicator: Annotated[str, typer.Option()] = "",
    baseline: Annotated[str, typer.Option()] = "",
    target: Annotated[str, typer.Option()] = "",
    status: Annotated[ActionStatus, typer.Option()] = ActionStatus.PLANNED,
) -> None:
    """Add an action to the action plan."""
    handle = store().open(session_id)
    budget_eur: int | float | None = budget
    if budget is not None and budget.is_integer():
        budget_eur = int(budget)
    start_d = _parse_date_option("--start", start)
    due_d = _parse_date_option("--due", due)
    with _options_named({"priority": "--priority", "budget_eur": "--budget"}):
        item = handle.add("actions", lambda i: Action(
            i, title, description, priority, owner, tuple(partner or ()), start_d, due_d,
            budget_eur, indicator, baseline, target, status))
    _say(item.id)


@add_app.command("vote")
@friendly
def add_vote(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    question: str,
    method: Annotated[VoteMethod, typer.Option()] = VoteMethod.DOT,
    option: Annotated[list[str] | None, typer.Option("--option", help="Option text; repeat.")]
    = None,
    source: Annotated[list[str] | None, typer.Option(
        "--from", help="SWOT item or TOWS strategy id to take as an option; repeat.")] = None,
    dots: Annotated[int, typer.Option(help="Dots per voter.")] = 3,
    cap: Annotated[int | None, typer.Option(help="Most dots on one option.")] = None,
    tie_rule: Annotated[TieRule, typer.Option()] = TieRule.REPORT,
) -> None:
    """Set up a vote; options typed in (--option) or taken from SWOT/TOWS (--from)."""
    from smartplan_tui.exercises import voting

    handle = store().open(session_id)
    picked = voting.options_from(handle.load(), list(source or ()))
    letters = _letters(len(picked) + len(option or ()))[len(picked):]
    typed = tuple(VoteOption(letter, text) for letter, text in zip(letters, option or (), strict=True))
    options = (*picked, *typed)
    if not options:
        raise ModelError("--option", "a vote needs options (--option TEXT or --from ITEM_ID)")
    item = handle.add("votes", lambda i: Vote(i, question, method, options, dots, cap,
                                              tie_rule=tie_rule))
    _say(item.id)


def _letters(n: int) -> list[str]:
    letters = [chr(ord("A") + i) for i in range(min(n, 26))]
    return letters + [f"O{i + 1}" for i in range(26, n)]


@add_app.command("ballot")
@friendly
def add_ballot(
    session_id: Annotated[str, typer.Argument(metavar="ID")],
    vote_id: Annotated[str, typer.Argument(metavar="VOTE_ID")],
    dots: Annotated[str | None, typer.Option(help="A=2,B=1")] = None,
    ranking: Annotated[str | None, typer.Option(help="B,A,C (best first)")] = None,
    scores: Annotated[str | None, typer.Option(
        help="A:impact=4,feasibility=2;B:impact=3,feasibility=5")] = None,
    voter: Annotated[str, typer.Option(help="Participant id (paper ballots: leave out).")] = "",
    aggregate: Annotated[bool, typer.Option(
        "--aggregate", help="--dots are counts read off a wall, not one voter's.")] = False,
) -> None:
    """Cast a ballot (a voter's new ballot replaces their earlier one)."""
    from smartplan_tui.exercises import voting

    ballot = _ballot(dots, ranking, scores, voter, aggregate)
    handle = store().open(session_id)
    handle.update("votes", vote_id, lambda v: voting.cast(v, ballot))
    _say(f"{vote_id}: ballot recorded")


def _ballot(dots: str | None, ranking: str | None, scores: str | None, voter: str,
            aggregate: bool) -> Ballot:
    given = [name for name, v in (("--dots", dots), ("--ranking", ranking), ("--scores", scores))
             if v is not None]
    if len(given) != 1:
        raise ModelError("ballot", "give exactly one of --dots, --ranking or --scores")
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
            raise ModelError("--scores", f"{part!r} should look like A:impact=4,feasibility=2")
        table[option.strip()] = _pairs("--scores", marks)
    return Ballot(voter=voter, scores=table)


def _pairs(name: str, text: str) -> dict[str, int]:
    pairs: dict[str, int] = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        # ASCII digits only: `"²".isdigit()` is true, but int("²") fails.
        if not sep or not key.strip() or not re.fullmatch(r"-?[0-9]{1,30}", value.strip()):
            raise ModelError(name, f"{part.strip()!r} should look like A=2")
        if key.strip() in pairs:
            raise ModelError(name, f"{key.strip()!r} is given twice")
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
        raise ModelError(options[head] + error.path[len(head):], error.reason) from None


def run(argv: Sequence[str] | None = None) -> None:
    """`python -m smartplan_tui` and scripts: the same as the `smartplan` command."""
    app(args=list(argv) if argv is not None else None, prog_name="smartplan")

"""What a report says, as plain rows of text: shared by the Word, Markdown and CSV writers.

Each writer only lays these rows out, so the three formats cannot disagree about a figure.
Results, SMART gaps and the agenda's plan against actual come from `smartplan_tui.exercises`;
nothing is recounted here. Text stays raw (each writer escapes for its own format).

Every label, header and sentence is in the current language (`i18n.writing_in`, which each
writer's entry in `exports` sets: the session's language, or `--lang`); numbers and dates too
(`numbers`, `dates`). `fmt_date` alone stays ISO: it is what the CSV and scripts read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field
from datetime import date, datetime

from smartplan_tui import dates, labels
from smartplan_tui.collection_registry import PARTICIPANTS
from smartplan_tui.i18n import N_, _, ngettext
from smartplan_tui.model import (
    Action,
    ModelError,
    Note,
    NoteKind,
    ProjectProfile,
    Quadrant,
    Session,
    SessionInfo,
    SwotItem,
    Vote,
)
from smartplan_tui.numbers import format_money, format_number
from smartplan_tui.records import record

__all__ = [
    "ACTION_HEADERS",
    "PARTICIPANT_HEADERS",
    "Progress",
    "Table",
    "VoteSummary",
    "action_rows",
    "agenda_report_table",
    "agenda_table",
    "budget_by_priority",
    "budget_total",
    "fmt_date",
    "fmt_number",
    "headers",
    "note_groups",
    "participants_table",
    "person",
    "sentence",
    "smart_gaps",
    "swot_by_quadrant",
    "swot_codes",
    "swot_table",
    "title_block",
    "tows_table",
    "vote_summaries",
]

#: `progress(fraction, what)`: how far an export is, for the app's progress bar.
Progress = Callable[[float, str], None]


@record
class Table:
    """One table of a report: a CSV file, a Markdown table or a Word table."""

    name: str
    headers: tuple[str, ...]
    rows: list[Sequence[str]] = field(default_factory=list)
    """Rows of cell texts (a `docx_tables.Banner` row spans the table in Word)."""


@record
class VoteSummary:
    """A vote as the report tells it; `problem` is set when its ballots could not be counted."""

    vote: Vote
    method: str
    ballots: int
    invalid: int
    results: Table
    scores: tuple[float, ...]
    ties: str
    explanation: str
    problem: str = ""
    matrix: Table | None = None
    recounts: tuple[str, ...] = ()
    """One line per recount the facilitator kept: the other method's ranking, to compare."""

    @property
    def winners(self) -> list[tuple[str, str]]:
        """(option id, text) of the options ranked first: several when tied."""
        return [(row[1], row[2]) for row in self.results.rows if row[0] == "1"]


#: Message ids: read them through `labels.quadrant_name`.
QUADRANT_TITLES = labels.QUADRANT_NAMES

#: Message ids of the tables' headers (`headers` translates them).
PARTICIPANT_HEADERS = (N_("Name"), N_("Organisation"), N_("Country"), N_("Role"))
ACTION_HEADERS = (N_("Action"), N_("Priority"), N_("Owner"), N_("Partners"), N_("Start → due"),
                  N_("Budget"), N_("Indicator"), N_("Baseline → target"), N_("Status"),
                  N_("SMART gaps"))
#: What an action plan says for a value not given (a target, a budget).
MISSING = "\u2014"
#: How long a priority's option text may be in the action plan's narrow column.
SHORT_PRIORITY = 28


# ---------------------------------------------------------------- formatting


def headers(*names: str) -> tuple[str, ...]:
    """Table headers from their message ids, in the current language."""
    return tuple(_(name) for name in names)


def fmt_date(value: date | datetime | None) -> str:
    """ISO (`2027-06-30`, `2026-12-01 10:36`): the machine form the CSV keeps."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def fmt_number(value: float) -> str:
    """`3`, `2.5`, `12,000`: `numbers.format_number` with thousands grouped, as reports are."""
    return format_number(value, grouped=True)


def fmt_budget(value: float | int | None) -> str:
    """`€12,000`, `12 000 €`: `numbers.format_money`; `` for no budget."""
    return "" if value is None else format_money(value)


def fmt_long_date(value: date | None) -> str:
    return dates.long_date(value)


def person(session: Session, who: str) -> str:
    """A participant's name for an id (`p1` → `Anna Ozola`); anything else as written."""
    found = session.find(PARTICIPANTS, who) if who else None
    return found.name if found is not None else who


# ---------------------------------------------------------------- sections


def kind_name(info: SessionInfo) -> str:
    """`innovation-camp` → `Innovation camp` (`labels.kind_name`)."""
    return labels.kind_name(info.kind)


def fmt_date_range(start: date | None, end: date | None) -> str:
    """`12 May 2026`, `12–13 May 2026`, `30 May 2026 – 1 June 2026` (`dates.date_range`)."""
    return dates.date_range(start, end)


def fmt_times(info: SessionInfo) -> str:
    """`09:30–17:00`, `from 09:30`, `until 17:00` or nothing."""
    start = f"{info.start_time:%H:%M}" if info.start_time is not None else ""
    end = f"{info.end_time:%H:%M}" if info.end_time is not None else ""
    if start and end:
        return f"{start}–{end}"
    if start:
        return _("from {time}").format(time=start)
    return _("until {time}").format(time=end) if end else ""


def event_days(info: SessionInfo) -> list[date]:
    """Each day the event runs (one when it has no end date; none without a date)."""
    if info.date is None:
        return []
    end = info.end_date or info.date
    return [date.fromordinal(d) for d in range(info.date.toordinal(), end.toordinal() + 1)]


def fmt_place(info: SessionInfo) -> str:
    """`Rēzekne (Latgale)`; a region that is the place itself is printed once."""
    if info.place and info.region and info.region.casefold() != info.place.casefold():
        return f"{info.place} ({info.region})"
    return info.place or info.region


def profile_lines(profile: ProjectProfile | None) -> list[tuple[str, str]]:
    """The project's label/value lines for a title block or cover; empty ones left out."""
    if profile is None:
        return []
    project = profile.project
    if profile.acronym:
        project = f"{project} ({profile.acronym})" if project else profile.acronym
    lines = [(_("Project"), project), (_("Project number"), profile.number),
             (_("Programme"), profile.programme), (_("Lead partner"), profile.organiser),
             (_("Partners"), "; ".join(profile.partners))]
    return [(label, value) for label, value in lines if value]


def subject(what: str, session: Session) -> str:
    """The core properties' subject as a sentence: `Report of the workshop “Coast 2030”,
    held in Liepāja (Kurzeme) on 1 December 2026.` (`what`: the document, translated)."""
    info = session.info
    place, when = fmt_place(info), fmt_date_range(info.date, info.end_date)
    if place and when:
        text = _("{document} of the {kind} \u201c{title}\u201d, held in {place} on {date}")
    elif place:
        text = _("{document} of the {kind} \u201c{title}\u201d, held in {place}")
    elif when:
        text = _("{document} of the {kind} \u201c{title}\u201d, held on {date}")
    else:
        text = _("{document} of the {kind} \u201c{title}\u201d")
    return sentence(text.format(document=what, kind=kind_name(info).lower(), title=info.title,
                                place=place, date=when))


def sentence(text: str) -> str:
    """`text` ended with a full stop, unless it ends in one already: a Lithuanian date
    (`gruodžio 1 d.`) or a consent text must not end in two."""
    stripped = text.rstrip()
    return stripped if stripped.endswith((".", "!", "?", "…")) else f"{stripped}."


def author_of(session: Session, profile: ProjectProfile | None) -> str:
    """Who wrote a document: the profile's report author, else the facilitator."""
    return (profile.author if profile is not None else "") or session.info.facilitator


def title_block(session: Session) -> list[tuple[str, str]]:
    """The label/value lines under the title; empty values are left out."""
    info = session.info
    lines = [(_("Kind"), kind_name(info)),
             (_("Date"), fmt_date_range(info.date, info.end_date)), (_("Time"), fmt_times(info)),
             (_("Place"), fmt_place(info)),
             (_("Facilitator"), info.facilitator),
             (_("Participants"), str(len(session.participants)) if session.participants else "")]
    return [(label, value) for label, value in lines if value]


def participants_table(session: Session) -> Table:
    return Table("participants", headers(*PARTICIPANT_HEADERS),
                 [(p.name, p.organisation, p.country, p.role) for p in session.participants])


def agenda_table(session: Session) -> Table:
    """Each agenda item's plan against what happened, with a total line."""
    from smartplan_tui.exercises import agenda

    report = agenda.plan_vs_actual(session.agenda)
    table = Table("agenda", headers(N_("Item"), N_("Exercise"), N_("Started"), N_("Ended"),
                                    N_("Planned (min)"), N_("Actual (min)"), N_("+/− (min)")))
    for item, line in zip(session.agenda, report.rows, strict=True):
        table.rows.append((item.title, item.exercise, fmt_date(item.started_at),
                           fmt_date(item.ended_at), str(item.minutes), _minutes(line.actual),
                           _signed(line.difference)))
    if session.agenda:
        started = any(line.actual is not None for line in report.rows)
        table.rows.append((_("Total"), "", "", "", str(report.planned_total),
                           _minutes(report.actual_total if started else None),
                           _signed(report.difference if started else None)))
    return table


def agenda_report_table(session: Session) -> Table:
    """The agenda as a report shows it: times without the date when the agenda runs on one
    day, the exercise by its name, and no column that is empty in every item."""
    full = agenda_table(session)
    if not full.rows:
        return full
    stamps = [t for item in session.agenda for t in (item.started_at, item.ended_at)
              if t is not None]
    one_day = len({t.date() for t in stamps}) <= 1

    def when(value: datetime | None) -> str:
        if value is None:
            return ""
        return f"{value:%H:%M}" if one_day else f"{dates.day_and_month(value)} {value:%H:%M}"

    rows: list[list[str]] = [
        [item.title, labels.exercise_name(item.exercise), when(item.started_at),
         when(item.ended_at), *row[4:]] for item, row in zip(session.agenda, full.rows,
                                                             strict=False)]
    rows.append(list(full.rows[-1]))
    items = rows[:-1]
    keep = [i for i in range(len(full.headers)) if i == 0 or any(row[i] for row in items)]
    return Table(full.name, tuple(full.headers[i] for i in keep),
                 [tuple(row[i] for i in keep) for row in rows])


def _minutes(value: float | None) -> str:
    return "" if value is None else fmt_number(round(value))


def _signed(value: float | None) -> str:
    """`+5` over plan, `-3` under, `0` on time."""
    if value is None:
        return ""
    minutes = round(value)
    return f"+{minutes}" if minutes > 0 else str(minutes)


def swot_codes(session: Session) -> dict[str, str]:
    """Short codes in each quadrant's order (`S1`, `W3`): how TOWS and votes refer to items."""
    counters = dict.fromkeys(Quadrant, 0)
    letters = {q: q.letter for q in Quadrant}
    codes: dict[str, str] = {}
    for item in session.swot:
        quadrant = item.quadrant
        counters[quadrant] += 1
        codes[item.id] = f"{letters[quadrant]}{counters[quadrant]}"
    return codes


def swot_by_quadrant(session: Session) -> dict[Quadrant, list[SwotItem]]:
    grouped: dict[Quadrant, list[SwotItem]] = {q: [] for q in Quadrant}
    for item in session.swot:
        grouped[item.quadrant].append(item)
    return grouped


def merged_texts(item: SwotItem, session: Session | None = None) -> str:
    """The texts a merged SWOT item was made of, each quoted with who wrote it (`“Ferry
    link” (Anna Ozola); “Ferries to Sweden”`), so nobody's words are lost from a report."""
    quote = _("\u201c{text}\u201d")  # each language's quotation marks (Lithuanian „…“)
    return "; ".join(
        quote.format(text=origin.text) + (
            f" ({person(session, origin.author) if session else origin.author})"
            if origin.author else "")
        for origin in item.merged_from)


def swot_table(session: Session) -> Table:
    codes = swot_codes(session)
    return Table("swot", headers(N_("Code"), N_("Quadrant"), N_("Item"), N_("Tags"), N_("Author")),
                 [(codes[i.id], labels.quadrant_name(i.quadrant), i.text, ", ".join(i.tags),
                   person(session, i.author)) for i in session.swot])


def tows_report_table(session: Session) -> Table:
    """`tows_table` with each type's meaning after its letters (`SO (Strengths–Opportunities)`),
    as a reader of the report needs it."""
    table = tows_table(session)
    table.rows[:] = [(labels.tows_type_label(strategy.type), *row[1:])
                     for strategy, row in zip(session.tows, table.rows, strict=True)]
    return table


def tows_table(session: Session) -> Table:
    """Strategies with the SWOT items they combine, one linked item per line."""
    table = Table("tows", headers(N_("Type"), N_("Strategy"), N_("Combines")))
    if not session.tows:
        return table
    codes = swot_codes(session)
    items = {item.id: item for item in session.swot}
    for strategy in session.tows:
        linked = [f"{codes[link]} {items[link].text}" if link in items else link
                  for link in strategy.links]
        table.rows.append((strategy.type.value, strategy.text, "\n".join(linked)))
    return table


def vote_summaries(session: Session) -> list[VoteSummary]:
    return [summarise_vote(vote) for vote in session.votes]


def summarise_vote(vote: Vote) -> VoteSummary:
    """Count a vote for the report; a vote that cannot be counted says why instead of failing."""
    from smartplan_tui.exercises import voting

    method = labels.method_name(vote.method)
    columns = (_("Rank"), _("Option"), _("Text"), _score_header(vote))
    try:
        result = voting.count(vote)
    except (ModelError, ValueError, ZeroDivisionError) as error:
        return VoteSummary(vote, method, len(vote.ballots), 0, Table("results", columns), (),
                           "", "", problem=str(error))
    if result.ballots - result.invalid <= 0:
        return VoteSummary(vote, method, result.ballots, result.invalid,
                           Table("results", columns), (), "", "",
                           problem=_("no ballots counted yet"))
    texts = {o.id: o.text for o in vote.options}
    rows: list[Sequence[str]] = [
        (str(r.rank), r.option, texts.get(r.option, r.option), fmt_number(r.score))
            for r in result.rows]
    ties = "; ".join(" = ".join(group) for group in result.ties)
    return VoteSummary(vote, method, result.ballots, result.invalid,
                       Table("results", columns, rows),
                       tuple(float(r.score) for r in result.rows), ties, result.explanation,
                       matrix=_score_matrix(vote), recounts=_kept_recounts(vote))


def _kept_recounts(vote: Vote) -> tuple[str, ...]:
    """"Recounted with borda (Borda count): 1. C 7, 2. A 5": a kept recount, in one line."""
    from smartplan_tui.exercises import voting

    lines = []
    for method in vote.kept_recounts:
        name = _("Recounted with {method} ({name})").format(method=method.value,
                                                            name=labels.method_name(method))
        try:
            again = voting.count(vote, method)
        except (ModelError, ValueError, ZeroDivisionError) as error:
            lines.append(_("{recount}: not possible: {reason}").format(recount=name,
                                                                       reason=error))
            continue
        ranking = ", ".join(f"{r.rank}. {r.option} {fmt_number(r.score)}" for r in again.rows)
        lines.append(f"{name}: {ranking}")
    return tuple(lines)


_SCORE_HEADERS = {"dot": N_("Dots"), "borda": N_("Borda points"), "schulze": N_("Wins"),
                  "irv": N_("Last-round votes"), "score": N_("Mean score")}


_SCORE = N_("Score")


def _score_header(vote: Vote) -> str:
    return _(_SCORE_HEADERS.get(vote.method.value, _SCORE))


def _score_matrix(vote: Vote) -> Table | None:
    """Means per criterion and the 2×2 class of each option, for score votes only."""
    if vote.method.value != "score":
        return None
    from smartplan_tui.exercises import voting
    from smartplan_tui.exercises.scoring import MATRIX_CLASS_NAMES

    try:
        matrix = voting.score_matrix(vote)
    except (ModelError, ValueError, ZeroDivisionError):
        return None
    texts = {o.id: o.text for o in vote.options}
    rows: list[Sequence[str]] = [(cell.option, texts.get(cell.option, cell.option),
             *(fmt_number(mean) if mean is not None else "" for _criterion, mean in cell.means),
             _(MATRIX_CLASS_NAMES[cell.klass]) if cell.klass is not None else "")
            for cell in matrix.cells]
    return Table("score_matrix", (_("Option"), _("Text"),
                                  *(labels.criterion_name(c) for c in vote.criteria), _("Class")),
                 rows)


def smart_gaps(session: Session, action: Action) -> list[tuple[str, str]]:
    """(letter, reason) for what the action lacks to be SMART."""
    from smartplan_tui.exercises import actions

    return [(gap.letter, gap.reason) for gap in actions.smart_gaps(action, session)]


def priority_text(session: Session, priority: str, limit: int = 0) -> str:
    """`A: Green ferry corridor`: the option's letter and text, cut at a word to `limit`
    characters when given (the action plan's column is narrow)."""
    if not priority:
        return ""
    from smartplan_tui.exercises import actions

    found = actions.resolve_priority(session, priority)
    if found is None:
        return priority
    _vote, option = found
    return f"{option.id}: {shorten(option.text, limit) if limit else option.text}"


def shorten(text: str, limit: int) -> str:
    """`text` cut at the last whole word that fits in `limit` characters, with `…`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut or text[: limit - 1]}…"


def _dates(start: date | None, due: date | None) -> str:
    """`2027-01-10 → 2027-06-30`, `by 2027-06-30`, `from 2027-01-10` (`dates.short_date`)."""
    if start is not None and due is not None:
        return f"{dates.short_date(start)} → {dates.short_date(due)}"
    if due is not None:
        return _("by {date}").format(date=dates.short_date(due))
    return _("from {date}").format(date=dates.short_date(start)) if start is not None else ""


def action_rows(session: Session) -> tuple[Table, list[tuple[str, str]]]:
    """The action-plan table and, per action that has gaps, its title and the gaps spelled out."""
    table = Table("actions", headers(*ACTION_HEADERS))
    gaps_listed: list[tuple[str, str]] = []
    for action in session.actions:
        gaps = smart_gaps(session, action)
        letters = ", ".join(dict.fromkeys(letter for letter, _ in gaps))
        if gaps:
            gaps_listed.append((action.title, "; ".join(f"{letter}: {reason}"
                                                          for letter, reason in gaps)))
        change = (f"{action.baseline or MISSING} → {action.target or MISSING}"
                  if action.baseline or action.target else "")
        title = f"{action.title}\n{action.description}" if action.description else action.title
        table.rows.append((title, priority_text(session, action.priority, SHORT_PRIORITY),
                           action.owner, ", ".join(action.partners),
                           _dates(action.start, action.due), fmt_budget(action.budget_eur),
                           action.indicator, change, labels.action_status_name(action.status),
                           letters or _("none")))
    return table, gaps_listed


def budget_total(actions: Sequence[Action]) -> str:
    """`€169,000`, and how many actions have no budget (`(1 action has no budget)`)."""
    budgets = [a.budget_eur for a in actions if a.budget_eur is not None]
    if not budgets:
        return ""
    missing = len(actions) - len(budgets)
    if not missing:
        return fmt_budget(sum(budgets))
    counted = ngettext("{n} action has no budget", "{n} actions have no budget",
                       missing).format(n=missing)
    return f"{fmt_budget(sum(budgets))} ({counted})"


def budget_by_priority(session: Session) -> Table:
    """Each priority's actions and their budget, in the order priorities first appear;
    actions without a priority last. Empty when no action has both a priority and a budget."""
    table = Table("budget_by_priority", headers(N_("Priority"), N_("Actions"), N_("Budget")))
    groups: dict[str, list[Action]] = {}
    for action in session.actions:
        groups.setdefault(priority_text(session, action.priority), []).append(action)
    if not any(key and any(a.budget_eur is not None for a in actions)
               for key, actions in groups.items()):
        return table
    unprioritised = groups.pop("", None)
    for key, actions in [*groups.items(), *([(_("No priority"), unprioritised)]
                                            if unprioritised else [])]:
        budgets = [a.budget_eur for a in actions if a.budget_eur is not None]
        table.rows.append((key, str(len(actions)), fmt_budget(sum(budgets)) if budgets
                           else MISSING))
    return table


DECISIONS = N_("Decisions")
#: Each kind of note and its group's title (a message id).
NOTE_GROUPS = ((NoteKind.DECISION, DECISIONS), (NoteKind.NOTE, N_("Notes")),
               (NoteKind.PARKING_LOT, N_("Parking lot")))


def note_groups(session: Session) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group title, [(when and who, text)]) for decisions, notes and the parking lot."""
    groups = []
    for kind, title in NOTE_GROUPS:
        notes = [n for n in session.notes if n.kind is kind]
        groups.append((_(title), [(_note_byline(session, n), n.text) for n in notes]))
    return groups


def _note_byline(session: Session, note: Note) -> str:
    who = person(session, note.author)
    return dates.moment(note.at) + (f", {who}" if who else "")

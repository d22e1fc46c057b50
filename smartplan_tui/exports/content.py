"""What a report says, as plain rows of text: shared by the Word, Markdown and CSV writers.

Each writer only lays these rows out, so the three formats cannot disagree about a figure.
Results, SMART gaps and the agenda's plan against actual come from `smartplan_tui.exercises`;
nothing is recounted here. Text stays raw (each writer escapes for its own format).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from smartplan_tui.model import (
    Action,
    ModelError,
    Note,
    NoteKind,
    Quadrant,
    Session,
    SessionInfo,
    SwotItem,
    Vote,
)

__all__ = [
    "ACTION_HEADERS",
    "PARTICIPANT_HEADERS",
    "Progress",
    "Table",
    "VoteSummary",
    "action_rows",
    "agenda_table",
    "budget_total",
    "fmt_date",
    "fmt_number",
    "note_groups",
    "participants_table",
    "person",
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


@dataclass(frozen=True, slots=True)
class Table:
    """One table of a report: a CSV file, a Markdown table or a Word table."""

    name: str
    headers: tuple[str, ...]
    rows: list[Sequence[str]] = field(default_factory=list)
    """Rows of cell texts (a `docx_tables.Banner` row spans the table in Word)."""


@dataclass(frozen=True, slots=True)
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

    @property
    def winners(self) -> list[tuple[str, str]]:
        """(option id, text) of the options ranked first: several when tied."""
        return [(row[1], row[2]) for row in self.results.rows if row[0] == "1"]


QUADRANT_TITLES = {
    Quadrant.STRENGTHS: "Strengths",
    Quadrant.WEAKNESSES: "Weaknesses",
    Quadrant.OPPORTUNITIES: "Opportunities",
    Quadrant.THREATS: "Threats",
}

PARTICIPANT_HEADERS = ("Name", "Organisation", "Country", "Role")
ACTION_HEADERS = ("Action", "Priority", "Owner", "Partners", "Start", "Due", "Budget",
                  "Indicator", "Baseline → target", "Status", "SMART gaps")
METHOD_NAMES = {"dot": "Dot voting", "borda": "Borda count", "schulze": "Schulze method",
                "irv": "Instant-runoff", "score": "Score voting"}


# ---------------------------------------------------------------- formatting


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def fmt_number(value: float | int | None) -> str:
    """`3`, `2.5`, `3.67`: no trailing zeros, so dots read as whole numbers."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_budget(value: float | int | None) -> str:
    return "" if value is None else f"{fmt_number(value)} €"


def fmt_long_date(value: date | None) -> str:
    return "" if value is None else f"{value.day} {value:%B %Y}"


def person(session: Session, who: str) -> str:
    """A participant's name for an id (`p1` → `Anna Ozola`); anything else as written."""
    found = session.find("participants", who) if who else None
    return found.name if found is not None else who


# ---------------------------------------------------------------- sections


def kind_name(info: SessionInfo) -> str:
    """`innovation-camp` → `Innovation camp`."""
    return info.kind.value.replace("-", " ").capitalize()


def title_block(session: Session) -> list[tuple[str, str]]:
    """The label/value lines under the title; empty values are left out."""
    info = session.info
    place = info.place + (f" ({info.region})" if info.region and info.place else info.region)
    lines = [("Kind", kind_name(info)),
             ("Date", fmt_long_date(info.date)), ("Place", place),
             ("Facilitator", info.facilitator),
             ("Participants", str(len(session.participants)) if session.participants else "")]
    return [(label, value) for label, value in lines if value]


def participants_table(session: Session) -> Table:
    return Table("participants", PARTICIPANT_HEADERS,
                 [(p.name, p.organisation, p.country, p.role) for p in session.participants])


def agenda_table(session: Session) -> Table:
    """Each agenda item's plan against what happened, with a total line."""
    from smartplan_tui.exercises import agenda

    report = agenda.plan_vs_actual(session.agenda)
    table = Table("agenda", ("Item", "Exercise", "Start", "End", "Planned (min)",
                             "Actual (min)", "+/− (min)"))
    for item, line in zip(session.agenda, report.rows, strict=True):
        table.rows.append((item.title, item.exercise, fmt_date(item.started_at),
                           fmt_date(item.ended_at), str(item.minutes), _minutes(line.actual),
                           _signed(line.difference)))
    if session.agenda:
        started = any(line.actual is not None for line in report.rows)
        table.rows.append(("Total", "", "", "", str(report.planned_total),
                           _minutes(report.actual_total if started else None),
                           _signed(report.difference if started else None)))
    return table


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


def swot_table(session: Session) -> Table:
    codes = swot_codes(session)
    return Table("swot", ("Code", "Quadrant", "Item", "Tags", "Author"),
                 [(codes[i.id], QUADRANT_TITLES[i.quadrant], i.text, ", ".join(i.tags),
                   person(session, i.author)) for i in session.swot])


def tows_table(session: Session) -> Table:
    """Strategies with the SWOT items they combine, one linked item per line."""
    table = Table("tows", ("Type", "Strategy", "Combines"))
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

    method = METHOD_NAMES.get(vote.method.value, vote.method.value)
    headers = ("Rank", "Option", "Text", _score_header(vote))
    try:
        result = voting.count(vote)
    except (ModelError, ValueError, ZeroDivisionError) as error:
        return VoteSummary(vote, method, len(vote.ballots), 0, Table("results", headers), (),
                           "", "", problem=str(error))
    if result.ballots - result.invalid <= 0:
        return VoteSummary(vote, method, result.ballots, result.invalid,
                           Table("results", headers), (), "", "",
                           problem="no ballots counted yet")
    texts = {o.id: o.text for o in vote.options}
    rows: list[Sequence[str]] = [
        (str(r.rank), r.option, texts.get(r.option, r.option), fmt_number(r.score))
            for r in result.rows]
    ties = "; ".join(" = ".join(group) for group in result.ties)
    return VoteSummary(vote, method, result.ballots, result.invalid,
                       Table("results", headers, rows),
                       tuple(float(r.score) for r in result.rows), ties, result.explanation,
                       matrix=_score_matrix(vote))


def _score_header(vote: Vote) -> str:
    return {"dot": "Dots", "borda": "Borda points", "schulze": "Wins", "irv": "Last-round votes",
            "score": "Mean score"}.get(vote.method.value, "Score")


def _score_matrix(vote: Vote) -> Table | None:
    """Means per criterion and the 2×2 class of each option, for score votes only."""
    if vote.method.value != "score":
        return None
    from smartplan_tui.exercises import voting

    try:
        matrix = voting.score_matrix(vote)
    except (ModelError, ValueError, ZeroDivisionError):
        return None
    texts = {o.id: o.text for o in vote.options}
    rows: list[Sequence[str]] = [(cell.option, texts.get(cell.option, cell.option),
             *(fmt_number(round(mean, 2)) if mean is not None else "" for _, mean in cell.means),
             cell.klass.value if cell.klass is not None else "")
            for cell in matrix.cells]
    return Table("score_matrix", ("Option", "Text", *vote.criteria, "Class"), rows)


def smart_gaps(session: Session, action: Action) -> list[tuple[str, str]]:
    """(letter, reason) for what the action lacks to be SMART."""
    from smartplan_tui.exercises import actions

    return [(gap.letter, gap.reason) for gap in actions.smart_gaps(action, session)]


def priority_text(session: Session, priority: str) -> str:
    if not priority:
        return ""
    from smartplan_tui.exercises import actions

    found = actions.resolve_priority(session, priority)
    if found is None:
        return priority
    _vote, option = found
    return f"{option.id}: {option.text}"


def action_rows(session: Session) -> tuple[Table, list[tuple[str, str]]]:
    """The action-plan table and, per action that has gaps, its title and the gaps spelled out."""
    table = Table("actions", ACTION_HEADERS)
    gaps_listed: list[tuple[str, str]] = []
    for action in session.actions:
        gaps = smart_gaps(session, action)
        letters = ", ".join(dict.fromkeys(letter for letter, _ in gaps))
        if gaps:
            gaps_listed.append((action.title, "; ".join(f"{letter}: {reason}"
                                                          for letter, reason in gaps)))
        change = f"{action.baseline} → {action.target}" if action.baseline or action.target else ""
        table.rows.append((action.title, priority_text(session, action.priority), action.owner,
                           ", ".join(action.partners), fmt_date(action.start),
                           fmt_date(action.due), fmt_budget(action.budget_eur), action.indicator,
                           change, action.status.value.replace("-", " "), letters or "none"))
    return table, gaps_listed


def budget_total(actions: Sequence[Action]) -> str:
    budgets = [a.budget_eur for a in actions if a.budget_eur is not None]
    return fmt_budget(sum(budgets)) if budgets else ""


NOTE_GROUPS = ((NoteKind.DECISION, "Decisions"), (NoteKind.NOTE, "Notes"),
               (NoteKind.PARKING_LOT, "Parking lot"))


def note_groups(session: Session) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group title, [(when and who, text)]) for decisions, notes and the parking lot."""
    groups = []
    for kind, title in NOTE_GROUPS:
        notes = [n for n in session.notes if n.kind is kind]
        groups.append((title, [(_note_byline(session, n), n.text) for n in notes]))
    return groups


def _note_byline(session: Session, note: Note) -> str:
    who = person(session, note.author)
    return fmt_date(note.at) + (f", {who}" if who else "")

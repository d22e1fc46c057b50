"""What the Handbook for Cross-border Planning says, as rows of text: the synthesis of
several sessions, which `handbook` lays out in Word.

The SWOT of every session by theme (`tag_themes`), the TOWS strategies by type, who came
from which country, one action plan with each session's budget, and what is still open:
the parking lot, the votes not closed (their results provisional) and the actions past
their due date. Figures come from `content` and `digest`, as in the session report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from smartplan_tui import labels
from smartplan_tui.exports import content, digest
from smartplan_tui.exports.content import MISSING, QUADRANT_TITLES, Table
from smartplan_tui.exports.docx_tables import Banner
from smartplan_tui.exports.tag_themes import ThemeMap, same_tag
from smartplan_tui.i18n import N_, _, ngettext, pgettext
from smartplan_tui.model import Action, ActionStatus, NoteKind, Quadrant, Session, TowsType, VoteStatus

__all__ = ["UNTAGGED", "Theme", "budget_by_session", "intro_blocks", "merged_actions",
           "open_votes", "overdue_actions", "parking_lot", "participation", "swot_by_theme",
           "tows_by_type"]

#: The theme of SWOT items without a tag.
UNTAGGED = N_("Untagged")
_NO_TAG = "\0"  # the key of the untagged items: no tag can be it
TOWS_NAMES = {TowsType.SO: N_("SO: strengths to use opportunities"),
              TowsType.ST: N_("ST: strengths against threats"),
              TowsType.WO: N_("WO: opportunities to overcome weaknesses"),
              TowsType.WT: N_("WT: weaknesses and threats to avoid")}


@dataclass(slots=True)
class Theme:
    """One theme of the cross-session SWOT: its items and the tags they carried."""

    name: str
    spellings: list[str] = field(default_factory=list)
    """The tags as the sessions wrote them, first met first (one per `same_tag` form)."""
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    """(quadrant, item, session) in session order."""
    quadrants: Counter[Quadrant] = field(default_factory=Counter)
    sessions: set[str] = field(default_factory=set)


def swot_by_theme(sessions: Sequence[Session], themes: ThemeMap) -> list[Theme]:
    """Every SWOT item under each theme its tags belong to (once per theme), the themes most
    items first, then by name; untagged items last."""
    found: dict[str, Theme] = {}
    spelling_of = themes.group(tag for s in sessions for item in s.swot for tag in item.tags)
    for session in sessions:
        for item in session.swot:
            names = list(dict.fromkeys(spelling_of[tag] for tag in item.tags)) or [_NO_TAG]
            for name in names:
                theme = found.setdefault(name, Theme(_(UNTAGGED) if name == _NO_TAG
                                                     else themes.label(name)))
                theme.rows.append((_(QUADRANT_TITLES[item.quadrant]), item.text,
                                   session.info.title))
                theme.quadrants[item.quadrant] += 1
                theme.sessions.add(session.info.id)
            for tag in item.tags:
                theme = found[spelling_of[tag]]
                if all(same_tag(tag) != same_tag(known) for known in theme.spellings):
                    theme.spellings.append(tag.strip())
    untagged = found.pop(_NO_TAG, None)
    ordered = sorted(found.values(), key=lambda t: (-len(t.rows), t.name.casefold()))
    return ordered + ([untagged] if untagged is not None else [])


def theme_overview(themes: Sequence[Theme]) -> Table:
    """One row per theme: its items in each quadrant and how many sessions raised it."""
    table = Table("themes", (pgettext("SWOT", "Theme"), *(_(QUADRANT_TITLES[q]) for q in Quadrant),
                             _("Sessions")))
    for theme in themes:
        table.rows.append((theme.name, *(str(theme.quadrants[q]) for q in Quadrant),
                           str(len(theme.sessions))))
    return table


def tows_by_type(sessions: Sequence[Session]) -> list[tuple[str, Table]]:
    """(type's name, strategies with what they combine and their session), types in
    SO, ST, WO, WT order; a type no session has is left out."""
    tables = {kind: Table("tows", (_("Strategy"), _("Combines"), _("Session")))
              for kind in TowsType}
    for session in sessions:
        rows = content.tows_table(session).rows
        for strategy, row in zip(session.tows, rows, strict=True):
            tables[strategy.type].rows.append((row[1], row[2], session.info.title))
    return [(_(TOWS_NAMES[kind]), table) for kind, table in tables.items() if table.rows]


def participation(sessions: Sequence[Session]) -> Table:
    """Participants of each session by country (most first overall), with a total row."""
    countries: Counter[str] = Counter()
    by_session = []
    for session in sessions:
        counted = Counter(digest.country_name(p.country) or _("Not given")
                          for p in session.participants)
        by_session.append((session, counted))
        countries.update(counted)
    order = [name for name, _count in countries.most_common()]
    table = Table("participation", (_("Session"), *order, _("Total")))
    for session, counted in by_session:
        table.rows.append((session.info.title, *(str(counted[n]) for n in order),
                           str(len(session.participants))))
    table.rows.append((_("All sessions"), *(str(countries[n]) for n in order),
                       str(sum(countries.values()))))
    return table


def organisations(sessions: Sequence[Session]) -> list[str]:
    """How many organisations took part, most-present first: one line, or none."""
    found = Counter(p.organisation.strip() for s in sessions for p in s.participants
                    if p.organisation.strip())
    if not found:
        return []
    names = "; ".join(f"{name} ({count})" if count > 1 else name
                      for name, count in found.most_common())
    return [ngettext("{n} organisation", "{n} organisations", len(found)).format(n=len(found))
            + f": {names}"]


def merged_actions(sessions: Sequence[Session]) -> tuple[Table, list[tuple[str, str]]]:
    """All sessions' action plans in one table, each session's actions under a row naming
    it, and their SMART gaps named by session."""
    merged = Table("actions", content.headers(*content.ACTION_HEADERS))
    gaps: list[tuple[str, str]] = []
    for session in sessions:
        table, session_gaps = content.action_rows(session)
        if table.rows:
            merged.rows.append(Banner(session.info.title))
            merged.rows.extend(table.rows)
        gaps.extend((f"{session.info.title}: {title}", text) for title, text in session_gaps)
    return merged, gaps


def budget_by_session(sessions: Sequence[Session]) -> Table:
    """Each session's actions and budget (with how many actions have none), and the total."""
    table = Table("budget_by_session", (_("Session"), _("Actions"), _("Budget")))
    everything = [a for s in sessions for a in s.actions]
    for session in sessions:
        if session.actions:
            table.rows.append((session.info.title, str(len(session.actions)),
                               _budget(session.actions)))
    if len(table.rows) > 1:
        table.rows.append((_("All sessions"), str(len(everything)), _budget(everything)))
    return table


def _budget(actions: Sequence[Action]) -> str:
    """`12,000 € (1 action has no budget)`; `— (2 actions have no budget)` when none has one."""
    total = content.budget_total(actions)
    if total:
        return total
    return f"{MISSING} (" + ngettext("{n} action has no budget", "{n} actions have no budget",
                                     len(actions)).format(n=len(actions)) + ")"


def parking_lot(sessions: Sequence[Session]) -> list[tuple[str, str]]:
    """(session · when and who, text) of every parking-lot note."""
    found: list[tuple[str, str]] = []
    for session in sessions:
        groups = zip(content.NOTE_GROUPS, content.note_groups(session), strict=True)
        for (kind, _title), (_heading, entries) in groups:
            if kind is NoteKind.PARKING_LOT:
                found.extend((f"{session.info.title} · {byline}", text)
                             for byline, text in entries)
    return found


def open_votes(sessions: Sequence[Session]) -> Table:
    """The votes still open: their result so far, marked provisional."""
    table = Table("open_votes", (_("Session"), _("Question"), _("Method"), _("Leading now")))
    for session in sessions:
        for summary in content.vote_summaries(session):
            if summary.vote.status is not VoteStatus.OPEN:
                continue
            winners = "\n".join(f"{option}: {text}" for option, text in summary.winners)
            table.rows.append((session.info.title, summary.vote.question, summary.method,
                               (winners + digest.provisional(summary.vote)) if winners
                               else f"({summary.problem})"))
    return table


def overdue_actions(sessions: Sequence[Session], today: date) -> Table:
    """Actions not done (nor dropped) whose due date is before `today`, most overdue first."""
    late = [(action.due, session, action) for session in sessions for action in session.actions
            if action.due is not None and action.due < today
            and action.status not in (ActionStatus.DONE, ActionStatus.DROPPED)]
    late.sort(key=lambda found: (found[0], found[2].title.casefold()))
    table = Table("overdue", (_("Action"), _("Session"), _("Owner"), _("Due"), _("Status")))
    table.rows.extend((action.title, session.info.title, action.owner, content.fmt_date(due),
                       labels.action_status_name(action.status))
                      for due, session, action in late)
    return table


def intro_blocks(text: str) -> list[tuple[str, str]]:
    """Plain text or Markdown as ("heading" | "bullet" | "text", text) blocks: paragraphs are
    separated by blank lines and their lines joined; `#` lines are headings, `-`/`*` lines
    bullets. Other Markdown is kept as written."""
    blocks: list[tuple[str, str]] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            blocks.append(("text", " ".join(lines)))
            lines.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#"):
            flush()
            blocks.append(("heading", line.lstrip("#").strip()))
        elif line[:2] in ("- ", "* "):
            flush()
            blocks.append(("bullet", line[2:].strip()))
        else:
            lines.append(line)
    flush()
    return [(kind, value) for kind, value in blocks if value]

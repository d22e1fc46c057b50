"""The Handbook for Cross-border Planning: several sessions synthesised into one Word document.

What a cross-border programme hands its partners at its end, in this order: a title page
with the contents (a Word TOC field), the introduction, one summary per session (as the
session report's summary: who came, top priorities, decisions), the SWOT of every session by
theme (`tag_themes` merges the LV, LT and English tags), the TOWS strategies by type, who
came from which country, one action plan with each session's budget, and the open issues.
Only the big parts start a page (the introduction, the synthesis, the landscape action plan
and what follows it), so no page is left nearly empty. The rows come from `handbook_parts`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from smartplan_tui.exports import content, digest
from smartplan_tui.exports import handbook_parts as parts
from smartplan_tui.exports.content import Progress
from smartplan_tui.exports.docx_document import Steps, WordDoc
from smartplan_tui.exports.docx_report import action_plan_section, table_or_none
from smartplan_tui.exports.errors import ExportError
from smartplan_tui.exports.tag_themes import ThemeMap, load_themes, same_tag
from smartplan_tui.i18n import N_, _, current_language, ngettext
from smartplan_tui.model import ProjectProfile, Session
from smartplan_tui.records import record

__all__ = ["HANDBOOK_TITLE", "HandbookOptions", "default_subtitle", "read_introduction",
           "write_handbook"]

HANDBOOK_TITLE = N_("Handbook for Cross-border Planning")


@record
class HandbookOptions:
    """What the person compiling the handbook chose; anything left empty has a default."""

    title: str = ""
    """The title (default: `HANDBOOK_TITLE`)."""
    subtitle: str = ""
    """The line under it (default: the project, else the sessions' places and dates)."""
    introduction: str = ""
    """Plain text or Markdown paragraphs (default: the profile's introduction)."""
    themes: ThemeMap | None = None
    """Which tags make one theme (default: `tag_themes.DEFAULT_THEMES`)."""
    today: date | None = None
    """The day an action's due date is compared with (default: today)."""


def write_handbook(sessions: Sequence[Session], path: str | os.PathLike[str],
                   template: str | os.PathLike[str] | None = None,
                   progress: Progress | None = None,
                   profile: ProjectProfile | None = None,
                   options: HandbookOptions | None = None) -> Path:
    """The handbook of `sessions` (in this order), for the project `profile` names (logos,
    disclaimer, introduction), in the current language (`i18n.writing_in`)."""
    if not sessions:
        raise ExportError(N_("a handbook needs at least one session"))
    ids = [s.id for s in sessions]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ExportError(N_("session {id} is listed twice"), id=twice[0])
    options = options or HandbookOptions()
    title = options.title.strip() or _(HANDBOOK_TITLE)
    steps = Steps(progress, 7)
    word = WordDoc(template)
    facilitators = list(dict.fromkeys(s.info.facilitator for s in sessions if s.info.facilitator))
    author = (profile.author if profile is not None else "") or ", ".join(facilitators)
    word.set_properties(title, author, ngettext(
        "Handbook of {n} session: {titles}.", "Handbook of {n} sessions: {titles}.",
        len(sessions)).format(n=len(sessions), titles="; ".join(s.info.title for s in sessions)),
        current_language())
    word.set_header_footer(title, profile)
    steps.step(N_("Title"))
    introduced = _cover(word, sessions, title, options, profile)
    steps.step(N_("Sessions"))
    _sessions(word, sessions, new_page=not introduced)
    steps.step(N_("SWOT by theme"))
    _synthesis(word, sessions, options.themes or load_themes(None))
    steps.step(N_("Action plan"))
    plan, gaps = parts.merged_actions(sessions)
    action_plan_section(word, plan, gaps,
                        content.budget_total([a for s in sessions for a in s.actions]),
                        subtotals=parts.budget_by_session(sessions),
                        subtotals_heading=_("Budget by session"))
    steps.step(N_("Open issues"))
    _open_issues(word, sessions, options.today or date.today())
    steps.step(N_("saving"))
    saved = word.save(path)
    steps.finish(N_("saved"))
    return saved


def read_introduction(path: str | os.PathLike[str]) -> str:
    """The text of an introduction file; one that cannot be read says which and why."""
    where = Path(path)
    try:
        return where.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ExportError(N_("introduction {file}: cannot be read ({reason})"),
                          file=where, reason=error) from None
    except UnicodeDecodeError:
        raise ExportError(N_("introduction {file}: not UTF-8 text"), file=where) from None


def default_subtitle(sessions: Sequence[Session], profile: ProjectProfile | None) -> str:
    """The project and programme; without a profile, the sessions' places and dates."""
    if profile is not None and (profile.project or profile.acronym):
        project = profile.project or profile.acronym
        if profile.project and profile.acronym:
            project = f"{profile.project} ({profile.acronym})"
        return f"{project} · {profile.programme}" if profile.programme else project
    places = list(dict.fromkeys(content.fmt_place(s.info) for s in sessions
                                if content.fmt_place(s.info)))
    days = sorted(d for s in sessions for d in (s.info.date, s.info.end_date) if d is not None)
    when = content.fmt_date_range(days[0], days[-1]) if days else ""
    return " · ".join(part for part in (", ".join(places), when) if part)


def _cover(word: WordDoc, sessions: Sequence[Session], title: str, options: HandbookOptions,
           profile: ProjectProfile | None) -> bool:
    """Title, subtitle, the project's lines and the contents; then the introduction, on a
    page of its own, if there is one (whether there is)."""
    word.title(title)
    subtitle = options.subtitle.strip() or default_subtitle(sessions, profile)
    if subtitle:
        word.subtitle(subtitle)
    word.labelled([(_(label), value) for label, value in content.profile_lines(profile)])
    word.listing(_("Contents"), [])
    word.table_of_contents(_("No headings."))
    introduction = options.introduction or (profile.introduction if profile is not None
                                            else "")
    blocks = parts.intro_blocks(introduction)
    if not blocks:
        return False
    word.heading(_("Introduction"), new_page=True)
    for kind, text in blocks:
        if kind == "heading":
            word.heading(text, 2)
        else:
            word.paragraph(f"\u2022\u00a0\u00a0{text}" if kind == "bullet" else text)
    return True


def _sessions(word: WordDoc, sessions: Sequence[Session], new_page: bool) -> None:
    """One summary per session: when, where, who came, its top priorities and decisions
    (after the introduction, or on a page of their own after the contents)."""
    word.heading(ngettext("The session", "The {n} sessions", len(sessions)).format(
        n=len(sessions)), new_page=new_page)
    for session in sessions:
        word.heading(session.info.title, 2)
        word.labelled([(_(label), value) for label, value in content.title_block(session)])
        for label, lines in digest.summary(session).groups:
            word.listing(_(label), lines)
    # Who came, across the sessions, closes their part: placed after the synthesis it could
    # spill alone onto a page before the landscape action plan starts a new one.
    word.heading(_("Participation"))
    table = parts.participation(sessions)
    share = 60 / max(len(table.headers) - 2, 1)
    word.table((28, *([share] * (len(table.headers) - 2)), 12), table.headers, table.rows)
    organisations = parts.organisations(sessions)
    if organisations:
        word.paragraphs(organisations)


def _synthesis(word: WordDoc, sessions: Sequence[Session], themes: ThemeMap) -> None:
    """The SWOT by theme and the TOWS strategies by type, across sessions."""
    word.heading(_("SWOT by theme"), new_page=True)
    found = parts.swot_by_theme(sessions, themes)
    if not found:
        word.paragraph(_("No SWOT items."), muted=True)
    else:
        word.paragraph(_("Tags that differ only in case, spaces, hyphens or diacritics are "
                         "one tag; the themes file merges the same theme's Latvian, "
                         "Lithuanian and English tags."), muted=True)
        overview = parts.theme_overview(found)
        word.table((32, 13, 13, 13, 13, 16), overview.headers, overview.rows)
    for theme in found:
        word.heading(f"{theme.name} ({len(theme.rows)})", 2)
        if {same_tag(tag) for tag in theme.spellings} - {same_tag(theme.name)}:
            word.facts([(_("Tagged"), ", ".join(theme.spellings))])  # kept with its table
        word.table((16, 56, 28), (_("Quadrant"), _("Item"), _("Session")), theme.rows)
    word.heading(_("TOWS strategies"))
    strategies = parts.tows_by_type(sessions)
    if not strategies:
        word.paragraph(_("No TOWS strategies."), muted=True)
    for name, table in strategies:
        word.heading(f"{name} ({len(table.rows)})", 2)
        word.table((40, 38, 22), table.headers, table.rows)


def _open_issues(word: WordDoc, sessions: Sequence[Session], today: date) -> None:
    """The parking lot, the votes still open (provisional) and the actions overdue."""
    word.heading(_("Open issues"))
    parking = parts.parking_lot(sessions)
    votes = parts.open_votes(sessions)
    late = parts.overdue_actions(sessions, today)
    if not (parking or votes.rows or late.rows):
        word.paragraph(_("Nothing is open: no parking-lot notes, open votes or overdue "
                         "actions."), muted=True)
        return
    if parking:
        word.heading(_("Parking lot"), 2)
        word.entries(parking)
    if votes.rows:
        word.heading(_("Votes still open (provisional results)"), 2)
        word.table((24, 36, 12, 28), votes.headers, votes.rows)
    if late.rows:
        word.heading(_("Actions past their due date ({day})").format(
            day=content.fmt_date(today)), 2)
        table_or_none(word, late, (36, 24, 16, 12, 12), "")

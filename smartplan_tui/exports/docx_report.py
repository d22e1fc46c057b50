"""The session report: the Word document a coordinator hands in after a session.

The sections are `sections.REPORT_SECTIONS`, in their order, each under a built-in heading;
the action plan sits on landscape pages. The section builders are shared with the programme
handbook.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from smartplan_tui.exports import content, digest, sections
from smartplan_tui.exports.content import Progress, Table, VoteSummary
from smartplan_tui.exports.docx_document import MUTED, Steps, WordDoc
from smartplan_tui.exports.docx_tables import Banner
from smartplan_tui.exports.docx_xml import Look, Raw, p_style, para, rpr, run
from smartplan_tui.exports.sections import REPORT_SECTIONS, ReportSection
from smartplan_tui.i18n import N_, _, current_language, ngettext
from smartplan_tui.labels import quadrant_name, vote_status_name
from smartplan_tui.model import ProjectProfile, Quadrant, Session

__all__ = ["ACTION_WIDTHS", "action_plan_section", "build_report", "write_report"]

QUADRANT_COLOURS = {Quadrant.STRENGTHS: "375623", Quadrant.WEAKNESSES: "C55A11",
                    Quadrant.OPPORTUNITIES: "2F5496", Quadrant.THREATS: "7F6000"}
ACTION_WIDTHS = (22, 10, 9, 10, 10, 7.5, 10, 8, 7.5, 6)
#: How the sections that are one table share spare width among their columns, by header's
#: message id (a column left out of a table takes its share with it).
TABLE_WIDTHS: dict[str, dict[str, float]] = {
    sections.AGENDA.key: {N_("Item"): 30, N_("Exercise"): 12, N_("Started"): 10, N_("Ended"): 10,
                          N_("Planned (min)"): 12, N_("Actual (min)"): 12, N_("+/− (min)"): 10},
    sections.PARTICIPANTS.key: {N_("Name"): 29, N_("Organisation"): 35, N_("Country"): 12,
                                N_("Role"): 24},
    sections.TOWS.key: {N_("Type"): 12, N_("Strategy"): 44, N_("Combines"): 44},
}


def write_report(session: Session, path: str | os.PathLike[str],
                 template: str | os.PathLike[str] | None = None,
                 progress: Progress | None = None,
                 profile: ProjectProfile | None = None) -> Path:
    """Write the session report to `path` (atomically) and return where it went.

    `profile` is the project the report is for (the store's, resolved for this session);
    without it, the session's own profile, if any.
    """
    steps = Steps(progress, len(REPORT_SECTIONS) + 1)
    word = WordDoc(template)
    build_report(word, session, steps, profile)
    steps.step(N_("saving"))
    saved = word.save(path)
    steps.finish(N_("saved"))
    return saved


def build_report(word: WordDoc, session: Session, steps: Steps,
                 profile: ProjectProfile | None = None) -> None:
    info = session.info
    profile = profile if profile is not None else info.profile
    word.set_properties(info.title, content.author_of(session, profile),
                        content.subject(_("Report"), session), current_language())
    word.set_header_footer(info.title, profile)
    if profile is not None:
        session = replace(session, info=replace(info, profile=profile))
    for section in REPORT_SECTIONS:
        steps.step(section.step)
        if section.shown(session):
            _LAYOUTS[section.key](word, session, section)


def _title(word: WordDoc, session: Session, section: ReportSection) -> None:
    word.title(session.info.title)
    word.labelled(content.profile_lines(session.info.profile) + content.title_block(session))


def _one_table(word: WordDoc, session: Session, section: ReportSection) -> None:
    assert section.table is not None
    word.heading(section.heading)
    table = section.table(session)
    shares = {_(header): share for header, share in TABLE_WIDTHS[section.key].items()}
    table_or_none(word, table, tuple(shares.get(h, 10) for h in table.headers), section.empty)


def _swot(word: WordDoc, session: Session, section: ReportSection) -> None:
    word.heading(section.heading)
    swot_section(word, session)


def _votes(word: WordDoc, session: Session, section: ReportSection) -> None:
    word.heading(section.heading)
    summaries = content.vote_summaries(session)
    if not summaries:
        word.paragraph(section.empty, muted=True)
    for summary in summaries:
        vote_section(word, summary)


def _actions(word: WordDoc, session: Session, section: ReportSection) -> None:
    table, gaps = content.action_rows(session)
    action_plan_section(word, table, gaps, content.budget_total(session.actions),
                        subtotals=content.budget_by_priority(session))


def _notes(word: WordDoc, session: Session, section: ReportSection) -> None:
    word.heading(section.heading)
    notes_section(word, [group for group in content.note_groups(session) if group[1]])


def _digest(word: WordDoc, found: digest.Digest, heading: str) -> None:
    word.heading(heading)
    for label, lines in found.groups:
        word.listing(label, lines)


def _summary(word: WordDoc, session: Session, section: ReportSection) -> None:
    _digest(word, digest.summary(session), section.heading)


def _next_steps(word: WordDoc, session: Session, section: ReportSection) -> None:
    _digest(word, digest.next_steps(session), section.heading)


#: How the Word report lays out each of `REPORT_SECTIONS`.
_LAYOUTS: dict[str, Callable[[WordDoc, Session, ReportSection], None]] = {
    sections.TITLE.key: _title, sections.AGENDA.key: _one_table,
    sections.PARTICIPANTS.key: _one_table, sections.SWOT.key: _swot,
    sections.TOWS.key: _one_table, sections.VOTES.key: _votes,
    sections.ACTIONS.key: _actions, sections.NOTES.key: _notes,
    sections.SUMMARY.key: _summary, sections.NEXT_STEPS.key: _next_steps,
}


def table_or_none(word: WordDoc, table: Table, widths: tuple[float, ...], empty: str) -> None:
    if table.rows:
        word.table(widths, table.headers, table.rows)
    else:
        word.paragraph(empty, muted=True)


def swot_section(word: WordDoc, session: Session) -> None:
    """The 2×2 SWOT table: internal factors on top, external below; every item, in order.

    The hot loop of a big report (one paragraph per item), so the run XML around the
    item's own text is built once.
    """
    if not session.swot:
        word.paragraph(sections.SWOT.empty, muted=True)
        return
    grouped = content.swot_by_quadrant(session)
    codes = content.swot_codes(session)
    names = {p.id: p.name for p in session.participants}
    start = f"<w:p><w:pPr>{p_style(word.text_style_id)}</w:pPr>"
    code_rpr = rpr(Look(bold=True, color=MUTED))
    tag_look = Look(color=MUTED, italic=True, half_points=16)
    tails: dict[tuple[tuple[str, ...], str], str] = {}
    cells = []
    limit = word.annex.limit
    for quadrant in Quadrant:
        items = grouped[quadrant]
        title = quadrant_name(quadrant)
        lines = [para([run(f"{title} ({len(items)})",
                           Look(bold=True, color=QUADRANT_COLOURS[quadrant], half_points=22))],
                      word.text_style_id)]
        for item in items:
            tail = tails.get((item.tags, item.author))
            if tail is None:  # tags and author repeat a lot: their run is built once each
                extra = " ".join(f"#{tag}" for tag in item.tags)
                if item.author:
                    extra += f"{' · ' if extra else ''}{names.get(item.author, item.author)}"
                tail = tails[(item.tags, item.author)] = run(f"  {extra}", tag_look) if extra else ""
            text = item.text if len(item.text) <= limit else word.shortened(
                item.text, title, codes[item.id])
            lines.append(f"{start}<w:r>{code_rpr}<w:t>{codes[item.id]}\u00a0\u00a0</w:t></w:r>"
                         f"{run(text)}{tail}</w:p>")
            if item.merged_from:
                merged = word.shortened(content.merged_texts(item, session), title,
                                        codes[item.id])
                lines.append(para([run(_("merged from: {texts}").format(texts=merged), tag_look)],
                                  word.text_style_id))
        cells.append(Raw("".join(lines)))
    word.table((50, 50), None, [cells[0:2], cells[2:4]])


def vote_section(word: WordDoc, summary: VoteSummary) -> None:
    """One vote: its question as a heading, the facts, chart, results table and explanation."""
    vote = summary.vote
    word.heading(vote.question, 2)
    invalid = ngettext("{n} invalid", "{n} invalid", summary.invalid).format(n=summary.invalid)
    ballots = f"{summary.ballots}" + (f" ({invalid})" if summary.invalid else "")
    word.facts([(_("Method"), summary.method), (_("Ballots counted"), ballots),
                (_("Status"), vote_status_name(vote.status) + digest.provisional(vote))])
    if summary.problem:
        word.paragraph(_("Not counted: {reason}").format(reason=summary.problem), italic=True)
        return
    if not summary.results.rows:
        word.paragraph(_("No results yet."), muted=True)
        return
    from smartplan_tui.exports.chart import MAX_BARS, alt_text, bar_chart, chart_width_cm

    # The chart comes first, kept with the table under it: LibreOffice keeps a paragraph
    # with the table after it, not a table with the paragraph after it.
    labels = [f"{row[1]} {row[2]}" for row in summary.results.rows]
    word.figure(bar_chart(labels, summary.scores, len(summary.winners)), chart_width_cm(),
                title=f"{vote.question} \u2014 {summary.method}",
                alt=alt_text(summary.method, labels, summary.scores))
    word.table((8, 10, 62, 20), summary.results.headers, summary.results.rows,
               keep_with_next=True)
    if len(labels) > MAX_BARS:
        word.paragraph(ngettext("The chart shows the first {shown} of {n} option.",
                                "The chart shows the first {shown} of {n} options.",
                                len(labels)).format(shown=MAX_BARS, n=len(labels)), muted=True)
    word.paragraphs([*summary.explanation.splitlines(), *summary.recounts])
    if summary.matrix is not None and summary.matrix.rows:
        criteria = len(summary.matrix.headers) - 3
        word.table((10, 42, *([30 / criteria] * criteria), 18), summary.matrix.headers,
                   summary.matrix.rows)


def action_plan_section(word: WordDoc, table: Table, gaps: list[tuple[str, str]],
                        total: str, widths: tuple[float, ...] = ACTION_WIDTHS,
                        subtotals: Table | None = None, subtotals_heading: str = "") -> None:
    """The action plan on its own landscape pages with its SMART gaps, then back to portrait;
    `subtotals` under `subtotals_heading` (the report's are by priority)."""
    word.start_section(landscape=True)
    word.heading(sections.ACTIONS.heading)
    if not table.rows:
        word.paragraph(sections.ACTIONS.empty, muted=True)
    else:
        word.table(widths, table.headers, [_described(row, word) for row in table.rows])
        if total:
            word.labelled([(_("Total budget"), total)])
        if subtotals is not None and subtotals.rows:
            word.heading(subtotals_heading or _("Budget by priority"), 2)
            word.table((60, 15, 25), subtotals.headers, subtotals.rows)
        word.heading(_("SMART gaps"), 2)
        if gaps:
            word.entries(gaps)
        else:
            word.paragraph(_("Every action is specific, measurable, achievable, relevant and "
                             "time-bound."), muted=True)
    word.start_section(landscape=False)


def _described(row: Sequence[str], word: WordDoc) -> Sequence[str]:
    """An action's title, and its description under it in small muted type (a long one
    shortened into the annex)."""
    if isinstance(row, Banner) or "\n" not in row[0]:
        return row
    title, _, description = row[0].partition("\n")
    cell = Raw(para([run(word.shortened(title)), run("\n"),
                     run(word.shortened(description, title), Look(color=MUTED, half_points=16))],
                    word.text_style_id))
    return (cell, *row[1:])


def notes_section(word: WordDoc, groups: list[tuple[str, list[tuple[str, str]]]]) -> None:
    for title, entries in groups:
        word.heading(title, 2)
        if entries:
            word.entries(entries)
        else:
            word.paragraph(sections.NOTES.empty, muted=True)

"""The session report as Markdown: the Word report's sections (`sections.REPORT_SECTIONS`),
for wikis and e-mail.

Participant text is escaped so that it renders literally (`*stars*` stays stars, `<b>`
stays visible, `|` cannot break a table); line breaks inside an item become `<br>`.
Nothing else is changed: Markdown, unlike Word, can hold any character.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from smartplan_tui.exports import content, digest, sections
from smartplan_tui.exports.atomic import atomic_write
from smartplan_tui.exports.content import Table
from smartplan_tui.exports.sections import REPORT_SECTIONS, ReportSection
from smartplan_tui.i18n import _
from smartplan_tui.labels import quadrant_name, vote_status_name
from smartplan_tui.model import Quadrant, Session

__all__ = ["md_heading", "md_text", "render_markdown", "write_markdown"]

_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
_LINE_START = re.compile(r"^(\s*)([#+=-])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~\r\n\x0b\x0c\x85\u2028\u2029]|^\s*(?:[#+=-]|\d+[.)])")
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")


def md_text(text: str, *, block_start: bool = False) -> str:
    """Text that Markdown shows exactly as written, on one line (breaks become `<br>`).

    `block_start`: the text begins a line of the file, where `#`, `-`, `1.` would start a
    heading or a list; elsewhere (table cells, after `- **S1** `) they need no escape.
    """
    if not _SPECIAL.search(text):
        return text
    escaped = _INLINE.sub(r"\\\1", text)
    if block_start:
        escaped = _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", escaped))
    return _BREAKS.sub("<br>", escaped)


def md_heading(text: str) -> str:
    """Heading text: a `#` anywhere is escaped, as trailing ones would close the heading."""
    return md_text(text).replace("#", "\\#")


def write_markdown(session: Session, path: str | os.PathLike[str]) -> Path:
    data = render_markdown(session).encode("utf-8", errors="replace")

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return atomic_write(path, write)


def render_markdown(session: Session) -> str:
    out: list[str] = []
    for section in REPORT_SECTIONS:
        if section.shown(session):
            _LAYOUTS[section.key](out, session, section)
    return "\n".join(out) + "\n"


def _title(out: list[str], session: Session, section: ReportSection) -> None:
    out += [f"# {md_heading(session.info.title)}", ""]
    out += [f"**{label}:** {md_text(value)}  " for label, value in content.title_block(session)]


def _one_table(out: list[str], session: Session, section: ReportSection) -> None:
    assert section.table is not None
    _section(out, section.heading, section.table(session), section.empty)


def _votes(out: list[str], session: Session, section: ReportSection) -> None:
    out += ["", f"## {section.heading}"]
    summaries = content.vote_summaries(session)
    if not summaries:
        out += ["", f"_{section.empty}_"]
    for summary in summaries:
        facts = [(_("Method"), summary.method), (_("Ballots counted"), str(summary.ballots)),
                 (_("Status"), vote_status_name(summary.vote.status)
                  + digest.provisional(summary.vote))]
        out += ["", f"### {md_heading(summary.vote.question)}", "",
                " · ".join(f"**{label}:** {value}" for label, value in facts)]
        if summary.problem:
            out += ["", "_{}_".format(_("Not counted: {reason}").format(
                reason=md_text(summary.problem)))]
            continue
        out += ["", *_table(summary.results), ""]
        out += [f"{md_text(line, block_start=True)}  "
                for line in (*summary.explanation.splitlines(), *summary.recounts)]
        if summary.matrix is not None:
            out += ["", *_table(summary.matrix)]


def _actions(out: list[str], session: Session, section: ReportSection) -> None:
    table, gaps = content.action_rows(session)
    _section(out, section.heading, table, section.empty)
    total = content.budget_total(session.actions)
    if total:
        label = _("Total budget")
        out += ["", f"**{label}:** {md_text(total)}"]
    subtotals = content.budget_by_priority(session)
    if subtotals.rows:
        out += ["", "### " + _("Budget by priority"), "", *_table(subtotals)]
    if gaps:
        out += ["", "### " + _("SMART gaps"), ""]
        out += [f"- **{md_text(title)}**: {md_text(text)}" for title, text in gaps]


def _notes(out: list[str], session: Session, section: ReportSection) -> None:
    out += ["", f"## {section.heading}"]
    for title, entries in content.note_groups(session):
        if entries:
            out += ["", f"### {title}", ""]
            out += [f"- _{md_text(byline)}_<br>{md_text(text)}" for byline, text in entries]


def _digest(out: list[str], found: digest.Digest, heading: str) -> None:
    out += ["", f"## {heading}"]
    for label, lines in found.groups:
        out += ["", f"**{label}**", "", *(f"- {md_text(line)}" for line in lines)]


def _summary(out: list[str], session: Session, section: ReportSection) -> None:
    _digest(out, digest.summary(session), section.heading)


def _next_steps(out: list[str], session: Session, section: ReportSection) -> None:
    _digest(out, digest.next_steps(session), section.heading)


def _section(out: list[str], title: str, table: Table, empty: str) -> None:
    out += ["", f"## {title}", ""]
    out += _table(table) if table.rows else [f"_{empty}_"]


def _table(table: Table) -> list[str]:
    return [_row(table.headers), "|" + "---|" * len(table.headers),
            *(_row(row) for row in table.rows)]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(md_text(c) for c in cells) + " |"


def _swot(out: list[str], session: Session, section: ReportSection) -> None:
    out += ["", f"## {section.heading}"]
    grouped = content.swot_by_quadrant(session)
    codes = content.swot_codes(session)
    if not session.swot:
        out += ["", f"_{section.empty}_"]
        return
    for quadrant in Quadrant:
        out += ["", f"### {quadrant_name(quadrant)} ({len(grouped[quadrant])})", ""]
        for item in grouped[quadrant]:
            tags = " ".join(f"#{tag}" for tag in item.tags)
            who = content.person(session, item.author)
            extra = " · ".join(part for part in (tags, who) if part)
            out.append(f"- **{codes[item.id]}** {md_text(item.text)}"
                       + (f" _({md_text(extra)})_" if extra else ""))
            if item.merged_from:
                merged = _("merged from: {texts}").format(texts=md_text(content.merged_texts(item, session)))
                out.append(f"  _{merged}_")


#: How the Markdown report lays out each of `REPORT_SECTIONS`.
_LAYOUTS: dict[str, Callable[[list[str], Session, ReportSection], None]] = {
    sections.TITLE.key: _title, sections.AGENDA.key: _one_table,
    sections.PARTICIPANTS.key: _one_table, sections.SWOT.key: _swot,
    sections.TOWS.key: _one_table, sections.VOTES.key: _votes,
    sections.ACTIONS.key: _actions, sections.NOTES.key: _notes,
    sections.SUMMARY.key: _summary, sections.NEXT_STEPS.key: _next_steps,
}

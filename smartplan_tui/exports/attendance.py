"""The attendance list: who took part, with room to sign, as programmes ask for proof.

Signatures are collected on paper, so each row is tall enough to sign and a few blank rows
are left for people who joined on the day.
"""

from __future__ import annotations

import os
from pathlib import Path

from smartplan_tui.exercises.consent import consent_summary
from smartplan_tui.exports import content
from smartplan_tui.exports.docx_document import WordDoc
from smartplan_tui.model import ProjectProfile, Session

__all__ = ["BLANK_ROWS", "HEADERS", "write_attendance"]

HEADERS = ("No.", "Name", "Organisation", "Country", "Consent", "Signature")
#: Blank rows at least, for people who join on the day; more fill the last page.
BLANK_ROWS = 5
ROW_HEIGHT_CM = 1.2
#: Shares of spare width by column (`column_widths` fits each to its longest word first).
_SHARES = {"No.": 4, "Name": 22, "Organisation": 22, "Country": 7, "Consent": 12,
           "E-mail": 18, "Organisation type": 12}
_SIGNATURE_SHARE = 22
_EMU_PER_CM = 360000 / 635  # twips per cm: 567


def write_attendance(session: Session, path: str | os.PathLike[str],
                     template: str | os.PathLike[str] | None = None,
                     profile: ProjectProfile | None = None) -> Path:
    """The attendance list: on every page the logos, project, programme, event, dates, time
    and place (the header), so a single page still proves what it was signed for."""
    info = session.info
    profile = profile if profile is not None else info.profile
    word = WordDoc(template)
    word.set_properties(f"Attendance list: {info.title}", content.author_of(session, profile),
                        content.subject("Attendance list", session), info.language)
    word.set_header_footer(f"Attendance list: {info.title}", profile, header_lines(session,
                                                                                profile))
    word.title(info.title)
    word.labelled(content.profile_lines(profile) + [
        line for line in content.title_block(session) if line[0] != "Participants"])
    purposes = (profile or ProjectProfile()).purposes
    # Read before signing, so above the table, which then runs to the end of its last page.
    word.paragraph("By signing I confirm that I took part in this session.", muted=True)
    word.paragraph("Consent: " + "; ".join(f"{p.id}: {p.text}" for p in purposes), muted=True)
    word.heading("Attendance list")
    extra = (profile or ProjectProfile()).attendance_columns
    days = content.event_days(info)
    signatures = ([f"Signature {day.day} {day:%b}" for day in days] if len(days) > 1
                  else ["Signature"])
    headers = ["No.", "Name", "Organisation", "Country",
               *(["E-mail"] if "email" in extra else []),
               *(["Organisation type"] if "organisation type" in extra else []),
               "Consent", *signatures]
    ids = [p.id for p in purposes]
    rows = [(f"{i}.", p.name, p.organisation, p.country,
             *([p.email] if "email" in extra else []),
             *([""] if "organisation type" in extra else []),
             consent_summary(p, ids), *([""] * len(signatures)))
            for i, p in enumerate(session.participants, 1)]
    before = len(content.profile_lines(profile)) + len(content.title_block(session)) + len(
        purposes) + 1
    total = _rows_to_fill(word, len(rows), before, has_logos=bool(profile and profile.logos))
    rows += [(f"{i}.", *([""] * (len(headers) - 1))) for i in range(len(rows) + 1, total + 1)]
    shares = [_SHARES.get(h, _SIGNATURE_SHARE) for h in headers]
    word.table(shares, headers, rows, row_height_cm=ROW_HEIGHT_CM)
    return word.save(path)


def header_lines(session: Session, profile: ProjectProfile | None) -> list[str]:
    """Under the title in every page's header: when and where, then the project."""
    info = session.info
    when = " · ".join(part for part in (content.fmt_date_range(info.date, info.end_date),
                                        content.fmt_times(info), content.fmt_place(info))
                      if part)
    project = " · ".join(value for _, value in content.profile_lines(profile)[:3])
    return [line for line in (when, project) if line]


def _rows_to_fill(word: WordDoc, registered: int, lines_before: int, *, has_logos: bool) -> int:
    """How many rows fill the table's last page, with `BLANK_ROWS` blank ones at least.

    An estimate on the safe side (a row a page is left over): the header and the footer
    may push the margins in, and the first page holds the title block before the table.
    """
    pitch = ROW_HEIGHT_CM + 0.08
    header_cm = 1.0 + (1.4 if has_logos else 0) + 1.3
    page_cm = word.text_height() / _EMU_PER_CM - max(0.0, header_cm - 2.0) - 1.2
    first_cm = page_cm - 2.2 - 0.62 * lines_before - 1.6  # title, lines, heading, table header
    first = max(0, int(first_cm / pitch) - 1)
    later = max(1, int((page_cm - 0.7) / pitch) - 1)
    wanted = registered + BLANK_ROWS
    if wanted <= first:
        return max(first, wanted)
    return first + -(-(wanted - first) // later) * later

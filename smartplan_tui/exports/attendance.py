"""The attendance list: who took part, with room to sign, as programmes ask for proof.

Signatures are collected on paper, so each row is tall enough to sign and a few blank rows
are left for people who joined on the day.
"""

from __future__ import annotations

import os
from pathlib import Path

from smartplan_tui import dates, labels
from smartplan_tui.exercises.consent import consent_summary
from smartplan_tui.exports import content
from smartplan_tui.exports.docx_document import WordDoc
from smartplan_tui.i18n import N_, _, current_language
from smartplan_tui.model import ProjectProfile, Session

__all__ = ["BLANK_ROWS", "HEADERS", "write_attendance"]

#: Message ids of the columns (an event of several days has a signature column a day).
HEADERS = (N_("No."), N_("Name"), N_("Organisation"), N_("Country"), N_("Consent"),
           N_("Signature"))
#: Blank rows at least, for people who join on the day; more fill the last page.
BLANK_ROWS = 5
ROW_HEIGHT_CM = 1.2
#: Shares of spare width by column's message id (`column_widths` fits each to its longest
#: word first); the signature columns take `_SIGNATURE_SHARE` each.
_SHARES = {N_("No."): 4, N_("Name"): 22, N_("Organisation"): 22, N_("Country"): 7,
           N_("Consent"): 12, N_("E-mail"): 18, N_("Organisation type"): 12}
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
    heading = _("Attendance list: {title}").format(title=info.title)
    word.set_properties(heading, content.author_of(session, profile),
                        content.subject(_("Attendance list"), session), current_language())
    word.set_header_footer(heading, profile, header_lines(session, profile))
    word.title(info.title)
    participants = _("Participants")
    word.labelled(content.profile_lines(profile) + [
        line for line in content.title_block(session) if line[0] != participants])
    purposes = (profile or ProjectProfile()).purposes
    # Read before signing, so above the table, which then runs to the end of its last page.
    word.paragraph(_("By signing I confirm that I took part in this session."), muted=True)
    word.paragraph(_("Consent: {purposes}").format(purposes=" ".join(
        content.sentence(f"{labels.consent_purpose_name(p)}: {labels.consent_purpose_text(p)}")
        for p in purposes)), muted=True)
    word.heading(_("Attendance list"))
    extra = (profile or ProjectProfile()).attendance_columns
    days = content.event_days(info)
    signatures = ([_("Signature {day}").format(day=dates.day_and_month(day)) for day in days]
                  if len(days) > 1 else [_("Signature")])
    ids_of_columns = [N_("No."), N_("Name"), N_("Organisation"), N_("Country"),
                      *([N_("E-mail")] if "email" in extra else []),
                      *([N_("Organisation type")] if "organisation type" in extra else []),
                      N_("Consent")]
    headers = [*(_(column) for column in ids_of_columns), *signatures]
    ids = [p.id for p in purposes]
    names = {p.id: labels.consent_purpose_name(p) for p in purposes}
    rows = [(f"{i}.", p.name, p.organisation, p.country,
             *([p.email] if "email" in extra else []),
             *([""] if "organisation type" in extra else []),
             consent_summary(p, ids, names), *([""] * len(signatures)))
            for i, p in enumerate(session.participants, 1)]
    if not word.words_fit(headers, rows):  # many columns: the list goes on landscape pages
        word.turn(landscape=True)
    before = len(content.profile_lines(profile)) + len(content.title_block(session)) + len(
        purposes) + 1
    total = _rows_to_fill(word, len(rows), before, has_logos=bool(profile and profile.logos))
    rows += [(f"{i}.", *([""] * (len(headers) - 1))) for i in range(len(rows) + 1, total + 1)]
    shares = [*(_SHARES[column] for column in ids_of_columns),
              *([_SIGNATURE_SHARE] * len(signatures))]
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

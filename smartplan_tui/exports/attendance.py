"""The attendance list: who took part, with room to sign, as programmes ask for proof.

Signatures are collected on paper, so each row is tall enough to sign and a few blank rows
are left for people who joined on the day.
"""

from __future__ import annotations

import os
from pathlib import Path

from smartplan_tui.exports import content
from smartplan_tui.exports.docx_document import WordDoc
from smartplan_tui.model import Session

__all__ = ["BLANK_ROWS", "HEADERS", "write_attendance"]

HEADERS = ("No.", "Name", "Organisation", "Country", "Signature")
BLANK_ROWS = 5
ROW_HEIGHT_CM = 1.2


def write_attendance(session: Session, path: str | os.PathLike[str],
                     template: str | os.PathLike[str] | None = None) -> Path:
    info = session.info
    word = WordDoc(template)
    word.set_properties(f"Attendance list: {info.title}", info.facilitator,
                        "SmartPlan attendance list", info.language)
    word.set_header_footer(info.title)
    word.title(info.title)
    word.labelled([line for line in content.title_block(session) if line[0] != "Participants"])
    word.heading("Attendance list")
    rows = [(f"{i}.", p.name, p.organisation, p.country, "")
            for i, p in enumerate(session.participants, 1)]
    start = len(rows) + 1
    rows += [(f"{i}.", "", "", "", "") for i in range(start, start + BLANK_ROWS)]
    word.table((6, 27, 29, 12, 26), HEADERS, rows, row_height_cm=ROW_HEIGHT_CM)
    word.paragraph("By signing I confirm that I took part in this session.", muted=True)
    return word.save(path)

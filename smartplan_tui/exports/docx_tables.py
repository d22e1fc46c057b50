"""Word tables of any size, written as XML text in one pass.

python-docx's `add_row()` re-reads the table per row and `table.cell(i, j)` walks the grid each
time (quadratic); a 1,000-row action plan takes seconds that way. Here a whole table is one
string (`docx_xml` pieces) that `WordDoc.save` splices, unparsed, into the document's XML.
(Parsing fragments and moving them into python-docx's tree is no way round: lxml moves each
`xml:space` attribute in time that grows with the fragment, 12 s for a big SWOT table.)
Widths are fixed (`tblLayout fixed`): Word and LibreOffice then lay out a long table without
measuring every cell first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from smartplan_tui.exports.column_widths import unbreakable
from smartplan_tui.exports.docx_xml import Look, Raw, cell, para, run
from smartplan_tui.exports.text import xml_attr

__all__ = ["BANNER_FILL", "HEADER_FILL", "Banner", "table_xml"]

HEADER_FILL = "D9E2F3"
BANNER_FILL = "F2F2F2"


class Banner(str):
    """A row given as one text spanning every column (the handbook's session rows)."""

    __slots__ = ()

_HEADER_LOOK = Look(bold=True)


def table_xml(widths: Sequence[int], headers: Sequence[str] | None,
              rows: Iterable[Sequence[str]], *, style_id: str, text_style_id: str,
              row_height: int = 0, keep_with_next: bool = False) -> str:
    """A `w:tbl`: column `widths` in twips, an optional header row repeated on every page.

    A cell is text (one paragraph in `text_style_id`, line breaks kept) or `Raw` paragraph
    XML; a `Banner` instead of a row spans the table. `row_height` (twips, at least) gives
    room to sign on an attendance list; `keep_with_next` keeps a short table on one page in
    Word (a vote's results, under its chart). No row is split across pages but a row of `Raw`
    cells only (the SWOT grid's quadrants), which can be longer than a page.
    """
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    parts = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{xml_attr(style_id)}"/>'
             f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
             '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
             'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
             f"<w:tblGrid>{grid}</w:tblGrid>"]
    if headers is not None:
        parts.append(_row([para([run(h, _HEADER_LOOK)], text_style_id, keep_next=True)
                           for h in headers], widths, "<w:cantSplit/><w:tblHeader/>",
                          HEADER_FILL))
    tr_pr = "<w:cantSplit/>" + (f'<w:trHeight w:val="{row_height}"/>' if row_height else "")
    for values in rows:
        if isinstance(values, Banner):
            parts.append(_banner(values, widths, text_style_id))
            continue
        cells = [v if isinstance(v, Raw) else para([run(unbreakable(v), whole_days=True)],
                                                   text_style_id, keep_next=keep_with_next)
                 for v in values]
        # A row of SWOT quadrants (all paragraph XML) may be longer than a page: it may split.
        parts.append(_row(cells, widths, "" if all(isinstance(v, Raw) for v in values)
                          else tr_pr))
    parts.append("</w:tbl>")
    return "".join(parts)


def _banner(text: str, widths: Sequence[int], text_style_id: str) -> str:
    content = para([run(text, _HEADER_LOOK)], text_style_id, keep_next=True)
    return (f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" '
            f'w:type="dxa"/><w:gridSpan w:val="{len(widths)}"/><w:shd w:val="clear" '
            f'w:color="auto" w:fill="{xml_attr(BANNER_FILL)}"/></w:tcPr>{content}</w:tc></w:tr>')


def _row(cells: Sequence[str], widths: Sequence[int], tr_pr: str, fill: str = "") -> str:
    inner = "".join(cell(c, w, fill) for c, w in zip(cells, widths, strict=True))
    return f"<w:tr>{f'<w:trPr>{tr_pr}</w:trPr>' if tr_pr else ''}{inner}</w:tr>"

"""WordprocessingML written as strings: runs, paragraphs and table cells.

Big reports hold tens of thousands of paragraphs. Building them through python-docx's object
API costs Python objects per element; writing the XML text directly is faster than even
deep-copying a template row (see `bench/bench_export.py`). Every piece of participant text
goes through `text.clean` and `text.xml_escape` here, so markup-looking text stays literal and
XML-forbidden characters never reach Word; every attribute value (a template's style id, a
colour) goes through `text.xml_attr`. Nothing here is parsed again before Word reads it
(`docx_document.WordDoc.save` splices the text into the file), so these builders are the
only guard of well-formed XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from smartplan_tui.exports.text import clean, xml_attr, xml_escape
from smartplan_tui.records import record

__all__ = ["PLAIN", "W_NS", "Look", "Raw", "cell", "inline_picture", "p_style", "para", "rpr",
           "run"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class Raw(str):
    """Paragraph XML already built (a cell with several formatted paragraphs), not text."""

    __slots__ = ()


@record
class Look:
    """Direct formatting of a run: few enough combinations to cache their XML."""

    bold: bool = False
    italic: bool = False
    color: str = ""
    half_points: int = 0


PLAIN = Look()


@lru_cache(maxsize=64)
def rpr(look: Look) -> str:
    parts = []
    if look.bold:
        parts.append("<w:b/>")
    if look.italic:
        parts.append("<w:i/>")
    if look.color:
        parts.append(f'<w:color w:val="{xml_attr(look.color)}"/>')
    if look.half_points:
        parts.append(f'<w:sz w:val="{look.half_points}"/><w:szCs w:val="{look.half_points}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
#: An ISO day (`2027-09-30`, as `dates.short_date` writes it in tables): LibreOffice breaks a
#: narrow cell's line after its hyphens ("2027-09-" / "30"), so in a table they are written
#: as Word's non-breaking hyphen, which both programs print as a plain hyphen and which
#: python-docx reads back as one.
_ISO_DAY = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_UNBROKEN_DAY = (r'\1</w:t><w:noBreakHyphen/><w:t xml:space="preserve">\2'
                 r'</w:t><w:noBreakHyphen/><w:t xml:space="preserve">\3')


def run(text: str, look: Look = PLAIN, *, whole_days: bool = False) -> str:
    """One `w:r`; `\\n` becomes a line break and `\\t` a tab, as Word itself writes them;
    `whole_days`: no ISO day in it is broken across lines (a table cell's)."""
    body = xml_escape(clean(text))
    if "\n" in body:
        body = body.replace("\n", _BREAK)
    if "\t" in body:
        body = body.replace("\t", _TAB)
    if whole_days and "-" in body:
        body = _ISO_DAY.sub(_UNBROKEN_DAY, body)
    props = rpr(look) if look is not PLAIN else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{body}</w:t></w:r>'


def para(runs: str | Iterable[str], style_id: str = "", *, align: str = "",
         keep_next: bool = False) -> str:
    """One `w:p` from run XML (a plain string is taken as a single unformatted run's text)."""
    inner = run(runs) if isinstance(runs, str) else "".join(runs)
    if not (style_id or align or keep_next):
        return f"<w:p>{inner}</w:p>"
    ppr = ((p_style(style_id) if style_id else "")
           + ("<w:keepNext/>" if keep_next else "")
           + (f'<w:jc w:val="{xml_attr(align)}"/>' if align else ""))
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


@lru_cache(maxsize=64)
def p_style(style_id: str) -> str:
    """A `w:pStyle` naming a paragraph style by its id: a handful per document, so cached."""
    return f'<w:pStyle w:val="{xml_attr(style_id)}"/>'


def cell(paragraphs: str, width: int, fill: str = "") -> str:
    """One `w:tc` of `width` twentieths of a point holding paragraph XML (never empty)."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{xml_attr(fill)}"/>' if fill else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f"{paragraphs or '<w:p/>'}</w:tc>")


_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def inline_picture(rel_id: str, cx: int, cy: int, drawing_id: int, *, name: str,
                   descr: str, title: str) -> str:
    """A `w:r` holding a picture in the line of text (`wp:inline`, never floating: it stays
    in its paragraph, so keep-with-next holds it on the page of its table in Word and in
    LibreOffice), `cx` by `cy` EMU, with alt text (`descr`, `title`) screen readers and
    Word's "Alt Text" pane read.

    `drawing_id` must be unique in the document (Word repairs a file where two drawings
    share one). Namespaces are declared here, so a template's root need not declare them.
    """
    return (f'<w:r><w:drawing><wp:inline xmlns:wp="{_WP_NS}" distT="0" distB="0" distL="0" '
            f'distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{drawing_id}" name="{xml_attr(clean(name))}" '
            f'descr="{xml_attr(clean(descr))}" title="{xml_attr(clean(title))}"/>'
            f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A_NS}" noChangeAspect="1"/>'
            f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{_A_NS}">'
            f'<a:graphicData uri="{_PIC_NS}"><pic:pic xmlns:pic="{_PIC_NS}"><pic:nvPicPr>'
            f'<pic:cNvPr id="0" name="{xml_attr(clean(name))}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip xmlns:r="{_R_NS}" r:embed="{xml_attr(rel_id)}"/>'
            '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
            f'<a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")

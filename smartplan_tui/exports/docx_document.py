"""A Word document with SmartPlan's house rules: one place for what every .docx export shares.

Opens the built-in or an organisation's template (styles, logo header and fonts come from it),
checks the styles a report needs before anything is built, and offers the few building blocks
the writers use: headings Word's navigation pane lists, paragraphs, fast tables, pictures,
portrait and landscape sections with the page size swapped, a footer with page numbers and the
core properties. Saving is atomic (`atomic.atomic_write`).
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.parts.document import DocumentPart
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from smartplan_tui.exports.atomic import atomic_write
from smartplan_tui.exports.content import Progress
from smartplan_tui.exports.docx_tables import table_xml
from smartplan_tui.exports.docx_xml import W_NS, Look, para, rpr, run
from smartplan_tui.exports.errors import ExportError
from smartplan_tui.exports.text import one_line

__all__ = ["REQUIRED_STYLES", "TABLE_STYLE", "Steps", "WordDoc"]

#: Paragraph styles every report uses: Word's built-in headings drive the navigation pane.
REQUIRED_STYLES = ("Title", "Heading 1", "Heading 2")
TABLE_STYLE = "Table Grid"
TEXT_STYLE = "SmartPlan Table Text"
MUTED = "595959"
_A4 = (Cm(21.0), Cm(29.7))
_MARGIN = Cm(2.0)
_EMU_PER_TWIP = 635
_XML_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class Steps:
    """Report progress through named steps to an optional `progress(fraction, what)`."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self._total = max(total, 1)
        self._done = 0

    def step(self, what: str) -> None:
        if self._progress is not None:
            self._progress(min(self._done / self._total, 1.0), what)
        self._done += 1

    def finish(self, what: str) -> None:
        if self._progress is not None:
            self._progress(1.0, what)


class WordDoc:
    """A document being built; `save` writes it atomically.

    The body is collected as XML text and parsed once when saving (see `docx_tables` for
    why). Call `set_header_footer` before `start_section`: later sections inherit the
    first section's header and footer.
    """

    def __init__(self, template: str | os.PathLike[str] | None = None) -> None:
        self.doc = _open(template)
        _check_styles(self.doc, template)
        if template is None:
            _house_page(self.doc.sections[0])
        _clear_body(self.doc)
        self.text_style_id = _table_text_style(self.doc)
        self._style_ids = {name: str(self.doc.styles[name].style_id)
                           for name in (*REQUIRED_STYLES, TABLE_STYLE)}
        self._sect_pr = self.doc.element.body.get_or_add_sectPr()
        self._parts: list[str] = []

    # ------------------------------------------------------------ page furniture

    def set_properties(self, title: str, author: str, subject: str, language: str = "") -> None:
        """Core properties Word shows under File > Info; the template's are overwritten."""
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        props = self.doc.core_properties
        props.title = one_line(title, 255)
        props.author = one_line(author, 255) or "SmartPlan"
        props.last_modified_by = props.author
        props.subject = one_line(subject, 255)
        props.comments = "Written by SmartPlan"
        props.keywords = ""
        props.category = ""
        props.created = now
        props.modified = now
        props.revision = 1
        if language:
            props.language = one_line(language, 50)

    def set_header_footer(self, header_text: str) -> None:
        """The title in the header unless the template has header text of its own (a logo is
        kept either way); page X of Y in the footer unless the template numbers pages."""
        section = self.doc.sections[0]
        header = section.header
        if not any(p.text.strip() for p in header.paragraphs):
            first = header.paragraphs[0]
            if first._p.xpath(".//w:drawing|.//w:pict"):  # the logo keeps its own paragraph
                first = header.add_paragraph()
            first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            text = first.add_run(one_line(header_text, 120))
            text.font.size = Pt(8)
            text.font.color.rgb = RGBColor.from_string(MUTED)
        footer = section.footer
        footer_xml = footer._element.xml
        if " PAGE " not in footer_xml and 'w:instr="PAGE' not in footer_xml:
            target = footer.paragraphs[-1] if not footer.paragraphs[-1].text else (
                footer.add_paragraph())
            target.alignment = WD_ALIGN_PARAGRAPH.CENTER
            look = Look(color=MUTED, half_points=16)
            _append_xml(target._p, run("Page ", look) + _field("PAGE", look)
                        + run(" of ", look) + _field("NUMPAGES", look))

    # ------------------------------------------------------------ content

    def title(self, text: str) -> None:
        """The Title paragraph, given outline level 1 so the navigation pane lists it too."""
        self._parts.append(f'<w:p><w:pPr><w:pStyle w:val="{self._style_ids["Title"]}"/>'
                           f'<w:outlineLvl w:val="0"/></w:pPr>{run(text)}</w:p>')

    def heading(self, text: str, level: int = 1) -> None:
        self._parts.append(para([run(text)], self._style_ids[f"Heading {level}"]))

    def paragraph(self, text: str = "", *, muted: bool = False, italic: bool = False) -> None:
        self.paragraphs([text], muted=muted, italic=italic)

    def paragraphs(self, texts: Iterable[str], *, muted: bool = False,
                   italic: bool = False) -> None:
        look = Look(italic=italic, color=MUTED if muted else "")
        self._parts.extend(para([run(t, look)]) for t in texts)

    def labelled(self, lines: Sequence[tuple[str, str]]) -> None:
        """`Label: value` lines, label in bold (the title block)."""
        self._parts.extend(para([run(f"{label}: ", Look(bold=True)), run(value)])
                           for label, value in lines)

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        """`Label: value` pairs on one line, separated by a middle dot (a vote's facts)."""
        runs: list[str] = []
        for label, value in pairs:
            runs += [run(f"{' · ' if runs else ''}{label}: ", Look(bold=True)), run(value)]
        self._parts.append(para(runs))

    def entries(self, items: Iterable[tuple[str, str]]) -> None:
        """A byline in muted small type above each text (notes, decisions, SMART gaps)."""
        byline = Look(color=MUTED, half_points=18)
        self._parts.extend(para([run(head, byline), run("\n"), run(text)])
                           for head, text in items)

    def table(self, widths_pct: Sequence[float], headers: Sequence[str] | None,
              rows: Iterable[Sequence[str]], row_height_cm: float = 0,
              keep_with_next: bool = False) -> None:
        """A styled table spanning the text width; widths are shares of it."""
        width = self.text_width()
        total = sum(widths_pct)
        widths = [int(width * share / total) for share in widths_pct]
        height = int(Cm(row_height_cm) / _EMU_PER_TWIP) if row_height_cm else 0
        self._parts.append(table_xml(widths, headers, rows, style_id=self._style_ids[TABLE_STYLE],
                                     text_style_id=self.text_style_id, row_height=height,
                                     keep_with_next=keep_with_next))
        self._parts.append("<w:p/>")  # a gap, so two tables in a row never merge into one

    def picture(self, png: bytes, width_cm: float) -> None:
        """A centred picture; python-docx adds the image part, its XML joins the body text."""
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(min(width_cm, self.text_cm())))
        self._parts.append(etree.tostring(paragraph._p, encoding="unicode"))
        paragraph._p.getparent().remove(paragraph._p)

    def text_width(self) -> int:
        """Width between the margins of the current (last) section, in twips."""
        section = Section(self._sect_pr, self.doc.part)
        emu = (section.page_width or _A4[0]) - (section.left_margin or 0) - (
            section.right_margin or 0)
        return int(emu / _EMU_PER_TWIP)

    def text_cm(self) -> float:
        return self.text_width() / 567

    def start_section(self, landscape: bool) -> None:
        """A new page in the other orientation, width and height swapped as Word expects.

        As in Word, the section that ends is described by a `w:sectPr` in its last
        paragraph; the body's own `w:sectPr` always describes the section being written.
        """
        ended = etree.tostring(self._sect_pr, encoding="unicode")
        self._parts.append(f"<w:p><w:pPr>{ended}</w:pPr></w:p>")
        for reference in self._sect_pr.xpath("w:headerReference|w:footerReference"):
            self._sect_pr.remove(reference)
        section = Section(self._sect_pr, self.doc.part)
        section.start_type = WD_SECTION.NEW_PAGE
        wide = (section.page_width or _A4[0]) > (section.page_height or _A4[1])
        if wide != landscape:
            section.page_width, section.page_height = section.page_height, section.page_width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Put the body text into the document part, then write the package atomically."""
        marker = etree.Comment("smartplan-body")
        self._sect_pr.addprevious(marker)
        whole = etree.tostring(self.doc.element, encoding="unicode")
        marker.getparent().remove(marker)
        before, after = whole.split("<!--smartplan-body-->", 1)
        _PrebuiltDocumentPart.adopt(self.doc.part, "".join([before, *self._parts, after]))
        return atomic_write(path, self.doc.save)


class _PrebuiltDocumentPart(DocumentPart):
    """The main document part, its XML written by `WordDoc` rather than serialised.

    Parsing the body text into lxml only for python-docx to serialise it again took a third
    of a big export. Every piece of that text is built by `docx_xml` from escaped, cleaned
    text, and the tests read each kind of report back with python-docx.
    """

    _xml_bytes: bytes

    @classmethod
    def adopt(cls, part: Any, xml: str) -> None:
        part.__class__ = cls
        part._xml_bytes = _XML_DECLARATION + xml.encode("utf-8", errors="replace")

    @property
    def blob(self) -> bytes:
        return self._xml_bytes


# ---------------------------------------------------------------- opening and checking


def _open(template: str | os.PathLike[str] | None) -> Any:
    if template is None:
        return docx.Document()
    path = Path(template).expanduser()
    if not path.is_file():
        raise ExportError(f"template {path}: no such file")
    try:
        data = path.read_bytes()
        return docx.Document(io.BytesIO(_as_document(data)))
    except ExportError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ExportError(f"template {path}: not a Word .docx or .dotx file ({reason})") from None


def _as_document(data: bytes) -> bytes:
    """A .dotx template differs from a .docx only in its content type: relabel it in memory."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if _DOTX.encode() not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = types.replace(_DOTX.encode(), _DOCX.encode())
                target.writestr(info, content)
    return out.getvalue()


def _check_styles(doc: Any, template: str | os.PathLike[str] | None) -> None:
    """Refuse a template that lacks a style the report uses, before anything is built."""
    names = {style.name for style in doc.styles}
    wanted = [*REQUIRED_STYLES, TABLE_STYLE]
    missing = [name for name in wanted if name not in names]
    if missing:
        where = f"template {Path(str(template)).name}" if template is not None else "template"
        raise ExportError(f"{where} has no style {missing[0]!r} (a report needs "
                          f"{', '.join(wanted)}; use each once in the template and save it)")


def _clear_body(doc: Any) -> None:
    """Drop a template's sample text; its last section (page, header, footer) stays."""
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)


def _house_page(section: Any) -> None:
    """A4 with 2 cm margins: the paper of the programmes SmartPlan serves."""
    section.page_width, section.page_height = _A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, _MARGIN)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)


def _table_text_style(doc: Any) -> str:
    """A compact paragraph style for table cells, added when the template lacks it."""
    styles = doc.styles
    if TEXT_STYLE in {s.name for s in styles}:
        return str(styles[TEXT_STYLE].style_id)
    style = styles.add_style(TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(1)
    style.paragraph_format.space_after = Pt(1)
    style.paragraph_format.line_spacing = 1.0
    return str(style.style_id)


def _field(code: str, look: Look) -> str:
    """A Word field (PAGE, NUMPAGES) with a placeholder result Word updates on opening."""
    rpr_xml = rpr(look)
    return (f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr_xml}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr_xml}<w:t>1</w:t></w:r>'
            f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="end"/></w:r>')


def _append_xml(parent: Any, xml: str) -> None:
    holder = parse_xml(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>')
    for element in list(holder):
        parent.append(element)

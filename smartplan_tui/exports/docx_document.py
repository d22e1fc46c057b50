"""A Word document with SmartPlan's house rules: one place for what every .docx export shares.

Opens the built-in or an organisation's template (styles, logo header and fonts come from it),
checks the styles a report needs before anything is built, and offers the few building blocks
the writers use: headings Word's navigation pane lists, paragraphs, fast tables, pictures,
portrait and landscape sections with the page size swapped, a footer with page numbers and the
core properties. Saving is atomic (`atomic.atomic_write`).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import uuid
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.parts.document import DocumentPart
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from smartplan_tui.exports.annex import Annex, place
from smartplan_tui.exports.atomic import atomic_write
from smartplan_tui.exports.column_widths import fit_widths, words_fit
from smartplan_tui.exports.content import Progress, shorten
from smartplan_tui.exports.docx_tables import Banner, table_xml
from smartplan_tui.exports.docx_xml import (
    PLAIN,
    W_NS,
    Look,
    Raw,
    inline_picture,
    p_style,
    para,
    rpr,
    run,
)
from smartplan_tui.exports.errors import ExportError, to_the_user
from smartplan_tui.exports.text import one_line
from smartplan_tui.i18n import N_, _
from smartplan_tui.model import ProjectProfile

__all__ = ["REQUIRED_STYLES", "TABLE_STYLE", "Steps", "WordDoc"]

#: Paragraph styles every report uses: Word's built-in headings drive the navigation pane.
REQUIRED_STYLES = ("Title", "Heading 1", "Heading 2")
TABLE_STYLE = "Table Grid"
TEXT_STYLE = "SmartPlan Table Text"
MUTED = "595959"
#: How much of a figure's title its caption shows, in characters.
CAPTION_TITLE = 160
_A4 = (Cm(21.0), Cm(29.7))
_MARGIN = Cm(2.0)
LOGO_HEIGHT = Cm(1.3)
_EMU_PER_TWIP = 635
_XML_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class Steps:
    """Report progress through named steps to an optional `progress(fraction, what)`.

    `what` is a message id (`N_()`): the person watching the bar reads it in the interface
    language (`errors.to_the_user`), whatever language the document is written in.
    """

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self._total = max(total, 1)
        self._done = 0

    def step(self, what: str) -> None:
        if self._progress is not None:
            self._progress(min(self._done / self._total, 1.0), to_the_user(what))
        self._done += 1

    def finish(self, what: str) -> None:
        if self._progress is not None:
            self._progress(1.0, to_the_user(what))


class WordDoc:
    """A document being built; `save` writes it atomically.

    The body is collected as XML text (`docx_xml`, `docx_tables`) and never parsed: `save`
    splices it into the serialised document part (see `docx_tables` for why). Everything
    else (styles, header, footer, properties, pictures' parts) goes through python-docx.
    Call `set_header_footer` before `start_section`: later sections inherit the first
    section's header and footer.
    """

    def __init__(self, template: str | os.PathLike[str] | None = None) -> None:
        self._template = template
        self.doc = _open(template)
        _check_styles(self.doc, template)
        if template is None:
            _house_page(self.doc.sections[0])
        _clear_body(self.doc)
        _drop_leftovers(self.doc)
        self.text_style_id = _table_text_style(self.doc)
        self._text_half_points = _half_points(self.doc, TEXT_STYLE)
        self._style_ids = {name: str(self.doc.styles[name].style_id)
                           for name in (*REQUIRED_STYLES, TABLE_STYLE)}
        self._sect_pr = self.doc.element.body.get_or_add_sectPr()
        self._parts: list[str] = []
        #: (level, text) of every heading so far: what a table of contents lists.
        self.outline: list[tuple[int, str]] = []
        self._contents: tuple[int, str, int, tuple[str, str, str]] | None = None
        #: Long texts of the tables, shortened there and written whole at the end (`save`).
        self.annex = Annex()
        self._annexed = 0
        self._where: list[str] = []  # the headings above what is written now, by level
        self._figures = 0
        self._caption_style: str | None = None
        self._drawing_id = 0

    # ------------------------------------------------------------ page furniture

    def set_properties(self, title: str, author: str, subject: str, language: str = "") -> None:
        """Core properties Word shows under File > Info; the template's are overwritten."""
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        props = self.doc.core_properties
        props.title = one_line(title, 255)
        props.author = one_line(author, 255) or "SmartPlan"
        props.last_modified_by = props.author
        props.subject = one_line(subject, 255)
        props.comments = _("Written by SmartPlan")
        props.keywords = ""
        props.category = ""
        props.created = now
        props.modified = now
        props.revision = 1
        if language:
            props.language = one_line(language, 50)
            tag = language_tag(language)
            if tag:
                _set_language(self.doc, tag)

    def set_header_footer(self, header_text: str, profile: ProjectProfile | None = None,
                          more: Sequence[str] = ()) -> None:
        """The title (and the lines `more`) in the header unless the template has header text
        of its own (a logo is kept either way); page X of Y in the footer unless the template
        numbers pages.

        With a `profile`, its logos head every page and its funding disclaimer sits in
        every footer: programmes refuse documents without them.
        """
        section = self.doc.sections[0]
        header = section.header
        if profile is not None and profile.logos:
            _logo_row(header, profile.logos)
        if not any(p.text.strip() for p in header.paragraphs):
            first = header.paragraphs[0]
            if first._p.xpath(".//w:drawing|.//w:pict"):  # the logo keeps its own paragraph
                first = header.add_paragraph()
            first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for index, line in enumerate([header_text, *more]):
                if index:
                    first.add_run().add_break()
                text = first.add_run(one_line(line, 160))
                text.font.size = Pt(8)
                text.font.color.rgb = RGBColor.from_string(MUTED)
        footer = section.footer
        if profile is not None and profile.disclaimer:
            _disclaimer(footer, profile.disclaimer)
        footer_xml = footer._element.xml
        if " PAGE " not in footer_xml and 'w:instr="PAGE' not in footer_xml:
            target = footer.paragraphs[-1] if not footer.paragraphs[-1].text else (
                footer.add_paragraph())
            target.alignment = WD_ALIGN_PARAGRAPH.CENTER
            look = Look(color=MUTED, half_points=16)
            _append_xml(target._p, _page_of_pages(look))

    # ------------------------------------------------------------ content

    def title(self, text: str) -> None:
        """The Title paragraph, given outline level 1 so the navigation pane lists it too."""
        self._parts.append(f'<w:p><w:pPr>{p_style(self._style_ids["Title"])}'
                           f'<w:outlineLvl w:val="0"/></w:pPr>{run(text)}</w:p>')

    def heading(self, text: str, level: int = 1, *, new_page: bool = False) -> None:
        """A built-in heading; `new_page` starts a big part on a page of its own."""
        runs = run(text)
        if self._contents is not None:  # the table of contents links to it
            from smartplan_tui.exports.docx_toc import bookmarked

            runs = bookmarked(len(self.outline), runs)
        self.outline.append((level, text))
        self._where = [*self._where[:level - 1], text]
        if self._parts[-1:] == ["<w:p/>"] and self._parts[-2].endswith("</w:tbl>"):
            # A heading keeps tables apart and has space above of its own. And LibreOffice
            # can break a chain of kept-together paragraphs (a vote's headings, facts and
            # chart) when a paragraph stands between it and the table above: the headings
            # stay behind at the foot of the page, the chart goes on to the next.
            self._parts.pop()
        if not new_page:
            self._parts.append(para([runs], self._style_ids[f"Heading {level}"]))
            return
        self._parts.append(f'<w:p><w:pPr>{p_style(self._style_ids[f"Heading {level}"])}'
                           f"<w:pageBreakBefore/></w:pPr>{runs}</w:p>")

    def subtitle(self, text: str) -> None:
        """The line under the title: the template's Subtitle style, else large muted type."""
        if "Subtitle" in {style.name for style in self.doc.styles}:
            self._parts.append(para([run(text)], str(self.doc.styles["Subtitle"].style_id)))
        else:
            self._parts.append(para([run(text, Look(color=MUTED, half_points=28))]))

    def table_of_contents(self, empty: str) -> None:
        """A TOC field here, listing every heading of the document (`docx_toc`); Word and
        LibreOffice add the page numbers when they open it. `empty`: the text it shows
        when the document has no heading."""
        from smartplan_tui.exports.docx_toc import toc_styles, update_fields_on_open

        self._contents = (len(self._parts), empty, self.text_width(), toc_styles(self.doc))
        self.outline.clear()  # only the headings after it are linked to
        self._parts.append("")  # the entries are known only once every heading is written
        update_fields_on_open(self.doc)

    def paragraph(self, text: str = "", *, muted: bool = False, italic: bool = False) -> None:
        self.paragraphs([text], muted=muted, italic=italic)

    def paragraphs(self, texts: Iterable[str], *, muted: bool = False,
                   italic: bool = False) -> None:
        look = Look(italic=italic, color=MUTED if muted else "")
        self._parts.extend(para([run(t, look)]) for t in texts)

    def labelled(self, lines: Sequence[tuple[str, str]]) -> None:
        """`Label: value` lines, label in bold, close together (the title block)."""
        self._parts.extend(f"<w:p><w:pPr>{_TIGHT}</w:pPr>{run(f'{label}: ', Look(bold=True))}"
                           f"{run(value)}</w:p>" for label, value in lines)
        if lines:
            self._parts.append("<w:p/>")

    def listing(self, label: str, lines: Sequence[str]) -> None:
        """A bold label kept with the bulleted lines under it (the summary, next steps)."""
        self._parts.append('<w:p><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/>'
                           f"</w:pPr>{run(label, Look(bold=True))}</w:p>")
        self._parts.extend(f'<w:p><w:pPr>{_TIGHT}<w:ind w:left="360" w:hanging="220"/></w:pPr>'
                           f"{run(chr(0x2022) + chr(0xA0) + chr(0xA0) + line)}</w:p>"
                           for line in lines)

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        """`Label: value` pairs on one line, separated by a middle dot (a vote's facts),
        kept on the page of what follows them (the results)."""
        runs: list[str] = []
        for label, value in pairs:
            runs += [run(f"{' · ' if runs else ''}{label}: ", Look(bold=True)), run(value)]
        self._parts.append(para(runs, keep_next=True))

    def entries(self, items: Iterable[tuple[str, str]]) -> None:
        """A byline in muted small type above each text (notes, decisions, SMART gaps)."""
        byline = Look(color=MUTED, half_points=18)
        self._parts.extend(para([run(head, byline), run("\n"), run(text)])
                           for head, text in items)

    def table(self, widths_pct: Sequence[float], headers: Sequence[str] | None,
              rows: Iterable[Sequence[str]], row_height_cm: float = 0,
              keep_with_next: bool = False) -> None:
        """A styled table spanning the text width. Columns are as wide as their longest word
        at least (`column_widths`); `widths_pct` say how to share the rest."""
        rows = [self._shortened(row, headers) for row in rows]
        widths = fit_widths(self.text_width(), widths_pct, headers, rows, self._text_half_points)
        height = int(Cm(row_height_cm) / _EMU_PER_TWIP) if row_height_cm else 0
        self._parts.append(table_xml(widths, headers, rows, style_id=self._style_ids[TABLE_STYLE],
                                     text_style_id=self.text_style_id, row_height=height,
                                     keep_with_next=keep_with_next))
        self._parts.append("<w:p/>")  # a gap, so two tables in a row never merge into one

    def here(self, *more: str) -> str:
        """Where a text sits: the headings above it, then `more` (a quadrant, a code)."""
        return place(*self._where, *more)

    def shortened(self, text: str, *more: str) -> str:
        """`text` as a table shows it: a long one cut, with its reference to the annex
        entry that holds it whole (`annex`); `more` says where it sits below the headings."""
        return text if len(text) <= self.annex.limit else self.annex.short(text,
                                                                           self.here(*more))

    def _shortened(self, row: Sequence[str], headers: Sequence[str] | None) -> Sequence[str]:
        """A row with its long texts shortened into the annex (`annex`); a spanning row
        and paragraph XML stay as they are."""
        limit = self.annex.limit
        if isinstance(row, Banner) or all(len(value) <= limit for value in row):
            return row
        columns = headers if headers is not None and len(headers) == len(row) else [""] * len(row)
        return [value if isinstance(value, Raw) else self.shortened(value, column)
                for value, column in zip(row, columns, strict=True)]

    def picture(self, png: bytes, width_cm: float, *, alt: str = "", title: str = "",
                keep_next: bool = False) -> None:
        """A centred picture in the line of text, with alt text (`alt`, `title`) and a
        drawing id of its own; `keep_next` keeps it on the page of what follows (a caption)."""
        rel_id, image = self.doc.part.get_or_add_image(io.BytesIO(png))
        cx, cy = image.scaled_dimensions(Cm(min(width_cm, self.text_cm())), None)
        drawing = inline_picture(rel_id, int(cx), int(cy), self._next_drawing_id(),
                                 name=title or image.filename, descr=alt, title=title)
        self._parts.append(para([drawing], align="center", keep_next=keep_next))

    def figure(self, png: bytes, width_cm: float, *, title: str, alt: str) -> None:
        """A numbered figure: its caption ("Figure 2: Top priorities — Dot voting") and the
        picture under it, both kept with what follows (the figure's table), in Word and in
        LibreOffice. The number is a `SEQ Figure` field, so Word's list of figures finds
        it; its result is written too, for LibreOffice and readers that never update it.
        A title longer than `CAPTION_TITLE` characters (a vote's question can be a
        paragraph) is cut at a word."""
        self._figures += 1
        title = shorten(one_line(title).replace("\x00", ""), CAPTION_TITLE)
        caption = _("Figure {number}: {title}").format(number="\x00", title=title)
        before, _marker, after = caption.partition("\x00")
        number = (f'<w:fldSimple w:instr=" SEQ Figure \\* ARABIC "><w:r><w:t>{self._figures}'
                  "</w:t></w:r></w:fldSimple>")
        if self._caption_style is None:  # looked up once: walking the styles is slow
            found = [s.style_id for s in self.doc.styles if s.name == "Caption"]
            self._caption_style = str(found[0]) if found else ""
        style_id = self._caption_style
        look = PLAIN if style_id else Look(italic=True, color=MUTED)
        self._parts.append(para([run(before, look), number, run(after, look)], style_id,
                                align="center", keep_next=True))
        self.picture(png, width_cm, alt=alt, title=caption.replace("\x00", str(self._figures)),
                     keep_next=True)

    def _next_drawing_id(self) -> int:
        """A `wp:docPr` id no other drawing of the package has (a template's header logo
        included): Word reports a file with two alike as damaged."""
        if not self._drawing_id:
            taken = [int(value) for part in self.doc.part.package.iter_parts()
                     if part is not self.doc.part and hasattr(part, "element")
                     for value in part.element.xpath(".//wp:docPr/@id")
                     if str(value).isdigit()]
            self._drawing_id = max(taken, default=0)
        self._drawing_id += 1
        return self._drawing_id

    def write_annex(self) -> None:
        """The annex of the long texts the tables shortened, each whole under its
        reference and where it came from, on a new page; `save` calls it, so no reference
        is left without its entry. Entries written once are not written again."""
        entries = self.annex.entries[self._annexed:]
        if not entries:
            return
        if not self._annexed:
            self.heading(_("Annex {letter}: Long texts in full").format(
                letter=self.annex.letter), 1, new_page=True)
            self.paragraph(_("Each text that a table above shortens, in full, under the "
                             "reference the table gives."), muted=True)
        self._annexed = len(self.annex.entries)
        where_look = Look(color=MUTED, italic=True)
        for entry in entries:
            self._parts.append('<w:p><w:pPr><w:keepNext/><w:spacing w:before="200" '
                               f'w:after="60"/></w:pPr>{run(entry.reference, Look(bold=True))}'
                               f"{run(' · ' + entry.where, where_look)}</w:p>")
            self._parts.append(para([run(entry.text)]))

    def text_width(self) -> int:
        """Width between the margins of the current (last) section, in twips."""
        section = Section(self._sect_pr, self.doc.part)
        emu = (section.page_width or _A4[0]) - (section.left_margin or 0) - (
            section.right_margin or 0)
        return int(emu / _EMU_PER_TWIP)

    def text_height(self) -> int:
        """Height between the top and bottom margins of the current section, in twips."""
        section = Section(self._sect_pr, self.doc.part)
        emu = (section.page_height or _A4[1]) - (section.top_margin or 0) - (
            section.bottom_margin or 0)
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
        Section(self._sect_pr, self.doc.part).start_type = WD_SECTION.NEW_PAGE
        self.turn(landscape)

    def turn(self, landscape: bool) -> None:
        """The current section's pages in `landscape` or portrait, width and height swapped
        as Word expects; the first section's, before anything is written, turns the whole
        document."""
        section = Section(self._sect_pr, self.doc.part)
        wide = (section.page_width or _A4[0]) > (section.page_height or _A4[1])
        if wide != landscape:
            section.page_width, section.page_height = section.page_height, section.page_width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    def words_fit(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
        """Whether a table of these cells holds every column's longest word within the
        current section's text width (`column_widths.words_fit`)."""
        return words_fit(self.text_width(), headers, rows, self._text_half_points)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Splice the body text into the document part's XML, then write the package
        atomically. The document itself is left as it was: it can be saved again."""
        self.write_annex()
        with _prebuilt(self.doc.part, self._document_xml()):
            return atomic_write(path, self.doc.save)

    def _document_xml(self) -> str:
        """The document part's XML: python-docx's tree serialised, the body text inside."""
        marker = f"smartplan-body-{uuid.uuid4().hex}"  # no template can hold it already
        comment = etree.Comment(marker)
        self._sect_pr.addprevious(comment)
        try:
            whole = etree.tostring(self.doc.element, encoding="unicode")
        finally:
            comment.getparent().remove(comment)
        before, after = whole.split(f"<!--{marker}-->", 1)
        parts = self._parts
        if self._contents is not None:
            from smartplan_tui.exports.docx_toc import toc_xml

            at, empty, width, styles = self._contents
            parts = [*parts[:at], toc_xml(self.outline, width, empty, styles), *parts[at + 1:]]
        return "".join([self._declare_w(before), *parts, after])

    def _declare_w(self, start: str) -> str:
        """The body text says `w:`; a template may name Word's namespace otherwise
        (`ns0:`, a default namespace), so the root then declares `w` as well."""
        bound = self.doc.element.nsmap.get("w")
        if bound == W_NS:
            return start
        if bound is not None:
            raise ExportError(N_("template {name}: its document.xml uses the prefix w: for "
                                 "{namespace}, not for Word's own namespace"),
                              name=_template_name(self._template), namespace=bound)
        return _ROOT_TAG.sub(lambda m: f'{m[0]} xmlns:w="{W_NS}"', start, count=1)


_ROOT_TAG = re.compile(r"<[^\s>/!?]+")
#: Lines of a block (the title block, a list) 3 pt apart instead of the Normal style's gap.
_TIGHT = '<w:spacing w:before="0" w:after="60"/>'


@contextlib.contextmanager
def _prebuilt(part: Any, xml: str) -> Iterator[None]:
    """While saving, the document part gives `xml` as its bytes instead of serialising.

    Parsing the body text into lxml only for python-docx to serialise it again took a third
    of a big export, so the part's class is swapped for `_PrebuiltDocumentPart` and put
    back afterwards, whatever happens. Only a plain `DocumentPart` is swapped: a python-docx
    that gives the part another class gets the slow, parsed way instead. Every piece of the
    text is built by `docx_xml` (text escaped and cleaned, attributes escaped), and the
    tests parse every kind of Word output with lxml.
    """
    data = _XML_DECLARATION + xml.encode("utf-8", errors="replace")
    if type(part) is not DocumentPart:
        element, part._element = part._element, parse_xml(data)
        try:
            yield
        finally:
            part._element = element
        return
    swapped: Any = part  # the same object, only while its class is swapped
    swapped.__class__ = _PrebuiltDocumentPart
    swapped._xml_bytes = data
    try:
        yield
    finally:
        swapped.__class__ = DocumentPart
        del swapped._xml_bytes


class _PrebuiltDocumentPart(DocumentPart):
    """The main document part while `_prebuilt` holds it: its XML is `_xml_bytes`."""

    _xml_bytes: bytes

    @property
    def blob(self) -> bytes:
        return self._xml_bytes


# ---------------------------------------------------------------- opening and checking


def _open(template: str | os.PathLike[str] | None) -> Any:
    if template is None:
        return docx.Document()
    path = Path(template).expanduser()
    if not path.is_file():
        raise ExportError(N_("template {path}: no such file"), path=path)
    try:
        data = path.read_bytes()
        return docx.Document(io.BytesIO(_as_document(data)))
    except ExportError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ExportError(N_("template {path}: not a Word .docx or .dotx file ({reason})"),
                          path=path, reason=reason) from None


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
        raise ExportError(N_("template {name} has no style {style} (a report needs {styles}; "
                             "use each once in the template and save it)"),
                          name=_template_name(template), style=repr(missing[0]),
                          styles=", ".join(wanted))


def _template_name(template: str | os.PathLike[str] | None) -> str:
    """How an error names the template: its file name (SmartPlan's own has none)."""
    return Path(template).name if template is not None else "SmartPlan"


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


def _logo_row(header: Any, logos: Sequence[str]) -> None:
    """The logos side by side, all as tall, in the header's first paragraph of their own."""
    first = header.paragraphs[0]
    target = first if not first.text.strip() and not first._p.xpath(
        ".//w:drawing|.//w:pict") else header.add_paragraph()
    if target is not first:  # the logos go first, above the template's own header
        first._p.addprevious(target._p)
    for index, logo in enumerate(logos):
        try:
            data = Path(logo).read_bytes()
        except OSError as error:
            raise ExportError(N_("logo {path}: cannot be read ({reason})"), path=logo,
                              reason=error) from None
        if index:
            target.add_run("\u2003")
        try:
            target.add_run().add_picture(io.BytesIO(data), height=LOGO_HEIGHT)
        except Exception as error:  # python-docx raises several kinds for a bad image
            raise ExportError(N_("logo {path}: not an image Word can show ({reason})"),
                              path=logo, reason=error) from None


def _disclaimer(footer: Any, text: str) -> None:
    """The funding disclaimer in small type, centred, above the page numbers."""
    first = footer.paragraphs[0]
    target = first if not first.text.strip() and not first._p.xpath(
        ".//w:drawing|.//w:pict|.//w:fldChar|.//w:fldSimple") else footer.add_paragraph()
    if target is not first:
        first._p.addprevious(target._p)
    target.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _append_xml(target._p, run(one_line(text, 1000), Look(color=MUTED, half_points=14)))


#: The proofing language Word gives each language a session is held in.
LANGUAGE_TAGS = {"lv": "lv-LV", "lt": "lt-LT", "en": "en-GB", "et": "et-EE", "pl": "pl-PL",
                 "de": "de-DE", "sv": "sv-SE", "fi": "fi-FI", "ru": "ru-RU"}
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}-[A-Z]{2}")
_APP_XML = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<Properties xmlns="
            b'"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            b"<Application>SmartPlan</Application><DocSecurity>0</DocSecurity></Properties>")


def language_tag(language: str) -> str:
    """`lv` → `lv-LV`, `LT` → `lt-LT`, `en-US` kept; a language not known gives ``."""
    text = language.strip()
    if _LANGUAGE_TAG.fullmatch(text):
        return text
    return LANGUAGE_TAGS.get(text.lower().split("-")[0].split("_")[0], "")


def _set_language(doc: Any, tag: str) -> None:
    """Every text's proofing language: the document default, and each style that names
    one of its own (a template's Normal often says en-US)."""
    styles = doc.styles.element
    qn_lang, qn_val = f"{{{W_NS}}}lang", f"{{{W_NS}}}val"
    defaults = styles.find(f"{{{W_NS}}}docDefaults")
    if defaults is None:
        defaults = etree.SubElement(styles, f"{{{W_NS}}}docDefaults")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(f"{{{W_NS}}}rPrDefault")
    if r_pr_default is None:
        r_pr_default = etree.SubElement(defaults, f"{{{W_NS}}}rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(f"{{{W_NS}}}rPr")
    if r_pr is None:
        r_pr = etree.SubElement(r_pr_default, f"{{{W_NS}}}rPr")
    lang = r_pr.find(qn_lang)
    if lang is None:
        lang = etree.SubElement(r_pr, qn_lang)
    lang.set(qn_val, tag)
    for named in styles.iter(qn_lang):
        if named.get(qn_val) is not None:
            named.set(qn_val, tag)


def _drop_leftovers(doc: Any) -> None:
    """What python-docx's own template leaves behind: app.xml naming "Microsoft Macintosh
    Word" and the thumbnail of a page that is not this document's."""
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = _APP_XML


def _half_points(doc: Any, style_name: str) -> int:
    """The font size of a paragraph style in half-points, inherited sizes followed."""
    style = doc.styles[style_name]
    while style is not None:
        if style.font.size is not None:
            return int(style.font.size.pt * 2)
        style = style.base_style
    return 22  # Word's own default, 11 pt


def _field(code: str, look: Look) -> str:
    """A Word field (PAGE, NUMPAGES) with a placeholder result Word updates on opening."""
    rpr_xml = rpr(look)
    return (f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr_xml}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr_xml}<w:t>1</w:t></w:r>'
            f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="end"/></w:r>')


def _page_of_pages(look: Look) -> str:
    """`Page 2 of 9` in the current language, the two numbers as fields Word updates."""
    text = _("Page {page} of {pages}")
    runs: list[str] = []
    for piece in re.split(r"(\{page\}|\{pages\})", text):
        if piece == "{page}":
            runs.append(_field("PAGE", look))
        elif piece == "{pages}":
            runs.append(_field("NUMPAGES", look))
        elif piece:
            runs.append(run(piece, look))
    return "".join(runs)


def _append_xml(parent: Any, xml: str) -> None:
    holder = parse_xml(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>')
    for element in list(holder):
        parent.append(element)

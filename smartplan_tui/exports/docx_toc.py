"""A Word table of contents: a real `TOC` field, filled in when the document is opened.

Word builds a TOC field's entries and page numbers itself, from the headings, when
`w:updateFields` is set in settings.xml (it asks once, on opening), and LibreOffice when its
reader chooses Update (and `pdf` when it prints). Until then the field shows its cached
result, which is written here as the headings themselves, linked to them, so a reader that
never updates fields still sees what the document holds. Its lines are in Word's styles
`toc 1`–`toc 3` (added when the template lacks them), which Word and LibreOffice both use for
the lines they write when they update it: the updated contents looks like the cached one and
takes as many lines, so it stays on its page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Twips
from lxml import etree

from smartplan_tui.exports.docx_xml import W_NS, Look, p_style, para, run

__all__ = ["TOC_INSTRUCTION", "bookmark_name", "bookmarked", "toc_styles", "toc_xml",
           "update_fields_on_open"]

#: Headings of levels 1–3 (`\o`), as links (`\h`), without page numbers in web view (`\z`),
#: and paragraphs with an outline level too (`\u`).
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
#: What follows `w:updateFields` in settings.xml (the schema fixes the order of its children).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator")
_INDENT_PER_LEVEL = 360  # twips
#: Bookmark ids of the headings start here, clear of any a template may hold.
_FIRST_BOOKMARK = 9000


def bookmark_name(index: int) -> str:
    """The bookmark of the `index`th heading, which its contents line points to."""
    return f"_Toc{_FIRST_BOOKMARK + index}"


def bookmarked(index: int, runs: str) -> str:
    """`runs` inside the `index`th heading's bookmark."""
    number = _FIRST_BOOKMARK + index
    return (f'<w:bookmarkStart w:id="{number}" w:name="{bookmark_name(index)}"/>{runs}'
            f'<w:bookmarkEnd w:id="{number}"/>')


def toc_styles(doc: Any) -> tuple[str, str, str]:
    """The style ids of the contents lines of levels 1–3: the template's `toc 1`–`toc 3`,
    else styles added with the spacing, indent and weight of the cached lines."""
    named = {style.name.lower(): style for style in doc.styles if style.name}
    ids = []
    for level in (1, 2, 3):
        style = named.get(f"toc {level}")
        if style is None:
            style = doc.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = doc.styles["Normal"]
            style.next_paragraph_style = doc.styles["Normal"]
            look = style.paragraph_format
            look.space_before = Twips(80 if level == 1 else 0)
            look.space_after = Twips(20)
            look.left_indent = Twips((level - 1) * _INDENT_PER_LEVEL)
            style.font.bold = level == 1
        ids.append(str(style.style_id))
    return ids[0], ids[1], ids[2]


def toc_xml(entries: Sequence[tuple[int, str]], width: int, empty: str,
            style_ids: Sequence[str] = ("", "", "")) -> str:
    """The TOC field as paragraphs. Its cached result has one line per (level, heading) of
    levels 1–3, indented by level, linked to the `index`th heading's bookmark, without page
    numbers: LibreOffice shows a cached result as it is, and a page number written before
    the pages are laid out would be wrong (Word adds them when it updates the field, with a
    dotted tab to `width`, in twips). `empty` stands in when there is no heading;
    `style_ids` are the lines' styles by level (`toc_styles`)."""
    begin = ('<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
             f'<w:r><w:instrText xml:space="preserve"> {TOC_INSTRUCTION} </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    lines = [(index, level, text) for index, (level, text) in enumerate(entries)
             if 1 <= level <= 3]
    if not lines:
        return para([begin, run(empty), end])
    tabs = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
    paragraphs = []
    for number, (index, level, text) in enumerate(lines):
        indent = f'<w:ind w:left="{(level - 1) * _INDENT_PER_LEVEL}"/>'
        look = Look(bold=level == 1)
        style = p_style(style_ids[level - 1]) if style_ids[level - 1] else ""
        paragraphs.append(
            f'<w:p><w:pPr>{style}{tabs}<w:spacing w:before="{80 if level == 1 else 0}" w:after="20"/>'
            f'{indent}</w:pPr>{begin if number == 0 else ""}'
            f'<w:hyperlink w:anchor="{bookmark_name(index)}" w:history="1">'
            f"{run(text, look)}</w:hyperlink>"
            f'{end if number == len(lines) - 1 else ""}</w:p>')
    return "".join(paragraphs) + para([])


def update_fields_on_open(doc: Any) -> None:
    """Set `w:updateFields` in the document's settings, in its place in the schema's order."""
    settings = doc.settings.element
    tag = f"{{{W_NS}}}updateFields"
    found = settings.find(tag)
    if found is None:
        found = etree.Element(tag)
        later = next((child for child in settings
                      if isinstance(child.tag, str)
                      and etree.QName(child).localname in _AFTER_UPDATE_FIELDS), None)
        if later is not None:
            later.addprevious(found)
        else:
            settings.append(found)
    found.set(f"{{{W_NS}}}val", "true")

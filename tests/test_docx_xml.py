"""Every Word file SmartPlan writes is well-formed XML, whatever the template holds.

The body of a Word export is written as XML text and spliced into the file unparsed (that
is what makes a 10,000-item report fast), so nothing but these tests checks that the text
is well formed. Each output is opened as the zip it is and every XML part parsed with lxml;
every style the body names must exist in styles.xml, so an escaped style id still matches.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.parts.document import DocumentPart
from docx_readback import headings, open_docx
from lxml import etree
from session_factory import nasty_texts, rich_session

from smartplan_tui.exports import ExportError, write_attendance, write_handbook, write_report
from smartplan_tui.exports.docx_document import TABLE_STYLE, TEXT_STYLE, WordDoc
from smartplan_tui.exports.text import xml_attr

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Everything an attribute value may hold that XML would otherwise read differently.
AWKWARD = 'Grid "Pro" & <Co>\tx\ny\rz'

Writer = Callable[[Path, Path | None], Path]
WRITERS: dict[str, Writer] = {
    "report": lambda out, template: write_report(rich_session(), out, template),
    "attendance": lambda out, template: write_attendance(rich_session(), out, template),
    "handbook": lambda out, template: write_handbook(
        [rich_session(), rich_session("second-camp")], out, template),
}


def parts_of(path: Path) -> dict[str, etree._Element]:
    """Every XML part of a .docx, parsed (lxml raises on anything not well formed)."""
    with zipfile.ZipFile(path) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.endswith((".xml", ".rels"))}


def assert_well_formed(path: Path) -> dict[str, etree._Element]:
    parts = parts_of(path)
    assert "word/document.xml" in parts and "word/styles.xml" in parts
    body = parts["word/document.xml"]
    style_ids = {s.get(f"{W}styleId") for s in parts["word/styles.xml"].iter(f"{W}style")}
    named = {e.get(f"{W}val") for tag in ("pStyle", "tblStyle", "rStyle")
             for e in body.iter(f"{W}{tag}")}
    assert named, "the body names no style at all"
    assert named <= style_ids, f"styles used but not defined: {named - style_ids}"
    return parts


def make_template(path: Path, rename: dict[str, str] | None = None,
                  text_style: bool = False) -> Path:
    """An organisation's template; `rename` gives styles (by name) another style id."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "ACME & Partners <Region>"
    document.add_paragraph("Sample text the organisation left in its template.")
    if text_style:
        document.styles.add_style(TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    for name, style_id in (rename or {}).items():
        document.styles[name].element.set(f"{W}styleId", style_id)
    document.save(str(path))
    return path


@pytest.mark.parametrize("with_template", [False, True], ids=["built-in", "template"])
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_every_word_output_is_well_formed(tmp_path: Path, kind: str, with_template: bool) -> None:
    template = make_template(tmp_path / "acme.docx") if with_template else None
    written = WRITERS[kind](tmp_path / f"{kind}.docx", template)
    parts = assert_well_formed(written)
    assert parts["word/document.xml"].find(f"{W}body/{W}tbl") is not None


def test_participant_text_of_every_kind_stays_well_formed(tmp_path: Path) -> None:
    import dataclasses

    session = rich_session()
    texts = list(nasty_texts().values())
    swot = tuple(dataclasses.replace(item, text=texts[i % len(texts)])
                 for i, item in enumerate(session.swot))
    info = dataclasses.replace(session.info, title='Camp "A" & <b>B</b>', place="Rīga & Co")
    nasty = dataclasses.replace(session, info=info, swot=swot)
    for kind, write in (("report", write_report), ("attendance", write_attendance)):
        assert_well_formed(write(nasty, tmp_path / f"{kind}.docx"))
    assert_well_formed(write_handbook([nasty], tmp_path / "handbook.docx"))


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_style_ids_holding_quotes_and_ampersands_are_escaped(tmp_path: Path, kind: str) -> None:
    """A template's style ids are its own: `"`, `&` and `<` in them must not break the file."""
    template = make_template(tmp_path / "odd.docx", text_style=True, rename={
        TABLE_STYLE: AWKWARD, "Title": 'T"itle&', "Heading 1": "H1 & <one>",
        "Heading 2": 'H"2"', TEXT_STYLE: "Cell & \"text\""})
    written = WRITERS[kind](tmp_path / f"{kind}.docx", template)
    body = assert_well_formed(written)["word/document.xml"]
    # (python-docx itself cannot look such an id up: its XPath breaks on the quote.)
    assert {e.get(f"{W}val") for e in body.iter(f"{W}tblStyle")} == {AWKWARD}
    paragraph_styles = {e.get(f"{W}val") for e in body.iter(f"{W}pStyle")}
    assert {'T"itle&', "H1 & <one>", 'Cell & "text"'} <= paragraph_styles


def test_a_template_naming_words_namespace_otherwise_still_gives_a_valid_file(
        tmp_path: Path) -> None:
    """OOXML lets a document call Word's namespace `x:` instead of `w:`; the body text says
    `w:`, so the file must declare it."""
    plain = make_template(tmp_path / "plain.docx")
    renamed = tmp_path / "prefixed.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(renamed, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = re.sub(rb"\bw:", b"x:", data)
                data = data.replace(b'xmlns:w="', b'xmlns:x="')
                assert b"w:" not in data.replace(b"xmlns:", b"")
            target.writestr(info, data)
    for kind, write in WRITERS.items():
        written = write(tmp_path / f"{kind}.docx", renamed)
        assert_well_formed(written)
        assert headings(open_docx(written))[1][0] == "Heading 1"


def test_a_template_binding_w_to_another_namespace_is_refused_in_one_line(
        tmp_path: Path) -> None:
    plain = make_template(tmp_path / "plain.docx")
    odd = tmp_path / "odd.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(odd, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = re.sub(rb"\bw:", b"x:", data)
                data = data.replace(b'xmlns:w="', b'xmlns:x="', 1)
                data = data.replace(b"<x:document ", b'<x:document xmlns:w="urn:other" ', 1)
            target.writestr(info, data)
    with pytest.raises(ExportError, match=r"^template odd\.docx: .*prefix w:"):
        write_report(rich_session(), tmp_path / "r.docx", odd)
    assert not (tmp_path / "r.docx").exists()


def test_a_template_holding_the_splice_marker_text_is_harmless(tmp_path: Path) -> None:
    plain = make_template(tmp_path / "plain.docx")
    marked = tmp_path / "marked.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(marked, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<!--smartplan-body--><w:body>", 1)
            target.writestr(info, data)
    root = assert_well_formed(write_report(rich_session(), tmp_path / "r.docx", marked))[
        "word/document.xml"]
    assert [child.tag for child in root if isinstance(child.tag, str)] == [f"{W}body"]
    assert [text for style, text in headings(open_docx(tmp_path / "r.docx"))][:2] == [
        "Coastal innovation camp", "Summary"]


def test_saving_swaps_the_document_part_only_while_it_saves(tmp_path: Path) -> None:
    word = WordDoc()
    word.heading("Agenda")
    word.table((50, 50), ("a", "b"), [("1", "2")])
    first = word.save(tmp_path / "one.docx")
    assert type(word.doc.part) is DocumentPart
    second = word.save(tmp_path / "two.docx")
    assert parts_of(first)["word/document.xml"].xpath("string()") == (
        parts_of(second)["word/document.xml"].xpath("string()"))
    with pytest.raises(ExportError):
        word.save(tmp_path / "missing" / "three.docx")
    assert type(word.doc.part) is DocumentPart
    assert not hasattr(word.doc.part, "_xml_bytes")


def test_a_document_part_of_another_class_is_saved_the_parsed_way(tmp_path: Path) -> None:
    """The class swap is for python-docx's own `DocumentPart` only; any other part class
    (a python-docx that changed) still gets a correct file, its tree put back after."""
    word = WordDoc()
    word.heading("Agenda")
    word.table((50, 50), ("a", "b"), [("1", "2")])
    other = type("OtherDocumentPart", (DocumentPart,), {})
    word.doc.part.__class__ = other
    tree = word.doc.part.element
    saved = word.save(tmp_path / "other.docx")
    assert type(word.doc.part) is other and word.doc.part.element is tree
    assert [text for _, text in headings(open_docx(saved))] == ["Agenda"]
    assert assert_well_formed(saved)["word/document.xml"].find(f"{W}body/{W}tbl") is not None


@pytest.mark.parametrize("value", [AWKWARD, "plain", "", "&amp;", "'single'", "Rīga ↔ 東京"])
def test_xml_attr_reads_back_exactly(value: str) -> None:
    element = etree.fromstring(f'<a v="{xml_attr(value)}"/>')
    assert element.get("v") == value

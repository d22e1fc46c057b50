"""Long texts in an annex and charts a coordinator can hand in, read back from the .docx XML.

A 25,000-character SWOT item is shortened in the grid, the TOWS table and the vote results
with a reference, and the annex holds it whole; every chart has a caption with its figure
number, alt text and a drawing id no other drawing of the document has.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from session_factory import rich_session

from smartplan_tui.exports import pdf, write_handbook, write_report
from smartplan_tui.exports.annex import LONG_CELL, LONG_TEXT, Annex
from smartplan_tui.exports.chart import MAX_LINES, bar_chart, wrap
from smartplan_tui.exports.chart import _font as chart_font
from smartplan_tui.model import (
    Ballot,
    Quadrant,
    Session,
    SwotItem,
    TowsStrategy,
    TowsType,
    Vote,
    VoteMethod,
    VoteOption,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
#: A SWOT item as long as nine pages of a grid cell, words of every length.
HUGE = " ".join(f"harbour{i % 97} of Liepāja and Klaipėda needs dredging" for i in range(520))
LONG_OPTIONS = ("A cross-border green ferry corridor between Liepāja and Klaipėda with "
                "shore power in both ports",
                "A regional rail lobby for a faster link from Kurzeme to Riga and Vilnius",
                "A wind skills academy for welders and technicians of the offshore parks")
REFERENCE = re.compile(r"\(see Annex (A\.\d+)\)")


def long_session(session_id: str = "long-texts") -> Session:
    """`rich_session` with a 25,000-character strength, linked by a strategy and a vote
    option, and three votes whose options have long names."""
    base = rich_session(session_id)
    assert len(HUGE) >= 25_000
    huge = SwotItem("s9", Quadrant.STRENGTHS, HUGE, ("ports",), "p1")
    tows = (*base.tows, TowsStrategy("t3", TowsType.SO, "Dredge both ports", ("s9", "s5")))
    options = tuple(VoteOption(letter, text) for letter, text in zip("ABC", LONG_OPTIONS,
                                                                     strict=True))
    votes = tuple(
        Vote(f"v{n}", question, VoteMethod.DOT, (*options, VoteOption("D", HUGE, "s9")),
             ballots=(Ballot("p1", dots={"A": 2, "D": 1}), Ballot("p2", dots={"B": 3}),
                      Ballot("p3", dots={"C": 1, "A": 1})))
        for n, question in ((4, "Top priorities"), (5, "What first in 2027?"),
                            (6, "What can wait?")))
    return replace(base, swot=(*base.swot, huge), tows=tows, votes=votes)


def _xml(path: Path, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _annex(body: etree._Element) -> dict[str, tuple[str, str]]:
    """Reference → (where, full text) of each annex entry, from the paragraphs after the
    annex heading: a bold reference paragraph, then the text."""
    paragraphs = list(body.iter(f"{W}p"))
    # The last: a table of contents lists the annex's heading too.
    start = [i for i, p in enumerate(paragraphs) if _text(p).startswith("Annex A:")][-1]
    entries: dict[str, tuple[str, str]] = {}
    rest = paragraphs[start + 2:]
    for head, text in zip(rest[::2], rest[1::2], strict=False):
        reference, _, where = _text(head).partition(" · ")
        entries[reference] = (where, "\n".join(_lines(text)))
    return entries


def _lines(paragraph: etree._Element) -> list[str]:
    """A paragraph's text with its line breaks."""
    out = [""]
    for node in paragraph.iter(f"{W}t", f"{W}br"):
        if node.tag == f"{W}br":
            out.append("")
        else:
            out[-1] += node.text or ""
    return out


def test_long_texts_are_shortened_in_every_table_and_whole_in_the_annex(
        tmp_path: Path) -> None:
    body = _xml(write_report(long_session(), tmp_path / "long.docx")).find(f"{W}body")
    for tc in body.iter(f"{W}tc"):  # each text (a run's line) is short, and each cell
        assert all(len(t.text or "") <= LONG_TEXT for t in tc.iter(f"{W}t"))
        assert len(_text(tc)) <= LONG_CELL or _text(tc).startswith(("Strengths", "Opport"))
    annex = _annex(body)
    cells = [_text(tc) for tc in body.iter(f"{W}tc")]
    grid = next(text for text in cells if text.startswith("Strengths ("))
    huge_refs = set(REFERENCE.findall(grid))
    assert len(huge_refs) == 1
    (reference,) = huge_refs
    assert annex[reference] == ("SWOT · Strengths · S3", HUGE)
    # The strategy and the three votes quote the same text: they point at the same entry.
    quoting = [text for text in cells if f"(see Annex {reference})" in text]
    assert len(quoting) == 1 + 1 + 3, len(quoting)
    assert sum(1 for _where, text in annex.values() if text == HUGE) == 1
    # A note is a paragraph, not a cell: it stays whole where it is.
    assert not [text for _where, text in annex.values() if text.startswith("Long harbour")]
    notes = [_text(p) for p in body.iter(f"{W}p") if "Long harbour note." in _text(p)]
    assert len(notes) == 1 and "Annex" not in notes[0]


def test_short_texts_are_left_alone_and_a_list_cell_keeps_its_short_lines() -> None:
    annex = Annex()
    assert annex.short("Ferry", "TOWS") == "Ferry" and annex.entries == []
    listed = annex.short(f"S1 {HUGE}\nO2 EU funds for green shipping", "TOWS · Combines")
    first, second = listed.split("\n")
    assert first.endswith("… (see Annex A.1)") and len(first) <= LONG_TEXT
    assert first.startswith("S1 harbour0 of Liepāja")
    assert second == "O2 EU funds for green shipping"
    paragraphs = annex.short("\n".join(["Short paragraph of a long text."] * 200), "Notes")
    assert "\n" not in paragraphs and paragraphs.endswith("(see Annex A.2)")
    many = annex.short("\n".join([f"W{n} {HUGE}" for n in range(1, 5)]), "TOWS · Combines")
    assert "\n" not in many and many.endswith("(see Annex A.3)")  # one entry for the cell
    assert [entry.reference for entry in annex.entries] == ["A.1", "A.2", "A.3"]


def test_every_chart_has_a_caption_alt_text_and_an_id_of_its_own(tmp_path: Path) -> None:
    session = long_session()
    path = write_report(session, tmp_path / "charts.docx")
    body = _xml(path).find(f"{W}body")
    drawings = list(body.iter(f"{WP}docPr"))
    assert len(drawings) == 3
    ids = [d.get("id") for d in drawings]
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
                ids += [d.get("id") for d in _xml(path, name).iter(f"{WP}docPr")]
    assert len(ids) == len(set(ids))
    captions = [_text(p) for p in body.iter(f"{W}p")
                if p.find(f"{W}fldSimple") is not None and "SEQ Figure" in
                p.find(f"{W}fldSimple").get(f"{W}instr")]
    assert captions == ["Figure 1: Top priorities — Dot voting",
                        "Figure 2: What first in 2027? — Dot voting",
                        "Figure 3: What can wait? — Dot voting"]
    for drawing, caption in zip(drawings, captions, strict=True):
        assert drawing.get("title") == caption
        descr = drawing.get("descr")
        assert descr.startswith("Bar chart of the results (Dot voting), best first: ")
        assert f"B {LONG_OPTIONS[1]}: 3" in descr
    # Inline, under its caption, both kept with the results table right after them.
    for drawing, caption in zip(drawings, captions, strict=True):
        assert drawing.getparent().tag == f"{WP}inline"
        paragraph = next(drawing.iterancestors(f"{W}p"))
        above, table = paragraph.getprevious(), paragraph.getnext()
        assert _text(above) == caption
        for kept in (above, paragraph):
            assert kept.find(f"{W}pPr/{W}keepNext") is not None
        assert table.tag == f"{W}tbl" and _text(table).startswith("RankOptionTextDots")
        for row in table.findall(f"{W}tr"):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None


def test_a_handbook_of_many_sessions_annexes_its_long_texts(tmp_path: Path) -> None:
    sessions = [long_session(f"camp-{n}") for n in range(3)]
    path = write_handbook(sessions, tmp_path / "handbook.docx")
    body = _xml(path).find(f"{W}body")
    ids = [d.get("id") for d in body.iter(f"{WP}docPr")]
    assert len(ids) == len(set(ids))
    annex = _annex(body)
    assert [text for _where, text in annex.values()].count(HUGE) == 1
    assert all(len(_text(tc)) <= LONG_CELL for tc in body.iter(f"{W}tc"))


def test_chart_labels_are_whole_and_wrapped() -> None:
    font = chart_font(26)
    lines = wrap(LONG_OPTIONS[0], font, 560)
    assert " ".join(lines) == LONG_OPTIONS[0] and len(lines) > 1
    assert all(font.getlength(line) <= 560 for line in lines)
    cut = wrap(HUGE, font, 560)
    assert len(cut) == MAX_LINES and cut[-1].endswith("…")
    assert HUGE.startswith(" ".join(cut)[:-1].rstrip())
    short = Image.open(io.BytesIO(bar_chart(["A Ferry", "B Rail"], [3, 2])))
    wrapped = Image.open(io.BytesIO(bar_chart([f"A {LONG_OPTIONS[0]}", "B Rail"], [3, 2])))
    assert wrapped.height > short.height  # the long label's lines take room of their own


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice (soffice) and poppler (pdftotext)")
def test_libreoffice_prints_each_chart_on_the_page_of_its_table(tmp_path: Path) -> None:
    docx = write_report(long_session(), tmp_path / "long.docx")
    printed = subprocess.run(["pdftotext", "-layout", str(pdf.convert_to_pdf(docx, tmp_path)),
                              "-"], capture_output=True, text=True, check=True).stdout
    pages = printed.split("\f")
    for number in (1, 2, 3):
        (page,) = [p for p in pages if f"Figure {number}:" in p]
        after = page.split(f"Figure {number}:", 1)[1]
        assert re.search(r"Rank\s+Option\s+Text\s+Dots", after), f"figure {number}"
    annex = printed[printed.rindex("Annex A: Long texts in full"):]
    assert " ".join(HUGE.split()[:40]) in " ".join(annex.split())

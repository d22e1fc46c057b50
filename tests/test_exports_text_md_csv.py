"""Text sanitising for Word, the Markdown report (rendered back) and the CSV zip (parsed back)."""

from __future__ import annotations

import csv
import html
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from markdown_it import MarkdownIt
from session_factory import LONG_TEXT, MARKUP_TEXT, nasty_texts, rich_session

from smartplan_tui.exports import write_csv_zip, write_markdown
from smartplan_tui.exports.docx_xml import W_NS, para, run
from smartplan_tui.exports.markdown import md_heading, md_text
from smartplan_tui.exports.text import clean, one_line

# ---------------------------------------------------------------- sanitising for Word


def test_clean_turns_word_breaks_into_line_breaks_and_drops_forbidden() -> None:
    assert clean("a\x0bb\x0cc\r\nd\re") == "a\nb\nc\nd\ne"
    assert clean("bell\x07 null\x00 \ufffe\uffff") == "bell null "
    assert clean("half \ud800 pair") == "half  pair"
    assert clean(MARKUP_TEXT) == MARKUP_TEXT
    assert clean(LONG_TEXT) is LONG_TEXT
    assert clean("tab\tand emoji 🌊 and ā") == "tab\tand emoji 🌊 and ā"


def test_one_line_flattens_and_cuts() -> None:
    assert one_line("a\nb\x0bc   d") == "a b c d"
    assert one_line("x" * 50, 10) == "x" * 9 + "…"


@given(st.text())
def test_any_text_becomes_valid_word_xml_and_keeps_its_allowed_characters(text: str) -> None:
    xml = f'<w:body xmlns:w="{W_NS}">{para([run(text)])}</w:body>'
    parsed = etree.fromstring(xml.encode("utf-8", errors="strict"))
    pieces = []
    for node in parsed.iter():
        if node.tag == f"{{{W_NS}}}t":
            pieces.append(node.text or "")
        elif node.tag == f"{{{W_NS}}}br":
            pieces.append("\n")
        elif node.tag == f"{{{W_NS}}}tab":
            pieces.append("\t")
    assert "".join(pieces) == clean(text)
    assert clean(clean(text)) == clean(text)


# ---------------------------------------------------------------- Markdown


def rendered_text(markdown: str) -> str:
    """What a reader sees: the HTML a CommonMark renderer makes, tags stripped, unescaped."""
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered.replace("<br>", "\n")
                                .replace("<br />", "\n")))


def test_md_text_renders_literally() -> None:
    for text in (MARKUP_TEXT, "# not a heading", "- not a list", "1. not numbered",
                 "<script>alert(1)</script>", "a\\b `code` ~~strike~~ [link](x) ![img](y)"):
        assert rendered_text(md_text(text, block_start=True)).strip() == text
    assert md_text("+5 #tag") == "+5 #tag"  # inside a line nothing starts a block
    for title in ("Why not #", "# 1. [x] #", "C# & F#"):
        rendered = MarkdownIt("commonmark").render(f"### {md_heading(title)}")
        assert rendered.startswith("<h3>") and html.unescape(rendered[4:-6]) == title


@given(st.text(alphabet="ab1. #*_-+=>!<&|~`[]()\\:;'\"{}ā", min_size=1).map(str.strip)
       .filter(bool))
def test_any_markdown_looking_text_renders_literally(text: str) -> None:
    assert rendered_text(md_text(text, block_start=True)).strip() == text
    assert rendered_text(f"| x |\n|---|\n| {md_text(text)} |") .strip().endswith(text)


def test_markdown_report_sections_and_literal_text(tmp_path: Path) -> None:
    path = write_markdown(rich_session(), tmp_path / "coast.md")
    markdown = path.read_text(encoding="utf-8")
    sections = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert sections == ["Summary", "Agenda", "Participants", "SWOT", "TOWS", "Voting results",
                        "Action plan", "Notes and decisions", "Next steps"]
    assert markdown.startswith("# Coastal innovation camp\n")
    assert "### Which strategy should we fund first?" in markdown
    assert "| 1 | A | Green ferry corridor | 4 |" in markdown
    seen = rendered_text(markdown)
    assert MARKUP_TEXT in seen
    assert "line one\nline two" in seen
    assert LONG_TEXT in seen
    html_out = MarkdownIt("commonmark").enable("table").render(markdown)
    # agenda, participants, tows, 3 results, matrix, actions, budget by priority
    assert html_out.count("<table>") == 9


# ---------------------------------------------------------------- CSV zip


def read_zip(path: Path) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(path) as archive:
        return {name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"),
                                                  newline="")))
                for name in archive.namelist()}


def test_csv_zip_has_one_csv_per_table(tmp_path: Path) -> None:
    tables = read_zip(write_csv_zip(rich_session(), tmp_path / "coast.zip"))
    assert list(tables) == ["session.csv", "agenda.csv", "participants.csv", "swot.csv",
                            "tows.csv", "vote_results.csv", "actions.csv", "notes.csv"]
    assert tables["swot.csv"][0] == ["id", "Code", "Quadrant", "Item", "Tags", "Author"]
    assert tables["swot.csv"][1] == ["s1", "S1", "Strengths", "Ice-free ports in Liepāja and Klaipėda",
                                     "transport, ports", "Anna Ozola"]
    assert tables["agenda.csv"][1] == ["ag1", "Welcome and goals", "", "2026-12-01T09:00:00+02:00",
                                       "2026-12-01T09:20:00+02:00", "15", "20"]
    actions = {row[0]: row for row in tables["actions.csv"][1:]}
    assert actions["a1"][8] == "12000" and actions["a3"][8] == "2500.5"
    assert actions["a2"][-1].startswith("S: ")
    results = tables["vote_results.csv"]
    assert results[1][:9] == ["v1", "Which strategy should we fund first?", "dot", "4", "0", "1", "A",
                              "Green ferry corridor", "4"]


def test_csv_keeps_text_exactly_as_entered(tmp_path: Path) -> None:
    import dataclasses

    from smartplan_tui.model import Note

    session = rich_session()
    at = session.notes[0].at
    notes = tuple(Note(f"x{i}", at, text) for i, text in enumerate(nasty_texts().values()))
    session = dataclasses.replace(session, notes=notes)
    tables = read_zip(write_csv_zip(session, tmp_path / "nasty.zip"))
    assert [row[-1] for row in tables["notes.csv"][1:]] == list(nasty_texts().values())


def test_importing_exports_loads_neither_docx_nor_pillow() -> None:
    code = ("import sys, smartplan_tui.exports; "
            "print(sorted(m for m in ('docx', 'PIL', 'lxml', 'textual') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

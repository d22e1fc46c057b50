"""Reading a written .docx back with python-docx, the way the export tests look at it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

HEADING_STYLES = ("Title", "Heading 1", "Heading 2")


def open_docx(path: Path) -> Any:
    return docx.Document(str(path))


def headings(document: Any, levels: tuple[str, ...] = HEADING_STYLES) -> list[tuple[str, str]]:
    """(style name, text) of every heading, in document order."""
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name in levels]


def table_rows(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def find_table(document: Any, first_header: str) -> Any:
    """The first table whose top-left cell reads `first_header`."""
    for table in document.tables:
        if table.rows and table.rows[0].cells[0].text == first_header:
            return table
    raise AssertionError(f"no table starting with {first_header!r}")


def body_text(document: Any) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def section_of(document: Any, element: Any) -> int:
    """Index of the section a body element belongs to (a section ends at a sectPr paragraph)."""
    index = 0
    for child in document.element.body.iterchildren():
        if child is element:
            return index
        if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            index += 1
    raise AssertionError("element not in the body")


def paragraph_after(document: Any, text: str) -> list[str]:
    """Texts of the body paragraphs that follow the heading `text` up to the next heading."""
    out: list[str] = []
    seen = False
    for p in document.paragraphs:
        if p.style.name in HEADING_STYLES:
            if seen:
                break
            seen = p.text == text
            continue
        if seen and p.text:
            out.append(p.text)
    return out

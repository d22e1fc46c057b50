"""Long texts taken out of a report's tables into an annex at its end.

A 25,000-character SWOT item in a table cell fills pages of one cell, and Word and LibreOffice
cannot break a table row well across pages. So a cell's text longer than `LONG_TEXT` is cut at
a word, ends with "… (see Annex A.3)", and the annex holds it whole under that reference, with
where it came from (its section, quadrant or column). The same text met again (a SWOT item
quoted by a TOWS strategy or a vote option) points at the entry it already has.

Pure text: the Word writer asks `Annex.short` for what a cell shows and lays the entries out.
"""

from __future__ import annotations

from smartplan_tui.exports.content import shorten
from smartplan_tui.i18n import _
from smartplan_tui.records import record

__all__ = ["LONG_CELL", "LONG_TEXT", "Annex", "AnnexEntry", "place"]

#: A line of a cell longer than this (in characters) is shortened, its whole text annexed.
LONG_TEXT = 400
#: A cell of several lines longer than this as a whole is shortened as one text.
LONG_CELL = 3 * LONG_TEXT
#: How long the label of where an entry came from may be (a vote's question can be long).
_WHERE_LIMIT = 120
#: How long a code before an item's text may be (`S12`, `A`, `AB`): `S12 text` quotes `text`.
_CODE_LIMIT = 6


@record
class AnnexEntry:
    """One long text in full: its reference (`A.3`), where it came from, the text."""

    reference: str
    where: str
    text: str


class Annex:
    """The long texts of one document, numbered in the order the tables first show them."""

    def __init__(self, letter: str = "A", limit: int = LONG_TEXT) -> None:
        self.letter = letter
        self.limit = limit
        self.entries: list[AnnexEntry] = []
        self._by_text: dict[str, str] = {}

    def short(self, text: str, where: str) -> str:
        """What a cell shows of `text`: itself when short enough, else its start and a
        reference to the annex entry that holds it whole.

        Each line is one item in a cell that lists several (a TOWS strategy's linked SWOT
        items), so a long line is shortened on its own and the others stay; a cell that
        is long only as a whole (a text of many short paragraphs) is shortened as one.
        """
        if len(text) <= self.limit:
            return text
        if "\n" not in text:
            return self._shortened(text, where)
        lines = text.split("\n")
        if sum(min(len(line), self.limit) + 1 for line in lines) > LONG_CELL:
            return self._shortened(text, where)
        return "\n".join(line if len(line) <= self.limit else self._shortened(line, where)
                         for line in lines)

    def _shortened(self, text: str, where: str) -> str:
        reference = self._reference(text, where)
        shown = _("{text} (see Annex {reference})")
        room = self.limit - len(shown.format(text="", reference=reference))
        return shown.format(text=shorten(" ".join(text.split()), max(room, 40)),
                            reference=reference)

    def _reference(self, text: str, where: str) -> str:
        """The entry holding `text`, added when there is none: a line `S3 text` that quotes
        a text already annexed refers to that text's entry."""
        found = self._by_text.get(text)
        if found is None:
            code, _space, quoted = text.partition(" ")
            if len(code) <= _CODE_LIMIT:
                found = self._by_text.get(quoted)
        if found is not None:
            return found
        reference = f"{self.letter}.{len(self.entries) + 1}"
        self.entries.append(AnnexEntry(reference, shorten(where, _WHERE_LIMIT), text))
        self._by_text[text] = reference
        return reference


def place(*parts: str) -> str:
    """`SWOT · Strengths · S3`: where a text sits, from the headings and column above it."""
    return " · ".join(" ".join(part.split()) for part in parts if part)

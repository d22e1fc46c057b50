"""Column widths for Word tables, from the text width of the page and from what the cells say.

Word and LibreOffice lay out a fixed table in the widths given, and break a word that does not
fit its column in the middle ("Developme nt"). So each column gets at least the width of its
longest word (a header's words in bold), what is left of the text width goes to the columns
whose lines are longer than that, and only when even the longest words cannot all fit are
they squeezed. Widths are measured with a per-character table of a wide serif at the table's
font size: generous for Word's Cambria and Calibri, right for LibreOffice's DejaVu stand-in,
and the same on every machine (no font file is read).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from smartplan_tui.exports.docx_xml import Raw

__all__ = ["CELL_PADDING", "fit_widths", "text_twips", "unbreakable", "words_fit"]

#: Left and right cell margins of the Table Grid style (0.19 cm each), and a little slack.
CELL_PADDING = 2 * 108 + 60
#: No single word may claim more than this share of the text width (a pasted URL).
_WORD_SHARE_CAP = 0.45
_BOLD = 1.13

# Advance widths in thousandths of an em, roughly DejaVu Serif's (wider than Cambria's).
_NARROW = dict.fromkeys("il.,;:'!|()[]{}ıļįł`", 330)
_SLIM = dict.fromkeys("fjrtI\"-/ ", 420)
_WIDE = dict.fromkeys("mwMWŠŽ@%—…", 930)
_CAPS = dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZĀČĒĢĪĶĻŅŌŖŪĄĘĖĮŲ&", 740)
_DIGITS = dict.fromkeys("0123456789€+−=<>#\u00a0→", 640)
_ADVANCE = {**_NARROW, **_SLIM, **_WIDE, **_CAPS, **_DIGITS}
_DEFAULT = 600


@lru_cache(maxsize=65536)
def text_twips(text: str, half_points: int, bold: bool = False) -> int:
    """Width of `text` on one line at `half_points` (18 = 9 pt), in twips."""
    get = _ADVANCE.get
    milli_em = sum([get(c, _DEFAULT) for c in text])
    twips = milli_em * half_points * 10 // 1000  # one em is the font size: half_points × 10
    return int(twips * _BOLD) if bold else twips


def unbreakable(text: str) -> str:
    """A cell's text with the spaces Word must not break at made no-break: before a
    currency sign, so `85,000 €` never leaves the € alone on a line."""
    return text.replace(" €", "\u00a0€") if " €" in text else text


@lru_cache(maxsize=65536)
def _measure(text: str, half_points: int, bold: bool) -> tuple[int, int]:
    """(longest word, longest line) of a cell's text, in twips; words end at spaces only
    (not at the no-break spaces of `unbreakable`)."""
    word = line = 0
    space = text_twips(" ", half_points, bold)
    for one_line in unbreakable(text).split("\n"):
        widths = [text_twips(piece, half_points, bold) for piece in one_line.split(" ")]
        word = max(word, *widths)
        line = max(line, sum(widths) + space * (len(widths) - 1))
    return word, line


def fit_widths(text_width: int, shares: Sequence[float], headers: Sequence[str] | None,
               rows: Iterable[Sequence[str]], half_points: int = 18) -> list[int]:
    """Widths in twips, summing to `text_width`, for a table of `len(shares)` columns.

    `shares` are the layout's preferences: how spare width is shared once every column holds
    its longest word, and the widths of columns whose cells are pictures or paragraph XML.
    """
    count = len(shares)
    total_share = sum(shares) or 1
    words, lines, measured = _columns(count, int(text_width * _WORD_SHARE_CAP), headers, rows,
                                      half_points)
    preferred = [int(text_width * share / total_share) for share in shares]
    least = [words[i] if measured[i] else min(preferred[i], CELL_PADDING * 2)
             for i in range(count)]
    if sum(least) >= text_width:
        # Even the longest words do not all fit: the longest are cut down to one width, so
        # only words longer than it break, and shorter words keep whole.
        widths = _capped(least, text_width)
    else:
        want = [max(lines[i], least[i]) if measured[i] else preferred[i] for i in range(count)]
        spare = text_width - sum(least)
        if sum(want) <= text_width:
            # Everything fits on one line: what is left goes by the layout's shares.
            extra = text_width - sum(want)
            widths = [want[i] + int(extra * shares[i] / total_share) for i in range(count)]
        else:
            # Long lines must wrap: each column grows by its share of what it would like more.
            more = [want[i] - least[i] for i in range(count)]
            widths = [least[i] + int(spare * more[i] / sum(more)) for i in range(count)]
    widths[-1] += text_width - sum(widths)
    return widths


def words_fit(text_width: int, headers: Sequence[str] | None, rows: Iterable[Sequence[str]],
              half_points: int = 18) -> bool:
    """Whether every column of the table can hold its longest word within `text_width`:
    when not, `fit_widths` has to break words (a list of many columns wants landscape)."""
    count = len(headers) if headers is not None else 0
    words, _, _ = _columns(count, int(text_width * _WORD_SHARE_CAP), headers, rows, half_points)
    return sum(words) <= text_width


def _columns(count: int, cap: int, headers: Sequence[str] | None,
             rows: Iterable[Sequence[str]], half_points: int
             ) -> tuple[list[int], list[int], list[bool]]:
    """Each column's longest word (at most `cap`) and longest line with the cell's padding,
    in twips, and whether it holds any text to measure (a header's words in bold)."""
    words = [0] * count
    lines = [0] * count
    measured = [False] * count
    for values, bold in ([(headers, True)] if headers is not None else []) + [
            (row, False) for row in rows]:
        if len(values) != count:  # a banner spans the table: its text wraps as it may
            continue
        for index, value in enumerate(values):
            if not value or value.__class__ is Raw:
                continue
            word, line = _measure(value, half_points, bold)
            measured[index] = True
            words[index] = max(words[index], min(word + CELL_PADDING, cap))
            lines[index] = max(lines[index], line + CELL_PADDING)
    return words, lines, measured


def _capped(least: Sequence[int], text_width: int) -> list[int]:
    """`least` with every width above some cap lowered to it, the cap chosen so the
    widths fill `text_width` (water-filling from the top)."""
    ordered = sorted(least)
    below = 0
    for index, width in enumerate(ordered):
        above = len(ordered) - index
        cap = (text_width - below) / above
        if cap <= width:
            return [min(w, int(cap)) for w in least]
        below += width
    return list(least)

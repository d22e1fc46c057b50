"""Aligned text columns for one-line list rows (`ItemList`): the home list, the agenda.

A `DataTable` measures and renders every cell as its own renderable, which made it the
slowest part of opening a session; rows of plain aligned text cost next to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from smartplan_tui.text import fit

GAP = "  "


def cell(text: str, width: int, *, right: bool = False) -> str:
    """`text` shown literally in exactly `width` cells: cut with … or padded."""
    return fit(text, width, right=right)


def line(cells: Sequence[tuple[str, int]], right: Sequence[int] = ()) -> str:
    """One row: each (text, width) as a cell, the indexes in `right` right-aligned."""
    return GAP.join(cell(text, width, right=i in right) for i, (text, width) in enumerate(cells))


def flexible_width(texts: Sequence[str], available: int, *, least: int = 10,
                   most: int = 48) -> int:
    """The width for the one column that takes what the others leave (titles)."""
    longest = max([least, *(len(t) for t in texts)])
    return max(least, min(most, longest, available))

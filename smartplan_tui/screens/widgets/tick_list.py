"""A selection list whose ticks read without colour: `▐✓▌` ticked, `▐ ▌` not.

Textual's SelectionList draws the same `X` in both states and tells them apart by colour
alone, which a projector in a bright room or a monochrome terminal loses.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

#: What the box holds when ticked, and when not.
TICKED, UNTICKED = "✓", " "


class TickList(SelectionList[str]):
    """A `SelectionList` of string values; disabled options are drawn as plain headings."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        _, scroll_y = self.scroll_offset
        try:
            option = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 4 or segments[1].text != Checkbox.BUTTON_INNER:
            return strip
        if not isinstance(option, Selection):
            return strip
        if option.disabled:  # a heading: no box at all
            blank = Segment(" " * 4, segments[3].style)
            return Strip([blank, *segments[4:]])
        mark = TICKED if option.value in self.selected else UNTICKED
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments)

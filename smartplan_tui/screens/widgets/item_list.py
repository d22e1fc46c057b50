"""A keyboard list of one-line rows that renders only the rows in view.

Why not `OptionList`: it measures the wrapped height of every option whenever its options
or width change (about 0.3 ms each), so a 2,000-item SWOT board took over a second to
open and a resize stalled. Here every row is exactly one line (cut with an ellipsis; the
full text is shown elsewhere), so setting 2,000 rows costs a list assignment, and a key
press repaints two lines. A long list is given as its row ids and a function that builds
one row's text (`set_lazy`): only the rows drawn are ever built, so opening a 2,000-item
board formats the thirty rows in view, not 2,000. Rows are `rich.text.Text`: literal,
never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from smartplan_tui.i18n import _
from smartplan_tui.records import record


def _no_text(index: int) -> Text:
    raise IndexError(index)


def _index_of(ids: Sequence[str], wanted: str | None) -> int | None:
    if wanted is None:
        return None
    try:
        return ids.index(wanted)
    except ValueError:
        return None


@record
class Row:
    """One row: the id it stands for and what is shown."""

    id: str
    text: Text


class ItemList(ScrollView, can_focus=True):
    """Rows with a cursor; posts `Highlighted` when the cursor moves, `Selected` on Enter."""

    DEFAULT_CSS = """
    ItemList {
        height: 1fr;
        background: $surface;
        overflow-x: hidden;
    }
    ItemList > .item-list--cursor {
        background: $boost;
        text-style: bold;
    }
    ItemList:focus > .item-list--cursor {
        background: $accent 50%;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-list--cursor"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", _("Up"), show=False),
        Binding("down", "move(1)", _("Down"), show=False),
        Binding("pageup", "page(-1)", _("Page up"), show=False),
        Binding("pagedown", "page(1)", _("Page down"), show=False),
        Binding("home", "jump(0)", _("First"), show=False),
        Binding("end", "jump(-1)", _("Last"), show=False),
        Binding("enter", "select", _("Select"), show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)
    """Index of the highlighted row (0 when the list is empty)."""

    @dataclass
    class Highlighted(Message):
        item_list: ItemList
        row_id: str | None

        @property
        def control(self) -> ItemList:
            return self.item_list

    @dataclass
    class Selected(Message):
        item_list: ItemList
        row_id: str

        @property
        def control(self) -> ItemList:
            return self.item_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._ids: Sequence[str] = ()
        self._text_of: Callable[[int], Text] = _no_text
        self._texts: dict[int, Text] = {}
        """Row texts built so far (by index): the cursor row is redrawn on every key."""
        self._strips: dict[tuple[int, int, bool], Strip] = {}

    # ------------------------------------------------------------------ data

    @property
    def row_count(self) -> int:
        return len(self._ids)

    def set_rows(self, rows: Sequence[Row], keep: str | None = None) -> None:
        """Show `rows`; the cursor stays on the row `keep` (an id) if it is still there."""
        self.set_lazy([row.id for row in rows], lambda index: rows[index].text, keep)

    def set_lazy(self, ids: Sequence[str], text_of: Callable[[int], Text],
                 keep: str | None = None) -> None:
        """Show one row per id; `text_of(index)` builds a row's text when it is first drawn.

        The cursor stays on the row `keep` (an id) if it is still there.
        """
        previous = self.cursor
        self._ids, self._text_of = ids, text_of
        self._texts.clear()
        self._strips.clear()
        self.virtual_size = Size(0, len(ids))
        index = _index_of(ids, keep)
        self.cursor = index if index is not None else min(previous, max(0, len(ids) - 1))
        self.refresh()

    def highlighted_id(self) -> str | None:
        return self._ids[self.cursor] if self._ids else None

    def text_at(self, index: int) -> str:
        """The plain text of a row (for tests and screen readers)."""
        return self._text(index).plain

    def _text(self, index: int) -> Text:
        text = self._texts.get(index)
        if text is None:
            text = self._texts[index] = self._text_of(index)
        return text

    # ------------------------------------------------------------------ cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._ids) - 1)) if self._ids else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self.post_message(self.Highlighted(self, self.highlighted_id()))

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.scrollable_content_region.height - 1)

    def action_jump(self, index: int) -> None:
        self.cursor = index if index >= 0 else len(self._ids) - 1

    def action_select(self) -> None:
        row_id = self.highlighted_id()
        if row_id is not None:
            self.post_message(self.Selected(self, row_id))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self._ids):
            if index == self.cursor and event.chain > 1:
                self.action_select()
            self.cursor = index

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(0, len(self._ids))

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._ids) or width <= 0:
            return Strip.blank(max(width, 0), base)
        is_cursor = index == self.cursor
        key = (index, width, is_cursor and self.has_focus)
        strip = self._strips.get(key) if not is_cursor else None
        if strip is None:
            strip = self._draw(self._text(index), width, base, is_cursor)
            if not is_cursor:
                self._strips[key] = strip
        return strip.apply_offsets(0, index)

    def _draw(self, text: Text, width: int, base: Style, is_cursor: bool) -> Strip:
        line = text.copy()
        line.no_wrap = True
        line.truncate(width - 1, overflow="ellipsis")
        line.pad_left(1)
        line.truncate(width, pad=True)
        if is_cursor:
            line.stylize(self.get_component_rich_style("item-list--cursor"))
        segments = [Segment(s.text, base + s.style if s.style else base, s.control)
                    for s in line.render(self.app.console) if s.text != "\n"]
        return Strip(segments, width)

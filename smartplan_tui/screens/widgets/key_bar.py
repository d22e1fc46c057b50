"""The footer: every key of the screen, wrapped onto as many lines as it takes.

Why not Textual's `Footer`: it mounts a widget per key and rebuilds them all whenever the
bindings change (focus moves, a screen opens), which cost a session screen with 20 keys a
quarter of a second at start-up; and it shows one line, so at 100 columns half the keys
were cut off. This is one widget drawing one `Text`, wrapped by key, so every action's key
is on screen. Clicking a key runs its action, as with `Footer`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from smartplan_tui.i18n import _
from smartplan_tui.records import record
from smartplan_tui.screens.widgets.commands import commands

#: Between two keys on a line.
SPACING = "  "


@record
class _Spot:
    """Where one key's label sits, to run its action on a click."""

    line: int
    start: int
    end: int
    target: DOMNode
    action: str


class KeyBar(Widget):
    """Docked at the bottom; `key Description` for each shown binding, then the palette."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 6;
        padding: 0 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key"}

    def __init__(self) -> None:
        super().__init__()
        self._items: list[tuple[str, str, DOMNode, str]] = []
        self._spots: list[_Spot] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        items = [("/".join(c.keys[:2]), c.description, c.target, c.action)
                 for c in commands(screen, self.app) if c.binding.show]
        palette = screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            items.append((self.app.get_key_display(palette.binding), _("palette"), palette.node,
                          palette.binding.action))
        if items != self._items:
            self._items = items
            self.refresh(layout=True)

    def _lines(self, width: int) -> list[list[tuple[str, str, DOMNode, str]]]:
        lines: list[list[tuple[str, str, DOMNode, str]]] = [[]]
        used = 0
        for item in self._items:
            size = len(item[0]) + 1 + len(item[1]) + len(SPACING)
            if lines[-1] and used + size > width:
                lines.append([])
                used = 0
            lines[-1].append(item)
            used += size
        return lines

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return max(len(self._lines(max(width, 1))), self._covered_height())

    def _covered_height(self) -> int:
        """On a dialog, the height of the key bar of the screen under it: the dialog's bar
        covers it whole, or that screen's keys would show above the dialog's as if they
        were its own (a longer language's bar takes more lines than the dialog's)."""
        screen = self.screen
        stack = self.app.screen_stack
        if not isinstance(screen, ModalScreen) or screen not in stack:
            return 0
        below = stack.index(screen) - 1
        if below < 0:
            return 0
        return max((bar.outer_size.height for bar in stack[below].query(KeyBar)), default=0)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spots = []
        lines = self._lines(max(self.content_size.width, 1))
        # Keys sit on the bottom lines, where a footer's keys are; extra lines are above.
        top = max(0, self.content_size.height - len(lines))
        text.append("\n" * top)
        for y, line in enumerate(lines, start=top):
            if y > top:
                text.append("\n")
            x = 0
            for key, description, target, action in line:
                self._spots.append(_Spot(y, x, x + len(key) + 1 + len(description),
                                         target, action))
                text.append(key, key_style)
                text.append(f" {description}{SPACING}")
                x += len(key) + 1 + len(description) + len(SPACING)
        return text

    async def on_click(self, event: events.Click) -> None:
        x, y = event.x - self.styles.padding.left, event.y
        for spot in self._spots:
            if spot.line == y and spot.start <= x < spot.end:
                await self.app.run_action(spot.action, spot.target)
                return

"""A ranking drawn as horizontal bars: rank (ties marked `=`), option, text, bar, score.

It redraws from whatever rows it is given, so the votes screen feeds it a fresh count on
every change and the chart grows live while ballots come in. Option text is participant
text: it goes into a Rich `Text` literally and never meets markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from smartplan_tui.i18n import _
from smartplan_tui.numbers import format_column
from smartplan_tui.records import record
from smartplan_tui.text import eighths_bar, fit

__all__ = ["Bar", "BarChart"]



@record
class Bar:
    """One row of the chart, already counted."""

    rank: int
    option: str
    label: str
    score: float
    tied: bool = False


class BarChart(Widget):
    """Rows best first; the longest bar fills the room left after the text."""

    DEFAULT_CSS = """
    BarChart { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    BarChart .bar-chart--bar { color: $accent; }
    BarChart .bar-chart--tie { color: $warning; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar-chart--bar", "bar-chart--tie"}

    bars: reactive[tuple[Bar, ...]] = reactive((), layout=True)
    """What the chart shows; assigning a new tuple redraws it."""

    def __init__(self, bars: Sequence[Bar] = (), *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(BarChart.bars, tuple(bars))

    def render(self) -> Text:
        if not self.bars:
            return Text(_("No ballots yet."), style="italic")
        width = self.size.width or 80
        scores = format_column([b.score for b in self.bars])
        id_width = max(len(b.option) for b in self.bars)
        score_width = max(len(s) for s in scores)
        fixed = 5 + id_width + 1 + 1 + score_width + 1
        label_width = min(32, max(6, (width - fixed) // 2))
        bar_width = max(1, width - fixed - label_width)
        top = max(b.score for b in self.bars)
        bar_style = self.get_component_rich_style("bar-chart--bar")
        tie_style = self.get_component_rich_style("bar-chart--tie")
        text = Text(no_wrap=True, overflow="ellipsis")
        for i, (bar, score) in enumerate(zip(self.bars, scores, strict=True)):
            if i:
                text.append("\n")
            rank = f"{bar.rank}{'=' if bar.tied else ' '}"
            text.append(f"{rank:>4} ", style=tie_style if bar.tied else "")
            text.append(f"{bar.option:<{id_width}} ", style="bold")
            text.append(fit(bar.label, label_width) + " ")
            text.append(f"{score:>{score_width}} ")
            text.append(eighths_bar(bar.score, top, bar_width), style=bar_style)
        return text

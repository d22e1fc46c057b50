"""The 2×2 matrix of a score vote drawn on screen: impact up, feasibility to the right.

Quick wins sit top right, major projects top left, fill-ins bottom right and thankless
tasks bottom left, the way facilitators draw it on a flip chart. The classes come from
`exercises.voting.score_matrix`; this widget only places them.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Static

from smartplan_tui.exercises.scoring import MATRIX_CLASS_NAMES
from smartplan_tui.exercises.voting import MatrixClass, ScoreCell, ScoreMatrix
from smartplan_tui.i18n import _
from smartplan_tui.numbers import format_number
from smartplan_tui.text import shorten

__all__ = ["ScoreMatrixView"]

#: Grid cells in reading order: top left, top right, bottom left, bottom right.
_LAYOUT = (MatrixClass.MAJOR_PROJECT, MatrixClass.QUICK_WIN,
           MatrixClass.THANKLESS_TASK, MatrixClass.FILL_IN)


def _box_id(klass: MatrixClass) -> str:
    return "matrix-" + klass.name.lower().replace("_", "-")


def _mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _cell_line(cell: ScoreCell, labels: Mapping[str, str]) -> Text:
    means = "/".join(_mean(m) for _, m in cell.means[:2])
    line = Text(f"{cell.option} ", style="bold")
    line.append(f"{means} ")
    line.append(shorten(labels.get(cell.option, ""), 24))
    return line


def _class_line(klass: MatrixClass) -> Text:
    """The box's name as its first line, not its border title: a border title is cut to
    the border, and at 80 columns `nepateicīgs uzdevums` is wider than a box."""
    return Text(_(MATRIX_CLASS_NAMES[klass]), style="bold")


class ScoreMatrixView(Vertical):
    """Four quadrant boxes plus a line for options that could not be placed."""

    DEFAULT_CSS = """
    ScoreMatrixView { height: auto; }
    ScoreMatrixView Grid { grid-size: 2 2; grid-gutter: 0 1; height: auto; grid-rows: auto; }
    ScoreMatrixView .matrix-cell { border: round $primary; height: auto; min-height: 4;
                                   padding: 0 1; }
    ScoreMatrixView .matrix-cell.-quick-win { border: round $success; }
    ScoreMatrixView #matrix-axes, ScoreMatrixView #matrix-unplaced { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="matrix-axes", markup=False)
        with Grid():
            for klass in _LAYOUT:
                box = Static(classes="matrix-cell", markup=False)
                if klass is MatrixClass.QUICK_WIN:
                    box.add_class("-quick-win")
                box.id = _box_id(klass)
                yield box
        yield Static(id="matrix-unplaced", markup=False)

    def show(self, matrix: ScoreMatrix, labels: Mapping[str, str]) -> None:
        """Place every option of `matrix`; `labels` maps option ids to their text."""
        axes = (_("↑ {impact} · → {feasibility} · high ≥ {threshold}").format(
                    impact=matrix.impact, feasibility=matrix.feasibility,
                    threshold=format_number(matrix.threshold))
                if matrix.impact and matrix.feasibility
                else _("A matrix needs two criteria (impact, feasibility)."))
        self.query_one("#matrix-axes", Static).update(Text(axes))
        for klass in _LAYOUT:
            lines = [_cell_line(c, labels) for c in matrix.cells if c.klass is klass]
            box = self.query_one("#" + _box_id(klass), Static)
            box.update(Text("\n").join([_class_line(klass), *lines] if lines
                                       else [_class_line(klass), Text("—", style="dim")]))
        unplaced = [c.option for c in matrix.cells if c.klass is None]
        self.query_one("#matrix-unplaced", Static).update(
            Text(_("Not placed (no marks on both axes): {options}").format(
                options=", ".join(unplaced)) if unplaced else ""))

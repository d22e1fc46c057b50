"""Score voting on criteria: mean marks per option and the impact/feasibility 2×2 matrix.

Means are kept as exact fractions while counting so two options with the same marks tie
exactly (floating point could split 3.3333… from 3.3333…); they become floats for display.
"""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction

from smartplan_tui.i18n import N_, _
from smartplan_tui.model import ModelError, Vote
from smartplan_tui.records import record

__all__ = ["MATRIX_CLASS_NAMES", "MatrixClass", "ScoreCell", "ScoreMatrix", "exact_means",
           "overall", "score_matrix"]


class MatrixClass(StrEnum):
    """Where an option falls on the impact (first criterion) × feasibility (second) grid."""

    QUICK_WIN = "quick win"
    MAJOR_PROJECT = "major project"
    FILL_IN = "fill-in"
    THANKLESS_TASK = "thankless task"


#: What a person reads for each class (marked here, translated by `_()` where shown).
MATRIX_CLASS_NAMES: dict[MatrixClass, str] = {
    MatrixClass.QUICK_WIN: N_("quick win"),
    MatrixClass.MAJOR_PROJECT: N_("major project"),
    MatrixClass.FILL_IN: N_("fill-in"),
    MatrixClass.THANKLESS_TASK: N_("thankless task"),
}


@record
class ScoreCell:
    """One option's mean mark per criterion (None: nobody marked it on that criterion)."""

    option: str
    means: tuple[tuple[str, float | None], ...]
    marks: int
    """How many marks the option received, over all criteria."""
    klass: MatrixClass | None

    def mean(self, criterion: str) -> float | None:
        return dict(self.means).get(criterion)


@record
class ScoreMatrix:
    """The 2×2 matrix of a score vote.

    The first criterion is the impact axis and the second the feasibility axis (the
    defaults are `impact` and `feasibility`). A mean is *high* when it is at least the
    scale's midpoint (3 on 1–5, 3.5 on 1–6). Options missing a mean on either axis, and
    votes with a single criterion, get no class.
    """

    vote_id: str
    criteria: tuple[str, ...]
    scale: tuple[int, int]
    threshold: float
    impact: str | None
    feasibility: str | None
    cells: tuple[ScoreCell, ...]

    def members(self, klass: MatrixClass) -> tuple[str, ...]:
        return tuple(cell.option for cell in self.cells if cell.klass is klass)


def exact_means(vote: Vote) -> dict[str, dict[str, Fraction]]:
    """Option → criterion → exact mean mark, over the score ballots; unmarked left out."""
    sums: dict[str, dict[str, list[int]]] = {o: {} for o in vote.option_ids}
    for i, ballot in enumerate(vote.ballots):
        if ballot.scores is None:
            raise ModelError(f"ballots[{i}]", _("holds {kind}, not scores: a score count "
                                                "needs marks on criteria").format(
                                                    kind=ballot.kind))
        for option, marks in ballot.scores.items():
            per_criterion = sums[option]
            for criterion, mark in marks.items():
                total = per_criterion.setdefault(criterion, [0, 0])
                total[0] += mark
                total[1] += 1
    return {
        option: {c: Fraction(t[0], t[1]) for c in vote.criteria if (t := per.get(c))}
        for option, per in sums.items()
    }


def overall(means: dict[str, Fraction]) -> Fraction | None:
    """The mean of an option's criterion means: every criterion weighs the same."""
    if not means:
        return None
    return sum(means.values(), Fraction(0)) / len(means)


def score_matrix(vote: Vote) -> ScoreMatrix:
    """Means per option per criterion and the quick win / major project / … class."""
    means = exact_means(vote)
    lo, hi = vote.scale
    threshold = Fraction(lo + hi, 2)
    impact = vote.criteria[0] if len(vote.criteria) >= 2 else None
    feasibility = vote.criteria[1] if len(vote.criteria) >= 2 else None
    marks = {o: 0 for o in vote.option_ids}
    for ballot in vote.ballots:
        for option, given in (ballot.scores or {}).items():
            marks[option] += len(given)
    cells = []
    for option in vote.option_ids:
        per = means[option]
        klass = None
        if impact and feasibility and impact in per and feasibility in per:
            klass = _classify(per[impact] >= threshold, per[feasibility] >= threshold)
        cells.append(ScoreCell(
            option,
            tuple((c, float(per[c]) if c in per else None) for c in vote.criteria),
            marks[option],
            klass,
        ))
    return ScoreMatrix(vote.id, vote.criteria, vote.scale, float(threshold), impact,
                       feasibility, tuple(cells))


def _classify(high_impact: bool, high_feasibility: bool) -> MatrixClass:
    if high_impact:
        return MatrixClass.QUICK_WIN if high_feasibility else MatrixClass.MAJOR_PROJECT
    return MatrixClass.FILL_IN if high_feasibility else MatrixClass.THANKLESS_TASK

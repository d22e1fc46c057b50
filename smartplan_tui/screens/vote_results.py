"""The results of one vote: bars, ties, explanation, a recount beside it, the 2×2 matrix.

Everything shown is computed by `exercises.voting` (`count`, `score_matrix`); this module
only lays it out. A recount that the ballots do not fit (dots cannot be ranked) shows the
count's own one-line reason in place of the second chart. While a vote is hidden nothing
but the number of ballots is shown, so the room is not swayed before everyone voted.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from smartplan_tui.exercises import voting
from smartplan_tui.exercises.voting import VoteResult
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.labels import method_name, tie_rule_name, vote_status_name
from smartplan_tui.model import ModelError, Participant, Vote, VoteMethod, VoteStatus
from smartplan_tui.screens.widgets.ballot_editors import counted, voters_counted, voters_of
from smartplan_tui.screens.widgets.bar_chart import Bar, BarChart
from smartplan_tui.screens.widgets.literal import literal
from smartplan_tui.screens.widgets.score_matrix import ScoreMatrixView

__all__ = ["CountView", "VoteResults", "bars_of", "details_of"]


def bars_of(result: VoteResult) -> tuple[Bar, ...]:
    """The chart rows of a count; options in a tied group are marked."""
    tied = {option for group in result.ties for option in group}
    return tuple(Bar(row.rank, row.option, result.labels.get(row.option, ""), float(row.score),
                     row.option in tied) for row in result.rows)


def details_of(result: VoteResult) -> Group | None:
    """The method's working: Schulze's strongest paths, or the instant-runoff rounds."""
    if result.method is VoteMethod.SCHULZE and result.strongest:
        table = Table(box=None, pad_edge=False)
        table.add_column("")
        for option in result.options:
            table.add_column(Text(option), justify="right")
        for i, option in enumerate(result.options):
            cells = [Text("–" if i == j else str(v)) for j, v in enumerate(result.strongest[i])]
            table.add_row(Text(option), *cells)
        return Group(Text(_("Strongest paths: a row beats a column when its number is higher "
                            "than the one back."), style="bold"), table)
    if result.method is VoteMethod.IRV and result.rounds:
        table = Table(box=None, pad_edge=False)
        for name in (_("round"), _("votes"), _("out"), _("wins")):
            table.add_column(name)
        for r in result.rounds:
            votes = ", ".join(f"{o} {v}" for o, v in r.votes)
            table.add_row(Text(str(r.number)), Text(votes), Text(" ".join(r.eliminated)),
                          Text(" ".join(r.winners)))
        return Group(Text(_("Instant-runoff rounds"), style="bold"), table)
    return None


class CountView(Vertical):
    """One count: a title, the bars, the ties line, the explanation and the working.

    Styled by the votes screen's `votes.tcss`, the one screen that shows it."""

    def compose(self) -> ComposeResult:
        yield Static(classes="count-title", markup=False)
        yield BarChart()
        yield Static(classes="count-ties", markup=False)
        yield Static(classes="count-explanation", markup=False)
        yield Static(classes="count-details")

    def _parts(self) -> tuple[Static, BarChart, Static, Static, Static]:
        statics = list(self.query(Static).results(Static))
        return statics[0], self.query_one(BarChart), statics[1], statics[2], statics[3]

    def show(self, title: str, result: VoteResult | None, problem: str = "") -> None:
        """Show a count, or `problem` (why this count cannot be made) in its place."""
        head, chart, ties, explanation, details = self._parts()
        head.update(Text(title))
        chart.display = result is not None
        if result is None:
            ties.update(Text(problem))
            explanation.update("")
            details.update("")
            return
        chart.bars = bars_of(result) if result.counted > 0 else ()  # else: "No ballots yet."
        ties.update(Text(_("Tied (=): {groups} — tie rule: {rule}").format(
            groups="; ".join(" = ".join(g) for g in result.ties),
            rule=tie_rule_name(result.tie_rule)))
            if result.ties and result.counted > 0 else "")
        explanation.update(Text(result.explanation))
        table = details_of(result)
        details.update(table if table is not None else "")


def count_or_problem(vote: Vote, method: VoteMethod | None) -> tuple[VoteResult | None, str]:
    """The count, or the one-line reason it cannot be made (a recount that does not fit)."""
    try:
        return voting.count(vote, method), ""
    except ModelError as error:
        return None, str(error)


class VoteResults(VerticalScroll):
    """The right-hand side of the votes screen for the highlighted vote (`votes.tcss`)."""

    def compose(self) -> ComposeResult:
        yield Static(id="results-head", markup=False)
        yield Static(id="results-voters", markup=False)
        with Horizontal(id="results-counts"):
            yield CountView(id="own-count")
            yield CountView(id="recount")
        yield ScoreMatrixView(id="score-matrix")

    def show(self, vote: Vote | None, participants: Sequence[Participant],
             recount: VoteMethod | None) -> None:
        """Redraw for `vote` (None: no vote yet) with an optional recount beside it."""
        head = self.query_one("#results-head", Static)
        own = self.query_one("#own-count", CountView)
        other = self.query_one("#recount", CountView)
        matrix = self.query_one("#score-matrix", ScoreMatrixView)
        if vote is None:
            head.update(Text(_("No vote yet: press n to set one up.")))
            for widget in (own, other, matrix, self.query_one("#results-voters")):
                widget.display = False
            return
        state = vote_status_name(vote.status)
        hidden = _(" · results hidden") if vote.hidden else ""
        head.update(Text(f"{method_name(vote.method)} · {state} · "
                         f"{counted(len(vote.ballots))}{hidden}\n").append_text(
                             literal(vote.question, limit=200)))
        self._show_voters(vote, participants)
        own.display = True
        other.display = recount is not None and recount is not vote.method and not vote.hidden
        matrix.display = vote.method is VoteMethod.SCORE and not vote.hidden
        if vote.hidden:
            own.show(_("Results hidden until the facilitator reveals them (h)."), None,
                     _("{ballots} in.").format(ballots=counted(len(vote.ballots))))
            return
        result, problem = count_or_problem(vote, None)
        live = _(" (live)") if vote.status is VoteStatus.OPEN else ""
        own.show(f"{method_name(vote.method)}{live}", result, problem)
        if other.display and recount is not None:
            again, why = count_or_problem(vote, recount)
            kept = _(" · kept for the report") if recount in vote.kept_recounts else ""
            other.show(_("recounted with {method}").format(method=method_name(recount)) + kept,
                       again,
                       why and _("Cannot recount: {why}").format(why=why))
        if matrix.display:
            matrix.show(voting.score_matrix(vote), {o.id: o.text for o in vote.options})

    def _show_voters(self, vote: Vote, participants: Sequence[Participant]) -> None:
        line = self.query_one("#results-voters", Static)
        line.display = True
        voted = voters_of(vote.ballots)
        waiting = [p.name for p in participants if p.id not in voted]
        anonymous = sum(1 for b in vote.ballots if not b.voter)
        parts = [voters_counted(len(voted))]
        if anonymous:
            parts.append(ngettext("{n} anonymous or wall count", "{n} anonymous or wall counts",
                                  anonymous).format(n=anonymous))
        if waiting and vote.status is VoteStatus.OPEN:
            parts.append(_("still to vote: {names}").format(names=", ".join(waiting)))
        line.update(Text(" · ".join(parts)))

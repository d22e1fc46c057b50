"""What a count returns, and how options are ranked from the method's own figures.

Every method reduces to a sort key per option (higher is better) and a display score;
the two may differ (Schulze sorts by beatpath group, where options neither beats the other
tie, and shows the number of options beaten). Ranking is shared here so ties are found,
reported and (only if the facilitator chose a rule) ordered the same way for all five
methods.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from typing import Any

from smartplan_tui.i18n import _
from smartplan_tui.model import TieRule, VoteMethod
from smartplan_tui.records import record

__all__ = ["IrvRound", "ResultRow", "VoteResult", "rank_options"]

Score = int | float


@record
class ResultRow:
    """One option's place: `rank` as in sport (1, 1, 3), `score` in the method's own unit."""

    option: str
    rank: int
    score: Score


@record
class IrvRound:
    """One round of instant-runoff: the votes of every option still in, best first."""

    number: int
    votes: tuple[tuple[str, int], ...]
    exhausted: int
    eliminated: tuple[str, ...] = ()
    winners: tuple[str, ...] = ()
    note: str = ""
    """How an elimination tie was settled, in words (empty when there was none)."""


@record
class VoteResult:
    """The count of one vote with one method: what screens, the CLI and reports show.

    `ballots` counts ballot records (a wall count of sticky dots is one); `invalid` those
    that express nothing (a dot ballot with no dot, a score ballot with no mark; the model
    refuses empty rankings). Matrices (`pairwise`, `strongest`) are indexed by `options`,
    the vote's option order.
    """

    vote_id: str
    method: VoteMethod
    ballots: int
    invalid: int
    rows: tuple[ResultRow, ...]
    ties: tuple[tuple[str, ...], ...]
    explanation: str
    tie_rule: TieRule = TieRule.REPORT
    question: str = ""
    options: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    """Option id → option text, for tables."""
    points: Mapping[str, float] = field(default_factory=dict)
    """Borda points per option."""
    pairwise: tuple[tuple[int, ...], ...] = ()
    """Schulze: pairwise[i][j] = ballots preferring options[i] to options[j]."""
    strongest: tuple[tuple[int, ...], ...] = ()
    """Schulze: strength of the strongest path from options[i] to options[j]."""
    rounds: tuple[IrvRound, ...] = ()
    means: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    """Score voting: option → criterion → mean mark (criteria without marks left out)."""

    @property
    def counted(self) -> int:
        """The ballots that count; with none, every option is ranked first and "tied" only
        because nothing was counted, which is no tie to show anyone."""
        return self.ballots - self.invalid

    @property
    def winners(self) -> tuple[str, ...]:
        """The options ranked first; several when they tie, none when no ballot counted."""
        if self.counted <= 0:
            return ()
        return tuple(row.option for row in self.rows if row.rank == 1)


def rank_options(
    option_ids: Sequence[str],
    keys: Mapping[str, Any],
    scores: Mapping[str, Score],
    tie_rule: TieRule = TieRule.REPORT,
    tie_break: Sequence[str] = (),
) -> tuple[tuple[ResultRow, ...], tuple[tuple[str, ...], ...], str]:
    """Rows best first, the tied groups, and a sentence on what the tie rule did.

    `keys` must be comparable (higher is better). Equal keys are a tie. The groups are
    always reported; the facilitator's `tie_rule` orders a group only when it is not
    `report`: `option-order` by the vote's option order, `facilitator` by `tie_break`
    (options missing from `tie_break` stay tied, after the listed ones).
    """
    order = sorted(option_ids, key=lambda o: keys[o], reverse=True)  # stable: option order
    groups: list[list[str]] = []
    for option in order:
        if groups and keys[groups[-1][0]] == keys[option]:
            groups[-1].append(option)
        else:
            groups.append([option])
    ties = tuple(tuple(g) for g in groups if len(g) > 1)
    sub_groups = [_split(group, tie_rule, tie_break) for group in groups]
    rows: list[ResultRow] = []
    for parts in sub_groups:
        for part in parts:
            rank = len(rows) + 1
            rows.extend(ResultRow(o, rank, scores[o]) for o in part)
    return tuple(rows), ties, _tie_note(ties, tie_rule, tie_break)


def _split(group: list[str], tie_rule: TieRule, tie_break: Sequence[str]) -> list[list[str]]:
    """A tied group as consecutive ranks under the rule (one part = still tied)."""
    if len(group) == 1 or tie_rule is TieRule.REPORT:
        return [group]
    if tie_rule is TieRule.OPTION_ORDER:
        return [[o] for o in group]
    listed = sorted((o for o in group if o in tie_break), key=tie_break.index)
    rest = [o for o in group if o not in tie_break]
    return [[o] for o in listed] + ([rest] if rest else [])


def _tie_note(ties: tuple[tuple[str, ...], ...], tie_rule: TieRule,
              tie_break: Sequence[str]) -> str:
    if not ties:
        return _("No ties.")
    listed = "; ".join(" = ".join(group) for group in ties)
    if tie_rule is TieRule.REPORT:
        return _("Tied: {ties}. The ties stand: the tie rule leaves them tied.").format(
            ties=listed)
    if tie_rule is TieRule.OPTION_ORDER:
        return _("Tied: {ties}. The facilitator's tie rule puts the option listed first "
                 "ahead.").format(ties=listed)
    order = ", ".join(tie_break) or _("none given")
    return _("Tied: {ties}. The facilitator's tie rule orders them as {order}; "
             "options not in that list stay tied.").format(ties=listed, order=order)

"""A count as results JSON (docs/format.md, "Vote results") and as a plain-text table with bars."""

from __future__ import annotations

from typing import Any

from smartplan_tui.exercises.voting_result import VoteResult
from smartplan_tui.i18n import N_, _, ngettext
from smartplan_tui.labels import method_name, tie_rule_name
from smartplan_tui.model import VoteMethod
from smartplan_tui.numbers import format_column, rounded
from smartplan_tui.text import eighths_bar, fit, shorten

__all__ = ["JSON_PLACES", "render_table", "result_to_json"]

BAR_WIDTH = 30
LABEL_WIDTH = 40
#: The unit of each method's score column (message ids).
_UNITS = {VoteMethod.DOT: N_("dots"), VoteMethod.BORDA: N_("points"), VoteMethod.SCHULZE: N_("wins"),
          VoteMethod.IRV: N_("votes"), VoteMethod.SCORE: N_("mean")}
#: Decimals a score keeps in the results JSON: more than any table shows, for scripts.
JSON_PLACES = 4


def result_to_json(result: VoteResult) -> dict[str, Any]:
    """One vote's entry in `smartplan results --json`, plus method details.

    The keys every method has (id, method, ballots, invalid, ranking, ties, explanation) come
    first; extra keys: `tie_rule`, `question`, and per method `points` (Borda),
    `pairwise`/`strongest` (Schulze, as {from: {to: n}}), `rounds` (IRV), `means` (score).
    """
    data: dict[str, Any] = {
        "id": result.vote_id,
        "method": result.method.value,
        "ballots": result.ballots,
        "invalid": result.invalid,
        "ranking": [{"option": r.option, "rank": r.rank, "score": rounded(r.score, JSON_PLACES)}
                    for r in result.rows],
        "ties": [list(group) for group in result.ties],
        "explanation": result.explanation,
        "tie_rule": result.tie_rule.value,
        "question": result.question,
    }
    if result.method is VoteMethod.BORDA:
        data["points"] = {o: rounded(p, JSON_PLACES) for o, p in result.points.items()}
    if result.method is VoteMethod.SCHULZE:
        for key in ("pairwise", "strongest"):
            matrix = getattr(result, key)
            data[key] = {a: {b: matrix[i][j] for j, b in enumerate(result.options) if i != j}
                         for i, a in enumerate(result.options)}
    if result.method is VoteMethod.IRV:
        data["rounds"] = [{"round": r.number, "votes": dict(r.votes), "exhausted": r.exhausted,
                           "eliminated": list(r.eliminated), "winners": list(r.winners),
                           "note": r.note} for r in result.rounds]
    if result.method is VoteMethod.SCORE:
        data["means"] = {o: {c: rounded(v, JSON_PLACES) for c, v in m.items()}
                         for o, m in result.means.items()}
    return data


def render_table(result: VoteResult, *, explain: bool = True, header: bool = False) -> str:
    """A plain-text table (no markup) with bars, for the command line.

    Ties are listed under the table; the explanation follows when `explain` is true. With
    `header`, a first line names the vote and its question (the CLI prints its own).
    """
    unit = _(_UNITS[result.method])
    title = shorten(result.question, 60)
    lines = [f"{result.vote_id}" + (f" — {title}" if title else "")] if header else []
    ballots = ngettext("{n} ballot", "{n} ballots", result.ballots).format(n=result.ballots)
    invalid = ngettext("{n} invalid", "{n} invalid", result.invalid).format(n=result.invalid)
    lines.append(f"{method_name(result.method)}, {ballots}" + (f", {invalid}" if result.invalid else ""))
    rank, option, text = _("rank"), _("option"), _("text")
    scores = format_column([r.score for r in result.rows])
    score_width = max([len(unit), *map(len, scores)])
    id_width = max([len(option), *(len(r.option) for r in result.rows)])
    rank_width = max(4, len(rank))
    lines.append(f"{rank:>{rank_width}}  {option:<{id_width}}  {fit(text, LABEL_WIDTH)}  "
                 f"{unit:>{score_width}}")
    top = max((float(r.score) for r in result.rows), default=0.0)
    for row, score in zip(result.rows, scores, strict=True):
        # Participant text is shown, never interpreted, and a row stays one line.
        label = fit(result.labels.get(row.option, ""), LABEL_WIDTH)
        lines.append(f"{row.rank:>{rank_width}}  {row.option:<{id_width}}  {label}  "
                     f"{score:>{score_width}}  {eighths_bar(float(row.score), top, BAR_WIDTH)}".rstrip())
    if result.ties and result.counted > 0:
        lines.append(_("ties: {ties} (tie rule: {rule})").format(
            ties="; ".join(" = ".join(g) for g in result.ties),
            rule=tie_rule_name(result.tie_rule)))
    if explain:
        lines.extend(["", result.explanation])
    return "\n".join(lines)

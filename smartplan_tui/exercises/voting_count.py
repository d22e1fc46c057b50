"""Counting a vote with any of the five methods, with an explanation a participant can follow.

A vote may be recounted with another method to compare, as long as its ballots fit:
rankings by `borda`, `schulze` and `irv`, marks by `score`, dots by `dot` — and one voter's
dots also by `borda` and `schulze`, read as a ranking with ties (more dots = preferred,
equal dots tie, options without dots share the last places). Dots cannot be recounted by
`irv`, which needs one first choice per ballot, and counts read off a wall cannot be
ranked at all: they are nobody's preferences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from itertools import pairwise
from typing import Any

from smartplan_tui.exercises.scoring import exact_means, overall
from smartplan_tui.exercises.voting_methods import (
    beatpath_groups,
    borda_doubled_points,
    borda_doubled_points_weak,
    irv_steps,
    pairwise_matrix,
    pairwise_matrix_weak,
    strongest_paths,
    widest_path,
)
from smartplan_tui.exercises.voting_result import IrvRound, ResultRow, VoteResult, rank_options
from smartplan_tui.i18n import N_, _, ngettext
from smartplan_tui.labels import ballot_kind_name, criterion_name
from smartplan_tui.model import ModelError, Vote, VoteMethod
from smartplan_tui.numbers import format_number
from smartplan_tui.text import and_list, quoted

__all__ = ["count", "recount_methods"]

#: How many neighbouring pairs of the Schulze ranking the explanation walks through.
EXPLAINED_PAIRS = 5

#: The methods (as `--method` takes them) that can count each kind of ballot.
_METHODS_FOR = {
    "dots": N_("dot, borda or schulze"),
    "ranking": N_("borda, schulze or irv"),
    "scores": "score",
}


def count(vote: Vote, method: VoteMethod | str | None = None) -> VoteResult:
    """Count the vote with its own method, or recount it with `method` to compare.

    Raises ModelError when the ballots do not fit the method (dots cannot be ranked).
    """
    chosen = _method(method) if method is not None else vote.method
    _check_fit(vote, chosen)
    return _COUNTERS[chosen](vote)


def recount_methods(vote: Vote) -> tuple[VoteMethod, ...]:
    """The other methods these ballots can be counted by, in `VoteMethod`'s order.

    Asked of `count` itself, so the offer never lists a method the count would refuse.
    """
    fitting = []
    for method in VoteMethod:
        if method is vote.method:
            continue
        try:
            _check_fit(vote, method)
        except ModelError:
            continue
        fitting.append(method)
    return tuple(fitting)


def _method(value: VoteMethod | str) -> VoteMethod:
    try:
        return VoteMethod(value)
    except ValueError:
        names = ", ".join(m.value for m in VoteMethod)
        raise ModelError("method", _("unknown method {value!r} (use {names})").format(
            value=value, names=names)) from None


def _check_fit(vote: Vote, method: VoteMethod) -> None:
    wanted = method.ballot_kind
    for ballot in vote.ballots:
        if ballot.kind == "dots" and method in _DOTS_AS_RANKINGS:
            if ballot.aggregate:
                raise ModelError("method", _(
                    "vote {vote} has dots counted off a wall, which are nobody's ranking: a "
                    "{method} count cannot use them; count them with dot").format(
                        vote=quoted(vote.question), method=method.value))
            continue
        if ballot.kind == "dots" and method is VoteMethod.IRV:
            raise ModelError("method", _(
                "vote {vote} has dot ballots, which give no single first choice for "
                "instant-runoff; recount them with borda or schulze").format(vote=quoted(vote.question)))
        if ballot.kind != wanted:
            why = (_("dots cannot be ranked; ") if ballot.kind == "dots" and wanted == "ranking"
                   else "")
            raise ModelError("method", _(
                "vote {vote} has {kind} ballots, which a {method} count cannot use ({why}it "
                "needs {wanted}); count them with {methods}").format(
                    vote=quoted(vote.question), kind=ballot_kind_name(ballot.kind),
                    method=method.value, why=why, wanted=ballot_kind_name(wanted),
                    methods=_(_METHODS_FOR[ballot.kind])))


def _finish(vote: Vote, method: VoteMethod, keys: Mapping[str, Any],
            scores: Mapping[str, int | float], invalid: int,
            explain: Callable[[tuple[ResultRow, ...]], list[str]],
            **extra: object) -> VoteResult:
    """Rank, apply the tie rule, and put the explanation together."""
    rows, ties, tie_note = rank_options(vote.option_ids, keys, scores, vote.tie_rule,
                                        vote.tie_break)
    # With no ballot counted every option ties at 0: that says nothing about the options.
    lines = [*explain(rows), tie_note] if len(vote.ballots) > invalid else [_("No ballots yet.")]
    return VoteResult(
        vote_id=vote.id, method=method, ballots=len(vote.ballots), invalid=invalid,
        rows=rows, ties=ties, explanation="\n".join(lines), tie_rule=vote.tie_rule,
        question=vote.question, options=vote.option_ids,
        labels={o.id: o.text for o in vote.options},
        **extra,  # type: ignore[arg-type]
    )


def _listing(rows: Sequence[ResultRow], unit: str = "") -> str:
    return ", ".join(f"{row.option} {format_number(row.score)}{unit}" for row in rows)


def _ballots(n: int) -> str:
    return ngettext("{n} ballot", "{n} ballots", n).format(n=n)


# ------------------------------------------------------------------- dot


def _count_dot(vote: Vote) -> VoteResult:
    totals = dict.fromkeys(vote.option_ids, 0)
    invalid = walls = 0
    for ballot in vote.ballots:
        dots = ballot.dots or {}
        walls += ballot.aggregate
        invalid += sum(dots.values()) == 0
        for option, n in dots.items():
            totals[option] += n
    cast = sum(totals.values())

    def explain(rows: tuple[ResultRow, ...]) -> list[str]:
        wall = _(" ({n} counted off the wall)").format(n=walls) if walls else ""
        empty = _("; {ballots} with no dot").format(ballots=_ballots(invalid)) if invalid else ""
        put = ngettext("{ballots}{wall} put {n} dot{empty}.", "{ballots}{wall} put {n} dots{empty}.",
                       cast).format(ballots=_ballots(len(vote.ballots)), wall=wall, n=cast,
                                    empty=empty)
        return [_("Dot voting: each option's dots are added up.") + " " + put,
                _("Dots: {listing}.").format(listing=_listing(rows))]

    return _finish(vote, VoteMethod.DOT, totals, totals, invalid, explain)


# ------------------------------------------------------------------- ranked


_DOTS_AS_RANKINGS = (VoteMethod.BORDA, VoteMethod.SCHULZE)
_DOTS_READ = N_("Dot ballots are read as rankings: more dots = preferred, equal dots tie and "
                "share their places, options without dots share the last places.")


def _rankings(vote: Vote) -> list[tuple[int, ...]]:
    position = {option: i for i, option in enumerate(vote.option_ids)}.__getitem__
    return [tuple(map(position, ballot.ranking or ())) for ballot in vote.ballots]


def _has_dots(vote: Vote) -> bool:
    return any(ballot.dots is not None for ballot in vote.ballots)


def _dot_orders(vote: Vote) -> list[list[tuple[int, ...]]]:
    """Each dot ballot as groups of option indices, most dots first (zero dots: left out)."""
    position = {option: i for i, option in enumerate(vote.option_ids)}
    orders = []
    for ballot in vote.ballots:
        dots = ballot.dots or {}
        levels = sorted({n for n in dots.values() if n > 0}, reverse=True)
        orders.append([tuple(position[o] for o, n in dots.items() if n == level)
                       for level in levels])
    return orders


def _count_borda(vote: Vote) -> VoteResult:
    n = len(vote.options)
    if _has_dots(vote):
        orders = _dot_orders(vote)
        doubled = borda_doubled_points_weak(orders, n)
        rankings = [tuple(o for group in order for o in group) for order in orders]
    else:
        rankings = _rankings(vote)
        doubled = borda_doubled_points(rankings, n)
    points = {o: (d // 2 if d % 2 == 0 else d / 2) for o, d in zip(vote.option_ids, doubled,
                                                                   strict=True)}
    partial = sum(len(r) < n for r in rankings)

    def explain(rows: tuple[ResultRow, ...]) -> list[str]:
        lines = [_("Classical Borda over {n} options: a ballot gives {first} points to its "
                   "first choice, {second} to the second … 0 to the last.").format(
                       n=n, first=max(n - 1, 0), second=max(n - 2, 0))]
        if _has_dots(vote):
            lines.append(_(_DOTS_READ))
        elif partial:
            lines.append(ngettext(
                "{ballots} ranks only some options; the options left out share the points of "
                "the places left (their mean).",
                "{ballots} rank only some options; the options left out share the points of "
                "the places left (their mean).", partial).format(ballots=_ballots(partial)))
        lines.append(_("Points: {listing}.").format(listing=_listing(rows)))
        return lines

    keys = dict(zip(vote.option_ids, doubled, strict=True))
    return _finish(vote, VoteMethod.BORDA, keys, points, 0, explain,
                   points={o: float(p) for o, p in points.items()})


def _count_schulze(vote: Vote) -> VoteResult:
    """Rank by the beatpath relation (groups share a rank); score = options beaten."""
    ids = vote.option_ids
    if _has_dots(vote):
        d = pairwise_matrix_weak(_dot_orders(vote), len(ids))
    else:
        d = pairwise_matrix(_rankings(vote), len(ids))
    p = strongest_paths(d)
    wins = {ids[i]: sum(p[i][j] > p[j][i] for j in range(len(ids))) for i in range(len(ids))}
    groups = beatpath_groups(p)
    level = {x: number for number, group in enumerate(groups) for x in group}
    # Higher is better for rank_options: the first group gets the highest key.
    keys = {ids[x]: -number for x, number in level.items()}

    def explain(rows: tuple[ResultRow, ...]) -> list[str]:
        lines = [_("Schulze: for each pair of options, count the ballots preferring one to the "
                   "other (an option left off a ballot loses to every option ranked on it). A "
                   "chain X→Y→Z is as strong as its weakest step; X beats Z when the strongest "
                   "chain from X to Z is stronger than the one back. Score = options beaten.")]
        if _has_dots(vote):
            lines.append(_(_DOTS_READ))
        if vote.ballots and groups and len(groups[0]) > 1:
            lines.append(_("{options} tie for first: no option beats any of them and none of "
                           "them beats another, so they share rank 1 whatever their scores."
                           ).format(options=and_list([ids[x] for x in groups[0]])))
        index = {o: i for i, o in enumerate(ids)}
        for upper, lower in list(pairwise(rows))[:EXPLAINED_PAIRS]:
            lines.append(_schulze_pair(index[upper.option], index[lower.option], d, p, ids,
                                       groups, level, len(vote.ballots)))
        return lines

    return _finish(vote, VoteMethod.SCHULZE, keys, wins, 0, explain,
                   pairwise=tuple(map(tuple, d)), strongest=tuple(map(tuple, p)))


def _schulze_pair(x: int, y: int, d: list[list[int]], p: list[list[int]],
                  ids: Sequence[str], groups: Sequence[Sequence[int]],
                  level: Mapping[int, int], total: int) -> str:
    """Why x is listed just above y: it beats y, they tie, or x's group holds y's beater.

    Said in ballots ("6 of 10 ballots prefer C to A"), which a planner can check on the
    wall, rather than as path strengths.
    """
    a, b = ids[x], ids[y]
    if p[x][y] > p[y][x]:
        path = widest_path(d, x, y, p[x][y])
        through = [ids[k] for k in path[1:-1]]
        steps = [(ngettext("{n} of {total} ballot prefers {a} to {b}",
                           "{n} of {total} ballots prefer {a} to {b}", total) if i == 0
                  else _("{n} of {total} prefer {a} to {b}")).format(
                      n=d[u][v], total=total, a=ids[u], b=ids[v])
                 for i, (u, v) in enumerate(pairwise(path))]
        head = (_("{a} beats {b} through {through}").format(a=a, b=b, through=and_list(through))
                if through else _("{a} beats {b}").format(a=a, b=b))
        return f"{head}: {and_list(steps)}; {_schulze_back(y, x, d, p, ids, total)}."
    each_way = (ngettext("the best chains each way have {n} of {total} ballot at their weakest "
                         "step", "the best chains each way have {n} of {total} ballots at their "
                         "weakest step", total).format(n=p[x][y], total=total) if p[x][y]
                else _("no chain of majorities leads either way"))
    if level[x] == level[y]:
        return _("{a} and {b} tie: {each_way}.").format(a=a, b=b, each_way=each_way)
    # Neighbours in different groups: y's group is the next one, so an option of x's group
    # beats y (that is why y is not ranked with x).
    beater = next(k for k in groups[level[x]] if p[k][y] > p[y][k])
    return _("{a} and {b} do not beat each other ({each_way}), but {beater}, level with {a}, "
             "beats {b}.").format(a=a, b=b, each_way=each_way, beater=ids[beater])


def _schulze_back(y: int, x: int, d: list[list[int]], p: list[list[int]],
                  ids: Sequence[str], total: int) -> str:
    """How far the loser of a pair gets the other way: the winner's margin."""
    a, b = ids[x], ids[y]
    if not p[y][x]:
        return _("no chain of majorities leads back from {b} to {a}").format(a=a, b=b)
    path = widest_path(d, y, x, p[y][x])
    if len(path) == 2:
        return _("only {n} of {total} prefer {b} to {a}").format(n=p[y][x], total=total, a=a,
                                                                 b=b)
    return _("the best chain back, {chain}, has only {n} of {total} at its weakest step").format(
        chain="→".join(ids[k] for k in path), n=p[y][x], total=total)


def _count_irv(vote: Vote) -> VoteResult:
    ids = vote.option_ids
    steps = irv_steps(_rankings(vote), len(ids), ids)
    keys: dict[str, tuple[int, int]] = {}
    rounds = []
    for number, step in enumerate(steps, start=1):
        for option, votes in step.votes.items():
            keys[ids[option]] = (number, votes)
        ordered = sorted(step.votes.items(), key=lambda item: -item[1])  # stable: option order
        rounds.append(IrvRound(
            number, tuple((ids[o], v) for o, v in ordered), step.exhausted,
            tuple(ids[o] for o in step.eliminated), tuple(ids[o] for o in step.winners),
            step.note))
    scores = {o: keys[o][1] for o in keys}
    exhausted_all = sum(not r for r in _rankings(vote))

    def explain(rows: tuple[ResultRow, ...]) -> list[str]:
        lines = [_("Instant-runoff: each ballot counts for its highest-ranked option still in. "
                   "An option with more than half of these votes wins; otherwise the option "
                   "with the fewest goes out and its ballots move on. Score = votes in the last "
                   "round an option took part in.")]
        lines.extend(_irv_round_text(r) for r in rounds)
        return lines

    return _finish(vote, VoteMethod.IRV, keys, scores, exhausted_all, explain,
                   rounds=tuple(rounds))


def _irv_round_text(r: IrvRound) -> str:
    votes = ", ".join(f"{o} {v}" for o, v in r.votes)
    live = sum(v for _, v in r.votes)
    exhausted = (_(" ({ballots} with no option left)").format(ballots=_ballots(r.exhausted))
                 if r.exhausted else "")
    text = _("Round {number}: {votes}{exhausted}.").format(number=r.number, votes=votes,
                                                           exhausted=exhausted)
    if r.note:
        text += f" {r.note[0].upper()}{r.note[1:]}."
    if r.winners and len(r.winners) == 1:
        top = r.votes[0][1]
        return text + " " + ngettext("{winner} has {top} of {n} vote and wins.",
                                     "{winner} has {top} of {n} votes and wins.", live).format(
            winner=r.winners[0], top=top, n=live)
    if r.winners:
        return text + " " + _("{winners} share the win.").format(winners=and_list(r.winners))
    if not r.note:
        text += " " + _("Nobody has more than half of {n}; {option} has the fewest and goes "
                        "out.").format(n=live, option=r.eliminated[0])
    return text


# ------------------------------------------------------------------- score


def _count_score(vote: Vote) -> VoteResult:
    means = exact_means(vote)
    totals = {o: overall(m) for o, m in means.items()}
    keys = {o: (t is not None, t if t is not None else Fraction(0)) for o, t in totals.items()}
    scores = {o: float(t) if t is not None else 0.0 for o, t in totals.items()}
    invalid = sum(not any(ballot.scores.values()) for ballot in vote.ballots
                  if ballot.scores is not None)
    lo, hi = vote.scale

    def explain(rows: tuple[ResultRow, ...]) -> list[str]:
        lines = [_("Score voting on {criteria} (scale {lo}–{hi}): each option's marks are "
                   "averaged per criterion, then the criteria averaged. Options nobody marked "
                   "score 0 and come last.").format(
                       criteria=", ".join(criterion_name(c) for c in vote.criteria), lo=lo,
                       hi=hi)]
        for row in rows:
            per = means[row.option]
            detail = ", ".join(f"{criterion_name(c)} {format_number(float(per[c]))}"
                               for c in vote.criteria if c in per)
            marks = detail or _("no marks")
            lines.append(f"{row.option}: {marks} → {format_number(row.score)}")
        return lines

    return _finish(vote, VoteMethod.SCORE, keys, scores, invalid, explain,
                   means={o: {c: float(v) for c, v in m.items()} for o, m in means.items()})


_COUNTERS: dict[VoteMethod, Callable[[Vote], VoteResult]] = {
    VoteMethod.DOT: _count_dot,
    VoteMethod.BORDA: _count_borda,
    VoteMethod.SCHULZE: _count_schulze,
    VoteMethod.IRV: _count_irv,
    VoteMethod.SCORE: _count_score,
}

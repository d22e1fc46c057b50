"""The counting algorithms, over option indices: Borda, Schulze and instant-runoff.

Ballots arrive as rankings of option indices (best first, possibly partial). Options a
ballot leaves out rank equal, below the ranked ones: in Borda they share the mean of the
remaining positions' points; in Schulze every ranked option beats them and they do not beat
each other; in instant-runoff the ballot is exhausted once its ranked options are out.

Speed matters for Schulze (50 options × 1,000 ballots must count in well under 100 ms in
pure Python), so the pairwise matrix is built with bit sets: one big integer per option
holds, for each position p, the set of ballots that put the option at p. Counting the
ballots that rank i above j is then one AND and one popcount per pair instead of a loop
over ballots. The strongest paths are the widest-path Floyd–Warshall of Schulze's paper.
The Schulze ranking follows the beatpath relation itself (`beatpath_groups`), never the
number of options each one beats: options neither beats the other share a rank.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from smartplan_tui.i18n import _
from smartplan_tui.records import record

__all__ = [
    "IrvStep",
    "beatpath_groups",
    "borda_doubled_points",
    "borda_doubled_points_weak",
    "irv_steps",
    "pairwise_matrix",
    "pairwise_matrix_weak",
    "strongest_paths",
    "widest_path",
]

Ranking = Sequence[int]
#: A ranking with ties: groups of option indices, best group first; options in no group
#: are left out and tie below all the others (how dot ballots are read for a recount).
WeakOrder = Sequence[Sequence[int]]


def borda_doubled_points(rankings: Sequence[Ranking], n: int) -> list[int]:
    """Twice the classical Borda points of each option (doubling keeps shared halves exact).

    The option ranked k-th (from 0) of n gets n−1−k points; the n−m options a ballot of
    length m leaves out share the remaining positions' points, (n−1−m)/2 each.
    """
    doubled = [0] * n
    for ranking in rankings:
        m = len(ranking)
        for k, option in enumerate(ranking):
            doubled[option] += 2 * (n - 1 - k)
        if m < n:
            share = n - 1 - m
            ranked = set(ranking)
            for option in range(n):
                if option not in ranked:
                    doubled[option] += share
    return doubled


def borda_doubled_points_weak(orders: Sequence[WeakOrder], n: int) -> list[int]:
    """Borda points (doubled) for rankings with ties: a group shares its places' points.

    A group of g options at places k … k+g−1 gets the mean, n−1−k−(g−1)/2 each; the options
    left out are the last group. With groups of one this is `borda_doubled_points`.
    """
    doubled = [0] * n
    for groups in orders:
        k = 0
        placed: set[int] = set()
        for group in groups:
            for option in group:
                doubled[option] += 2 * (n - 1 - k) - (len(group) - 1)
            k += len(group)
            placed.update(group)
        for option in range(n):
            if option not in placed:
                doubled[option] += n - 1 - k
    return doubled


def pairwise_matrix_weak(orders: Sequence[WeakOrder], n: int) -> list[list[int]]:
    """d[i][j] = how many ballots put option i in a better group than option j."""
    d = [[0] * n for _ in range(n)]
    for groups in orders:
        level = [len(groups)] * n
        for rank, group in enumerate(groups):
            for option in group:
                level[option] = rank
        for i in range(n):
            row, li = d[i], level[i]
            for j in range(n):
                if li < level[j]:
                    row[j] += 1
    return d


def pairwise_matrix(rankings: Sequence[Ranking], n: int) -> list[list[int]]:
    """d[i][j] = how many ballots rank option i above option j."""
    count = len(rankings)
    if n == 0:
        return []
    width = ((count + 7) // 8) * 8 or 8  # bits per position block, whole bytes
    block_bytes = width // 8
    blocks = n + 1  # positions 0..n-1, and n for "left out"
    at = [bytearray(blocks * block_bytes) for _ in range(n)]
    unranked_base = n * block_bytes
    for b, ranking in enumerate(rankings):
        byte, bit = b >> 3, 1 << (b & 7)
        for position, option in enumerate(ranking):
            at[option][position * block_bytes + byte] |= bit
        if len(ranking) < n:
            ranked = set(ranking)
            for option in range(n):
                if option not in ranked:
                    at[option][unranked_base + byte] |= bit
    total_bits = blocks * width
    mask = (1 << total_bits) - 1
    exact = [int.from_bytes(a, "little") for a in at]
    above = [_positions_before(e, width, total_bits) & mask for e in exact]
    left_out = [int.from_bytes(a[unranked_base:], "little") for a in at]
    d = [[0] * n for _ in range(n)]
    for i in range(n):
        row, above_i, out_i = d[i], above[i], left_out[i]
        for j in range(i + 1, n):
            wins = (above_i & exact[j]).bit_count()
            row[j] = wins
            # Every ballot prefers i, prefers j, or leaves both out: one popcount saved.
            d[j][i] = count - wins - (out_i & left_out[j]).bit_count()
    return d


def _positions_before(exact: int, width: int, total_bits: int) -> int:
    """Block p of the result = ballots that put the option at any position before p.

    A prefix OR over blocks in log₂(blocks) shifts: shift by one block, then OR the result
    with itself shifted by 1, 2, 4 … blocks.
    """
    acc = exact << width
    step = width
    while step < total_bits:
        acc |= acc << step
        step *= 2
    return acc


def strongest_paths(d: Sequence[Sequence[int]]) -> list[list[int]]:
    """Schulze's strongest-path strengths (winning votes), widest-path Floyd–Warshall.

    A link i→j exists when more ballots prefer i to j than j to i; its strength is the
    number preferring i. A path is as strong as its weakest link.
    """
    n = len(d)
    p = [[d[i][j] if d[i][j] > d[j][i] else 0 for j in range(n)] for i in range(n)]
    for k in range(n):
        row_k = p[k]
        for i in range(n):
            if i == k:
                continue
            row_i = p[i]
            via = row_i[k]
            if via == 0:
                continue
            # max(a, min(via, b)) without function calls: the inner loop runs n³ times.
            p[i] = [a if (a >= via or a >= b) else (b if b < via else via)
                    for a, b in zip(row_i, row_k, strict=True)]
    for i in range(n):
        p[i][i] = 0
    return p


def beatpath_groups(p: Sequence[Sequence[int]]) -> list[list[int]]:
    """Schulze's rank groups, best first, from the strongest paths `p`.

    X beats Y by beatpath when p[X][Y] > p[Y][X]; Schulze proved this relation transitive,
    so it has no cycle. Each group is the set of options that no option still unranked
    beats: the first group is the winner set, and every other option sits in the group just
    below the lowest-ranked option that beats it. Counting beatpath wins instead would split
    options neither beats (a tie broken silently) and merge options a beatpath separates.
    Kahn's topological layering, O(n²).
    """
    n = len(p)
    beats = [[y for y in range(n) if p[x][y] > p[y][x]] for x in range(n)]
    beaten_by = [0] * n
    for row in beats:
        for y in row:
            beaten_by[y] += 1
    groups: list[list[int]] = []
    top = [x for x in range(n) if beaten_by[x] == 0]
    while top:
        groups.append(top)
        freed = []
        for x in top:
            for y in beats[x]:
                beaten_by[y] -= 1
                if beaten_by[y] == 0:
                    freed.append(y)
        top = sorted(freed)
    if sum(map(len, groups)) != n:
        raise ValueError("the beatpath relation has a cycle: p is not a strongest-path matrix")
    return groups


def widest_path(d: Sequence[Sequence[int]], start: int, goal: int, strength: int) -> list[int]:
    """One path start→goal whose every link has at least `strength`, for explanations."""
    n = len(d)
    previous: dict[int, int] = {start: start}
    frontier = [start]
    while frontier and goal not in previous:
        nxt = []
        for node in frontier:
            row = d[node]
            for other in range(n):
                if (other not in previous and row[other] > d[other][node]
                        and row[other] >= strength):
                    previous[other] = node
                    nxt.append(other)
        frontier = nxt
    if goal not in previous:
        return []
    path = [goal]
    while path[-1] != start:
        path.append(previous[path[-1]])
    return path[::-1]


@record
class IrvStep:
    """One instant-runoff round over option indices."""

    votes: dict[int, int]
    exhausted: int
    eliminated: tuple[int, ...]
    winners: tuple[int, ...]
    note: str


def irv_steps(rankings: Sequence[Ranking], n: int, name: Sequence[str]) -> list[IrvStep]:
    """Instant-runoff rounds until an option holds more than half the live ballots.

    Elimination ties (several options share the fewest votes) are settled by looking
    back: the one with fewer votes in the latest earlier round where they differ goes
    out. Options tied in every round so far go out together. When all options left have
    the same number of votes they share the win. Nothing is decided by chance.
    """
    weighted = Counter(tuple(r) for r in rankings)
    continuing = set(range(n))
    steps: list[IrvStep] = []
    history: list[dict[int, int]] = []
    while continuing:
        votes = dict.fromkeys(sorted(continuing), 0)
        exhausted = 0
        for ranking, weight in weighted.items():
            for option in ranking:
                if option in continuing:
                    votes[option] += weight
                    break
            else:
                exhausted += weight
        history.append(votes)
        live = sum(votes.values())
        best = max(votes.values())
        leaders = tuple(o for o, v in votes.items() if v == best)
        if len(continuing) == 1 or (live and 2 * best > live):
            steps.append(IrvStep(votes, exhausted, (), leaders, ""))
            break
        if len(leaders) == len(continuing):
            steps.append(IrvStep(votes, exhausted, (), leaders,
                                 _("every option left has the same number of votes: they "
                                   "tie")))
            break
        out, note = _elimination(votes, history, name)
        steps.append(IrvStep(votes, exhausted, out, (), note))
        continuing -= set(out)
    return steps


def _elimination(votes: dict[int, int], history: list[dict[int, int]],
                 name: Sequence[str]) -> tuple[tuple[int, ...], str]:
    fewest = min(votes.values())
    tied = [o for o, v in votes.items() if v == fewest]
    if len(tied) == 1:
        return (tied[0],), ""
    names = ", ".join(name[o] for o in tied)
    for number in range(len(history) - 2, -1, -1):
        earlier = history[number]
        low = min(earlier[o] for o in tied)
        narrowed = [o for o in tied if earlier[o] == low]
        if len(narrowed) < len(tied):
            tied = narrowed
            if len(tied) == 1:
                return (tied[0],), _("{names} tied with {fewest}; {out} had fewer in round "
                                     "{round}, so it goes out").format(
                    names=names, fewest=fewest, out=name[tied[0]], round=number + 1)
    together = ", ".join(name[o] for o in tied)
    return tuple(tied), _("{names} tied with {fewest}; no earlier round separates {together}, "
                          "so they go out together").format(names=names, fewest=fewest,
                                                            together=together)

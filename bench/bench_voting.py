"""Speed of the vote counts, run by hand: `python bench/bench_voting.py`.

Budgets: a Schulze count of 50 options × 1,000 ballots within 100 ms; dot and
Borda counts of 200 voters within one frame (16 ms). Each figure is the median of several
runs of `voting.count` (explanation included). As a baseline, measured in the same run, the
textbook way: a pairwise matrix counted ballot by ballot and pair by pair, and
Floyd–Warshall with min()/max() calls.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial

from smartplan_tui.exercises import voting
from smartplan_tui.model import Ballot, Vote, VoteMethod, VoteOption

RUNS = 7


def median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def make_vote(method: VoteMethod, n_options: int, n_ballots: int, seed: int = 1) -> Vote:
    rng = random.Random(seed)
    ids = [voting.option_letter(i) for i in range(n_options)]
    options = tuple(VoteOption(o, f"Option {o}") for o in ids)
    ballots: list[Ballot] = []
    for b in range(n_ballots):
        if method is VoteMethod.DOT:
            picks = rng.choices(ids, k=3)
            ballots.append(Ballot(f"p{b}", dots={o: picks.count(o) for o in set(picks)}))
        elif method is VoteMethod.SCORE:
            ballots.append(Ballot(f"p{b}", scores={o: {"impact": rng.randint(1, 5),
                                                       "feasibility": rng.randint(1, 5)}
                                                   for o in ids}))
        else:
            ballots.append(Ballot(ranking=tuple(rng.sample(ids, n_options))))
    return Vote("v", "Bench", method, options, ballots=tuple(ballots))


def textbook_schulze(vote: Vote) -> list[list[int]]:
    """The baseline: pair-by-pair counting per ballot, Floyd–Warshall with min/max."""
    ids = vote.option_ids
    n = len(ids)
    d = [[0] * n for _ in range(n)]
    index = {o: i for i, o in enumerate(ids)}
    for ballot in vote.ballots:
        ranking: Sequence[str] = ballot.ranking or ()
        for k, a in enumerate(ranking):
            for b in ranking[k + 1:]:
                d[index[a]][index[b]] += 1
    p = [[d[i][j] if d[i][j] > d[j][i] else 0 for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j:
                for k in range(n):
                    if i != k and j != k:
                        p[j][k] = max(p[j][k], min(p[j][i], p[i][k]))
    return p


def main() -> int:
    rows: list[tuple[str, float, float | None, str]] = []
    schulze = make_vote(VoteMethod.SCHULZE, 50, 1000)
    ours = median_ms(lambda: voting.count(schulze))
    baseline = median_ms(lambda: textbook_schulze(schulze), runs=3)
    assert [list(r) for r in voting.count(schulze).strongest] == textbook_schulze(schulze)
    rows.append(("schulze 50 options × 1,000 ballots", ours, 100.0,
                 f"textbook {baseline:.1f} ms"))
    for method, label in ((VoteMethod.IRV, "irv 50 options × 1,000 ballots"),
                          (VoteMethod.BORDA, "borda 50 options × 1,000 ballots")):
        vote = make_vote(method, 50, 1000)
        rows.append((label, median_ms(partial(voting.count, vote)), None, "for scale"))
    for method, budget in ((VoteMethod.DOT, 16.0), (VoteMethod.BORDA, 16.0),
                           (VoteMethod.SCORE, None)):
        vote = make_vote(method, 20, 200)
        rows.append((f"{method.value} 20 options × 200 voters",
                     median_ms(partial(voting.count, vote)), budget, ""))
    build = median_ms(lambda: make_vote(VoteMethod.SCHULZE, 50, 1000), runs=3)
    rows.append(("(building + validating the 1,000-ballot Vote)", build, None, "not counted"))

    print(f"{'case':<48} {'median ms':>10} {'budget ms':>10}  {'verdict':<8} note")
    failed = False
    for label, ms, budget, note in rows:
        verdict = "" if budget is None else ("ok" if ms <= budget else "OVER")
        failed |= verdict == "OVER"
        shown_budget = "" if budget is None else f"{budget:.0f}"
        print(f"{label:<48} {ms:>10.2f} {shown_budget:>10}  {verdict:<8} {note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

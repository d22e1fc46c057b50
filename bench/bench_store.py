"""How long a durable single-item edit takes, at 100, 1,000 and 10,000 items in a session.

Run: `python bench/bench_store.py`. Prints medians (ms) of:
- `edit`: `handle.update()` of one SWOT item's text — lock, re-check, journal line, fsync;
- `add`: `handle.add()` of one SWOT item;
- floor `append`: appending one line to a file with fsync;
- floor `rewrite`: orjson of the whole session to a temp file + fsync + `os.replace`;
- reference `tinydb`: stock TinyDB JSONStorage updating one document (no fsync at all).
Targets (issue 2): median edit ≤ 5 ms at 1,000 items and ≤ 10 ms at 10,000.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson
from tinydb import Query, TinyDB

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from smartplan_tui.model import Quadrant, Session, SessionInfo, SwotItem
from smartplan_tui.store import SessionStore, session_to_document

TEXT = "Ice-free ports of Liepāja, Ventspils and Klaipėda attract new logistics investment"


def _median_ms(run: Callable[[int], object], repeats: int) -> float:
    times = []
    for n in range(repeats):
        start = time.perf_counter()
        run(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _session(n: int) -> Session:
    quadrants = list(Quadrant)
    return Session(info=SessionInfo("bench", "Bench"), swot=tuple(
        SwotItem(f"s{i}", quadrants[i % 4], f"{TEXT} #{i}", ("ports",), "p1") for i in range(n)))


def bench(n: int, folder: Path, repeats: int) -> dict[str, float]:
    store = SessionStore(folder / f"home{n}")
    session = _session(n)
    store.save_whole(session)
    handle = store.open("bench")
    target = f"s{n // 2}"
    figures = {
        "edit": _median_ms(lambda k: handle.update(
            "swot", target, lambda it: dataclasses.replace(it, text=f"{TEXT} edit {k}")), repeats),
        "add": _median_ms(lambda k: handle.add(
            "swot", lambda i: SwotItem(i, Quadrant.THREATS, f"new {k}")), repeats),
    }
    log = folder / f"append{n}.log"

    def append(k: int) -> None:
        with open(log, "ab") as f:
            f.write(orjson.dumps({"id": target, "text": f"edit {k}"}) + b"\n")
            f.flush()
            os.fsync(f.fileno())

    doc = session_to_document(session)
    whole = folder / f"whole{n}.json"

    def rewrite(k: int) -> None:
        tmp = whole.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            f.write(orjson.dumps(doc))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, whole)

    figures["append"] = _median_ms(append, repeats)
    figures["rewrite"] = _median_ms(rewrite, repeats)
    db = TinyDB(folder / f"tinydb{n}.json")
    db.table("swot").insert_multiple(doc["swot"])
    item = Query()
    figures["tinydb"] = _median_ms(lambda k: db.table("swot").update(
        {"text": f"edit {k}"}, item.id == target), max(5, repeats // 10))
    return figures


def main() -> None:
    print(__doc__.split("\n\n")[0])
    print(f"{'items':>7} {'edit':>8} {'add':>8} {'append':>8} {'rewrite':>8} {'tinydb':>8}"
          f" {'edit/append':>12} {'edit/rewrite':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for n, repeats in ((100, 200), (1_000, 200), (10_000, 100)):
            f = bench(n, Path(tmp), repeats)
            print(f"{n:>7} {f['edit']:>8.2f} {f['add']:>8.2f} {f['append']:>8.2f} "
                  f"{f['rewrite']:>8.2f} {f['tinydb']:>8.2f} {f['edit'] / f['append']:>11.1f}× "
                  f"{f['edit'] / f['rewrite']:>12.2f}×")


if __name__ == "__main__":
    main()

"""How long durable single-item SWOT edits take, at 100, 1,000 and 10,000 items in a session.

Run: `python bench/bench_store.py` (15–20 s here; it writes only to a temporary folder).
Prints one table of medians, every figure in ms:
- `edit`: `handle.update()` of one SWOT item's text — lock, re-check, journal line, fsync;
- `add`: `handle.add()` of one SWOT item;
- `reorder`: `handle.reorder(SWOT, ids)` with one item moved, alternately from the end to
  the front and back, so every repeat is a real change (one journal line naming every id);
- `undo`: the session-wide undo of a SWOT delete, as the board's `u` does it:
  `handle.undo()` after an untimed `handle.apply(swot.delete_item)` — the delete's history
  entry written back row by row (the item, its TOWS links and option sources, its place);
- `restore`: the store's own undo of a delete, `handle.restore(SWOT, removed, index)` after
  an untimed `removed = handle.remove(SWOT, id)`, putting the item back at its old index;
- `reload`: a fresh process's first load after the reorders, `SessionStore(home).load()` —
  the whole snapshot read and decoded, and the journal replayed;
- floor `append`: appending one line to a file with fsync;
- floor `rewrite`: orjson of the whole session to a temp file + fsync + `os.replace`;
- reference `tinydb`: stock TinyDB JSONStorage updating one document (no fsync at all);
- `edit/append`, `add/append`: the edit and add medians over the append floor.
The floors are measured in the same run, on the same disk, as the store's figures.
Under the table: how much journal `reload` replayed, and for `undo` and `restore` how often
the item was not back at its old index in this process's next `handle.load()`, and whether the
list's order on disk was still the original after all the repeats (a correctness check, not timed).

Targets:
- edit and add ≤ 3× the append+fsync floor at every size (measured in the same run);
- reorder and undo each ≤ 5 ms at 10,000 items.
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
from typing import Any

import orjson
from tinydb import Query, TinyDB

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from smartplan_tui.collection_registry import SWOT
from smartplan_tui.exercises import swot
from smartplan_tui.model import Quadrant, Session, SessionInfo, SwotItem
from smartplan_tui.store import SessionStore, session_to_document

TEXT = "Ice-free ports of Liepāja, Ventspils and Klaipėda attract new logistics investment"

#: (items, repeats of edit/add/floors, repeats of reorder/undo/restore, repeats of reload)
SIZES = ((100, 400, 200, 30), (1_000, 400, 150, 20), (10_000, 200, 100, 10))

EDIT_RATIO = 3.0
REORDER_MS = 5.0
UNDO_MS = 5.0

COLUMNS = ("edit", "add", "reorder", "undo", "restore", "reload", "append", "rewrite",
           "tinydb")


def _median_ms(run: Callable[[Any], object], repeats: int,
               setup: Callable[[int], Any] = lambda k: k,
               check: Callable[[Any], object] = lambda arg: None) -> float:
    """Median of `run(setup(k))` over `repeats`; only `run` is timed, not `check(arg)` after."""
    times = []
    for k in range(repeats):
        arg = setup(k)
        start = time.perf_counter()
        run(arg)
        times.append(time.perf_counter() - start)
        check(arg)
    return statistics.median(times) * 1000


def _session(n: int) -> Session:
    quadrants = list(Quadrant)
    return Session(info=SessionInfo("bench", "Bench"), swot=tuple(
        SwotItem(f"s{i}", quadrants[i % 4], f"{TEXT} #{i}", ("ports",), "p1") for i in range(n)))


def bench(n: int, folder: Path, repeats: int, moves: int, reloads: int) -> dict[str, Any]:
    home = folder / f"home{n}"
    store = SessionStore(home, author="bench")
    session = _session(n)
    store.save_whole(session)
    handle = store.open("bench")
    target = f"s{n // 2}"
    figures: dict[str, Any] = {
        "edit": _median_ms(lambda k: handle.update(
            SWOT, target, lambda it: dataclasses.replace(it, text=f"{TEXT} edit {k}")), repeats),
        "add": _median_ms(lambda k: handle.add(
            SWOT, lambda i: SwotItem(i, Quadrant.THREATS, f"new {k}")), repeats),
    }

    ids = [item.id for item in handle.load().swot]

    def moved(k: int) -> list[str]:
        # Even repeats move the last item to the front, odd ones move it back.
        if k % 2 == 0:
            ids.insert(0, ids.pop())
        else:
            ids.append(ids.pop(0))
        return list(ids)

    figures["reorder"] = _median_ms(lambda order: handle.reorder(SWOT, order), moves, moved)
    assert [item.id for item in handle.load().swot] == ids

    journal = home / "sessions" / "bench.journal"
    figures["journal"] = (journal.read_bytes().count(b"\n") - 1, journal.stat().st_size)
    figures["reload"] = _median_ms(lambda k: SessionStore(home).load("bench"), reloads)

    def deleted(k: int) -> tuple[str, int]:
        # As the SWOT board does: a delete from the session on screen, its place noted.
        now = handle.load()
        index = (n // 3 + 7 * k) % (len(now.swot) - 1)
        item_id = now.swot[index].id
        handle.apply(lambda s, _new_id: swot.delete_item(s, item_id))
        return item_id, index

    # Where each undo left the item in this process's view (`handle.load()`, what the
    # screen shows next), and whether the whole order survived on disk. Not timed.
    misplaced = {"undo": 0, "restore": 0}

    def in_place(op: str, item_id: str, index: int) -> None:
        if [item.id for item in handle.load().swot].index(item_id) != index:
            misplaced[op] += 1

    def on_disk(expected: list[str]) -> str:
        fresh = SessionStore(home).load("bench")
        return "kept" if [item.id for item in fresh.swot] == expected else "lost"

    before = [item.id for item in handle.load().swot]
    figures["undo"] = _median_ms(
        lambda gone: handle.undo(), moves, deleted, lambda gone: in_place("undo", *gone))
    figures["undo order"] = (misplaced["undo"], moves, on_disk(before))

    before = [item.id for item in SessionStore(home).load("bench").swot]

    def removed(k: int) -> tuple[Any, int]:
        index = (n // 3 + 7 * k) % (len(before) - 1)
        return handle.remove(SWOT, before[index]), index

    figures["restore"] = _median_ms(
        lambda gone: handle.restore(SWOT, *gone), moves, removed,
        lambda gone: in_place("restore", gone[0].id, gone[1]))
    figures["restore order"] = (misplaced["restore"], moves, on_disk(before))

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
    figures["rewrite"] = _median_ms(rewrite, max(10, repeats // 4))
    db = TinyDB(folder / f"tinydb{n}.json")
    db.table("swot").insert_multiple(doc["swot"])
    item = Query()
    figures["tinydb"] = _median_ms(lambda k: db.table("swot").update(
        {"text": f"edit {k}"}, item.id == target), max(5, repeats // 10))
    return figures


def _verdict(name: str, figure: str, ok: bool) -> str:
    return f"{name}: {figure} — {'met' if ok else 'missed'}"


def main() -> None:
    started = time.perf_counter()
    print(__doc__.split("\n")[0])
    print("Medians in ms; ratios are medians over the append+fsync floor measured just after.")
    print(f"{'items':>7}" + "".join(f" {c:>8}" for c in COLUMNS)
          + f" {'edit/append':>12} {'add/append':>11}")
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, repeats, moves, reloads in SIZES:
            f = results[n] = bench(n, Path(tmp), repeats, moves, reloads)
            print(f"{n:>7,}" + "".join(f" {f[c]:>8.2f}" for c in COLUMNS)
                  + f" {f['edit'] / f['append']:>11.1f}× {f['add'] / f['append']:>10.1f}×",
                  flush=True)
    print("reload replayed: " + "; ".join(
        f"{n:,} items {f['journal'][0]} journal lines ({f['journal'][1] / 1024:.0f} KiB)"
        for n, f in results.items()))
    for op in ("undo", "restore"):
        print(f"{op}: item out of place in this process's view after " + "; ".join(
            f"{f[f'{op} order'][0]}/{f[f'{op} order'][1]} at {n:,}"
            for n, f in results.items()) + "; order on disk at the end: " + ", ".join(
            f[f"{op} order"][2] for f in results.values()))
    print()
    print(f"Targets: edit and add ≤ {EDIT_RATIO:g}× append at every size; "
          f"reorder ≤ {REORDER_MS:g} ms and undo ≤ {UNDO_MS:g} ms at 10,000 items.")
    for op in ("edit", "add"):
        for n, f in results.items():
            ratio = f[op] / f["append"]
            print(_verdict(f"{op} ≤ {EDIT_RATIO:g}× append at {n:,}", f"{ratio:.1f}×",
                           ratio <= EDIT_RATIO))
    big = results[10_000]
    print(_verdict(f"reorder ≤ {REORDER_MS:g} ms at 10,000", f"{big['reorder']:.2f} ms",
                   big["reorder"] <= REORDER_MS))
    print(_verdict(f"undo ≤ {UNDO_MS:g} ms at 10,000", f"{big['undo']:.2f} ms",
                   big["undo"] <= UNDO_MS))
    print(f"(store-level restore at 10,000: {big['restore']:.2f} ms; "
          f"whole run {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()

"""Speed of the app: start-up against a bare Textual app, and keystrokes at 2,000 items.

Run by hand: `python bench/bench_app.py [--runs 7] [--keys 200]`.

Start-up figures are the time from starting a process to its first screen being drawn and
taking keys (interpreter start, imports, compose, first paint; the app writes the moment
to a file named by `SMARTPLAN_EXIT_ON_READY`, then exits), median of `--runs`, every app
run headless. The runs go in rounds, one of each case, and `× bare` is the median of the
rounds' ratios to that round's bare run (a shared machine's speed drifts between rounds;
within one it moves every case alike); `lowest` is the smallest of them:

- `bare textual`: the baseline — an App with Header, Static and Footer.
- `home screen`: `make_app(home)` on a data home holding the demo session and the big one
  (the session list fills in from a thread worker just after the first paint).
- `home screen in Latvian` / `in Lithuanian`: the same, the interface language chosen first
  as the `smartplan` command does (`launch.choose`), so the catalogue is read and every key
  description and title is translated.
- `2,000-item session`: `make_app(home, "big")` — the home screen plus the session screen
  of a session with 2,000 SWOT items.

Opening a screen (`open …` rows) is timed from the key press that opens it to its first
full paint (the compositor's first whole-screen render of the new screen), and to its last
paint before the app goes idle; median of `--runs`, each in a fresh process (so the
garbage collector's state is that of a real start), headless at 120×36:

- `bare screen`: the floor — a bare Textual app whose key pushes a screen with a Header,
  a Static and a Footer.
- `bare OptionList 2,000`: the baseline — the same, the screen holding one OptionList of
  2,000 options.
- `SWOT board 2,000`: `w` on the session screen of the 2,000-item session.

Keystroke figures are in-process (headless, 120×36): the time from a key event entering
the app to the end of the screen's next repaint (the compositor rendering the changed
regions), per key, on the SWOT board of the 2,000-item session — cursor down in a
quadrant, and typing into the capture line — and, as a floor, cursor down in a bare
Textual app holding one 20-item OptionList. Textual repaints at most 60 times a second,
so a few ms of every figure is the wait for the next frame.

Targets: home ≤ 1.2 × bare (in any language), 2,000-item session ≤ 1.5 × bare, board's first paint < 100 ms,
keystroke median ≤ 10 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, ClassVar

from textual import events

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import os, time
from pathlib import Path
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App[None]):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

    def on_ready(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        Path(os.environ["SMARTPLAN_EXIT_ON_READY"]).write_text(repr(time.time()))
        self.exit()

Bare().run(headless=True)
"""

SMARTPLAN = """
import sys
from pathlib import Path
from smartplan_tui.app import make_app
make_app(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None).run(headless=True)
"""

#: The same start in another interface language, chosen first as `launch.py` does.
SMARTPLAN_IN = """
import sys
from pathlib import Path
from smartplan_tui.launch import choose
choose(["--lang", sys.argv[2], "--home", sys.argv[1]])
from smartplan_tui.app import make_app
make_app(Path(sys.argv[1])).run(headless=True)
"""


def _prepare(home: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from dataclasses import replace

    from smartplan_tui.demo import ensure_demo
    from smartplan_tui.model import SessionInfo
    from smartplan_tui.store import SessionStore
    from tests.session_factory import big_session

    store = SessionStore(home)
    ensure_demo(store)
    big = big_session(2000, 0)
    store.save_whole(replace(big, info=SessionInfo(id="big", title="Big board")))


def _time_process(code: str, *args: str) -> float:
    """Seconds from starting the process to its first screen being drawn and interactive."""
    with tempfile.TemporaryDirectory() as folder:
        stamp = Path(folder) / "ready"
        env = {**os.environ, "SMARTPLAN_EXIT_ON_READY": str(stamp)}
        start = time.time()
        done = subprocess.run([sys.executable, "-c", code, *args], env=env,
                              capture_output=True, timeout=120)
        if done.returncode != 0 or not stamp.exists():
            raise SystemExit(done.stderr.decode(errors="replace") or "no ready time written")
        return float(stamp.read_text()) - start


def _bare_opener(big: bool) -> Any:
    """A bare Textual app whose `w` pushes a screen: a floor, or an OptionList of 2,000."""
    from textual.app import App
    from textual.binding import Binding, BindingType
    from textual.screen import Screen
    from textual.widgets import Footer, Header, OptionList, Static

    class Opened(Screen[None]):
        def compose(self) -> Any:
            yield Header()
            if big:
                yield OptionList(*(f"Item {i}: the harbour needs better links"
                                   for i in range(2000)))
            else:
                yield Static("Hello")
            yield Footer()

    class Opener(App[None]):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("w", "open", "Open")]

        def action_open(self) -> None:
            self.push_screen(Opened())

    return Opener()


async def _open_in_process(case: str, home: Path) -> tuple[float, float]:
    """(first full paint, last paint) in ms after the key that opens the `case` screen."""
    from textual._compositor import LayoutUpdate

    from smartplan_tui.app import make_app

    app: Any = make_app(home, "big") if case == "board" else _bare_opener(case == "optionlist")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = app.screen
        paints: list[float] = []
        first_paint = asyncio.Event()
        display = app._display

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if screen is not before and (paints or isinstance(renderable, LayoutUpdate)):
                paints.append(time.perf_counter())
                first_paint.set()

        app._display = timed_display  # this app instance, for this bench only
        event = events.Key("w", "w")
        event.set_sender(app)
        start = time.perf_counter()
        app._driver.send_message(event)
        await asyncio.wait_for(first_paint.wait(), 30)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not before, "the key opened no screen"
        if case == "board":
            from smartplan_tui.model import Quadrant
            from smartplan_tui.screens.swot_board import SwotBoardScreen

            board = app.screen
            assert isinstance(board, SwotBoardScreen)
            assert sum(board.quadrant_list(q).row_count for q in Quadrant) == 2000
    return (paints[0] - start) * 1000, (paints[-1] - start) * 1000


OPEN_CASES = {"bare screen": "floor", "bare OptionList 2,000": "optionlist",
              "SWOT board 2,000": "board"}


def opening(home: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Median (first paint, last paint) in ms per case, each run a fresh process."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in OPEN_CASES}
    for _ in range(runs):  # interleaved, so a busy moment hurts every case alike
        for name, case in OPEN_CASES.items():
            done = subprocess.run([sys.executable, __file__, "--open-case", case, str(home)],
                                  capture_output=True, timeout=120, text=True)
            if done.returncode != 0:
                raise SystemExit(done.stderr or f"opening {name} failed")
            first, last = done.stdout.split()
            times[name].append((float(first), float(last)))
    return {name: (statistics.median(t[0] for t in values),
                   statistics.median(t[1] for t in values))
            for name, values in times.items()}


def startup(home: Path, runs: int) -> dict[str, tuple[float, float, float]]:
    """Per case: (median seconds, median of the rounds' ratios to bare, lowest ratio)."""
    cases = {"bare textual": (BARE,), "home screen": (SMARTPLAN, str(home)),
             "home screen in Latvian": (SMARTPLAN_IN, str(home), "lv"),
             "home screen in Lithuanian": (SMARTPLAN_IN, str(home), "lt"),
             "2,000-item session": (SMARTPLAN, str(home), "big")}
    times: dict[str, list[float]] = {name: [] for name in cases}
    _time_process(BARE)  # warm the file cache
    for _ in range(runs):  # interleaved, so a busy moment hurts every case alike
        for name, case in cases.items():
            times[name].append(_time_process(*case))
    bare = times["bare textual"]
    # Each round's ratio to the bare run of the same round: a machine whose speed drifts
    # (a shared virtual machine's does, by tens of percent) moves both alike.
    return {name: (statistics.median(values),
                   statistics.median(v / b for v, b in zip(values, bare, strict=True)),
                   min(v / b for v, b in zip(values, bare, strict=True)))
            for name, values in times.items()}


async def _key_to_paint(app: Any, screen: Any, keys: list[str]) -> list[float]:
    """Milliseconds from each key event entering the app to the screen's next repaint.

    The repaint is `Screen._compositor_refresh` (the compositor rendering the changed
    regions for the terminal): wrapped on this one screen instance, for this bench only.
    """
    painted = asyncio.Event()
    original = screen._compositor_refresh

    def refresh() -> None:
        original()
        painted.set()

    screen._compositor_refresh = refresh
    times = []
    for key in keys:
        await asyncio.sleep(0.03)  # let the previous key settle; not measured
        painted.clear()
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        start = time.perf_counter()
        app._driver.send_message(event)
        await asyncio.wait_for(painted.wait(), 2)
        times.append((time.perf_counter() - start) * 1000)
    screen._compositor_refresh = original
    return times


def _within_view(count: int) -> list[str]:
    """Down and up in turn: the cursor moves, the list does not scroll."""
    return ["down" if i % 2 == 0 else "up" for i in range(count)]


async def keystrokes(home: Path, count: int) -> dict[str, list[float]]:
    from textual.app import App
    from textual.widgets import OptionList

    from smartplan_tui.app import make_app
    from smartplan_tui.model import Quadrant
    from smartplan_tui.screens.swot_board import SwotBoardScreen

    results: dict[str, list[float]] = {}

    class Bare(App[None]):
        def compose(self) -> Any:
            yield OptionList(*(f"Item {i}: the harbour needs better links" for i in range(500)))

    bare = Bare()
    async with bare.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        results["bare OptionList 500: up/down in view"] = await _key_to_paint(
            bare, bare.screen, _within_view(count))
        await pilot.press(*["down"] * 40)
        results["bare OptionList 500: down, scrolling"] = await _key_to_paint(
            bare, bare.screen, ["down"] * count)

    app = make_app(home, "big")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        board = app.screen
        assert isinstance(board, SwotBoardScreen)
        assert sum(board.quadrant_list(q).row_count for q in Quadrant) == 2000
        await pilot.press("escape", "down", "down")  # from the capture line to the quadrant
        results["board 2,000: up/down in view"] = await _key_to_paint(
            app, board, _within_view(count))
        await pilot.press(*["down"] * 12)
        results["board 2,000: down, scrolling"] = await _key_to_paint(
            app, board, ["down"] * count)
        await pilot.press("i")
        results["board 2,000: type a letter"] = await _key_to_paint(app, board, ["x"] * count)
    return results


def _compile() -> None:
    """Byte-compile the package first, as `pip install .` does: an editable checkout run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on every start, which
    the pip-installed Textual of the baseline never does."""
    import compileall

    compileall.compile_dir(ROOT / "smartplan_tui", quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--keys-only", action="store_true", help="skip the start-up runs")
    parser.add_argument("--open-only", action="store_true",
                        help="only the figures for opening a screen")
    parser.add_argument("--open-case", nargs=2, metavar=("CASE", "HOME"),
                        help=argparse.SUPPRESS)  # one run of `opening`, in its own process
    args = parser.parse_args()
    if args.open_case:
        sys.path.insert(0, str(ROOT))
        first, last = asyncio.run(_open_in_process(args.open_case[0], Path(args.open_case[1])))
        print(first, last)
        return
    _compile()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        _prepare(home)
        starts = {} if args.keys_only or args.open_only else startup(home, args.runs)
        opens = opening(home, args.runs)
        keys = {} if args.open_only else asyncio.run(keystrokes(home, args.keys))
    if starts:
        print(f"{'start-up (median of ' + str(args.runs) + ')':<40}{'seconds':>8}"
              f"{'× bare':>8}{'lowest':>8}{'target':>9}")
        targets = {"bare textual": "", "home screen": "≤ 1.2", "home screen in Latvian": "≤ 1.2",
                   "home screen in Lithuanian": "≤ 1.2", "2,000-item session": "≤ 1.5"}
        for name, (seconds, ratio, lowest) in starts.items():
            print(f"{name:<40}{seconds:>8.3f}{ratio:>8.2f}{lowest:>8.2f}{targets[name]:>9}")
        print()
    baseline = opens["bare OptionList 2,000"][0]
    print(f"{'open a screen: key → paint (ms, median of ' + str(args.runs) + ')':<48}"
          f"{'first':>7}{'last':>7}{'× OptionList':>14}{'target':>9}")
    for name, (first, last) in opens.items():
        target = "< 100" if name.startswith("SWOT") else ""
        print(f"{'open ' + name:<48}{first:>7.1f}{last:>7.1f}{first / baseline:>14.2f}"
              f"{target:>9}")
    if not keys:
        return
    print()
    print(f"{'key → repaint (ms)':<40}{'median':>8}{'p90':>8}{'target':>9}")
    for name, values in keys.items():
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
        target = "≤ 10" if name.startswith("board") else ""
        print(f"{name:<40}{statistics.median(values):>8.1f}{p90:>8.1f}{target:>9}")

if __name__ == "__main__":
    main()

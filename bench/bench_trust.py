"""What misbehaving disks, users and programs cost in data, measured rather than assumed.

Run: `python bench/bench_trust.py [--seconds 15] [--baseline PATH]`. Prints, for this tree
(and, with `--baseline`, for another checkout of SmartPlan, e.g. an older release, in the
same run):
- `cleaner`: three processes add SWOT items for `--seconds` while a fourth deletes every
  lock file in the sessions folder, as a sync tool or a cleaner would: acknowledged adds,
  how many of them were lost, and ids given out twice;
- `replace kill`: `import --replace` over a session whose edits are still in its journal,
  killed (SIGKILL) before and after each of its file writes: how many kills left a session
  that is neither the old one nor the new one.
The scenarios are the ones `tests/test_store_trust.py` asserts on; here they run longer.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def _run(tree: Path, seconds: float) -> tuple[tuple[int, int, int], tuple[int, int]]:
    """Both scenarios with the code of `tree`, in a subprocess so that tree is imported."""
    code = f"""
import sys, tempfile
from pathlib import Path
sys.path[:0] = [{str(tree)!r}, {str(ROOT / "tests")!r}]
import test_store_trust as t
from smartplan_tui.model import SessionInfo
from smartplan_tui.store import SessionStore
work = Path(tempfile.mkdtemp())
home = work / "cleaner"
SessionStore(home).create(SessionInfo("ws", "Cleaner"))
print(*t.lock_cleaner_run(home, {seconds}))
mixed = kills = 0
new_file = work / "new.json"
new_file.write_bytes(t._document("Imported", ["new a", "new b"]))
import os, subprocess
for stop in range(1, 7):
    for when in ("before", "after"):
        h = work / f"r-{{stop}}-{{when}}"
        old = t._journalled_session(h)
        p = subprocess.Popen([sys.executable, "-c", t.REPLACER, str(h), str(new_file)],
                             stdout=subprocess.PIPE, text=True,
                             env={{**os.environ, "STOP": str(stop), "WHEN": when}})
        p.stdout.readline(); p.kill(); p.wait(); kills += 1
        s = SessionStore(h).load("ws")
        new = [i.text for i in s.swot] == ["new a", "new b"] and s.info.title == "Imported"
        same = t.dumps(t.session_to_document(s)) == old
        mixed += not (new or same)
print(mixed, kills)
"""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tempfile.gettempdir(), check=True).stdout.split("\n")
    acknowledged, lost, twice = map(int, out[0].split())
    mixed, kills = map(int, out[1].split())
    return (acknowledged, lost, twice), (mixed, kills)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--baseline", type=Path, help="another SmartPlan checkout to compare")
    args = parser.parse_args()
    trees = [("this tree", ROOT)] + ([("baseline", args.baseline)] if args.baseline else [])
    print(__doc__.split("\n")[0])
    print(f"{'code':<10} {'acknowledged':>12} {'lost':>6} {'ids twice':>9} "
          f"{'replace kills':>13} {'mixed':>6}")
    for label, tree in trees:
        (acknowledged, lost, twice), (mixed, kills) = _run(tree, args.seconds)
        print(f"{label:<10} {acknowledged:>12,} {lost:>6} {twice:>9} {kills:>13} {mixed:>6}")


if __name__ == "__main__":
    main()

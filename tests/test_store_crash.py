"""kill -9 at random moments never corrupts a session or loses an acknowledged edit.

A writer process adds SWOT items as fast as it can and prints each id only after `add`
returned (the acknowledgement). Compaction is forced every few writes, so the kills also
land inside snapshot rewrites and journal resets. After each kill the session must load
and hold every acknowledged item.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smartplan_tui.model import SessionInfo
from smartplan_tui.store import SessionStore

WRITER = """
import sys
import smartplan_tui.store.session_file as sf
sf.COMPACT_AFTER_LINES = int(sys.argv[2])
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, SwotItem
from smartplan_tui.store import SessionStore
handle = SessionStore(sys.argv[1]).open("crash")
print("ready", flush=True)
n = 0
while True:
    n += 1
    item = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, f"item {n} " + "ā" * 50))
    print(item.id, flush=True)
"""


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_edit(tmp_path: Path) -> None:
    home = tmp_path / "home"
    SessionStore(home).create(SessionInfo("crash", "Crash test"))
    rng = random.Random(20261126)
    acknowledged: set[str] = set()
    for round_ in range(25):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home), str(rng.choice([3, 7, 50]))],
            stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.005, 0.15))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        acknowledged.update(line for line in out.split() if line.startswith("s"))
        session = SessionStore(home).load("crash")  # a fresh process view: must read
        stored = {item.id for item in session.swot}
        missing = acknowledged - stored
        assert not missing, f"round {round_}: acknowledged but lost: {sorted(missing)[:5]}"
        assert len(stored) == len(session.swot)
    assert len(acknowledged) > 100, "the writer should have acknowledged many edits"

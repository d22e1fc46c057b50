"""The room hub under a room's load, run by hand: `python bench/bench_room.py`.

Targets: 60 devices join and cast their ballots at the same moment — every ballot counted
exactly once, p95 latency of a ballot ≤ 300 ms, the hub's memory with 60 devices ≤ 150 MB.
The baseline, measured in the same run with the same client: a bare aiohttp hello-world
answering the same 60 requests at once. Both servers are processes of their own
(`smartplan serve --json` for the hub), as in a workshop. Then the note-takers: each is an
app process of its own; their memory (RSS, and PSS, which shares the common pages fairly)
says how many a laptop carries.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from smartplan_tui.collection_registry import SWOT, VOTES
from smartplan_tui.model import (
    Quadrant,
    Room,
    RoomActivity,
    SessionInfo,
    SwotItem,
    Vote,
    VoteOption,
)
from smartplan_tui.store import SessionStore

DEVICES = 60
ROUNDS = 5
NOTETAKERS = 10
P95_MS = 300.0
MEMORY_MB = 150.0
#: Seconds over which an idle note-taker's CPU use (its clock and session polling) is taken.
IDLE_SECONDS = 5.0

HELLO = """
import sys
from aiohttp import web
async def hello(request):
    return web.Response(text="hello")
async def ballot(request):
    await request.read()
    return web.json_response({"ok": True})
app = web.Application()
app.add_routes([web.get("/", hello), web.post("/api/ballot", ballot)])
async def main():
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(site._server.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()
import asyncio
asyncio.run(main())
"""


def _memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of a process in MB."""
    rss = pss = 0.0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1]) / 1024
        elif line.startswith("Pss:"):
            pss = int(line.split()[1]) / 1024
    return rss, pss


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def _at_once(sessions: list[aiohttp.ClientSession], url: str,
                   bodies: list[dict[str, Any]] | None) -> tuple[list[float], list[int]]:
    """Every session sends its request at the same moment; (latencies in ms, statuses)."""
    gate = asyncio.Event()

    async def one(n: int) -> tuple[float, int]:
        await gate.wait()
        start = time.perf_counter()
        if bodies is None:
            async with sessions[n].get(url) as response:
                await response.read()
        else:
            async with sessions[n].post(url, json=bodies[n]) as response:
                await response.read()
        return (time.perf_counter() - start) * 1000, response.status

    tasks = [asyncio.create_task(one(n)) for n in range(len(sessions))]
    await asyncio.sleep(0.05)
    gate.set()
    done = await asyncio.gather(*tasks)
    return [d[0] for d in done], [d[1] for d in done]


def _devices(n: int) -> list[aiohttp.ClientSession]:
    return [aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
            for _ in range(n)]


async def bench_baseline() -> dict[str, Any]:
    server = subprocess.Popen([sys.executable, "-c", HELLO], stdout=subprocess.PIPE)
    assert server.stdout is not None
    port = int(server.stdout.readline())
    base = f"http://127.0.0.1:{port}"
    devices = _devices(DEVICES)
    try:
        await _at_once(devices, base + "/", None)  # connections open, as after joining
        latencies: list[float] = []
        for _ in range(ROUNDS):
            got, statuses = await _at_once(devices, base + "/api/ballot",
                                           [{"vote": "v1", "dots": {"A": 1}}] * DEVICES)
            assert statuses == [200] * DEVICES
            latencies += got
        rss, _ = _memory_mb(server.pid)
    finally:
        for device in devices:
            await device.close()
        server.terminate()
        server.wait()
    return {"latencies": latencies, "rss": rss}


def _session(home: Path) -> str:
    store = SessionStore(home)
    store.create(SessionInfo(id="bench", title="Bench camp"))
    handle = store.open("bench")
    options = tuple(VoteOption(chr(ord("A") + n), f"Option {n}") for n in range(6))
    for _ in range(ROUNDS):
        handle.add(VOTES, lambda i: Vote(i, "Which first?", options=options))
    return "bench"


async def bench_hub(home: Path) -> dict[str, Any]:
    sid = _session(home)
    hub = subprocess.Popen([sys.executable, "-m", "smartplan_tui", "--home", str(home), "serve",
                            sid, "--port", "0", "--json"], stdout=subprocess.PIPE)
    assert hub.stdout is not None
    links = json.loads(hub.stdout.readline())
    origin = links["participants"].rsplit("/j/", 1)[0]
    rss_idle, _ = _memory_mb(hub.pid)
    devices = _devices(DEVICES)
    store = SessionStore(home)
    result: dict[str, Any] = {"rss_idle": rss_idle}
    try:
        join_ms, statuses = await _at_once(devices, links["participants"], None)
        assert statuses == [200] * DEVICES, statuses
        result["join"] = join_ms
        latencies: list[float] = []
        for round_ in range(ROUNDS):
            vote_id = f"v{round_ + 1}"
            store.open(sid).set_room(Room(RoomActivity.VOTE, vote_id))

            async def shown(vote_id: str = vote_id) -> None:
                while True:
                    async with devices[0].get(origin + "/api/room") as response:
                        doc = await response.json()
                    if doc["vote"] and doc["vote"]["id"] == vote_id:
                        return
                    await asyncio.sleep(0.05)

            await asyncio.wait_for(shown(), 5)
            bodies = [{"vote": vote_id, "dots": {"ABCDEF"[(n + k) % 6]: 1 for k in range(3)}}
                      for n in range(DEVICES)]
            got, statuses = await _at_once(devices, origin + "/api/ballot", bodies)
            assert statuses == [200] * DEVICES, statuses
            latencies += got
        result["ballots"] = latencies
        poll_ms, statuses = await _at_once(devices, origin + "/api/room", None)
        assert statuses == [200] * DEVICES
        result["poll"] = poll_ms
        result["rss_60"], _ = _memory_mb(hub.pid)
        session = store.load(sid)
        counted = [(len(v.ballots), len({b.device for b in v.ballots})) for v in session.votes]
        result["counted"] = counted
        result["notetakers"], result["busy_cpu"] = await bench_notetakers(
            hub.pid, links, store, sid)
    finally:
        for device in devices:
            await device.close()
        hub.terminate()
        hub.wait()
    return result


async def bench_notetakers(hub_pid: int, links: dict[str, str], store: SessionStore,
                           session_id: str) -> tuple[list[tuple[float, float, float]], float]:
    """Open note-takers one by one; the memory of each one's app process once it drew."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.hub_support import child_pids  # the same /proc walk the hub's tests use

    origin = links["participants"].rsplit("/j/", 1)[0]
    browsers = _devices(NOTETAKERS)
    sockets = []
    try:
        for browser in browsers:
            await browser.get(links["notetakers"])
            socket = await browser.ws_connect(origin.replace("http:", "ws:")
                                              + "/n/ws?width=120&height=36", origin=origin)
            sockets.append(socket)
            seen = 0
            async with asyncio.timeout(60):
                while seen < 20_000:  # the session screen, drawn
                    message = await socket.receive()
                    if message.type is aiohttp.WSMsgType.BINARY:
                        seen += len(message.data)
        await asyncio.sleep(1.0)  # let every app settle after its first paint
        apps = [pid for pid in child_pids(hub_pid)
                if b"notetaker_app" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(apps) == NOTETAKERS, apps
        before = {pid: _cpu_seconds(pid) for pid in apps}
        await asyncio.sleep(IDLE_SECONDS)
        idle = [(*_memory_mb(pid), (_cpu_seconds(pid) - before[pid]) / IDLE_SECONDS * 100)
                for pid in apps]
        # A busy room: two SWOT items a second; every note-taker's screen shows each one.
        store.open(session_id).set_room(Room(RoomActivity.SWOT))
        before = {pid: _cpu_seconds(pid) for pid in apps}
        started = time.monotonic()
        for n in range(int(IDLE_SECONDS * 2)):
            store.open(session_id).add(SWOT, lambda i, n=n: SwotItem(
                i, Quadrant.STRENGTHS, f"Point {n}"))
            await asyncio.sleep(0.5)
        busy = sum(_cpu_seconds(pid) - before[pid] for pid in apps) / (
            time.monotonic() - started) * 100
        return idle, busy
    finally:
        for socket in sockets:
            await socket.close()
        for browser in browsers:
            await browser.close()


def _row(name: str, values: list[float]) -> str:
    return (f"{name:<34} {statistics.median(values):>8.1f} {_percentile(values, 0.95):>8.1f} "
            f"{max(values):>8.1f}")


def _verdict(name: str, figure: str, ok: bool) -> str:
    return f"{'met   ' if ok else 'MISSED'} {name}: {figure}"


async def main() -> None:
    print(__doc__.split("\n")[0])
    baseline = await bench_baseline()
    with tempfile.TemporaryDirectory() as folder:
        hub = await bench_hub(Path(folder))
    print(f"{DEVICES} devices at once, {ROUNDS} rounds; latencies in ms")
    print(f"{'':<34} {'median':>8} {'p95':>8} {'max':>8}")
    print(_row("hello-world POST (baseline)", baseline["latencies"]))
    print(_row("hub: join (GET /j/CODE → 303)", hub["join"]))
    print(_row("hub: ballot (POST /api/ballot)", hub["ballots"]))
    print(_row("hub: poll (GET /api/room)", hub["poll"]))
    print()
    print(f"{'memory (RSS, MB)':<34} {'':>8}")
    print(f"{'hello-world after the rounds':<34} {baseline['rss']:>8.1f}")
    print(f"{'hub idle':<34} {hub['rss_idle']:>8.1f}")
    print(f"{'hub with 60 devices':<34} {hub['rss_60']:>8.1f}")
    print()
    notetakers = hub["notetakers"]
    print(f"{'note-taker app process':<34} {'RSS MB':>8} {'PSS MB':>8} {'idle CPU':>8}")
    for n, (rss, pss, cpu) in enumerate(notetakers, start=1):
        print(f"{'note-taker ' + str(n):<34} {rss:>8.1f} {pss:>8.1f} {cpu:>7.1f}%")
    mean_pss = statistics.mean(n[1] for n in notetakers) if notetakers else 0.0
    mean_cpu = statistics.mean(n[2] for n in notetakers) if notetakers else 0.0
    print()
    counted_ok = all(c == (DEVICES, DEVICES) for c in hub["counted"])
    p95 = _percentile(hub["ballots"], 0.95)
    print(_verdict("every ballot counted exactly once",
                   ", ".join(f"{b} ballots/{d} devices" for b, d in hub["counted"]), counted_ok))
    print(_verdict(f"ballot p95 ≤ {P95_MS:g} ms", f"{p95:.1f} ms (baseline "
                   f"{_percentile(baseline['latencies'], 0.95):.1f} ms)", p95 <= P95_MS))
    print(_verdict(f"hub memory with {DEVICES} devices ≤ {MEMORY_MB:g} MB",
                   f"{hub['rss_60']:.1f} MB", hub["rss_60"] <= MEMORY_MB))
    if notetakers:
        print(f"note-takers: about {mean_pss:.0f} MB (PSS) and {mean_cpu:.1f}% of one core "
              f"each while idle; 1 GB of free memory carries {int(1024 // max(mean_pss, 1))}")
        print(f"{len(notetakers)} note-takers while two SWOT items a second arrive: "
              f"{hub['busy_cpu']:.0f}% of one core in all (the laptop has "
              f"{os.cpu_count()} cores)")


if __name__ == "__main__":
    asyncio.run(main())

"""Sixty phones vote at the same moment: every ballot counted exactly once, none lost."""

from __future__ import annotations

import asyncio

import pytest
from hub_support import join, make_session, running_hub, show

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.exercises import voting
from smartplan_tui.model import RoomActivity
from smartplan_tui.store import SessionStore

DEVICES = 60


@pytest.mark.slow
async def test_sixty_concurrent_ballots_are_each_counted_once(store: SessionStore) -> None:
    sid = make_session(store, options=tuple(f"Option {n}" for n in range(6)), cap=None)
    show(store, sid, RoomActivity.VOTE, "v1")
    async with running_hub(store, sid) as hub:
        devices = await asyncio.gather(*(join(hub) for _ in range(DEVICES)))
        letters = "ABCDEF"
        # Device n puts its three dots on options n, n+1, n+2 (mod 6): a known total.
        bodies = [{"vote": "v1", "dots": {letters[(n + k) % 6]: 1 for k in range(3)}}
                  for n in range(DEVICES)]
        url = hub.links.origin + "/api/ballot"
        start = asyncio.Event()

        async def cast(device, body):  # type: ignore[no-untyped-def]
            await start.wait()
            async with device.post(url, json=body) as response:
                return response.status

        tasks = [asyncio.create_task(cast(d, b)) for d, b in zip(devices, bodies, strict=True)]
        await asyncio.sleep(0)
        start.set()
        statuses = await asyncio.gather(*tasks)
        # The second round changes every ballot: replaced, never added.
        again = [asyncio.create_task(cast(d, {"vote": "v1", "dots": {"A": 3}}))
                 for d in devices[: DEVICES // 2]]
        statuses += await asyncio.gather(*again)
        batches = hub.worker.batches
        for device in devices:
            await device.close()
    assert statuses == [200] * (DEVICES + DEVICES // 2)
    assert batches < DEVICES + DEVICES // 2, "concurrent ballots should share writes"
    vote = SessionStore(store.home).load(sid).find(VOTES, "v1")
    assert vote is not None
    assert len(vote.ballots) == DEVICES
    assert len({b.device for b in vote.ballots}) == DEVICES
    result = voting.result_to_json(voting.count(vote))
    assert result["ballots"] == DEVICES
    expected = {letter: 0 for letter in "ABCDEF"}
    for n in range(DEVICES // 2, DEVICES):
        for k in range(3):
            expected["ABCDEF"[(n + k) % 6]] += 1
    expected["A"] += 3 * (DEVICES // 2)
    assert {row["option"]: row["score"] for row in result["ranking"]} == expected

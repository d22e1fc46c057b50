"""The participant HTTP contract, line by line, against a real hub on loopback."""

from __future__ import annotations

import json
import time

import aiohttp
from hub_support import client, eventually, join, make_session, room_of, running_hub, show, shown

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.exercises import voting
from smartplan_tui.hub.keys import CODE_ALPHABET
from smartplan_tui.model import RoomActivity, VoteStatus
from smartplan_tui.store import SessionStore

# ------------------------------------------------------------------ joining


async def test_a_right_code_lets_a_device_in_with_a_strict_http_only_cookie(
        store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub, client() as device:
        async with device.get(hub.links.participants, allow_redirects=False) as response:
            assert response.status == 303
            assert response.headers["Location"] == "/room"
            cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        # The code works in any case (phones capitalise), and the page is the room's.
        lower = hub.links.participants.replace(hub.links.code, hub.links.code.lower())
        async with client() as other, other.get(lower) as page:
            assert page.status == 200 and page.url.path == "/room"


async def test_wrong_codes_are_404_and_the_eleventh_in_a_minute_is_429(store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub, client() as device:
        code = hub.links.code
        near = [c + code[1:] for c in CODE_ALPHABET if c != code[0]]  # right shape, wrong code
        shapes = [near[0], "x", "%00", "a" * 300, "ÄÖÜ", "12345", f"{code}.json", "...", "-",
                  near[1]]
        for shape in shapes:
            async with device.get(f"{hub.links.origin}/j/{shape}", allow_redirects=False) as r:
                assert r.status == 404, shape
                assert "Set-Cookie" not in r.headers
        async with device.get(f"{hub.links.origin}/j/{near[2]}", allow_redirects=False) as r:
            assert r.status == 429
        # While the address is over the limit even the right code is refused: the limit
        # cannot be used to test codes faster.
        async with device.get(hub.links.participants, allow_redirects=False) as r:
            assert r.status == 429


async def test_a_fresh_session_shows_off_and_the_room_document_has_the_contract_keys(
        store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        doc = await room_of(hub, device)
        assert doc == {"session": {"title": "Coast <b>camp</b>"}, "activity": "off",
                       "vote": None, "results": None, "my_ballot": None}


async def test_the_api_needs_a_cookie_the_hub_issued(store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub:
        origin = hub.links.origin
        async with client() as stranger:
            for method, path in (("GET", "/api/room"), ("POST", "/api/swot"),
                                 ("POST", "/api/ballot")):
                async with stranger.request(method, origin + path, json={}) as r:
                    assert r.status == 401, path
                    assert "join" in (await r.json())["error"]
        forged = {"smartplan_device": "abc.def"}
        async with aiohttp.ClientSession(cookies=forged) as forger, \
                forger.get(origin + "/api/room") as r:
            assert r.status == 401
        device = await join(hub)
        value = next(c.value for c in device.cookie_jar if c.key == "smartplan_device")
        name, _, _signature = value.rpartition(".")
        tampered = {"smartplan_device": f"{name}x.{_signature}"}
        async with aiohttp.ClientSession(cookies=tampered) as forger, \
                forger.get(origin + "/api/room") as r:
            assert r.status == 401
        await device.close()


# ------------------------------------------------------------------ SWOT


async def test_swot_items_are_201_with_their_id_while_the_room_brainstorms(
        store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        url = hub.links.origin + "/api/swot"
        async with device.post(url, json={"quadrant": "S", "text": "Ports"}) as r:
            assert r.status == 409
            assert "not brainstorming" in (await r.json())["error"]
        show(store, sid, RoomActivity.SWOT)
        await shown(hub, device, "swot")
        async with device.post(url, json={"quadrant": "strengths", "text": "Ice-free ports"}) as r:
            assert r.status == 201
            first = (await r.json())["id"]
        async with device.post(url, json={"quadrant": "t", "text": "Storms", "name": " Ilze "}) as r:
            assert r.status == 201
            second = (await r.json())["id"]
    items = {i.id: i for i in SessionStore(store.home).load(sid).swot}
    assert (items[first].quadrant.value, items[first].text, items[first].author) == (
        "strengths", "Ice-free ports", "")
    assert (items[second].quadrant.value, items[second].author) == ("threats", "Ilze")


async def test_bad_swot_input_is_400_naming_what_and_nothing_is_written(
        store: SessionStore) -> None:
    sid = make_session(store)
    show(store, sid, RoomActivity.SWOT)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        url = hub.links.origin + "/api/swot"
        cases = [
            (b"{not json", "body: not valid JSON"),
            (b'{"quadrant": "S", "quadrant": "W", "text": "x"}', "twice"),
            (b"[]", "JSON object"),
            (b'{"quadrant": "X", "text": "x"}', "quadrant: unknown quadrant 'X'"),
            (b'{"text": "x"}', "quadrant: is missing"),
            (b'{"quadrant": "S", "text": "   "}', "text: must not be empty"),
            (b'{"quadrant": "S", "text": 5}', "text: must be text"),
            (b'{"quadrant": "S", "text": "x", "tags": []}', "tags: unknown field"),
            (b'{"quadrant": "S", "text": "x", "name": "' + b"n" * 101 + b'"}', "name: is 101"),
        ]
        for body, expected in cases:
            async with device.post(url, data=body,
                                   headers={"Content-Type": "application/json"}) as r:
                assert r.status == 400, body
                error = (await r.json())["error"]
                assert expected in error, (body, error)
                assert "\n" not in error
    assert SessionStore(store.home).load(sid).swot == ()


# ------------------------------------------------------------------ ballots


async def test_a_ballot_is_200_and_a_second_from_the_same_device_replaces_it(
        store: SessionStore) -> None:
    sid = make_session(store)
    show(store, sid, RoomActivity.VOTE, "v1")
    async with running_hub(store, sid) as hub, await join(hub) as one, await join(hub) as two:
        url = hub.links.origin + "/api/ballot"
        async with one.post(url, json={"vote": "v1", "dots": {"A": 2, "B": 1}}) as r:
            assert r.status == 200
            assert (await r.json())["my_ballot"] == {"dots": {"A": 2, "B": 1}}
        async with two.post(url, json={"vote": "v1", "dots": {"C": 1}}) as r:
            assert r.status == 200
        async with one.post(url, json={"vote": "v1", "dots": {"C": 2}}) as r:
            assert r.status == 200
        assert (await room_of(hub, one))["my_ballot"] == {"dots": {"C": 2}}
        assert (await room_of(hub, two))["my_ballot"] == {"dots": {"C": 1}}
    vote = SessionStore(store.home).load(sid).find(VOTES, "v1")
    assert vote is not None and len(vote.ballots) == 2
    assert sorted(dict(b.dots or {}).get("C", 0) for b in vote.ballots) == [1, 2]
    assert all(b.device and not b.voter for b in vote.ballots)
    assert voting.result_to_json(voting.count(vote))["ballots"] == 2


async def test_ballots_that_break_the_rules_are_400_and_nothing_is_written(
        store: SessionStore) -> None:
    sid = make_session(store)
    show(store, sid, RoomActivity.VOTE, "v1")
    async with running_hub(store, sid) as hub, await join(hub) as device:
        url = hub.links.origin + "/api/ballot"
        cases = [
            ({"vote": "v1", "dots": {"A": 2, "B": 2}}, "dots: 4 dots exceed the budget of 3"),
            ({"vote": "v1", "dots": {"A": 3}}, "exceed the cap of 2"),
            ({"vote": "v1", "dots": {"Z": 1}}, "unknown option 'Z'"),
            ({"vote": "v1", "dots": {"A": "1"}}, "dots.A: must be a whole number"),
            ({"vote": "v1", "dots": {"A": -1}}, "dots.A"),
            ({"vote": "v1", "dots": {}}, "place a dot"),
            ({"vote": "v1", "ranking": ["A"]}, "a dot vote takes dots"),
            ({"vote": "v1"}, "exactly one of dots, ranking or scores"),
            ({"vote": "v1", "dots": {"A": 1}, "ranking": ["A"]}, "exactly one"),
            ({"dots": {"A": 1}}, "vote: is missing"),
            ({"vote": "v1", "dots": {"A": 1}, "voter": "p1"}, "voter: this vote is anonymous"),
            ({"vote": "v1", "dots": {"A": 1}, "extra": 1}, "extra: unknown field"),
        ]
        for body, expected in cases:
            async with device.post(url, json=body) as r:
                assert r.status == 400, body
                assert expected in (await r.json())["error"], body
    vote = SessionStore(store.home).load(sid).find(VOTES, "v1")
    assert vote is not None and vote.ballots == ()


async def test_a_ballot_is_409_when_its_vote_is_closed_or_not_in_front_of_the_room(
        store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        url = hub.links.origin + "/api/ballot"
        async with device.post(url, json={"vote": "v1", "dots": {"A": 1}}) as r:
            assert r.status == 409
        show(store, sid, RoomActivity.SWOT)
        await shown(hub, device, "swot")
        async with device.post(url, json={"vote": "v1", "dots": {"A": 1}}) as r:
            assert r.status == 409
            assert (await r.json())["error"].endswith(
                "vote “Which first?” is not in front of the room now")  # its question, no id
        show(store, sid, RoomActivity.VOTE, "v1")
        await shown(hub, device, "vote")
        async with device.post(url, json={"vote": "v1", "dots": {"A": 1}}) as r:
            assert r.status == 200
        SessionStore(store.home).open(sid).update(VOTES, "v1", voting.close)

        async def closed() -> bool:
            return (await room_of(hub, device))["vote"]["status"] == "closed"

        await eventually(closed)
        async with device.post(url, json={"vote": "v1", "dots": {"B": 1}}) as r:
            assert r.status == 409
            assert (await r.json())["error"].endswith("vote “Which first?” is closed")
    vote = SessionStore(store.home).load(sid).find(VOTES, "v1")
    assert vote is not None and vote.status is VoteStatus.CLOSED
    assert [dict(b.dots or {}) for b in vote.ballots] == [{"A": 1}]


async def test_a_vote_that_asks_for_names_takes_a_participant_once(store: SessionStore) -> None:
    from smartplan_tui.collection_registry import PARTICIPANTS
    from smartplan_tui.model import Participant

    sid = make_session(store)
    handle = SessionStore(store.home).open(sid)
    handle.add(PARTICIPANTS, lambda i: Participant(i, "Ilze"))
    handle.add(PARTICIPANTS, lambda i: Participant(i, "Jonas"))
    show(store, sid, RoomActivity.VOTE, "v1", names=True)
    async with running_hub(store, sid) as hub, await join(hub) as one, await join(hub) as two:
        url = hub.links.origin + "/api/ballot"
        async with one.post(url, json={"vote": "v1", "dots": {"A": 1}}) as r:
            assert r.status == 400 and "asks for your name" in (await r.json())["error"]
        async with one.post(url, json={"vote": "v1", "dots": {"A": 1}, "voter": "p9"}) as r:
            assert r.status == 400 and "not a participant" in (await r.json())["error"]
        async with one.post(url, json={"vote": "v1", "dots": {"A": 1}, "voter": "p1"}) as r:
            assert r.status == 200
        async with two.post(url, json={"vote": "v1", "dots": {"B": 1}, "voter": "p1"}) as r:
            assert r.status == 409 and "has voted already" in (await r.json())["error"]
        async with one.post(url, json={"vote": "v1", "dots": {"B": 3 - 1}, "voter": "p1"}) as r:
            assert r.status == 200
    vote = SessionStore(store.home).load(sid).find(VOTES, "v1")
    assert vote is not None
    assert [(b.voter, dict(b.dots or {})) for b in vote.ballots] == [("p1", {"B": 2})]


async def test_ranking_and_score_ballots_are_checked_by_the_votes_rules(
        store: SessionStore) -> None:
    from smartplan_tui.model import VoteMethod

    rank = make_session(store, "ranks", method=VoteMethod.BORDA)
    score = make_session(store, "scores", method=VoteMethod.SCORE)
    show(store, rank, RoomActivity.VOTE, "v1")
    show(store, score, RoomActivity.VOTE, "v1")
    async with running_hub(store, rank) as hub, await join(hub) as device:
        url = hub.links.origin + "/api/ballot"
        async with device.post(url, json={"vote": "v1", "ranking": ["A", "A"]}) as r:
            assert r.status == 400 and "twice" in (await r.json())["error"]
        async with device.post(url, json={"vote": "v1", "ranking": ["C", "A"]}) as r:
            assert r.status == 200
            assert (await r.json())["my_ballot"] == {"ranking": ["C", "A"]}
    async with running_hub(store, score) as hub, await join(hub) as device:
        url = hub.links.origin + "/api/ballot"
        bad = {"vote": "v1", "scores": {"A": {"impact": 9}}}
        async with device.post(url, json=bad) as r:
            assert r.status == 400 and "outside 1–5" in (await r.json())["error"]
        good = {"vote": "v1", "scores": {"A": {"impact": 4, "feasibility": 2}}}
        async with device.post(url, json=good) as r:
            assert r.status == 200
    vote = SessionStore(store.home).load(score).find(VOTES, "v1")
    assert vote is not None and dict(vote.ballots[0].scores or {})["A"]["impact"] == 4


# ------------------------------------------------------------------ every request


async def test_a_post_from_a_foreign_origin_is_403_and_without_origin_is_fine(
        store: SessionStore) -> None:
    sid = make_session(store)
    show(store, sid, RoomActivity.SWOT)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        url = hub.links.origin + "/api/swot"
        body = {"quadrant": "S", "text": "x"}
        port = hub.links.origin.rsplit(":", 1)[1]
        for origin in ("http://evil.example", f"http://localhost:{port}", "null",
                       hub.links.origin.replace("http:", "https:"), hub.links.origin + "0"):
            async with device.post(url, json=body, headers={"Origin": origin}) as r:
                assert r.status == 403, origin
        async with device.post(url, json=body, headers={"Origin": hub.links.origin}) as r:
            assert r.status == 201
        async with device.post(url, json=body) as r:
            assert r.status == 201
    assert len(SessionStore(store.home).load(sid).swot) == 2


async def test_a_body_over_64_kib_is_413_and_nothing_is_written(store: SessionStore) -> None:
    sid = make_session(store)
    show(store, sid, RoomActivity.SWOT)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        url = hub.links.origin + "/api/swot"
        big = json.dumps({"quadrant": "S", "text": "x" * 65_536}).encode()
        async with device.post(url, data=big) as r:
            assert r.status == 413
            assert "65,536" in (await r.json())["error"]

        async def chunks():  # type: ignore[no-untyped-def]
            for _ in range(20):
                yield b" " * 4096

        async with device.post(url, data=chunks()) as r:  # no Content-Length: chunked
            assert r.status == 413
        exact = json.dumps({"quadrant": "S", "text": "y"}).encode().ljust(65_536)
        async with device.post(url, data=exact) as r:
            assert r.status == 201
    assert [i.text for i in SessionStore(store.home).load(sid).swot] == ["y"]


async def test_changes_reach_a_device_within_two_seconds(store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        await room_of(hub, device)
        start = time.monotonic()
        show(store, sid, RoomActivity.VOTE, "v1")
        doc = await shown(hub, device, "vote", seconds=2.0)
        assert time.monotonic() - start < 2.0
        assert doc["vote"]["options"] == [{"id": "A", "text": "Ports"},
                                          {"id": "B", "text": "Cycling"},
                                          {"id": "C", "text": "Office"}]
        assert (doc["vote"]["dots_per_voter"], doc["vote"]["max_dots_per_option"]) == (3, 2)
        assert doc["results"] is None


async def test_results_once_revealed_are_the_results_json_and_update_live(
        store: SessionStore) -> None:
    sid = make_session(store)
    handle = SessionStore(store.home).open(sid)
    show(store, sid, RoomActivity.RESULTS, "v1")
    async with running_hub(store, sid) as hub, await join(hub) as device:
        doc = await shown(hub, device, "results")
        vote = handle.load().find(VOTES, "v1")
        assert vote is not None
        assert doc["results"] == voting.result_to_json(voting.count(vote))
        from smartplan_tui.model import Ballot

        handle.update(VOTES, "v1", lambda v: voting.cast(v, Ballot(dots={"B": 2})))

        async def counted() -> dict[str, object] | None:
            room = await room_of(hub, device)
            return room if room["results"]["ballots"] == 1 else None

        room = await eventually(counted)
        assert room["results"]["ranking"][0] == {"option": "B", "rank": 1, "score": 2}
        async with device.get(hub.links.origin + "/room") as page:
            html = await page.text()
        assert "Cycling" in html and 'class="results"' in html


async def test_participant_text_is_html_escaped_on_the_page(store: SessionStore) -> None:
    sid = make_session(store, options=("<script>alert(1)</script>", "a & b", '"quoted"'))
    show(store, sid, RoomActivity.VOTE, "v1")
    async with running_hub(store, sid) as hub, await join(hub) as device, device.get(
            hub.links.origin + "/room") as page:
        assert page.status == 200
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        html = await page.text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Coast &lt;b&gt;camp&lt;/b&gt;" in html and "<b>camp" not in html
    assert "a &amp; b" in html and "&quot;quoted&quot;" in html


async def test_plain_forms_work_without_scripts(store: SessionStore) -> None:
    sid = make_session(store)
    show(store, sid, RoomActivity.SWOT)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        origin = hub.links.origin
        form = {"quadrant": "opportunities", "text": "EuroVelo 10", "name": ""}
        async with device.post(origin + "/room/swot", data=form, allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == "/room?done=swot"
        async with device.post(origin + "/room/swot", data={"quadrant": "O", "text": " "}) as r:
            assert r.status == 400
            html = await r.text()
            assert "text: must not be empty" in html and 'value="opportunities"' in html
        show(store, sid, RoomActivity.VOTE, "v1")
        await shown(hub, device, "vote")
        ballot = {"vote": "v1", "dots.A": "1", "dots.B": "2", "dots.C": "0"}
        async with device.post(origin + "/room/ballot", data=ballot, allow_redirects=False) as r:
            assert r.status == 303
        async with device.get(origin + "/room") as page:
            html = await page.text()
        assert 'name="dots.B" min="0" max="2" value="2"' in html and "Change my ballot" in html
    session = SessionStore(store.home).load(sid)
    assert [i.text for i in session.swot] == ["EuroVelo 10"]
    vote = session.find(VOTES, "v1")
    assert vote is not None and dict(vote.ballots[0].dots or {}) == {"A": 1, "B": 2}


async def test_revoking_sends_every_device_away_at_once(store: SessionStore) -> None:
    sid = make_session(store)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        old_link = hub.links.participants
        await room_of(hub, device)
        assert hub.status_json()["devices"] == 1
        headers = {"Authorization": f"Bearer {hub.control_key}"}
        async with client() as app, app.post(hub.links.origin + "/hub/revoke",
                                             json={"devices": True}, headers=headers) as r:
            assert r.status == 200
            answer = await r.json()
        assert answer["code"] != old_link.rsplit("/", 1)[1] and answer["devices"] == 0
        async with device.get(hub.links.origin + "/api/room") as r:
            assert r.status == 401
        async with client() as other:
            async with other.get(old_link, allow_redirects=False) as r:
                assert r.status == 404
            async with other.get(answer["participants"], allow_redirects=False) as r:
                assert r.status == 303
        async with client() as stranger, stranger.post(
                hub.links.origin + "/hub/revoke", json={"devices": True}) as r:
            assert r.status == 403

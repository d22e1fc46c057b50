"""The hub in Latvian and Lithuanian: the Room screen's progress lines with their plural
forms, and the hub's refusals in the language of the page that asked, over real HTTP."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import aiohttp
import pytest
from hub_support import client, eventually, join, make_session, running_hub, show

from smartplan_tui.collection_registry import PARTICIPANTS
from smartplan_tui.hub.progress import vote_progress
from smartplan_tui.i18n import set_interface_language
from smartplan_tui.model import (
    Ballot,
    Participant,
    Room,
    RoomActivity,
    Session,
    SessionInfo,
    Vote,
    VoteOption,
)
from smartplan_tui.store import SessionStore


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_interface_language("en")


def _lines(ballots: int, devices: int | None, *, names: bool = False,
           people: tuple[str, ...] = ()) -> list[str]:
    """The progress of a dot vote (3 dots each) whose `ballots` each came from a device and
    gave one dot, so every one of them has 2 dots left."""
    vote = Vote("v1", "Which first?", options=(VoteOption("A", "Ports"), VoteOption("B", "Bikes")),
                dots_per_voter=3, ballots=tuple(Ballot(dots={"A": 1}, device=f"d{i}")
                                                for i in range(ballots)))
    session = Session(SessionInfo("s", "Camp"), votes=(vote,), participants=tuple(
        Participant(f"p{i}", name) for i, name in enumerate(people, start=1)))
    return vote_progress(session, Room(RoomActivity.VOTE, "v1", names), vote, devices)


@pytest.mark.parametrize(("n", "counted", "voted", "left"), [
    (1, "Saskaitīts 1 biļetens (no zāles ierīcēm: 1)",
     "Nobalsojusi 1 no 2 ierīcēm; vēl jābalso 1",
     "1 biļetens ar atlikušiem punktiem (kopā 2 punkti)"),
    (2, "Saskaitīti 2 biļeteni (no zāles ierīcēm: 2)",
     "Nobalsojušas 2 no 3 ierīcēm; vēl jābalso 1",
     "2 biļeteni ar atlikušiem punktiem (kopā 4 punkti)"),
    (5, "Saskaitīti 5 biļeteni (no zāles ierīcēm: 5)",
     "Nobalsojušas 5 no 6 ierīcēm; vēl jābalso 1",
     "5 biļeteni ar atlikušiem punktiem (kopā 10 punkti)"),
    (11, "Saskaitīti 11 biļeteni (no zāles ierīcēm: 11)",
     "Nobalsojušas 11 no 12 ierīcēm; vēl jābalso 1",
     "11 biļeteni ar atlikušiem punktiem (kopā 22 punkti)"),
    (21, "Saskaitīts 21 biļetens (no zāles ierīcēm: 21)",
     "Nobalsojusi 21 no 22 ierīcēm; vēl jābalso 1",
     "21 biļetens ar atlikušiem punktiem (kopā 42 punkti)"),
])
def test_the_progress_lines_take_latvian_plural_forms(n: int, counted: str, voted: str,
                                                      left: str) -> None:
    set_interface_language("lv")
    assert _lines(n, n + 1) == [counted, voted, left]


@pytest.mark.parametrize(("n", "counted", "voted", "left"), [
    (1, "Suskaičiuotas 1 biuletenis (iš salės įrenginių: 1)",
     "Balsavo 1 iš 1 įrenginio; dar nebalsavo 0",
     "1 biuletenis su likusiais taškais (iš viso 2 taškai)"),
    (2, "Suskaičiuoti 2 biuleteniai (iš salės įrenginių: 2)",
     "Balsavo 2 iš 2 įrenginių; dar nebalsavo 0",
     "2 biuleteniai su likusiais taškais (iš viso 4 taškai)"),
    (5, "Suskaičiuoti 5 biuleteniai (iš salės įrenginių: 5)",
     "Balsavo 5 iš 5 įrenginių; dar nebalsavo 0",
     "5 biuleteniai su likusiais taškais (iš viso 10 taškų)"),
    (11, "Suskaičiuota 11 biuletenių (iš salės įrenginių: 11)",
     "Balsavo 11 iš 11 įrenginių; dar nebalsavo 0",
     "11 biuletenių su likusiais taškais (iš viso 22 taškai)"),
    (21, "Suskaičiuotas 21 biuletenis (iš salės įrenginių: 21)",
     "Balsavo 21 iš 21 įrenginio; dar nebalsavo 0",
     "21 biuletenis su likusiais taškais (iš viso 42 taškai)"),
])
def test_the_progress_lines_take_lithuanian_plural_forms(n: int, counted: str, voted: str,
                                                         left: str) -> None:
    set_interface_language("lt")
    # No device joined since the hub started: those that voted are counted as joined.
    assert _lines(n, 0) == [counted, voted, left]


def test_english_says_one_ballot_and_one_device_in_the_singular() -> None:
    assert _lines(1, 3) == ["1 ballot counted (1 from a device in the room)",
                            "1 of 3 devices has voted; 2 still to vote",
                            "1 ballot has dots left (2 dots in all)"]


def test_a_vote_with_names_lists_who_is_still_to_vote_in_latvian() -> None:
    set_interface_language("lv")
    people = tuple(f"Dalībnieks {i}" for i in range(1, 15))
    lines = _lines(1, None, names=True, people=people)
    assert lines[1] == ("Vēl jābalso: " + ", ".join(people[:12]) + " un vēl 2")
    assert lines[2] == "Atlikuši punkti: anonīms 2"


def test_everybody_has_voted_in_lithuanian() -> None:
    set_interface_language("lt")
    assert _lines(0, None, names=True)[1] == "Visi balsavo."


# ------------------------------------------------------------------ refusals over HTTP


async def test_the_hubs_refusals_speak_the_language_the_page_asked_for(
        store: SessionStore) -> None:
    set_interface_language("lt")
    sid = make_session(store)
    show(store, sid, RoomActivity.SWOT)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        latvian = {"Accept-Language": "lv-LV,lv;q=0.9,en;q=0.5"}
        async with device.post(hub.links.origin + "/api/swot", headers=latvian | {
                "Origin": "http://evil.example"}, json={"quadrant": "S", "text": "x"}) as r:
            assert r.status == 403
            assert (await r.json())["error"] == (
                "Adrese http://evil.example nav šī centrmezgla adrese")
        big = json.dumps({"quadrant": "S", "text": "x" * 70_000}).encode()
        async with device.post(hub.links.origin + "/api/swot?lang=lv", data=big) as r:
            assert r.status == 413
            assert (await r.json())["error"] == "pieprasījumā ir vairāk nekā 65\xa0536 baitu"
        # The field is named by the form's word, not the API's key.
        async with device.post(hub.links.origin + "/api/swot", headers=latvian,
                               json={"quadrant": "S", "text": " "}) as r:
            assert r.status == 400 and (await r.json())["error"].startswith("doma: ")
        async with client() as laptop, laptop.get(hub.links.origin + "/hub/status",
                                                  headers=latvian) as r:
            assert r.status == 403
            assert (await r.json())["error"] == "tas paredzēts tikai lietotnei centrmezgla datorā"
        # Without a choice of its own, a request gets the interface language.
        async with client() as laptop, laptop.get(hub.links.origin + "/hub/status") as r:
            assert (await r.json())["error"] == "tai skirta tik programai centro kompiuteryje"


async def test_a_ballot_refused_while_being_written_speaks_its_own_pages_language(
        store: SessionStore) -> None:
    """The refusal is made on the hub's store thread, in a batch: still in the language of
    the request that sent the ballot, not the interface's."""
    set_interface_language("lv")
    sid = make_session(store)
    SessionStore(store.home).open(sid).add(PARTICIPANTS, lambda i: Participant(i, "Ilze"))
    show(store, sid, RoomActivity.VOTE, "v1", names=True)
    async with running_hub(store, sid) as hub, await join(hub) as one, await join(hub) as two:
        url = hub.links.origin + "/api/ballot"
        async with one.post(url, json={"vote": "v1", "dots": {"A": 1}, "voter": "p1"}) as r:
            assert r.status == 200
        async with two.post(url + "?lang=lt",
                            json={"vote": "v1", "dots": {"B": 1}, "voter": "p1"}) as r:
            assert r.status == 409
            assert (await r.json())["error"] == (
                "balsuotojas: “Ilze” jau balsavo kitame įrenginyje arba prie klaviatūros")


async def test_a_notetakers_app_speaks_the_language_its_browser_is_answered_in(
        store: SessionStore) -> None:
    set_interface_language("lt")
    sid = make_session(store)
    async with running_hub(store, sid) as hub:
        browser = client()
        async with browser.get(hub.links.notetakers + "&lang=lv") as response:
            page = await response.text()
        assert '<html lang="lv">' in page and "Sesija beigusies." in page
        socket = await browser.ws_connect(
            hub.links.origin.replace("http:", "ws:") + "/n/ws?width=100&height=30",
            origin=hub.links.origin)
        seen = b""
        async with asyncio.timeout(30):
            while "Darba kārtība".encode() not in seen:
                message = await socket.receive()
                assert message.type is not aiohttp.WSMsgType.CLOSED, seen[-400:]
                if message.type is aiohttp.WSMsgType.BINARY:
                    seen += message.data
        await socket.close()
        await browser.close()

        async def ended() -> bool:
            return not hub.notetakers.processes

        await eventually(ended, 10)


async def test_the_page_gives_its_script_a_latvian_line_for_a_hub_out_of_reach(
        store: SessionStore) -> None:
    """The browser's own words for a failed send ("Failed to fetch") are not shown."""
    sid = make_session(store)
    show(store, sid, RoomActivity.SWOT)
    async with (running_hub(store, sid) as hub, await join(hub) as device,
                device.get(hub.links.origin + "/room?lang=lv") as response):
        page = await response.text()
    assert ('data-unreachable="Centrmezgls neatbildēja: pārbaudiet Wi-Fi savienojumu un '
            'nosūtiet vēlreiz."') in page

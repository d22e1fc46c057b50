"""The participants' pages in the room's language, over HTTP against a real hub on loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hub_support import client, join, make_session, running_hub, show, shown

from smartplan_tui.hub.language import accepted_language
from smartplan_tui.i18n import set_interface_language
from smartplan_tui.model import RoomActivity
from smartplan_tui.store import SessionStore


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_interface_language("en")


def _lang(page: str) -> str:
    found = re.search(r'<html lang="([a-z]+)"', page)
    assert found is not None
    return found.group(1)


async def test_the_vote_page_speaks_the_interface_language_html_escaped(
        store: SessionStore) -> None:
    set_interface_language("lv")
    sid = make_session(store)
    show(store, sid, RoomActivity.VOTE, "v1")
    async with running_hub(store, sid) as hub, await join(hub) as device:
        await shown(hub, device, "vote")
        async with device.get(hub.links.origin + "/room") as response:
            page = await response.text()
    assert _lang(page) == "lv"
    assert "Nodot manu balsi" in page and "Cast my ballot" not in page
    assert "Atlikuši punkti: <span id=\"left\">3</span> no 3" in page
    assert "ne vairāk kā 2 vienam variantam" in page
    assert 'data-done="Jūsu balss ir nodota.' in page  # what the script says once it is in
    assert "Coast &lt;b&gt;camp&lt;/b&gt;" in page  # the title is still escaped


async def test_the_join_errors_and_the_swot_form_speak_lithuanian_when_asked(
        store: SessionStore) -> None:
    set_interface_language("lv")
    sid = make_session(store)
    show(store, sid, RoomActivity.SWOT)
    async with running_hub(store, sid) as hub, client() as stranger:
        async with stranger.get(hub.links.origin + "/room?lang=lt") as response:
            assert response.status == 401
            unjoined = await response.text()
        assert _lang(unjoined) == "lt"
        assert "Norėdami prisijungti, nuskaitykite QR kodą ekrane." in unjoined
        wrong = hub.links.participants[:-1] + ("A" if hub.links.participants[-1] != "A" else "B")
        async with stranger.get(wrong, headers={"Accept-Language": "lt-LT,en;q=0.5"}) as bad:
            assert bad.status == 404
            assert "Jokia salė neturi šio kodo" in await bad.text()
        device = await join(hub, stranger)
        async with device.get(hub.links.origin + "/room?lang=lt") as response:
            form = await response.text()
        assert _lang(form) == "lt" and "Papildyti SSGG" in form and "Stiprybė" in form
        # The choice is remembered for the next pages, without ?lang= again.
        async with device.get(hub.links.origin + "/room") as response:
            assert _lang(await response.text()) == "lt"
        async with device.post(hub.links.origin + "/api/swot",
                               json={"quadrant": "S", "text": "  "}) as refused:
            assert refused.status == 400


async def test_a_device_without_a_choice_gets_the_interface_language(store: SessionStore) -> None:
    set_interface_language("lt")
    sid = make_session(store)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        await shown(hub, device, "off")
        async with device.get(hub.links.origin + "/room",
                              headers={"Accept-Language": "de-DE,fr;q=0.8"}) as response:
            page = await response.text()
        assert _lang(page) == "lt" and "Laukiama moderatoriaus" in page


async def test_a_phone_set_to_english_gets_the_rooms_language_and_one_in_lithuanian_its_own(
        store: SessionStore) -> None:
    set_interface_language("lv")
    sid = make_session(store)
    async with running_hub(store, sid) as hub, await join(hub) as device:
        await shown(hub, device, "off")
        async with device.get(hub.links.origin + "/room",
                              headers={"Accept-Language": "en-US,en;q=0.9"}) as response:
            page = await response.text()
        assert _lang(page) == "lv" and "Gaidām moderatoru" in page
        async with device.get(hub.links.origin + "/room",
                              headers={"Accept-Language": "lt-LT,en;q=0.8"}) as response:
            page = await response.text()
        assert _lang(page) == "lt" and "Laukiama moderatoriaus" in page


def test_accept_language_picks_the_best_weighted_language_we_speak() -> None:
    assert accepted_language("de-DE,lv;q=0.7,lt;q=0.9") == "lt"
    assert accepted_language("en-GB,en;q=0.9,lv;q=0.8") == "en"
    assert accepted_language("lv;q=0,lt;q=0.1") == "lt"
    assert accepted_language("fr, de;q=x") is None
    assert accepted_language("") is None


async def test_the_notetakers_page_speaks_the_interface_language(store: SessionStore) -> None:
    set_interface_language("lt")
    sid = make_session(store)
    async with (running_hub(store, sid) as hub, client() as browser,
                browser.get(hub.links.notetakers) as response):
        assert response.status == 200 and response.url.path == "/n/"
        page = await response.text()
    assert _lang(page) == "lt"
    assert ">Pradėti</button>" in page and "Sesija baigėsi." in page and ">Start<" not in page

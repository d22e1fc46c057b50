"""A real phone-sized Chromium joins by the link, adds a SWOT item and casts a ballot."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.model import Room, RoomActivity
from smartplan_tui.store import SessionStore

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 360, 740

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                       reason="needs Debian's chromium and chromium-driver "
                              "(apt-get install chromium chromium-driver; .ci/run does)"),
]

T = TypeVar("T")


def _until(check: Callable[[], T], seconds: float = 10.0) -> T:
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s")
        time.sleep(0.05)


@pytest.fixture
def hub(store: SessionStore) -> Iterator[dict[str, str]]:
    """`smartplan serve --json` for a session with one open dot vote."""
    from hub_support import make_session

    sid = make_session(store, options=("Ice-free ports", "EuroVelo 10 <cycling>",
                                       "A shared project office for small municipalities"))
    process = subprocess.Popen(
        [sys.executable, "-m", "smartplan_tui", "--home", str(store.home), "serve", sid,
         "--port", "0", "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    timer = threading.Timer(30, process.kill)
    timer.start()
    line = process.stdout.readline()
    timer.cancel()
    try:
        yield json.loads(line) | {"session": sid}
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def phone() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="smartplan-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": WIDTH, "height": HEIGHT, "pixelRatio": 2.0, "touch": True}})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def _small_targets(driver: Any) -> list[str]:
    """Visible buttons, fields and choice tiles smaller than 44 × 44 CSS pixels."""
    return list(driver.execute_script("""
        const small = [];
        for (const el of document.querySelectorAll(
                'button, input:not([type=radio]), select, textarea, label.quadrant, li.option.rank')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.width < 44 || r.height < 44) small.push(el.outerHTML.slice(0, 80));
        }
        return small;"""))


def test_a_phone_joins_adds_a_swot_item_and_casts_a_ballot(
        store: SessionStore, hub: dict[str, str], phone: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    screenshot = tmp_path / "participant-360.png"  # kept by pytest, to look at by hand

    sid = hub["session"]
    handle = SessionStore(store.home).open(sid)
    handle.set_room(Room(RoomActivity.SWOT))
    phone.get(hub["participants"])
    assert phone.current_url.endswith("/room")
    form = _until(lambda: phone.find_elements(By.ID, "swot"))[0]
    assert phone.execute_script("return document.documentElement.scrollWidth") <= WIDTH
    assert _small_targets(phone) == []
    form.find_element(By.CSS_SELECTOR, "label.q-opportunities").click()
    form.find_element(By.ID, "text").send_keys("Ferry link to Klaipėda <3")
    form.find_element(By.ID, "name").send_keys("Ilze")
    form.find_element(By.CSS_SELECTOR, "button.primary").click()
    _until(lambda: "Added" in form.find_element(By.CSS_SELECTOR, ".status").text)
    [item] = SessionStore(store.home).load(sid).swot
    assert (item.quadrant.value, item.text, item.author) == (
        "opportunities", "Ferry link to Klaipėda <3", "Ilze")

    # The facilitator opens the vote: the page changes by itself (its script polls).
    handle.set_room(Room(RoomActivity.VOTE, "v1"))
    ballot = _until(lambda: phone.find_elements(By.ID, "ballot"))[0]
    assert _small_targets(phone) == []
    assert phone.execute_script("return document.documentElement.scrollWidth") <= WIDTH
    rows = ballot.find_elements(By.CSS_SELECTOR, "li.option")
    assert "EuroVelo 10 <cycling>" in rows[1].text  # shown as text, never as markup
    more = [row.find_element(By.CSS_SELECTOR, "button.more") for row in rows]
    left = ballot.find_element(By.ID, "left")
    more[0].click()
    more[0].click()
    assert not more[0].is_enabled(), "the cap of 2 per option is reached"
    assert left.text == "1"
    more[2].click()
    assert left.text == "0"
    assert not more[1].is_enabled(), "no dots left"
    phone.save_screenshot(str(screenshot))
    ballot.find_element(By.CSS_SELECTOR, "button.primary").click()
    _until(lambda: "Your ballot is in" in ballot.find_element(By.CSS_SELECTOR, ".status").text)
    vote = SessionStore(store.home).load(sid).find(VOTES, "v1")
    assert vote is not None and len(vote.ballots) == 1
    assert dict(vote.ballots[0].dots or {}) == {"A": 2, "C": 1} and vote.ballots[0].device

    # Every asset came from the hub itself: nothing from the internet.
    origin = hub["participants"].rsplit("/j/", 1)[0]
    resources = phone.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(url.startswith(origin) for url in resources)
    assert screenshot.stat().st_size > 5000

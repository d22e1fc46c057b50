"""`smartplan serve` as a real process: one JSON line, serving, a clean exit on SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import aiohttp
import pytest
from hub_support import child_pids, eventually, make_session

from smartplan_tui.store import SessionStore


def _serve(home: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "smartplan_tui", "--home", str(home), "serve", *args],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _read_line(process: subprocess.Popen[bytes], seconds: float = 20.0) -> bytes:
    """The next line on stdout; the process is killed if none comes in time."""
    assert process.stdout is not None
    timer = threading.Timer(seconds, process.kill)
    timer.start()
    try:
        line = process.stdout.readline()
    finally:
        timer.cancel()
    assert line, "serve printed nothing more"
    return line


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow
def test_serve_json_prints_one_line_serves_and_exits_0_on_sigterm_leaving_nothing(
        store: SessionStore) -> None:
    sid = make_session(store)
    hub = _serve(store.home, sid, "--port", "0", "--json")
    try:
        links = json.loads(_read_line(hub))
        assert list(links) == ["participants", "code", "notetakers"]
        assert links["participants"].startswith("http://127.0.0.1:")
        assert links["participants"].endswith(f"/j/{links['code']}")
        origin = links["participants"].rsplit("/j/", 1)[0]
        token = links["notetakers"].split("token=", 1)[1]
        assert len(token) >= 22  # at least 128 random bits, base64

        async def scenario() -> tuple[int, set[int], int, float]:
            jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=jar) as browser:
                async with browser.get(links["participants"]) as page:
                    joined = page.status
                await browser.get(links["notetakers"])
                socket = await browser.ws_connect(
                    origin.replace("http:", "ws:") + "/n/ws?width=80&height=24", origin=origin)
                await socket.receive()  # the note-taker's app draws: it runs

                async def apps() -> set[int]:
                    return child_pids(hub.pid)

                children = await eventually(apps, 20)
                started = time.monotonic()
                hub.send_signal(signal.SIGTERM)  # with the note-taker still connected
                code = await asyncio.to_thread(hub.wait, 10)
                return joined, children, code, time.monotonic() - started

        joined, children, code, took = asyncio.run(scenario())
        assert joined == 200 and len(children) == 1
        assert code == 0 and took < 5.0, (code, took)
        rest, errors = hub.communicate(timeout=5)
        assert rest == b"", "exactly one line on stdout"
        assert token.encode() not in errors
        assert not [pid for pid in children if _alive(pid)]
    finally:
        if hub.poll() is None:
            hub.kill()
            hub.wait()


def test_serve_prints_the_links_and_a_qr_code_and_says_who_can_reach_it(
        store: SessionStore) -> None:
    sid = make_session(store)
    hub = _serve(store.home, sid, "--port", "0")
    try:
        lines = []
        while not any(line.startswith(b"Press ctrl+c") for line in lines):
            lines.append(_read_line(hub))
        text = b"".join(lines).decode()
        assert "Coast <b>camp</b>" in text
        assert "Only this laptop can reach it (127.0.0.1)" in text
        assert "Participants: http://127.0.0.1:" in text and "join code " in text
        assert "Note-takers (the whole app; share it only with them): http://127.0.0.1:" in text
        assert sum("█" in line or "▀" in line for line in text.splitlines()) >= 10
        hub.send_signal(signal.SIGINT)
        assert hub.wait(timeout=10) == 0
    finally:
        if hub.poll() is None:
            hub.kill()
            hub.wait()


def test_serve_refuses_in_one_line_what_it_cannot_do(store: SessionStore) -> None:
    make_session(store, "one")
    make_session(store, "two")
    none = _serve(store.home)
    out, err = none.communicate(timeout=30)
    assert none.returncode == 1 and out == b""
    message = err.decode()
    assert message.startswith("smartplan: error: ID: give the session to serve (sessions: ")
    assert "one" in message and "two" in message and message.count("\n") == 1
    missing = _serve(store.home, "nope", "--port", "0")
    out, err = missing.communicate(timeout=30)
    assert missing.returncode == 1 and err.decode().startswith("smartplan: error: no session")
    first = _serve(store.home, "one", "--port", "0", "--json")
    try:
        port = json.loads(_read_line(first))["participants"].split(":")[2].split("/")[0]
        second = _serve(store.home, "two", "--port", port, "--json")
        out, err = second.communicate(timeout=30)
        assert second.returncode == 1 and out == b""
        assert err.decode().startswith(f"smartplan: error: --port: cannot listen on 127.0.0.1:{port}")
        again = _serve(store.home, "one", "--port", "0", "--json")
        out, err = again.communicate(timeout=30)
        assert again.returncode == 1 and b"is running already" in err
    finally:
        first.terminate()
        first.wait(timeout=10)

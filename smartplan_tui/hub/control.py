"""The app's side of the hub: find the one running for a session, start, revoke, stop.

Why a subprocess (`smartplan serve --json`) and not a thread of the app: the hub must keep
serving while the app redraws, and it runs its own event loop, store thread and the
note-takers' processes; a process of its own keeps the app as light as it was, and a hub
started in another terminal is found and controlled the same way, through the hub's file
(`state`) and its `/hub/…` endpoints on this laptop. A hub the app started is stopped when
the app ends.

Everything here blocks (a process start, a local HTTP call of at most `TIMEOUT` s): call it
from a worker thread, never from the UI thread.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO, Any

from smartplan_tui.hub.state import Running, hub_file, read_running
from smartplan_tui.i18n import _

__all__ = ["HubError", "HubProcess", "find", "revoke", "start", "status", "stop"]

#: Seconds a call to the hub's control endpoints may take.
TIMEOUT = 2.0
#: Seconds a starting hub may take to say where it listens.
START_SECONDS = 20.0


class HubError(Exception):
    """The hub could not be started, reached or stopped; one line saying why."""


def find(home: Path, session_id: str) -> Running | None:
    """The hub running for this session, whoever started it."""
    return read_running(hub_file(home, session_id))


def _call(running: Running, method: str, path: str, body: dict[str, Any] | None = None
          ) -> dict[str, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        running.control_url + path, data=data, method=method,
        headers={"Authorization": f"Bearer {running.control_key}",
                 "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise HubError(_("the hub refused: {code} {reason}").format(
            code=error.code, reason=error.reason)) from None
    except (OSError, ValueError) as error:
        raise HubError(_("the hub at {address} does not answer ({error})").format(
            address=running.control_url, error=error)) from None
    if not isinstance(answer, dict):
        raise HubError(_("the hub's answer is not what this SmartPlan expects"))
    return answer


def status(running: Running) -> dict[str, Any]:
    """Links, join code and how many devices joined."""
    return _call(running, "GET", "/hub/status")


def revoke(running: Running, *, devices: bool = False, notetakers: bool = False
           ) -> dict[str, Any]:
    """A new join code (every phone out) and/or a new note-takers' link."""
    return _call(running, "POST", "/hub/revoke", {"devices": devices, "notetakers": notetakers})


class HubProcess:
    """A hub this app started, ended when the app ends at the latest."""

    def __init__(self, process: subprocess.Popen[bytes], links: dict[str, str]) -> None:
        self.process = process
        self.links = links
        _STARTED[process.pid] = self
        atexit.register(self.stop)

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """SIGTERM, then (after 5 s) SIGKILL; waits until the hub is gone."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        _STARTED.pop(self.process.pid, None)
        atexit.unregister(self.stop)


#: Hubs this process started, by process id: stopped as processes, not over HTTP.
_STARTED: dict[int, HubProcess] = {}


def start(home: Path, session_id: str, host: str = "0.0.0.0", port: int = 8765) -> HubProcess:
    """Start `smartplan serve --json` for the session; returns once it listens."""
    log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, or on failure
    command = [sys.executable, "-m", "smartplan_tui", "--home", str(home), "serve", session_id,
               "--json", "--host", host, "--port", str(port)]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=log, start_new_session=True)
    assert process.stdout is not None
    timer = threading.Timer(START_SECONDS, process.kill)
    timer.start()
    try:
        line = process.stdout.readline()
    finally:
        timer.cancel()
    try:
        links = json.loads(line)
    except ValueError:
        links = None
    if not isinstance(links, dict):
        process.kill()
        process.wait()
        log.seek(0)
        why = log.read().decode("utf-8", "replace").strip().splitlines()
        raise HubError(why[-1] if why else _("the hub did not start"))
    log.close()
    stdout = process.stdout
    # Nothing more is printed with --json; drained all the same, so it can never block.
    threading.Thread(target=lambda: stdout.read(), daemon=True).start()
    return HubProcess(process, links)


def stop(running: Running) -> None:
    """Stop the hub: the process if this app started it, else through its endpoint."""
    started = _STARTED.get(running.pid)
    if started is not None:
        started.stop()
        return
    with contextlib.suppress(HubError):
        _call(running, "POST", "/hub/stop")

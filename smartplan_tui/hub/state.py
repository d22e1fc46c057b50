"""The hub's file in the data home: `<home>/hub/<session id>.json`, private (0600).

It keeps the keys (`keys.HubKeys`) across restarts, so phones stay in when the hub is
started again, and, while a hub runs, where it listens and the key of its control
endpoints: that is how the app's Room screen — in the facilitator's terminal or in a
note-taker's browser — finds the hub, shows its QR code and asks it to revoke or stop.
Only the facilitator's user can read the file, as only they may run those endpoints.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import orjson

from smartplan_tui.atomic import replace_atomically
from smartplan_tui.hub.keys import HubKeys
from smartplan_tui.records import record

__all__ = ["Running", "hub_file", "pid_alive", "read_keys", "read_running", "write_state"]

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


@record
class Running:
    """Where a running hub is and how its control endpoints are reached."""

    pid: int
    control_url: str
    """`http://127.0.0.1:PORT` (or the one address it listens on): for this laptop only."""
    control_key: str
    participants: str
    code: str
    notetakers: str
    lan: bool
    """Whether the room (other devices) can reach it, not only this laptop."""

    def to_json(self) -> dict[str, Any]:
        return {"pid": self.pid, "control_url": self.control_url,
                "control_key": self.control_key, "participants": self.participants,
                "code": self.code, "notetakers": self.notetakers, "lan": self.lan}

    @classmethod
    def from_json(cls, doc: Any) -> Running | None:
        if not isinstance(doc, dict):
            return None
        try:
            running = cls(**doc)
        except TypeError:
            return None
        texts = (running.control_url, running.control_key, running.participants,
                 running.code, running.notetakers)
        if type(running.pid) is not int or not all(isinstance(t, str) for t in texts):
            return None
        return running


def hub_file(home: Path, session_id: str) -> Path:
    return Path(home) / "hub" / f"{session_id}.json"


def _read(path: Path) -> dict[str, Any]:
    try:
        doc = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return doc if isinstance(doc, dict) else {}


def read_keys(path: Path) -> HubKeys | None:
    return HubKeys.from_json(_read(path).get("keys"))


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_running(path: Path) -> Running | None:
    """The hub running for this file's session, or None (none, or it died)."""
    running = Running.from_json(_read(path).get("running"))
    return running if running is not None and pid_alive(running.pid) else None


def write_state(path: Path, keys: HubKeys, running: Running | None) -> None:
    """Replace the file at once (readers never see half of it), private to the user."""
    path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path.parent, PRIVATE_FOLDER)
    doc: dict[str, Any] = {"keys": keys.to_json()}
    if running is not None:
        doc["running"] = running.to_json()
    blob = orjson.dumps(doc, option=orjson.OPT_INDENT_2)
    replace_atomically(path, lambda stream: stream.write(blob), mode=PRIVATE_FILE)

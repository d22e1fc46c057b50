"""`smartplan serve` and `smartplan room`: what they do, apart from their options (cli.py).

`serve` prints what the facilitator needs — the participants' link and its QR code, the
join code, the note-takers' link — or with `--json` exactly one JSON line once the hub
listens (for scripts and for the app's Room screen), and serves until stopped.
"""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Callable

from smartplan_tui.hub.progress import describe_room
from smartplan_tui.hub.qr import ansi_lines, qr_lines
from smartplan_tui.hub.server import Ready, run_hub
from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError, Room, RoomActivity
from smartplan_tui.os_errors import os_reason
from smartplan_tui.store import SessionStore
from smartplan_tui.text import visible

__all__ = ["parse_room", "serve", "session_to_serve", "set_room"]


def session_to_serve(store: SessionStore, session_id: str | None) -> str:
    """The session given, or the only one there is."""
    if session_id is not None:
        return session_id
    sessions = store.list_sessions()
    if len(sessions) == 1:
        return sessions[0].id
    known = ", ".join(s.id for s in sessions[:8]) or _("none yet")
    raise ModelError("ID", _("give the session to serve (sessions: {known})").format(known=known))


def _announce(ready: Ready, host: str, say: Callable[[str], None]) -> None:
    links = ready.links
    say(_("SmartPlan hub for “{title}”").format(title=visible(ready.title, 80)))
    if ready.lan:
        say(_("The room can reach it: anyone on this network who has the code can join, and "
              "anyone with the note-takers' link can use the whole app."))
    else:
        say(_("Only this laptop can reach it ({host}); to let the room join, serve with "
              "--host 0.0.0.0 (or the laptop's address on the room's network).").format(
                  host=host))
    say("")
    say(_("Participants: {link}   (join code {code})").format(link=links.participants,
                                                             code=links.code))
    lines = ansi_lines(links.participants) if sys.stdout.isatty() else qr_lines(links.participants)
    for line in lines:
        say("  " + line)
    say("")
    say(_("Note-takers (the whole app; share it only with them): {link}").format(
        link=links.notetakers))
    say("")
    say(_("Press ctrl+c to stop."))


def serve(store: SessionStore, session_id: str | None, host: str, port: int, as_json: bool,
          say: Callable[[str], None]) -> None:
    """Serve the session until ctrl+c or SIGTERM."""
    chosen = session_to_serve(store, session_id)

    def ready(hub: Ready) -> None:
        if as_json:
            print(json.dumps(hub.to_json()), flush=True)
        else:
            _announce(hub, host, say)
            sys.stdout.flush()

    try:
        run_hub(store, chosen, host, port, ready)
    except OSError as error:
        if error.errno in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
            raise ModelError("--port", _("cannot listen on {host}:{port} ({problem}); choose "
                                         "another --port or --host").format(
                host=host, port=port, problem=os_reason(error))) from None
        raise
    except KeyboardInterrupt:
        return


ACTIVITIES = "off|swot|vote VOTE_ID|results VOTE_ID"


def parse_room(activity: str, vote_id: str | None, names: bool) -> Room:
    """`off`, `swot`, `vote v2` or `results v2` as a `Room`; ModelError naming the argument."""
    try:
        chosen = RoomActivity(activity.strip().lower())
    except ValueError:
        raise ModelError("ACTIVITY", _("{value!r} is not one of {activities}").format(
            value=activity, activities=ACTIVITIES)) from None
    needs_vote = chosen in (RoomActivity.VOTE, RoomActivity.RESULTS)
    if needs_vote and not vote_id:
        raise ModelError("VOTE_ID", _("{activity} needs the vote's id ({activities})").format(
            activity=chosen.value, activities=ACTIVITIES))
    if not needs_vote and vote_id:
        raise ModelError("VOTE_ID", _("{activity} takes no vote id ({activities})").format(
            activity=chosen.value, activities=ACTIVITIES))
    if names and chosen is not RoomActivity.VOTE:
        raise ModelError("--names", _("only a vote asks for names"))
    try:
        return Room(chosen, vote_id or "", names)
    except ModelError as error:
        raise ModelError("VOTE_ID", error.reason) from None


def set_room(store: SessionStore, session_id: str, room: Room | None) -> str:
    """Set what the room sees (or, with None, only read it); the line to print."""
    handle = store.open(session_id)
    if room is not None:
        handle.set_room(room)
    session = handle.load()
    shown = describe_room(room if room is not None else handle.room(), session)
    return _("{session}: the room sees {room}").format(session=session_id, room=shown)

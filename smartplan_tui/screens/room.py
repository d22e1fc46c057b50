"""The Room screen, for the projector: the QR code to join, the code, who has voted.

The hub is a process of its own (`smartplan serve`, see `hub.control`); this screen finds
the one running for the session — started here with `h`, or in another terminal — reads
its status once a second off the UI thread, and sets what the room sees through the store
(`handle.set_room`), exactly as `smartplan room` does. Revoking (`x`) gives a new code and
sends every phone away at once. The note-takers' link is never on screen unless asked for
(`k`): the screen is meant to be projected.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Header, Label, Static

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.hub import control
from smartplan_tui.hub.progress import describe_room, vote_progress
from smartplan_tui.hub.qr import qr_lines
from smartplan_tui.hub.state import Running
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.labels import method_name
from smartplan_tui.model import Room, RoomActivity, Session, VoteStatus
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.live import LiveScreen, show_error
from smartplan_tui.screens.widgets.choice_form import ChoiceForm
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import visible
from smartplan_tui.store import SessionHandle, StoreError

__all__ = ["RoomScreen"]

#: Where a hub started here listens (the room's network) and on which port first; a
#: port in use falls back to any free one. The environment can narrow it (tests, a
#: laptop with several networks).
HOST_ENV = "SMARTPLAN_HUB_HOST"
PORT_ENV = "SMARTPLAN_HUB_PORT"
HUB_POLL_SECONDS = 1.0


class RoomScreen(LiveScreen):
    """`RoomScreen(handle)`: the room's view of one session, and its hub."""

    CSS_PATH = "room.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", _("Back"), id="room_back"),
        Binding("h", "toggle_hub", _("Start/stop hub"), id="room_hub"),
        Binding("o", "show('off')", _("Room: waiting"), id="room_off"),
        Binding("w", "show('swot')", _("Room: SWOT"), id="room_swot"),
        Binding("v", "pick_vote('vote')", _("Room: a vote"), id="room_vote"),
        Binding("r", "pick_vote('results')", _("Room: results"), id="room_results"),
        Binding("m", "toggle_names", _("Ask names"), id="room_names"),
        Binding("x", "revoke", _("New code (revoke devices)"), id="room_revoke"),
        Binding("k", "notetakers_link", _("Note-takers' link"), id="room_notetakers"),
        Binding("K", "revoke_notetakers", _("New note-takers' link"), id="room_new_notetakers"),
    ]

    def __init__(self, handle: SessionHandle) -> None:
        super().__init__(handle)
        self.room = handle.room()
        self.hub: Running | None = None
        self.hub_status: dict[str, Any] = {}
        self._busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="room-body"):
            with Vertical(id="room-join"):
                yield Static("", id="room-qr")
                yield Label("", id="room-code", markup=False)
                yield Label("", id="room-link", markup=False)
            with Vertical(id="room-side"):
                yield Static("", id="room-hub")
                yield Static("", id="room-activity")
                yield Static("", id="room-progress")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.title = _("Room")
        self.set_interval(HUB_POLL_SECONDS, self._poll_hub, name="hub-poll")
        self._show_hub()
        self._poll_hub()
        self.watch_session(self.session)

    # ------------------------------------------------------------------ showing

    def watch_session(self, session: Session) -> None:
        if not self.is_attached:
            return
        self.sub_title = visible(session.info.title, 80)
        try:
            self.room = self.handle.room()
        except StoreError as error:
            show_error(self, error, _("Cannot read the room"))
        self._show_activity(session)

    def _show_activity(self, session: Session) -> None:
        room = self.room
        text = Text(_("The room sees: "), style="bold")
        text.append(describe_room(room, session))
        vote = session.find(VOTES, room.vote) if room.vote else None
        self.query_one("#room-activity", Static).update(text)
        lines: list[str] = []
        if vote is not None:
            devices = self.hub_status.get("devices") if self.hub is not None else None
            lines = vote_progress(session, room, vote,
                                  devices if isinstance(devices, int) else None)
        self.query_one("#room-progress", Static).update(
            Text("\n".join(visible(line) for line in lines)))

    def _show_hub(self) -> None:
        qr = self.query_one("#room-qr", Static)
        code = self.query_one("#room-code", Label)
        link = self.query_one("#room-link", Label)
        hub = self.query_one("#room-hub", Static)
        if self.hub is None:
            qr.update("")
            code.update("")
            link.update("")
            hub.update(Text(_("No hub is running for this session.\nPress h to start one: "
                              "the devices on this laptop's network can then join.")))
            return
        participants = str(self.hub_status.get("participants", self.hub.participants))
        join_code = str(self.hub_status.get("code", self.hub.code))
        qr.update(self._qr(participants))
        code.update(Text("  " + _("Join code  {code}").format(code=" ".join(join_code)) + "  ",
                         style="bold reverse"))
        link.update(participants)
        devices = self.hub_status.get("devices")
        text = Text(_("Hub running"), style="bold")
        text.append(ngettext(" — {n} device joined", " — {n} devices joined", devices).format(
            n=devices) if isinstance(devices, int) else "")
        if self.hub.lan:
            text.append("\n" + _("The room's network can reach it: anyone with the code can "
                                  "join."), style="dim")
        else:
            text.append("\n" + _("Only this laptop can reach it."), style="dim")
        hub.update(text)

    def _qr(self, link: str) -> Text:
        """The biggest QR code that fits: two characters a module, or half blocks."""
        area = self.query_one("#room-join")
        width, height = area.size.width, max(area.size.height - 3, 0)
        big = qr_lines(link, compact=False)
        lines = big if len(big[0]) <= width and len(big) <= height else qr_lines(link)
        return Text("\n".join(lines), style="black on white", no_wrap=True)

    def on_resize(self, _event: Resize) -> None:
        if self.hub is not None:
            self.call_after_refresh(self._show_hub)

    # ------------------------------------------------------------------ the hub

    def _poll_hub(self) -> None:
        if self.is_current and not self._busy:
            self._read_hub()

    @work(thread=True, exclusive=True, group="room-hub", exit_on_error=False)
    def _read_hub(self) -> None:
        hub = control.find(self.smartplan.store.home, self.handle.id)
        answer: dict[str, Any] = {}
        if hub is not None:
            try:
                answer = control.status(hub)
            except control.HubError:
                answer = {}
        self.app.call_from_thread(self._receive_hub, hub, answer)

    def _receive_hub(self, hub: Running | None, answer: dict[str, Any]) -> None:
        changed = (hub != self.hub) or (answer != self.hub_status)
        self.hub, self.hub_status = hub, answer
        if changed:
            self._show_hub()
            self._show_activity(self.session)

    def action_toggle_hub(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.notify(_("Stopping the hub…") if self.hub else _("Starting the hub…"), timeout=3)
        self._toggle_hub(self.hub)

    @work(thread=True, group="room-hub-control", exit_on_error=False)
    def _toggle_hub(self, hub: Running | None) -> None:
        home = self.smartplan.store.home
        try:
            if hub is not None:
                control.stop(hub)
            else:
                host = os.environ.get(HOST_ENV, "0.0.0.0")
                port = int(os.environ.get(PORT_ENV, "8765"))
                try:
                    control.start(home, self.handle.id, host, port)
                except control.HubError:
                    if port == 0:
                        raise
                    control.start(home, self.handle.id, host, 0)  # the port was taken
        except (control.HubError, ValueError) as error:
            self.app.call_from_thread(show_error, self, error, _("Hub"))
        finally:
            self.app.call_from_thread(self._done_busy)

    def _done_busy(self) -> None:
        self._busy = False
        self._read_hub()

    def _confirm_revoke(self, question: str, label: str, *, devices: bool = False,
                        notetakers: bool = False) -> None:
        hub = self.hub
        if hub is None:
            self.notify(_("No hub is running."), severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._revoke(hub, devices, notetakers)

        self.app.push_screen(ConfirmScreen(question, label), answered)

    def action_revoke(self) -> None:
        self._confirm_revoke(
            _("Give the room a new code? Every device that joined is sent away at once and "
              "must scan the new QR code. Ballots already cast stay counted."), _("New code"),
            devices=True)

    def action_revoke_notetakers(self) -> None:
        self._confirm_revoke(
            _("Make a new note-takers' link? Every note-taker's browser is closed at once "
              "(this screen too, if it runs in one) and needs the new link."),
            _("New link"), notetakers=True)

    @work(thread=True, group="room-hub-control", exit_on_error=False)
    def _revoke(self, hub: Running, devices: bool, notetakers: bool) -> None:
        try:
            control.revoke(hub, devices=devices, notetakers=notetakers)
        except control.HubError as error:
            self.app.call_from_thread(show_error, self, error, _("Hub"))
            return
        done = (_("New code: every device must join again.") if devices else
                _("New note-takers' link: k shows it."))
        self.app.call_from_thread(self.notify, done)
        self.app.call_from_thread(self._read_hub)

    def action_notetakers_link(self) -> None:
        if self.hub is None:
            self.notify(_("No hub is running."), severity="warning")
            return
        link = str(self.hub_status.get("notetakers", self.hub.notetakers))
        self.notify(link, title=_("Note-takers' link (not for the projector)"), timeout=15,
                    markup=False)

    # ------------------------------------------------------------------ the room

    def _set_room(self, room: Room) -> None:
        if self.save(lambda: self.handle.set_room(room)) is not None:
            self.room = room
            self._show_activity(self.session)

    def action_show(self, activity: str) -> None:
        self._set_room(Room(RoomActivity(activity)))

    def action_pick_vote(self, activity: str) -> None:
        votes = self.session.votes
        if not votes:
            self.notify(_("This session has no votes yet."), severity="warning")
            return
        chosen_activity = RoomActivity(activity)

        def chosen(vote_id: str | None) -> None:
            if vote_id:
                self._set_room(Room(chosen_activity, vote_id))

        current = self.room.vote or next(
            (v.id for v in votes if v.status is VoteStatus.OPEN), votes[0].id)
        choices = [(visible(f"{v.question} · {method_name(v.method)}", 70)
                    + (_(" (closed)") if v.status is VoteStatus.CLOSED else ""), v.id)
                   for v in votes]
        heading = _("Results of which vote?") if chosen_activity is RoomActivity.RESULTS else (
            _("Which vote goes in front of the room?"))
        self.app.push_screen(ChoiceForm(heading, _("Vote"), choices, current), chosen)

    def action_toggle_names(self) -> None:
        room = self.room
        if room.activity is not RoomActivity.VOTE:
            self.notify(_("Put a vote in front of the room first (v)."), severity="warning")
            return
        self._set_room(Room(room.activity, room.vote, not room.names))

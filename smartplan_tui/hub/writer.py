"""One thread for the store, and ballots that arrive together written together.

Why one thread: a `SessionHandle` is used by one thread at a time; the event loop must
never wait for a disk. Why batches: when the facilitator says "vote now", sixty phones send
their ballot within the same few milliseconds. Written one by one, each waits for every
fsync before it (sixty × a few ms); written together they share one `handle.apply` — one
journal line, one fsync — and each request is answered only after that line is on disk.

Each edit in a batch is checked on the session as it is at the moment of writing; one that
is refused (the vote closed meanwhile, a rule broken) is answered with its reason and
leaves the others to be written. The reason is in the language of the request that sent the
edit (one batch may hold a Latvian phone's ballot and a Lithuanian one's).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from smartplan_tui.collection_registry import SWOT
from smartplan_tui.hub.room_view import (
    BallotDraft,
    Refused,
    RoomView,
    SwotDraft,
    cast_from_device,
    check_swot_turn,
    located,
    room_view,
)
from smartplan_tui.i18n import _, current_language, writing_in
from smartplan_tui.model import ModelError, Room, Session, SwotItem, Vote
from smartplan_tui.store import NewId, SessionHandle, StoreError

__all__ = ["AddSwot", "CastBallot", "Edit", "StoreWorker"]

T = TypeVar("T")
#: An edit waiting for its batch: the edit, its request's answer, its request's language.
_Queued = tuple["Edit", "asyncio.Future[Any]", str]
log = logging.getLogger("smartplan.hub")

#: How often the hub looks for changes made by other processes (one `stat`).
REFRESH_SECONDS = 0.25


@dataclass(slots=True)
class _Draft:
    """A batch's changes to one session, built up edit by edit and applied once."""

    session: Session
    room: Room
    new_id: NewId
    votes: dict[str, Vote] = field(default_factory=dict)
    swot: list[SwotItem] = field(default_factory=list)

    def result(self) -> Session:
        """The session with every edit of the batch, built once."""
        lists: dict[str, tuple[Any, ...]] = {}
        if self.votes:
            lists["votes"] = tuple(self.votes.get(v.id, v) for v in self.session.votes)
        if self.swot:
            lists["swot"] = (*self.session.swot, *self.swot)
        return self.session.with_lists(lists) if lists else self.session


class Edit:
    """One participant's edit, waiting for its batch."""

    def run(self, draft: _Draft) -> Any:  # pragma: no cover - every edit says what it does
        raise NotImplementedError

    def device(self) -> str:
        """How the session's history names the phone this edit came from (may be empty)."""
        return ""


@dataclass(slots=True)
class AddSwot(Edit):
    item: SwotDraft

    def run(self, draft: _Draft) -> str:
        check_swot_turn(draft.room)
        new = SwotItem(draft.new_id(SWOT), self.item.quadrant, self.item.text, (),
                       self.item.author)
        draft.swot.append(new)
        return new.id

    def device(self) -> str:
        return self.item.author


@dataclass(slots=True)
class CastBallot(Edit):
    ballot: BallotDraft
    tag: str

    def run(self, draft: _Draft) -> None:
        vote = cast_from_device(draft.session, draft.room, self.ballot, self.tag,
                                draft.votes.get(self.ballot.vote_id))
        draft.votes[vote.id] = vote

    def device(self) -> str:
        return self.ballot.ballot.voter or self.tag[:8]


class StoreWorker:
    """Every store call of the hub, on one thread; the room as last read, for every device."""

    def __init__(self, handle: SessionHandle) -> None:
        self.handle = handle
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="hub-store")
        self._queue: asyncio.Queue[_Queued] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self.view: RoomView = room_view(handle.load(), handle.room())
        self.batches = 0
        """How many durable writes the edits took (the benchmark reports it)."""

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._write_batches()),
                       asyncio.create_task(self._watch())]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        while not self._queue.empty():
            _edit, waiter, language = self._queue.get_nowait()
            if not waiter.done():
                with writing_in(language):
                    waiter.set_exception(Refused(503, _("the hub is stopping; nothing was "
                                                        "written")))
        self._pool.shutdown(wait=True)

    async def call(self, work: Callable[[], T]) -> T:
        """Run a store call on the store's thread."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)

    async def submit(self, edit: Edit) -> Any:
        """What the edit returned, once it is on disk; `Refused` when it was not written."""
        waiter: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        await self._queue.put((edit, waiter, current_language()))
        return await waiter

    async def refresh(self) -> RoomView:
        """Read the session again if anybody wrote it (a `stat` when nobody did)."""
        self.view = await self.call(self._fresh_view)
        return self.view

    def _fresh_view(self) -> RoomView:
        if not self.handle.changed():
            return self.view
        return room_view(self.handle.load(), self.handle.room())

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(REFRESH_SECONDS)
            try:
                await self.refresh()
            except (StoreError, ModelError):
                continue  # the page keeps the last good state; the app shows the damage

    async def _write_batches(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while not self._queue.empty():
                batch.append(self._queue.get_nowait())
            edits = [(edit, language) for edit, _waiter, language in batch]
            try:
                outcomes = await self.call(functools.partial(self._write, edits))
            except (StoreError, ModelError) as error:
                # The reason names files on the laptop: the log has it, the phones do not.
                log.warning("%d edits from the room were not saved: %s", len(batch), error)
                outcomes = [_not_saved(language) for _edit, language in edits]
            self.batches += 1
            with contextlib.suppress(StoreError, ModelError):
                self.view = await self.call(self._fresh_view)
            for (_edit, waiter, _language), outcome in zip(batch, outcomes, strict=True):
                if waiter.done():
                    continue
                if isinstance(outcome, Refused):
                    waiter.set_exception(outcome)
                else:
                    waiter.set_result(outcome)

    def _write(self, edits: list[tuple[Edit, str]]) -> list[Any]:
        """Apply every edit that may be made, in one durable write; each one's outcome
        (a refusal in the language its request was answered in)."""
        room = self.handle.room()
        outcomes: list[Any] = [None] * len(edits)

        def change(session: Session, new_id: NewId) -> Session:
            draft = _Draft(session, room, new_id)
            for i, (edit, language) in enumerate(edits):
                with writing_in(language):
                    try:
                        outcomes[i] = edit.run(draft)
                    except Refused as refused:
                        outcomes[i] = refused
                    except ModelError as error:
                        outcomes[i] = Refused(400, located(error))
            return draft.result()

        self.handle.author = _phones([edit for edit, _language in edits])
        self.handle.apply(change)
        return outcomes


def _not_saved(language: str) -> Refused:
    """The answer to an edit whose batch could not be written, in its request's language."""
    with writing_in(language):
        return Refused(503, _("the session could not be saved just now; nothing was written, "
                              "try again"))


def _phones(edits: list[Edit]) -> str:
    """The history's author of one batch: `phone p4`, or the first few of several phones."""
    labels = list(dict.fromkeys(edit.device() for edit in edits if edit.device()))
    shown = ", ".join(labels[:3]) + (" …" if len(labels) > 3 else "")
    return f"phone {shown}".rstrip()

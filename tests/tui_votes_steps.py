"""Steps shared by the voting and action-plan Pilot tests: open a screen, count keys.

`Keys` wraps a Pilot and counts what a facilitator would press, keeping keys (commands,
navigation) apart from characters typed as text (a question, an owner's name), because
the second depends on the words chosen and the first is what the design can cut.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from smartplan_tui.app import SmartPlanApp, make_app
from smartplan_tui.collection_registry import VOTES
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.model import Session, Vote
from smartplan_tui.store import SessionStore

SIZE = (100, 30)
S = TypeVar("S", bound=Screen[Any])


@dataclass
class Keys:
    """A Pilot that counts keystrokes."""

    pilot: Pilot[Any]
    pressed: int = 0
    typed: int = 0
    log: list[str] = field(default_factory=list)

    async def press(self, *keys: str) -> None:
        self.pressed += len(keys)
        self.log.extend(keys)
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        self.typed += len(text)
        self.log.append(repr(text))
        await self.pilot.press(*text)
        await self.pilot.pause()

    @property
    def total(self) -> int:
        return self.pressed + self.typed


def demo_app(home: Path) -> SmartPlanApp:
    """The app opened on the demo session (which the `demo_store` fixture created)."""
    return make_app(home, DEMO_ID)


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys and let the app settle."""
    await pilot.press(*keys)
    await pilot.pause()


async def open_screen(pilot: Pilot[Any], key: str, kind: type[S]) -> S:
    """Press `key` (from the session screen: `v` votes, `p` plan; on a screen: a dialog)
    and return the screen it opened, which must be a `kind`."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, kind), f"{key} opened {screen!r}, not a {kind.__name__}"
    return screen


def stored(home: Path) -> Session:
    """The demo session as a fresh store reads it from disk."""
    return SessionStore(home).load(DEMO_ID)


def stored_vote(home: Path, vote_id: str) -> Vote:
    vote = stored(home).find(VOTES, vote_id)
    assert isinstance(vote, Vote), f"no vote {vote_id} stored"
    return vote


def text_of(widget: Widget) -> str:
    """What a widget shows, as plain text (Static content, Text, or any Rich renderable)."""
    shown: object = widget.content if isinstance(widget, Static) else widget.render()
    if isinstance(shown, str):
        return shown
    plain = getattr(shown, "plain", None)
    if isinstance(plain, str):
        return plain
    console = Console(width=200, file=io.StringIO(), record=True)
    console.print(shown)
    return console.export_text()


def shown(app: SmartPlanApp, selector: str) -> str:
    """The plain text of every widget matching `selector` on the active screen."""
    return "\n".join(text_of(widget) for widget in app.screen.query(selector))

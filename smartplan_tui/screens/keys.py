"""The commands of a screen, read once for the footer's neighbours: the palette and F1.

Read from the classes' BINDINGS rather than the active key map, so a screen key shadowed
by the focused widget (Enter on a table) is still listed and still runs on the screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(slots=True)
class Command:
    """A described binding, the node whose action it runs, and every key bound to it."""

    binding: Binding
    target: DOMNode
    action: str
    keys: list[str]


def commands(screen: Screen[Any], app: App[Any]) -> Iterator[Command]:
    """Described, enabled bindings of `screen`, then of `app`, each description once."""
    found: dict[str, Command] = {}
    for node in (screen, app):
        for binding in Binding.make_bindings(type(node).BINDINGS):
            if not binding.description:
                continue
            key = app.get_key_display(binding)
            known = found.get(binding.description.lower())
            if known is not None:
                if known.binding.action == binding.action and key not in known.keys:
                    known.keys.append(key)
                continue
            target: DOMNode = app if binding.action.startswith("app.") else node
            action = binding.action.removeprefix("app.")
            if target.check_action(action.split("(", 1)[0], ()) is False:
                continue
            found[binding.description.lower()] = Command(binding, target, action, [key])
    yield from found.values()

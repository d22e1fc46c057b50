"""The commands of a screen, read once for the key bar and its neighbours: palette and F1.

Read from the classes' BINDINGS rather than the active key map, so a screen key shadowed
by the focused widget (Enter on a table) is still listed and still runs on the screen.
A class's bindings are merged over its bases as Textual merges them (`DOMNode.
_merge_bindings`): walking the MRO from the root, a class's bindings for a key replace
those its bases have for that key, and `inherit_bindings=False` drops all inherited ones.
So a screen lists what it inherits (Escape from a shared base) and never a binding that
a subclass has replaced. Bases' keys come first; a replaced key moves to where the class
that replaced it lists it, so the app's own order of its keys is kept.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input

from smartplan_tui.i18n import N_, _

#: Textual's own key descriptions (Tab, shift+Tab, copy on every screen), marked here so that
#: F1 and the palette show them in the interface language like SmartPlan's own.
TEXTUAL_DESCRIPTIONS = (N_("Focus Next"), N_("Focus Previous"), N_("Copy selected text"))


@dataclass(slots=True)
class Command:
    """A described binding, the node whose action it runs, and every key bound to it."""

    binding: Binding
    target: DOMNode
    action: str
    keys: list[str]

    @property
    def description(self) -> str:
        """What the key does, in the interface language (Textual's own descriptions too)."""
        return _(self.binding.description)


@functools.cache
def merged_bindings(node_class: type[DOMNode]) -> tuple[Binding, ...]:
    """The bindings `node_class` has, own and inherited, as Textual resolves each key (once
    per class: a class's bindings are fixed, and the key bar asks at every focus change)."""
    by_key: dict[str, list[Binding]] = {}
    for base in reversed(node_class.__mro__):
        if not issubclass(base, DOMNode):
            continue
        if not getattr(base, "_inherit_bindings", True):
            by_key.clear()
        own: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(base.__dict__.get("BINDINGS", [])):
            own.setdefault(binding.key, []).append(binding)
        for key in own:
            by_key.pop(key, None)
        by_key.update(own)
    return tuple(binding for bindings in by_key.values() for binding in bindings)


def _target(action: str, node: DOMNode, screen: Screen[Any], app: App[Any]) -> tuple[
        DOMNode, str]:
    """The node an action runs on and the action without its namespace (`app.`, `screen.`)."""
    for prefix, target in (("app.", app), ("screen.", screen)):
        if action.startswith(prefix):
            return target, action.removeprefix(prefix)
    return node, action


def commands(screen: Screen[Any], app: App[Any]) -> Iterator[Command]:
    """Described, enabled bindings of `screen`, then of `app`, each description once."""
    found: dict[str, Command] = {}
    for node in (screen, app):
        for binding in merged_bindings(type(node)):
            if not binding.description:
                continue
            key = app.get_key_display(binding)
            known = found.get(binding.description.lower())
            if known is not None:
                if known.binding.action == binding.action and key not in known.keys:
                    known.keys.append(key)
                continue
            target, action = _target(binding.action, node, screen, app)
            if target.check_action(action.split("(", 1)[0], ()) is False:
                continue
            found[binding.description.lower()] = Command(binding, target, action, [key])
    if isinstance(screen.focused, Input):
        for command in found.values():
            command.keys = _keys_while_typing(command.keys)
    yield from found.values()


def _keys_while_typing(keys: list[str]) -> list[str]:
    """In a text field a printable key is text, not a command: list the others (`^z`, not
    `u`), so the key bar never offers a letter that types itself; all when none is left."""
    others = [key for key in keys if not (len(key) == 1 and key.isprintable())]
    return others or keys

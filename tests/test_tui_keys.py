"""Keys a screen inherits: in the key bar, in F1 and in the command palette, as Textual binds them."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets import DataTable
from tui_support import settle

from smartplan_tui.app import make_app
from smartplan_tui.screens.actions import ActionPlanScreen
from smartplan_tui.screens.help import HelpScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.screens.widgets.commands import merged_bindings
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.store import SessionStore

#: Screens whose Escape ("Back") is bound by a base class, not by the screen itself.
INHERITING = [("v", VotesScreen), ("p", ActionPlanScreen)]


@pytest.mark.parametrize(("key", "screen_class"), INHERITING,
                         ids=[c.__name__ for _, c in INHERITING])
async def test_an_inherited_back_is_in_the_key_bar_f1_and_the_palette(
        demo_store: SessionStore, key: str, screen_class: type[Screen[Any]]) -> None:
    assert not any(b.description == "Back"
                   for b in Binding.make_bindings(screen_class.BINDINGS))  # inherited
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, screen_class)
        assert str(app.screen.query_one(KeyBar).render()).startswith("esc Back  ")

        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        assert ("esc", "Back") in rows
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Back")
        await settle(pilot)
        found = app.screen.query_one(CommandList)
        prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert "Back\nBack (esc)" in prompts, prompts
        # The entry runs the base's action: back to the session.
        found.highlighted = prompts.index("Back\nBack (esc)")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


class _Base(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("x,y", "base_x", "Base x"),
    ]


class _Child(_Base):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New"),
        Binding("x", "child_x", "Child x"),
    ]


class _Alone(_Base, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("n", "new", "New")]


@pytest.mark.parametrize("node_class", [_Base, _Child, _Alone, VotesScreen, ActionPlanScreen])
def test_bindings_merge_over_the_class_hierarchy_as_textual_merges_them(
        node_class: type[Screen[None]]) -> None:
    ours = {(b.key, b.action) for b in merged_bindings(node_class)}
    textuals = {(key, b.action) for key, bindings in
                node_class._merged_bindings.key_to_bindings.items()  # type: ignore[union-attr]
                for b in bindings}
    assert ours == textuals


def test_a_subclass_binding_replaces_its_bases_for_that_key_only() -> None:
    keys = [(b.key, b.action) for b in merged_bindings(_Child)]
    # Textual's Screen keys first, then the base's, then the child's; `x` is the child's
    # now, and the base keeps `y`.
    assert keys[-4:] == [("escape", "back"), ("y", "base_x"), ("n", "new"), ("x", "child_x")]
    assert ("escape", "back") not in [(b.key, b.action) for b in merged_bindings(_Alone)]


def _screen_classes() -> list[type[Screen[Any]]]:
    """Every screen class the app defines, found by walking the screens package."""
    import importlib
    import inspect
    import pkgutil

    import smartplan_tui.screens as screens

    found: list[type[Screen[Any]]] = []
    for module_info in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"{screens.__name__}.{module_info.name}")
        found += [c for _, c in inspect.getmembers(module, inspect.isclass)
                  if issubclass(c, Screen) and c.__module__ == module.__name__]
    return found


def test_one_command_has_one_first_key_on_every_screen() -> None:
    """What a facilitator learns on one screen works on the next: same name, same key."""
    first_keys: dict[str, set[tuple[str, str]]] = {}
    for screen_class in _screen_classes():
        own: dict[str, str] = {}  # a command's first key on this screen
        for binding in merged_bindings(screen_class):
            if binding.description:
                own.setdefault(binding.description, binding.key)
        for name, key in own.items():
            first_keys.setdefault(name, set()).add((key, screen_class.__name__))
    differing = {name: sorted(keys) for name, keys in first_keys.items()
                 if len({key for key, _ in keys}) > 1}
    assert differing == {}

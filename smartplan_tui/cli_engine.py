"""The command-line engine's own texts ("Usage:", "Missing argument 'ID'.") in the interface language.

Typer 0.29 carries its own copy of Click whose messages are plain English strings, built
with the values already in them; only `typer.core` calls the stdlib's `gettext`. So the
engine's texts are listed here as templates (marked with `N_`, so that the catalogue holds
them), and a finished message is translated by matching it against them: the template's
translation is filled with the values the English one was built with. A message no
template matches is shown as it is (in English), never lost.
"""

from __future__ import annotations

import re
import sys
from functools import cache

from smartplan_tui.i18n import N_, _, ngettext

__all__ = ["ENGINE_TEMPLATES", "speak_interface_language", "translate_engine_text"]

#: The engine's messages a user meets, with `{fields}` where the engine puts a value.
#: Longer, more specific templates first: the first that matches is used.
ENGINE_TEMPLATES = (
    N_("No such option: {name} (Possible options: {options})"),
    N_("No such option: {name}"),
    N_("{message}. Did you mean {suggestions}?"),
    N_("Missing argument {name}."),
    N_("Missing option {name}."),
    N_("Missing parameter: {name}"),
    N_("Missing command."),
    N_("Option {name} requires an argument."),
    N_("Option {name} requires {n} arguments."),
    N_("Option {name} does not take a value."),
    N_("Argument {name} takes {n} values."),
    N_("Got unexpected extra argument(s) ({args})"),
    N_("Invalid value for {name}: {message}"),
    N_("Invalid value: {message}"),
    N_("Value {value} is not a valid {kind}."),
    N_("Value error, {value} is not one of {choices}."),
    N_("Input should be a valid integer, unable to parse string as an integer"),
    N_("Input should be a valid number, unable to parse string as a number"),
    N_("Input should be less than or equal to {limit}"),
    N_("Input should be greater than or equal to {limit}"),
    N_("Could not open file {name}: {message}"),
    N_("Usage:"),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)
#: The fields whose value is itself an engine message, translated in turn.
_NESTED = frozenset({"message"})
#: `typer.core` translates through the stdlib's `gettext`, bound where it is imported.
_GETTEXT_MODULES = ("typer.core",)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for template in ENGINE_TEMPLATES:
        parts = re.split(r"\{(\w+)\}", template)
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                        for i, part in enumerate(parts))
        compiled.append((re.compile(f"^{regex}$", re.S), template))
    return tuple(compiled)


def translate_engine_text(text: str) -> str:
    """`text` (one of the engine's English messages) in the interface language."""
    for pattern, template in _patterns():
        found = pattern.match(text)
        if found is None:
            continue
        values = {key: translate_engine_text(value) if key in _NESTED else value
                  for key, value in found.groupdict().items()}
        return _(template).format(**values)
    return text


def speak_interface_language() -> None:
    """Point the engine modules that call the stdlib's `gettext` at SmartPlan's catalogue."""
    for name in _GETTEXT_MODULES:
        module = sys.modules.get(name)
        if module is not None:
            module._ = _  # type: ignore[attr-defined]
            if hasattr(module, "ngettext"):
                module.ngettext = ngettext  # type: ignore[attr-defined]

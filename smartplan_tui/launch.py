"""The `smartplan` command's entry point: choose the interface language, then load the rest.

Key descriptions and command-line help are translated where they are defined, when their
modules are imported; so the language is chosen here first, from `--lang`, `$SMARTPLAN_LANG`,
the setting saved from the app (in the data home of `--home`), the system locale or English
(`i18n.choose_language`), and only then is the command line imported and run. Kept tiny, so
choosing costs next to nothing at start-up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from smartplan_tui.i18n import (
    LANGUAGE_VARIABLE,
    choose_language,
    normalise_language,
    set_interface_language,
)

__all__ = ["global_option", "main", "relaunch", "with_language"]

LANG_OPTION = "--lang"
HOME_OPTION = "--home"


def global_option(argv: Sequence[str], name: str) -> str | None:
    """The value of a global option (`--lang lv`, `--lang=lv`) given before the command."""
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == name:
            return args[i + 1] if i + 1 < len(args) else None
        if arg.startswith(name + "="):
            return arg[len(name) + 1:]
        if not arg.startswith("-") and (i == 0 or args[i - 1] not in (LANG_OPTION, HOME_OPTION)):
            return None  # the command's own arguments start here
    return None


def _saved_language(argv: Sequence[str]) -> object:
    """The language saved from the app in the data home, if any (an unreadable one is none)."""
    from smartplan_tui.store import SessionStore, data_home

    try:
        return SessionStore(data_home(global_option(argv, HOME_OPTION))).settings().get("language")
    except (OSError, ValueError):
        return None


def choose(argv: Sequence[str]) -> str:
    """Set the interface language from the command line and the chain after it; return it."""
    asked = global_option(argv, LANG_OPTION)
    # The saved setting is read only when neither `--lang` nor the environment decides.
    decided = normalise_language(asked) or normalise_language(os.environ.get(LANGUAGE_VARIABLE))
    language = choose_language(asked, os.environ, None if decided else _saved_language(argv))
    set_interface_language(language)
    return language


def with_language(argv: Sequence[str], language: str) -> list[str]:
    """`argv` with its global `--lang` set to `language` (added in front when absent)."""
    args = list(argv)
    for i, arg in enumerate(args):
        if not arg.startswith("-") and (i == 0 or args[i - 1] not in (LANG_OPTION, HOME_OPTION)):
            break
        if arg == LANG_OPTION and i + 1 < len(args):
            return [*args[:i], LANG_OPTION, language, *args[i + 2:]]
        if arg.startswith(LANG_OPTION + "="):
            return [*args[:i], LANG_OPTION, language, *args[i + 1:]]
    return [LANG_OPTION, language, *args]


def relaunch(language: str, argv: Sequence[str] | None = None) -> None:
    """Start SmartPlan again, in place of this process, with the interface in `language`."""
    args = with_language(sys.argv[1:] if argv is None else argv, language)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "smartplan_tui", *args])


def main(argv: Sequence[str] | None = None) -> None:
    """`smartplan …` and `python -m smartplan_tui …`."""
    args = list(sys.argv[1:] if argv is None else argv)
    choose(args)
    from smartplan_tui.cli import run

    run(args)

"""What every `smartplan` command shares: plain help, one-line errors, and exit codes.

Exit code 2 when the command line is wrong (unknown command or option, missing argument, a
value not of its option's form), 1 when the command could not be done (unknown session,
unreadable file, refused value); either way one line on stderr, never a traceback. Help and
usage name values the way a coordinator reads them (`TITLE`, `--minutes N`), not by Python
type. Kept apart from `cli.py` so that each command module (`cli.py`, `cli_privacy.py`) only
says what its commands do.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn, TypeVar, get_args, get_origin

import typer
from typer import _click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.exceptions import TyperException

from smartplan_tui.cli_engine import ENGINE_TEMPLATES, speak_interface_language, translate_engine_text
from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError
from smartplan_tui.os_errors import os_reason
from smartplan_tui.store import StoreError
from smartplan_tui.text import visible

__all__ = ["BadValue", "OneLineErrors", "PlainHelp", "PlainTyper", "fail", "friendly", "say"]

F = TypeVar("F", bound=Callable[..., Any])

speak_interface_language()


class BadValue(ModelError):
    """A command-line value not of its option's form (`--date 2027-02-30`, `--dots A=x`):
    a usage error, exit code 2, like Click's own `--minutes x`. A value of the right form
    that the session's rules refuse stays a `ModelError`, exit code 1."""


def _plain_metavar(param: _click.Parameter) -> str | None:
    """What a value looks like in help and usage: `TEXT`, `N`, `FILE`, `dot|borda|…`.

    Typer's own shows Python types (`<str>`, `<list[str]>`, `{title}`), which mean nothing
    to a coordinator. None for a flag, which takes no value.
    """
    if param.metavar is not None:
        return param.metavar
    if isinstance(param, TyperArgument):
        return (param.name or "value").upper()
    if not isinstance(param, TyperOption) or param.is_flag or param.count:
        return None
    kind: object = param.type_descriptor.annotation
    if get_origin(kind) is list:  # a repeatable option: each occurrence is one value
        kind = get_args(kind)[0]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "|".join(str(member.value) for member in kind)
    plain: dict[object, str] = {int: "N", float: "NUMBER", Path: "FILE"}
    return plain.get(kind, "TEXT")


def _argument_name(param: TyperArgument) -> str:
    """`TITLE`, or `ID...` for an argument that takes several values."""
    name = str(param.metavar)
    return f"{name}..." if param.nargs != 1 and not name.endswith("...") else name


def _give_plain_metavars(params: Sequence[_click.Parameter]) -> None:
    """Set every parameter's metavar, so help, usage and errors all name it the same way;
    Typer's own options get their help in the interface language."""
    for param in params:
        param.metavar = _plain_metavar(param)
        if isinstance(param, TyperOption) and param.help in ENGINE_TEMPLATES:  # --help, …
            param.help = _(param.help)


def _write_usage(command: _click.Command, ctx: _click.Context,
                 formatter: _click.HelpFormatter) -> None:
    """The usage line, its "Usage:" in the interface language."""
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), _("Usage:") + " ")


class PlainHelp(TyperCommand):
    """A command whose help and usage read `new [OPTIONS] TITLE` and `--minutes N`."""

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _write_usage(self, ctx, formatter)

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        params = super().get_params(ctx)
        _give_plain_metavars(params)
        return params

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):  # Typer appends `<str>` to the name
                arguments.append((_argument_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in ((_("Arguments"), arguments), (_("Options"), options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class PlainTyper(typer.Typer):
    """A Typer whose commands are all `PlainHelp`, without naming it at every command."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        kwargs.setdefault("cls", PlainHelp)
        return super().command(*args, **kwargs)


class OneLineErrors(TyperGroup):
    """Click's usage errors as one line (`smartplan: error: …`), like every other error."""

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _write_usage(self, ctx, formatter)

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        params = super().get_params(ctx)
        _give_plain_metavars(params)
        return params

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except TyperException as error:
            ctx = getattr(error, "ctx", None)
            if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:  # `smartplan add`
                names = ", ".join(ctx.command.list_commands(ctx))
                fail(_("{command}: missing command (one of {names}; see --help)").format(
                    command=ctx.info_name, names=names), 2)
            fail(translate_engine_text(error.format_message()), error.exit_code)
        except typer.Exit as error:
            sys.exit(error.exit_code)
        except typer.Abort:
            fail(_("aborted"), 1)
        sys.exit(result if isinstance(result, int) else 0)


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr; the message quotes user text, so its control characters show."""
    first = " ".join(str(message).split("\n")[0].split()) or _("failed")
    print(_("smartplan: error: {message}").format(message=visible(first, None)), file=sys.stderr)
    sys.exit(code)


def say(line: object) -> None:
    """Print one line holding session data (titles, ids, paths) with control characters
    shown as pictures: user text must never drive the terminal."""
    print(visible(str(line), None))


def friendly(func: F) -> F:
    """Turn the errors a user can cause into one line on stderr: exit code 2 for a value
    not of its option's form (`BadValue`), 1 for a command that could not be done."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BadValue as error:
            fail(str(error), 2)
        except (StoreError, ModelError) as error:
            fail(str(error))
        except BrokenPipeError:  # `smartplan export … | head`: the reader has seen enough
            sys.stderr.close()
            os._exit(0)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            fail(f"{where}{os_reason(error)}")
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except Exception as error:
            from smartplan_tui.exports.errors import ExportError

            if isinstance(error, ExportError):
                fail(str(error))
            fail(_("unexpected {kind}: {error} (please report this)").format(
                kind=type(error).__name__, error=error))

    return wrapper  # type: ignore[return-value]

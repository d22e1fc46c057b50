"""The one error an export raises: a one-line message the CLI and the app show as is."""

from __future__ import annotations

from smartplan_tui.i18n import _, interface_language, writing_in
from smartplan_tui.os_errors import os_reason

__all__ = ["ExportError", "to_the_user"]


def to_the_user(message: str, **fields: object) -> str:
    """`message` (an English text marked with `N_()`) in the interface language, its named
    `fields` filled in (an `OSError` as its reason, `os_errors.os_reason`): what the person
    running an export reads (an error, a progress line), even while the document is being
    written in its session's language (`i18n.writing_in`)."""
    with writing_in(interface_language()):
        if not fields:
            return _(message)
        return _(message).format(**{name: os_reason(value) if isinstance(value, OSError)
                                    else value for name, value in fields.items()})


class ExportError(Exception):
    """An export that could not be written (bad template, unwritable folder); nothing was written.

    The message is for the person running the export (`to_the_user`): give the English text
    marked with `N_()` and its named fields, `ExportError(N_("template {path}: no such
    file"), path=path)`, and it is translated and filled in when the error is made.
    """

    def __init__(self, message: str, **fields: object) -> None:
        super().__init__(to_the_user(message, **fields))

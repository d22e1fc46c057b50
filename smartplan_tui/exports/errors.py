"""The one error an export raises: a one-line message the CLI and the app show as is."""

from __future__ import annotations


class ExportError(Exception):
    """An export that could not be written (bad template, unwritable folder); nothing was written."""

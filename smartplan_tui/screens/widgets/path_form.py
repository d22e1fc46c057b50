"""Ask for a file path (import a JSON file or a CSV, choose where a report goes)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Input

from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError
from smartplan_tui.screens.widgets.form import FormScreen, field


class PathFormScreen(FormScreen[Path]):
    """Returns the path typed in; `must_exist` refuses a path that is not a file."""

    error_fields: ClassVar[Mapping[str, str]] = {"file": "path"}

    def __init__(self, heading: str, default: str = "", *, must_exist: bool = True,
                 submit_label: str = "OK") -> None:
        super().__init__()
        self.heading = heading
        self.submit_label = submit_label
        self.default = default
        self.must_exist = must_exist

    def compose_fields(self) -> ComposeResult:
        yield from field(_("File"), Input(self.default, id="path",
                                           placeholder=_("path/to/file")))

    def build(self) -> Path:
        text = self.text("path").strip()
        if not text:
            raise ModelError("file", _("type a path"))
        path = Path(text).expanduser()
        if self.must_exist and not path.is_file():
            raise ModelError("file", _("{path} is not a file").format(path=path))
        if not self.must_exist and not path.parent.is_dir():
            raise ModelError("file", _("folder {path} does not exist").format(
                path=path.parent))
        return path

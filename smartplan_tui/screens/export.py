"""Export the session from the app, to any of `export_formats.FORMATS` (the formats the
command line writes, by the same writers).

The writer runs in a thread worker and reports progress to a bar. When the file is written
the dialog closes and a notification gives its full path; when it is not, the dialog stays
open with the reason beside the path. The file is offered in the folder of the last export
from this data home (`export_folder`). python-docx is imported only when a Word file is
written: it is slow to import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select
from textual.worker import Worker

from smartplan_tui.export_formats import FORMATS
from smartplan_tui.exports.formats import REPORT, ExportFormat
from smartplan_tui.i18n import _
from smartplan_tui.model import Session
from smartplan_tui.os_errors import os_reason
from smartplan_tui.screens.worker_errors import WorkerErrors
from smartplan_tui.store import SessionStore, StoreError
from smartplan_tui.text import visible


def retarget(path: Path, fmt: ExportFormat) -> Path:
    """`path` renamed for `fmt` when its name ends as some format's file does
    (`coast-camp-report.docx` → `coast-camp.md`, `camp.docx` → `camp-tables.zip`); a name
    the user made up otherwise is left alone."""
    name = path.name
    endings = {f.suffix for f in FORMATS.values()} | {"." + f.suffix.rsplit(".", 1)[-1]
                                                      for f in FORMATS.values()}
    for ending in sorted(endings, key=len, reverse=True):  # `-report.docx` before `.docx`
        if name.endswith(ending) and len(name) > len(ending):
            return path.with_name(name[: -len(ending)] + fmt.suffix)
    return path


#: The data home's setting that remembers the folder of the last export.
FOLDER_SETTING = "export_folder"


def documents_folder() -> Path:
    """The user's Documents folder when there is one, else the home folder."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def export_folder(store: SessionStore) -> Path:
    """Where an export is offered: the folder of the last one from this data home while it
    exists, else `documents_folder()`; never the working directory (wherever the app was
    started from) and never inside the data home, which refuses exports."""
    remembered = store.settings().get(FOLDER_SETTING)
    if isinstance(remembered, str) and remembered:
        folder = Path(remembered)
        if folder.is_absolute() and folder.is_dir() and not store.owns(folder / "export"):
            return folder
    return documents_folder()


class ExportScreen(WorkerErrors, ModalScreen[Path | None]):
    """Choose a format and a file; Enter exports; the result line says where it went."""

    CSS_PATH = "export.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", _("Close"), id="export_close"),
        Binding("ctrl+s", "export", _("Write files"), id="export_run"),
    ]

    def __init__(self, session: Session, folder: Path | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session
        self.folder = folder
        """Where the offered file goes; None: the remembered folder (`export_folder`)."""
        self.written: Path | None = None

    def default_path(self, fmt: ExportFormat) -> str:
        if self.folder is None:
            store = getattr(self.app, "store", None)
            self.folder = (export_folder(store) if isinstance(store, SessionStore)
                           else documents_folder())
        return str(self.folder / fmt.file_name(self.session.id))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Export the session"), classes="title-line")
            yield Label(_("Format"), classes="field-label")
            yield Select([(f.label, f.name) for f in FORMATS.values()], value=REPORT.name,
                         allow_blank=False, id="export-format")
            yield Label(_("File"), classes="field-label")
            yield Input(self.default_path(REPORT), id="export-path")
            yield ProgressBar(total=1.0, show_eta=False, id="export-progress")
            yield Label("", id="export-status", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Export"), variant="primary", id="export-go")
                yield Button(_("Close"), id="export-close")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        if isinstance(event.value, str) and event.value in FORMATS and path_input.value.strip():
            path_input.value = str(retarget(Path(path_input.value.strip()), FORMATS[event.value]))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-go":
            self.action_export()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(self.written)

    def action_export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        fmt = self.query_one("#export-format", Select).value
        if not text or not isinstance(fmt, str) or fmt not in FORMATS:
            self.status(_("Type a file name."), error=True)
            return
        path = Path(text).expanduser()
        store = getattr(self.app, "store", None)
        if isinstance(store, SessionStore) and store.owns(path):
            self.status(_("{path} is inside SmartPlan's data folder; choose a file elsewhere."
                          ).format(path=path), error=True)
            return
        self.query_one("#export-go", Button).disabled = True
        self.query_one(ProgressBar).update(progress=0)
        self.status(_("Writing {path} …").format(path=path))
        self.run_export(fmt, path)

    def status(self, message: str, *, error: bool = False) -> None:
        label = self.query_one("#export-status", Label)
        # Paths and errors are typed in: shown, not obeyed; in full, however long the path.
        label.update(visible(message, None))
        label.set_class(error, "error-line")
        if error:  # the path is what to change: the field takes the focus, both in view
            self.query_one("#export-path", Input).focus(scroll_visible=False)
            self.call_after_refresh(label.scroll_visible, animate=False)

    def _progress(self, fraction: float, what: str) -> None:
        self.query_one(ProgressBar).update(progress=max(0.0, min(1.0, fraction)))
        self.status(what)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def run_export(self, fmt: str, path: Path) -> None:
        from smartplan_tui.exports import ExportError

        def progress(fraction: float, what: str) -> None:
            self.app.call_from_thread(self._progress, fraction, what)

        store = getattr(self.app, "store", None)
        try:
            profile = (store.profile.for_session(self.session)
                       if isinstance(store, SessionStore) else None)
            written = FORMATS[fmt].write(self.session, path, progress=progress, profile=profile)
        except (ExportError, StoreError, OSError) as error:
            message = str(error) if isinstance(error, ExportError | StoreError) else (
                f"{path}: {os_reason(error)}")
            self.app.call_from_thread(self._finished, None, message)
            return
        self.app.call_from_thread(self._finished, written, "")

    def worker_failed(self, worker: Worker[Any]) -> None:
        """The writer raised an error nobody expected: Export can be pressed again."""
        self.query_one("#export-go", Button).disabled = False
        self.status(_("Not exported: an unexpected error (the message says which)."), error=True)

    def _finished(self, written: Path | None, problem: str) -> None:
        self.query_one("#export-go", Button).disabled = False
        if written is None:
            self.status(_("Not exported: {problem}").format(problem=problem), error=True)
            self.notify(visible(problem), title=_("Not exported"), severity="error", markup=False)
            return
        self.written = written
        where = written.resolve()
        self.query_one(ProgressBar).update(progress=1.0)
        self.status(_("Saved to {path}").format(path=where))
        # The toast outlives the dialog, which closes: it is where the path is read.
        self.notify(visible(_("Saved to {path}").format(path=where), None), title=_("Exported"),
                    markup=False, timeout=15)
        self._remember_folder(where.parent)
        self.dismiss(written)

    def _remember_folder(self, folder: Path) -> None:
        """The next export, from any session of this data home, is offered in `folder`."""
        store = getattr(self.app, "store", None)
        if not isinstance(store, SessionStore) or store.settings().get(FOLDER_SETTING) == str(
                folder):
            return
        try:
            store.save_setting(FOLDER_SETTING, str(folder))
        except StoreError as error:
            self.notify(visible(str(error)), severity="warning", markup=False)

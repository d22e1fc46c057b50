"""Export the session (Word report, Markdown, CSV zip, interchange JSON) from the app.

The writer runs in a thread worker and reports progress to a bar; the dialog stays open
at the end to say where the file went (or why it was not written). The exports package
is imported only here, when the user asks for a file: python-docx is slow to import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select

from smartplan_tui.model import Session
from smartplan_tui.store import SessionStore
from smartplan_tui.text import visible

FORMATS = [("Word report (.docx)", "docx"), ("Markdown (.md)", "md"),
           ("CSV tables (.zip)", "csv"), ("SmartPlan JSON (.json)", "json")]
SUFFIX = {"docx": ".docx", "md": ".md", "csv": ".zip", "json": ".json"}

Progress = Callable[[float, str], None]


def write_export(session: Session, fmt: str, path: Path,
                 progress: Progress | None = None) -> Path:
    """Write `session` as `fmt` to `path`; ExportError/OSError on failure, nothing left."""
    from smartplan_tui import exports

    if fmt == "docx":
        return exports.write_report(session, path, progress=progress)
    if fmt == "md":
        return exports.write_markdown(session, path)
    if fmt == "csv":
        return exports.write_csv_zip(session, path)
    from smartplan_tui.exports.atomic import atomic_write
    from smartplan_tui.store import dumps, session_to_document

    blob = dumps(session_to_document(session)).encode("utf-8")

    def write(out: BinaryIO) -> None:
        out.write(blob)

    return atomic_write(path, write)


class ExportScreen(ModalScreen[Path | None]):
    """Choose a format and a file; Enter exports; the result line says where it went."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="export_close"),
        Binding("ctrl+s", "export", "Export", id="export_run"),
    ]

    def __init__(self, session: Session, folder: Path | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session
        self.folder = folder if folder is not None else Path.cwd()
        self.written: Path | None = None

    def default_path(self, fmt: str) -> str:
        return str(self.folder / f"{self.session.id}{SUFFIX[fmt]}")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export the session", classes="title-line")
            yield Label("Format", classes="field-label")
            yield Select(FORMATS, value="docx", allow_blank=False, id="export-format")
            yield Label("File", classes="field-label")
            yield Input(self.default_path("docx"), id="export-path")
            yield ProgressBar(total=1.0, show_eta=False, id="export-progress")
            yield Label("", id="export-status", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Close", id="export-close")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value)
        if isinstance(event.value, str) and current.suffix in SUFFIX.values():
            path_input.value = str(current.with_suffix(SUFFIX[event.value]))

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
        if not text or not isinstance(fmt, str):
            self.status("Type a file name.", error=True)
            return
        path = Path(text).expanduser()
        store = getattr(self.app, "store", None)
        if isinstance(store, SessionStore) and store.owns(path):
            self.status(f"{path} is inside SmartPlan's data folder; choose a file elsewhere.",
                        error=True)
            return
        self.query_one("#export-go", Button).disabled = True
        self.query_one(ProgressBar).update(progress=0)
        self.status(f"Writing {path} …")
        self.run_export(fmt, path)

    def status(self, message: str, *, error: bool = False) -> None:
        label = self.query_one("#export-status", Label)
        label.update(visible(message))  # paths and errors are typed in: shown, not obeyed
        label.set_class(error, "error-line")

    def _progress(self, fraction: float, what: str) -> None:
        self.query_one(ProgressBar).update(progress=max(0.0, min(1.0, fraction)))
        self.status(what)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def run_export(self, fmt: str, path: Path) -> None:
        from smartplan_tui.exports import ExportError

        def progress(fraction: float, what: str) -> None:
            self.app.call_from_thread(self._progress, fraction, what)

        try:
            written = write_export(self.session, fmt, path, progress)
        except (ExportError, OSError) as error:
            message = str(error) if isinstance(error, ExportError) else (
                f"{path}: {error.strerror or error}")
            self.app.call_from_thread(self._finished, None, message)
            return
        self.app.call_from_thread(self._finished, written, "")

    def _finished(self, written: Path | None, problem: str) -> None:
        self.query_one("#export-go", Button).disabled = False
        if written is None:
            self.status(f"Not exported: {problem}", error=True)
            self.notify(visible(problem), title="Not exported", severity="error", markup=False)
            return
        self.written = written
        self.query_one(ProgressBar).update(progress=1.0)
        self.status(f"Saved to {written.resolve()}")
        self.notify(visible(f"Saved to {written.resolve()}"), title="Exported", markup=False)

"""What a screen does when one of its thread workers fails in a way nobody planned for.

Workers run with `exit_on_error=False` (a failed export must not close the app) and catch
the errors they expect (`StoreError`, `ExportError`, `OSError`) themselves. Anything else
would vanish: Textual only records it on the worker (and in its devtools log), so the
screen waited for a result that never came — the export dialog kept its Export button
disabled. Every screen that starts workers mixes `WorkerErrors` in: the error is shown as
one error line, and `worker_failed` is called, the hook where a screen undoes what starting
the worker changed.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual.worker import Worker, WorkerState

from smartplan_tui.i18n import _
from smartplan_tui.text import visible

if TYPE_CHECKING:
    from textual.screen import Screen

    _ScreenBase = Screen[Any]
else:
    _ScreenBase = object

#: Seconds an unexpected error stays on screen. The same text is not shown again meanwhile,
#: so a session poll failing every half second shows it once, not sixteen times.
ERROR_SECONDS = 8.0

#: Characters of the error's text shown (it can quote a whole file).
ERROR_LIMIT = 200


def error_line(error: BaseException | None) -> str:
    """The one line shown for an unexpected error: its kind and its text, made visible."""
    if error is None:
        return _("Unexpected error in a background task.")
    text = str(error)
    kind = type(error).__name__
    line = (_("Unexpected error: {kind}: {text}").format(kind=kind, text=text) if text
            else _("Unexpected error: {kind}").format(kind=kind))
    return visible(line, ERROR_LIMIT)


class WorkerErrors(_ScreenBase):
    """Mixed into a screen (before `Screen`): its workers' unexpected errors are shown."""

    _last_worker_error: tuple[str, float] = ("", 0.0)
    """The line last shown and when (`time.monotonic`), so a repeat is not shown twice."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        line = error_line(event.worker.error)
        shown, when = self._last_worker_error
        now = time.monotonic()
        if line != shown or now - when >= ERROR_SECONDS:
            self._last_worker_error = (line, now)
            self.notify(line, severity="error", timeout=ERROR_SECONDS, markup=False)
        self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Undo what starting `worker` changed on screen; its error is already shown.

        Called on the UI thread whenever a worker of this screen raised an exception it
        did not catch. Does nothing here: most workers only read. A screen that disabled
        something for the worker's run (a button) enables it again.
        """

"""Home: the sessions in the data home, newest first; open, create, import, duplicate, delete.

The list is read in a thread worker after the first paint (it opens every session file),
so the screen is interactive at once even with big sessions; it refreshes when the
sessions folder changes. Forms are imported when opened, to keep start-up lean.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Header, Label

from smartplan_tui.dates import short_date
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.labels import kind_name
from smartplan_tui.model import ModelError, SessionInfo
from smartplan_tui.os_errors import os_reason
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.live import POLL_SECONDS, run_write, show_error, write_succeeded
from smartplan_tui.screens.widgets.columns import GAP, flexible_width, line
from smartplan_tui.screens.widgets.item_list import ItemList, Row
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.worker_errors import WorkerErrors
from smartplan_tui.store import SessionSummary, StoreError
from smartplan_tui.text import visible

if TYPE_CHECKING:
    from smartplan_tui.app import SmartPlanApp


#: Column widths of the session list; the title gets the rest of the width (up to 48).
#: The kind and the item count widen to their heading or their longest cell (up to the
#: second figure), so a longer language's words are not cut; the place is as wide as its
#: heading or its longest cell, up to its figure, so short places leave room for titles.
KIND_WIDTH, DATE_WIDTH, ITEMS_WIDTH, PLACE_WIDTH = 15, 11, 5, 16
KIND_MOST, ITEMS_MOST = 20, 10


def _width(texts: list[str], least: int, most: int) -> int:
    return min(most, max([least, *(len(t) for t in texts)]))


def session_rows(summaries: list[SessionSummary], width: int) -> tuple[Text, list[Row]]:
    """The heading and one literal row per session, in columns that fit `width`."""
    heading_texts = (_("Title"), _("Date"), _("Kind"), _("Items"), _("Place"))
    cells = [(s.title, short_date(s.date), kind_name(s.kind), str(s.items),
              s.place) for s in summaries]
    kind_width = _width([heading_texts[2], *(c[2] for c in cells)], KIND_WIDTH, KIND_MOST)
    items_width = _width([heading_texts[3]], ITEMS_WIDTH, ITEMS_MOST)
    place_width = _width([c[4] for c in cells], len(heading_texts[4]), PLACE_WIDTH)
    fixed = kind_width + DATE_WIDTH + items_width + place_width + 4 * len(GAP) + 2
    title_width = flexible_width([s.title for s in summaries], width - fixed, least=12)

    def row(texts: tuple[str, str, str, str, str]) -> str:
        widths = (title_width, DATE_WIDTH, kind_width, items_width, place_width)
        return line(list(zip(texts, widths, strict=True)), right=(3,))

    rows = [Row(s.id, Text(row(texts))) for s, texts in zip(summaries, cells, strict=True)]
    return Text(row(heading_texts), style="bold"), rows


def _folder_signature(folder: Path) -> tuple[int, int] | None:
    try:
        stat = folder.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_ino


class HomeScreen(WorkerErrors, Screen[None]):
    """The sessions table; Enter opens the highlighted one."""

    TITLE = _("SmartPlan — sessions")

    CSS_PATH = "home.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", _("Open"), id="home_open"),
        Binding("n", "new", _("New"), id="home_new"),
        Binding("i", "import", _("Import JSON"), id="home_import"),
        Binding("c", "duplicate", _("Duplicate as template"), id="home_duplicate"),
        Binding("d,delete", "delete", _("Delete"), id="home_delete"),
        Binding("r", "refresh", _("Refresh"), id="home_refresh"),
        Binding("p", "profile", _("Project profile"), id="home_profile"),
        Binding("l", "app.switch_language", _("Interface language"), show=False,
                id="home_language"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[SessionSummary] = []
        self._filled_width = 0
        self._seen: tuple[int, int] | None = None
        self._loads = 0
        """How many list reads were started: only the latest one's result is shown."""

    @property
    def smartplan(self) -> SmartPlanApp:
        return cast("SmartPlanApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(_("Sessions in {home}").format(home=self.smartplan.store.home),
                    classes="title-line", markup=False)
        yield Label("", id="sessions-heading", classes="muted")
        yield ItemList(id="sessions")
        yield Label("", id="home-empty", markup=False)
        yield Label("", id="unreadable", classes="error-line", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS * 2, self._poll, name="home-poll")

    def on_screen_resume(self) -> None:
        self.smartplan.current_handle = None
        # After the paint, and only if still shown (a session may open straight on top):
        # reading every session must not delay the screen.
        self.call_after_refresh(self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        if self.is_current:
            self.action_refresh()

    def _poll(self) -> None:
        if self.is_current and _folder_signature(self.smartplan.store.sessions_dir) != self._seen:
            self.action_refresh()

    # ------------------------------------------------------------------ loading

    def action_refresh(self) -> None:
        self._loads += 1
        self._load_sessions(self._loads)

    @work(thread=True, exclusive=True, group="home-list", exit_on_error=False)
    def _load_sessions(self, load: int) -> None:
        store = self.smartplan.store
        seen = _folder_signature(store.sessions_dir)
        summaries = store.list_sessions()
        files = len(list(store.sessions_dir.glob("*.json"))) if store.sessions_dir.is_dir() else 0
        # Reading every file twice is slow with big sessions: only look when one is missing.
        problems = store.unreadable_sessions() if files > len(summaries) else []
        self.app.call_from_thread(self._show, summaries, problems, seen, load)

    def _show(self, summaries: list[SessionSummary], problems: list[str],
              seen: tuple[int, int] | None, load: int) -> None:
        if load != self._loads:
            return  # an older read that finished late: a newer one is on its way
        self._seen = seen
        self.summaries = summaries
        self._fill_rows()
        self.query_one("#home-empty", Label).update(
            "" if summaries else _("No sessions yet: press n to create one or i to import a "
                                   "file."))
        self.query_one("#unreadable", Label).update("\n".join(
            _("Cannot read: {problem}").format(problem=visible(p)) for p in problems))

    def _fill_rows(self) -> None:
        sessions = self.query_one("#sessions", ItemList)
        self._filled_width = self.size.width
        heading, rows = session_rows(self.summaries, self.size.width)
        self.query_one("#sessions-heading", Label).update(heading if rows else "")
        sessions.set_rows(rows, keep=sessions.highlighted_id())

    def on_resize(self, event: Resize) -> None:
        # Only a new width changes the columns (a guard: refilling must not loop with layout).
        if self.summaries and event.size.width != self._filled_width:
            self._fill_rows()

    def selected_id(self) -> str | None:
        return self.query_one("#sessions", ItemList).highlighted_id()

    def _selected(self) -> SessionSummary | None:
        session_id = self.selected_id()
        for summary in self.summaries:
            if summary.id == session_id:
                return summary
        self.notify(_("No session selected."), severity="warning")
        return None

    # ------------------------------------------------------------------ actions

    def on_item_list_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        self.smartplan.open_session(event.row_id)

    def action_open(self) -> None:
        summary = self._selected()
        if summary is not None:
            self.smartplan.open_session(summary.id)

    def action_new(self) -> None:
        from smartplan_tui.screens.session_form import SessionFormScreen

        def created(info: SessionInfo | None) -> None:
            if info is None:
                return
            if run_write(self, lambda: self.smartplan.store.create(info)) is not None:
                self.action_refresh()
                self.smartplan.open_session(info.id)

        self.app.push_screen(SessionFormScreen(self.smartplan.store), created)

    def action_profile(self) -> None:
        """The project profile every document prints; the form saves it itself."""
        from smartplan_tui.screens.profile_form import ProfileScreen

        def saved(profile: object) -> None:
            if profile is not None:
                self.notify(_("Project profile saved."))

        self.app.push_screen(ProfileScreen(self.smartplan.store), saved)

    def action_duplicate(self) -> None:
        from smartplan_tui.screens.session_form import SessionFormScreen

        summary = self._selected()
        if summary is None:
            return
        try:
            template = self.smartplan.store.load(summary.id).info
        except (StoreError, ModelError) as error:
            show_error(self, error, _("Cannot read the session"))
            return

        def chosen(info: SessionInfo | None) -> None:
            if info is not None:
                self._duplicate(summary.id, info)

        self.app.push_screen(SessionFormScreen(self.smartplan.store, template), chosen)

    @work(thread=True, exit_on_error=False)
    def _duplicate(self, source_id: str, info: SessionInfo) -> None:
        try:
            self.smartplan.store.duplicate(source_id, info)
        except (StoreError, ModelError) as error:
            self.app.call_from_thread(show_error, self, error)
            return
        self.app.call_from_thread(self.notify, _("Created {new} from {source}").format(
            new=info.id, source=source_id))
        self.app.call_from_thread(self.action_refresh)

    def action_import(self) -> None:
        from smartplan_tui.screens.widgets.path_form import PathFormScreen

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._import(path, replace=False)

        self.app.push_screen(PathFormScreen(_("Import a SmartPlan JSON file"),
                                            submit_label=_("Import")), chosen)

    @work(thread=True, exit_on_error=False)
    def _import(self, path: Path, replace: bool) -> None:
        from smartplan_tui.store import loads  # the interchange format: not needed at start-up

        store = self.smartplan.store
        try:
            doc = loads(path.read_bytes(), str(path))
            session = store.import_document(doc, replace_existing=replace)
        except OSError as error:
            self.app.call_from_thread(show_error, self, StoreError(f"{path}: {os_reason(error)}"),
                                      _("Not imported"))
            return
        except ModelError as error:
            self.app.call_from_thread(show_error, self, ModelError(
                "", f"{path.name}: {error}"), _("Not imported"))
            return
        except StoreError as error:
            session_id = doc.get("session", {}).get("id") if isinstance(doc, dict) else None
            if not replace and session_id and store.exists(str(session_id)):
                self.app.call_from_thread(self._ask_replace, path, str(session_id))
            else:
                self.app.call_from_thread(show_error, self, error, _("Not imported"))
            return
        self.app.call_from_thread(self.notify, visible(_("Imported {id}: {title}").format(
            id=session.id, title=session.info.title)), markup=False)
        for notice in store.take_notices():
            self.app.call_from_thread(self.notify, visible(notice), severity="warning",
                                      timeout=30, markup=False)
        self.app.call_from_thread(self.action_refresh)

    def _ask_replace(self, path: Path, session_id: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._import(path, replace=True)

        self.app.push_screen(ConfirmScreen(
            _("A session {id!r} exists already. Replace it with {file}? (a backup of the old "
              "one is kept)").format(id=session_id, file=path.name), _("Replace")), answered)

    def action_delete(self) -> None:
        summary = self._selected()
        if summary is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and write_succeeded(self, lambda: self.smartplan.store.delete(summary.id)):
                self.notify(visible(_("Deleted {title} (a backup is kept)").format(
                    title=summary.title)), markup=False)
                for notice in self.smartplan.store.take_notices():
                    self.notify(visible(notice), severity="warning", timeout=30, markup=False)
                self.action_refresh()

        items = ngettext("{n} item", "{n} items", summary.items).format(n=summary.items)
        self.app.push_screen(ConfirmScreen(
            _("Delete the session “{title}” ({items})? A backup is kept in the data home."
              ).format(title=summary.title, items=items)), answered)

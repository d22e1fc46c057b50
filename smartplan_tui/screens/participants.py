"""The participant register: add, edit, remove, import a CSV; counts by country and organisation.

A CSV is read and checked whole (`exercises.participants.parse_csv`) in a thread worker,
then added in one durable step, so a bad row adds nobody.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Static

from smartplan_tui.exercises.participants import count_by, parse_csv
from smartplan_tui.model import ModelError, Participant, Session
from smartplan_tui.screens.live import LiveScreen, show_error
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import literal, visible
from smartplan_tui.screens.widgets.path_form import PathFormScreen
from smartplan_tui.store import NewId

COLUMNS = ("Name", "Organisation", "Country", "Role", "E-mail")
FIELDS = ("name", "organisation", "country", "role", "email")


class ParticipantForm(FormScreen[Participant]):
    """Returns a participant (id `new` for a new one), validated by the model."""

    def __init__(self, person: Participant | None = None) -> None:
        super().__init__()
        self.person = person
        self.heading = "Edit participant" if person else "New participant"

    def compose_fields(self) -> ComposeResult:
        for label, name in zip(COLUMNS, FIELDS, strict=True):
            value = getattr(self.person, name) if self.person else ""
            yield from field(label, Input(value, id=f"person-{name}"))

    def build(self) -> Participant:
        values = {name: self.text(f"person-{name}") for name in FIELDS}
        values["country"] = values["country"].strip().upper()
        values["email"] = values["email"].strip()
        return Participant(id=self.person.id if self.person else "new", **values)


def counts_text(session: Session) -> Text:
    """People per country and per organisation, most first."""
    text = Text(f"{len(session.participants)} participants\n", style="bold")
    for title, name in (("By country", "country"), ("By organisation", "organisation")):
        text.append(f"\n{title}\n", style="bold")
        for key, n in count_by(session.participants, name).items():
            text.append(f"{n:>4}  ")
            text.append(visible(key, 40) if key else "(none)")
            text.append("\n")
    return text


class ParticipantsScreen(LiveScreen):
    """The register as a table, counts beside it."""

    TITLE = "Participants"

    CSS_PATH = "participants.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="people_back"),
        Binding("a", "add", "Add", id="people_add"),
        Binding("e", "edit", "Edit", id="people_edit"),
        Binding("d,delete", "remove", "Remove", id="people_remove"),
        Binding("c", "import_csv", "Import CSV", id="people_import"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield DataTable(id="participants-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="participant-counts")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = visible(self.session.info.title, 80)
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        table.focus()
        self.watch_session(self.session)

    def watch_session(self, session: Session) -> None:
        if not self.is_attached:
            return
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for p in session.participants:
            table.add_row(*(literal(getattr(p, name), limit=60) for name in FIELDS), key=p.id)
        if session.participants:
            table.move_cursor(row=min(row, len(session.participants) - 1))
        self.query_one("#participant-counts", Static).update(counts_text(session))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def current(self) -> Participant | None:
        table = self.query_one(DataTable)
        person = None
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            person = self.session.find("participants", key) if key else None
        if person is None:
            self.notify("No participant highlighted: a adds one.", severity="warning")
        return person

    def action_add(self) -> None:
        self.add_drafted("participants", ParticipantForm())

    def action_edit(self) -> None:
        person = self.current()
        if person is None:
            return

        def edited(draft: Participant | None) -> None:
            if draft is not None and draft != person:
                changes = {name: getattr(draft, name) for name in FIELDS
                           if getattr(draft, name) != getattr(person, name)}
                self.save(lambda: self.handle.update(
                    "participants", person.id, lambda now: replace(now, **changes)))

        self.app.push_screen(ParticipantForm(person), edited)

    def action_remove(self) -> None:
        person = self.current()
        if person is not None:
            self.confirm_remove("participants", person.id,
                                f"Remove {visible(person.name, 80)} from the register?",
                                "Remove")

    def action_import_csv(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._import(path)

        self.app.push_screen(PathFormScreen(
            "Import participants from CSV (name, organisation, country, role, email)",
            submit_label="Import"), chosen)

    @work(thread=True, exclusive=True, group="people-import", exit_on_error=False)
    def _import(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")
            people = parse_csv(text, path.name)
        except (OSError, UnicodeDecodeError) as error:
            self.app.call_from_thread(show_error, self, ModelError(str(path), str(error)),
                                      "Not imported")
            return
        except ModelError as error:
            self.app.call_from_thread(show_error, self, error, "Not imported")
            return
        self.app.call_from_thread(self._add_all, people, path.name)

    def _add_all(self, people: list[Participant], source: str) -> None:
        def add(session: Session, new_id: NewId) -> Session:
            return replace(session, participants=session.participants + tuple(
                replace(p, id=new_id("participants")) for p in people))

        if self.save(lambda: self.handle.apply(add)) is not None:
            self.notify(visible(f"Added {len(people)} participants from {source}"),
                        markup=False)

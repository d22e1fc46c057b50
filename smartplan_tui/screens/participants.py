"""The participant register: add, edit, remove, import a CSV; counts by country and organisation;
each person's consent (`k`), their own data as a zip (`o`) and its erasure (`x`).

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

from smartplan_tui import labels
from smartplan_tui.collection_registry import PARTICIPANTS
from smartplan_tui.exercises.consent import consent_summary
from smartplan_tui.exercises.participants import count_by, parse_csv
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.model import ConsentPurpose, ModelError, Participant, ProjectProfile, Session
from smartplan_tui.screens.live import LiveScreen, show_error
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import literal, visible
from smartplan_tui.screens.widgets.path_form import PathFormScreen
from smartplan_tui.store import NewId, StoreError

COLUMNS = (_("Name"), _("Organisation"), _("Country"), _("Role"), _("E-mail"))
#: The table's last column, after the fields: the consent summary.
CONSENT_COLUMN = _("Consent")
FIELDS = ("name", "organisation", "country", "role", "email")


class ParticipantForm(FormScreen[Participant]):
    """Returns a participant (id `new` for a new one), validated by the model."""

    def __init__(self, person: Participant | None = None) -> None:
        super().__init__()
        self.person = person
        self.heading = _("Edit participant") if person else _("New participant")

    def compose_fields(self) -> ComposeResult:
        for label, name in zip(COLUMNS, FIELDS, strict=True):
            value = getattr(self.person, name) if self.person else ""
            yield from field(label, Input(value, id=f"person-{name}"))

    def build(self) -> Participant:
        values = {name: self.text(f"person-{name}") for name in FIELDS}
        values["country"] = values["country"].strip().upper()
        values["email"] = values["email"].strip()
        return Participant(id=self.person.id if self.person else "new", name=values["name"],
                           organisation=values["organisation"], country=values["country"],
                           role=values["role"], email=values["email"])


def counts_text(session: Session) -> Text:
    """People per country and per organisation, most first."""
    n_people = len(session.participants)
    text = Text(ngettext("{n} participant", "{n} participants", n_people).format(n=n_people)
                + "\n", style="bold")
    for title, name in ((_("By country"), "country"), (_("By organisation"), "organisation")):
        text.append(f"\n{title}\n", style="bold")
        for key, n in count_by(session.participants, name).items():
            text.append(f"{n:>4}  ")
            text.append(visible(key, 40) if key else _("(none)"))
            text.append("\n")
    return text


class ParticipantsScreen(LiveScreen):
    """The register as a table, counts beside it."""

    TITLE = _("Participants")

    CSS_PATH = "participants.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", _("Back"), id="people_back"),
        Binding("a", "add", _("Add"), id="people_add"),
        Binding("e", "edit", _("Edit"), id="people_edit"),
        Binding("d,delete", "remove", _("Remove"), id="people_remove"),
        Binding("c", "import_csv", _("Import CSV"), id="people_import"),
        Binding("x", "erase", _("Erase data"), id="people_erase"),
        Binding("o", "export_own_data", _("Their data"), id="people_own_data"),
        Binding("k", "consent", _("Consent"), id="people_consent"),
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
        table.add_columns(*COLUMNS, CONSENT_COLUMN)
        table.focus()
        self.watch_session(self.session)

    def watch_session(self, session: Session) -> None:
        if not self.is_attached:
            return
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        asked = self.purposes()
        purposes = [p.id for p in asked]
        names = {p.id: labels.consent_purpose_name(p) for p in asked}
        for p in session.participants:
            table.add_row(*(literal(getattr(p, name), limit=60) for name in FIELDS),
                          literal(consent_summary(p, purposes, names), limit=60), key=p.id)
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
            person = self.session.find(PARTICIPANTS, key) if key else None
        if person is None:
            self.notify(_("No participant highlighted: a adds one."), severity="warning")
        return person

    def action_add(self) -> None:
        self.add_drafted(PARTICIPANTS, ParticipantForm())

    def action_edit(self) -> None:
        person = self.current()
        if person is None:
            return

        def edited(draft: Participant | None) -> None:
            if draft is not None and draft != person:
                changes = {name: getattr(draft, name) for name in FIELDS
                           if getattr(draft, name) != getattr(person, name)}
                self.save(lambda: self.handle.update(
                    PARTICIPANTS, person.id, lambda now: replace(now, **changes)))

        self.app.push_screen(ParticipantForm(person), edited)

    def action_remove(self) -> None:
        person = self.current()
        if person is not None:
            self.confirm_remove(PARTICIPANTS, person.id,
                                _("Remove {name} from the register?").format(
                                    name=visible(person.name, 80)), _("Remove"))

    def action_erase(self) -> None:
        """Erase the highlighted person's personal data from this session, once confirmed."""
        from smartplan_tui.screens.participant_privacy import confirm_erasure

        person = self.current()
        if person is not None:
            confirm_erasure(self, person)

    def purposes(self) -> tuple[ConsentPurpose, ...]:
        """What participants are asked to consent to: the session's profile over the home's
        (a home profile that cannot be read counts as none: the export reports it)."""
        try:
            home = self.smartplan.store.profile.load()
        except StoreError:
            home = ProjectProfile()
        own = self.session.info.profile
        return (own.over(home) if own is not None else home).purposes

    def action_consent(self) -> None:
        """Record, change or withdraw the highlighted person's consent, per purpose."""
        from smartplan_tui.screens.consent_form import ConsentForm

        person = self.current()
        if person is None:
            return

        def answered(draft: Participant | None) -> None:
            if draft is not None and draft.consent != person.consent:
                self.save(lambda: self.handle.update(
                    PARTICIPANTS, person.id, lambda now: replace(now, consent=draft.consent)))

        self.app.push_screen(ConsentForm(person, self.purposes()), answered)

    def action_export_own_data(self) -> None:
        """Write what this session holds about the highlighted person to a zip."""
        from smartplan_tui.screens.participant_privacy import ask_export

        person = self.current()
        if person is not None:
            ask_export(self, person)

    def action_import_csv(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._import(path)

        self.app.push_screen(PathFormScreen(
            _("Import participants from CSV (name, organisation, country, role, email)"),
            submit_label=_("Import")), chosen)

    @work(thread=True, exclusive=True, group="people-import", exit_on_error=False)
    def _import(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")
            people = parse_csv(text, path.name, [p.id for p in self.purposes()])
        except (OSError, UnicodeDecodeError) as error:
            self.app.call_from_thread(show_error, self, ModelError(str(path), str(error)),
                                      _("Not imported"))
            return
        except ModelError as error:
            self.app.call_from_thread(show_error, self, error, _("Not imported"))
            return
        self.app.call_from_thread(self._add_all, people, path.name)

    def _add_all(self, people: list[Participant], source: str) -> None:
        def add(session: Session, new_id: NewId) -> Session:
            return replace(session, participants=session.participants + tuple(
                replace(p, id=new_id(PARTICIPANTS)) for p in people))

        if self.save(lambda: self.handle.apply(add)) is not None:
            self.notify(visible(ngettext("Added {n} participant from {source}",
                                         "Added {n} participants from {source}",
                                         len(people)).format(n=len(people), source=source)),
                        markup=False)

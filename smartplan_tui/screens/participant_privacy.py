"""A participant's own data from the participants screen: erasing it, after a confirmation
that says exactly what changes, and handing it over as a zip.

Both run in thread workers: an erasure rewrites the session's snapshot, backups and damaged
copies (`store/erasure.py`); the zip is `personal_data.py`'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from smartplan_tui.i18n import _
from smartplan_tui.model import Participant
from smartplan_tui.privacy import Person, is_erased, person_of, what_erasure_changes
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.widgets.path_form import PathFormScreen
from smartplan_tui.store import StoreError
from smartplan_tui.store.erasure import Erasure, erase
from smartplan_tui.text import visible

if TYPE_CHECKING:
    from smartplan_tui.screens.participants import ParticipantsScreen


def confirm_erasure(screen: ParticipantsScreen, participant: Participant) -> None:
    """Ask, naming the person and every change; erase only on yes."""
    if is_erased(participant):
        screen.notify(visible(_("{name} holds no personal data any more.").format(
            name=participant.name)),
                      severity="warning", markup=False)
        return
    person = person_of(screen.session.participants, participant,
                       screen.session.info.language or None)
    question = (_("Erase {name} from session {session}?").format(
        name=participant.name, session=screen.session.id)
                + f"\n\n{what_erasure_changes(screen.session, person)}")

    def answered(yes: bool | None) -> None:
        if yes:
            _erase(screen, Erasure({screen.session.id: [person]}, _("erased from the app")))

    screen.app.push_screen(ConfirmScreen(question, _("Erase")), answered)


@work(thread=True, exclusive=True, group="people-erase", exit_on_error=False)
def _erase(screen: ParticipantsScreen, plan: Erasure) -> None:
    try:
        report = erase(screen.smartplan.store, plan)
    except (StoreError, OSError) as error:
        screen.app.call_from_thread(screen.notify, visible(str(error)), title=_("Not erased"),
                                    severity="error", markup=False)
        return
    lines = [_("Erased: every count stays the same."), *report.lines]
    screen.app.call_from_thread(screen.refresh_session)
    screen.app.call_from_thread(screen.notify, visible("\n".join(lines)), markup=False)


def ask_export(screen: ParticipantsScreen, participant: Participant) -> None:
    """Ask where to write the person's data of this session, then write it."""
    person = person_of(screen.session.participants, participant)

    def chosen(path: Path | None) -> None:
        if path is not None:
            _export(screen, person, path)

    screen.app.push_screen(PathFormScreen(
        _("Export the data of {name} in this session to a zip").format(
            name=visible(participant.name, 60)),
        f"{participant.id}-personal-data.zip", must_exist=False, submit_label=_("Export")),
        chosen)


@work(thread=True, exclusive=True, group="people-export", exit_on_error=False)
def _export(screen: ParticipantsScreen, person: Person, path: Path) -> None:
    from smartplan_tui.personal_data import personal_records, write_personal_data

    try:
        screen.smartplan.store.check_output(path)
        written = write_personal_data([personal_records(screen.session, person)], path)
    except (StoreError, OSError) as error:
        screen.app.call_from_thread(screen.notify, visible(str(error)), title=_("Not exported"),
                                    severity="error", markup=False)
        return
    screen.app.call_from_thread(screen.notify, visible(_("Wrote {file}").format(file=written)), markup=False)

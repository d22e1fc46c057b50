"""The consent form of one participant: a state per purpose, how and by whom it was
recorded. Only the purposes whose state changes get a new, timestamped answer
(`exercises.consent.apply_consent_answers`), so earlier answers keep their times."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Input, Select

from smartplan_tui import labels
from smartplan_tui.exercises.consent import STATES, apply_consent_answers, consent_state
from smartplan_tui.i18n import _
from smartplan_tui.model import CONSENT_WAYS, ConsentPurpose, Participant
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.text import visible


class ConsentForm(FormScreen[Participant]):
    """Returns the participant with the answers given (unchanged purposes untouched)."""

    submit_label = _("Save consent")

    def __init__(self, person: Participant, purposes: Sequence[ConsentPurpose]) -> None:
        super().__init__()
        self.person = person
        self.purposes = tuple(purposes)
        self.heading = _("Consent of {name}").format(name=visible(person.name, 60))

    def compose_fields(self) -> ComposeResult:
        for purpose in self.purposes:
            label = labels.consent_purpose_name(purpose)
            text = labels.consent_purpose_text(purpose)
            yield from field(f"{visible(label)}: {visible(text, 200)}", Select(
                [(_(label), state) for state, label in STATES.items()],
                value=consent_state(self.person, purpose.id), allow_blank=False,
                id=f"consent-{purpose.id}"))
        latest = self.person.consent[-1] if self.person.consent else None
        yield from field(_("How (form, paper, verbal)"), Select(
            [(labels.consent_way_name(way), way) for way in CONSENT_WAYS],
            value=latest.how if latest and latest.how else "form", allow_blank=False,
            id="consent-how"))
        yield from field(_("Recorded by"), Input(latest.recorded_by if latest else "",
                                                 id="consent-recorded-by"))

    def build(self) -> Participant:
        states = {p.id: str(self.choice(f"consent-{p.id}")) for p in self.purposes}
        return apply_consent_answers(
            self.person, states, at=datetime.now().astimezone().replace(microsecond=0),
            how=str(self.choice("consent-how")), recorded_by=self.text("consent-recorded-by"))

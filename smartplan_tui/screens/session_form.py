"""The forms for a session's title block: a new one (or a duplicate as a template), and
correcting the title, date and place of an open one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select

from smartplan_tui.model import ModelError, SessionInfo, SessionKind, parse_date
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.store import SessionStore

KIND_CHOICES = [(kind.value.replace("-", " ").capitalize(), kind) for kind in SessionKind]


class SessionFormScreen(FormScreen[SessionInfo]):
    """Title, kind, date, place, region, facilitator; the id is made from the title."""

    heading = "New session"
    submit_label = "Create"

    def __init__(self, store: SessionStore, template: SessionInfo | None = None) -> None:
        super().__init__()
        self.store = store
        self.template = template
        if template is not None:
            self.heading = "Duplicate as a template (agenda and participants)"
            self.submit_label = "Duplicate"

    def compose_fields(self) -> ComposeResult:
        t = self.template
        yield from field("Title", Input(f"{t.title} (next)" if t else "", id="title"))
        yield from field("Kind", Select(KIND_CHOICES, value=t.kind if t else SessionKind.WORKSHOP,
                                        allow_blank=False, id="kind"))
        yield from field("Date (YYYY-MM-DD)", Input("", id="date", placeholder="2026-12-01"))
        yield from field("Place", Input(t.place if t else "", id="place"))
        yield from field("Region", Input(t.region if t else "", id="region"))
        yield from field("Facilitator", Input(t.facilitator if t else "", id="facilitator"))

    def build(self) -> SessionInfo:
        title = self.text("title")
        if not title.strip():
            raise ModelError("title", "must not be empty")
        day = _day(self.text("date"))
        kind = self.choice("kind")
        assert isinstance(kind, SessionKind)
        return SessionInfo(id=self.store.new_session_id(title), title=title, kind=kind,
                           date=day, place=self.text("place"), region=self.text("region"),
                           facilitator=self.text("facilitator"),
                           language=self.template.language if self.template else "")


class SessionDetailsForm(FormScreen[SessionInfo]):
    """A running session's title, date and place, corrected from its own screen."""

    heading = "Session details"
    submit_label = "Save"

    def __init__(self, info: SessionInfo) -> None:
        super().__init__()
        self.info = info

    def compose_fields(self) -> ComposeResult:
        info = self.info
        yield from field("Title", Input(info.title, id="title"))
        yield from field("Date (YYYY-MM-DD)", Input(info.date.isoformat() if info.date else "",
                                                    id="date", placeholder="2026-12-01"))
        yield from field("Place", Input(info.place, id="place"))

    def build(self) -> SessionInfo:
        title = self.text("title")
        if not title.strip():
            raise ModelError("title", "must not be empty")
        return replace(self.info, title=title, date=_day(self.text("date")),
                       place=self.text("place"))


def _day(text: str) -> date | None:
    """An optional date field: blank is no date, anything else must be a real day."""
    try:
        return parse_date(text.strip()) if text.strip() else None
    except ModelError as error:
        raise ModelError("date", error.reason) from None

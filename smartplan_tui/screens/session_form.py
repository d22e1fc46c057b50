"""The forms for a session's title block: a new one (or a duplicate as a template), and
correcting the title, dates, times and place of an open one; either can give the session a
profile of its own over the project's (`profile_form.SessionProfileForm`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Input, Select

from smartplan_tui.i18n import _
from smartplan_tui.labels import kind_name
from smartplan_tui.model import (
    ModelError,
    ProjectProfile,
    SessionInfo,
    SessionKind,
    parse_date,
    parse_time,
)
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.store import SessionStore, StoreError

KIND_CHOICES = [(kind_name(kind), kind) for kind in SessionKind]


class _WhenAndProfile(FormScreen[SessionInfo]):
    """What both session forms share: the dates and times of the event, and the session's
    own profile, kept here until the form is saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "session_profile", _("Profile for this session"),
                id="session_profile"),
    ]

    def __init__(self, store: SessionStore | None, info: SessionInfo | None) -> None:
        super().__init__()
        self.store = store
        self.own_profile = info.profile if info is not None else None

    def compose_when(self, info: SessionInfo | None, with_date: bool = True) -> ComposeResult:
        day = info.date.isoformat() if with_date and info is not None and info.date else ""
        yield from field(_("Date (YYYY-MM-DD)"), Input(day, id="date", placeholder="2026-12-01"))
        last = (info.end_date.isoformat() if with_date and info is not None and info.end_date
                else "")
        yield from field(_("End date, for an event of several days (YYYY-MM-DD)"),
                         Input(last, id="end_date", placeholder=_("same day")))
        for name, label in (("start_time", _("Start time (HH:MM)")),
                            ("end_time", _("End time (HH:MM)"))):
            value = getattr(info, name) if info is not None else None
            yield from field(label, Input(f"{value:%H:%M}" if value is not None else "",
                                          id=name, placeholder="09:30"))

    def compose_profile_button(self) -> ComposeResult:
        yield Button(self._profile_label(), id="session-profile-open")

    def _profile_label(self) -> str:
        if self.own_profile is None:
            return _("Profile for this session… (the project's)")
        return _("Profile for this session… (its own)")

    def with_when(self, info: SessionInfo) -> SessionInfo:
        """`info` with the dates and times typed: a real day, HH:MM, the end not before the
        start (`SessionInfo` refuses that, naming the field)."""
        return replace(info, date=_day("date", self.text("date")),
                       end_date=_day("end_date", self.text("end_date")),
                       start_time=_time("start_time", self.text("start_time")),
                       end_time=_time("end_time", self.text("end_time")))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "session-profile-open":
            event.stop()
            self.action_session_profile()
            return
        super().on_button_pressed(event)

    def action_session_profile(self) -> None:
        """The session's own profile, each empty field showing the project's value."""
        from smartplan_tui.screens.profile_form import SessionProfileForm

        try:
            project = self.store.profile.load() if self.store is not None else None
        except StoreError as error:
            self.show_error(str(error))
            return

        def kept(profile: ProjectProfile | None) -> None:
            if profile is None:
                return
            self.own_profile = None if profile.is_empty else profile
            self.query_one("#session-profile-open", Button).label = self._profile_label()

        self.app.push_screen(SessionProfileForm(self.own_profile or ProjectProfile(), project),
                             kept)


class SessionFormScreen(_WhenAndProfile):
    """Title, kind, dates and times, place, region, facilitator, and a profile of its own;
    the id is made from the title."""

    heading = _("New session")
    submit_label = _("Create")

    def __init__(self, store: SessionStore, template: SessionInfo | None = None) -> None:
        super().__init__(store, template)
        self.session_store = store
        self.template = template
        if template is not None:
            self.heading = _("Duplicate as a template (agenda and participants)")
            self.submit_label = _("Duplicate")

    def compose_fields(self) -> ComposeResult:
        t = self.template
        title = _("{title} (next)").format(title=t.title) if t else ""
        yield from field(_("Title"), Input(title, id="title"))
        yield from field(_("Kind"), Select(KIND_CHOICES, value=t.kind if t else SessionKind.WORKSHOP,
                                        allow_blank=False, id="kind"))
        yield from self.compose_when(t, with_date=False)  # a duplicate is held on another day
        yield from field(_("Place"), Input(t.place if t else "", id="place"))
        yield from field(_("Region"), Input(t.region if t else "", id="region"))
        yield from field(_("Facilitator"), Input(t.facilitator if t else "", id="facilitator"))
        yield from self.compose_profile_button()

    def build(self) -> SessionInfo:
        title = self.text("title")
        if not title.strip():
            raise ModelError("title", _("must not be empty"))
        kind = self.choice("kind")
        assert isinstance(kind, SessionKind)
        return self.with_when(SessionInfo(
            id=self.session_store.new_session_id(title), title=title, kind=kind,
            place=self.text("place"), region=self.text("region"),
            facilitator=self.text("facilitator"),
            language=self.template.language if self.template else "", profile=self.own_profile))


class SessionDetailsForm(_WhenAndProfile):
    """A running session's title, dates, times, place and own profile, corrected from its
    own screen."""

    heading = _("Session details")
    submit_label = _("Save")

    def __init__(self, info: SessionInfo, store: SessionStore | None = None) -> None:
        super().__init__(store, info)
        self.info = info

    def compose_fields(self) -> ComposeResult:
        info = self.info
        yield from field(_("Title"), Input(info.title, id="title"))
        yield from self.compose_when(info)
        yield from field(_("Place"), Input(info.place, id="place"))
        yield from self.compose_profile_button()

    def build(self) -> SessionInfo:
        title = self.text("title")
        if not title.strip():
            raise ModelError("title", _("must not be empty"))
        return self.with_when(replace(self.info, title=title, place=self.text("place"),
                                      profile=self.own_profile))


#: The fields the details form sets, which the session screen copies onto the stored info.
DETAIL_FIELDS = ("title", "date", "end_date", "start_time", "end_time", "place", "profile")


def _day(name: str, text: str) -> date | None:
    """An optional date field: blank is no date, anything else must be a real day."""
    try:
        return parse_date(text.strip()) if text.strip() else None
    except ModelError as error:
        raise ModelError(name, error.reason) from None


def _time(name: str, text: str) -> time | None:
    """An optional time field: blank is no time, anything else HH:MM."""
    try:
        return parse_time(text.strip()) if text.strip() else None
    except ModelError as error:
        raise ModelError(name, error.reason) from None

"""The project profile forms: what every report, attendance list and handbook prints.

One field per profile field, as `smartplan profile set` takes it (lists separated by `;`,
consent purposes as `id=text`): the data home's profile, with a logo file to copy into the
data home, and a session's own profile over it (`SessionProfileForm`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from smartplan_tui.i18n import N_, _
from smartplan_tui.model import PROFILE_KEYS, ProjectProfile
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.store import SessionStore
from smartplan_tui.text import visible

LABELS = {
    "project": N_("Project name"), "acronym": N_("Acronym"), "number": N_("Project number"),
    "programme": N_("Programme"), "organiser": N_("Lead partner or organiser"),
    "partners": N_("Partners (separated by ;)"), "logos": N_("Logos in the data home (separated by ;)"),
    "disclaimer": N_("Funding disclaimer (every footer)"), "author": N_("Report author"),
    "consent_purposes": N_("Consent purposes (id=text; id=text)"),
    "attendance_columns": N_("Attendance list columns (email; organisation type)"),
    "introduction": N_("Handbook introduction (paragraphs of text or Markdown)"),
}


def shown(profile: ProjectProfile, key: str) -> str:
    """A field as its input shows it; consent purposes only when the profile sets them."""
    if key == "consent_purposes":
        return "; ".join(f"{p.id}={p.text}" for p in profile.consent_purposes)
    value = getattr(profile, key)
    return "; ".join(value) if isinstance(value, tuple) else str(value)


class ProfileFields(FormScreen[ProjectProfile]):
    """One input per profile field, filled from `profile`; the introduction, paragraphs of
    text, gets a text area. `fallback` is what an empty field stands for (a session's own
    profile takes the project's): each empty input shows it as its placeholder."""

    CSS_PATH = "profile_form.tcss"

    def __init__(self, profile: ProjectProfile, fallback: ProjectProfile | None = None) -> None:
        super().__init__()
        self.profile = profile
        self.fallback = fallback

    def compose_fields(self) -> ComposeResult:
        for key in PROFILE_KEYS:
            placeholder = shown(self.fallback, key) if self.fallback is not None else (
                _("attendance, photos and contact") if key == "consent_purposes" else "")
            value = shown(self.profile, key)
            widget_id = f"profile-{key}"
            if key == "introduction":
                area = TextArea(value, id=widget_id, soft_wrap=True, show_line_numbers=False,
                                placeholder=visible(placeholder, 200), classes="profile-text")
                yield from field(_(LABELS[key]), area)
            else:
                yield from field(_(LABELS[key]), Input(value, id=widget_id,
                                                    placeholder=visible(placeholder, 200)))

    def read_profile(self) -> ProjectProfile:
        """The profile as the fields say (refused with the field named when a value is not
        of its form)."""
        profile = ProjectProfile()
        for key in PROFILE_KEYS:
            widget_id = f"profile-{key}"
            typed = (self.query_one(f"#{widget_id}", TextArea).text if key == "introduction"
                     else self.text(widget_id))
            profile = profile.with_text(key, typed)
        return profile


class ProfileScreen(ProfileFields):
    """Edit the data home's profile; Save writes it (and copies the logo file, if any)."""

    heading = _("Project profile (every document prints it)")

    def __init__(self, store: SessionStore) -> None:
        super().__init__(store.profile.load())
        self.store = store

    def compose_fields(self) -> ComposeResult:
        yield from super().compose_fields()
        yield from field(_("Add a logo (PNG, JPEG or GIF file)"),
                         Input("", id="profile-new-logo", placeholder="~/logos/interreg.png"))

    def build(self) -> ProjectProfile:
        profile = self.read_profile()
        logo = self.text("profile-new-logo").strip()
        if logo:
            self.store.profile.read_logo(logo)  # refused before anything is saved
        self.store.profile.save(profile)
        if logo:
            profile = self.store.profile.add_logo(logo)
        return profile


class SessionProfileForm(ProfileFields):
    """One session's own profile over the project's: a field left empty takes the project's
    value (shown greyed in it). Save returns the profile; the session form keeps it."""

    heading = _("Profile for this session (an empty field takes the project's)")
    submit_label = _("Keep")

    def build(self) -> ProjectProfile:
        return self.read_profile()

"""The project profile form: what every report, attendance list and handbook prints.

One field per profile field, as `smartplan profile set` takes it (lists separated by `;`,
consent purposes as `id=text`), and a logo file to copy into the data home.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input

from smartplan_tui.model import PROFILE_KEYS, ProjectProfile
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.store import SessionStore, StoreError
from smartplan_tui.store.profile import image_kind

LABELS = {
    "project": "Project name", "acronym": "Acronym", "number": "Project number",
    "programme": "Programme", "organiser": "Lead partner or organiser",
    "partners": "Partners (separated by ;)", "logos": "Logos in the data home (separated by ;)",
    "disclaimer": "Funding disclaimer (every footer)", "author": "Report author",
    "consent_purposes": "Consent purposes (id=text; id=text)",
    "attendance_columns": "Attendance list columns (email; organisation type)",
}


def shown(profile: ProjectProfile, key: str) -> str:
    """A field as its input shows it; consent purposes only when the profile sets them."""
    if key == "consent_purposes":
        return "; ".join(f"{p.id}={p.text}" for p in profile.consent_purposes)
    value = getattr(profile, key)
    return "; ".join(value) if isinstance(value, tuple) else str(value)


class ProfileScreen(FormScreen[ProjectProfile]):
    """Edit the data home's profile; Save writes it (and copies the logo file, if any)."""

    heading = "Project profile (every document prints it)"

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store
        self.profile = store.profile.load()

    def compose_fields(self) -> ComposeResult:
        for key in PROFILE_KEYS:
            placeholder = "attendance, photos and contact" if key == "consent_purposes" else ""
            yield from field(LABELS[key], Input(shown(self.profile, key), id=f"profile-{key}",
                                                placeholder=placeholder))
        yield from field("Add a logo (PNG, JPEG or GIF file)",
                         Input("", id="profile-new-logo", placeholder="~/logos/interreg.png"))

    def build(self) -> ProjectProfile:
        profile = ProjectProfile()
        for key in PROFILE_KEYS:
            profile = profile.with_text(key, self.text(f"profile-{key}"))
        logo = self.text("profile-new-logo").strip()
        if logo:
            path = Path(logo).expanduser()
            try:
                with path.open("rb") as stream:
                    head = stream.read(16)
            except OSError as error:
                raise StoreError(f"logo {path}: cannot be read ({error.strerror or error})"
                                 ) from None
            if image_kind(head) is None:
                raise StoreError(f"logo {path}: not a PNG, JPEG or GIF image")
        self.store.profile.save(profile)
        if logo:
            profile = self.store.profile.add_logo(logo)
        return profile

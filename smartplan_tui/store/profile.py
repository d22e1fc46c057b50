"""The project profile kept once in the data home (`<home>/profile.json`) and its logos
(`<home>/logos/`), and what a session's exports print: the session's own profile over it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import orjson

from smartplan_tui.i18n import _
from smartplan_tui.model import ModelError, ProjectProfile, Session
from smartplan_tui.os_errors import os_reason
from smartplan_tui.store.codec import PROFILE, encode
from smartplan_tui.store.errors import StoreError
from smartplan_tui.store.session_file import write_atomically

__all__ = ["IMAGE_KINDS", "ProfileFile", "image_kind"]

#: The logo images Word shows everywhere, by the bytes they start with.
IMAGE_KINDS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF",
               b"GIF89a": "GIF"}
_MAX_LOGO_BYTES = 10 * 1024 * 1024


def image_kind(data: bytes) -> str | None:
    """`PNG`, `JPEG` or `GIF` when `data` is such an image, else None."""
    return next((kind for magic, kind in IMAGE_KINDS.items() if data.startswith(magic)), None)


class ProfileFile:
    """The data home's profile: read, written (atomically, private) and resolved for exports."""

    def __init__(self, home: Path) -> None:
        self.home = home

    @property
    def path(self) -> Path:
        return self.home / "profile.json"

    @property
    def logos_folder(self) -> Path:
        return self.home / "logos"

    def load(self) -> ProjectProfile:
        """The saved profile; none saved yet is the empty profile."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return ProjectProfile()
        except OSError as error:
            raise StoreError(_("{path}: cannot be read ({reason})").format(
                path=self.path, reason=os_reason(error))) from None
        try:
            profile = PROFILE.decode("profile", orjson.loads(data))
        except orjson.JSONDecodeError as error:
            raise StoreError(_("{path}: not JSON ({reason})").format(
                path=self.path, reason=error)) from None
        except ModelError as error:
            raise StoreError(f"{self.path}: {error}") from None
        assert isinstance(profile, ProjectProfile)
        return profile

    def save(self, profile: ProjectProfile) -> None:
        try:
            write_atomically(self.path, orjson.dumps(encode(profile), option=orjson.OPT_INDENT_2))
        except OSError as error:
            raise StoreError(_("{path}: could not save the profile ({reason})").format(
                path=self.path, reason=os_reason(error))) from None

    @staticmethod
    def read_logo(source: str | os.PathLike[str]) -> tuple[Path, bytes]:
        """The image file `source` names and its bytes, refused in one line when it cannot be
        read, is no PNG, JPEG or GIF, or is too large (a form checks before it saves)."""
        path = Path(source).expanduser()
        try:
            with path.open("rb") as stream:
                data = stream.read(_MAX_LOGO_BYTES + 1)
        except OSError as error:
            raise StoreError(_("logo {path}: cannot be read ({reason})").format(
                path=path, reason=os_reason(error))) from None
        if image_kind(data) is None:
            raise StoreError(_("logo {path}: not a PNG, JPEG or GIF image").format(path=path))
        if len(data) > _MAX_LOGO_BYTES:
            raise StoreError(_("logo {path}: larger than 10 MB").format(path=path))
        return path, data

    def add_logo(self, source: str | os.PathLike[str]) -> ProjectProfile:
        """Copy an image into the logos folder and add it to the profile's logos."""
        path, data = self.read_logo(source)
        profile = self.load()
        name = path.name
        try:
            write_atomically(self.logos_folder / name, data)
        except OSError as error:
            raise StoreError(_("logo {path}: could not be copied ({reason})").format(
                path=path, reason=os_reason(error))) from None
        if name not in profile.logos:
            profile = replace(profile, logos=(*profile.logos, name))
            self.save(profile)
        return profile

    def for_session(self, session: Session) -> ProjectProfile:
        """What the session's documents print: its own profile over the home's, with the
        logos as absolute paths (a logo that is gone is left out)."""
        home = self.load()
        own = session.info.profile
        merged = own.over(home) if own is not None else home
        logos = []
        for logo in merged.logos:
            path = Path(logo) if os.path.isabs(logo) else self.logos_folder / logo
            if path.is_file():
                logos.append(str(path))
        return replace(merged, logos=tuple(logos))

"""The hub's secrets: the join code, the note-takers' token and the keys that sign cookies.

Why signed cookies: the hub never has to remember which devices it let in, so a restarted
hub (a laptop that slept) still knows every phone, and revoking is one new key — every
cookie signed with the old one fails at once. Why a tag per device *and vote*: a ballot
remembers the phone that cast it (so that phone can change it), but two ballots of one
phone in two votes carry unrelated tags, and nobody reading a session file can link them.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import secrets
from typing import Any

from smartplan_tui.records import record

__all__ = ["CODE_ALPHABET", "CODE_LENGTH", "HubKeys", "device_tag", "new_device_id",
           "normal_code", "sign", "verify"]

#: Letters and digits nobody mixes up when reading them off a projector (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
#: Bytes of randomness in the note-takers' token (≥ 128 bits).
TOKEN_BYTES = 24


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _new_key() -> str:
    return secrets.token_hex(32)


@record
class HubKeys:
    """Everything secret about one session's hub; kept in its private state file."""

    code: str = dataclasses.field(default_factory=_new_code)
    token: str = dataclasses.field(default_factory=lambda: secrets.token_urlsafe(TOKEN_BYTES))
    device_key: str = dataclasses.field(default_factory=_new_key)
    notetaker_key: str = dataclasses.field(default_factory=_new_key)
    tag_key: str = dataclasses.field(default_factory=_new_key)

    def new_code(self) -> HubKeys:
        """A new join code and device key: every phone let in so far is out."""
        return dataclasses.replace(self, code=_new_code(), device_key=_new_key())

    def new_token(self) -> HubKeys:
        """A new note-takers' link and key: every note-taker's browser is out."""
        return dataclasses.replace(self, token=secrets.token_urlsafe(TOKEN_BYTES),
                                   notetaker_key=_new_key())

    def to_json(self) -> dict[str, str]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, doc: Any) -> HubKeys | None:
        """The keys of a state file, or None when they are missing or malformed."""
        if not isinstance(doc, dict):
            return None
        names = [f.name for f in dataclasses.fields(cls)]
        if set(doc) != set(names) or not all(isinstance(doc[n], str) and doc[n] for n in names):
            return None
        if normal_code(doc["code"]) != doc["code"]:
            return None
        return cls(**doc)


def normal_code(text: str) -> str | None:
    """The join code as typed on a phone (any case), or None when it cannot be one."""
    code = text.strip().upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


def _mac(key: str, message: str) -> str:
    digest = hmac.new(bytes.fromhex(key), message.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode("ascii")


def new_device_id() -> str:
    return secrets.token_urlsafe(12)


def sign(key: str, value: str) -> str:
    """`value.signature`: a cookie only the holder of `key` can have made."""
    return f"{value}.{_mac(key, value)}"


def verify(key: str, cookie: str | None) -> str | None:
    """The value a cookie signed with `key` carries, or None (missing, forged, revoked)."""
    if not cookie or len(cookie) > 200:
        return None
    value, sep, signature = cookie.rpartition(".")
    if not sep or not value:
        return None
    return value if hmac.compare_digest(signature, _mac(key, value)) else None


def device_tag(keys: HubKeys, device: str, vote_id: str) -> str:
    """The opaque tag a device's ballot in `vote_id` carries (`Ballot.device`)."""
    return "d" + _mac(keys.tag_key, f"{vote_id}\0{device}")[:20]

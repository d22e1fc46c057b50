"""Participants' consent: reading it from a CSV row, recording and withdrawing it, and the
one-line summary the attendance list and the participants screen print.

The purposes asked for are the project profile's (`ProjectProfile.purposes()`, which falls
back to `model.DEFAULT_CONSENT_PURPOSES`); this module takes their ids and never decides them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from smartplan_tui.i18n import N_, _
from smartplan_tui.model import CONSENT_WAYS, Consent, ModelError, Participant, parse_datetime

__all__ = ["CSV_CONSENT_FIELDS", "CSV_CONSENT_PREFIX", "STATES", "apply_consent_answers",
           "consent_columns", "consent_from_row", "consent_state", "consent_summary",
           "record_consent", "withdraw_consent"]

#: A CSV column `consent_photos` holds the answer for the purpose `photos` (yes / no).
CSV_CONSENT_PREFIX = "consent_"
#: The other consent columns, shared by every purpose of the row.
CSV_CONSENT_FIELDS = ("consent_how", "consent_at", "consent_recorded_by")
_YES = frozenset({"yes", "y", "true", "1", "x", "jā", "ja", "taip"})
_NO = frozenset({"no", "n", "false", "0", "nē", "ne"})


def consent_from_row(values: Mapping[str, str], purposes: Sequence[str]) -> tuple[Consent, ...]:
    """The consents of one CSV row: a `consent_<purpose>` cell of yes or no each (empty: not
    asked), with `consent_how`, `consent_at` and `consent_recorded_by` for all of them."""
    how = values.get("consent_how", "").strip().lower()
    at_text = values.get("consent_at", "").strip()
    at: datetime | None = None
    if at_text:
        try:
            at = parse_datetime(at_text)
        except ModelError as error:
            raise ModelError("consent_at", error.reason) from None
    answers = []
    for purpose in purposes:
        cell = values.get(f"{CSV_CONSENT_PREFIX}{purpose}", "").strip().lower()
        if not cell:
            continue
        if cell not in _YES | _NO:
            raise ModelError(f"{CSV_CONSENT_PREFIX}{purpose}",
                             _("{cell!r} is neither yes nor no").format(cell=cell))
        try:
            answers.append(Consent(purpose, cell in _YES, at, how,
                                   values.get("consent_recorded_by", "").strip()))
        except ModelError as error:
            raise ModelError(f"consent_{error.path}", error.reason) from None
    return tuple(answers)


def consent_columns(purposes: Sequence[str]) -> tuple[str, ...]:
    """Every consent column a CSV may have for these purposes."""
    return (*(f"{CSV_CONSENT_PREFIX}{p}" for p in purposes), *CSV_CONSENT_FIELDS)


def record_consent(person: Participant, purpose: str, given: bool, *, at: datetime,
                   how: str = "", recorded_by: str = "") -> Participant:
    """The person with a new answer for `purpose`, replacing an earlier one."""
    if how and how not in CONSENT_WAYS:
        raise ModelError("how", _("{how!r} is not one of {ways}").format(
            how=how, ways=", ".join(CONSENT_WAYS)))
    kept = tuple(c for c in person.consent if c.purpose != purpose)
    return replace(person, consent=(*kept, Consent(purpose, given, at, how, recorded_by)))


def withdraw_consent(person: Participant, purpose: str, *, at: datetime) -> Participant:
    """The person with their consent for `purpose` withdrawn at `at` (the answer is kept)."""
    if not any(c.purpose == purpose and c.holds for c in person.consent):
        raise ModelError("consent", _("there is no consent to {purpose!r} to withdraw").format(
            purpose=purpose))
    return replace(person, consent=tuple(
        replace(c, withdrawn_at=at) if c.purpose == purpose else c for c in person.consent))


def consent_summary(person: Participant, purposes: Sequence[str],
                    names: Mapping[str, str] | None = None) -> str:
    """`attendance, photos` — the purposes consented to and not withdrawn, in the profile's
    order; `no: contact` lists refusals and withdrawals; empty when nothing was asked.
    `names` shows a purpose by what a reader calls it (`Photos`) instead of its id."""
    by_purpose = {c.purpose: c for c in person.consent}
    shown = names or {}
    given = [shown.get(p, p) for p in purposes if p in by_purpose and by_purpose[p].holds]
    refused = [shown.get(p, p) for p in purposes if p in by_purpose and not by_purpose[p].holds]
    parts = [", ".join(given)] if given else []
    if refused:
        parts.append(_("no: {purposes}").format(purposes=", ".join(refused)))
    return "; ".join(parts)


#: What a form shows for one purpose, and what each state means (translated where shown).
STATES = {"": N_("not asked"), "given": N_("given"), "refused": N_("refused"),
          "withdrawn": N_("withdrawn")}


def consent_state(person: Participant, purpose: str) -> str:
    """`given`, `refused`, `withdrawn`, or "" (not asked) for one purpose."""
    for answer in person.consent:
        if answer.purpose == purpose:
            return ("withdrawn" if answer.withdrawn_at is not None
                    else "given" if answer.given else "refused")
    return ""


def apply_consent_answers(person: Participant, states: Mapping[str, str], *, at: datetime,
                          how: str = "", recorded_by: str = "") -> Participant:
    """The person with the states a form gave: only purposes whose state changed get a new
    answer (timestamped `at`, with `how` and `recorded_by`); "" forgets an answer."""
    for purpose, state in states.items():
        if state == consent_state(person, purpose):
            continue
        if state in ("given", "refused"):
            person = record_consent(person, purpose, state == "given", at=at, how=how,
                                    recorded_by=recorded_by)
        elif state == "withdrawn":
            person = withdraw_consent(person, purpose, at=at)
        elif state == "":
            person = replace(person, consent=tuple(c for c in person.consent
                                                   if c.purpose != purpose))
        else:
            raise ModelError(purpose, _("{state!r} is not one of {states}").format(
                state=state, states=", ".join(STATES)))
    return person

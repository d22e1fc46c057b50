"""Who a person is in a session, and how their name is taken out of stored values.

An erasure must find a person however their name was typed: composed or decomposed
accents (`Bērziņa` as NFC or NFD), another case, extra spaces. Everything here compares
`normal()` forms. Pure logic: the store applies it to its documents (`store/erasure.py`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date

from smartplan_tui.i18n import LANGUAGES, N_, _, ngettext, writing_in
from smartplan_tui.model import Participant, Session, SessionInfo
from smartplan_tui.records import record

__all__ = ["ERASED_LABEL", "Person", "Redactor", "erased_label", "everyone", "is_erased",
           "matches", "next_label_number", "normal", "past_retention", "person_of", "plan_people",
           "what_erasure_changes"]

#: How an erased participant is named from then on: "erased participant 2". Written in the
#: session's language (it stands in the session's texts and reports as a name would), so
#: every language's form is recognised as an erased participant.
ERASED_LABEL = N_("erased participant {n}")


def normal(text: str) -> str:
    """The form names are compared in: NFC, case-folded, runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def erased_label(number: int, language: str | None = None) -> str:
    """`erased participant 2` in `language` (None: the current language)."""
    with writing_in(language):
        return _(ERASED_LABEL).format(n=number)


@functools.cache
def _erased_pattern() -> re.Pattern[str]:
    """The label in every language SmartPlan speaks, its number captured."""
    forms = []
    for language in LANGUAGES:
        with writing_in(language):
            before, _sep, after = _(ERASED_LABEL).partition("{n}")
        forms.append(f"{re.escape(before)}([0-9]+){re.escape(after)}")
    return re.compile("|".join(dict.fromkeys(forms)))


def _erased_number(name: str) -> int | None:
    """N when `name` is an "erased participant N" label (in any language), else None."""
    found = _erased_pattern().fullmatch(name)
    return int(next(g for g in found.groups() if g is not None)) if found else None


def is_erased(participant: Participant) -> bool:
    """Whether a participant record is what an erasure left of someone."""
    return _erased_number(participant.name) is not None


def matches(participant: Participant, query: str, *, by_id: bool) -> bool:
    """Whether `query` names this participant: their name or e-mail, or (in one session,
    where ids mean one person) their id."""
    wanted = normal(query)
    if not wanted or is_erased(participant):
        return False
    return ((by_id and participant.id == query.strip())
            or wanted == normal(participant.name)
            or (bool(participant.email) and wanted == normal(participant.email)))


@record
class Person:
    """One person to erase from one session: what names them there, and their new label."""

    id: str
    name: str
    email: str
    label: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "email": self.email, "label": self.label}

    @classmethod
    def from_json(cls, doc: dict[str, str]) -> Person:
        return cls(str(doc["id"]), str(doc["name"]), str(doc["email"]), str(doc["label"]))

    def names(self) -> list[str]:
        """The texts that identify the person (never the id: `p1` is no one's name)."""
        return [n for n in (self.name, self.email) if normal(n)]


def plan_people(participants: Sequence[Participant], query: str, *, by_id: bool,
                free_text: bool = False, language: str | None = None) -> list[Person]:
    """The people `query` names among a session's participants, each with the next free
    "erased participant N" label (in `language`, the session's). With `free_text`, a query
    that names no participant still yields one person: attributions may hold a name typed
    as text."""
    number = next_label_number(participants) - 1
    people = []
    for participant in participants:
        if matches(participant, query, by_id=by_id):
            number += 1
            people.append(Person(participant.id, participant.name, participant.email,
                                 erased_label(number, language)))
    if not people and free_text and normal(query):
        email = query.strip() if "@" in query else ""
        people.append(Person("", "" if email else query.strip(), email,
                             erased_label(number + 1, language)))
    return people


def next_label_number(participants: Sequence[Participant]) -> int:
    """The N of the next "erased participant N" in a session."""
    taken = [n for p in participants if (n := _erased_number(p.name)) is not None]
    return max(taken, default=0) + 1


def everyone(participants: Sequence[Participant], language: str | None = None) -> list[Person]:
    """Every participant not erased yet, each with their label (a purge erases them all)."""
    number = next_label_number(participants)
    people = []
    for participant in participants:
        if not is_erased(participant):
            people.append(Person(participant.id, participant.name, participant.email,
                                 erased_label(number, language)))
            number += 1
    return people


def past_retention(info: SessionInfo, today: date) -> bool:
    """Whether a session's retention date has passed (a session without one never is)."""
    return info.retain_until is not None and info.retain_until < today


def person_of(participants: Sequence[Participant], participant: Participant,
              language: str | None = None) -> Person:
    """One participant, chosen on a screen, as the person to erase."""
    return Person(participant.id, participant.name, participant.email,
                  erased_label(next_label_number(participants), language))


def what_erasure_changes(session: Session, person: Person) -> str:
    """What erasing `person` from `session` does, in words, for the confirmation."""
    redactor = Redactor([person])
    items = sum(1 for i in session.swot if redactor.who(i.author)) + sum(
        1 for i in session.swot for o in i.merged_from if redactor.who(o.author))
    notes = sum(1 for n in session.notes if redactor.who(n.author))
    actions = sum(1 for a in session.actions
                  if redactor.who(a.owner) or any(redactor.who(p) for p in a.partners))
    ballots = sum(1 for v in session.votes for b in v.ballots if redactor.who(b.voter))
    return _("Their name, organisation, country, role and e-mail are removed; they are "
             "called “{label}” from now on. {items}, {notes} and {actions} they are named on "
             "become unattributed (the texts stay); their named ballots ({ballots}) are kept "
             "as anonymous ballots, so every count stays the same. Mentions of their name in "
             "texts are replaced. The session's journal, backups and damaged copies are "
             "scrubbed too. Other sessions are not changed. This cannot be undone.").format(
        label=person.label,
        items=ngettext("{n} SWOT item", "{n} SWOT items", items).format(n=items),
        notes=ngettext("{n} note", "{n} notes", notes).format(n=notes),
        actions=ngettext("{n} action", "{n} actions", actions).format(n=actions),
        ballots=ballots)


class Redactor:
    """Replaces a set of people in stored values: attributions by their label, mentions in
    free text by their label too."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = list(people)
        self._by_key: dict[str, str] = {}
        for person in self.people:
            if person.id:
                self._by_key[person.id] = person.label
            for name in person.names():
                self._by_key[normal(name)] = person.label
        names = sorted(((normal(n), p.label) for p in self.people for n in p.names()),
                       key=lambda pair: -len(pair[0]))
        self._labels = {n: label for n, label in names}
        self._pattern = (re.compile("|".join(rf"(?<!\w){_loose(n)}(?!\w)" for n, _ in names),
                                    re.IGNORECASE) if names else None)

    def who(self, value: str) -> str | None:
        """The label of the person an attribution (an id, a name or an e-mail) names."""
        if not value:
            return None
        return self._by_key.get(value) or self._by_key.get(normal(value))

    def text(self, value: str) -> str:
        """`value` with every mention of the people replaced by their label."""
        if self._pattern is None or not value:
            return value
        composed = unicodedata.normalize("NFC", value)
        if self._pattern.search(composed) is None:
            return value
        return self._pattern.sub(lambda m: self._label_of(m.group(0)), composed)

    def _label_of(self, found: str) -> str:
        label = self._labels.get(normal(found))
        if label is None:  # a case the pattern's folding matched but `normal` spells otherwise
            label = next(label for name, label in self._labels.items()
                         if re.fullmatch(_loose(name), found, re.IGNORECASE))
        return label

    def found_in(self, text: str) -> bool:
        """Whether `text` (a whole file's, say) still mentions one of the people."""
        return self._pattern is not None and self._pattern.search(
            unicodedata.normalize("NFC", text)) is not None


def _loose(name: str) -> str:
    """A pattern for a normal form that also matches other spacing of the same words."""
    return r"\s+".join(re.escape(word) for word in name.split(" "))

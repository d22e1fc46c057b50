"""Consent on the participant: the format (written only when given), the CSV import,
withdrawal, and the attendance list's consent column."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from docx_readback import find_table, open_docx, table_rows
from session_factory import TZ, rich_session

from smartplan_tui.exercises.consent import consent_summary, record_consent, withdraw_consent
from smartplan_tui.exercises.participants import parse_csv
from smartplan_tui.exports import write_attendance
from smartplan_tui.model import Consent, ModelError, Participant
from smartplan_tui.store import SessionStore, dumps, loads, session_to_document

AT = datetime(2026, 12, 1, 9, 5, tzinfo=TZ)
PURPOSES = ("attendance", "photos", "contact")


def test_consent_round_trips_and_is_absent_when_not_given(store: SessionStore) -> None:
    plain = rich_session()
    assert '"consent"' not in dumps(session_to_document(plain))
    person = record_consent(plain.participants[0], "photos", True, at=AT, how="paper",
                            recorded_by="Ilze")
    person = withdraw_consent(record_consent(person, "contact", True, at=AT), "contact",
                              at=AT.replace(hour=12))
    session = replace(plain, participants=(person, *plain.participants[1:]))
    text = dumps(session_to_document(session))
    assert json.loads(text)["participants"][0]["consent"] == [
        {"purpose": "photos", "given": True, "at": "2026-12-01T09:05:00+02:00", "how": "paper",
         "recorded_by": "Ilze"},
        {"purpose": "contact", "given": True, "at": "2026-12-01T09:05:00+02:00",
         "withdrawn_at": "2026-12-01T12:05:00+02:00"}]
    store.import_document(loads(text, "camp.json"))
    again = dumps(session_to_document(store.load(session.id)))
    assert again == text
    assert store.load(session.id).participants[0].consent[1].withdrawn_at == AT.replace(hour=12)


def test_import_refuses_an_unknown_way_or_a_purpose_twice(store: SessionStore) -> None:
    doc = session_to_document(rich_session())
    doc["participants"][0]["consent"] = [{"purpose": "photos", "given": True, "how": "email"}]
    with pytest.raises(ModelError, match="how: 'email' is not one of form, paper, verbal"):
        store.import_document(doc)
    doc["participants"][0]["consent"] = [{"purpose": "photos", "given": True},
                                         {"purpose": "photos", "given": False}]
    with pytest.raises(ModelError, match="names a purpose twice"):
        store.import_document(doc)
    assert not store.exists("coast-camp")


def test_csv_consent_columns() -> None:
    people = parse_csv("name;country;consent_attendance;consent_photos;consent_how;consent_at;"
                       "consent_recorded_by\n"
                       "Ilze;LV;yes;no;paper;2026-12-01T09:05:00+02:00;Aiva\n"
                       "Jonas;LT;;;;;\n", "people.csv")
    assert people[0].consent == (Consent("attendance", True, AT, "paper", "Aiva"),
                                 Consent("photos", False, AT, "paper", "Aiva"))
    assert people[1].consent == ()
    with pytest.raises(ModelError, match=r"people\.csv line 2: consent_photos: 'maybe' is neither"):
        parse_csv("name,consent_photos\nIlze,maybe\n", "people.csv")
    with pytest.raises(ModelError, match="unknown column 'consent_drones'"):
        parse_csv("name,consent_drones\nIlze,yes\n", "people.csv")
    with pytest.raises(ModelError, match="line 2: consent_how: 'fax' is not one of"):
        parse_csv("name,consent_photos,consent_how\nIlze,yes,fax\n", "people.csv")


def test_summary_lists_what_holds_and_what_does_not() -> None:
    person = Participant("p1", "Ilze", consent=(
        Consent("photos", True, AT), Consent("attendance", True, AT),
        Consent("contact", True, AT, withdrawn_at=AT)))
    assert consent_summary(person, PURPOSES) == "attendance, photos; no: contact"
    assert consent_summary(person, PURPOSES, {"photos": "Photos", "contact": "Contact"}) == (
        "attendance, Photos; no: Contact")
    assert consent_summary(Participant("p2", "Jonas"), PURPOSES) == ""


def test_attendance_list_prints_the_consent_column(tmp_path: Path) -> None:
    base = rich_session()
    first = replace(base.participants[0], consent=(Consent("attendance", True, AT, "form"),
                                                   Consent("photos", False, AT, "form")))
    session = replace(base, participants=(first, *base.participants[1:]))
    path = write_attendance(session, tmp_path / "attendance.docx")
    document = open_docx(path)
    rows = table_rows(find_table(document, "No."))
    assert rows[0] == ["No.", "Name", "Organisation", "Country", "Consent", "Signature"]
    assert rows[1][1] == first.name and rows[1][4] == "Attendance; no: Photos"
    assert rows[2][4] == ""
    assert any(p.text.startswith("Consent: Attendance: My name, organisation and signature")
               for p in document.paragraphs)

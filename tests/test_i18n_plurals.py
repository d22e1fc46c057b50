"""Counts before nouns by CLDR's plural rules: Latvian zero/one/other, Lithuanian one/few/other."""

from __future__ import annotations

import gettext
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartplan_tui.collection_registry import PARTICIPANTS
from smartplan_tui.i18n import LOCALE_DIR, ngettext, set_interface_language, writing_in
from smartplan_tui.model import Participant, SessionInfo
from smartplan_tui.store import SessionStore

COUNTS = (0, 1, 2, 5, 10, 11, 21, 22, 101, 111)


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_interface_language("en")


def _participants(n: int) -> str:
    return ngettext("{n} participant", "{n} participants", n).format(n=n)


@pytest.mark.parametrize(("language", "categories"), [
    # Latvian: zero for n ending in 0 or in 11–19, one for n ending in 1 (not 11), else other.
    ("lv", ["zero", "one", "other", "other", "zero", "zero", "one", "other", "one", "zero"]),
    # Lithuanian: one for n ending in 1 (not 11), few for 2–9 (not 12–19), else other.
    ("lt", ["other", "one", "few", "few", "other", "other", "one", "few", "one", "other"]),
])
def test_each_count_falls_in_its_cldr_category(language: str, categories: list[str]) -> None:
    names = {"lv": ("zero", "one", "other"), "lt": ("one", "few", "other")}[language]
    plural = gettext.translation("smartplan", LOCALE_DIR, languages=[language]).plural  # type: ignore[attr-defined]
    assert [names[plural(n)] for n in COUNTS] == categories


@pytest.mark.parametrize(("language", "expected"), [
    ("lv", ["0 dalībnieki", "1 dalībnieks", "2 dalībnieki", "5 dalībnieki", "10 dalībnieki",
            "11 dalībnieki", "21 dalībnieks", "22 dalībnieki", "101 dalībnieks",
            "111 dalībnieki"]),
    ("lt", ["0 dalyvių", "1 dalyvis", "2 dalyviai", "5 dalyviai", "10 dalyvių", "11 dalyvių",
            "21 dalyvis", "22 dalyviai", "101 dalyvis", "111 dalyvių"]),
    ("en", ["0 participants", "1 participant", "2 participants", "5 participants",
            "10 participants", "11 participants", "21 participants", "22 participants",
            "101 participants", "111 participants"]),
])
def test_the_noun_takes_the_form_its_count_asks_for(language: str, expected: list[str]) -> None:
    with writing_in(language):
        assert [_participants(n) for n in COUNTS] == expected


def test_smartplan_list_counts_items_in_the_words_of_the_language(home: Path) -> None:
    store = SessionStore(home)
    for n in (1, 2, 11, 21):
        session = store.create(SessionInfo(id=f"s{n}", title=f"Session {n}"))
        handle = store.open(session.id)
        for i in range(n):
            handle.add(PARTICIPANTS, lambda pid, i=i: Participant(pid, f"Person {i}"))
    lines = {}
    for language in ("lt", "lv", "en"):
        run = subprocess.run([sys.executable, "-m", "smartplan_tui", "--lang", language,
                              "--home", str(home), "list"], capture_output=True, text=True,
                             check=True)
        lines[language] = {line.split()[0]: " ".join(line.split()[1:]) for line in
                           run.stdout.splitlines()}
    assert "21 įrašas" in lines["lt"]["s21"] and "11 įrašų" in lines["lt"]["s11"]
    assert "2 įrašai" in lines["lt"]["s2"] and "1 įrašas" in lines["lt"]["s1"]
    assert "21 ieraksts" in lines["lv"]["s21"] and "11 ieraksti" in lines["lv"]["s11"]
    assert "1 item " in lines["en"]["s1"] + " " and "21 items" in lines["en"]["s21"]
    assert "bez datuma" in lines["lv"]["s1"]  # a session without a date says so, in Latvian

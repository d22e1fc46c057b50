"""The small pure helpers the app part 1 added: CSV participants and literal text."""

from __future__ import annotations

import pytest

from smartplan_tui.exercises.participants import count_by, parse_csv
from smartplan_tui.model import ModelError
from smartplan_tui.screens.widgets.literal import visible


def test_csv_with_bom_semicolons_aliases_and_blank_rows() -> None:
    people = parse_csv("\ufeffName;Organization;E-mail;country\n"
                       "Ilze;Kurzeme PR;ilze@example.lv;lv\n;;;\nJonas;;;LT\n", "people.csv")
    assert [(p.id, p.name, p.organisation, p.email, p.country) for p in people] == [
        ("new1", "Ilze", "Kurzeme PR", "ilze@example.lv", "LV"), ("new2", "Jonas", "", "", "LT")]


@pytest.mark.parametrize(("text", "message"), [
    ("", "people.csv: is empty"),
    ("organisation\nX\n", "people.csv line 1: needs a header row with a 'name' column"),
    ("name,phone\nA,1\n", "people.csv line 1: unknown column 'phone'"),
    ("name,country\nA,LV,extra\n", "people.csv line 2: has 3 cells; the header names 2"),
    ("name,email\nA,not-an-address\n", "people.csv line 2: email: 'not-an-address'"),
    ("name,country\n[bold],LV\n ,LT\n", "people.csv line 3: name: must not be empty"),
])
def test_csv_problems_name_the_line(text: str, message: str) -> None:
    with pytest.raises(ModelError) as caught:
        parse_csv(text, "people.csv")
    assert str(caught.value).startswith(message)


def test_counts_are_most_first_then_alphabetical() -> None:
    people = parse_csv("name,country\nA,LV\nB,LT\nC,LV\nD,\n")
    assert list(count_by(people, "country").items()) == [("LV", 2), ("", 1), ("LT", 1)]


def test_visible_shows_control_characters_and_cuts_long_text() -> None:
    assert visible("[bold]x[/bold]") == "[bold]x[/bold]"
    assert visible("a\x07b\tc\nd") == "a␇b c ⏎ d"
    assert visible("x" * 300, 10) == "x" * 10 + "…"
    assert visible("y" * 5000, 10).endswith("… (+4,990 characters)")

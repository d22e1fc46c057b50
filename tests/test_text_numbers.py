"""One way to write a number, cut a text to one line, list names and letter vote options,
checked where people see them: vote explanations, the command line, the reports, the screens."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from session_factory import rich_session
from typer.testing import CliRunner

from smartplan_tui.cli import app as cli_app
from smartplan_tui.exercises import voting
from smartplan_tui.exports.markdown import render_markdown
from smartplan_tui.model import Ballot, Vote, VoteMethod, VoteOption
from smartplan_tui.numbers import format_column, format_number, rounded
from smartplan_tui.screens.widgets.columns import cell
from smartplan_tui.text import and_list, columns, eighths_bar, fit, shorten

runner = CliRunner()


def _cli(home: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli_app, ["--home", str(home), *args])
    return result.exit_code, result.stdout, result.stderr


def score_vote(marks: list[int]) -> Vote:
    """A score vote on one criterion where option A gets `marks`, one ballot each."""
    ballots = tuple(Ballot(f"p{i}", scores={"A": {"impact": mark}}) for i, mark in enumerate(marks))
    return Vote("v1", "Rate it", VoteMethod.SCORE, (VoteOption("A", "Ferry"), VoteOption("B", "Bus")),
                criteria=("impact",), ballots=ballots)


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(("value", "shown"), [
    (3, "3"), (3.0, "3"), (2.5, "2.5"), (2.50, "2.5"), (10 / 3, "3.33"), (2.996, "3"),
    (2.994, "2.99"), (0.1 + 0.2, "0.3"), (-0.001, "0"), (12000, "12000"), (-1.5, "-1.5"),
])
def test_format_number_rounds_then_drops_trailing_zeros(value: float, shown: str) -> None:
    assert format_number(value) == shown


def test_grouped_numbers_and_other_precisions() -> None:
    assert format_number(12000, grouped=True) == "12,000"
    assert format_number(1234.5, grouped=True) == "1,234.5"
    assert format_number(1999.999, grouped=True) == "2,000"
    assert format_number(2.71828, 4) == "2.7183"
    assert format_number(4.5, 0) in ("4", "5")  # Python rounds halves to even


def test_rounded_is_what_json_writes() -> None:
    assert rounded(2.99999, 4) == 3 and isinstance(rounded(2.99999, 4), int)
    assert rounded(2.5) == 2.5 and rounded(1 / 3, 4) == 0.3333
    assert json.dumps([rounded(4.0), rounded(2.996)]) == "[4, 3]"


def test_a_column_lines_its_decimal_points_up() -> None:
    assert format_column([4, 3, 0]) == ["4", "3", "0"]
    assert format_column([11.5, 8, 5.5]) == ["11.50", "8.00", "5.50"]
    assert format_column([2.996, 3]) == ["3", "3"]


def test_a_mean_just_under_a_whole_number_reads_as_that_number() -> None:
    """249 marks of 3 and one of 2 average 2.996: the explanation says 3, never `3.`."""
    result = voting.count(score_vote([2] + [3] * 249))
    assert result.explanation.splitlines()[1] == "A: impact 3 → 3"


def test_the_same_figure_everywhere() -> None:
    """A mean of 10/3: 3.33 in the explanation, the report and the command-line table."""
    session = dataclasses.replace(rich_session(), votes=(score_vote([3, 3, 4]),))
    result = voting.count(session.votes[0])
    assert "A: impact 3.33 → 3.33" in result.explanation
    assert "| 1 | A | Ferry | 3.33 |" in render_markdown(session)
    assert voting.result_to_json(result)["ranking"][0]["score"] == 3.3333
    table = voting.render_table(result)
    assert "3.33" in table.splitlines()[2] and "3.333" not in table


# ------------------------------------------------------------------ one line of text


def test_shorten_counts_terminal_columns() -> None:
    assert shorten("Ventas rumba", 20) == "Ventas rumba"
    assert shorten("Ventas rumba", 8) == "Ventas …"
    assert shorten("Liepājas ostas attīstība", 10) == "Liepājas …"
    assert shorten("日本語のテキスト", 7) == "日本語…"
    assert columns(shorten("日本語のテキスト", 6)) <= 6
    assert shorten("e\u0301tude", 5) == "e\u0301tude"  # a combining accent takes no column
    assert shorten("abc", 0) == ""


def test_shorten_shows_control_characters_and_keeps_one_line() -> None:
    assert shorten("a\nb\tc", 20) == "a ⏎ b c"
    assert shorten("\x1b[2J\x07\u202e", 20) == "\u241b[2J\u2407<U+202E>"
    assert "\x1b" not in shorten("\x1b" * 50, 10)


@pytest.mark.parametrize("text", ["", "short", "Liepājas ostas attīstība — ķēde", "日本語テキスト",
                                  "tab\there", "x" * 300, "\x1b[2Jclear"])
@pytest.mark.parametrize("width", [1, 5, 12, 40])
def test_fit_is_exactly_the_width(text: str, width: int) -> None:
    assert columns(fit(text, width)) == width
    assert columns(fit(text, width, right=True)) == width
    assert fit(text, width).rstrip() == shorten(text, width).rstrip()


def test_screen_columns_and_vote_tables_cut_the_same_way() -> None:
    assert cell("日本語のテキスト", 7) == fit("日本語のテキスト", 7)
    assert cell("12", 5, right=True) == "   12"
    vote = Vote("v1", "Which?", options=(VoteOption("A", "日本語のテキスト" * 10),
                                         VoteOption("B", "Bus")),
                ballots=(Ballot("p1", dots={"A": 2, "B": 1}),))
    rows = voting.render_table(voting.count(vote), explain=False).splitlines()[2:4]
    assert [columns(row.split("█")[0]) for row in rows] == [columns(rows[1].split("█")[0])] * 2


def test_and_list() -> None:
    assert [and_list(n) for n in ([], ["A"], ["A", "B"], ["A", "B", "C"])] == [
        "", "A", "A and B", "A, B and C"]


# ------------------------------------------------------------------ vote option letters


def _option_ids(home: Path, session_id: str) -> list[str]:
    code, out, _ = _cli(home, "export", session_id)
    assert code == 0
    return [o["id"] for o in json.loads(out)["votes"][-1]["options"]]


def test_the_command_line_letters_options_as_the_app_does(home: Path) -> None:
    assert _cli(home, "new", "W", "--id", "w")[0] == 0
    typed = [arg for i in range(28) for arg in ("--option", f"Idea {i}")]
    assert _cli(home, "add", "vote", "w", "Which?", *typed)[0] == 0
    ids = _option_ids(home, "w")
    assert ids[24:] == ["Y", "Z", "AA", "AB"]
    assert ids == [voting.option_letter(i) for i in range(28)]
    # Options taken from SWOT come first; typed ones go on from the next letter.
    assert _cli(home, "add", "swot", "w", "S", "Harbour")[0] == 0
    assert _cli(home, "add", "vote", "w", "Again?", "--from", "s1", *typed[:54])[0] == 0
    assert _option_ids(home, "w")[25:] == ["Z", "AA", "AB"]


def test_a_bar_is_drawn_in_eighths_of_a_cell_and_is_empty_without_a_value() -> None:
    assert eighths_bar(10, 10, 4) == "████"
    assert eighths_bar(5, 10, 3) == "█▌"  # 1.5 cells
    assert eighths_bar(1, 80, 10) == "▏"  # one eighth still shows
    assert eighths_bar(0, 10, 4) == eighths_bar(3, 0, 4) == eighths_bar(3, 10, 0) == ""
